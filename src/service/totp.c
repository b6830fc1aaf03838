/* Two-factor sign-in (totp.h). */
#include "service/totp.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "auth/ratelimit.h"

#define CHALLENGE_PURPOSE "totp"

static bool staff(int role)
{
	return role == ROLE_ADMIN || role == ROLE_COORDINATOR;
}

/* Percent-encodes what is not safe in the label of an otpauth URI. */
static void uri_escape(const char *in, char *out, size_t cap)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && n + 4 < cap; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~@", *p) != NULL) {
			out[n++] = (char)*p;
		} else {
			out[n++] = '%';
			out[n++] = hex[*p >> 4];
			out[n++] = hex[*p & 15];
		}
	}
	out[n] = '\0';
}

/* A new pending secret for account a, handed out in out. */
static int new_secret(struct svc *s, const struct account *a, struct totp_secret *out)
{
	char hex[TOTP_HEX_CAP], sealed[TOTP_SEALED_CAP], label[400];
	totp_secret_new(hex);
	int rc = totp_base32(hex, out->base32) != 0 || totp_seal(s->app->secret_key, hex, sealed)
	                 ? kp_internal(s->err)
	                 : store_totp_put_pending(s->db, a->id, sealed, s->now, s->err);
	sodium_memzero(hex, sizeof hex);
	if (rc)
		return KP_ERR;
	uri_escape(a->email, label, sizeof label);
	snprintf(out->uri, sizeof out->uri,
	         "otpauth://totp/Knooppunt:%s?secret=%s&issuer=Knooppunt&algorithm=SHA1"
	         "&digits=%d&period=%d", label, out->base32, TOTP_DIGITS, TOTP_STEP);
	return KP_OK;
}

/* Checks code against record t of account id and records its step, turning
   a pending secret on. *wrong tells a wrong or used code from other failures. */
static int use_code(struct svc *s, int64_t id, const struct totp_record *t, const char *code,
                    bool *wrong)
{
	int64_t step = 0;
	char hex[TOTP_HEX_CAP];
	*wrong = true;
	if (totp_open(s->app->secret_key, t->secret_hex, hex) != 0) {
		*wrong = false; /* sealed with another key: not the person's mistake */
		return kp_internal(s->err);
	}
	int checked = totp_check(hex, s->now, code, &step);
	sodium_memzero(hex, sizeof hex);
	if (checked != 0)
		return kp_fail(s->err, KP_INVALID, "totp_wrong", "code");
	if (store_totp_accept(s->db, id, step, true, s->err))
		return KP_ERR;
	*wrong = false;
	return KP_OK;
}

static void principal_account(const struct principal *who, struct account *a)
{
	memset(a, 0, sizeof *a);
	a->id = who->account_id;
	a->role = who->role;
	snprintf(a->email, sizeof a->email, "%s", who->email);
}

/* --- the caller's own second factor --- */

static int read_status(struct svc *s, void *arg)
{
	struct totp_status *out = arg;
	struct totp_record t;
	if (svc_authorise(s, RES_TOTP, ACT_READ, NULL) ||
	    store_totp_get(s->db, s->who->account_id, &t, s->err) ||
	    store_network_totp_required(s->db, &out->required, s->err))
		return KP_ERR;
	out->enabled = t.enabled;
	out->pending = t.exists && !t.enabled;
	sodium_memzero(&t, sizeof t);
	return KP_OK;
}

int totp_status_get(struct app *app, struct db *db, const struct principal *who,
                    struct totp_status *out, struct kp_error *err)
{
	memset(out, 0, sizeof *out);
	return svc_read(app, db, who, read_status, out, err);
}

static int write_begin(struct svc *s, void *arg)
{
	struct totp_record t;
	struct account a;
	if (svc_authorise(s, RES_TOTP, ACT_CREATE, NULL) ||
	    store_totp_get(s->db, s->who->account_id, &t, s->err))
		return KP_ERR;
	bool on = t.enabled;
	sodium_memzero(&t, sizeof t);
	if (on)
		return kp_fail(s->err, KP_CONFLICT, "totp_already_on", "");
	principal_account(s->who, &a);
	return new_secret(s, &a, arg);
}

int totp_begin(struct app *app, struct db *db, const struct principal *who,
               struct totp_secret *out, struct kp_error *err)
{
	return svc_run(app, db, who, write_begin, out, err);
}

struct own_code {
	const char *code;
	bool disable;
	bool wrong;
};

static int write_own_code(struct svc *s, void *arg)
{
	struct own_code *x = arg;
	struct totp_record t;
	bool required = false;
	x->wrong = false;
	if (svc_authorise(s, RES_TOTP, x->disable ? ACT_DELETE : ACT_UPDATE, NULL) ||
	    store_totp_get(s->db, s->who->account_id, &t, s->err) ||
	    store_network_totp_required(s->db, &required, s->err))
		return KP_ERR;
	int rc;
	if (!x->disable && (!t.exists || t.enabled))
		rc = kp_fail(s->err, KP_CONFLICT, t.enabled ? "totp_already_on" : "totp_not_started",
		             "");
	else if (x->disable && !t.enabled)
		rc = kp_fail(s->err, KP_CONFLICT, "totp_not_on", "");
	else if (x->disable && required)
		rc = kp_fail(s->err, KP_CONFLICT, "totp_required", "");
	else
		rc = use_code(s, s->who->account_id, &t, x->code, &x->wrong);
	sodium_memzero(&t, sizeof t);
	if (rc == KP_OK && x->disable)
		rc = store_totp_delete(s->db, s->who->account_id, s->err);
	return rc;
}

/* Wrong codes of a logged-in caller count like wrong passwords of the account. */
static int own_code(struct app *app, struct db *db, const struct principal *who,
                    struct own_code *x, struct kp_error *err)
{
	char account_key[300], address_key[80];
	int64_t now = app->now();
	session_limit_keys(who->email, "", account_key, address_key);
	if (app->login_limit != NULL && !ratelimit_allowed(app->login_limit, account_key, now))
		return kp_fail(err, KP_LIMITED, "too_many_attempts", "code");
	int rc = svc_run(app, db, who, write_own_code, x, err);
	if (rc && x->wrong && app->login_limit != NULL)
		ratelimit_fail(app->login_limit, account_key, now);
	return rc;
}

int totp_confirm(struct app *app, struct db *db, const struct principal *who,
                 const char *code, struct kp_error *err)
{
	struct own_code x = { code, false, false };
	return own_code(app, db, who, &x, err);
}

int totp_disable(struct app *app, struct db *db, const struct principal *who,
                 const char *code, struct kp_error *err)
{
	struct own_code x = { code, true, false };
	return own_code(app, db, who, &x, err);
}

/* --- logging in --- */

struct login_step {
	const struct account *a;
	int step;
	char *challenge;
};

static int write_login_step(struct svc *s, void *arg)
{
	struct login_step *x = arg;
	struct totp_record t;
	bool required = false;
	char hash[65];
	x->step = 0;
	if (store_totp_get(s->db, x->a->id, &t, s->err) ||
	    store_network_totp_required(s->db, &required, s->err))
		return KP_ERR;
	bool on = t.enabled;
	sodium_memzero(&t, sizeof t);
	if (on)
		x->step = 1;
	else if (required && staff(x->a->role))
		x->step = 2;
	else
		return KP_OK;
	token_generate(x->challenge);
	token_hash(x->challenge, hash);
	return store_token_insert(s->db, hash, x->a->id, CHALLENGE_PURPOSE, s->now,
	                          s->now + TOTP_CHALLENGE_SECONDS, s->err);
}

int totp_login_step(struct app *app, struct db *db, const struct principal *who,
                    const struct account *a, int *step,
                    char challenge[TOKEN_TEXT_LEN + 1], struct kp_error *err)
{
	struct login_step x = { a, 0, challenge };
	challenge[0] = '\0';
	int rc = svc_run(app, db, who, write_login_step, &x, err);
	*step = rc == KP_OK ? x.step : 0;
	return rc;
}

struct challenge_use {
	const char *challenge;
	const char *code;
	struct totp_secret *secret;     /* enrolment */
	struct session_opened *out;     /* completion */
	struct account a;               /* set: the challenge's account */
	bool wrong;
	bool limited;
};

/* The live challenge's account and its TOTP record. */
static int challenge_account(struct svc *s, struct challenge_use *x, struct totp_record *t)
{
	char hash[65] = "";
	int64_t id = 0;
	if (x->challenge != NULL && strlen(x->challenge) == TOKEN_TEXT_LEN)
		token_hash(x->challenge, hash);
	if (store_token_peek(s->db, hash, CHALLENGE_PURPOSE, s->now, &id, s->err) ||
	    store_account_get(s->db, id, &x->a, NULL, s->err) ||
	    store_totp_get(s->db, id, t, s->err))
		return KP_ERR;
	return KP_OK;
}

static int write_enrol(struct svc *s, void *arg)
{
	struct challenge_use *x = arg;
	struct totp_record t;
	bool required = false;
	if (challenge_account(s, x, &t) || store_network_totp_required(s->db, &required, s->err))
		return KP_ERR;
	bool on = t.enabled;
	sodium_memzero(&t, sizeof t);
	if (on || !required || !staff(x->a.role))
		return kp_fail(s->err, KP_INVALID, "invalid_challenge", "challenge");
	return new_secret(s, &x->a, x->secret);
}

int totp_challenge_enrol(struct app *app, struct db *db, const struct principal *who,
                         const char *challenge, struct totp_secret *out,
                         struct kp_error *err)
{
	struct challenge_use x = { .challenge = challenge, .secret = out };
	return svc_run(app, db, who, write_enrol, &x, err);
}

static int write_complete(struct svc *s, void *arg)
{
	struct challenge_use *x = arg;
	struct totp_record t;
	char hash[65], account_key[300], address_key[80];
	int64_t id = 0;
	int rc;
	x->wrong = x->limited = false;
	if (challenge_account(s, x, &t))
		return KP_ERR;
	session_limit_keys(x->a.email, "", account_key, address_key);
	if (s->app->login_limit != NULL &&
	    !ratelimit_allowed(s->app->login_limit, account_key, s->now)) {
		x->limited = true;
		rc = kp_fail(s->err, KP_LIMITED, "too_many_attempts", "code");
	} else if (!t.exists) {
		rc = kp_fail(s->err, KP_CONFLICT, "totp_not_started", "");
	} else {
		rc = use_code(s, x->a.id, &t, x->code, &x->wrong);
	}
	sodium_memzero(&t, sizeof t);
	if (rc)
		return KP_ERR;
	token_hash(x->challenge, hash);
	if (store_token_take(s->db, hash, CHALLENGE_PURPOSE, s->now, &id, s->err))
		return KP_ERR;
	return session_write(s, &x->a, x->out);
}

int totp_challenge_complete(struct app *app, struct db *db, const struct principal *who,
                            const char *challenge, const char *code, const char *address,
                            struct session_opened *out, struct kp_error *err)
{
	struct ratelimit *rl = app->login_limit;
	struct challenge_use x = { .challenge = challenge, .code = code, .out = out };
	char account_key[300], address_key[80];
	int64_t now = app->now();
	session_limit_keys("", address, account_key, address_key);
	if (rl != NULL && !ratelimit_allowed(rl, address_key, now))
		return kp_fail(err, KP_LIMITED, "too_many_attempts", "code");
	int rc = svc_run(app, db, who, write_complete, &x, err);
	if (rl == NULL || x.a.id == 0)
		return rc;
	session_limit_keys(x.a.email, address, account_key, address_key);
	if (rc == KP_OK)
		ratelimit_clear(rl, account_key);
	else if (x.wrong) {
		ratelimit_fail(rl, account_key, now);
		ratelimit_fail(rl, address_key, now);
	}
	return rc;
}

/* --- the network's rule --- */

static int read_network(struct svc *s, void *arg)
{
	if (svc_authorise(s, RES_NETWORK, ACT_READ, NULL))
		return KP_ERR;
	return store_network_totp_required(s->db, arg, s->err);
}

int network_totp_get(struct app *app, struct db *db, const struct principal *who,
                     bool *required, struct kp_error *err)
{
	*required = false;
	return svc_read(app, db, who, read_network, required, err);
}

static int write_network(struct svc *s, void *arg)
{
	const bool *required = arg;
	if (svc_authorise(s, RES_NETWORK, ACT_UPDATE, NULL) ||
	    store_network_set_totp_required(s->db, *required, s->now, s->err))
		return KP_ERR;
	return svc_audit(s, "update", "network", 0, 0, NULL);
}

int network_totp_set(struct app *app, struct db *db, const struct principal *who,
                     bool required, struct kp_error *err)
{
	return svc_run(app, db, who, write_network, &required, err);
}

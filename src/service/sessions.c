/* Logging in and out, and a person's own sessions (sessions.h). */
#include "service/sessions.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "auth/ratelimit.h"
#include "service/totp.h"

/* The stored hash of a session token; "" for none or a malformed one. */
static void hash_of(const char *token, char hash[65])
{
	hash[0] = '\0';
	if (token != NULL && strlen(token) == TOKEN_TEXT_LEN)
		token_hash(token, hash);
}

static void principal_of(const struct account *a, const char *csrf, struct principal *who)
{
	memset(who, 0, sizeof *who);
	who->account_id = a->id;
	who->role = a->role;
	who->organisation_id = a->organisation_id;
	who->volunteer_id = a->volunteer_id;
	snprintf(who->display_name, sizeof who->display_name, "%s", a->display_name);
	snprintf(who->email, sizeof who->email, "%s", a->email);
	snprintf(who->csrf_token, sizeof who->csrf_token, "%s", csrf);
}

struct opening {
	const struct account *a;
	struct session_opened *out;
};

int session_write(struct svc *s, const struct account *a, struct session_opened *out)
{
	char token_h[65], csrf[TOKEN_TEXT_LEN + 1];
	token_generate(out->token);
	token_generate(csrf);
	token_hash(out->token, token_h);
	out->max_age = (int64_t)s->app->cfg.session_hours * 3600;
	if (store_session_insert(s->db, token_h, a->id, csrf, s->now, s->now + out->max_age,
	                         s->err))
		return KP_ERR;
	principal_of(a, csrf, &out->who);
	return KP_OK;
}

static int write_session(struct svc *s, void *arg)
{
	struct opening *x = arg;
	return session_write(s, x->a, x->out);
}

int session_open(struct app *app, struct db *db, const struct principal *who,
                 const struct account *a, struct session_opened *out, struct kp_error *err)
{
	struct opening x = { a, out };
	return svc_run(app, db, who, write_session, &x, err);
}

struct lookup {
	const char *email;
	struct account *a;
	char *hash;
	bool found;
};

static int find_account(struct svc *s, void *arg)
{
	struct lookup *x = arg;
	struct kp_error miss = { 0 };
	x->found = store_account_by_email(s->db, x->email, x->a, x->hash, &miss) == KP_OK;
	if (x->found || miss.kind == KP_NOT_FOUND)
		return KP_OK;
	*s->err = miss;
	return KP_ERR;
}

/* Per account and per address, so that neither one address trying many
   accounts nor many addresses trying one account get far. */
struct attempt_keys {
	char account[300];
	char address[80];
};

void session_limit_keys(const char *email, const char *address, char account_key[300],
                        char address_key[80])
{
	snprintf(account_key, 300, "account:%.280s", email);
	for (char *p = account_key; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	snprintf(address_key, 80, "address:%.64s", address);
}

static void keys_of(const struct session_login *l, struct attempt_keys *k)
{
	session_limit_keys(l->email, l->address, k->account, k->address);
}

/* Looks the account up and checks the password, outside any transaction. */
static int check_password(struct app *app, struct db *db, const struct principal *who,
                          struct session_login *l, struct account *a, struct kp_error *err)
{
	char hash[128] = "";
	struct lookup x = { l->email, a, hash, false };
	if (svc_read(app, db, who, find_account, &x, err))
		return KP_ERR;
	/* Verify even for an unknown address, so timing does not tell which exist. */
	bool ok = password_verify(l->password, x.found ? hash : app->dummy_hash);
	if (!x.found || !ok)
		return kp_fail(err, KP_UNAUTHENTICATED, "login_failed", "email");
	return KP_OK;
}

static int log_in(struct app *app, struct db *db, const struct principal *who,
                  struct session_login *l, struct kp_error *err)
{
	struct ratelimit *rl = app->login_limit;
	struct attempt_keys k;
	struct account a;
	int64_t now = app->now();
	keys_of(l, &k);
	if (rl != NULL &&
	    (!ratelimit_allowed(rl, k.account, now) || !ratelimit_allowed(rl, k.address, now)))
		return kp_fail(err, KP_LIMITED, "too_many_attempts", "email");
	if (check_password(app, db, who, l, &a, err)) {
		if (rl != NULL && err->kind == KP_UNAUTHENTICATED) {
			ratelimit_fail(rl, k.account, now);
			ratelimit_fail(rl, k.address, now);
		}
		return KP_ERR;
	}
	/* With a second step the account's failures stay counted until its code
	   is right: a known password must not reset the count of wrong codes. */
	if (totp_login_step(app, db, who, &a, &l->second_step, l->challenge, err))
		return KP_ERR;
	if (l->second_step != 0)
		return KP_OK;
	if (rl != NULL)
		ratelimit_clear(rl, k.account);
	return session_open(app, db, who, &a, l->out, err);
}

int session_create(struct app *app, struct db *db, const struct principal *who,
                   struct session_login *l, struct kp_error *err)
{
	int rc = log_in(app, db, who, l, err);
	sodium_memzero(l->password, strlen(l->password));
	return rc;
}

struct resolving {
	const char *hash;
	struct principal *who;
};

static int read_principal(struct svc *s, void *arg)
{
	struct resolving *x = arg;
	struct kp_error err = { 0 };
	if (store_session_principal(s->db, x->hash, s->now, x->who, &err) == KP_OK)
		return KP_OK;
	memset(x->who, 0, sizeof *x->who);
	x->who->role = ROLE_ANONYMOUS;
	if (err.kind == KP_UNAUTHENTICATED)
		return KP_OK;
	*s->err = err; /* a database failure is not "logged out" */
	return KP_ERR;
}

int session_resolve_token(struct app *app, struct db *db, const char *token,
                          struct principal *who, struct kp_error *err)
{
	char hash[65];
	struct resolving x = { hash, who };
	memset(who, 0, sizeof *who);
	who->role = ROLE_ANONYMOUS;
	hash_of(token, hash);
	if (hash[0] == '\0')
		return KP_OK;
	return svc_read(app, db, who, read_principal, &x, err);
}

static int write_logout(struct svc *s, void *arg)
{
	const char *hash = arg;
	if (s->who->role == ROLE_ANONYMOUS || hash[0] == '\0')
		return kp_fail(s->err, KP_UNAUTHENTICATED, "not_logged_in", "");
	return store_session_delete(s->db, hash, s->err);
}

int session_delete(struct app *app, struct db *db, const struct principal *who,
                   const char *token, struct kp_error *err)
{
	char hash[65] = "";
	if (token != NULL)
		token_hash(token, hash);
	return svc_run(app, db, who, write_logout, hash, err);
}

struct own_sessions {
	const char *hash;
	session_fn each;
	void *ctx;
	int64_t revoked;
};

static int read_sessions(struct svc *s, void *arg)
{
	struct own_sessions *x = arg;
	if (svc_authorise(s, RES_SESSION, ACT_LIST, NULL))
		return KP_ERR;
	return store_session_list(s->db, s->who->account_id, x->hash, s->now, x->each, x->ctx,
	                          s->err);
}

int session_list(struct app *app, struct db *db, const struct principal *who,
                 const char *token, session_fn each, void *ctx, struct kp_error *err)
{
	char hash[65];
	hash_of(token, hash);
	struct own_sessions x = { hash, each, ctx, 0 };
	return svc_read(app, db, who, read_sessions, &x, err);
}

static int write_revoke(struct svc *s, void *arg)
{
	struct own_sessions *x = arg;
	if (svc_authorise(s, RES_SESSION, ACT_DELETE, NULL))
		return KP_ERR;
	return store_session_revoke(s->db, s->who->account_id, x->hash, &x->revoked, s->err);
}

int session_delete_others(struct app *app, struct db *db, const struct principal *who,
                          const char *token, int64_t *revoked, struct kp_error *err)
{
	char hash[65];
	hash_of(token, hash);
	struct own_sessions x = { hash, NULL, NULL, 0 };
	int rc = svc_run(app, db, who, write_revoke, &x, err);
	*revoked = x.revoked;
	return rc;
}

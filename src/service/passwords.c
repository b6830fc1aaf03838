/* Invitations, password resets and changes (passwords.h). */
#include "service/passwords.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "auth/ratelimit.h"
#include "service/accounts.h"
#include "service/notify.h"
#include "util/parse.h"

/* The start of a link in a mail: the public address, else where we listen. */
static void link_base(const struct app *app, char *out, size_t cap)
{
	if (app->cfg.public_url[0] != '\0')
		snprintf(out, cap, "%s", app->cfg.public_url);
	else
		snprintf(out, cap, "http://%s:%d", app->cfg.host, app->cfg.port);
}

/* Stores a fresh token of `purpose` for account a and mails its link. */
static int send_link(struct svc *s, const struct account *a, const char *purpose,
                     int64_t lifetime, const char *path, const char *subject,
                     const char *text)
{
	char token[TOKEN_TEXT_LEN + 1], hash[65], base[256], key[96], body[1024], until[16];
	token_generate(token);
	token_hash(token, hash);
	link_base(s->app, base, sizeof base);
	parse_format_date(s->now + lifetime, until);
	snprintf(key, sizeof key, NOTIFY_SECRET_PREFIX "%s:%.32s", purpose, hash);
	snprintf(body, sizeof body, "Beste %s,\n\n%s\n\n%s%s?token=%s\n\nDeze link werkt één keer "
	         "en is geldig tot %s.\n", a->display_name, text, base, path, token, until);
	int rc = store_token_insert(s->db, hash, a->id, purpose, s->now, s->now + lifetime,
	                            s->err) ||
	         notify_address(s->db, a->email, a->organisation_id, key, subject, body, s->now,
	                        NULL, s->err);
	sodium_memzero(token, sizeof token);
	sodium_memzero(body, sizeof body);
	return rc ? KP_ERR : KP_OK;
}

int invitation_send(struct svc *s, const struct account *a)
{
	return send_link(s, a, "invitation", (int64_t)INVITATION_DAYS * 86400, "/uitnodiging",
	                 "Uitnodiging voor Knooppunt",
	                 "Er staat een account op Knooppunt klaar voor dit e-mailadres. Kies via "
	                 "deze link zelf een wachtwoord; niemand anders kent het.");
}

struct setting {
	struct password_set *p;
	const char *purpose;
	const char *hash;
};

static int write_password(struct svc *s, void *arg)
{
	struct setting *x = arg;
	char token_h[65] = "";
	int64_t id = 0;
	if (strlen(x->p->token) == TOKEN_TEXT_LEN)
		token_hash(x->p->token, token_h);
	if (store_token_take(s->db, token_h, x->purpose, s->now, &id, s->err) ||
	    store_account_get(s->db, id, &x->p->account, NULL, s->err) ||
	    store_account_set_password(s->db, id, x->hash, s->err) ||
	    store_tokens_end(s->db, id, "reset", s->now, s->err) ||
	    store_session_revoke(s->db, id, NULL, &(int64_t){ 0 }, s->err))
		return KP_ERR;
	/* Logged as done by the account's owner, who holds the link. */
	const struct account *a = &x->p->account;
	const struct principal owner = { .account_id = id, .role = a->role,
	                                 .organisation_id = a->organisation_id,
	                                 .volunteer_id = a->volunteer_id };
	const struct principal *caller = s->who;
	s->who = &owner;
	int rc = svc_audit(s, x->purpose, "account", a->volunteer_id, id, NULL);
	s->who = caller;
	return rc;
}

static int set_by_token(struct app *app, struct db *db, const struct principal *who,
                        struct password_set *p, const char *purpose, struct kp_error *err)
{
	char hash[PASSWORD_HASH_MAX];
	struct setting x = { p, purpose, hash };
	if (parse_utf8_length(p->password) < PASSWORD_MIN) {
		sodium_memzero(p->password, strlen(p->password));
		return kp_fail_limit(err, KP_INVALID, "too_short", "password", PASSWORD_MIN);
	}
	int rc = password_hash(p->password, hash) != 0 ? kp_internal(err) : KP_OK;
	sodium_memzero(p->password, strlen(p->password));
	if (rc == KP_OK)
		rc = svc_run(app, db, who, write_password, &x, err);
	sodium_memzero(hash, sizeof hash);
	return rc;
}

int invitation_accept(struct app *app, struct db *db, const struct principal *who,
                      struct password_set *p, struct kp_error *err)
{
	return set_by_token(app, db, who, p, "invitation", err);
}

int password_reset_confirm(struct app *app, struct db *db, const struct principal *who,
                           struct password_set *p, struct kp_error *err)
{
	return set_by_token(app, db, who, p, "reset", err);
}

static int write_reset_request(struct svc *s, void *arg)
{
	const struct reset_request *r = arg;
	struct account a;
	char hash[128];
	struct kp_error miss = { 0 };
	if (store_account_by_email(s->db, r->email, &a, hash, &miss)) {
		if (miss.kind == KP_NOT_FOUND)
			return KP_OK; /* the same answer: nobody learns which addresses exist */
		*s->err = miss;
		return KP_ERR;
	}
	return store_tokens_end(s->db, a.id, "reset", s->now, s->err) ||
	               send_link(s, &a, "reset", (int64_t)RESET_HOURS * 3600,
	                         "/wachtwoord-herstellen", "Nieuw wachtwoord voor Knooppunt",
	                         "Er is een nieuw wachtwoord gevraagd voor het account met dit "
	                         "e-mailadres. Kies het via deze link. Niets aangevraagd? Dan kan "
	                         "deze e-mail weg; het oude wachtwoord blijft gelden.")
	           ? KP_ERR
	           : KP_OK;
}

int password_reset_request(struct app *app, struct db *db, const struct principal *who,
                           const struct reset_request *r, struct kp_error *err)
{
	char key[80];
	int64_t now = app->now();
	snprintf(key, sizeof key, "reset:%.64s", r->address);
	if (app->signup_limit != NULL) {
		if (!ratelimit_allowed(app->signup_limit, key, now))
			return kp_fail(err, KP_LIMITED, "too_many_attempts", "email");
		ratelimit_fail(app->signup_limit, key, now);
	}
	return svc_run(app, db, who, write_reset_request, (void *)r, err);
}

struct changing {
	const char *hash;
	const char *session;
};

static int write_change(struct svc *s, void *arg)
{
	struct changing *x = arg;
	char keep[65] = "";
	int64_t revoked = 0;
	if (s->who->account_id <= 0)
		return kp_fail(s->err, KP_UNAUTHENTICATED, "not_logged_in", "");
	if (x->session != NULL && strlen(x->session) == TOKEN_TEXT_LEN)
		token_hash(x->session, keep);
	if (store_account_set_password(s->db, s->who->account_id, x->hash, s->err) ||
	    store_tokens_end(s->db, s->who->account_id, "reset", s->now, s->err) ||
	    store_session_revoke(s->db, s->who->account_id, keep, &revoked, s->err))
		return KP_ERR;
	return svc_audit(s, "credentials", "account", s->who->volunteer_id, s->who->account_id, NULL);
}

static int read_hash(struct svc *s, void *arg)
{
	struct account a;
	return store_account_get(s->db, s->who->account_id, &a, arg, s->err);
}

/* Checks the current password outside any transaction, as logging in does. */
static int check_current(struct app *app, struct db *db, const struct principal *who,
                         const char *current, struct kp_error *err)
{
	struct ratelimit *rl = app->login_limit;
	char key[300], hash[128] = "";
	int64_t now = app->now();
	if (who->account_id <= 0)
		return kp_fail(err, KP_UNAUTHENTICATED, "not_logged_in", "");
	snprintf(key, sizeof key, "account:%s", who->email);
	if (rl != NULL && !ratelimit_allowed(rl, key, now))
		return kp_fail(err, KP_LIMITED, "too_many_attempts", "current");
	if (svc_read(app, db, who, read_hash, hash, err))
		return KP_ERR;
	if (password_verify(current, hash))
		return KP_OK;
	if (rl != NULL)
		ratelimit_fail(rl, key, now);
	return kp_invalid(err, "current", "wrong_password");
}

int password_change(struct app *app, struct db *db, const struct principal *who,
                    struct password_change *c, struct kp_error *err)
{
	char hash[PASSWORD_HASH_MAX] = "";
	struct changing x = { hash, c->session };
	int rc = check_current(app, db, who, c->current, err);
	if (rc == KP_OK && parse_utf8_length(c->next) < PASSWORD_MIN)
		rc = kp_fail_limit(err, KP_INVALID, "too_short", "new", PASSWORD_MIN);
	if (rc == KP_OK && password_hash(c->next, hash) != 0)
		rc = kp_internal(err);
	sodium_memzero(c->current, strlen(c->current));
	sodium_memzero(c->next, strlen(c->next));
	if (rc == KP_OK)
		rc = svc_run(app, db, who, write_change, &x, err);
	sodium_memzero(hash, sizeof hash);
	return rc;
}

/* Listing, creating and signing up accounts (accounts.h). */
#include "service/accounts.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "auth/ratelimit.h"
#include "service/organisations.h"
#include "service/passwords.h"
#include "util/parse.h"

static int read_list(struct svc *s, void *arg)
{
	struct account_query *q = arg;
	struct authz_scope scope = authz_list_scope(s->who, RES_ACCOUNT);
	struct list_filter f;
	if (scope.none)
		return svc_authorise(s, RES_ACCOUNT, ACT_LIST, NULL);
	list_filter_init(&f);
	f.organisation_id = scope.organisation_id;
	return store_account_list(s->db, &f, q->page, q->each, q->ctx, &q->total, s->err);
}

int account_list(struct app *app, struct db *db, const struct principal *who,
                 struct account_query *q, struct kp_error *err)
{
	return svc_read(app, db, who, read_list, q, err);
}

static bool plausible_email(const char *s)
{
	const char *at = strchr(s, '@');
	return at != NULL && at != s && strchr(at + 1, '.') != NULL && strchr(s, ' ') == NULL;
}

int account_credentials(const char *email, char *password, char hash[PASSWORD_HASH_MAX],
                        struct kp_error *err)
{
	int rc = KP_OK;
	if (!plausible_email(email))
		rc = kp_invalid(err, "email", "invalid_email");
	else if (parse_utf8_length(password) < PASSWORD_MIN)
		rc = kp_fail_limit(err, KP_INVALID, "too_short", "password", PASSWORD_MIN);
	else if (password_hash(password, hash) != 0)
		rc = kp_internal(err);
	sodium_memzero(password, strlen(password));
	return rc;
}

/* A volunteer's account belongs to the volunteer's organisation; *email gets
   the address on the record. */
static int volunteer_of(struct svc *s, struct account *a, char email[255])
{
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, a->volunteer_id, false, v, s->err);
	if (rc == KP_OK) {
		a->organisation_id = v->organisation_id;
		snprintf(email, 255, "%s", v->email);
	} else if (s->err->kind == KP_NOT_FOUND) {
		kp_invalid(s->err, "volunteer_id", "unknown_reference");
	}
	free(v);
	return rc;
}

/* A volunteer has one account, and it goes to the address on the record:
   whoever makes it cannot send the invitation to an address of their own. */
static int volunteer_account(struct svc *s, struct account *a, const char *email)
{
	int64_t n = 0;
	if (email[0] == '\0')
		return kp_invalid(s->err, "volunteer_id", "volunteer_without_email");
	if (a->email[0] != '\0' && strcasecmp(a->email, email) != 0)
		return kp_invalid(s->err, "email", "not_volunteer_email");
	snprintf(a->email, sizeof a->email, "%s", email);
	if (store_account_count_for_volunteer(s->db, a->volunteer_id, &n, s->err))
		return KP_ERR;
	return n > 0 ? kp_fail(s->err, KP_CONFLICT, "account_exists", "volunteer_id") : KP_OK;
}

static int insert_account(struct svc *s, struct account *a, const char *hash);

int account_invite_volunteer(struct svc *s, const struct volunteer *v, bool *invited)
{
	char hash[128];
	struct account a = { .role = ROLE_VOLUNTEER, .volunteer_id = v->id,
	                     .organisation_id = v->organisation_id, .active = 1 };
	struct kp_error none = { 0 };
	*invited = false;
	if (v->email[0] == '\0' || !plausible_email(v->email))
		return KP_OK;
	/* Someone who already has an account with this address is not invited twice. */
	int rc = store_account_by_email(s->db, v->email, &a, hash, &none);
	if (rc == KP_OK)
		return KP_OK;
	if (none.kind != KP_NOT_FOUND)
		return kp_internal(s->err);
	a = (struct account){ .role = ROLE_VOLUNTEER, .volunteer_id = v->id,
	                      .organisation_id = v->organisation_id, .active = 1 };
	snprintf(a.display_name, sizeof a.display_name, "%.120s %.120s", v->first_name,
	         v->last_name);
	if (insert_account(s, &a, ""))
		return KP_ERR;
	*invited = true;
	return KP_OK;
}

struct new_account {
	struct account *a;
	const char *hash;      /* "" for an invitation */
};

static int authorise_account(struct svc *s, const struct account *a)
{
	/* A coordinator hands out accounts within their own organisation only. */
	struct authz_target t = { .organisation_id = a->organisation_id };
	if (svc_authorise(s, RES_ACCOUNT, ACT_CREATE, &t))
		return KP_ERR;
	if (s->who->role != ROLE_ADMIN && (a->role == ROLE_ADMIN || a->role == ROLE_REFERRER))
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "role");
	return KP_OK;
}

static int insert_account(struct svc *s, struct account *a, const char *hash)
{
	char email[255] = "";
	bool volunteer = a->role == ROLE_VOLUNTEER;
	if ((volunteer && volunteer_of(s, a, email)) || authorise_account(s, a) ||
	    (volunteer && volunteer_account(s, a, email)))
		return KP_ERR;
	if (!plausible_email(a->email))
		return kp_invalid(s->err, "email", "invalid_email");
	a->invited = hash[0] == '\0';
	if (store_account_insert(s->db, a, hash, s->now, s->err) ||
	    svc_audit(s, "create", "account", a->volunteer_id, a->id, NULL) ||
	    (a->invited && invitation_send(s, a)))
		return KP_ERR;
	return KP_OK;
}

static int write_account(struct svc *s, void *arg)
{
	struct new_account *x = arg;
	/* The attempt may run again: each starts from the request's address. */
	char asked[sizeof x->a->email];
	snprintf(asked, sizeof asked, "%s", x->a->email);
	if (insert_account(s, x->a, x->hash) == KP_OK)
		return KP_OK;
	snprintf(x->a->email, sizeof x->a->email, "%s", asked);
	return KP_ERR;
}

/* What the request must name before a password is worth hashing. An
   account made by a member of staff is always an invitation: nobody but its
   owner sets its password. Only the server's console (the first
   administrator) passes one. */
static int check_references(const struct principal *who, const struct account_new *n,
                            struct kp_error *err)
{
	const struct account *a = &n->account;
	bool needs_org = a->role == ROLE_COORDINATOR || a->role == ROLE_PROFESSIONAL;
	if (needs_org && a->organisation_id == 0)
		return kp_invalid(err, "organisation_id", "required");
	if (a->role == ROLE_VOLUNTEER && a->volunteer_id == 0)
		return kp_invalid(err, "volunteer_id", "required");
	if (n->password[0] != '\0' && !principal_is_console(who))
		return kp_invalid(err, "password", "invitation_only");
	if (a->role != ROLE_VOLUNTEER && a->email[0] == '\0')
		return kp_invalid(err, "email", "required");
	return KP_OK;
}

int account_create(struct app *app, struct db *db, const struct principal *who,
                   struct account_new *n, struct kp_error *err)
{
	char hash[PASSWORD_HASH_MAX] = "";
	struct new_account x = { &n->account, hash };
	if (check_references(who, n, err)) {
		sodium_memzero(n->password, strlen(n->password));
		return KP_ERR;
	}
	if (n->password[0] != '\0' && account_credentials(n->account.email, n->password, hash, err))
		return KP_ERR;
	n->account.active = 1;
	return svc_run(app, db, who, write_account, &x, err);
}

struct activation {
	int64_t id;
	bool active;
	struct account *out;
};

static int write_active(struct svc *s, void *arg)
{
	struct activation *x = arg;
	int64_t ended = 0;
	if (store_account_get(s->db, x->id, x->out, NULL, s->err))
		return KP_ERR;
	struct authz_target t = { .organisation_id = x->out->organisation_id,
	                          .volunteer_id = x->out->volunteer_id };
	if (svc_authorise(s, RES_ACCOUNT, ACT_UPDATE, &t))
		return KP_ERR;
	if (x->id == s->who->account_id)
		return kp_invalid(s->err, "active", "own_account");
	if (x->out->active == (int)x->active)
		return KP_OK;
	x->out->active = x->active;
	/* A deactivated account's sessions end now, not when they expire. */
	if (store_account_set_active(s->db, x->id, x->active, s->err) ||
	    (!x->active && store_session_revoke(s->db, x->id, NULL, &ended, s->err)))
		return KP_ERR;
	return svc_audit(s, x->active ? "reactivate" : "deactivate", "account",
	                 x->out->volunteer_id, x->id, NULL);
}

int account_set_active(struct app *app, struct db *db, const struct principal *who, int64_t id,
                       bool active, struct account *out, struct kp_error *err)
{
	struct activation x = { id, active, out };
	return svc_run(app, db, who, write_active, &x, err);
}

struct new_signup {
	struct account_signup *in;
	const char *hash;
};

/* Volunteers sign up with an organisation that takes them, not a referrer's desk. */
static int signup_organisation(struct svc *s, int64_t id)
{
	struct organisation *o = malloc(sizeof *o);
	if (o == NULL)
		return kp_internal(s->err);
	int rc = store_organisation_get(s->db, id, o, s->err);
	if (rc && s->err->kind == KP_NOT_FOUND)
		kp_invalid(s->err, "organisation_id", "unknown_reference");
	else if (rc == KP_OK && !organisation_takes_signups(o))
		rc = kp_invalid(s->err, "organisation_id", "no_signups");
	free(o);
	return rc;
}

static int write_signup(struct svc *s, void *arg)
{
	struct new_signup *x = arg;
	struct volunteer *v = x->in->volunteer;
	struct account *a = &x->in->account;
	v->created_at = v->updated_at = s->now;
	v->version = 1;
	if (signup_organisation(s, v->organisation_id) ||
	    store_volunteer_insert(s->db, v, false, s->err))
		return KP_ERR;
	a->volunteer_id = v->id;
	if (store_account_insert(s->db, a, x->hash, s->now, s->err))
		return KP_ERR;
	svc_after_volunteer(s, v->id);
	return KP_OK;
}

/* The volunteer starts today; the account follows from the record. */
static void signup_defaults(struct account_signup *s, int64_t now)
{
	struct volunteer *v = s->volunteer;
	struct account *a = &s->account;
	parse_format_date(now, v->started_on);
	snprintf(v->email, sizeof v->email, "%s", a->email);
	a->role = ROLE_VOLUNTEER;
	a->active = 1;
	a->organisation_id = v->organisation_id;
	snprintf(a->display_name, sizeof a->display_name, "%.120s %.120s", v->first_name,
	         v->last_name);
}

int account_signup(struct app *app, struct db *db, const struct principal *who,
                   struct account_signup *s, struct kp_error *err)
{
	char hash[PASSWORD_HASH_MAX], key[80];
	struct new_signup x = { s, hash };
	int64_t now = app->now();
	snprintf(key, sizeof key, "signup:%.64s", s->address ? s->address : "");
	if (app->signup_limit != NULL && !ratelimit_allowed(app->signup_limit, key, now)) {
		sodium_memzero(s->password, strlen(s->password));
		return kp_fail(err, KP_LIMITED, "too_many_attempts", "email");
	}
	if (app->signup_limit != NULL)
		ratelimit_fail(app->signup_limit, key, now);
	signup_defaults(s, now);
	if (volunteer_validate(s->volunteer, err)) {
		sodium_memzero(s->password, strlen(s->password));
		return KP_ERR;
	}
	if (account_credentials(s->account.email, s->password, hash, err))
		return KP_ERR;
	s->volunteer->id = 0;
	return svc_run(app, db, who, write_signup, &x, err);
}

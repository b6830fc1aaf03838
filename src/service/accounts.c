/* Listing, creating and signing up accounts (accounts.h). */
#include "service/accounts.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/organisations.h"
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

/* A volunteer's account belongs to the volunteer's organisation. */
static int volunteer_organisation(struct svc *s, struct account *a)
{
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, a->volunteer_id, false, v, s->err);
	if (rc == KP_OK)
		a->organisation_id = v->organisation_id;
	else if (s->err->kind == KP_NOT_FOUND)
		kp_invalid(s->err, "volunteer_id", "unknown_reference");
	free(v);
	return rc;
}

struct new_account {
	struct account *a;
	const char *hash;
};

static int write_account(struct svc *s, void *arg)
{
	struct new_account *x = arg;
	struct account *a = x->a;
	if (a->role == ROLE_VOLUNTEER && volunteer_organisation(s, a))
		return KP_ERR;
	/* A coordinator hands out accounts within their own organisation only. */
	struct authz_target t = { .organisation_id = a->organisation_id };
	if (svc_authorise(s, RES_ACCOUNT, ACT_CREATE, &t))
		return KP_ERR;
	if (s->who->role != ROLE_ADMIN && (a->role == ROLE_ADMIN || a->role == ROLE_REFERRER))
		return kp_fail(s->err, KP_FORBIDDEN, "forbidden", "role");
	return store_account_insert(s->db, a, x->hash, s->now, s->err);
}

/* What the request must name before a password is worth hashing. */
static int check_references(const struct account *a, struct kp_error *err)
{
	bool needs_org = a->role == ROLE_COORDINATOR || a->role == ROLE_PROFESSIONAL;
	if (needs_org && a->organisation_id == 0)
		return kp_invalid(err, "organisation_id", "required");
	if (a->role == ROLE_VOLUNTEER && a->volunteer_id == 0)
		return kp_invalid(err, "volunteer_id", "required");
	return KP_OK;
}

int account_create(struct app *app, struct db *db, const struct principal *who,
                   struct account_new *n, struct kp_error *err)
{
	char hash[PASSWORD_HASH_MAX];
	struct new_account x = { &n->account, hash };
	if (check_references(&n->account, err)) {
		sodium_memzero(n->password, strlen(n->password));
		return KP_ERR;
	}
	if (account_credentials(n->account.email, n->password, hash, err))
		return KP_ERR;
	n->account.active = 1;
	return svc_run(app, db, who, write_account, &x, err);
}

struct new_signup {
	struct account_signup *in;
	const char *hash;
};

static int write_signup(struct svc *s, void *arg)
{
	struct new_signup *x = arg;
	struct volunteer *v = x->in->volunteer;
	struct account *a = &x->in->account;
	v->created_at = v->updated_at = s->now;
	v->version = 1;
	if (organisation_check(s, v->organisation_id, "organisation_id") ||
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
	char hash[PASSWORD_HASH_MAX];
	struct new_signup x = { s, hash };
	signup_defaults(s, app->now());
	if (volunteer_validate(s->volunteer, err)) {
		sodium_memzero(s->password, strlen(s->password));
		return KP_ERR;
	}
	if (account_credentials(s->account.email, s->password, hash, err))
		return KP_ERR;
	s->volunteer->id = 0;
	return svc_run(app, db, who, write_signup, &x, err);
}

/* Expense claims, receipts, the allowance caps and rates per km (expenses.h). */
#include "service/expenses.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/parse.h"

static int authorise_claim(struct svc *s, enum resource res, enum action act,
                           const struct expense_claim *c)
{
	struct authz_target t = { .organisation_id = c->organisation_id,
	                          .volunteer_id = c->volunteer_id };
	return svc_authorise(s, res, act, &t);
}

/* Fills the claim's organisation (its match's, else the volunteer's home)
   and *birth_year. */
static int claim_owner(struct svc *s, struct expense_claim *c, int *birth_year)
{
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, c->volunteer_id, false, v, s->err);
	c->organisation_id = v->organisation_id;
	*birth_year = v->birth_year;
	free(v);
	if (rc != KP_OK)
		return s->err->kind == KP_NOT_FOUND ?
		       kp_invalid(s->err, "volunteer_id", "unknown_reference") : KP_ERR;
	if (c->match_id <= 0)
		return KP_OK;
	struct match m;
	if (store_match_get(s->db, c->match_id, &m, s->err) != KP_OK ||
	    m.volunteer_id != c->volunteer_id)
		return kp_invalid(s->err, "match_id", "unknown_reference");
	c->organisation_id = m.organisation_id;
	return KP_OK;
}

/* The amount of a kilometre claim at the organisation's rate. */
static int price_kilometres(struct svc *s, struct expense_claim *c)
{
	int64_t rate = 0;
	if (store_expense_rate(s->db, c->organisation_id, travel_mode_name(c->travel_mode), &rate,
	                       s->err))
		return KP_ERR;
	if (rate <= 0)
		return kp_invalid(s->err, "travel_mode", "no_rate");
	c->amount_cents = rate * c->km;
	return KP_OK;
}

/* Refuses an allowance past a cap at this organisation; flags one past a
   cap of the whole network. */
static int check_caps(struct svc *s, struct expense_claim *c, int birth_year)
{
	struct allowance_caps caps;
	struct allowance_sums own = { 0 }, all = { 0 };
	struct kp_error network = { 0 };
	char digits[5];
	long long year = 0;
	snprintf(digits, sizeof digits, "%.4s", c->incurred_on); /* a checked date */
	parse_int(digits, 1, 9999, &year);
	bool young = allowance_is_young(birth_year, (int)year);
	if (store_allowance_caps(s->db, (int)year, &caps, s->err) ||
	    store_allowance_sums(s->db, c->volunteer_id, c->organisation_id, c->incurred_on, &own,
	                         s->err) ||
	    allowance_check(&caps, young, c->amount_cents, &own, s->err) ||
	    store_allowance_sums(s->db, c->volunteer_id, 0, c->incurred_on, &all, s->err))
		return KP_ERR;
	/* The hourly cap follows the hours given here; month and year add up. */
	all.month_minutes = (int64_t)1 << 40;
	if (allowance_check(&caps, young, c->amount_cents, &all, &network) != KP_OK)
		snprintf(c->cap_warning, sizeof c->cap_warning, "%s",
		         strcmp(network.code, "cap_per_year") == 0 ? "network_year" : "network_month");
	return KP_OK;
}

static int submit(struct svc *s, void *arg)
{
	struct expense_claim *c = arg;
	int birth_year = 0;
	c->id = 0;
	c->status = EXPENSE_SUBMITTED;
	c->cap_warning[0] = '\0';
	c->created_by = s->who->account_id;
	c->created_at = s->now;
	int mode = ALLOWANCE_MODE_COSTS;
	if (claim_owner(s, c, &birth_year) ||
	    authorise_claim(s, RES_EXPENSE, ACT_CREATE, c) ||
	    expense_claim_check(c, s->now / 86400, s->err) ||
	    store_allowance_mode(s->db, c->volunteer_id, c->organisation_id, &mode, s->err) ||
	    expense_kind_allowed(mode, c->kind, s->err))
		return KP_ERR;
	if (c->kind == EXPENSE_KILOMETRES && price_kilometres(s, c))
		return KP_ERR;
	if (c->kind == EXPENSE_ALLOWANCE && check_caps(s, c, birth_year))
		return KP_ERR;
	if (store_expense_insert(s->db, c, s->err))
		return KP_ERR;
	/* Every organisation involved sees the warning on its own claims. */
	if (c->cap_warning[0] != '\0' &&
	    store_allowance_flag(s->db, c->volunteer_id, c->incurred_on, c->cap_warning, s->err))
		return KP_ERR;
	return svc_audit(s, "create", "expense", c->volunteer_id, c->id, NULL);
}

int expense_submit(struct app *app, struct db *db, const struct principal *who,
                   struct expense_claim *c, struct kp_error *err)
{
	return svc_run(app, db, who, submit, c, err);
}

struct decision {
	int64_t id;
	int action;
	const char *reason;
	struct expense_claim *out;
};

static int decide(struct svc *s, void *arg)
{
	struct decision *a = arg;
	struct expense_claim *c = a->out;
	int to;
	if (store_expense_get(s->db, a->id, c, s->err) ||
	    authorise_claim(s, RES_APPROVAL, ACT_UPDATE, c) ||
	    expense_transition(c->status, a->action, &to, s->err))
		return KP_ERR;
	if (a->action == EXPENSE_REJECT && (a->reason == NULL || a->reason[0] == '\0'))
		return kp_invalid(s->err, "reason", "reason_required");
	if (a->action == EXPENSE_PAY) {
		c->paid_at = s->now;
	} else {
		c->decided_by = s->who->account_id;
		c->decided_at = s->now;
		snprintf(c->reason, sizeof c->reason, "%s", a->reason ? a->reason : "");
	}
	c->status = to;
	if (store_expense_update(s->db, c, s->err))
		return KP_ERR;
	return svc_audit(s, expense_status_name(to), "expense", c->volunteer_id, c->id, NULL);
}

int expense_decide(struct app *app, struct db *db, const struct principal *who, int64_t id,
                   int action, const char *reason, struct expense_claim *out,
                   struct kp_error *err)
{
	struct decision a = { id, action, reason, out };
	return svc_run(app, db, who, decide, &a, err);
}

struct one {
	int64_t id;
	struct expense_claim *out;
};

static int read_one(struct svc *s, void *arg)
{
	struct one *a = arg;
	if (store_expense_get(s->db, a->id, a->out, s->err))
		return KP_ERR;
	return authorise_claim(s, RES_EXPENSE, ACT_READ, a->out);
}

int expense_read(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 struct expense_claim *out, struct kp_error *err)
{
	struct one a = { id, out };
	return svc_read(app, db, who, read_one, &a, err);
}

struct listing {
	struct hours_filter f;
	struct page pg;
	expense_fn each;
	void *ctx;
	int64_t *total;
};

static int list_claims(struct svc *s, void *arg)
{
	struct listing *a = arg;
	struct authz_scope scope = authz_list_scope(s->who, RES_EXPENSE);
	if (scope.none)
		return svc_authorise(s, RES_EXPENSE, ACT_LIST, NULL);
	if (scope.organisation_id > 0)
		a->f.organisation_id = scope.organisation_id;
	if (scope.volunteer_id > 0)
		a->f.volunteer_id = scope.volunteer_id;
	return store_expense_list(s->db, &a->f, a->pg, a->each, a->ctx, a->total, s->err);
}

int expenses_list(struct app *app, struct db *db, const struct principal *who,
                  const struct hours_filter *f, struct page pg, expense_fn each, void *ctx,
                  int64_t *total, struct kp_error *err)
{
	struct listing a = { *f, pg, each, ctx, total };
	return svc_read(app, db, who, list_claims, &a, err);
}

struct upload {
	int64_t id;
	const unsigned char *data;
	size_t len;
	const char *declared;
	const char *type;
	char *base64;
	struct expense_claim *out;
};

static int attach(struct svc *s, void *arg)
{
	struct upload *a = arg;
	if (store_expense_get(s->db, a->id, a->out, s->err) ||
	    authorise_claim(s, RES_EXPENSE, ACT_CREATE, a->out))
		return KP_ERR;
	if (a->out->status != EXPENSE_SUBMITTED)
		return kp_fail(s->err, KP_CONFLICT, "receipt_locked", "receipt");
	if (a->len == 0)
		return kp_invalid(s->err, "receipt", "required");
	if (a->len > RECEIPT_BYTES_MAX)
		return kp_fail_limit(s->err, KP_INVALID, "receipt_too_large", "receipt",
		                     RECEIPT_BYTES_MAX);
	/* The bytes decide; a file that says it is something else is refused. */
	if (a->type == NULL || a->declared == NULL ||
	    strncmp(a->declared, a->type, strlen(a->type)) != 0)
		return kp_invalid(s->err, "receipt", "receipt_type");
	if (a->base64 == NULL) {
		size_t cap = sodium_base64_ENCODED_LEN(a->len, sodium_base64_VARIANT_ORIGINAL);
		if ((a->base64 = malloc(cap)) == NULL)
			return kp_internal(s->err);
		sodium_bin2base64(a->base64, cap, a->data, a->len, sodium_base64_VARIANT_ORIGINAL);
	}
	if (store_receipt_put(s->db, a->id, a->type, a->base64, s->err))
		return KP_ERR;
	snprintf(a->out->receipt_type, sizeof a->out->receipt_type, "%s", a->type);
	return svc_audit(s, "update", "receipt", a->out->volunteer_id, a->id, NULL);
}

int receipt_attach(struct app *app, struct db *db, const struct principal *who, int64_t id,
                   const unsigned char *data, size_t len, const char *declared,
                   struct expense_claim *out, struct kp_error *err)
{
	struct upload a = { id, data, len, declared, receipt_sniff(data, len), NULL, out };
	int rc = svc_run(app, db, who, attach, &a, err);
	free(a.base64);
	return rc;
}

struct download {
	int64_t id;
	char *base64;
	struct expense_claim c;
};

static int fetch_receipt(struct svc *s, void *arg)
{
	struct download *a = arg;
	free(a->base64);
	a->base64 = NULL;
	if (store_expense_get(s->db, a->id, &a->c, s->err) ||
	    authorise_claim(s, RES_EXPENSE, ACT_READ, &a->c) ||
	    store_receipt_get(s->db, a->id, &a->base64, s->err))
		return KP_ERR;
	return svc_audit(s, "view", "receipt", a->c.volunteer_id, a->id, NULL);
}

int receipt_read(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 unsigned char **data, size_t *len, char type[32], struct kp_error *err)
{
	struct download *a = calloc(1, sizeof *a);
	int rc = KP_ERR;
	*data = NULL;
	if (a == NULL)
		return kp_internal(err);
	a->id = id;
	if (svc_run(app, db, who, fetch_receipt, a, err) != KP_OK)
		goto end;
	size_t cap = strlen(a->base64);
	if ((*data = malloc(cap + 1)) == NULL ||
	    sodium_base642bin(*data, cap, a->base64, cap, NULL, len, NULL,
	                      sodium_base64_VARIANT_ORIGINAL) != 0) {
		free(*data);
		*data = NULL;
		rc = kp_internal(err);
		goto end;
	}
	snprintf(type, 32, "%s", a->c.receipt_type);
	rc = KP_OK;
end:
	free(a->base64);
	free(a);
	return rc;
}

struct caps_args {
	const struct allowance_caps *in;
	caps_fn each;
	void *ctx;
};

static int read_caps(struct svc *s, void *arg)
{
	struct caps_args *a = arg;
	if (svc_authorise(s, RES_ALLOWANCE, ACT_READ, NULL))
		return KP_ERR;
	return store_allowance_caps_list(s->db, a->each, a->ctx, s->err);
}

int allowance_caps_list(struct app *app, struct db *db, const struct principal *who,
                        caps_fn each, void *ctx, struct kp_error *err)
{
	struct caps_args a = { NULL, each, ctx };
	return svc_read(app, db, who, read_caps, &a, err);
}

static int write_caps(struct svc *s, void *arg)
{
	struct caps_args *a = arg;
	if (svc_authorise(s, RES_ALLOWANCE, ACT_UPDATE, NULL))
		return KP_ERR;
	return store_allowance_caps_put(s->db, a->in, s->err);
}

int allowance_caps_set(struct app *app, struct db *db, const struct principal *who,
                       const struct allowance_caps *c, struct kp_error *err)
{
	struct caps_args a = { c, NULL, NULL };
	return svc_run(app, db, who, write_caps, &a, err);
}

struct rates_args {
	int64_t organisation_id;
	struct expense_rates *rates;
};

static int read_rates(struct svc *s, void *arg)
{
	struct rates_args *a = arg;
	struct authz_target t = { .organisation_id = a->organisation_id };
	struct organisation o;
	if (store_organisation_get(s->db, a->organisation_id, &o, s->err) ||
	    svc_authorise(s, RES_ALLOWANCE, ACT_READ, &t))
		return KP_ERR;
	return store_expense_rate(s->db, a->organisation_id, travel_mode_name(TRAVEL_CAR),
	                          &a->rates->car, s->err) ||
	       store_expense_rate(s->db, a->organisation_id, travel_mode_name(TRAVEL_BIKE),
	                          &a->rates->bike, s->err) ? KP_ERR : KP_OK;
}

int expense_rates_read(struct app *app, struct db *db, const struct principal *who,
                       int64_t organisation_id, struct expense_rates *out,
                       struct kp_error *err)
{
	struct rates_args a = { organisation_id, out };
	return svc_read(app, db, who, read_rates, &a, err);
}

static int write_rates(struct svc *s, void *arg)
{
	struct rates_args *a = arg;
	struct authz_target t = { .organisation_id = a->organisation_id };
	struct organisation o;
	if (store_organisation_get(s->db, a->organisation_id, &o, s->err) ||
	    svc_authorise(s, RES_ALLOWANCE, ACT_UPDATE, &t))
		return KP_ERR;
	if (a->rates->car >= 0 && store_expense_rate_put(s->db, a->organisation_id,
	                                                 travel_mode_name(TRAVEL_CAR),
	                                                 a->rates->car, s->err))
		return KP_ERR;
	if (a->rates->bike >= 0 && store_expense_rate_put(s->db, a->organisation_id,
	                                                  travel_mode_name(TRAVEL_BIKE),
	                                                  a->rates->bike, s->err))
		return KP_ERR;
	return read_rates(s, a);
}

int expense_rates_set(struct app *app, struct db *db, const struct principal *who,
                      int64_t organisation_id, struct expense_rates *rates,
                      struct kp_error *err)
{
	struct rates_args a = { organisation_id, rates };
	return svc_run(app, db, who, write_rates, &a, err);
}

struct mode_args {
	int64_t volunteer_id, organisation_id;
	int *mode;
	bool write;
};

/* The volunteer and organisation exist; who may read claims there (or, to
   write, set the organisation's allowance rules). */
static int mode_target(struct svc *s, struct mode_args *a)
{
	struct volunteer *v = malloc(sizeof *v);
	struct organisation o;
	struct consent k;
	struct authz_target vt;
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, a->volunteer_id, false, v, s->err);
	int64_t home = v->organisation_id;
	if (rc == KP_OK && a->organisation_id <= 0)
		a->organisation_id = s->who->organisation_id > 0 ? s->who->organisation_id : home;
	free(v);
	/* Only for who may see the volunteer at all (own organisation, consent). */
	if (rc != KP_OK || svc_volunteer_target(s, home, a->volunteer_id, &k, &vt) ||
	    svc_authorise(s, RES_VOLUNTEER, ACT_READ, &vt))
		return KP_ERR;
	if (store_organisation_get(s->db, a->organisation_id, &o, s->err))
		return s->err->kind == KP_NOT_FOUND ?
		       kp_invalid(s->err, "organisation_id", "unknown_reference") : KP_ERR;
	struct authz_target t = { .organisation_id = a->organisation_id,
	                          .volunteer_id = a->volunteer_id };
	return a->write ? svc_authorise(s, RES_ALLOWANCE, ACT_UPDATE, &t) :
	                  svc_authorise(s, RES_EXPENSE, ACT_READ, &t);
}

static int mode_tx(struct svc *s, void *arg)
{
	struct mode_args *a = arg;
	if (mode_target(s, a))
		return KP_ERR;
	if (!a->write)
		return store_allowance_mode(s->db, a->volunteer_id, a->organisation_id, a->mode,
		                            s->err);
	if (store_allowance_mode_put(s->db, a->volunteer_id, a->organisation_id, *a->mode, s->now,
	                             s->err))
		return KP_ERR;
	return svc_audit(s, "update", "allowance_mode", a->volunteer_id, a->organisation_id, NULL);
}

int allowance_mode_read(struct app *app, struct db *db, const struct principal *who,
                        int64_t volunteer_id, int64_t *organisation_id, int *mode,
                        struct kp_error *err)
{
	struct mode_args a = { volunteer_id, *organisation_id, mode, false };
	int rc = svc_read(app, db, who, mode_tx, &a, err);
	*organisation_id = a.organisation_id;
	return rc;
}

int allowance_mode_set(struct app *app, struct db *db, const struct principal *who,
                       int64_t volunteer_id, int64_t *organisation_id, int mode,
                       struct kp_error *err)
{
	struct mode_args a = { volunteer_id, *organisation_id, &mode, true };
	int rc = svc_run(app, db, who, mode_tx, &a, err);
	*organisation_id = a.organisation_id;
	return rc;
}

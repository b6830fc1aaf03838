/* Bank accounts and the treasurer's export (payments.h). */
#include "service/payments.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/hours.h"
#include "util/parse.h"

/* Loads volunteer id's organisation and authorises act on the volunteer. */
static int volunteer_target(struct svc *s, int64_t id, enum action act)
{
	struct volunteer *v = malloc(sizeof *v);
	struct consent k;
	struct authz_target t;
	if (v == NULL)
		return kp_internal(s->err);
	int rc = store_volunteer_get(s->db, id, false, v, s->err);
	int64_t org = v->organisation_id;
	free(v);
	if (rc != KP_OK || svc_volunteer_target(s, org, id, &k, &t))
		return KP_ERR;
	return svc_authorise(s, RES_VOLUNTEER, act, &t);
}

struct account_args {
	int64_t id;
	const char *iban, *holder, *bic;
	struct bank_account *out;
	struct organisation_account *org;
};

static int load_account(struct svc *s, int64_t id, struct bank_account *out)
{
	char iban[IBAN_MAX + 1];
	memset(out, 0, sizeof *out);
	if (store_bank_account_get(s->db, id, iban, out->holder, sizeof out->holder, s->err)) {
		if (s->err->kind != KP_NOT_FOUND)
			return KP_ERR;
		memset(s->err, 0, sizeof *s->err);
		return KP_OK;
	}
	out->has = true;
	iban_mask(iban, out->masked);
	return KP_OK;
}

static int read_account(struct svc *s, void *arg)
{
	struct account_args *a = arg;
	if (volunteer_target(s, a->id, ACT_READ))
		return KP_ERR;
	return load_account(s, a->id, a->out);
}

int bank_account_read(struct app *app, struct db *db, const struct principal *who,
                      int64_t volunteer_id, struct bank_account *out, struct kp_error *err)
{
	struct account_args a = { .id = volunteer_id, .out = out };
	return svc_read(app, db, who, read_account, &a, err);
}

static int write_account(struct svc *s, void *arg)
{
	struct account_args *a = arg;
	char iban[IBAN_MAX + 1];
	if (volunteer_target(s, a->id, ACT_UPDATE))
		return KP_ERR;
	if (a->iban[0] == '\0') {
		if (store_bank_account_delete(s->db, a->id, s->err))
			return KP_ERR;
	} else if (iban_check(a->iban, "iban", iban, s->err) ||
	           store_bank_account_put(s->db, a->id, iban, a->holder, s->now, s->err)) {
		return KP_ERR;
	}
	return svc_audit(s, "update", "bank_account", a->id, a->id, NULL) ||
	       load_account(s, a->id, a->out) ? KP_ERR : KP_OK;
}

int bank_account_set(struct app *app, struct db *db, const struct principal *who,
                     int64_t volunteer_id, const char *iban, const char *holder,
                     struct bank_account *out, struct kp_error *err)
{
	struct account_args a = { .id = volunteer_id, .iban = iban ? iban : "",
	                          .holder = holder ? holder : "", .out = out };
	return svc_run(app, db, who, write_account, &a, err);
}

/* The organisation exists and who may `act` on its payments. */
static int organisation_target(struct svc *s, int64_t id, enum action act, char *name,
                               size_t cap)
{
	struct organisation *o = malloc(sizeof *o);
	struct authz_target t = { .organisation_id = id };
	if (o == NULL)
		return kp_internal(s->err);
	int rc = store_organisation_get(s->db, id, o, s->err);
	if (rc == KP_OK && name != NULL)
		snprintf(name, cap, "%s", o->name);
	free(o);
	return rc || svc_authorise(s, RES_PAYMENT, act, &t) ? KP_ERR : KP_OK;
}

static int load_organisation_account(struct svc *s, int64_t id,
                                     struct organisation_account *out)
{
	memset(out, 0, sizeof *out);
	if (store_organisation_account_get(s->db, id, out->iban, out->bic, s->err)) {
		if (s->err->kind != KP_NOT_FOUND)
			return KP_ERR;
		memset(s->err, 0, sizeof *s->err);
		return KP_OK;
	}
	out->has = true;
	return KP_OK;
}

static int read_organisation_account(struct svc *s, void *arg)
{
	struct account_args *a = arg;
	return organisation_target(s, a->id, ACT_READ, NULL, 0) ||
	       load_organisation_account(s, a->id, a->org) ? KP_ERR : KP_OK;
}

int organisation_account_read(struct app *app, struct db *db, const struct principal *who,
                              int64_t organisation_id, struct organisation_account *out,
                              struct kp_error *err)
{
	struct account_args a = { .id = organisation_id, .org = out };
	return svc_read(app, db, who, read_organisation_account, &a, err);
}

static int write_organisation_account(struct svc *s, void *arg)
{
	struct account_args *a = arg;
	char iban[IBAN_MAX + 1], bic[BIC_MAX + 1];
	if (organisation_target(s, a->id, ACT_UPDATE, NULL, 0) ||
	    iban_check(a->iban, "iban", iban, s->err) || bic_check(a->bic, bic, s->err) ||
	    store_organisation_account_put(s->db, a->id, iban, bic, s->now, s->err) ||
	    svc_audit(s, "update", "organisation_account", 0, a->id, NULL))
		return KP_ERR;
	return load_organisation_account(s, a->id, a->org);
}

int organisation_account_set(struct app *app, struct db *db, const struct principal *who,
                             int64_t organisation_id, const char *iban, const char *bic,
                             struct organisation_account *out, struct kp_error *err)
{
	struct account_args a = { .id = organisation_id, .iban = iban ? iban : "",
	                          .bic = bic ? bic : "", .org = out };
	return svc_run(app, db, who, write_organisation_account, &a, err);
}

struct export_args {
	int64_t id;
	const char *from, *to;
	struct payment_export *out;
	int cap;
};

static int add_line(void *ctx, const struct payment_line *l)
{
	struct export_args *a = ctx;
	struct payment_export *x = a->out;
	if (x->n == PAYMENT_BATCH_MAX)
		return -1;
	if (x->n == a->cap) {
		int cap = a->cap ? a->cap * 2 : 64;
		struct payment_line *grown = realloc(x->lines, (size_t)cap * sizeof *grown);
		if (grown == NULL)
			return -1;
		x->lines = grown;
		a->cap = cap;
	}
	x->lines[x->n++] = *l;
	x->total_cents += l->amount_cents;
	return 0;
}

/* The lines of the period into a->out, for who may `act` on the payments. */
static int load_lines(struct svc *s, struct export_args *a, enum action act)
{
	struct payment_export *x = a->out;
	x->n = 0; /* a retry starts again; the array is reused */
	x->total_cents = 0;
	if (organisation_target(s, a->id, act, x->organisation, sizeof x->organisation) ||
	    load_organisation_account(s, a->id, &x->account))
		return KP_ERR;
	return store_payment_lines(s->db, a->id, a->from, a->to, add_line, a, s->err);
}

static int export(struct svc *s, void *arg)
{
	struct export_args *a = arg;
	struct payment_export *x = a->out;
	if (load_lines(s, a, ACT_EXPORT))
		return KP_ERR;
	/* The IBANs are personal data, shown in full: one audit row per volunteer. */
	for (int i = 0; i < x->n; i++)
		if ((i == 0 || x->lines[i].volunteer_id != x->lines[i - 1].volunteer_id) &&
		    svc_audit(s, "export", "payment", x->lines[i].volunteer_id, a->id, NULL))
			return KP_ERR;
	return KP_OK;
}

static int check_period(const char *from, const char *to, struct kp_error *err)
{
	if (!parse_is_date(from))
		return kp_invalid(err, "from", "invalid_date");
	if (!parse_is_date(to))
		return kp_invalid(err, "to", "invalid_date");
	if (strcmp(from, to) > 0)
		return kp_invalid(err, "to", "before_from");
	return KP_OK;
}

int payments_export(struct app *app, struct db *db, const struct principal *who,
                    int64_t organisation_id, const char *from, const char *to,
                    struct payment_export *out, struct kp_error *err)
{
	struct export_args a = { organisation_id, from, to, out, 0 };
	memset(out, 0, sizeof *out);
	if (check_period(from, to, err))
		return KP_ERR;
	int rc = svc_run(app, db, who, export, &a, err);
	if (rc != KP_OK)
		payment_export_free(out);
	return rc;
}

static void summarise(const struct payment_export *x, struct payment_summary *out)
{
	memset(out, 0, sizeof *out);
	out->claims = x->n;
	out->total_cents = x->total_cents;
	for (int i = 0; i < x->n; i++)
		if (i == 0 || x->lines[i].volunteer_id != x->lines[i - 1].volunteer_id) {
			out->volunteers++;
			out->without_iban += x->lines[i].iban[0] == '\0';
		}
}

struct paid_args {
	struct export_args x;
	int64_t total_cents;
	struct payment_summary *out;
};

static int summary(struct svc *s, void *arg)
{
	struct paid_args *a = arg;
	if (load_lines(s, &a->x, ACT_READ))
		return KP_ERR;
	summarise(a->x.out, a->out);
	return KP_OK;
}

static int mark_paid(struct svc *s, void *arg)
{
	struct paid_args *a = arg;
	struct expense_claim *c = malloc(sizeof *c);
	int rc = c ? load_lines(s, &a->x, ACT_UPDATE) : kp_internal(s->err);
	const struct payment_export *x = a->x.out;
	if (rc == KP_OK && x->total_cents != a->total_cents)
		rc = kp_fail_limit(s->err, KP_CONFLICT, "payments_changed", "total_cents",
		                   x->total_cents);
	for (int i = 0; i < x->n && rc == KP_OK; i++) {
		rc = store_expense_get(s->db, x->lines[i].claim_id, c, s->err);
		if (rc == KP_OK) {
			c->status = EXPENSE_PAID;
			c->paid_at = s->now;
			rc = store_expense_update(s->db, c, s->err);
		}
		if (rc == KP_OK)
			rc = svc_audit(s, "paid", "expense", c->volunteer_id, c->id, NULL);
	}
	free(c);
	if (rc == KP_OK)
		summarise(x, a->out);
	return rc;
}

static int run_period(struct app *app, struct db *db, const struct principal *who,
                      struct paid_args *a, bool write, struct kp_error *err)
{
	struct payment_export x;
	memset(&x, 0, sizeof x);
	a->x.out = &x;
	if (check_period(a->x.from, a->x.to, err))
		return KP_ERR;
	int rc = write ? svc_run(app, db, who, mark_paid, a, err) :
	                 svc_read(app, db, who, summary, a, err);
	payment_export_free(&x);
	return rc;
}

int payments_summary(struct app *app, struct db *db, const struct principal *who,
                     int64_t organisation_id, const char *from, const char *to,
                     struct payment_summary *out, struct kp_error *err)
{
	struct paid_args a = { { organisation_id, from, to, NULL, 0 }, 0, out };
	return run_period(app, db, who, &a, false, err);
}

int payments_mark_paid(struct app *app, struct db *db, const struct principal *who,
                       int64_t organisation_id, const char *from, const char *to,
                       int64_t total_cents, struct payment_summary *out,
                       struct kp_error *err)
{
	struct paid_args a = { { organisation_id, from, to, NULL, 0 }, total_cents, out };
	return run_period(app, db, who, &a, true, err);
}

void payment_export_free(struct payment_export *x)
{
	free(x->lines);
	x->lines = NULL;
	x->n = 0;
}

int payments_sepa(struct app *app, const struct payment_export *x, int64_t organisation_id,
                  const char *execute_on, struct buf *out, struct kp_error *err)
{
	struct payment_batch b;
	int64_t now = app->now(), total = 0;
	int paid = 0, with_iban = 0;
	memset(&b, 0, sizeof b);
	parse_format_date(now, b.execute_on);
	if (execute_on != NULL && execute_on[0] != '\0') {
		if (!parse_is_date(execute_on) || strcmp(execute_on, b.execute_on) < 0)
			return kp_invalid(err, "execute_on", "invalid_date");
		snprintf(b.execute_on, sizeof b.execute_on, "%s", execute_on);
	}
	if (!x->account.has)
		return kp_fail(err, KP_CONFLICT, "organisation_iban_missing", "iban");
	for (int i = 0; i < x->n; i++)
		with_iban += x->lines[i].iban[0] != '\0';
	if (with_iban == 0)
		return kp_fail(err, KP_CONFLICT, "nothing_to_pay", "to");
	parse_format_date(now, b.created);
	snprintf(b.created + 10, sizeof b.created - 10, "T%02lld:%02lld:%02lld",
	         (long long)(now % 86400 / 3600), (long long)(now % 3600 / 60),
	         (long long)(now % 60));
	snprintf(b.message_id, sizeof b.message_id, "KP-%lld-%lld", (long long)organisation_id,
	         (long long)now);
	snprintf(b.reference, sizeof b.reference, "KP%lld-%lld", (long long)organisation_id,
	         (long long)now);
	snprintf(b.debtor_name, sizeof b.debtor_name, "%s", x->organisation);
	snprintf(b.debtor_iban, sizeof b.debtor_iban, "%s", x->account.iban);
	snprintf(b.debtor_bic, sizeof b.debtor_bic, "%s", x->account.bic);
	if (payment_sepa_write(out, &b, x->lines, x->n, &paid, &total) != 0)
		return kp_internal(err);
	return KP_OK;
}

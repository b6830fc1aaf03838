/* Everything stored about a volunteer, section by section (export.h). */
#include "service/export.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT_PAGE PAGE_MAX

struct exporter {
	struct svc *s;
	int64_t id;                     /* the volunteer */
	const struct export_sink *sink;
};

static struct list_filter about_person(const struct exporter *x)
{
	struct list_filter f;
	list_filter_init(&f);
	f.volunteer_id = x->id;
	return f;
}

/* Reads one page of a list about the person, setting *total. */
typedef int (*page_fn)(struct exporter *x, struct page pg, int64_t *total);

/* Every page of a list, so that the export is complete. */
static int every_page(struct exporter *x, page_fn fetch)
{
	int64_t total = 0;
	for (struct page pg = { EXPORT_PAGE, 0 };; pg.offset += EXPORT_PAGE) {
		if (fetch(x, pg, &total))
			return KP_ERR;
		if (pg.offset + EXPORT_PAGE >= total)
			return KP_OK;
	}
}

static int add_account(void *ctx, const struct account *a)
{
	struct exporter *x = ctx;
	const struct export_sink *k = x->sink;
	if (k->account(k->ctx, a) != 0 ||
	    store_session_list(x->s->db, a->id, NULL, x->s->now, k->session, k->ctx, x->s->err))
		return -1;
	return 0;
}

/* A person has one or two accounts: one page holds them. */
static int all_accounts(struct exporter *x)
{
	struct list_filter f = about_person(x);
	int64_t total = 0;
	struct page pg = { EXPORT_PAGE, 0 };
	return store_account_list(x->s->db, &f, pg, add_account, x, &total, x->s->err);
}

static int add_match(void *ctx, const struct match *m)
{
	struct exporter *x = ctx;
	const struct export_sink *k = x->sink;
	struct aftercare a;
	bool answered = store_aftercare_get(x->s->db, m->id, &a, x->s->err) == KP_OK;
	if (!answered) {
		if (x->s->err->kind != KP_NOT_FOUND)
			return -1;
		memset(x->s->err, 0, sizeof *x->s->err);
	}
	if (k->match(k->ctx, m, answered ? &a : NULL) != 0 ||
	    store_match_events(x->s->db, m->id, k->match_event, k->ctx, x->s->err))
		return -1;
	return 0;
}

static int matches_page(struct exporter *x, struct page pg, int64_t *total)
{
	struct list_filter f = about_person(x);
	return store_match_list(x->s->db, &f, pg, add_match, x, total, x->s->err);
}

static int offers_page(struct exporter *x, struct page pg, int64_t *total)
{
	struct list_filter f = about_person(x);
	return store_call_list(x->s->db, &f, pg, x->sink->offer, x->sink->ctx, total, x->s->err);
}

static int journeys_page(struct exporter *x, struct page pg, int64_t *total)
{
	struct list_filter f = about_person(x);
	return store_journey_list(x->s->db, &f, pg, x->sink->journey, x->sink->ctx, total,
	                          x->s->err);
}

static int transfers_page(struct exporter *x, struct page pg, int64_t *total)
{
	return store_transfer_list(x->s->db, 0, x->id, -1, pg, x->sink->transfer, x->sink->ctx,
	                           total, x->s->err);
}

static int audit_page(struct exporter *x, struct page pg, int64_t *total)
{
	struct audit_filter f = { .volunteer_id = x->id };
	return store_audit_list(x->s->db, &f, pg, x->sink->audit, x->sink->ctx, total, x->s->err);
}

static int hours_page(struct exporter *x, struct page pg, int64_t *total)
{
	struct hours_filter f = { .volunteer_id = x->id, .status = -1 };
	int rc = KP_OK;
	/* Every version: the corrected ones are about the person too. */
	for (int status = 0; status < HOUR_STATUS_COUNT && rc == KP_OK; status++) {
		int64_t n = 0;
		f.status = status;
		rc = store_hour_list(x->s->db, &f, pg, x->sink->hour, x->sink->ctx, &n, x->s->err);
		*total = n > *total ? n : *total;
	}
	return rc;
}

static int expenses_page(struct exporter *x, struct page pg, int64_t *total)
{
	struct hours_filter f = { .volunteer_id = x->id, .status = -1 };
	return store_expense_list(x->s->db, &f, pg, x->sink->expense, x->sink->ctx, total,
	                          x->s->err);
}

static int newsletters_page(struct exporter *x, struct page pg, int64_t *total)
{
	struct newsletter_scope scope = { .volunteer_id = x->id };
	struct newsletter *scratch = malloc(sizeof *scratch);
	int rc = scratch ? store_newsletter_list(x->s->db, &scope, pg, scratch, x->sink->newsletter,
	                                         x->sink->ctx, total, x->s->err)
	                 : kp_internal(x->s->err);
	free(scratch);
	return rc;
}

/* Every section after the person, in the order of export.h. */
static int sections(struct exporter *x)
{
	struct svc *s = x->s;
	const struct export_sink *k = x->sink;
	if (store_consent_events(s->db, x->id, k->consent_event, k->ctx, s->err) ||
	    all_accounts(x) || every_page(x, matches_page) || every_page(x, offers_page) ||
	    every_page(x, journeys_page) || every_page(x, transfers_page) ||
	    store_trainings(s->db, x->id, k->training, k->ctx, s->err) ||
	    store_competences(s->db, x->id, k->competence, k->ctx, s->err) ||
	    every_page(x, hours_page) || every_page(x, expenses_page) ||
	    store_notes_of(s->db, x->id, 0, INT32_MAX, k->note, k->ctx, s->err) ||
	    every_page(x, newsletters_page) || every_page(x, audit_page))
		return KP_ERR;
	return KP_OK;
}

static int run_export(struct svc *s, struct exporter *x, struct volunteer *v)
{
	struct consent consent;
	struct authz_target t;
	x->s = s;
	x->sink->restart(x->sink->ctx);
	if (store_volunteer_get(s->db, x->id, true, v, s->err) ||
	    svc_volunteer_target(s, v->organisation_id, v->id, &consent, &t) ||
	    svc_authorise(s, RES_VOLUNTEER, ACT_EXPORT, &t))
		return KP_ERR;
	struct export_person p = {
		.volunteer = v,
		.consent = &consent,
		.with_experience = authz_allows(s->who, RES_EXPERIENCE, ACT_READ, &t),
		.exported_at = s->now,
	};
	if (store_bank_account_get(s->db, v->id, p.iban, p.iban_holder, sizeof p.iban_holder,
	                           s->err) != KP_OK) {
		if (s->err->kind != KP_NOT_FOUND)
			return KP_ERR;
		memset(s->err, 0, sizeof *s->err);
	}
	if (store_calendar_feed_created(s->db, (struct calendar_owner){ .volunteer_id = v->id },
	                                &p.calendar_feed_at, s->err))
		return KP_ERR;
	/* Logged first, so that the export lists its own making. */
	if (svc_audit(s, "export", "volunteer", v->id, v->id, NULL))
		return KP_ERR;
	if (x->sink->person(x->sink->ctx, &p) != 0)
		return kp_internal(s->err);
	return sections(x);
}

static int export_tx(struct svc *s, void *arg)
{
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(s->err);
	int rc = run_export(s, arg, v);
	free(v);
	return rc;
}

int volunteer_export(struct app *app, struct db *db, const struct principal *who,
                     int64_t volunteer_id, const struct export_sink *sink,
                     struct kp_error *err)
{
	struct exporter x = { .id = volunteer_id, .sink = sink };
	return svc_run(app, db, who, export_tx, &x, err);
}

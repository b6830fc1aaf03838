/* The journey's reminders (reminders.h): tasks derived from the data, and
   the mails they queue. */
#include "service/reminders.h"

#include <stdio.h>
#include <stdlib.h>

#include "model/notification.h"
#include "service/notify.h"

struct collect {
	struct db *db;
	long today;
	int64_t organisation_id;
	reminder_fn each;
	void *ctx;
	struct kp_error *err;
};

static int from_journey(void *ctx, const struct journey_settings *s,
                        const struct reminder_facts *f, const char *name)
{
	struct collect *k = ctx;
	struct reminder out[REMINDER_PER_JOURNEY_MAX];
	int n = reminder_for_journey(s, f, k->today, out, REMINDER_PER_JOURNEY_MAX);
	for (int i = 0; i < n; i++)
		if (k->each(k->ctx, &out[i], name) != 0)
			return -1;
	return 0;
}

static int from_match(void *ctx, const struct aftercare_facts *f, const char *name)
{
	struct collect *k = ctx;
	struct reminder r;
	if (!reminder_for_aftercare(f, k->today, &r))
		return 0;
	return k->each(k->ctx, &r, name);
}

static int from_transfer(void *ctx, const struct transfer *t)
{
	struct collect *k = ctx;
	struct reminder r;
	if (k->organisation_id && t->to_organisation != k->organisation_id)
		return 0; /* outgoing: the other side's task */
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return -1;
	int rc = store_volunteer_get(k->db, t->volunteer_id, false, v, k->err);
	if (rc == KP_OK) {
		char name[VOLUNTEER_NAME_MAX * 8 + 2];
		snprintf(name, sizeof name, "%s %s", v->first_name, v->last_name);
		reminder_for_transfer(t->id, t->volunteer_id, t->to_organisation,
		                      journey_day_of(t->consent_at ? t->consent_at : t->created_at), &r);
		rc = k->each(k->ctx, &r, name);
	}
	free(v);
	return rc;
}

/* A help request is named by its number and place: the client's name stays
   on the request, for those who may read it. */
static void request_name(int64_t id, const char *place, char *out, size_t cap)
{
	snprintf(out, cap, "Hulpvraag %lld (%s)", (long long)id, place);
}

static int from_followup(void *ctx, int64_t id, int64_t org, const char *place,
                         int64_t active_at)
{
	struct collect *k = ctx;
	struct reminder r;
	char name[200];
	if (!reminder_for_client_followup(id, org, active_at ? journey_day_of(active_at) : -1,
	                                  k->today, &r))
		return 0;
	request_name(id, place, name, sizeof name);
	return k->each(k->ctx, &r, name);
}

struct waiting {
	struct collect *k;
	int64_t hub;
	int pickup_days;
};

static int from_waiting(void *ctx, const struct help_request *h)
{
	struct waiting *w = ctx;
	struct reminder r;
	char name[200];
	/* the day's noon: reminders work in days */
	if (!help_request_waiting(h, (int64_t)w->k->today * 86400 + 43200, w->pickup_days))
		return 0;
	reminder_for_waiting_request(h->id, w->hub, journey_day_of(h->routed_at), &r);
	request_name(h->id, h->place, name, sizeof name);
	return w->k->each(w->k->ctx, &r, name);
}

/* The contact point's reminders: following up accepted requests at their
   organisation, and requests waiting too long at the hub. */
static int contact_point_reminders(struct collect *k)
{
	struct waiting w = { .k = k };
	struct page all = { PAGE_MAX, 0 };
	int64_t total;
	if (store_client_followup_facts(k->db, k->organisation_id, from_followup, k, k->err) ||
	    store_contact_point_get(k->db, &w.hub, &w.pickup_days, k->err))
		return KP_ERR;
	if (w.hub == 0 || (k->organisation_id && k->organisation_id != w.hub))
		return KP_OK;
	struct help_request_filter f = { .status = HELP_ROUTED };
	return store_help_request_list(k->db, &f, all, from_waiting, &w, &total, k->err);
}

int reminders_collect(struct db *db, int64_t organisation_id, long today, reminder_fn each,
                      void *ctx, struct kp_error *err)
{
	struct collect k = { db, today, organisation_id, each, ctx, err };
	struct page all = { PAGE_MAX, 0 };
	int64_t total;
	if (store_reminder_facts(db, organisation_id, from_journey, &k, err) ||
	    store_aftercare_facts(db, organisation_id, from_match, &k, err) ||
	    contact_point_reminders(&k))
		return KP_ERR;
	/* Offered transfers are few; a page of PAGE_MAX is the dashboard's limit. */
	return store_transfer_list(db, organisation_id, 0, TRANSFER_OFFERED, all, from_transfer, &k,
	                           &total, err);
}

struct mailing {
	struct notifier nf;
	int tasks;
};

static int mail_task(void *ctx, const struct reminder *r, const char *name)
{
	struct mailing *m = ctx;
	char due[11], years[16], link[300];
	m->tasks++;
	journey_day_format(r->due_on, due);
	snprintf(years, sizeof years, "%d", r->years);
	notify_link(m->nf.app, link, sizeof link, "/");
	struct mail_var vars[] = {
		{ "label", reminder_kind_label(r->kind, "nl"), reminder_kind_label(r->kind, "en") },
		{ "name", name, NULL },
		{ "due", due, NULL },
		{ "years", years, NULL },
		{ "link", link, NULL },
	};
	struct notice n = { r->kind == REMINDER_ANNIVERSARY ? "anniversary" : "reminder",
		            NOTIFY_REMINDER, r->key, r->organisation_id, vars, 5 };
	return notify_coordinators(&m->nf, r->organisation_id, &n) == KP_OK ? 0 : -1;
}

int reminders_queue(const struct app *app, struct db *db, int64_t organisation_id, int64_t now,
                    int *queued, int *tasks, struct kp_error *err)
{
	struct mailing m = { { db, app, now, queued, err }, 0 };
	*queued = 0;
	int rc = reminders_collect(db, organisation_id, journey_day_of(now), mail_task, &m, err);
	*tasks = m.tasks;
	return rc;
}

int reminders_send(const struct app *app, struct db *db, int64_t organisation_id, int64_t now,
                   int *queued, int *tasks, struct kp_error *err)
{
	if (db_begin(db, err))
		return KP_ERR;
	if (reminders_queue(app, db, organisation_id, now, queued, tasks, err) ||
	    db_commit(db, err)) {
		db_rollback(db);
		return KP_ERR;
	}
	return KP_OK;
}

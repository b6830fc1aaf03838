/* Every volunteer's place in the figures, in memory (report_people.h).
   The rows are an array indexed by volunteer id, which the database hands
   out densely; a slot with organisation 0 holds nobody. */
#include "service/report_people.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/parse.h"

#define DAY 86400

struct report_people {
	pthread_rwlock_t lock;
	struct report_person *row;    /* row[id] */
	int64_t cap;                  /* slots in row */
	bool too_large;               /* an id above REPORT_PEOPLE_ID_MAX was seen */
};

static int32_t day_of(const char *date)
{
	return date != NULL && date[0] != '\0' && parse_is_date(date)
	               ? (int32_t)parse_date_days(date)
	               : -1;
}

void report_person_of(const struct report_tenure *t, struct report_person *p)
{
	int32_t stop = day_of(t->stopped_on);
	if (t->status == VOLUNTEER_STOPPED && stop < 0)
		stop = (int32_t)(t->updated_at / DAY);
	if (t->status != VOLUNTEER_STOPPED)
		stop = -1; /* came back after a stop: still there */
	*p = (struct report_person){
		.organisation_id = t->organisation_id,
		.start = day_of(t->started_on),
		.stop = stop,
		.intake = day_of(t->intake_on),
		.first_match = t->first_match_at > 0 ? (int32_t)(t->first_match_at / DAY) : -1,
		.status = t->status,
	};
}

int report_people_new(struct report_people **out)
{
	struct report_people *rp = calloc(1, sizeof *rp);
	if (rp == NULL || pthread_rwlock_init(&rp->lock, NULL) != 0) {
		free(rp);
		return KP_ERR;
	}
	*out = rp;
	return KP_OK;
}

void report_people_free(struct report_people *rp)
{
	if (rp == NULL)
		return;
	pthread_rwlock_destroy(&rp->lock);
	free(rp->row);
	free(rp);
}

/* Puts p at slot id, growing the array; under the write lock. */
static int put(struct report_people *rp, int64_t id, const struct report_person *p)
{
	if (id <= 0 || id > REPORT_PEOPLE_ID_MAX) {
		rp->too_large = true;
		return KP_OK;
	}
	if (id >= rp->cap) {
		int64_t cap = rp->cap ? rp->cap : 1024;
		while (cap <= id)
			cap *= 2;
		struct report_person *grown = realloc(rp->row, (size_t)cap * sizeof *grown);
		if (grown == NULL)
			return KP_ERR;
		memset(grown + rp->cap, 0, (size_t)(cap - rp->cap) * sizeof *grown);
		rp->row = grown;
		rp->cap = cap;
	}
	rp->row[id] = *p;
	return KP_OK;
}

static int put_row(void *ctx, const struct report_tenure *t)
{
	struct report_people *rp = ctx;
	struct report_person p;
	report_person_of(t, &p);
	return put(rp, t->id, &p);
}

int report_people_load(struct report_people *rp, struct db *db, struct kp_error *err)
{
	static const struct report_scope all = { 0, NULL };
	pthread_rwlock_wrlock(&rp->lock);
	int rc = store_report_tenures(db, &all, put_row, rp, err);
	pthread_rwlock_unlock(&rp->lock);
	return rc;
}

/* The one row of a refresh, read before the lock is taken. */
struct found {
	bool any;
	int64_t id;
	struct report_person p;
};

static int keep_found(void *ctx, const struct report_tenure *t)
{
	struct found *f = ctx;
	f->any = true;
	f->id = t->id;
	report_person_of(t, &f->p);
	return 0;
}

int report_people_refresh(struct report_people *rp, struct db *db, int64_t volunteer_id,
                          struct kp_error *err)
{
	struct found f = { .id = volunteer_id };
	if (rp == NULL || volunteer_id <= 0)
		return KP_OK;
	if (store_report_tenure_of(db, volunteer_id, keep_found, &f, err))
		return KP_ERR;
	pthread_rwlock_wrlock(&rp->lock);
	int rc = KP_OK;
	if (f.any)
		rc = put(rp, f.id, &f.p);
	else if (volunteer_id < rp->cap)
		rp->row[volunteer_id] = (struct report_person){ 0 };
	pthread_rwlock_unlock(&rp->lock);
	return rc == KP_OK ? KP_OK : kp_internal(err);
}

void report_people_on_change(void *ctx, struct db *db, const struct change_entry *c)
{
	struct kp_error err = { 0 };
	int64_t id = c->kind == CHANGE_VOLUNTEER ? c->ref_id : c->kind == CHANGE_MATCH ? c->ref2_id : 0;
	if (id != 0 && report_people_refresh(ctx, db, id, &err) != KP_OK)
		fprintf(stderr, "knooppunt: cijfers van vrijwilliger %lld niet bijgewerkt: %s\n",
		        (long long)id, err.code);
}

bool report_people_complete(struct report_people *rp)
{
	pthread_rwlock_rdlock(&rp->lock);
	bool complete = !rp->too_large;
	pthread_rwlock_unlock(&rp->lock);
	return complete;
}

int report_people_each(struct report_people *rp, report_person_fn each, void *ctx)
{
	pthread_rwlock_rdlock(&rp->lock);
	int rc = KP_OK;
	for (int64_t id = 1; rc == KP_OK && id < rp->cap; id++)
		if (rp->row[id].organisation_id != 0 && each(ctx, &rp->row[id]) != 0)
			rc = KP_ERR;
	pthread_rwlock_unlock(&rp->lock);
	return rc;
}

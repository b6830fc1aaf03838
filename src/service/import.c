/* Importing volunteers from a spreadsheet (import.h). */
#include "service/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match/index.h"
#include "model/import.h"
#include "service/accounts.h"
#include "service/organisations.h"
#include "util/parse.h"
#include "util/xlsx_read.h"

#define KEY_MAX 1024

static const char *const action_names[IMPORT_ACTION_COUNT] = {
	"create", "update", "unchanged", "refused", "empty",
};

const char *import_action_name(int action)
{
	return action >= 0 && action < IMPORT_ACTION_COUNT ? action_names[action] : "";
}

/* A natural key's hash, never 0 (an empty slot of struct mhash). */
static int64_t key_hash(const char *s)
{
	uint64_t h = 14695981039346656037ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h ? (int64_t)h : 1;
}

/* A row read from the file on its way into a batch. */
struct pending {
	struct volunteer v;                /* as the row has it */
	uint64_t given;                    /* the fields it fills */
	bool to_store;                     /* false: refused or empty before the batch */
	struct import_row_report report;   /* what happened to it */
};

struct import_state {
	struct import_request *rq;
	int64_t org;
	struct import_mapping map;
	char remembered[IMPORT_MAPPING_TEXT_MAX + 1];
	char today[11];
	struct buf workbook;               /* an .xlsx file's first sheet as CSV text */
	struct csv_reader reader;
	struct csv_row row;
	struct mhash keys;                 /* natural key hash -> the row that had it first */
	struct pending batch[IMPORT_BATCH];
	int n;
	struct volunteer old, next;        /* scratch for an update */
};

/* Refuses one row without failing the batch. */
static int refuse(struct pending *p, const struct kp_error *why)
{
	p->report.action = IMPORT_REFUSED;
	p->report.err = *why;
	return KP_OK;
}

static int refuse_because(struct pending *p, enum kp_kind kind, const char *code,
                          const char *field, long long limit)
{
	struct kp_error why = { 0 };
	kp_fail_limit(&why, kind, code, field, limit);
	return refuse(p, &why);
}

static int create_one(struct svc *s, struct import_state *st, struct pending *p)
{
	struct volunteer *v = &p->v;
	p->report.action = IMPORT_CREATE;
	if (st->rq->dry_run)
		return KP_OK;
	v->id = 0;
	v->created_at = v->updated_at = s->now;
	v->version = 1;
	if (store_volunteer_insert(s->db, v, false, s->err) ||
	    svc_audit(s, "create", "volunteer", v->id, v->id, "import") ||
	    (st->rq->invite && account_invite_volunteer(s, v, &p->report.invited)))
		return KP_ERR;
	p->report.volunteer_id = v->id;
	return KP_OK;
}

/* The fields of the row that differ from the stored record, written. */
static int update_one(struct svc *s, struct import_state *st, struct pending *p, int64_t id)
{
	struct volunteer *old = &st->old, *next = &st->next;
	struct consent k;
	struct authz_target t;
	struct kp_error why = { 0 };
	p->report.volunteer_id = id;
	if (store_volunteer_get(s->db, id, false, old, s->err) ||
	    svc_volunteer_target(s, old->organisation_id, id, &k, &t))
		return KP_ERR;
	if (old->erased_at != 0)
		return refuse_because(p, KP_CONFLICT, "erased", "email", 0);
	if (!authz_allows(s->who, RES_VOLUNTEER, ACT_UPDATE, &t))
		return refuse_because(p, KP_FORBIDDEN, "forbidden", "email", 0);
	*next = *old;
	field_copy(&volunteer_fields, p->given, next, &p->v);
	uint64_t changed = field_changed(&volunteer_fields, old, next) & p->given;
	p->report.action = changed ? IMPORT_UPDATE : IMPORT_UNCHANGED;
	if (changed == 0)
		return KP_OK;
	if (volunteer_validate(next, &why))
		return refuse(p, &why);
	if (st->rq->dry_run)
		return KP_OK;
	next->updated_at = s->now;
	next->version = old->version + 1;
	return store_volunteer_update(s->db, next, false, s->err) ||
	       store_fields_touch(s->db, &volunteer_fields, id, next->version, changed, s->err) ||
	       svc_audit(s, "update", "volunteer", id, id, "import");
}

static int run_batch(struct svc *s, void *arg)
{
	struct import_state *st = arg;
	struct authz_target t = { .organisation_id = st->org };
	if (svc_authorise(s, RES_VOLUNTEER, ACT_CREATE, &t))
		return KP_ERR;
	for (int i = 0; i < st->n; i++) {
		struct pending *p = &st->batch[i];
		int64_t id = 0;
		if (!p->to_store)
			continue;
		p->report = (struct import_row_report){ .row = p->report.row };
		if (store_volunteer_find_key(s->db, &p->v, &id, s->err))
			return KP_ERR;
		if ((id == 0 ? create_one(s, st, p) : update_one(s, st, p, id)) != KP_OK)
			return KP_ERR;
	}
	return KP_OK;
}

/* Authorises the import and loads the remembered mapping. */
static int prepare(struct svc *s, void *arg)
{
	struct import_state *st = arg;
	struct authz_target t = { .organisation_id = st->org };
	/* Inviting gives each new volunteer an account: that needs its own right. */
	if (svc_authorise(s, RES_VOLUNTEER, ACT_CREATE, &t) ||
	    (st->rq->invite && svc_authorise(s, RES_ACCOUNT, ACT_CREATE, &t)))
		return KP_ERR;
	if (st->org <= 0) /* the administrator belongs to no organisation: name one */
		return kp_invalid(s->err, "organisation_id", "required");
	if (organisation_check(s, st->org, "organisation_id"))
		return KP_ERR;
	parse_format_date(s->now, st->today);
	return store_import_mapping_get(s->db, st->org, "volunteers", st->remembered,
	                                sizeof st->remembered, s->err);
}

static int remember(struct svc *s, void *arg)
{
	struct import_state *st = arg;
	return store_import_mapping_set(s->db, st->org, "volunteers", st->rq->mapping, s->now,
	                                s->err);
}

/* Reads one data row into the batch: refused, empty, or to be stored. */
static int take_row(struct import_state *st, struct kp_error *err)
{
	struct pending *p = &st->batch[st->n++];
	char key[KEY_MAX];
	struct kp_error why = { 0 };
	p->report = (struct import_row_report){ .row = st->row.record };
	p->to_store = false;
	if (csv_row_is_empty(&st->row)) {
		p->report.action = IMPORT_EMPTY;
		return KP_OK;
	}
	if (import_volunteer_row(&st->map, &st->row, st->org, st->today, &p->v, &p->given, &why))
		return refuse(p, &why);
	import_volunteer_key(&p->v, key, sizeof key);
	uint32_t earlier = 0;
	if (mhash_get(&st->keys, key_hash(key), &earlier))
		return refuse_because(p, KP_CONFLICT, "duplicate_row",
		                      p->v.email[0] ? "email" : "last_name", earlier);
	if (mhash_put(&st->keys, key_hash(key), (uint32_t)st->row.record))
		return kp_internal(err);
	p->to_store = true;
	return KP_OK;
}

/* Stores the batch and hands out its reports. */
static int flush(struct app *app, struct db *db, const struct principal *who,
                 struct import_state *st, struct kp_error *err)
{
	struct import_request *rq = st->rq;
	int rc = rq->dry_run ? svc_read(app, db, who, run_batch, st, err)
	                     : svc_run(app, db, who, run_batch, st, err);
	for (int i = 0; rc == KP_OK && i < st->n; i++) {
		const struct import_row_report *r = &st->batch[i].report;
		rq->counts[r->action]++;
		rq->invited += r->invited;
		if (rq->each != NULL && rq->each(rq->ctx, r) != 0)
			rc = kp_fail(err, KP_INVALID, "stopped", "");
	}
	st->n = 0;
	if (rc == KP_OK && rq->progress != NULL)
		rq->progress(rq->ctx, csv_offset(&st->reader), st->reader.size, st->row.record - 1);
	return rc;
}

static int read_rows(struct app *app, struct db *db, const struct principal *who,
                     struct import_state *st, struct kp_error *err)
{
	struct import_request *rq = st->rq;
	const char *mapping = rq->mapping != NULL && rq->mapping[0] ? rq->mapping : st->remembered;
	int got = csv_next(&st->reader, &st->row, err);
	if (got == 0)
		return kp_invalid(err, "file", "empty");
	if (got < 0 || import_mapping_build(&st->row, mapping, &st->map, err))
		return KP_ERR;
	while ((got = csv_next(&st->reader, &st->row, err)) == 1) {
		if (take_row(st, err) || (st->n == IMPORT_BATCH && flush(app, db, who, st, err)))
			return KP_ERR;
	}
	if (got < 0 || (st->n > 0 && flush(app, db, who, st, err)))
		return KP_ERR;
	if (!rq->dry_run && rq->mapping != NULL && rq->mapping[0])
		return svc_run(app, db, who, remember, st, err);
	return KP_OK;
}

int import_volunteers(struct app *app, struct db *db, const struct principal *who,
                      struct import_request *rq, struct kp_error *err)
{
	struct import_state *st = calloc(1, sizeof *st);
	if (st == NULL)
		return kp_internal(err);
	memset(rq->counts, 0, sizeof rq->counts);
	rq->invited = 0;
	st->rq = rq;
	st->org = rq->organisation_id ? rq->organisation_id : who->organisation_id;
	const char *data = rq->data;
	size_t len = rq->len;
	buf_init(&st->workbook, CSV_FILE_MAX);
	int rc = svc_read(app, db, who, prepare, st, err);
	if (rc == KP_OK && xlsx_is_zip(data, len)) {
		rc = xlsx_to_csv(data, len, &st->workbook, err);
		data = st->workbook.data ? st->workbook.data : "";
		len = st->workbook.len;
	}
	if (rc == KP_OK && (rc = csv_open(&st->reader, data, len, err)) == KP_OK) {
		rc = read_rows(app, db, who, st, err);
		csv_close(&st->reader);
	}
	buf_free(&st->workbook);
	mhash_free(&st->keys);
	free(st);
	return rc;
}

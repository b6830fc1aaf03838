/* Importing a spreadsheet of one kind of record (import.h): the mechanism;
   the kinds are in import_kinds.c. */
#include "service/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/import_kinds.h"
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

const char *import_kind_name(int kind)
{
	return kind >= 0 && kind < IMPORT_KIND_COUNT ? import_kinds[kind].schema->kind : "";
}

int import_kind_parse(const char *name)
{
	for (int k = 0; name != NULL && k < IMPORT_KIND_COUNT; k++)
		if (strcmp(import_kinds[k].schema->kind, name) == 0)
			return k;
	return -1;
}

/* A natural key's hash, never 0 (an empty slot of struct mhash). */
static int64_t key_hash(const char *s)
{
	uint64_t h = 14695981039346656037ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h ? (int64_t)h : 1;
}

int import_refuse(struct import_pending *p, const struct kp_error *why)
{
	p->report.action = IMPORT_REFUSED;
	p->report.err = *why;
	return KP_OK;
}

int import_refuse_because(struct import_pending *p, enum kp_kind kind, const char *code,
                          const char *field, long long limit)
{
	struct kp_error why = { 0 };
	kp_fail_limit(&why, kind, code, field, limit);
	return import_refuse(p, &why);
}

static int run_batch(struct svc *s, void *arg)
{
	struct import_state *st = arg;
	if (st->kind->allow(s, st) || (st->kind->begin != NULL && st->kind->begin(s, st)))
		return KP_ERR;
	for (int i = 0; i < st->n; i++) {
		struct import_pending *p = &st->batch[i];
		if (!p->to_store)
			continue;
		p->report = (struct import_row_report){ .row = p->report.row };
		if (st->kind->store(s, st, p) != KP_OK)
			return KP_ERR;
	}
	return st->kind->end != NULL ? st->kind->end(s, st) : KP_OK;
}

/* Authorises the import and loads the remembered mapping. */
static int prepare(struct svc *s, void *arg)
{
	struct import_state *st = arg;
	if (st->kind->allow(s, st))
		return KP_ERR;
	if (!st->kind->network) {
		if (st->org <= 0) /* the administrator belongs to no organisation: name one */
			return kp_invalid(s->err, "organisation_id", "required");
		if (organisation_check(s, st->org, "organisation_id") ||
		    store_import_mapping_get(s->db, st->org, st->kind->schema->kind, st->remembered,
		                             sizeof st->remembered, s->err))
			return KP_ERR;
	}
	parse_format_date(s->now, st->today);
	return st->kind->load != NULL ? st->kind->load(s, st) : KP_OK;
}

static int remember(struct svc *s, void *arg)
{
	struct import_state *st = arg;
	return store_import_mapping_set(s->db, st->org, st->kind->schema->kind, st->rq->mapping,
	                                s->now, s->err);
}

/* Reads one data row into the batch: refused, empty, or to be stored. */
static int take_row(struct import_state *st, struct kp_error *err)
{
	struct import_pending *p = &st->batch[st->n];
	char key[KEY_MAX];
	struct kp_error why = { 0 };
	p->rec = st->records + (size_t)st->n * st->kind->size;
	st->n++;
	p->report = (struct import_row_report){ .row = st->row.record };
	p->to_store = false;
	if (csv_row_is_empty(&st->row)) {
		p->report.action = IMPORT_EMPTY;
		return KP_OK;
	}
	if (st->kind->read(st, &st->row, p->rec, &p->given, &why))
		return import_refuse(p, &why);
	const char *field = st->kind->key(p->rec, key, sizeof key);
	uint32_t earlier = 0;
	if (mhash_get(&st->keys, key_hash(key), &earlier))
		return import_refuse_because(p, KP_CONFLICT, "duplicate_row", field, earlier);
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
	st->batches += rc == KP_OK;
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
	if (got < 0 ||
	    import_mapping_build(st->kind->schema, &st->row, mapping, &st->map, err))
		return KP_ERR;
	while ((got = csv_next(&st->reader, &st->row, err)) == 1) {
		if (take_row(st, err) ||
		    (st->n == st->kind->batch && flush(app, db, who, st, err)))
			return KP_ERR;
	}
	if (got < 0 || (st->n > 0 && flush(app, db, who, st, err)))
		return KP_ERR;
	if (!rq->dry_run && !st->kind->network && rq->mapping != NULL && rq->mapping[0])
		return svc_run(app, db, who, remember, st, err);
	return KP_OK;
}

static void state_free(struct import_state *st)
{
	buf_free(&st->workbook);
	mhash_free(&st->keys);
	free(st->records);
	free(st->old);
	free(st->next);
	free(st->labels);
	free(st->audits);
	free(st);
}

int import_run(struct app *app, struct db *db, const struct principal *who,
               struct import_request *rq, struct kp_error *err)
{
	if (rq->kind < 0 || rq->kind >= IMPORT_KIND_COUNT)
		return kp_invalid(err, "kind", "invalid_choice");
	struct import_state *st = calloc(1, sizeof *st);
	const struct import_kind_ops *kind = &import_kinds[rq->kind];
	if (st == NULL)
		return kp_internal(err);
	st->kind = kind;
	st->records = calloc((size_t)kind->batch, kind->size);
	/* the scratch records also hold a volunteer the hours look up */
	size_t scratch = kind->size > sizeof(struct volunteer) ? kind->size : sizeof(struct volunteer);
	st->old = malloc(scratch);
	st->next = malloc(scratch);
	if (st->records == NULL || st->old == NULL || st->next == NULL) {
		state_free(st);
		return kp_internal(err);
	}
	memset(rq->counts, 0, sizeof rq->counts);
	rq->invited = 0;
	st->rq = rq;
	st->org = kind->network ? 0 : rq->organisation_id ? rq->organisation_id
	                                                   : who->organisation_id;
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
	state_free(st);
	return rc;
}

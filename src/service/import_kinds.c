/* The kinds of import: volunteers, organisations, calls, hours
   (import_kinds.h). Each writes a row as its own use cases would. */
#include "service/import_kinds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/accounts.h"
#include "service/calls.h"
#include "service/hours.h"
#include "service/organisations.h"

/* Importing into an organisation is for who may register its volunteers. */
static int allow_into(struct svc *s, struct import_state *st, enum resource res)
{
	struct authz_target t = { .organisation_id = st->org };
	if (svc_authorise(s, RES_VOLUNTEER, ACT_CREATE, &t))
		return KP_ERR;
	return res == RES_VOLUNTEER ? KP_OK : svc_authorise(s, res, ACT_CREATE, &t);
}

/* --- volunteers --- */

static int volunteer_allow(struct svc *s, struct import_state *st)
{
	struct authz_target t = { .organisation_id = st->org };
	/* Inviting gives each new volunteer an account: that needs its own right. */
	return allow_into(s, st, RES_VOLUNTEER) ||
	       (st->rq->invite && svc_authorise(s, RES_ACCOUNT, ACT_CREATE, &t));
}

static int volunteer_load(struct svc *s, struct import_state *st)
{
	st->audits = calloc(IMPORT_BATCH, sizeof *st->audits);
	return st->audits == NULL ? kp_internal(s->err) : KP_OK;
}

static int volunteer_read(struct import_state *st, const struct csv_row *row, void *rec,
                          uint64_t *given, struct kp_error *why)
{
	return import_volunteer_row(&st->map, row, st->org, st->today, rec, given, why);
}

static const char *volunteer_key(const void *rec, char *key, size_t size)
{
	const struct volunteer *v = rec;
	import_volunteer_key(v, key, size);
	return v->email[0] ? "email" : "last_name";
}

/* Whether the organisation still holds only volunteers of this import: it
   had none when the first batch began, and nothing has been written to the
   change log (which every volunteer write reaches) since the last batch. */
static int volunteer_begin(struct svc *s, struct import_state *st)
{
	st->n_audits = 0;
	if (st->batches == 0 || st->rq->dry_run) {
		bool any = true;
		if (store_organisation_has_volunteers(s->db, st->org, &any, s->err))
			return KP_ERR;
		st->fresh = !any;
		return KP_OK;
	}
	int64_t next = 0;
	if (st->fresh && store_changes_next_id(s->db, &next, s->err))
		return KP_ERR;
	st->fresh = st->fresh && next == st->change_mark;
	return KP_OK;
}

/* The audit rows of the batch at once, and the mark for the next batch. */
static int volunteer_end(struct svc *s, struct import_state *st)
{
	if (st->rq->dry_run)
		return KP_OK;
	return svc_audit_all(s, st->audits, st->n_audits) ||
	       (st->fresh && store_changes_next_id(s->db, &st->change_mark, s->err));
}

static int volunteer_create(struct svc *s, struct import_state *st, struct import_pending *p)
{
	struct volunteer *v = p->rec;
	p->report.action = IMPORT_CREATE;
	if (st->rq->dry_run)
		return KP_OK;
	v->id = 0;
	v->created_at = v->updated_at = s->now;
	v->version = 1;
	if (store_volunteer_insert(s->db, v, false, s->err) ||
	    (st->rq->invite && account_invite_volunteer(s, v, &p->report.invited)))
		return KP_ERR;
	svc_audit_fill(s, "create", "volunteer", v->id, v->id, "import",
	               &st->audits[st->n_audits++]);
	p->report.id = v->id;
	return KP_OK;
}

/* The fields of the row that differ from the stored record, written. */
static int volunteer_update(struct svc *s, struct import_state *st, struct import_pending *p,
                            int64_t id)
{
	struct volunteer *old = st->old, *next = st->next;
	struct consent k;
	struct authz_target t;
	struct kp_error why = { 0 };
	p->report.id = id;
	if (store_volunteer_get(s->db, id, false, old, s->err) ||
	    svc_volunteer_target(s, old->organisation_id, id, &k, &t))
		return KP_ERR;
	if (old->erased_at != 0)
		return import_refuse_because(p, KP_CONFLICT, "erased", "email", 0);
	if (!authz_allows(s->who, RES_VOLUNTEER, ACT_UPDATE, &t))
		return import_refuse_because(p, KP_FORBIDDEN, "forbidden", "email", 0);
	*next = *old;
	field_copy(&volunteer_fields, p->given, next, p->rec);
	uint64_t changed = field_changed(&volunteer_fields, old, next) & p->given;
	p->report.action = changed ? IMPORT_UPDATE : IMPORT_UNCHANGED;
	if (changed == 0)
		return KP_OK;
	if (volunteer_validate(next, &why))
		return import_refuse(p, &why);
	if (st->rq->dry_run)
		return KP_OK;
	next->updated_at = s->now;
	next->version = old->version + 1;
	return store_volunteer_update(s->db, next, false, s->err) ||
	       store_fields_touch(s->db, &volunteer_fields, id, next->version, changed, s->err) ||
	       svc_audit(s, "update", "volunteer", id, id, "import");
}

static int volunteer_store(struct svc *s, struct import_state *st, struct import_pending *p)
{
	int64_t id = 0;
	if (!st->fresh && store_volunteer_find_key(s->db, p->rec, &id, s->err))
		return KP_ERR;
	return id == 0 ? volunteer_create(s, st, p) : volunteer_update(s, st, p, id);
}

/* --- organisations --- */

static int organisation_allow(struct svc *s, struct import_state *st)
{
	(void)st;
	return svc_authorise(s, RES_ORGANISATION, ACT_CREATE, NULL);
}

static int organisation_read(struct import_state *st, const struct csv_row *row, void *rec,
                             uint64_t *given, struct kp_error *why)
{
	return import_organisation_row(&st->map, row, rec, given, why);
}

static const char *organisation_key(const void *rec, char *key, size_t size)
{
	import_organisation_key(rec, key, size);
	return "name";
}

static int organisation_store(struct svc *s, struct import_state *st, struct import_pending *p)
{
	struct organisation *o = p->rec, *old = st->old, *next = st->next;
	int64_t id = 0;
	struct kp_error why = { 0 };
	if (store_organisation_find_name(s->db, o->name, &id, s->err))
		return KP_ERR;
	p->report.id = id;
	if (id == 0) {
		p->report.action = IMPORT_CREATE;
		if (st->rq->dry_run)
			return KP_OK;
		o->created_at = o->updated_at = s->now;
		if (store_network_ensure(s->db, "Knooppunt", "", s->now, &o->network_id, s->err) ||
		    store_organisation_insert(s->db, o, s->err))
			return KP_ERR;
		p->report.id = o->id;
		return svc_audit(s, "create", "organisation", 0, o->id, "import");
	}
	uint64_t given = import_record_mask(&st->map, p->given, &organisation_fields);
	if (store_organisation_get(s->db, id, old, s->err))
		return KP_ERR;
	*next = *old;
	field_copy(&organisation_fields, given, next, o);
	uint64_t changed = field_changed(&organisation_fields, old, next) & given;
	p->report.action = changed ? IMPORT_UPDATE : IMPORT_UNCHANGED;
	if (changed == 0)
		return KP_OK;
	if (organisation_validate(next, &why))
		return import_refuse(p, &why);
	if (st->rq->dry_run)
		return KP_OK;
	next->updated_at = s->now;
	return store_organisation_update(s->db, next, s->err) ||
	       svc_audit(s, "update", "organisation", 0, id, "import");
}

/* --- calls --- */

static int call_allow(struct svc *s, struct import_state *st)
{
	return allow_into(s, st, RES_CALL);
}

static int add_label(void *ctx, const struct list_item *it)
{
	struct import_state *st = ctx;
	struct import_label *more = realloc(st->labels, (size_t)(st->n_labels + 1) * sizeof *more);
	if (more == NULL)
		return -1;
	st->labels = more;
	struct import_label *l = &st->labels[st->n_labels++];
	l->id = it->id;
	snprintf(l->code, sizeof l->code, "%s", it->code);
	import_normalise(it->label_nl, strlen(it->label_nl), l->nl, sizeof l->nl);
	import_normalise(it->label_en, strlen(it->label_en), l->en, sizeof l->en);
	return 0;
}

static int call_load(struct svc *s, struct import_state *st)
{
	return store_list_items(s->db, LIST_ACTIVITY, false, add_label, st, s->err);
}

/* A call's record with the text of its activity, as the row has them. */
struct call_row {
	struct call call;
	char activity[IMPORT_LABEL_SIZE];
};

static int call_read(struct import_state *st, const struct csv_row *row, void *rec,
                     uint64_t *given, struct kp_error *why)
{
	struct call_row *r = rec;
	char want[64];
	if (import_call_row(&st->map, row, st->org, &r->call, r->activity, given, why))
		return KP_ERR;
	import_normalise(r->activity, strlen(r->activity), want, sizeof want);
	for (int i = 0; i < st->n_labels; i++) {
		const struct import_label *l = &st->labels[i];
		if (strcmp(l->code, r->activity) == 0 || strcmp(l->nl, want) == 0 ||
		    strcmp(l->en, want) == 0) {
			r->call.activity_id = l->id;
			return call_validate(&r->call, why);
		}
	}
	return kp_invalid(why, "activity", "unknown_reference");
}

static const char *call_key(const void *rec, char *key, size_t size)
{
	import_call_key(&((const struct call_row *)rec)->call, key, size);
	return "title";
}

static int call_store(struct svc *s, struct import_state *st, struct import_pending *p)
{
	struct call *c = &((struct call_row *)p->rec)->call;
	struct call_row *old = st->old, *next = st->next;
	struct kp_error why = { 0 };
	int64_t id = 0;
	if (store_call_find_key(s->db, st->org, c->title, c->one_off_date, &id, s->err))
		return KP_ERR;
	p->report.id = id;
	if (id == 0) {
		p->report.action = IMPORT_CREATE;
		if (call_check_date(c, NULL, s->now, &p->report.err))
			return import_refuse(p, &p->report.err);
		if (st->rq->dry_run)
			return KP_OK;
		c->id = 0;
		c->created_by = s->who->account_id;
		if (call_create_in(s, c))
			return KP_ERR;
		p->report.id = c->id;
		return KP_OK;
	}
	uint64_t given = import_record_mask(&st->map, p->given, &call_fields);
	if (store_call_get(s->db, id, &old->call, s->err))
		return KP_ERR;
	next->call = old->call;
	field_copy(&call_fields, given, &next->call, c);
	uint64_t changed = field_changed(&call_fields, &old->call, &next->call) & given;
	p->report.action = changed ? IMPORT_UPDATE : IMPORT_UNCHANGED;
	if (changed == 0)
		return KP_OK;
	if (call_validate(&next->call, &why) || call_check_date(&next->call, &old->call, s->now, &why))
		return import_refuse(p, &why);
	if (st->rq->dry_run)
		return KP_OK;
	struct call_edit e = { .id = id, .patch = c, .mask = given, .out = &old->call };
	return call_update_in(s, &e, &next->call);
}

/* --- hours --- */

static int hours_allow(struct svc *s, struct import_state *st)
{
	return allow_into(s, st, RES_HOURS);
}

static int hours_read(struct import_state *st, const struct csv_row *row, void *rec,
                      uint64_t *given, struct kp_error *why)
{
	return import_hours_row(&st->map, row, rec, given, why);
}

static const char *hours_key(const void *rec, char *key, size_t size)
{
	import_hours_key(rec, key, size);
	return "worked_on";
}

/* The organisation of an entry: the match's call's, else the volunteer's
   home; 0 when the volunteer is not there. */
static int hours_organisation(struct svc *s, struct import_state *st, struct hour_entry *e)
{
	struct volunteer *v = st->old;
	struct match m;
	e->organisation_id = 0;
	if (e->match_id > 0) {
		if (store_match_get(s->db, e->match_id, &m, s->err))
			return KP_ERR;
		e->organisation_id = m.organisation_id;
		return KP_OK;
	}
	int rc = store_volunteer_get(s->db, e->volunteer_id, false, v, s->err);
	if (rc != KP_OK && s->err->kind == KP_NOT_FOUND)
		return *s->err = (struct kp_error){ 0 }, KP_OK;
	if (rc == KP_OK && v->erased_at == 0)
		e->organisation_id = v->organisation_id;
	return rc;
}

/* The volunteer, call and match the row names into h->e; the row refused
   when one of them is not of the organisation. */
static int hours_resolve(struct svc *s, struct import_state *st, struct import_pending *p)
{
	struct import_hours *h = p->rec;
	struct volunteer *key = st->old;
	int64_t vid = h->volunteer_id, call = h->call_id, match = 0;
	const char *call_field = h->call[0] ? "call" : "call_id";
	if (vid == 0) {
		volunteer_init(key);
		key->organisation_id = st->org;
		snprintf(key->email, sizeof key->email, "%s", h->email);
		if (store_volunteer_find_key(s->db, key, &vid, s->err))
			return KP_ERR;
	}
	if (call == 0 && h->call[0] != '\0' &&
	    store_call_find_key(s->db, st->org, h->call, "", &call, s->err))
		return KP_ERR;
	if (call != 0 && vid != 0 && store_match_find(s->db, call, vid, &match, s->err))
		return KP_ERR;
	h->e.volunteer_id = vid;
	h->e.match_id = match;
	if (vid != 0 && h->volunteer_id == 0 && match == 0)
		h->e.organisation_id = st->org; /* found by address within the organisation */
	else if (vid != 0 && hours_organisation(s, st, &h->e))
		return KP_ERR;
	if (vid == 0 || h->e.organisation_id == 0)
		return import_refuse_because(p, KP_INVALID, "unknown_reference",
		                             h->email[0] ? "email" : "volunteer_id", 0);
	if ((h->call[0] != '\0' || h->call_id != 0) && match == 0)
		return import_refuse_because(p, KP_INVALID, call ? "no_match" : "unknown_reference",
		                             call_field, 0);
	struct authz_target t = { .organisation_id = h->e.organisation_id, .volunteer_id = vid };
	if (h->e.organisation_id != st->org || !authz_allows(s->who, RES_HOURS, ACT_CREATE, &t))
		return import_refuse_because(p, KP_FORBIDDEN, "forbidden",
		                             h->email[0] ? "email" : "volunteer_id", 0);
	return KP_OK;
}

static int hours_store(struct svc *s, struct import_state *st, struct import_pending *p)
{
	struct import_hours *h = p->rec;
	struct hour_entry *old = &((struct import_hours *)st->next)->e;
	struct kp_error why = { 0 };
	int64_t id = 0;
	if (hours_resolve(s, st, p))
		return KP_ERR;
	if (p->report.action == IMPORT_REFUSED)
		return KP_OK;
	if (store_hour_find_key(s->db, h->e.volunteer_id, h->e.match_id, h->e.worked_on, &id,
	                        s->err))
		return KP_ERR;
	p->report.id = id;
	if (id != 0) {
		if (store_hour_get(s->db, id, old, s->err))
			return KP_ERR;
		bool same = old->minutes == h->e.minutes &&
		            (!(p->given & (1ull << IMPORT_HOUR_NOTE)) ||
		             strcmp(old->note, h->e.note) == 0);
		p->report.action = same ? IMPORT_UNCHANGED : IMPORT_UPDATE;
		if (same)
			return KP_OK;
		if (hour_entry_editable(old, &why))
			return import_refuse(p, &why);
		if (!(p->given & (1ull << IMPORT_HOUR_NOTE)))
			snprintf(h->e.note, sizeof h->e.note, "%s", old->note);
		h->e.activity_id = old->activity_id;
	} else {
		p->report.action = IMPORT_CREATE;
	}
	int64_t other = 0;
	if (store_hour_day_minutes(s->db, h->e.volunteer_id, h->e.worked_on, id, &other, s->err))
		return KP_ERR;
	if (hour_entry_check(&h->e, s->now / 86400, other, &why))
		return import_refuse(p, &why);
	if (st->rq->dry_run)
		return KP_OK;
	if (hour_insert_in(s, &h->e, id))
		return KP_ERR;
	p->report.id = h->e.id;
	return id != 0 ? store_hour_corrected(s->db, id, h->e.id, s->err) : KP_OK;
}

const struct import_kind_ops import_kinds[IMPORT_KIND_COUNT] = {
	[IMPORT_VOLUNTEERS] = { &import_volunteer_schema, sizeof(struct volunteer), IMPORT_BATCH,
	                        false, volunteer_allow, volunteer_load, volunteer_read,
	                        volunteer_key, volunteer_begin, volunteer_end, volunteer_store },
	[IMPORT_ORGANISATIONS] = { &import_organisation_schema, sizeof(struct organisation), 500,
	                           true, organisation_allow, NULL, organisation_read,
	                           organisation_key, NULL, NULL, organisation_store },
	[IMPORT_CALLS] = { &import_call_schema, sizeof(struct call_row), 200, false, call_allow,
	                   call_load, call_read, call_key, NULL, NULL, call_store },
	[IMPORT_HOURS] = { &import_hours_schema, sizeof(struct import_hours), IMPORT_BATCH, false,
	                   hours_allow, NULL, hours_read, hours_key, NULL, NULL, hours_store },
};

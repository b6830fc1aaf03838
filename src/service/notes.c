/* A coordinator's private notes and contact log about a volunteer (notes.h). */
#include "service/notes.h"

#include <stdlib.h>

/* The volunteer's organisation, which the notes belong to. */
static int volunteer_org(struct svc *s, int64_t volunteer_id, int64_t *org)
{
	struct volunteer *v = malloc(sizeof *v);
	int rc = v ? store_volunteer_get(s->db, volunteer_id, false, v, s->err) : kp_internal(s->err);
	if (rc == KP_OK)
		*org = v->organisation_id;
	free(v);
	return rc;
}

static int write_note(struct svc *s, void *arg)
{
	struct volunteer_note *n = arg;
	struct authz_target t = { .volunteer_id = n->volunteer_id };
	if (volunteer_org(s, n->volunteer_id, &t.organisation_id) ||
	    svc_authorise(s, RES_NOTE, ACT_CREATE, &t))
		return KP_ERR;
	n->organisation_id = t.organisation_id;
	n->created_by = s->who->account_id;
	n->created_at = s->now;
	if (note_check(n, (long)(s->now / 86400), s->err) ||
	    store_note_insert(s->db, n, s->err))
		return KP_ERR;
	return svc_audit(s, "create", "note", n->volunteer_id, n->id, NULL);
}

int note_add(struct app *app, struct db *db, const struct principal *who,
             struct volunteer_note *n, struct kp_error *err)
{
	n->id = 0;
	return svc_run(app, db, who, write_note, n, err);
}

struct list_args {
	int64_t volunteer_id;
	note_fn each;
	void *ctx;
};

static int read_notes(struct svc *s, void *arg)
{
	struct list_args *a = arg;
	struct authz_target t = { .volunteer_id = a->volunteer_id };
	if (volunteer_org(s, a->volunteer_id, &t.organisation_id) ||
	    svc_authorise(s, RES_NOTE, ACT_LIST, &t))
		return KP_ERR;
	/* Each organisation its own notes; the administrator reads them all. */
	int64_t org = s->who->role == ROLE_ADMIN ? 0 : s->who->organisation_id;
	return store_notes_of(s->db, a->volunteer_id, org, NOTES_MAX, a->each, a->ctx, s->err);
}

int note_list(struct app *app, struct db *db, const struct principal *who, int64_t volunteer_id,
              note_fn each, void *ctx, struct kp_error *err)
{
	struct list_args a = { volunteer_id, each, ctx };
	return svc_read(app, db, who, read_notes, &a, err);
}

/*
 * Use cases of matches (koppelingen): proposing a volunteer for a call, each
 * step of a match after that, and reading matches with their history.
 *
 * match_create reads the call and the volunteer inside its transaction, so
 * what it checks still holds at the commit: the call is open, the volunteer
 * active, through the journey's required steps with a valid VOG where the
 * work needs one, and below max_matches (two proposals for a volunteer's last
 * place cannot both pass). A volunteer who names no volunteer responds to the
 * call for themselves.
 *
 * match_transition moves a match on from the status it has inside the
 * transaction, along the lifecycle of model/match.h. A volunteer decides only
 * for themselves: yes when contacted, or no.
 *
 * Both queue a refresh of the matching index for after the commit; the
 * answer to show is read afterwards with match_show.
 *
 * Ownership: the caller owns every struct passed in; results are written
 * into them. A match or event handed to a callback lives only for that call.
 */
#ifndef KP_SERVICE_MATCHES_H
#define KP_SERVICE_MATCHES_H

#include "service/service.h"

struct match_step {
	int64_t id;            /* the match */
	int to;                /* enum match_status */
	const char *reason;    /* required for declined and ended; NULL: none */
	struct match *out;     /* the match after the step, or as it was found */
};

/* Proposes m->volunteer_id (0 for a volunteer: themselves) for m->call_id.
   The explanation is the server's own, without lived experience (whatever
   m->explanation held is replaced). On success m is the stored match
   (status proposed). */
int match_create(struct app *app, struct db *db, const struct principal *who, struct match *m,
                 struct kp_error *err);

/* Takes the step described above. */
int match_transition(struct app *app, struct db *db, const struct principal *who,
                     struct match_step *st, struct kp_error *err);

/* Inside a use case (journey, transfer): ends the volunteer's work at the
   organisation — every open match of hers on its calls, the active ones
   ended and the others declined, each with `reason` and its event. */
int match_end_all(struct svc *s, int64_t volunteer_id, int64_t organisation_id,
                  const char *reason);

/* One page of the matches who may see, narrowed by f (call_id, volunteer_id,
   status; its organisation_id is ignored); *total counts every such match.
   A volunteer sees only their own: naming another volunteer is forbidden. */
int match_list(struct app *app, struct db *db, const struct principal *who,
               const struct list_filter *f, struct page pg, match_fn each, void *ctx,
               int64_t *total, struct kp_error *err);

/* Match id into m, and its history to each (oldest first; each may be NULL). */
int match_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
               struct match *m, match_event_fn each, void *ctx, struct kp_error *err);

#endif

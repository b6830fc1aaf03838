/*
 * The matching engine as use cases that only read: the candidates for a
 * call, the calls that suit a volunteer, and a proposal for many calls at
 * once. Answered from app->index (src/match/match.h), named from the store;
 * KP_BUSY "matching_unavailable" while the server has no index.
 *
 * Lived experience counts in a score only under the volunteer's consent (the
 * engine sees to that); a caller who may not see it (RES_EXPERIENCE) gets
 * every ranking computed without it (MATCH_WITHOUT_EXPERIENCE), so that no
 * order gives it away, and each hit is checked once more on its own
 * (match_hit_hide_experience).
 *
 * Ownership: what a callback is handed lives only for that call.
 */
#ifndef KP_SERVICE_SUGGESTIONS_H
#define KP_SERVICE_SUGGESTIONS_H

#include "match/match.h"
#include "service/service.h"

typedef int (*candidate_fn)(void *ctx, const struct match_hit *h,
                            const struct volunteer_name *v);
typedef int (*suggestion_fn)(void *ctx, const struct match_hit *h, const struct call *call);
/* h is the pair explained as the caller may see it; NULL when it could not
   be explained (then the pair's own score stands). */
typedef int (*proposal_fn)(void *ctx, const struct match_pair *pair, const struct match_hit *h);

/* The best `limit` (1..MATCH_LIMIT_MAX) volunteers for call_id, best first;
   *total counts every volunteer that meets its requirements. A call that is
   not open has none. A caller who may not list volunteers (a care
   professional) gets them without their names. */
int candidates_list(struct app *app, struct db *db, const struct principal *who,
                    int64_t call_id, int limit, candidate_fn each, void *ctx,
                    int64_t *total, struct kp_error *err);

/* Inside a use case that has authorised the caller for the candidates of
   spec's organisation: the best `limit` volunteers for spec, a question
   that is no open call (a help request, see match_for_request), as
   candidates_list gives them. */
int svc_request_candidates(struct svc *s, const struct call *spec, int limit,
                           candidate_fn each, void *ctx, int64_t *total);

/* The best `limit` open calls for volunteer_id, best first; an inactive
   volunteer has none. */
int suggestions_list(struct app *app, struct db *db, const struct principal *who,
                     int64_t volunteer_id, int limit, suggestion_fn each, void *ctx,
                     struct kp_error *err);

/* A proposal for the open calls of organisation_id: the caller's own when 0,
   and only the network administrator may name another one or ask for the
   whole network (0). Each pair goes to each; *totals gets the proposal's
   figures (its pairs NULL). */
int proposal_compute(struct app *app, struct db *db, const struct principal *who,
                     int64_t organisation_id, proposal_fn each, void *ctx,
                     struct match_proposal *totals, struct kp_error *err);

#endif

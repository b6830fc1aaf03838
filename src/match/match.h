/*
 * The matching engine: volunteer-first matches that explain themselves.
 *
 * A `struct match_index` is a compact in-memory copy of what matching needs
 * about every active volunteer (and every one waiting for her intake, only
 * to show her the calls that fit) and every open call (see index.h for the
 * layout). It is loaded from the database at start (match_index_load) and
 * kept fresh by the match_index_refresh_* calls that the API makes after
 * every committed write; the database stays the source of truth.
 *
 * Three questions are answered from the index alone, without touching the
 * database:
 *   match_for_call       the volunteers that fit one call, ranked;
 *   match_for_volunteer  the open calls that fit one volunteer, ranked;
 *   match_proposal       an assignment of volunteers to all open calls (of
 *                        one organisation or the whole network) that
 *                        maximises the total score under volunteer
 *                        capacities and call places (min-cost flow).
 *
 * Hard requirements (filter.c) decide whether a pair may be proposed at all;
 * the soft score (score.c) ranks the pairs that may; explain.c turns the
 * score parts into Dutch words.
 *
 * Thread safety: every function here takes the index's rwlock itself
 * (readers share it, refreshes hold it exclusively); callers need no lock.
 * Ownership: the index borrows the catalog it is created with, which must
 * outlive it.
 */
#ifndef KP_MATCH_MATCH_H
#define KP_MATCH_MATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "db/db.h"
#include "model/catalog.h"
#include "util/error.h"

#define MATCH_LIMIT_MAX 100      /* most results one question may ask for */
#define MATCH_EXPLAIN_MAX 6      /* most phrases in one explanation */
#define MATCH_PHRASE_MAX 160     /* bytes of one phrase */
#define MATCH_PROPOSAL_K 50      /* candidates per call in the proposal graph */

/* The parts of the soft score, in the order they are added up. */
enum match_part {
	MP_ACTIVITY,      /* the volunteer likes the call's activity */
	MP_THEMES,        /* share of the call's themes the volunteer cares about */
	MP_MOTIVES,       /* share of the volunteer's motives the activity serves */
	MP_TALENTS,       /* the volunteer has a talent the activity uses */
	MP_EXPERIENCE,    /* lived experience a peer-support call needs; only under consent */
	MP_TEXT,          /* stemmed word overlap of motivation and call text */
	MP_DISTANCE,      /* h^2 / (h^2 + d^2): 1 nearby, 1/2 at h km */
	MP_AVAILABILITY,  /* share of the call's day-parts the volunteer is free */
	MP_FAIRNESS,      /* volunteers not busy and not asked recently rise */
	MP_WAITING,       /* calls waiting long rise */
	MP_COUNT
};

/* "activity", "themes", … as used in the API's "parts" object. */
const char *match_part_name(int part);

/* Weights of the soft score; configuration with defaults (docs/matching.md). */
struct match_weights {
	double w[MP_COUNT];       /* weight of each part; a part lies in [0, 1] */
	double distance_half_km;  /* h: distance at which the distance part is 1/2 */
	int recent_days;          /* a volunteer asked within this many days was asked recently */
	int waiting_full_days;    /* a call open this long gets the whole waiting part */
	double spread;            /* proposals: points each further pair of one volunteer
	                             costs (a convex cost: the k-th pair costs k - 1 times
	                             this); 0 does not spread the work */
};
void match_weights_default(struct match_weights *w);

/* One ranked answer: a volunteer for a call or a call for a volunteer. */
struct match_hit {
	int64_t volunteer_id;
	int64_t call_id;
	int64_t organisation_id;        /* the call's organisation */
	double score;                   /* sum of parts */
	double score_max;               /* the most any volunteer could score for this call */
	double parts[MP_COUNT];         /* weighted contributions */
	double distance_km;
	int n_phrases;
	char phrases[MATCH_EXPLAIN_MAX][MATCH_PHRASE_MAX]; /* Dutch, most telling first */
};

/* The score as a coordinator reads it: 0-100, 100 when the volunteer fits
   the call on every part that can count for it (score / score_max). */
int match_hit_fit(const struct match_hit *h);

/* Joins the phrases with " · " into out. */
void match_explain_join(const struct match_hit *h, char *out, size_t size);

/* The phrase said when lived experience counted: generic, never the experience. */
#define MATCH_PHRASE_EXPERIENCE "Ervaringsdeskundig"

/* For a caller who may not see the volunteer's lived experience: the hit
   as shown without it (score and part lowered, phrase dropped). */
void match_hit_hide_experience(struct match_hit *h);

struct match_index;

/* An empty index using `lists` for item kinds, codes and labels. */
int match_index_new(struct catalog *lists, struct match_index **out, struct kp_error *err);
void match_index_free(struct match_index *ix);

/* Loads every active volunteer, open call and existing match from db. */
int match_index_load(struct match_index *ix, struct db *db, struct kp_error *err);

/* Weights in use (copied in and out; the defaults until set). */
void match_index_set_weights(struct match_index *ix, const struct match_weights *w);
void match_index_get_weights(struct match_index *ix, struct match_weights *w);

/* Freshness: re-read one record from db after a committed write and update
   the index (a volunteer who is no longer active, or a call no longer open,
   leaves it). refresh_match re-reads the pair, the volunteer's open matches
   and the call's places. Safe with ix == NULL (then they do nothing). */
int match_index_refresh_volunteer(struct match_index *ix, struct db *db, int64_t id,
                                  struct kp_error *err);
int match_index_refresh_call(struct match_index *ix, struct db *db, int64_t id,
                             struct kp_error *err);
int match_index_refresh_match(struct match_index *ix, struct db *db, int64_t call_id,
                              int64_t volunteer_id, struct kp_error *err);
/* For the change-log hook (src/serve.c, src/sync/follow.h): refreshes the
   record a change names; ctx is the index. Idempotent. */
struct change_entry;
void match_index_on_change(void *ctx, struct db *db, const struct change_entry *c);

/* Re-reads one organisation (its kind and VOG limit). */
int match_index_refresh_organisation(struct match_index *ix, struct db *db, int64_t id,
                                     struct kp_error *err);

/* Counts and memory, for the benchmark and the health of the server. */
struct match_stats {
	int64_t volunteers;   /* active volunteers in the index */
	int64_t calls;        /* open calls in the index */
	int64_t bytes;        /* memory held for volunteers (arrays, hash, terms, grid) */
	int64_t call_bytes;   /* memory held for calls */
};
void match_index_stats(struct match_index *ix, struct match_stats *st);

/* Flags of a question to the engine. MATCH_WITHOUT_EXPERIENCE: for a caller
   who may not see lived experience, every score, the ranking and the
   explanation are computed as if nobody had any, so that no order of the
   answer reveals it (DESIGN.md §7). */
#define MATCH_WITHOUT_EXPERIENCE 1u

/* The best `limit` (1..MATCH_LIMIT_MAX) volunteers for a call at time `now`
   (unix seconds), best first, into out[0..*n); *total counts every volunteer
   that meets the hard requirements. KP_NOT_FOUND when the call is not an
   open call in the index. */
int match_for_call(struct match_index *ix, int64_t call_id, int limit, int64_t now, unsigned flags,
                   struct match_hit *out, int *n, int64_t *total, struct kp_error *err);

/* The volunteers best fitting a question that is not an open call of the
   index: spec as a call (a help request: its activity, its place's
   position, the organisation that holds it; every day-part, any form of
   engagement), with the same filters, score and explanation as
   match_for_call; hits[i].call_id is spec->id. */
struct call;
int match_for_request(struct match_index *ix, const struct call *spec, int limit, int64_t now,
                      unsigned flags, struct match_hit *out, int *n, int64_t *total,
                      struct kp_error *err);

/* The best `limit` open calls for a volunteer, as above: an active one, or
   one who applied and waits for her intake (she is in the index, but no
   call finds her until she is active); not found for anyone else. */
int match_for_volunteer(struct match_index *ix, int64_t volunteer_id, int limit, int64_t now,
                        unsigned flags,
                        struct match_hit *out, int *n, int64_t *total, struct kp_error *err);

/* One pair of a proposal. */
struct match_pair {
	int64_t call_id;
	int64_t volunteer_id;
	double score;
};

struct match_proposal {
	struct match_pair *pairs;   /* owned; free with match_proposal_free */
	int n;
	double total_score;         /* of the optimal assignment */
	double greedy_total_score;  /* of the greedy loop on the same candidate graph */
	int calls;                  /* open calls considered */
	int volunteers;             /* distinct volunteers assigned */
	int edges;                  /* candidate pairs in the graph */
	int max_per_volunteer;      /* most pairs given to one volunteer */
	double gini;                /* of the pairs per volunteer over every volunteer in the
	                               candidate graph: 0 evenly spread, towards 1 piled up */
	int places_open;            /* places of the calls left without a volunteer */
	int places_open_with_room;  /* of them, on calls with a candidate who has room left
	                               (left open because the spreading cost outweighs the pair) */
	bool optimal;               /* proven optimal over every feasible pair, not only over
	                               the candidate graph (the dual prices show no missing
	                               pair that would help) */
};

/* Proposes volunteers for every open call of organisation_id (0: the whole
   network). Each call starts with its top MATCH_PROPOSAL_K feasible
   volunteers as candidates; the assignment is exact on the candidate graph,
   and calls are widened where the dual prices show that a pair outside it
   would help, until none would (out->optimal) or after a bounded number of
   rounds. */
int match_proposal(struct match_index *ix, int64_t organisation_id, int64_t now, unsigned flags,
                   struct match_proposal *out, struct kp_error *err);
void match_proposal_free(struct match_proposal *p);

/* Scores and explains one pair (for a proposal's explanation); not found when the
   pair is not feasible any more. */
int match_explain_pair(struct match_index *ix, int64_t call_id, int64_t volunteer_id,
                       int64_t now, unsigned flags, struct match_hit *out, struct kp_error *err);

#endif

/*
 * The soft score of a volunteer for a call: a weighted sum of parts, each
 * in [0, 1], added up in enum match_part order (the baseline SQL adds them
 * in the same order, so both give bit-identical sums).
 */
#ifndef KP_MATCH_SCORE_H
#define KP_MATCH_SCORE_H

#include "match/filter.h"

/* The waiting part of a call at time now. */
double ms_waiting(const struct match_weights *w, const struct mcall *c, int64_t now);

/* Fills parts (weighted) and returns their sum for slot s passing q; d2 is
   the squared distance; waiting the call's waiting part. When `floor` is
   above the best the volunteer could still reach without the free-text
   part, the text part is skipped and the sum returned is below floor. */
double ms_score(const struct match_index *ix, uint32_t s, const struct mquery *q, double d2,
                double waiting, double floor, double parts[MP_COUNT]);

/* The free-text part: share of the call's term weight (idf) the
   volunteer's motivation shares. */
/* The most any volunteer can score for q's call at time now: every weight,
   lived experience only for peer support when it may count, the waiting
   part as the call has it. */
double ms_score_max(const struct match_index *ix, const struct mquery *q, int64_t now);

double ms_text(const struct match_index *ix, uint32_t s, const struct mquery *q);

#endif

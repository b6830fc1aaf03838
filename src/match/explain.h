/*
 * Dutch explanations from score parts: "Houdt van wandelen · 2,1 km ·
 * dinsdagmiddag beschikbaar · heeft VOG". Phrases come in a fixed order of
 * importance and only for what actually counted (a part above zero or a
 * requirement the call makes); at most MATCH_EXPLAIN_MAX of them.
 */
#ifndef KP_MATCH_EXPLAIN_H
#define KP_MATCH_EXPLAIN_H

#include "match/filter.h"

/* Fills h->phrases from h->parts and h->distance_km for slot s and q. */
void mexplain(struct match_index *ix, uint32_t s, const struct mquery *q, struct match_hit *h);

/* "dinsdagmiddag" for day-part bit b into out. */
void mexplain_daypart(int bit, char *out, size_t size);

/* "2,1 km" into out. */
void mexplain_km(double km, char *out, size_t size);

#endif

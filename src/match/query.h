/*
 * Internal: the scans behind the questions. Callers hold the index's read
 * lock.
 */
#ifndef KP_MATCH_QUERY_H
#define KP_MATCH_QUERY_H

#include "match/filter.h"
#include "match/topk.h"

/* Scans the volunteers near call slot cs into top (k = top->k); *total
   counts those meeting every hard requirement. */
void mq_call_scan(const struct match_index *ix, uint32_t cs, int64_t now, unsigned flags,
                  struct mtopk *top,
                  int64_t *total);

/* The highest of cell_val over the cells within reach of call slot cs
   (those where someone may travel as far as the call), and of `over` (the
   overflow slots, which every scan visits). */
int64_t mq_reach_max(const struct match_index *ix, uint32_t cs, int64_t now,
                     const int64_t *cell_val, int64_t over);

#endif

/*
 * The best k of a stream by (score descending, id ascending): a min-heap
 * whose root is the worst kept entry. Entries are owned by the caller's
 * array items[0..k).
 */
#ifndef KP_MATCH_TOPK_H
#define KP_MATCH_TOPK_H

#include <stdbool.h>
#include <stdint.h>

struct mtop_item {
	double score;
	int64_t id;
	uint32_t slot;
};

struct mtopk {
	struct mtop_item *items;
	int k, n;
};

/* True when a is ranked below b. */
static inline bool mtop_worse(double sa, int64_t ia, double sb, int64_t ib)
{
	return sa < sb || (sa == sb && ia > ib);
}

/* The score an entry must reach to have any chance (-inf while not full). */
static inline double mtopk_floor(const struct mtopk *t)
{
	return t->n < t->k ? -1e300 : t->items[0].score;
}

void mtopk_push(struct mtopk *t, double score, int64_t id, uint32_t slot);
/* Sorts items[0..n) best first (destroys the heap). */
void mtopk_sort(struct mtopk *t);

#endif

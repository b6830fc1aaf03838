/* A bounded min-heap for the best k (see topk.h). */
#include "match/topk.h"

#include <stdlib.h>

static bool worse(const struct mtop_item *a, const struct mtop_item *b)
{
	return mtop_worse(a->score, a->id, b->score, b->id);
}

static void sift_down(struct mtop_item *h, int n, int i)
{
	for (;;) {
		int l = 2 * i + 1, r = l + 1, m = i;
		if (l < n && worse(&h[l], &h[m]))
			m = l;
		if (r < n && worse(&h[r], &h[m]))
			m = r;
		if (m == i)
			return;
		struct mtop_item t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

void mtopk_push(struct mtopk *t, double score, int64_t id, uint32_t slot)
{
	struct mtop_item e = { score, id, slot };
	if (t->k <= 0)
		return;
	if (t->n < t->k) {
		int i = t->n++;
		t->items[i] = e;
		while (i > 0 && worse(&t->items[i], &t->items[(i - 1) / 2])) {
			struct mtop_item x = t->items[i];
			t->items[i] = t->items[(i - 1) / 2];
			t->items[(i - 1) / 2] = x;
			i = (i - 1) / 2;
		}
		return;
	}
	if (!worse(&t->items[0], &e))
		return;
	t->items[0] = e;
	sift_down(t->items, t->n, 0);
}

static int best_first(const void *a, const void *b)
{
	const struct mtop_item *x = a, *y = b;
	if (worse(x, y))
		return 1;
	if (worse(y, x))
		return -1;
	return 0;
}

void mtopk_sort(struct mtopk *t)
{
	qsort(t->items, (size_t)t->n, sizeof *t->items, best_first);
}

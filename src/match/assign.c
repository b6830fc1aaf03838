/* Exact assignment by min-cost flow, and the greedy baseline (see assign.h). */
#include "match/assign.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define INF INT64_MAX

/* Node numbering: calls [0, C), volunteers [C, C+V), then OPEN and SINK. */
struct flow {
	const struct massign *p;
	int C, V, open, sink, n;
	int *out_off;       /* edges of call c: out_edge[out_off[c] .. out_off[c+1]) */
	int *out_edge;
	int *in_off;        /* edges into volunteer v */
	int *in_edge;
	uint8_t *flow;      /* per edge */
	int *used;          /* per volunteer */
	int *at_open;       /* per call: places routed to OPEN */
	int *open_list, *open_pos, n_open; /* calls with at_open > 0 */
	int64_t *pot;       /* stored potential; real one is pot + offset */
	int64_t offset;
	int64_t *dist;
	int *par_node, *par_edge;   /* par_edge: edge index, or -1 (OPEN/SINK arcs) */
	uint8_t *done;
	int *touched, n_touched;
	struct hitem { int64_t d; int node; } *heap;
	int heap_n, heap_cap;
};

static int heap_push(struct flow *f, int64_t d, int node)
{
	if (f->heap_n == f->heap_cap) {
		int cap = f->heap_cap ? f->heap_cap * 2 : 1024;
		struct hitem *h = realloc(f->heap, (size_t)cap * sizeof *h);
		if (h == NULL)
			return -1;
		f->heap = h;
		f->heap_cap = cap;
	}
	int i = f->heap_n++;
	while (i > 0 && f->heap[(i - 1) / 2].d > d) {
		f->heap[i] = f->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	f->heap[i] = (struct hitem){ d, node };
	return 0;
}

static struct hitem heap_pop(struct flow *f)
{
	struct hitem top = f->heap[0], last = f->heap[--f->heap_n];
	int i = 0;
	for (;;) {
		int l = 2 * i + 1, m = l;
		if (l >= f->heap_n)
			break;
		if (l + 1 < f->heap_n && f->heap[l + 1].d < f->heap[l].d)
			m = l + 1;
		if (f->heap[m].d >= last.d)
			break;
		f->heap[i] = f->heap[m];
		i = m;
	}
	if (f->heap_n > 0)
		f->heap[i] = last;
	return top;
}

static int64_t pot(const struct flow *f, int x)
{
	return f->pot[x] + f->offset;
}

static int relax(struct flow *f, int from, int to, int64_t cost, int edge)
{
	int64_t rc = cost + pot(f, from) - pot(f, to);
	if (rc < 0)
		rc = 0; /* cannot happen with exact integers; kept as a guard */
	int64_t d = f->dist[from] + rc;
	if (f->done[to] || d >= f->dist[to])
		return 0;
	if (f->dist[to] == INF)
		f->touched[f->n_touched++] = to;
	f->dist[to] = d;
	f->par_node[to] = from;
	f->par_edge[to] = edge;
	return heap_push(f, d, to);
}

static void open_add(struct flow *f, int c)
{
	if (f->at_open[c]++ == 0) {
		f->open_pos[c] = f->n_open;
		f->open_list[f->n_open++] = c;
	}
}

static void open_remove(struct flow *f, int c)
{
	if (--f->at_open[c] == 0) {
		int last = f->open_list[--f->n_open];
		f->open_list[f->open_pos[c]] = last;
		f->open_pos[last] = f->open_pos[c];
	}
}

static int expand(struct flow *f, int u)
{
	const struct massign *p = f->p;
	int rc = 0;
	if (u < f->C) {
		for (int i = f->out_off[u]; i < f->out_off[u + 1] && rc == 0; i++) {
			int e = f->out_edge[i];
			if (!f->flow[e])
				rc = relax(f, u, f->C + p->edge_vol[e], -p->gain[e], e);
		}
		/* Staying open goes straight to the sink: a shortest path never
		   leaves the sink, so no path has to pass one hub shared by every
		   call, and each search stays among the calls and volunteers it can
		   reach. Exact all the same: the reverse arcs out of the sink keep
		   non-negative reduced costs under the capped distances. */
		return rc ? rc : relax(f, u, f->sink, 0, -1);
	}
	if (u < f->C + f->V) {
		int v = u - f->C;
		if (f->used[v] < p->caps[v]) /* convex: each further pair costs more */
			rc = relax(f, u, f->sink, (int64_t)f->used[v] * p->spread, -1);
		for (int i = f->in_off[v]; i < f->in_off[v + 1] && rc == 0; i++) {
			int e = f->in_edge[i];
			if (f->flow[e])
				rc = relax(f, u, p->edge_call[e], p->gain[e], e);
		}
		return rc;
	}
	if (u == f->open) {
		rc = relax(f, u, f->sink, 0, -1);
		for (int i = 0; i < f->n_open && rc == 0; i++)
			rc = relax(f, u, f->open_list[i], 0, -1);
	}
	return rc;
}

static void augment(struct flow *f, int start)
{
	for (int x = f->sink; x != start;) {
		int from = f->par_node[x], e = f->par_edge[x];
		if (x == f->sink) {
			if (from < f->C)
				open_add(f, from); /* one more place stays open */
			else if (from != f->open)
				f->used[from - f->C]++;
		} else if (from == f->open) {
			open_remove(f, x);
		} else if (x == f->open) {
			open_add(f, from);
		} else if (from < f->C) {
			f->flow[e] = 1;
		} else {
			f->flow[e] = 0;
		}
		x = from;
	}
}

/* One shortest path from call c to the sink; moves one place of c. */
static int route_one(struct flow *f, int c)
{
	f->heap_n = 0;
	f->n_touched = 0;
	f->dist[c] = 0;
	f->touched[f->n_touched++] = c;
	if (heap_push(f, 0, c))
		return -1;
	int64_t dsink = INF;
	while (f->heap_n > 0) {
		struct hitem h = heap_pop(f);
		if (f->done[h.node] || h.d > f->dist[h.node])
			continue;
		f->done[h.node] = 1;
		if (h.node == f->sink) {
			dsink = h.d;
			break;
		}
		if (expand(f, h.node))
			return -1;
	}
	augment(f, c);
	/* Potentials: settled nodes by their distance, all others by dsink. */
	f->offset += dsink;
	for (int i = 0; i < f->n_touched; i++) {
		int x = f->touched[i];
		if (f->done[x])
			f->pot[x] -= dsink - f->dist[x];
		f->dist[x] = INF;
		f->done[x] = 0;
	}
	return 0;
}

static int build(struct flow *f, const struct massign *p)
{
	f->p = p;
	f->C = p->n_calls;
	f->V = p->n_vols;
	f->open = f->C + f->V;
	f->sink = f->open + 1;
	f->n = f->sink + 1;
	size_t n = (size_t)f->n, e = (size_t)(p->n_edges ? p->n_edges : 1);
	f->out_off = calloc((size_t)f->C + 1, sizeof(int));
	f->in_off = calloc((size_t)f->V + 1, sizeof(int));
	f->out_edge = malloc(e * sizeof(int));
	f->in_edge = malloc(e * sizeof(int));
	f->flow = calloc(e, 1);
	f->used = calloc((size_t)f->V + 1, sizeof(int));
	f->at_open = calloc((size_t)f->C + 1, sizeof(int));
	f->open_list = malloc(((size_t)f->C + 1) * sizeof(int));
	f->open_pos = malloc(((size_t)f->C + 1) * sizeof(int));
	f->pot = calloc(n, sizeof(int64_t));
	f->dist = malloc(n * sizeof(int64_t));
	f->par_node = malloc(n * sizeof(int));
	f->par_edge = malloc(n * sizeof(int));
	f->done = calloc(n, 1);
	f->touched = malloc(n * sizeof(int));
	if (!f->out_off || !f->in_off || !f->out_edge || !f->in_edge || !f->flow || !f->used ||
	    !f->at_open || !f->open_list || !f->open_pos || !f->pot || !f->dist || !f->par_node ||
	    !f->par_edge || !f->done || !f->touched)
		return -1;
	for (size_t i = 0; i < n; i++)
		f->dist[i] = INF;
	for (int i = 0; i < p->n_edges; i++) {
		f->out_off[p->edge_call[i] + 1]++;
		f->in_off[p->edge_vol[i] + 1]++;
	}
	for (int c = 0; c < f->C; c++)
		f->out_off[c + 1] += f->out_off[c];
	for (int v = 0; v < f->V; v++)
		f->in_off[v + 1] += f->in_off[v];
	int *oa = f->touched, *ia = f->par_node; /* scratch fill cursors */
	memcpy(oa, f->out_off, (size_t)f->C * sizeof(int));
	memcpy(ia, f->in_off, (size_t)f->V * sizeof(int));
	for (int i = 0; i < p->n_edges; i++) {
		f->out_edge[oa[p->edge_call[i]]++] = i;
		f->in_edge[ia[p->edge_vol[i]]++] = i;
	}
	return 0;
}

static void release(struct flow *f)
{
	free(f->out_off);
	free(f->in_off);
	free(f->out_edge);
	free(f->in_edge);
	free(f->flow);
	free(f->used);
	free(f->at_open);
	free(f->open_list);
	free(f->open_pos);
	free(f->pot);
	free(f->dist);
	free(f->par_node);
	free(f->par_edge);
	free(f->done);
	free(f->touched);
	free(f->heap);
}

int massign_solve(const struct massign *p, uint8_t *chosen, int64_t *total)
{
	return massign_solve_duals(p, chosen, total, NULL);
}

int massign_solve_duals(const struct massign *p, uint8_t *chosen, int64_t *total,
                        struct massign_duals *d)
{
	struct flow f;
	int rc = -1;
	memset(&f, 0, sizeof f);
	if (build(&f, p))
		goto end;
	for (int c = 0; c < f.C; c++) {
		if (f.out_off[c] == f.out_off[c + 1])
			continue; /* no candidates: its places stay open */
		/* A new call has no arcs in; lift it so its arcs out cost >= 0. */
		int64_t need = pot(&f, f.sink);
		for (int i = f.out_off[c]; i < f.out_off[c + 1]; i++) {
			int e = f.out_edge[i];
			int64_t x = pot(&f, f.C + p->edge_vol[e]) + p->gain[e];
			if (x > need)
				need = x;
		}
		f.pot[c] = need - f.offset;
		for (int k = 0; k < p->places[c]; k++)
			if (route_one(&f, c))
				goto end;
	}
	*total = 0;
	for (int i = 0; i < p->n_edges; i++) {
		chosen[i] = f.flow[i];
		if (f.flow[i])
			*total += p->gain[i];
	}
	if (d != NULL) {
		for (int c = 0; c < f.C; c++)
			d->pot_call[c] = pot(&f, c);
		for (int v = 0; v < f.V; v++)
			d->pot_vol[v] = pot(&f, f.C + v);
		d->pot_sink = pot(&f, f.sink);
	}
	rc = 0;
end:
	release(&f);
	return rc;
}

/* With spreading: a volunteer's pairs are worth less as they grow, so the
   best pair is taken by its value now (gain less the cost of one more pair
   for that volunteer); a heap keeps the edges with the value they had when
   pushed, and one whose volunteer gained pairs since is pushed again. */
struct gitem {
	int64_t value;
	int edge;
};

static bool gbetter(const struct gitem *a, const struct gitem *b)
{
	return a->value > b->value || (a->value == b->value && a->edge < b->edge);
}

static void gpush(struct gitem *h, int *n, struct gitem x)
{
	int i = (*n)++;
	while (i > 0 && gbetter(&x, &h[(i - 1) / 2])) {
		h[i] = h[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h[i] = x;
}

static struct gitem gpop(struct gitem *h, int *n)
{
	struct gitem top = h[0], last = h[--*n];
	int i = 0;
	for (;;) {
		int l = 2 * i + 1, m = l;
		if (l >= *n)
			break;
		if (l + 1 < *n && gbetter(&h[l + 1], &h[l]))
			m = l + 1;
		if (!gbetter(&h[m], &last))
			break;
		h[i] = h[m];
		i = m;
	}
	if (*n > 0)
		h[i] = last;
	return top;
}

/* The edges by gain, best first, ties by edge number: a stable radix sort
   (11 bits a pass) of the gains counted down from the largest. */
static int by_gain(const struct massign *p, int *order)
{
	int n = p->n_edges, *tmp = malloc(((size_t)n + 1) * sizeof *tmp);
	if (tmp == NULL)
		return -1;
	int64_t top = 0;
	for (int i = 0; i < n; i++) {
		order[i] = i;
		if (p->gain[i] > top)
			top = p->gain[i];
	}
	for (int shift = 0; shift < 64 && (uint64_t)top >> shift; shift += 11) {
		int count[2049] = { 0 };
		for (int i = 0; i < n; i++)
			count[((uint64_t)(top - p->gain[order[i]]) >> shift & 2047) + 1]++;
		for (int b = 0; b < 2048; b++)
			count[b + 1] += count[b];
		for (int i = 0; i < n; i++)
			tmp[count[(uint64_t)(top - p->gain[order[i]]) >> shift & 2047]++] = order[i];
		memcpy(order, tmp, (size_t)n * sizeof *order);
	}
	free(tmp);
	return 0;
}

/* The edges come best first from the sorted list; an edge whose volunteer
   gained pairs since is worth less and waits in a heap with its value now,
   and the better of the two heads is taken each time (the order of one heap
   of all edges, without building it). */
int massign_greedy(const struct massign *p, uint8_t *chosen, int64_t *total)
{
	size_t ne = (size_t)(p->n_edges ? p->n_edges : 1);
	struct gitem *heap = malloc(ne * sizeof *heap);
	int *order = malloc(ne * sizeof *order);
	int *left = malloc((size_t)(p->n_calls + 1) * sizeof *left);
	int *room = malloc((size_t)(p->n_vols + 1) * sizeof *room);
	int *used = calloc((size_t)p->n_vols + 1, sizeof *used);
	int rc = -1, n = 0, next = 0;
	if (heap == NULL || order == NULL || left == NULL || room == NULL || used == NULL ||
	    by_gain(p, order))
		goto end;
	memcpy(left, p->places, (size_t)p->n_calls * sizeof *left);
	memcpy(room, p->caps, (size_t)p->n_vols * sizeof *room);
	if (p->n_edges > 0)
		memset(chosen, 0, (size_t)p->n_edges);
	*total = 0;
	while (next < p->n_edges || n > 0) {
		struct gitem x;
		if (next < p->n_edges) {
			x = (struct gitem){ p->gain[order[next]], order[next] };
			if (n > 0 && gbetter(&heap[0], &x))
				x = gpop(heap, &n);
			else
				next++;
		} else {
			x = gpop(heap, &n);
		}
		int e = x.edge, c = p->edge_call[e], v = p->edge_vol[e];
		if (left[c] == 0 || room[v] == 0)
			continue;
		int64_t now = p->gain[e] - (int64_t)used[v] * p->spread;
		if (now < x.value) { /* worth less since it was pushed */
			gpush(heap, &n, (struct gitem){ now, e });
			continue;
		}
		if (now <= 0)
			break; /* nothing left is worth a place */
		left[c]--;
		room[v]--;
		used[v]++;
		chosen[e] = 1;
		*total += p->gain[e];
	}
	rc = 0;
end:
	free(heap);
	free(order);
	free(left);
	free(room);
	free(used);
	return rc;
}

/*
 * A proposal for many open calls at once. Each call's top MATCH_PROPOSAL_K
 * feasible volunteers form the first candidate graph and the exact
 * assignment (assign.c) picks the pairs on it. Then the solver's dual
 * prices tell whether a pair left out of the graph could do better: a
 * missing pair (c, v) helps only when its score exceeds price(c) - price(v)
 * (a volunteer outside the graph is priced like the sink). A call whose
 * lowest candidate scores above price(c) minus the highest price of a
 * volunteer within its reach (first the country's highest, then that of
 * the grid cells its scan visits) may hide such pairs; it is scanned
 * deeper and every pair that helps is added, and the graph is solved
 * again. When a round adds nothing, no feasible pair anywhere has a
 * negative reduced cost: the proposal is
 * optimal over all feasible pairs, not only over the first graph. The
 * greedy total on the final graph is computed alongside.
 *
 * The graph is solved per component (calls and volunteers linked by
 * candidate pairs; they share only the sink), and a widening round solves
 * again only the components that gained pairs: the rest keep their pairs
 * and prices, which stay optimal for them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "match/assign.h"
#include "match/query.h"

#define PRICING_ROUNDS_MAX 32   /* rounds of widening before giving up the proof */

struct graph {
	int n_calls, n_vols, n_edges, cap_edges;
	int *places, *caps, *edge_call, *edge_vol;
	int64_t *gain;
	double *score;
	uint32_t *call_slot;     /* per call node */
	int *scanned;            /* per call node: how deep its list was scanned */
	uint8_t *complete;       /* per call node: every feasible volunteer was scanned */
	double *lowest;          /* per call node: lowest score of its scanned list */
	uint32_t *vol_slot;      /* per volunteer node */
	uint32_t *node_of_slot;  /* per volunteer slot, UINT32_MAX when none */
	int *mark;               /* per volunteer node: 1 + the call node last marked */
};

static void graph_free(struct graph *g)
{
	free(g->places);
	free(g->caps);
	free(g->edge_call);
	free(g->edge_vol);
	free(g->gain);
	free(g->score);
	free(g->call_slot);
	free(g->scanned);
	free(g->complete);
	free(g->lowest);
	free(g->vol_slot);
	free(g->node_of_slot);
	free(g->mark);
}

static int add_edge(struct graph *g, int call, int vol, double score)
{
	if (g->n_edges == g->cap_edges) {
		int cap = g->cap_edges ? g->cap_edges * 2 : 4096;
		int *ec = realloc(g->edge_call, (size_t)cap * sizeof *ec);
		if (ec)
			g->edge_call = ec;
		int *ev = realloc(g->edge_vol, (size_t)cap * sizeof *ev);
		if (ev)
			g->edge_vol = ev;
		int64_t *gn = realloc(g->gain, (size_t)cap * sizeof *gn);
		if (gn)
			g->gain = gn;
		double *sc = realloc(g->score, (size_t)cap * sizeof *sc);
		if (sc)
			g->score = sc;
		if (!ec || !ev || !gn || !sc)
			return -1;
		g->cap_edges = cap;
	}
	int e = g->n_edges++;
	g->edge_call[e] = call;
	g->edge_vol[e] = vol;
	g->gain[e] = llround(score * MASSIGN_SCALE);
	g->score[e] = score;
	return 0;
}

static int vol_node(struct graph *g, const struct match_index *ix, uint32_t s)
{
	if (g->node_of_slot[s] != UINT32_MAX)
		return (int)g->node_of_slot[s];
	int v = g->n_vols++;
	g->node_of_slot[s] = (uint32_t)v;
	g->vol_slot[v] = s;
	g->caps[v] = ix->v.hot[s].max_matches - ix->v.hot[s].open;
	return v;
}

/* Scans call node `node` for its best k volunteers into top (items owned by
   the caller, room for k); notes how deep and whether it saw everyone. */
static void scan_call(const struct match_index *ix, struct graph *g, int node, int k,
                      int64_t now, unsigned flags, struct mtopk *top)
{
	int64_t total;
	top->k = k;
	top->n = 0;
	mq_call_scan(ix, g->call_slot[node], now, flags, top, &total);
	g->scanned[node] = k;
	g->complete[node] = top->n < k;
	g->lowest[node] = top->n > 0 ? top->items[0].score : 0; /* the heap's root */
}

static int build_graph(const struct match_index *ix, int64_t org, int64_t now, unsigned flags,
                       struct graph *g)
{
	struct mtop_item items[MATCH_PROPOSAL_K];
	uint32_t nv = ix->v.n ? ix->v.n : 1;
	size_t nc = (size_t)ix->n_calls + 1;
	g->places = malloc(nc * sizeof *g->places);
	g->call_slot = malloc(nc * sizeof *g->call_slot);
	g->scanned = malloc(nc * sizeof *g->scanned);
	g->complete = malloc(nc);
	g->lowest = malloc(nc * sizeof *g->lowest);
	g->node_of_slot = malloc(nv * sizeof *g->node_of_slot);
	g->vol_slot = malloc(nv * sizeof *g->vol_slot);
	g->caps = malloc(nv * sizeof *g->caps);
	g->mark = calloc(nv, sizeof *g->mark);
	if (!g->places || !g->call_slot || !g->scanned || !g->complete || !g->lowest ||
	    !g->node_of_slot || !g->vol_slot || !g->caps || !g->mark)
		return -1;
	memset(g->node_of_slot, 0xff, nv * sizeof *g->node_of_slot);
	for (uint32_t cs = 0; cs < ix->n_calls; cs++) {
		const struct mcall *c = &ix->calls[cs];
		if (!mcall_current(c, now) || c->places <= 0 || (org > 0 && c->organisation_id != org))
			continue;
		int node = g->n_calls++;
		g->places[node] = c->places;
		g->call_slot[node] = cs;
		struct mtopk top = { items, MATCH_PROPOSAL_K, 0 };
		scan_call(ix, g, node, MATCH_PROPOSAL_K, now, flags, &top);
		for (int i = 0; i < top.n; i++)
			if (top.items[i].score > 0 &&
			    add_edge(g, node, vol_node(g, ix, top.items[i].slot), top.items[i].score))
				return -1;
	}
	return 0;
}

struct pricing {
	struct massign_duals d;
	int64_t top_price;       /* the highest volunteer price (the sink's included) */
	int64_t *cell_max;       /* per grid cell: the highest price of a volunteer there */
	int64_t over_max;        /* the same over the overflow slots */
	int n_priced;            /* volunteer nodes the duals cover: those added while
	                            widening in this round have no price yet */
	int *first, *next;       /* per call node, per edge: the call's edges as lists */
	struct mtop_item *items;
	int cap_items;
};

/* Links every edge into its call's list. */
static int link_edges(struct graph *g, struct pricing *pr)
{
	free(pr->first);
	free(pr->next);
	pr->first = malloc(((size_t)g->n_calls + 1) * sizeof *pr->first);
	pr->next = malloc(((size_t)g->n_edges + 1) * sizeof *pr->next);
	if (!pr->first || !pr->next)
		return -1;
	memset(pr->first, 0xff, ((size_t)g->n_calls + 1) * sizeof *pr->first);
	for (int e = 0; e < g->n_edges; e++) {
		pr->next[e] = pr->first[g->edge_call[e]];
		pr->first[g->edge_call[e]] = e;
	}
	return 0;
}

/* Grows the scratch list to room for k. */
static int reserve_items(struct pricing *pr, int k)
{
	if (k <= pr->cap_items)
		return 0;
	struct mtop_item *p = realloc(pr->items, (size_t)k * sizeof *p);
	if (p == NULL)
		return -1;
	pr->items = p;
	pr->cap_items = k;
	return 0;
}

/* Widens call node c: rescans its list (deeper each time while nothing
   helps and its lowest score could still beat the prices) and adds every
   missing pair whose score beats them. A list no deeper than the first
   graph's is all in the graph already. Returns how many pairs it added, or
   -1 when out of memory. */
static int widen(const struct match_index *ix, struct graph *g, struct pricing *pr, int c,
                 int64_t now, unsigned flags)
{
	int added = 0, k = g->scanned[c];
	int64_t price = pr->d.pot_call[c], bound = pr->top_price;
	bool local = false;
	for (int e = pr->first[c]; e >= 0; e = pr->next[e])
		g->mark[g->edge_vol[e]] = c + 1;
	for (bool first = true;; first = false) {
		if (!first || k > MATCH_PROPOSAL_K) {
			if (reserve_items(pr, k))
				return -1;
			struct mtopk top = { pr->items, k, 0 };
			scan_call(ix, g, c, k, now, flags, &top);
			for (int i = 0; i < top.n; i++) {
				uint32_t s = top.items[i].slot, node = g->node_of_slot[s];
				if (top.items[i].score <= 0 ||
				    (node != UINT32_MAX && g->mark[node] == c + 1))
					continue;
				int64_t vp = node != UINT32_MAX && (int)node < pr->n_priced
				                 ? pr->d.pot_vol[node]
				                 : pr->d.pot_sink;
				if (llround(top.items[i].score * MASSIGN_SCALE) + vp <= price)
					continue; /* priced out: cannot improve the solution now */
				int v = vol_node(g, ix, s);
				if (add_edge(g, c, v, top.items[i].score))
					return -1;
				g->mark[v] = c + 1;
				added++;
			}
		}
		if (added > 0 || g->complete[c])
			return added;
		int64_t lowest = llround(g->lowest[c] * MASSIGN_SCALE);
		if (lowest <= price - bound)
			return added;
		if (!local) { /* the highest price within the call's reach, not the country's */
			local = true;
			bound = mq_reach_max(ix, g->call_slot[c], now, pr->cell_max, pr->over_max);
			if (lowest <= price - bound)
				return added;
		}
		k *= 4;
	}
}

/* The highest price of a volunteer in each grid cell (the sink's where
   nobody of the graph lives), and over the overflow slots: a volunteer
   outside the graph is priced like the sink. */
static int cell_prices(const struct match_index *ix, const struct graph *g, struct pricing *pr)
{
	const struct mgrid *gr = &ix->grid;
	int cells = gr->rows * gr->cols;
	free(pr->cell_max);
	pr->cell_max = malloc(((size_t)cells + 1) * sizeof *pr->cell_max);
	if (pr->cell_max == NULL)
		return -1;
	for (int i = 0; i < cells; i++)
		pr->cell_max[i] = pr->d.pot_sink;
	pr->over_max = pr->d.pot_sink;
	for (int v = 0; v < g->n_vols; v++) {
		uint32_t s = g->vol_slot[v];
		int64_t p = pr->d.pot_vol[v];
		if (s >= ix->v.sorted || cells == 0) {
			pr->over_max = p > pr->over_max ? p : pr->over_max;
			continue;
		}
		int lo = 0, hi = cells - 1; /* the cell whose slots hold s */
		while (lo < hi) {
			int mid = (lo + hi + 1) / 2;
			if (gr->start[mid] <= s)
				lo = mid;
			else
				hi = mid - 1;
		}
		pr->cell_max[lo] = p > pr->cell_max[lo] ? p : pr->cell_max[lo];
	}
	return 0;
}

/* Capacities: open places of each volunteer, and no more pairs than the
   hours left in the week hold of the largest call among their candidates
   (a safe bound: the pairs chosen never take more hours than are left). */
static void cap_by_hours(const struct match_index *ix, struct graph *g)
{
	uint8_t *most = calloc((size_t)g->n_vols + 1, 1);
	if (most == NULL)
		return; /* without the bound the filter still kept each pair within the hours */
	for (int e = 0; e < g->n_edges; e++) {
		uint8_t hh = ix->calls[g->call_slot[g->edge_call[e]]].half_hours;
		if (hh > most[g->edge_vol[e]])
			most[g->edge_vol[e]] = hh;
	}
	for (int v = 0; v < g->n_vols; v++) {
		const struct vhot *h = &ix->v.hot[g->vol_slot[v]];
		int cap = h->max_matches - h->open;
		if (h->hours_free != MHOURS_ANY && most[v] > 0 && h->hours_free / most[v] < cap)
			cap = h->hours_free / most[v];
		g->caps[v] = cap;
	}
	free(most);
}

/* The graph falls apart into components: calls and volunteers linked by
   candidate pairs. The sink is the only node they share, so each is solved
   on its own and its prices shifted to put the sink at 0; together they are
   the optimum and the prices of the whole graph. Only components that gained
   a pair since the last solve are solved again. Nodes: calls [0, C), then
   volunteers [C, C + V). */
struct parts {
	int *up;                 /* union-find parent per node */
	int *comp;               /* component per node */
	int *eoff, *elist;       /* edges of component k: elist[eoff[k] .. eoff[k + 1]) */
	int *noff, *nlist;       /* its nodes, calls first, each in ascending order */
	uint8_t *dirty;          /* per component: gained a pair since the last solve */
	int *local;              /* per node: its number inside its component */
	/* one component as a problem of its own (room for the whole graph) */
	int *places, *caps, *edge_call, *edge_vol;
	int64_t *gain;
	uint8_t *chosen;
	struct massign_duals d;
};

static void parts_free(struct parts *p)
{
	free(p->up);
	free(p->comp);
	free(p->eoff);
	free(p->elist);
	free(p->noff);
	free(p->nlist);
	free(p->dirty);
	free(p->local);
	free(p->places);
	free(p->caps);
	free(p->edge_call);
	free(p->edge_vol);
	free(p->gain);
	free(p->chosen);
	free(p->d.pot_call);
	free(p->d.pot_vol);
	memset(p, 0, sizeof *p);
}

static int uf_find(int *up, int x)
{
	while (up[x] != x) {
		up[x] = up[up[x]];
		x = up[x];
	}
	return x;
}

/* Numbers the components and lists their edges and nodes; returns how many,
   or -1 when out of memory. Components holding an edge from first_new on
   are dirty. */
static int parts_find(const struct graph *g, int first_new, struct parts *p)
{
	int C = g->n_calls, n = C + g->n_vols, E = g->n_edges;
	parts_free(p);
	size_t sn = (size_t)n + 1, se = (size_t)E + 1;
	p->up = malloc(sn * sizeof *p->up);
	p->comp = malloc(sn * sizeof *p->comp);
	p->noff = calloc(sn + 1, sizeof *p->noff);
	p->eoff = calloc(sn + 1, sizeof *p->eoff);
	p->nlist = malloc(sn * sizeof *p->nlist);
	p->elist = malloc(se * sizeof *p->elist);
	p->dirty = calloc(sn, 1);
	p->local = malloc(sn * sizeof *p->local);
	p->places = malloc(sn * sizeof *p->places);
	p->caps = malloc(sn * sizeof *p->caps);
	p->edge_call = malloc(se * sizeof *p->edge_call);
	p->edge_vol = malloc(se * sizeof *p->edge_vol);
	p->gain = malloc(se * sizeof *p->gain);
	p->chosen = malloc(se);
	p->d.pot_call = malloc(sn * sizeof *p->d.pot_call);
	p->d.pot_vol = malloc(sn * sizeof *p->d.pot_vol);
	if (!p->up || !p->comp || !p->noff || !p->eoff || !p->nlist || !p->elist || !p->dirty ||
	    !p->local || !p->places || !p->caps || !p->edge_call || !p->edge_vol || !p->gain ||
	    !p->chosen || !p->d.pot_call || !p->d.pot_vol)
		return -1;
	for (int x = 0; x < n; x++)
		p->up[x] = x;
	for (int e = 0; e < E; e++) {
		int a = uf_find(p->up, g->edge_call[e]), b = uf_find(p->up, C + g->edge_vol[e]);
		if (a != b)
			p->up[a > b ? a : b] = a > b ? b : a;
	}
	int k = 0;
	for (int x = 0; x < n; x++) { /* a root is the smallest node of its tree */
		int r = uf_find(p->up, x);
		p->comp[x] = r == x ? k++ : p->comp[r];
	}
	for (int x = 0; x < n; x++)
		p->noff[p->comp[x] + 1]++;
	for (int e = 0; e < E; e++)
		p->eoff[p->comp[g->edge_call[e]] + 1]++;
	for (int i = 0; i < k; i++) {
		p->noff[i + 1] += p->noff[i];
		p->eoff[i + 1] += p->eoff[i];
	}
	int *fill = p->local; /* scratch until the components are solved */
	memcpy(fill, p->noff, (size_t)k * sizeof *fill);
	for (int x = 0; x < n; x++)
		p->nlist[fill[p->comp[x]]++] = x;
	memcpy(fill, p->eoff, (size_t)k * sizeof *fill);
	for (int e = 0; e < E; e++) {
		int c = p->comp[g->edge_call[e]];
		p->elist[fill[c]++] = e;
		if (e >= first_new)
			p->dirty[c] = 1;
	}
	return k;
}

/* Solves component k into opt and the prices d (sink at 0). */
static int solve_part(const struct graph *g, struct parts *p, int k, int64_t spread,
                      uint8_t *opt, struct massign_duals *d)
{
	int C = g->n_calls, nc = 0, nv = 0, ne = 0;
	for (int i = p->noff[k]; i < p->noff[k + 1]; i++) {
		int x = p->nlist[i];
		if (x < C) {
			p->local[x] = nc;
			p->places[nc++] = g->places[x];
		} else {
			p->local[x] = nv;
			p->caps[nv++] = g->caps[x - C];
		}
	}
	for (int i = p->eoff[k]; i < p->eoff[k + 1]; i++, ne++) {
		int e = p->elist[i];
		p->edge_call[ne] = p->local[g->edge_call[e]];
		p->edge_vol[ne] = p->local[C + g->edge_vol[e]];
		p->gain[ne] = g->gain[e];
	}
	struct massign m = { nc, nv, ne, p->places, p->caps, p->edge_call, p->edge_vol, p->gain,
	                     spread };
	int64_t total;
	if (massign_solve_duals(&m, p->chosen, &total, &p->d))
		return -1;
	for (int i = 0; i < ne; i++)
		opt[p->elist[p->eoff[k] + i]] = p->chosen[i];
	for (int i = p->noff[k]; i < p->noff[k + 1]; i++) {
		int x = p->nlist[i];
		if (x < C)
			d->pot_call[x] = p->d.pot_call[p->local[x]] - p->d.pot_sink;
		else
			d->pot_vol[x - C] = p->d.pot_vol[p->local[x]] - p->d.pot_sink;
	}
	return 0;
}

/* Solves the dirty components of the graph (all when first_new is 0); the
   others keep their pairs in opt and their prices in d. */
static int solve_parts(const struct graph *g, int64_t spread, int first_new, uint8_t *opt,
                       struct massign_duals *d, int *solved)
{
	struct parts p = { 0 };
	int rc = -1, k = parts_find(g, first_new, &p);
	*solved = 0;
	for (int i = 0; i < k; i++) {
		if (!p.dirty[i])
			continue;
		if (solve_part(g, &p, i, spread, opt, d))
			goto end;
		++*solved;
	}
	d->pot_sink = 0;
	rc = k < 0 ? -1 : 0;
end:
	parts_free(&p);
	return rc;
}

/* Grows *a (of elem bytes each) from n to m elements, zeroing the new ones. */
static int grow(void **a, size_t elem, int n, int m)
{
	void *x = realloc(*a, ((size_t)m + 1) * elem);
	if (x == NULL)
		return -1;
	if (m > n)
		memset((char *)x + (size_t)n * elem, 0, (size_t)(m - n) * elem);
	*a = x;
	return 0;
}

/* Solves the graph; widens calls while the prices show a missing pair that
   helps, solving again only the components that gained pairs. *optimal
   when a round added none. */
static int solve_priced(const struct match_index *ix, struct graph *g, int64_t spread,
                        int64_t now, unsigned flags, uint8_t **opt, bool *optimal)
{
	struct pricing pr = { 0 };
	int rc = -1, first_new = 0, had_edges = 0, had_vols = 0;
	*optimal = false;
	free(*opt);
	*opt = NULL;
	pr.d.pot_call = calloc((size_t)g->n_calls + 1, sizeof *pr.d.pot_call);
	if (pr.d.pot_call == NULL)
		goto end;
	for (int round = 0; round < PRICING_ROUNDS_MAX; round++) {
		int solved;
		if (grow((void **)opt, 1, had_edges, g->n_edges) ||
		    grow((void **)&pr.d.pot_vol, sizeof *pr.d.pot_vol, had_vols, g->n_vols))
			goto end;
		cap_by_hours(ix, g);
		if (solve_parts(g, spread, first_new, *opt, &pr.d, &solved) || link_edges(g, &pr))
			goto end;
		if (round == PRICING_ROUNDS_MAX - 1)
			break; /* solved on the graph as it is, without the proof */
		first_new = had_edges = g->n_edges;
		had_vols = g->n_vols;
		pr.n_priced = g->n_vols;
		pr.top_price = pr.d.pot_sink;
		for (int v = 0; v < g->n_vols; v++)
			if (pr.d.pot_vol[v] > pr.top_price)
				pr.top_price = pr.d.pot_vol[v];
		if (cell_prices(ix, g, &pr))
			goto end;
		int added = 0;
		for (int c = 0; c < g->n_calls; c++) {
			int n = widen(ix, g, &pr, c, now, flags);
			if (n < 0)
				goto end;
			added += n;
		}
		if (added == 0) {
			*optimal = true;
			break;
		}
	}
	rc = 0;
end:
	free(pr.d.pot_call);
	free(pr.d.pot_vol);
	free(pr.first);
	free(pr.next);
	free(pr.items);
	free(pr.cell_max);
	return rc;
}

/* The greedy loop on the graph as it is, with the same spreading cost. */
static int run_greedy(const struct graph *g, int64_t spread, uint8_t **greedy)
{
	free(*greedy);
	*greedy = malloc((size_t)(g->n_edges ? g->n_edges : 1));
	struct massign p = { g->n_calls, g->n_vols, g->n_edges, g->places, g->caps,
	                     g->edge_call, g->edge_vol, g->gain, spread };
	int64_t total;
	return *greedy == NULL || massign_greedy(&p, *greedy, &total) ? -1 : 0;
}

/* The gain of the chosen edges. */
static int64_t gain_of(const struct graph *g, const uint8_t *chosen)
{
	int64_t total = 0;
	for (int e = 0; e < g->n_edges; e++)
		if (chosen[e])
			total += g->gain[e];
	return total;
}

static int by_count(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Most pairs of one volunteer, and the Gini coefficient of the pairs per
   volunteer over all n volunteers of the graph (per[] is sorted). */
static void concentration(int *per, int n, struct match_proposal *out)
{
	double sum = 0, weighted = 0;
	qsort(per, (size_t)n, sizeof *per, by_count);
	for (int i = 0; i < n; i++) {
		sum += per[i];
		weighted += (double)(i + 1) * per[i];
	}
	out->max_per_volunteer = n > 0 ? per[n - 1] : 0;
	out->gini = sum > 0 ? 2 * weighted / (n * sum) - (double)(n + 1) / n : 0;
}

/* Places left open, and those of them on calls with a candidate who still
   has room (per[] is the pairs of each volunteer node, before sorting). */
static void open_places(const struct graph *g, const uint8_t *opt, const int *per,
                        struct match_proposal *out)
{
	int *filled = calloc((size_t)g->n_calls + 1, sizeof *filled);
	uint8_t *room = calloc((size_t)g->n_calls + 1, 1);
	if (filled == NULL || room == NULL) {
		free(filled);
		free(room);
		return;
	}
	for (int e = 0; e < g->n_edges; e++) {
		filled[g->edge_call[e]] += opt[e];
		if (!opt[e] && per[g->edge_vol[e]] < g->caps[g->edge_vol[e]])
			room[g->edge_call[e]] = 1;
	}
	for (int c = 0; c < g->n_calls; c++) {
		int left = g->places[c] - filled[c];
		out->places_open += left;
		if (room[c])
			out->places_open_with_room += left;
	}
	free(filled);
	free(room);
}

int match_proposal(struct match_index *ix, int64_t organisation_id, int64_t now, unsigned flags,
                   struct match_proposal *out, struct kp_error *err)
{
	struct graph g;
	uint8_t *opt = NULL, *greedy = NULL;
	int *per = NULL;
	int rc = KP_ERR;
	bool optimal = false;
	memset(&g, 0, sizeof g);
	memset(out, 0, sizeof *out);
	pthread_rwlock_rdlock(&ix->lock);
	int64_t spread = llround(ix->weights.spread * MASSIGN_SCALE);
	if (build_graph(ix, organisation_id, now, flags, &g) ||
	    solve_priced(ix, &g, spread, now, flags, &opt, &optimal) ||
	    run_greedy(&g, spread, &greedy))
		goto end;
	/* Spreading trades a little score for fairness, but the total never
	   falls below the greedy loop's: should it, the plain optimum (at
	   least as high as any assignment of the graph) is proposed. */
	if (spread > 0 && gain_of(&g, opt) < gain_of(&g, greedy) &&
	    (solve_priced(ix, &g, 0, now, flags, &opt, &optimal) ||
	     run_greedy(&g, spread, &greedy)))
		goto end;
	size_t ne = (size_t)(g.n_edges ? g.n_edges : 1);
	out->pairs = malloc(ne * sizeof *out->pairs);
	per = calloc((size_t)g.n_vols + 1, sizeof *per);
	if (!out->pairs || !per)
		goto end;
	for (int e = 0; e < g.n_edges; e++) {
		if (greedy[e])
			out->greedy_total_score += g.score[e];
		if (!opt[e])
			continue;
		out->pairs[out->n++] = (struct match_pair){
			ix->calls[g.call_slot[g.edge_call[e]]].id, ix->v.id[g.vol_slot[g.edge_vol[e]]],
			g.score[e] };
		out->total_score += g.score[e];
		out->volunteers += per[g.edge_vol[e]]++ == 0;
	}
	open_places(&g, opt, per, out);
	concentration(per, g.n_vols, out);
	out->calls = g.n_calls;
	out->edges = g.n_edges;
	out->optimal = optimal;
	rc = KP_OK;
end:
	pthread_rwlock_unlock(&ix->lock);
	if (rc)
		kp_internal(err);
	graph_free(&g);
	free(opt);
	free(greedy);
	free(per);
	if (rc)
		match_proposal_free(out);
	return rc;
}

void match_proposal_free(struct match_proposal *p)
{
	free(p->pairs);
	p->pairs = NULL;
	p->n = 0;
}

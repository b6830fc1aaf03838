/*
 * A proposal for many open calls at once: each call's top MATCH_PROPOSAL_K
 * feasible volunteers form the candidate graph, and the exact assignment
 * (assign.c) picks the pairs. Exact on that graph; the greedy total on the
 * same graph is computed alongside so that both can be compared.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "match/assign.h"
#include "match/query.h"

struct graph {
	int n_calls, n_vols, n_edges, cap_edges;
	int *places, *caps, *edge_call, *edge_vol;
	int64_t *gain;
	double *score;
	uint32_t *call_slot;     /* per call node */
	uint32_t *vol_slot;      /* per volunteer node */
	uint32_t *node_of_slot;  /* per volunteer slot, UINT32_MAX when none */
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
	free(g->vol_slot);
	free(g->node_of_slot);
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

static int build_graph(const struct match_index *ix, int64_t org, int64_t now, unsigned flags,
                       struct graph *g)
{
	struct mtop_item items[MATCH_PROPOSAL_K];
	uint32_t nv = ix->v.n ? ix->v.n : 1;
	g->places = malloc((ix->n_calls + 1) * sizeof *g->places);
	g->call_slot = malloc((ix->n_calls + 1) * sizeof *g->call_slot);
	g->node_of_slot = malloc(nv * sizeof *g->node_of_slot);
	g->vol_slot = malloc(nv * sizeof *g->vol_slot);
	g->caps = malloc(nv * sizeof *g->caps);
	if (!g->places || !g->call_slot || !g->node_of_slot || !g->vol_slot || !g->caps)
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
		int64_t total;
		mq_call_scan(ix, cs, now, flags, &top, &total);
		for (int i = 0; i < top.n; i++)
			if (top.items[i].score > 0 &&
			    add_edge(g, node, vol_node(g, ix, top.items[i].slot), top.items[i].score))
				return -1;
	}
	return 0;
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

int match_proposal(struct match_index *ix, int64_t organisation_id, int64_t now, unsigned flags,
                   struct match_proposal *out, struct kp_error *err)
{
	struct graph g;
	uint8_t *opt = NULL, *greedy = NULL;
	int rc = KP_ERR;
	memset(&g, 0, sizeof g);
	memset(out, 0, sizeof *out);
	pthread_rwlock_rdlock(&ix->lock);
	if (build_graph(ix, organisation_id, now, flags, &g))
		goto end;
	size_t ne = (size_t)(g.n_edges ? g.n_edges : 1);
	opt = malloc(ne);
	greedy = malloc(ne);
	out->pairs = malloc(ne * sizeof *out->pairs);
	struct massign p = { g.n_calls, g.n_vols, g.n_edges, g.places, g.caps, g.edge_call,
	                     g.edge_vol, g.gain, llround(ix->weights.spread * MASSIGN_SCALE) };
	int64_t t_opt, t_greedy;
	if (!opt || !greedy || !out->pairs || massign_solve(&p, opt, &t_opt) ||
	    massign_greedy(&p, greedy, &t_greedy))
		goto end;
	int *per = calloc((size_t)g.n_vols + 1, sizeof *per);
	if (per == NULL)
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
	concentration(per, g.n_vols, out);
	free(per);
	out->calls = g.n_calls;
	out->edges = g.n_edges;
	rc = KP_OK;
end:
	pthread_rwlock_unlock(&ix->lock);
	if (rc)
		kp_internal(err);
	graph_free(&g);
	free(opt);
	free(greedy);
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

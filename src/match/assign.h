/*
 * The assignment behind a proposal: calls with places, volunteers with
 * capacities, and candidate edges with an integer gain; choose edges so
 * that no call gets more volunteers than places, no volunteer more calls
 * than capacity, and the total gain is as large as possible.
 *
 * massign_solve is exact: it is a min-cost flow (cost = -gain) in which
 * every place of every call is routed either to a volunteer or straight to
 * the sink at cost 0 (it stays open), found by successive shortest paths with
 * potentials (Dijkstra), one place at a time. Reduced costs stay
 * non-negative, so the flow is optimal after every step. Integer gains keep
 * it exact; callers scale scores (MASSIGN_SCALE).
 *
 * Load spreading: with spread > 0 a volunteer's k-th pair (k = 1, 2, …)
 * costs (k - 1) * spread, a convex cost on the volunteer's arc to the sink
 * that the same shortest paths handle (the cost of an arc only rises as it
 * fills, so reduced costs stay non-negative). The solver then maximises
 * total gain minus these costs; *total is still the gain of the chosen
 * edges.
 *
 * massign_greedy is the baseline: edges by gain, best first, while they fit;
 * with spreading, by their gain less the cost of one more pair for their
 * volunteer at the moment they are taken (the same objective, greedily).
 */
#ifndef KP_MATCH_ASSIGN_H
#define KP_MATCH_ASSIGN_H

#include <stdint.h>

#define MASSIGN_SCALE 1000000.0

struct massign {
	int n_calls, n_vols, n_edges;
	const int *places;      /* per call */
	const int *caps;        /* per volunteer */
	const int *edge_call;   /* per edge */
	const int *edge_vol;
	const int64_t *gain;    /* per edge, > 0 */
	int64_t spread;         /* cost of each further pair of one volunteer; 0: none */
};

/* chosen[e] = 1 for the edges taken; *total their gain. 0, or -1 when out of memory. */
int massign_solve(const struct massign *p, uint8_t *chosen, int64_t *total);

/* The dual prices of a solution: the node potentials at the end, such that
   every arc of the residual graph has reduced cost cost + pot(from) -
   pot(to) >= 0 (an arc call -> volunteer costs -gain, a volunteer's arc to
   the sink its spreading cost). An edge (c, v) left out of the graph would
   improve the solution only if gain > pot_call[c] - pot_vol[v], where a
   volunteer outside the graph has pot_vol = *pot_sink. */
struct massign_duals {
	int64_t *pot_call;      /* n_calls */
	int64_t *pot_vol;       /* n_vols */
	int64_t pot_sink;
};

/* massign_solve, also filling d (its arrays allocated by the caller). */
int massign_solve_duals(const struct massign *p, uint8_t *chosen, int64_t *total,
                        struct massign_duals *d);
int massign_greedy(const struct massign *p, uint8_t *chosen, int64_t *total);

#endif

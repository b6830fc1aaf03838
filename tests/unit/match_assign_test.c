/* The exact assignment against brute force, and never below greedy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "match/assign.h"

#define EMAX 14

struct inst {
	int places[4], caps[5], ec[EMAX], ev[EMAX];
	int64_t gain[EMAX];
	struct massign p;
};

/* Gain minus the spreading cost of the edges in `set` (chosen[] when set
   is NULL): a volunteer's k-th edge costs (k - 1) * spread; -1 when they
   do not fit. */
static int64_t objective(const struct massign *p, uint32_t set, const uint8_t *chosen)
{
	int left[4], room[5], used[5] = { 0 };
	int64_t total = 0;
	memcpy(left, p->places, sizeof(int) * (size_t)p->n_calls);
	memcpy(room, p->caps, sizeof(int) * (size_t)p->n_vols);
	for (int e = 0; e < p->n_edges; e++) {
		if (chosen ? !chosen[e] : !(set & (1u << e)))
			continue;
		if (--left[p->edge_call[e]] < 0 || --room[p->edge_vol[e]] < 0)
			return -1;
		total += p->gain[e] - (int64_t)used[p->edge_vol[e]]++ * p->spread;
	}
	return total;
}

/* The best total over every subset of edges that fits. */
static int64_t brute(const struct massign *p)
{
	int64_t best = 0;
	for (uint32_t set = 0; set < (1u << p->n_edges); set++) {
		int left[4], room[5];
		int64_t total = 0;
		bool ok = true;
		memcpy(left, p->places, sizeof(int) * (size_t)p->n_calls);
		memcpy(room, p->caps, sizeof(int) * (size_t)p->n_vols);
		for (int e = 0; e < p->n_edges && ok; e++) {
			if (!(set & (1u << e)))
				continue;
			ok = --left[p->edge_call[e]] >= 0 && --room[p->edge_vol[e]] >= 0;
			total += p->gain[e];
		}
		if (ok && total > best)
			best = total;
	}
	return best;
}

static void random_instance(struct inst *in, uint64_t *s)
{
	int nc = 1 + (int)(*s % 4), nv = 1 + (int)((*s >> 8) % 5), ne = 0;
	for (int c = 0; c < nc; c++)
		in->places[c] = 1 + (int)((*s >> (16 + c * 2)) % 2);
	for (int v = 0; v < nv; v++)
		in->caps[v] = 1 + (int)((*s >> (24 + v * 2)) % 2);
	for (int c = 0; c < nc; c++)
		for (int v = 0; v < nv && ne < EMAX; v++) {
			*s = *s * 6364136223846793005ull + 1442695040888963407ull;
			if ((*s >> 33) % 3 == 0)
				continue;
			in->ec[ne] = c;
			in->ev[ne] = v;
			in->gain[ne] = 1 + (int64_t)((*s >> 40) % 100);
			ne++;
		}
	in->p = (struct massign){ nc, nv, ne, in->places, in->caps, in->ec, in->ev, in->gain };
}

static void exact_equals_brute_force(void **state)
{
	uint64_t s = 12345;
	int beat_greedy = 0;
	(void)state;
	for (int round = 0; round < 3000; round++) {
		struct inst in;
		s = s * 6364136223846793005ull + 1442695040888963407ull;
		random_instance(&in, &s);
		uint8_t chosen[EMAX], gchosen[EMAX];
		int64_t opt, greedy;
		assert_int_equal(massign_solve(&in.p, chosen, &opt), 0);
		assert_int_equal(massign_greedy(&in.p, gchosen, &greedy), 0);
		assert_int_equal(opt, brute(&in.p));
		assert_true(opt >= greedy);
		beat_greedy += opt > greedy;
		/* The chosen edges are feasible and add up to the total. */
		int left[4], room[5];
		int64_t sum = 0;
		memcpy(left, in.places, sizeof left);
		memcpy(room, in.caps, sizeof room);
		for (int e = 0; e < in.p.n_edges; e++)
			if (chosen[e]) {
				assert_true(--left[in.ec[e]] >= 0);
				assert_true(--room[in.ev[e]] >= 0);
				sum += in.gain[e];
			}
		assert_int_equal(sum, opt);
	}
	assert_true(beat_greedy > 0); /* the instances include ones where greedy falls short */
}

/* With a convex cost per further pair of one volunteer, the solver still
   finds the best total of gain minus that cost. */
static void spreading_equals_brute_force(void **state)
{
	uint64_t s = 777;
	int spread_out = 0;
	(void)state;
	for (int round = 0; round < 3000; round++) {
		struct inst in;
		s = s * 6364136223846793005ull + 1442695040888963407ull;
		random_instance(&in, &s);
		in.p.spread = 1 + (int64_t)((s >> 20) % 40);
		uint8_t chosen[EMAX];
		int64_t gain, best = 0;
		assert_int_equal(massign_solve(&in.p, chosen, &gain), 0);
		for (uint32_t set = 0; set < (1u << in.p.n_edges); set++) {
			int64_t t = objective(&in.p, set, NULL);
			if (t > best)
				best = t;
		}
		int64_t got = objective(&in.p, 0, chosen);
		assert_int_equal(got, best);
		struct massign plain = in.p;
		plain.spread = 0;
		uint8_t flat[EMAX];
		int64_t flat_gain;
		assert_int_equal(massign_solve(&plain, flat, &flat_gain), 0);
		spread_out += objective(&in.p, 0, flat) < best;
	}
	assert_true(spread_out > 0); /* the cost changed the answer somewhere */
}

/* Three calls, three volunteers alike with room for three: one each. */
static void spreads_over_alike_volunteers(void **state)
{
	int places[3] = { 1, 1, 1 }, caps[3] = { 3, 3, 3 };
	int ec[9], ev[9];
	int64_t gain[9];
	for (int e = 0; e < 9; e++) {
		ec[e] = e / 3;
		ev[e] = e % 3;
		gain[e] = 50;
	}
	struct massign p = { 3, 3, 9, places, caps, ec, ev, gain, 2 };
	uint8_t chosen[9];
	int64_t total;
	int per[3] = { 0 };
	(void)state;
	assert_int_equal(massign_solve(&p, chosen, &total), 0);
	assert_int_equal(total, 150);
	for (int e = 0; e < 9; e++)
		per[ev[e]] += chosen[e];
	assert_int_equal(per[0], 1);
	assert_int_equal(per[1], 1);
	assert_int_equal(per[2], 1);
}

/* Greedy takes 10 (A-x) and leaves B without anyone; exact gives 9 + 8. */
static void beats_greedy_on_a_known_case(void **state)
{
	int places[2] = { 1, 1 }, caps[2] = { 1, 1 };
	int ec[3] = { 0, 0, 1 }, ev[3] = { 0, 1, 0 };
	int64_t gain[3] = { 10, 9, 8 };
	struct massign p = { 2, 2, 3, places, caps, ec, ev, gain };
	uint8_t chosen[3];
	int64_t opt, greedy;
	(void)state;
	assert_int_equal(massign_solve(&p, chosen, &opt), 0);
	assert_int_equal(massign_greedy(&p, chosen, &greedy), 0);
	assert_int_equal(opt, 17);
	assert_int_equal(greedy, 10);
}

static void empty_graph(void **state)
{
	int places[1] = { 2 }, caps[1] = { 1 };
	struct massign p = { 1, 1, 0, places, caps, NULL, NULL, NULL };
	uint8_t chosen[1];
	int64_t opt = -1;
	(void)state;
	assert_int_equal(massign_solve(&p, chosen, &opt), 0);
	assert_int_equal(opt, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exact_equals_brute_force),
		cmocka_unit_test(beats_greedy_on_a_known_case),
		cmocka_unit_test(spreading_equals_brute_force),
		cmocka_unit_test(spreads_over_alike_volunteers),
		cmocka_unit_test(empty_graph),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

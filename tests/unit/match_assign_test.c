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
		cmocka_unit_test(empty_graph),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

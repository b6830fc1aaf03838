/* Tests for src/model/survival.c: the Kaplan–Meier curve of a small set of
   tenures worked out by hand, ties of stops and censoring on one day, many
   tenures against the definition, the median, and the nearest-rank quantile. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "model/survival.h"

/* By hand, 8 volunteers: stopped on days 2, 4, 4 and 7; still there on days
   3, 4, 5 and 8 (censored; the one censored on day 4 is at risk on day 4).
     day 2: 8 at risk, 1 stops: S = 7/8             = 0.875
     day 4: 6 at risk, 2 stop:  S = 7/8 * 4/6       = 0.583333…
     day 7: 2 at risk, 1 stops: S = 7/12 * 1/2      = 0.291666…
   The median is day 7, the first day S <= 0.5. */
static void kaplan_meier_by_hand(void **state)
{
	(void)state;
	struct tenure t[] = {
		{ 8, false }, { 4, true }, { 2, true }, { 5, false },
		{ 4, false }, { 7, true }, { 3, false }, { 4, true },
	};
	struct survival_point p[8];
	int n = survival_km(t, 8, p, 8);
	assert_int_equal(n, 3);
	assert_int_equal(p[0].day, 2);
	assert_int_equal(p[0].at_risk, 8);
	assert_int_equal(p[0].stopped, 1);
	assert_true(fabs(p[0].survival - 0.875) < 1e-9);
	assert_int_equal(p[1].day, 4);
	assert_int_equal(p[1].at_risk, 6);
	assert_int_equal(p[1].stopped, 2);
	assert_true(fabs(p[1].survival - 7.0 / 12.0) < 1e-9);
	assert_int_equal(p[2].day, 7);
	assert_int_equal(p[2].at_risk, 2);
	assert_true(fabs(p[2].survival - 7.0 / 24.0) < 1e-9);
	assert_int_equal(survival_median(p, n), 7);
	assert_true(survival_at(p, n, 1) == 1.0);
	assert_true(fabs(survival_at(p, n, 5) - 7.0 / 12.0) < 1e-9);
	assert_int_equal(survival_km(t, 8, p, 2), -1); /* too small an output */
}

static void nobody_stopped(void **state)
{
	(void)state;
	struct tenure t[] = { { 10, false }, { 30, false } };
	struct survival_point p[2];
	assert_int_equal(survival_km(t, 2, p, 2), 0);
	assert_int_equal(survival_median(p, 0), -1);
	assert_int_equal(survival_km(t, 0, p, 2), 0);
}

static void nearest_rank_quantiles(void **state)
{
	(void)state;
	int32_t v[] = { 5, 1, 9, 3, 7 };
	assert_int_equal(survival_quantile(v, 5, 0.5), 5);
	assert_int_equal(survival_quantile(v, 5, 0.9), 9);
	assert_int_equal(survival_quantile(v, 5, 0.2), 1);
	assert_int_equal(survival_quantile(v, 0, 0.5), -1);
}

/* A network's many tenures (counted per day, not sorted) give the curve the
   definition gives: at risk on day d are those with a tenure of d or more. */
static void many_tenures_follow_the_definition(void **state)
{
	(void)state;
	enum { N = 5000, DAYS = 900 };
	static struct tenure t[N];
	static struct survival_point got[DAYS + 1];
	static int ends[DAYS + 1], stops[DAYS + 1];
	uint32_t x = 12345;
	for (int i = 0; i < N; i++) {
		x = x * 1103515245u + 12345u;
		t[i] = (struct tenure){ (int32_t)((x >> 8) % DAYS), (x >> 4) % 3 == 0 };
		ends[t[i].days]++;
		stops[t[i].days] += t[i].stopped;
	}
	int n = survival_km(t, N, got, DAYS + 1), k = 0, at_risk = N;
	double s = 1.0;
	for (int d = 0; d < DAYS; at_risk -= ends[d], d++) {
		if (stops[d] == 0)
			continue;
		s *= 1.0 - (double)stops[d] / at_risk;
		assert_true(k < n);
		assert_int_equal(got[k].day, d);
		assert_int_equal(got[k].at_risk, at_risk);
		assert_int_equal(got[k].stopped, stops[d]);
		assert_true(fabs(got[k].survival - s) < 1e-12);
		k++;
	}
	assert_int_equal(n, k);
	assert_int_equal(survival_km(t, N, got, 10), -1); /* more stop days than room */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kaplan_meier_by_hand),
		cmocka_unit_test(many_tenures_follow_the_definition),
		cmocka_unit_test(nobody_stopped),
		cmocka_unit_test(nearest_rank_quantiles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

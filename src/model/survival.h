/*
 * Retention as the seeds ask for it: how long volunteers stay. A tenure is
 * an observation of days from the start; a stopped volunteer is an event,
 * one still active is censored at today (we know only that they stayed at
 * least that long). survival_km is the Kaplan–Meier estimate
 *
 *     S(t) = prod over event days t_i <= t of (1 - d_i / n_i)
 *
 * with d_i the stops on day t_i and n_i those still at risk then (tenure of
 * at least t_i days: someone censored on t_i counts as at risk on t_i).
 *
 * Invariants of the result: points in increasing `day`, survival
 * non-increasing in (0, 1], at_risk non-increasing. No allocation: the
 * caller owns every array.
 */
#ifndef KP_MODEL_SURVIVAL_H
#define KP_MODEL_SURVIVAL_H

#include <stdbool.h>
#include <stdint.h>

struct tenure {
	int32_t days;    /* from the start to the stop, or to today while still active */
	bool stopped;    /* an event; false: censored */
};

struct survival_point {
	int32_t day;     /* a day on which someone stopped */
	double survival; /* S(day): the share still there after that day */
	int at_risk;     /* n_i */
	int stopped;     /* d_i */
};

/* Writes one point per distinct stop day of t[0..n) into out[0..cap);
   returns the number of points, or -1 when cap is too small. May sort t by
   days (a large t with days in a short range is counted per day instead). */
int survival_km(struct tenure *t, int n, struct survival_point *out, int cap);

/* The median tenure: the first day on which S drops to 0.5 or below; -1 when
   more than half are still there at the last stop. */
int32_t survival_median(const struct survival_point *p, int n);

/* S(day) read off the curve: 1 before the first stop. */
double survival_at(const struct survival_point *p, int n, int32_t day);

/* The q-quantile (0 < q <= 1) of v[0..n) by the nearest-rank method, after
   sorting v in place; -1 when n is 0. */
int32_t survival_quantile(int32_t *v, int n, double q);

#endif

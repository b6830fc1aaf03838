#include "model/survival.h"

#include <math.h>
#include <stdlib.h>

static int by_days(const void *a, const void *b)
{
	const struct tenure *x = a, *y = b;
	if (x->days != y->days)
		return (x->days > y->days) - (x->days < y->days);
	return (int)y->stopped - (int)x->stopped; /* stops before censoring on one day */
}

/* The curve from counts per day (leaving[d] observations end on day d,
   stopped[d] of them stops): no sort, for the many tenures of a network. */
static int km_counted(const struct tenure *t, int n, int32_t max, struct survival_point *out,
                      int cap)
{
	int *leaving = calloc((size_t)max + 1, sizeof *leaving);
	int *stopped = calloc((size_t)max + 1, sizeof *stopped);
	int points = 0, at_risk = n;
	double s = 1.0;
	if (leaving == NULL || stopped == NULL) {
		points = -2;
		goto end;
	}
	for (int i = 0; i < n; i++) {
		leaving[t[i].days]++;
		stopped[t[i].days] += t[i].stopped;
	}
	for (int32_t day = 0; day <= max && points >= 0; day++) {
		if (stopped[day] > 0) {
			if (points == cap) {
				points = -1;
				break;
			}
			s *= 1.0 - (double)stopped[day] / (double)at_risk;
			out[points++] = (struct survival_point){ day, s, at_risk, stopped[day] };
		}
		at_risk -= leaving[day];
	}
end:
	free(leaving);
	free(stopped);
	return points;
}

int survival_km(struct tenure *t, int n, struct survival_point *out, int cap)
{
	int points = 0, at_risk = n;
	double s = 1.0;
	int32_t min = 0, max = 0;
	for (int i = 0; i < n; i++) {
		min = t[i].days < min ? t[i].days : min;
		max = t[i].days > max ? t[i].days : max;
	}
	if (n > 1024 && min >= 0 && max <= 4 * n) {
		int got = km_counted(t, n, max, out, cap);
		if (got != -2)
			return got;
	}
	if (n > 0)
		qsort(t, (size_t)n, sizeof *t, by_days);
	for (int i = 0; i < n;) {
		int day = t[i].days, stopped = 0, leaving = 0;
		for (; i < n && t[i].days == day; i++, leaving++)
			stopped += t[i].stopped;
		if (stopped > 0) {
			if (points == cap)
				return -1;
			s *= 1.0 - (double)stopped / (double)at_risk;
			out[points++] = (struct survival_point){ day, s, at_risk, stopped };
		}
		at_risk -= leaving;
	}
	return points;
}

int32_t survival_median(const struct survival_point *p, int n)
{
	for (int i = 0; i < n; i++)
		if (p[i].survival <= 0.5 + 1e-12)
			return p[i].day;
	return -1;
}

double survival_at(const struct survival_point *p, int n, int32_t day)
{
	double s = 1.0;
	for (int i = 0; i < n && p[i].day <= day; i++)
		s = p[i].survival;
	return s;
}

static int by_value(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

int32_t survival_quantile(int32_t *v, int n, double q)
{
	if (n <= 0)
		return -1;
	qsort(v, (size_t)n, sizeof *v, by_value);
	int rank = (int)ceil(q * (double)n); /* nearest rank, 1-based */
	if (rank < 1)
		rank = 1;
	return v[rank > n ? n - 1 : rank - 1];
}

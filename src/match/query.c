/* The three questions' scans over the index (see match.h, query.h). */
#include "match/query.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "match/explain.h"
#include "match/score.h"

/* Scans slots [from, to); with near2 > 0 they are one run of a cell (ordered
   by reach, farthest first) whose nearest point is sqrt(near2) km away, and
   the scan stops at the first volunteer who does not reach that far. */
static void scan_range(const struct match_index *ix, const struct mquery *q, uint32_t from,
                       uint32_t to, double near2, double waiting, struct mtopk *top,
                       int64_t *total)
{
	const struct mcall *c = q->c;
	for (uint32_t s = from; s < to; s++) {
		double d2, m = ix->v.hot[s].max_km;
		if (m * m < near2)
			break;
		if (!mf_pass_base(ix, s, q, &d2))
			continue;
		(*total)++;
		double floor = mtopk_floor(top);
		double sc = ms_score(ix, s, q, d2, waiting, floor, NULL);
		if ((top->n < top->k || !mtop_worse(sc, ix->v.id[s], top->items[0].score,
		                                    top->items[0].id)) &&
		    mf_unpaired(ix, s, c))
			mtopk_push(top, sc, ix->v.id[s], s);
	}
}

/* Squared km from the call to the nearest point of cell (r, c). */
static double cell_dist2(const struct mgrid *g, const struct mquery *q, int r, int c)
{
	double la0 = g->lat0 + r * MGRID_DLAT, la1 = la0 + MGRID_DLAT;
	double lo0 = g->lon0 + c * MGRID_DLON, lo1 = lo0 + MGRID_DLON;
	double dy = q->clat < la0 ? la0 - q->clat : q->clat > la1 ? q->clat - la1 : 0;
	double dx = q->clon < lo0 ? lo0 - q->clon : q->clon > lo1 ? q->clon - lo1 : 0;
	dy *= KM_PER_DEG;
	dx *= q->km_lon;
	return dx * dx + dy * dy;
}

/* Narrows [*from, *to) of one cell to its run `org` (an organisation slot,
   or MRUN_OPEN): a cell is ordered by run, and only the call's own
   organisation's run and the open run may pass mf_consent. */
static void org_range(const struct mgrid *g, int cell, uint16_t org, uint32_t *from,
                      uint32_t *to)
{
	for (uint32_t i = g->run_off[cell]; i < g->run_off[cell + 1]; i++) {
		if (g->run_org[i] != org)
			continue;
		*from = g->run_start[i];
		*to = i + 1 < g->run_off[cell + 1] ? g->run_start[i + 1] : g->start[cell + 1];
		return;
	}
	*to = *from; /* none of them here */
}

/* A cell worth visiting and its squared distance from the call. */
struct near_cell {
	double d2;
	int cell;
};

static int nearer(const void *a, const void *b)
{
	double x = ((const struct near_cell *)a)->d2, y = ((const struct near_cell *)b)->d2;
	return (x > y) - (x < y);
}

#define NEAR_CELLS_MAX 4096

/* The cells within reach of q that hold someone who may travel that far,
   nearest first (near volunteers score high, so the top fills early and
   later volunteers are cut sooner); returns how many, or -1 when there
   are more than NEAR_CELLS_MAX (far north, where cells are narrow). */
static int cells_in_reach(const struct mgrid *g, const struct mquery *q, struct near_cell *out)
{
	double reach = g->reach_km + 1.0;
	int r0 = (int)floor((q->clat - reach / KM_PER_DEG - g->lat0) / MGRID_DLAT);
	int r1 = (int)floor((q->clat + reach / KM_PER_DEG - g->lat0) / MGRID_DLAT);
	int c0 = (int)floor((q->clon - reach / q->km_lon - g->lon0) / MGRID_DLON);
	int c1 = (int)floor((q->clon + reach / q->km_lon - g->lon0) / MGRID_DLON);
	r0 = r0 < 0 ? 0 : r0;
	c0 = c0 < 0 ? 0 : c0;
	r1 = r1 >= g->rows ? g->rows - 1 : r1;
	c1 = c1 >= g->cols ? g->cols - 1 : c1;
	int n = 0;
	for (int r = r0; r <= r1; r++)
		for (int col = c0; col <= c1; col++) {
			int cell = r * g->cols + col;
			double m = g->max_km[cell], d2 = cell_dist2(g, q, r, col);
			if (g->start[cell] == g->start[cell + 1] || d2 > m * m)
				continue;
			if (n == NEAR_CELLS_MAX)
				return -1;
			out[n++] = (struct near_cell){ d2, cell };
		}
	qsort(out, (size_t)n, sizeof *out, nearer);
	return n;
}

/* Scans one cell: the volunteers open beyond their organisation (filtered
   by mf_consent), then the call's own organisation's other volunteers. */
static void scan_cell(const struct match_index *ix, const struct mquery *q, int cell,
                      double near2, double waiting, struct mtopk *top, int64_t *total)
{
	const struct mgrid *g = &ix->grid;
	uint32_t from = g->start[cell], to = g->start[cell + 1];
	if (g->run_off[cell] < g->run_off[cell + 1] && g->run_org[g->run_off[cell]] == MRUN_OPEN) {
		org_range(g, cell, MRUN_OPEN, &from, &to);
		scan_range(ix, q, from, to, near2, waiting, top, total);
		from = g->start[cell];
		to = g->start[cell + 1];
	}
	org_range(g, cell, q->c->org, &from, &to);
	scan_range(ix, q, from, to, near2, waiting, top, total);
}

/* The best volunteers for call c (in the index or not) into top. */
static void scan_mcall(const struct match_index *ix, const struct mcall *c, int64_t now,
                       unsigned flags, struct mtopk *top, int64_t *total)
{
	struct mquery q;
	struct near_cell cells[NEAR_CELLS_MAX];
	mq_prepare(ix, c, now, flags, &q);
	double waiting = ms_waiting(&ix->weights, c, now);
	const struct mgrid *g = &ix->grid;
	*total = 0;
	int n = g->rows > 0 ? cells_in_reach(g, &q, cells) : 0;
	if (n < 0) /* too many cells to sort: all of them, in order (the filters decide) */
		for (int cell = 0; cell < g->rows * g->cols; cell++)
			scan_cell(ix, &q, cell, 0, waiting, top, total);
	for (int i = 0; i < n; i++) {
		/* 10 m less: a position rounded to floats may sit on the cell's edge */
		double near = sqrt(cells[i].d2) - 0.01;
		scan_cell(ix, &q, cells[i].cell, near > 0 ? near * near : 0, waiting, top, total);
	}
	scan_range(ix, &q, ix->v.sorted, ix->v.n, 0, waiting, top, total);
	*total -= mf_paired_passing(ix, &q);
}

int64_t mq_reach_max(const struct match_index *ix, uint32_t cs, int64_t now,
                     const int64_t *cell_val, int64_t over)
{
	struct mquery q;
	struct near_cell cells[NEAR_CELLS_MAX];
	const struct mgrid *g = &ix->grid;
	mq_prepare(ix, &ix->calls[cs], now, 0, &q);
	int n = g->rows > 0 ? cells_in_reach(g, &q, cells) : 0;
	int64_t best = over;
	for (int cell = 0; n < 0 && cell < g->rows * g->cols; cell++)
		best = cell_val[cell] > best ? cell_val[cell] : best;
	for (int i = 0; i < n; i++)
		best = cell_val[cells[i].cell] > best ? cell_val[cells[i].cell] : best;
	return best;
}

void mq_call_scan(const struct match_index *ix, uint32_t cs, int64_t now, unsigned flags,
                  struct mtopk *top, int64_t *total)
{
	scan_mcall(ix, &ix->calls[cs], now, flags, top, total);
}

/* Fills hit from slot s and the prepared question q: score, parts, distance, phrases. */
static void make_hit(struct match_index *ix, uint32_t s, const struct mquery *q, int64_t now,
                     struct match_hit *h)
{
	const struct mcall *c = q->c;
	double d2 = mf_dist2(ix, s, q);
	memset(h, 0, sizeof *h);
	h->volunteer_id = ix->v.id[s];
	h->call_id = c->id;
	h->organisation_id = c->organisation_id;
	h->score = ms_score(ix, s, q, d2, ms_waiting(&ix->weights, c, now), -1e300, h->parts);
	h->score_max = ms_score_max(ix, q, now);
	h->distance_km = sqrt(d2);
	mexplain(ix, s, q, h);
}

static bool live_call(const struct match_index *ix, int64_t id, int64_t now, uint32_t *cs)
{
	return mhash_get(&ix->cid, id, cs) && mcall_current(&ix->calls[*cs], now);
}

/* The volunteer's slot, when her flags hold one of `as` (VF_LIVE: a
   candidate; VF_INDEXED: also one waiting for her intake). */
static bool volunteer_slot(const struct match_index *ix, int64_t id, uint8_t as, uint32_t *s)
{
	return mhash_get(&ix->vid, id, s) && (ix->v.hot[*s].flags & as);
}

int match_for_call(struct match_index *ix, int64_t call_id, int limit, int64_t now, unsigned flags,
                   struct match_hit *out, int *n, int64_t *total, struct kp_error *err)
{
	struct mtop_item items[MATCH_LIMIT_MAX];
	struct mtopk top = { items, limit < 1 ? 1 : limit > MATCH_LIMIT_MAX ? MATCH_LIMIT_MAX : limit,
	                     0 };
	uint32_t cs;
	int rc = KP_OK;
	*n = 0;
	*total = 0;
	pthread_rwlock_rdlock(&ix->lock);
	if (!live_call(ix, call_id, now, &cs)) {
		rc = kp_fail(err, KP_NOT_FOUND, "not_found", "call_id");
		goto end;
	}
	mq_call_scan(ix, cs, now, flags, &top, total);
	mtopk_sort(&top);
	struct mquery q;
	mq_prepare(ix, &ix->calls[cs], now, flags, &q);
	for (int i = 0; i < top.n; i++)
		make_hit(ix, top.items[i].slot, &q, now, &out[i]);
	*n = top.n;
end:
	pthread_rwlock_unlock(&ix->lock);
	return rc;
}

int match_for_request(struct match_index *ix, const struct call *spec, int limit, int64_t now,
                      unsigned flags, struct match_hit *out, int *n, int64_t *total,
                      struct kp_error *err)
{
	struct mtop_item items[MATCH_LIMIT_MAX];
	struct mtopk top = { items, limit < 1 ? 1 : limit > MATCH_LIMIT_MAX ? MATCH_LIMIT_MAX : limit,
	                     0 };
	struct mcall *m = calloc(1, sizeof *m);
	*n = 0;
	*total = 0;
	if (m == NULL)
		return kp_internal(err);
	/* Filling a question may learn a new organisation, item or term: a change. */
	pthread_rwlock_wrlock(&ix->lock);
	int rc = mix_fill_call(ix, spec, 1, m) ? kp_internal(err) : KP_OK;
	if (rc == KP_OK) {
		m->engagement = ENGAGEMENT_COUNT; /* a help request names no form */
		m->live = true;
		scan_mcall(ix, m, now, flags, &top, total);
		mtopk_sort(&top);
		struct mquery q;
		mq_prepare(ix, m, now, flags, &q);
		for (int i = 0; i < top.n; i++)
			make_hit(ix, top.items[i].slot, &q, now, &out[i]);
		*n = top.n;
	}
	pthread_rwlock_unlock(&ix->lock);
	free(m);
	return rc;
}

int match_for_volunteer(struct match_index *ix, int64_t volunteer_id, int limit, int64_t now,
                        unsigned flags,
                        struct match_hit *out, int *n, int64_t *total, struct kp_error *err)
{
	struct mtop_item items[MATCH_LIMIT_MAX];
	struct mtopk top = { items, limit < 1 ? 1 : limit > MATCH_LIMIT_MAX ? MATCH_LIMIT_MAX : limit,
	                     0 };
	uint32_t s;
	int rc = KP_OK;
	*n = 0;
	*total = 0;
	pthread_rwlock_rdlock(&ix->lock);
	if (!volunteer_slot(ix, volunteer_id, VF_INDEXED, &s)) {
		rc = kp_fail(err, KP_NOT_FOUND, "not_found", "volunteer_id");
		goto end;
	}
	for (uint32_t cs = 0; cs < ix->n_calls; cs++) {
		const struct mcall *c = &ix->calls[cs];
		struct mquery q;
		double d2;
		if (!mcall_current(c, now) || c->places <= 0)
			continue;
		mq_prepare(ix, c, now, flags, &q);
		if (!mf_fits_base(ix, s, &q, &d2) || !mf_unpaired(ix, s, c))
			continue;
		(*total)++;
		double sc = ms_score(ix, s, &q, d2, ms_waiting(&ix->weights, c, now),
		                     mtopk_floor(&top), NULL);
		mtopk_push(&top, sc, c->id, cs);
	}
	mtopk_sort(&top);
	for (int i = 0; i < top.n; i++) {
		struct mquery q;
		mq_prepare(ix, &ix->calls[top.items[i].slot], now, flags, &q);
		make_hit(ix, s, &q, now, &out[i]);
	}
	*n = top.n;
end:
	pthread_rwlock_unlock(&ix->lock);
	return rc;
}

int match_explain_pair(struct match_index *ix, int64_t call_id, int64_t volunteer_id,
                       int64_t now, unsigned flags, struct match_hit *out, struct kp_error *err)
{
	uint32_t cs, s;
	int rc = KP_OK;
	pthread_rwlock_rdlock(&ix->lock);
	struct mquery q;
	double d2;
	if (!live_call(ix, call_id, now, &cs) || !volunteer_slot(ix, volunteer_id, VF_LIVE, &s)) {
		rc = kp_fail(err, KP_NOT_FOUND, "not_found", "");
		goto end;
	}
	mq_prepare(ix, &ix->calls[cs], now, flags, &q);
	if (!mf_pass(ix, s, &q, &d2)) {
		rc = kp_fail(err, KP_NOT_FOUND, "not_found", "");
		goto end;
	}
	make_hit(ix, s, &q, now, out);
end:
	pthread_rwlock_unlock(&ix->lock);
	return rc;
}

/* Prometheus metrics of a serving server (metrics.h). */
#include "api/metrics.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "match/match.h"
#include "util/memo.h"

/* Upper bounds of the latency buckets, in seconds; +Inf follows. */
static const double bounds[] = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                 1, 2.5, 5, 10 };
#define N_BOUNDS (int)(sizeof bounds / sizeof bounds[0])

/* The statuses counted one by one; anything else counts as "other". */
static const int statuses[] = { 200, 201, 202, 204, 304, 400, 401, 403, 404, 405, 409, 413,
                                415, 422, 429, 500, 503 };
#define N_STATUSES (int)(sizeof statuses / sizeof statuses[0])

struct route_stats {
	atomic_ullong by_status[N_STATUSES + 1];  /* the last: other statuses */
	atomic_ullong bucket[N_BOUNDS + 1];       /* not cumulative; the last: above all bounds */
	atomic_ullong micros;                     /* total time */
};

struct metrics {
	int n;                       /* api_route_count + 2: static files, no route */
	struct route_stats *routes;
};

struct metrics *metrics_new(void)
{
	struct metrics *m = calloc(1, sizeof *m);
	if (m == NULL)
		return NULL;
	m->n = api_route_count + 2;
	m->routes = calloc((size_t)m->n, sizeof *m->routes);
	if (m->routes == NULL) {
		free(m);
		return NULL;
	}
	return m;
}

void metrics_free(struct metrics *m)
{
	if (m == NULL)
		return;
	free(m->routes);
	free(m);
}

static int slot_of_route(const struct metrics *m, int route)
{
	if (route >= 0 && route < api_route_count)
		return route;
	return route == METRICS_STATIC ? m->n - 2 : m->n - 1;
}

void metrics_record(struct metrics *m, int route, int status, double seconds)
{
	if (m == NULL)
		return;
	struct route_stats *r = &m->routes[slot_of_route(m, route)];
	int s = 0, b = 0;
	while (s < N_STATUSES && statuses[s] != status)
		s++;
	while (b < N_BOUNDS && seconds > bounds[b])
		b++;
	atomic_fetch_add(&r->by_status[s], 1);
	atomic_fetch_add(&r->bucket[b], 1);
	atomic_fetch_add(&r->micros, (unsigned long long)(seconds * 1e6));
}

static void route_label(const struct metrics *m, int slot, char *out, size_t size)
{
	if (slot < api_route_count)
		snprintf(out, size, "%s %s", api_routes[slot].method, api_routes[slot].pattern);
	else
		snprintf(out, size, "%s", slot == m->n - 2 ? "static" : "none");
}

static int write_requests(const struct metrics *m, struct buf *b)
{
	int rc = buf_appends(b, "# HELP knooppunt_http_requests_total Requests answered, by route "
	                        "and status.\n# TYPE knooppunt_http_requests_total counter\n");
	char label[160];
	for (int i = 0; i < m->n; i++) {
		route_label(m, i, label, sizeof label);
		for (int s = 0; s <= N_STATUSES; s++) {
			unsigned long long n = atomic_load(&m->routes[i].by_status[s]);
			if (n == 0)
				continue;
			char status[8];
			snprintf(status, sizeof status, "%d", s < N_STATUSES ? statuses[s] : 0);
			rc |= buf_printf(b, "knooppunt_http_requests_total{route=\"%s\",status=\"%s\"} "
			                 "%llu\n", label, s < N_STATUSES ? status : "other", n);
		}
	}
	return rc;
}

static int write_histogram(const struct route_stats *r, const char *label, struct buf *b)
{
	unsigned long long total = 0;
	int rc = 0;
	for (int i = 0; i <= N_BOUNDS; i++) {
		total += atomic_load(&r->bucket[i]);
		if (i < N_BOUNDS)
			rc |= buf_printf(b, "knooppunt_http_request_duration_seconds_bucket{route=\"%s\","
			                    "le=\"%g\"} %llu\n", label, bounds[i], total);
	}
	return rc | buf_printf(b, "knooppunt_http_request_duration_seconds_bucket{route=\"%s\","
	                          "le=\"+Inf\"} %llu\n"
	                          "knooppunt_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
	                          "knooppunt_http_request_duration_seconds_count{route=\"%s\"} %llu\n",
	                       label, total, label, (double)atomic_load(&r->micros) / 1e6, label,
	                       total);
}

static int write_latency(const struct metrics *m, struct buf *b)
{
	int rc = buf_appends(b, "# HELP knooppunt_http_request_duration_seconds Time to answer, "
	                        "by route.\n"
	                        "# TYPE knooppunt_http_request_duration_seconds histogram\n");
	char label[160];
	for (int i = 0; i < m->n; i++) {
		unsigned long long n = 0;
		for (int k = 0; k <= N_BOUNDS; k++)
			n += atomic_load(&m->routes[i].bucket[k]);
		if (n == 0)
			continue;
		route_label(m, i, label, sizeof label);
		rc |= write_histogram(&m->routes[i], label, b);
	}
	return rc;
}

/* A full buffer is noticed by the next write of write_state. */
static void write_job(void *ctx, const char *job, int64_t runs)
{
	(void)!buf_printf(ctx, "knooppunt_job_runs_total{job=\"%s\"} %lld\n", job,
	                  (long long)runs);
}

/* The index, the outbox, the jobs and the busy retries. */
static int write_state(struct app *app, struct db *db, struct buf *b, struct kp_error *err)
{
	struct match_stats st = { 0 };
	int64_t pending = 0;
	if (app->index != NULL)
		match_index_stats(app->index, &st);
	int rc = buf_printf(b, "# HELP knooppunt_match_index_volunteers Active volunteers in the "
	                       "matching index.\n# TYPE knooppunt_match_index_volunteers gauge\n"
	                       "knooppunt_match_index_volunteers %lld\n"
	                       "# HELP knooppunt_match_index_calls Open calls in the matching index.\n"
	                       "# TYPE knooppunt_match_index_calls gauge\n"
	                       "knooppunt_match_index_calls %lld\n"
	                       "# HELP knooppunt_match_index_bytes Memory held by the matching index.\n"
	                       "# TYPE knooppunt_match_index_bytes gauge\n"
	                       "knooppunt_match_index_bytes %lld\n",
	                    (long long)st.volunteers, (long long)st.calls,
	                    (long long)(st.bytes + st.call_bytes));
	rc |= buf_appends(b, "# HELP knooppunt_job_runs_total Runs of the scheduled jobs.\n"
	                     "# TYPE knooppunt_job_runs_total counter\n");
	if (store_metrics_read(db, &pending, write_job, b, err))
		return KP_ERR;
	rc |= buf_printf(b, "# HELP knooppunt_outbox_pending Mails waiting in the outbox.\n"
	                    "# TYPE knooppunt_outbox_pending gauge\nknooppunt_outbox_pending %lld\n"
	                    "# HELP knooppunt_db_busy_retries_total Use cases run again because the "
	                    "database was busy or a transaction lost a race.\n"
	                    "# TYPE knooppunt_db_busy_retries_total counter\n"
	                    "knooppunt_db_busy_retries_total %llu\n",
	                 (long long)pending, atomic_load(&app->db_retries));
	rc |= buf_appends(b, "# HELP knooppunt_list_forms_total Rows the lists showed, by list and "
	                     "by whether the server held them written (found) or read and wrote "
	                     "them (missed).\n# TYPE knooppunt_list_forms_total counter\n");
	const struct {
		const char *list;
		struct memo *memo;
	} lists[] = { { "calls", app->call_forms }, { "volunteers", app->volunteer_forms } };
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		unsigned long long found = 0, missed = 0;
		if (lists[i].memo != NULL)
			memo_stats(lists[i].memo, &found, &missed);
		rc |= buf_printf(b, "knooppunt_list_forms_total{list=\"%s\",result=\"found\"} %llu\n"
		                    "knooppunt_list_forms_total{list=\"%s\",result=\"missed\"} %llu\n",
		                 lists[i].list, found, lists[i].list, missed);
	}
	return rc ? kp_internal(err) : KP_OK;
}

bool metrics_may_read(const struct app *app, const struct http_request *req)
{
	const char *a = req->remote_addr ? req->remote_addr : "";
	if (app->cfg.metrics_open)
		return true;
	if (http_header(req, "X-Forwarded-For") != NULL || http_header(req, "Forwarded") != NULL)
		return false;
	return strncmp(a, "127.", 4) == 0 || strcmp(a, "::1") == 0 ||
	       strncmp(a, "::ffff:127.", 11) == 0;
}

int metrics_write(struct app *app, struct db *db, struct buf *out, struct kp_error *err)
{
	out->len = 0;
	if (app->metrics == NULL)
		return kp_fail(err, KP_NOT_FOUND, "no_route", "");
	if (write_requests(app->metrics, out) | write_latency(app->metrics, out))
		return kp_internal(err);
	return write_state(app, db, out, err);
}

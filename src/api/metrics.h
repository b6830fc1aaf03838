/*
 * GET /metrics: how the server is doing, in the Prometheus text format
 * (docs/deploy.md, "Metrics"): requests by route and status, a latency
 * histogram per route, the matching index's size, mails waiting in the
 * outbox, runs of the scheduled jobs, and use cases run again because the
 * database was busy or a transaction lost a race.
 *
 * Closed to the outside by default: only a client on the loopback address
 * without a proxy's X-Forwarded-For may read it (others get 404, as if there
 * were nothing), unless KNOOPPUNT_METRICS_OPEN=1 opens it to every address
 * (for a scraper on another machine behind a firewall).
 *
 * Invariants: counters only grow; every counter is atomic, so requests on
 * any thread record without a lock. A route is an index into api_routes[],
 * or METRICS_STATIC for a static file, METRICS_NO_ROUTE for anything else.
 *
 * Ownership: metrics_new returns a registry that metrics_free releases;
 * serve owns it through app->metrics.
 */
#ifndef KP_API_METRICS_H
#define KP_API_METRICS_H

#include "app.h"
#include "db/db.h"
#include "http/http.h"

#define METRICS_STATIC (-2)
#define METRICS_NO_ROUTE (-1)

struct metrics;

struct metrics *metrics_new(void);
void metrics_free(struct metrics *m);

/* Counts one answer of route with status that took `seconds`. m may be NULL. */
void metrics_record(struct metrics *m, int route, int status, double seconds);

/* Whether this request may read the metrics (see above). */
bool metrics_may_read(const struct app *app, const struct http_request *req);

/* The metrics text into out (replacing what it held), reading the database
   through db. */
int metrics_write(struct app *app, struct db *db, struct buf *out, struct kp_error *err);

#endif

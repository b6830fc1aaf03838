/*
 * A seeded generator of a national-scale volunteer network for the matching
 * benchmark: organisations spread over Dutch places (one in ten a volunteer
 * centre), volunteers living near their organisation with varied profiles
 * on the four building blocks, and open calls. Coordinates are rounded to
 * float precision so that the engine (which keeps floats) and plain SQL
 * (which reads doubles) compute with the very same numbers.
 *
 * The generator only fills structs; bench.c writes them to SQLite or puts
 * them straight into an index.
 */
#ifndef KP_CLI_BENCH_NETWORK_H
#define KP_CLI_BENCH_NETWORK_H

#include <stdbool.h>
#include <stdint.h>

#include "model/call.h"
#include "model/catalog.h"
#include "model/organisation.h"
#include "model/volunteer.h"

#define BNET_NEAR_ORGS 4

struct bnet_org {
	int64_t id;
	int place;            /* index into place_table */
	int kind;             /* enum organisation_kind */
	int vog_months;
};

struct bnet {
	uint64_t rng;
	int64_t now;
	struct bnet_org *orgs;
	int n_orgs;
	int *near;            /* per place: BNET_NEAR_ORGS nearest organisations */
	int64_t items[LIST_KIND_COUNT][64];
	int n_items[LIST_KIND_COUNT];
	char text[1024];      /* motivation text of the last volunteer */
};

/* Seeds the generator and reads item ids from lists; orgs get ids later. */
int bnet_init(struct bnet *b, struct catalog *lists, uint64_t seed, int64_t now, int n_orgs);
void bnet_free(struct bnet *b);

/* Organisation i as a full record (name, kind, place) for inserting. */
void bnet_organisation(struct bnet *b, int i, struct organisation *out);

/* Must be called once orgs[i].id are known (after inserting them). */
int bnet_index_places(struct bnet *b);

/* Fills v (id, profile, items; no names beyond a short generated one). */
void bnet_volunteer(struct bnet *b, int64_t id, struct volunteer *v);

/* Fills c as an open call of a random organisation. */
void bnet_call(struct bnet *b, int64_t id, struct call *c);

uint64_t bnet_next(struct bnet *b);

/* Shared by the benchmarks (bench.c). A fresh SQLite file `file` in the
   data directory, replacing an older one unless reuse; the organisations
   of b, then n volunteers (ids 1..n), written in the caller's transaction. */
struct app;
struct db;
struct kp_error;
int bench_open_fresh(struct app *app, const char *file, bool reuse, struct db **db,
                     struct kp_error *err);
int bench_write_orgs(struct db *db, struct bnet *b, int64_t now, struct kp_error *err);
int bench_write_volunteers(struct db *db, struct bnet *b, int n, struct kp_error *err);

double bench_percentile(double *v, int n, double p);

/* knooppunt bench hours (bench_hours.c). */
int bench_hours(int argc, char **argv, struct app *app);

#endif

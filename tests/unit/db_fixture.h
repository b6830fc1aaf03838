/*
 * Shared set-up of the db_* unit tests: a fresh SQLite file in its own
 * temporary directory, migrated, with the default shared lists, a network
 * and two organisations. The fixture owns the connection and the directory
 * and removes both in fixture_teardown.
 */
#ifndef KP_TESTS_UNIT_DB_FIXTURE_H
#define KP_TESTS_UNIT_DB_FIXTURE_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/store.h"
#include "model/place.h"

struct fixture {
	char dir[64];          /* the temporary directory */
	char path[128];        /* the database file in it */
	struct db *db;         /* owned */
	int64_t network;
	int64_t org, org2;     /* two organisations */
	int64_t now;
};

static void fixture_remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return;
	struct dirent *e;
	char path[512];
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static inline int64_t fixture_item(struct fixture *f, int kind, const char *code)
{
	int64_t id = 0;
	struct kp_error err = { 0 };
	if (store_list_item_find(f->db, kind, code, "item", &id, &err) != KP_OK)
		fail_msg("no default item %s", code);
	return id;
}

static inline int64_t fixture_org(struct fixture *f, const char *name, const char *municipality)
{
	struct organisation o;
	struct kp_error err = { 0 };
	organisation_init(&o);
	o.network_id = f->network;
	snprintf(o.name, sizeof o.name, "%s", name);
	snprintf(o.municipality, sizeof o.municipality, "%s", municipality);
	o.created_at = o.updated_at = f->now;
	if (store_organisation_insert(f->db, &o, &err) != KP_OK)
		fail_msg("organisation insert: %s %s", err.code, err.detail);
	return o.id;
}

/* A valid volunteer of organisation org living in `place`. */
static inline void fixture_volunteer(struct fixture *f, struct volunteer *v, int64_t org,
                                     const char *first, const char *last, const char *place)
{
	volunteer_init(v);
	v->organisation_id = org;
	snprintf(v->first_name, sizeof v->first_name, "%s", first);
	snprintf(v->last_name, sizeof v->last_name, "%s", last);
	snprintf(v->place, sizeof v->place, "%s", place);
	const struct place *p = place_lookup(place, "place", NULL);
	if (p == NULL)
		fail_msg("unknown place %s", place);
	v->lat = p->lat;
	v->lon = p->lon;
	snprintf(v->started_on, sizeof v->started_on, "2026-01-15");
	v->created_at = v->updated_at = f->now;
}

static inline int64_t fixture_insert_volunteer(struct fixture *f, int64_t org, const char *first,
                                               const char *last, const char *place)
{
	struct volunteer *v = malloc(sizeof *v);
	struct kp_error err = { 0 };
	assert_non_null(v);
	fixture_volunteer(f, v, org, first, last, place);
	if (store_volunteer_insert(f->db, v, false, &err) != KP_OK)
		fail_msg("volunteer insert: %s %s", err.code, err.detail);
	int64_t id = v->id;
	free(v);
	return id;
}

/* A valid one-off call of organisation org. */
static inline void fixture_call(struct fixture *f, struct call *c, int64_t org, const char *title)
{
	call_init(c);
	c->organisation_id = org;
	snprintf(c->title, sizeof c->title, "%s", title);
	c->activity_id = fixture_item(f, LIST_ACTIVITY, "wandelen");
	snprintf(c->place, sizeof c->place, "Dordrecht");
	c->lat = 51.81;
	c->lon = 4.67361;
	snprintf(c->one_off_date, sizeof c->one_off_date, "2026-12-05");
	c->created_at = c->updated_at = f->now;
}

static inline int64_t fixture_insert_call(struct fixture *f, int64_t org, const char *title)
{
	struct call *c = malloc(sizeof *c);
	struct kp_error err = { 0 };
	assert_non_null(c);
	fixture_call(f, c, org, title);
	if (store_call_insert(f->db, c, &err) != KP_OK)
		fail_msg("call insert: %s %s", err.code, err.detail);
	int64_t id = c->id;
	free(c);
	return id;
}

static int fixture_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct kp_error err = { 0 };
	if (f == NULL)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/unit-db-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->path, sizeof f->path, "%s/knooppunt.db", f->dir);
	f->now = 1795000000;
	if (db_open(f->path, &f->db, &err) || db_begin(f->db, &err) ||
	    store_lists_seed_defaults(f->db, &err) ||
	    store_network_ensure(f->db, "Drechtsteden", "Drechtsteden", f->now, &f->network, &err) ||
	    db_commit(f->db, &err)) {
		fprintf(stderr, "fixture: %s %s %s\n", err.code, err.field, err.detail);
		return -1;
	}
	f->org = fixture_org(f, "Humanitas Dordrecht", "Dordrecht");
	f->org2 = fixture_org(f, "Zonnebloem Zwijndrecht", "Zwijndrecht");
	*state = f;
	return 0;
}

static int fixture_teardown(void **state)
{
	struct fixture *f = *state;
	if (f == NULL)
		return 0;
	db_close(f->db);
	fixture_remove_dir(f->dir);
	free(f);
	*state = NULL;
	return 0;
}

#endif

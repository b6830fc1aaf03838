/* Two coordinators editing one volunteer or one call at the same moment:
   edits of different fields both stay; of the same field exactly one wins and
   the other gets 409 changed_meanwhile with the record as it is now. Both
   start from the version they read, as a form does. */
#include "support.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define PAIRS 200

/* One editor: its own session, thread and request of the current round. */
struct editor {
	struct client cl;
	pthread_t thread;
	char path[64];
	char body[256];
	long status;
	char code[40];
	json_t *current;   /* "current" of a 409 answer, owned */
};

struct race {
	struct editor ed[2];
	pthread_barrier_t start, done;
	bool stop;
};

struct worker {
	struct race *race;
	int who;
};

static void *worker_run(void *arg)
{
	struct worker *w = arg;
	struct race *r = w->race;
	struct editor *ed = &r->ed[w->who];
	for (;;) {
		pthread_barrier_wait(&r->start);
		if (r->stop)
			break;
		long status = 0;
		json_t *doc = client_request(&ed->cl, "PATCH", ed->path, ed->body, &status);
		ed->status = status;
		snprintf(ed->code, sizeof ed->code, "%s", json_str(doc, "code"));
		json_decref(ed->current);
		ed->current = json_incref(json_object_get(doc, "current"));
		json_decref(doc);
		pthread_barrier_wait(&r->done);
	}
	return NULL;
}

static int64_t version_of(struct client *cl, const char *path)
{
	json_t *doc = expect(cl, "GET", path, NULL, 200);
	int64_t v = json_id(doc, "version");
	json_decref(doc);
	return v;
}

/* Both editors send their body at once; returns after both answered. */
static void race_round(struct race *r)
{
	pthread_barrier_wait(&r->start);
	pthread_barrier_wait(&r->done);
}

static void set_edit(struct editor *ed, const char *path, int64_t version, const char *field,
                     const char *value)
{
	snprintf(ed->path, sizeof ed->path, "%s", path);
	snprintf(ed->body, sizeof ed->body, "{\"version\":%lld,\"%s\":\"%s\"}", (long long)version,
	         field, value);
}

struct tally {
	int both_kept, one_won, lost, other;
};

/* Different fields, both must be in the record afterwards. */
static void different_fields(struct race *r, struct client *reader, const char *path,
                             const char *f0, const char *f1, int i, struct tally *t)
{
	char v0[48], v1[48];
	snprintf(v0, sizeof v0, "eerste-%d", i);
	snprintf(v1, sizeof v1, "tweede-%d", i);
	int64_t version = version_of(reader, path);
	set_edit(&r->ed[0], path, version, f0, v0);
	set_edit(&r->ed[1], path, version, f1, v1);
	race_round(r);
	json_t *doc = expect(reader, "GET", path, NULL, 200);
	bool kept = r->ed[0].status == 200 && r->ed[1].status == 200 &&
	            strcmp(json_str(doc, f0), v0) == 0 && strcmp(json_str(doc, f1), v1) == 0;
	if (kept)
		t->both_kept++;
	else
		t->lost++;
	json_decref(doc);
}

/* The same field: exactly one 200, the other 409 showing the winner's value. */
static void same_field(struct race *r, struct client *reader, const char *path,
                       const char *field, int i, struct tally *t)
{
	char v[2][48];
	int64_t version = version_of(reader, path);
	for (int k = 0; k < 2; k++) {
		snprintf(v[k], sizeof v[k], "editor%d-%d", k, i);
		set_edit(&r->ed[k], path, version, field, v[k]);
	}
	race_round(r);
	int won = r->ed[0].status == 200 ? 0 : 1;
	struct editor *loser = &r->ed[1 - won];
	json_t *doc = expect(reader, "GET", path, NULL, 200);
	bool ok = r->ed[won].status == 200 && loser->status == 409 &&
	          strcmp(loser->code, "changed_meanwhile") == 0 && loser->current != NULL &&
	          strcmp(json_str(loser->current, field), v[won]) == 0 &&
	          strcmp(json_str(doc, field), v[won]) == 0;
	if (ok)
		t->one_won++;
	else
		t->other++;
	json_decref(doc);
}

static void race_start(struct env *e, struct race *r, struct worker w[2], int64_t org)
{
	char email[64];
	memset(r, 0, sizeof *r);
	pthread_barrier_init(&r->start, NULL, 3);
	pthread_barrier_init(&r->done, NULL, 3);
	for (int k = 0; k < 2; k++) {
		fx_email(&e->srv, "coordinator", email, sizeof email);
		fx_account(&e->admin, "coordinator", email, org, 0);
		client_init(&r->ed[k].cl, &e->srv);
		assert_int_equal(client_login(&r->ed[k].cl, email, FX_PASSWORD), 201);
		w[k] = (struct worker){ r, k };
		assert_int_equal(pthread_create(&r->ed[k].thread, NULL, worker_run, &w[k]), 0);
	}
}

static void race_stop(struct race *r)
{
	r->stop = true;
	pthread_barrier_wait(&r->start);
	for (int k = 0; k < 2; k++) {
		pthread_join(r->ed[k].thread, NULL);
		json_decref(r->ed[k].current);
		client_free(&r->ed[k].cl);
	}
	pthread_barrier_destroy(&r->start);
	pthread_barrier_destroy(&r->done);
}

static void run_races(struct env *e, const char *path, const char *f0, const char *f1,
                      int64_t org)
{
	struct race r;
	struct worker w[2];
	struct tally t = { 0 };
	race_start(e, &r, w, org);
	for (int i = 0; i < PAIRS; i++)
		different_fields(&r, &e->admin, path, f0, f1, i, &t);
	for (int i = 0; i < PAIRS; i++)
		same_field(&r, &e->admin, path, f0, i, &t);
	race_stop(&r);
	printf("# %s: different fields %d of %d kept both, %d lost one; same field %d of %d "
	       "one winner and one 409, %d otherwise\n",
	       path, t.both_kept, PAIRS, t.lost, t.one_won, PAIRS, t.other);
	assert_int_equal(t.both_kept, PAIRS);
	assert_int_equal(t.one_won, PAIRS);
}

static void volunteer_edits_race(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Gelijktijdig");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	run_races(e, path, "phone", "motivation_text", org);
}

static void call_edits_race(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Gelijktijdige oproepen");
	int64_t call = fx_call(&e->admin, org, "Boodschappenhulp");
	char path[64];
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);
	run_races(e, path, "title", "description", org);
}

/* The ETag of a record is its version; If-Match with an old one refuses a
   change to a field changed since, and accepts one to another field. */
static void if_match_header(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Versies");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	int64_t v = version_of(&e->admin, path);
	json_decref(expect(&e->admin, "PATCH", path, "{\"phone\":\"010-1234567\"}", 200));
	snprintf(e->admin.if_match, sizeof e->admin.if_match, "\"%lld\"", (long long)v);
	json_t *doc = expect(&e->admin, "PATCH", path, "{\"phone\":\"06-7654321\"}", 409);
	assert_problem(&e->admin, doc, 409, "phone");
	assert_string_equal(json_str(json_object_get(doc, "current"), "phone"), "010-1234567");
	json_decref(doc);
	doc = expect(&e->admin, "PATCH", path, "{\"place\":\"Sliedrecht\"}", 200);
	assert_string_equal(json_str(doc, "place"), "Sliedrecht");
	assert_string_equal(json_str(doc, "phone"), "010-1234567");
	assert_int_equal(json_id(doc, "version"), v + 2);
	json_decref(doc);
	/* The same value as is stored now is no change, so no conflict either. */
	json_decref(expect(&e->admin, "PATCH", path, "{\"phone\":\"010-1234567\"}", 200));
	snprintf(e->admin.if_match, sizeof e->admin.if_match, "nonsense");
	doc = expect(&e->admin, "PATCH", path, "{\"phone\":\"1\"}", 400);
	assert_problem(&e->admin, doc, 400, "If-Match");
	json_decref(doc);
	e->admin.if_match[0] = '\0';
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(if_match_header),
		cmocka_unit_test(volunteer_edits_race),
		cmocka_unit_test(call_edits_race),
	};
	return cmocka_run_group_tests(tests, env_setup, env_teardown);
}

/* A view that was answered was logged: clients read one volunteer's record
   from several connections at once, the server is killed (SIGKILL) in the
   middle, and the audit log then holds a row for every view a client had
   its answer for. And a view whose row cannot be written is not answered.
   The answer waits for the group commit of its row without holding a
   server thread (http_hold); this is what that must keep. */
#include "support.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db/db.h"

#define READERS 4

struct reader {
	struct server *srv;
	char path[64];
	atomic_int *ready;        /* readers logged in */
	atomic_bool *go, *stop;
	long answered;            /* views answered 200 with the record */
	bool logged_in;
};

static void *read_record(void *arg)
{
	struct reader *r = arg;
	struct client cl;
	client_init(&cl, r->srv);
	r->logged_in = client_login(&cl, ADMIN_EMAIL, ADMIN_PASSWORD) == 201;
	atomic_fetch_add(r->ready, 1);
	while (!atomic_load(r->go))
		usleep(1000);
	while (r->logged_in && !atomic_load(r->stop)) {
		long status = 0;
		json_t *doc = client_request(&cl, "GET", r->path, NULL, &status);
		if (status == 200 && doc != NULL && json_object_get(doc, "id") != NULL)
			r->answered++;
		json_decref(doc);
		if (status != 200)
			break; /* the server is gone */
	}
	client_free(&cl);
	return NULL;
}

/* The record of a new active volunteer of a new organisation, in path. */
static void volunteer_record(struct env *e, const char *org_name, char *path, size_t cap)
{
	int64_t v = fx_volunteer(&e->admin, fx_organisation(&e->admin, org_name), "active");
	snprintf(path, cap, "/api/volunteers/%lld", (long long)v);
}

static void views_answered_before_a_kill_are_logged(void **state)
{
	struct env *e = *state;
	struct server *srv = &e->srv;
	char path[64];
	volunteer_record(e, "Logboek Dordrecht", path, sizeof path);
	/* The rows one view writes (the record, and its lived experience). */
	int64_t rows = count_rows(srv, "audit_log");
	json_decref(expect(&e->admin, "GET", path, NULL, 200));
	int64_t per_view = count_rows(srv, "audit_log") - rows;
	assert_true(per_view >= 1);

	atomic_int ready = 0;
	atomic_bool go = false, stop = false;
	struct reader r[READERS];
	pthread_t t[READERS];
	for (int i = 0; i < READERS; i++) {
		r[i] = (struct reader){ .srv = srv, .ready = &ready, .go = &go, .stop = &stop };
		snprintf(r[i].path, sizeof r[i].path, "%s", path);
		assert_int_equal(pthread_create(&t[i], NULL, read_record, &r[i]), 0);
	}
	while (atomic_load(&ready) < READERS)
		usleep(1000);
	/* From here on only the views write to the audit log. */
	int64_t before = count_rows(srv, "audit_log");
	atomic_store(&go, true);
	usleep(800 * 1000);
	kill(srv->pid, SIGKILL);
	waitpid(srv->pid, NULL, 0);
	srv->pid = 0; /* env_teardown has only the data to remove */
	atomic_store(&stop, true);
	long answered = 0;
	for (int i = 0; i < READERS; i++) {
		pthread_join(t[i], NULL);
		assert_true(r[i].logged_in);
		answered += r[i].answered;
	}
	int64_t after = count_rows(srv, "audit_log");
	print_message("# %ld views answered before the kill, %lld audit rows written "
	              "(%lld a view)\n", answered, (long long)(after - before),
	              (long long)per_view);
	assert_true(answered > 50); /* it was under load when killed */
	assert_true(before >= 0 && after - before >= per_view * answered);
}

/* Runs sql (one statement per backend) on the server's database. */
static void run_sql(const struct server *srv, const char *sqlite, const char *postgres)
{
	struct db *db = NULL;
	struct kp_error err = { 0 };
	bool pg = srv->db_url[0] != '\0';
	assert_int_equal(db_open(pg ? srv->db_url : srv->sqlite_path, &db, &err), KP_OK);
	assert_int_equal(db_exec(db, pg ? postgres : sqlite, &err), KP_OK);
	db_close(db);
}

static void view_whose_row_fails_is_not_answered(void **state)
{
	struct env *e = *state;
	struct client *admin = &e->admin;
	char path[64];
	volunteer_record(e, "Logboek Zwijndrecht", path, sizeof path);
	json_t *doc = expect(admin, "GET", path, NULL, 200);
	char name[64];
	snprintf(name, sizeof name, "%s", json_str(doc, "last_name"));
	json_decref(doc);
	run_sql(&e->srv,
	        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
	        "BEGIN SELECT RAISE(ABORT, 'geweigerd'); END",
	        "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS "
	        "$$ BEGIN RAISE EXCEPTION 'geweigerd'; END $$; "
	        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
	        "FOR EACH ROW EXECUTE FUNCTION refuse_audit()");
	long status = 0;
	json_decref(client_request(admin, "GET", path, NULL, &status));
	assert_int_equal(status, 503);
	assert_null(strstr(admin->raw, name));
	run_sql(&e->srv, "DROP TRIGGER refuse_audit", "DROP TRIGGER refuse_audit ON audit_log");
	json_decref(expect(admin, "GET", path, NULL, 200));
}

int main(void)
{
	/* Each test has a server of its own: the first kills it. */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(views_answered_before_a_kill_are_logged, env_setup,
		                                env_teardown),
		cmocka_unit_test_setup_teardown(view_whose_row_fails_is_not_answered, env_setup,
		                                env_teardown),
	};
	return cmocka_run_group_tests_name("audit_crash", tests, NULL, NULL);
}

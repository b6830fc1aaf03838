/*
 * knooppunt backup and restore against a serving server on SQLite: three
 * backups taken while another thread keeps registering volunteers through
 * the API are each an intact database of one moment (between the counts
 * before and after), and each restores into a fresh place with identical
 * row counts and checksums; once the writes stop, a backup has the same
 * checksum as the live database. A backup never overwrites a file, and a
 * file that is no database is not restored. On PostgreSQL (pg_dump there,
 * docs/deploy.md) the test is skipped.
 */
#include "support.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define BACKUPS 3

struct writer {
	struct server *srv;
	int64_t org;
	struct client cl;
	atomic_int stop;
	atomic_int written;
};

static void *write_volunteers(void *arg)
{
	struct writer *w = arg;
	char body[256];
	for (int i = 0; !atomic_load(&w->stop); i++) {
		snprintf(body, sizeof body, "{\"first_name\":\"Schrijver\",\"last_name\":\"Nummer %d\","
		         "\"place\":\"Dordrecht\",\"organisation_id\":%lld}", i, (long long)w->org);
		long status = 0;
		json_decref(client_request(&w->cl, "POST", "/api/volunteers", body, &status));
		if (status == 201)
			atomic_fetch_add(&w->written, 1);
	}
	return NULL;
}

/* Runs knooppunt with args; returns its exit status. */
static int knooppunt(const char *const *args)
{
	const char *bin = getenv("KNOOPPUNT_BIN");
	char *argv[16];
	int n = 0;
	argv[n++] = (char *)bin;
	for (; args[n - 1] != NULL && n < 15; n++)
		argv[n] = (char *)args[n - 1];
	argv[n] = NULL;
	pid_t pid = fork();
	if (pid == 0) {
		freopen("/dev/null", "w", stdout);
		execv(bin, argv);
		_exit(127);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static struct server at(const char *path)
{
	struct server s;
	size_t n = strlen(path);
	memset(&s, 0, sizeof s);
	if (n >= sizeof s.sqlite_path)
		fail_msg("path too long: %s", path);
	memcpy(s.sqlite_path, path, n + 1);
	return s;
}

static void backup_to(struct server *srv, const char *path)
{
	const char *args[] = { "backup", "--db", srv->sqlite_path, "--to", path, NULL };
	assert_int_equal(knooppunt(args), 0);
}

/* Restores backup into a fresh file and compares counts and checksums. */
static void check_restore(struct server *srv, const char *backup, int n)
{
	char restored[300];
	snprintf(restored, sizeof restored, "%s/restored-%d.db", srv->dir, n);
	const char *args[] = { "restore", "--db", restored, "--from", backup, NULL };
	assert_int_equal(knooppunt(args), 0);
	struct server b = at(backup), r = at(restored);
	static const char *const tables[] = { "volunteers", "volunteer_items", "audit_log",
	                                      "changes", "organisations", "accounts" };
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		assert_int_equal(count_rows(&r, tables[i]), count_rows(&b, tables[i]));
	assert_true(db_fingerprint(&r) != 0);
	assert_true(db_fingerprint(&r) == db_fingerprint(&b));
}

static void test_backup_under_write_load_restores_identically(void **state)
{
	struct env *e = *state;
	if (e->srv.db_url[0] != '\0')
		skip();
	struct writer w = { .srv = &e->srv, .org = fx_organisation(&e->admin, "Back-uporganisatie") };
	fx_login(e, &w.cl, "coordinator", w.org, 0);
	int64_t before = count_rows(&e->srv, "volunteers");
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, write_volunteers, &w), 0);
	char path[BACKUPS][300];
	int64_t seen[BACKUPS];
	for (int i = 0; i < BACKUPS; i++) {
		while (atomic_load(&w.written) < 20 * (i + 1))
			usleep(10000);
		snprintf(path[i], sizeof path[i], "%s/backup-%d.db", e->srv.dir, i);
		backup_to(&e->srv, path[i]);
		struct server b = at(path[i]);
		seen[i] = count_rows(&b, "volunteers");
	}
	atomic_store(&w.stop, 1);
	pthread_join(t, NULL);
	int64_t after = count_rows(&e->srv, "volunteers");
	assert_int_equal(after, before + atomic_load(&w.written));
	for (int i = 0; i < BACKUPS; i++) {
		assert_true(seen[i] > before && seen[i] <= after);
		assert_true(i == 0 || seen[i] >= seen[i - 1]);
		check_restore(&e->srv, path[i], i);
	}
	/* quiet now: a backup is the live database */
	char last[300];
	snprintf(last, sizeof last, "%s/backup-quiet.db", e->srv.dir);
	backup_to(&e->srv, last);
	struct server q = at(last);
	assert_true(db_fingerprint(&q) == db_fingerprint(&e->srv));
	check_restore(&e->srv, last, BACKUPS);
	client_free(&w.cl);
}

static void test_refusals(void **state)
{
	struct env *e = *state;
	if (e->srv.db_url[0] != '\0')
		skip();
	char path[300], junk[300], target[300];
	snprintf(path, sizeof path, "%s/backup-twice.db", e->srv.dir);
	backup_to(&e->srv, path);
	const char *again[] = { "backup", "--db", e->srv.sqlite_path, "--to", path, NULL };
	assert_int_equal(knooppunt(again), 1);
	snprintf(junk, sizeof junk, "%s/junk.db", e->srv.dir);
	FILE *f = fopen(junk, "w");
	assert_non_null(f);
	fputs("Voornaam;Achternaam\n", f);
	fclose(f);
	snprintf(target, sizeof target, "%s/target.db", e->srv.dir);
	const char *bad[] = { "restore", "--db", target, "--from", junk, NULL };
	assert_int_equal(knooppunt(bad), 1);
	assert_int_not_equal(access(target, F_OK), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backup_under_write_load_restores_identically),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, env_setup, env_teardown);
}

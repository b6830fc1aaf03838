#include "db_test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char cluster_dir[256];
static int databases;

static const char *pg_bin(void)
{
	const char *b = getenv("PG_BIN");
	return b && *b ? b : "/usr/lib/postgresql/15/bin";
}

const char *test_sqlite_path(const char *name)
{
	static char path[512];
	char dir[] = "/tmp/kp-test-XXXXXX";
	if (mkdtemp(dir) == NULL)
		return "/nonexistent/test.db";
	snprintf(path, sizeof path, "%s/%s.db", dir, name);
	return path;
}

bool test_pg_available(void)
{
	char initdb[512];
	snprintf(initdb, sizeof initdb, "%s/initdb", pg_bin());
	return access(initdb, X_OK) == 0;
}

/* Runs cmd and copies the first line of its output into out. */
static int run_line(const char *cmd, char *out, size_t cap)
{
	FILE *p = popen(cmd, "r");
	if (p == NULL)
		return -1;
	if (fgets(out, (int)cap, p) == NULL)
		out[0] = '\0';
	int status = pclose(p);
	out[strcspn(out, "\n")] = '\0';
	if (status != 0 || out[0] == '\0') {
		fprintf(stderr, "test: '%s' failed (status %d)\n", cmd, status);
		return -1;
	}
	return 0;
}

static const char *script(void)
{
	static char path[512];
	const char *src = getenv("KNOOPPUNT_SRC");
	snprintf(path, sizeof path, "%s/scripts/pg-test-cluster", src && *src ? src : ".");
	return path;
}

int test_pg_url(char *url, size_t cap)
{
	char cmd[1024], line[512];
	if (cluster_dir[0] == '\0') {
		char dir[] = "/tmp/kp-pgtest-XXXXXX";
		if (mkdtemp(dir) == NULL)
			return -1;
		snprintf(cluster_dir, sizeof cluster_dir, "%s", dir);
		snprintf(cmd, sizeof cmd, "'%s' start '%s' 2>/dev/null", script(), cluster_dir);
		if (run_line(cmd, line, sizeof line) != 0)
			return -1;
	}
	snprintf(cmd, sizeof cmd, "'%s' createdb '%s' kp_unit_%d_%d", script(), cluster_dir,
	         (int)getpid(), ++databases);
	if (run_line(cmd, line, sizeof line) != 0)
		return -1;
	snprintf(url, cap, "%s", line);
	return 0;
}

void test_pg_stop(void)
{
	if (cluster_dir[0] == '\0')
		return;
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "'%s' stop '%s'", script(), cluster_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "test: could not stop the cluster in %s\n", cluster_dir);
	cluster_dir[0] = '\0';
}

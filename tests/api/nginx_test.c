/*
 * The deployment of docs/deploy.md, run for real: nginx with the
 * configuration docs/nginx/knooppunt.conf (only its ports replaced) in front
 * of two app servers on one database. Requests are spread over both servers,
 * a session made through nginx works whichever server answers, and when one
 * server stops the other carries on.
 */
#include "support.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NGINX "/usr/sbin/nginx"

struct site {
	struct server a, b;
	struct server proxy;   /* only base/port: the address of nginx */
	char dir[64];
	pid_t nginx;
	char upstream[64];     /* X-Knooppunt-Upstream of the last answer */
};

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	static char text[16384];
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	return text;
}

/* Replaces the one occurrence of from in text (cap bytes) with to. */
static int replace_once(char *text, size_t cap, const char *from, const char *to)
{
	char *hit = strstr(text, from);
	if (hit == NULL || strstr(hit + 1, from) != NULL)
		return -1;
	size_t tail = strlen(hit + strlen(from));
	if (strlen(text) - strlen(from) + strlen(to) + 1 > cap)
		return -1;
	memmove(hit + strlen(to), hit + strlen(from), tail + 1);
	memcpy(hit, to, strlen(to));
	return 0;
}

static int free_port(void)
{
	FILE *p = popen("python3 -c 'import socket; s=socket.socket(); "
	                "s.bind((\"127.0.0.1\", 0)); print(s.getsockname()[1])'", "r");
	int port = -1;
	if (p != NULL) {
		char line[16] = "";
		if (fgets(line, sizeof line, p) != NULL)
			port = (int)strtol(line, NULL, 10);
		pclose(p);
	}
	return port;
}

static int write_config(struct site *s, int port)
{
	const char *src = getenv("KNOOPPUNT_SRC");
	char conf_path[512];
	snprintf(conf_path, sizeof conf_path, "%s/docs/nginx/knooppunt.conf", src ? src : ".");
	char *site = read_file(conf_path);
	if (site == NULL)
		return -1;
	char a[64], b[64], listen[64], path[128];
	snprintf(a, sizeof a, "127.0.0.1:%d ", s->a.port);
	snprintf(b, sizeof b, "127.0.0.1:%d ", s->b.port);
	snprintf(listen, sizeof listen, "listen 127.0.0.1:%d;", port);
	if (replace_once(site, 16384, "127.0.0.1:8081 ", a) ||
	    replace_once(site, 16384, "127.0.0.1:8082 ", b) ||
	    replace_once(site, 16384, "listen 80;", listen)) {
		fprintf(stderr, "docs/nginx/knooppunt.conf no longer has the expected ports\n");
		return -1;
	}
	snprintf(path, sizeof path, "%s/knooppunt.conf", s->dir);
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fputs(site, f);
	fclose(f);
	snprintf(path, sizeof path, "%s/nginx.conf", s->dir);
	f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fprintf(f, "%sdaemon off;\nworker_processes 1;\npid %s/nginx.pid;\n"
	           "error_log %s/error.log;\nevents { worker_connections 256; }\n"
	           "http {\n\taccess_log off;\n\tclient_body_temp_path %s/body;\n"
	           "\tproxy_temp_path %s/proxy;\n\tfastcgi_temp_path %s/fastcgi;\n"
	           "\tuwsgi_temp_path %s/uwsgi;\n\tscgi_temp_path %s/scgi;\n"
	           "\tinclude %s/knooppunt.conf;\n}\n",
	        geteuid() == 0 ? "user root;\n" : "", s->dir, s->dir, s->dir, s->dir, s->dir,
	        s->dir, s->dir, s->dir);
	fclose(f);
	return 0;
}

static int start_nginx(struct site *s)
{
	int port = free_port();
	if (port <= 0 || write_config(s, port) != 0)
		return -1;
	char conf[128], prefix[80];
	snprintf(conf, sizeof conf, "%s/nginx.conf", s->dir);
	snprintf(prefix, sizeof prefix, "%s/", s->dir);
	s->nginx = fork();
	if (s->nginx == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, STDERR_FILENO);
		execl(NGINX, NGINX, "-c", conf, "-p", prefix, (char *)NULL);
		_exit(127);
	}
	s->proxy.port = port;
	snprintf(s->proxy.base, sizeof s->proxy.base, "http://127.0.0.1:%d", port);
	struct client cl;
	client_init(&cl, &s->proxy);
	int rc = -1;
	for (int i = 0; i < 200 && rc != 0; i++) {
		long status = 0;
		json_decref(client_request(&cl, "GET", "/api/health", NULL, &status));
		if (status == 200)
			rc = 0;
		else
			usleep(25000);
	}
	client_free(&cl);
	return rc;
}

static int setup(void **state)
{
	if (access(NGINX, X_OK) != 0)
		return 0;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	struct site *s = calloc(1, sizeof *s);
	if (s == NULL)
		return -1;
	*state = s; /* teardown cleans up whatever started */
	snprintf(s->dir, sizeof s->dir, "/tmp/kp-nginx-XXXXXX");
	if (mkdtemp(s->dir) == NULL || server_start(&s->a) != 0 ||
	    server_start_on(&s->b, &s->a) != 0 || start_nginx(s) != 0)
		return -1;
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct site *s = *state;
	if (s == NULL)
		return 0;
	if (s->nginx > 0) {
		kill(s->nginx, SIGQUIT);
		waitpid(s->nginx, NULL, 0);
	}
	server_stop(&s->b);
	server_stop(&s->a);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", s->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", s->dir);
	free(s);
	return 0;
}

static size_t on_header(char *data, size_t size, size_t n, void *ctx)
{
	struct site *s = ctx;
	size_t len = size * n;
	static const char name[] = "X-Knooppunt-Upstream: ";
	if (len > sizeof name - 1 && strncasecmp(data, name, sizeof name - 1) == 0) {
		size_t v = len - (sizeof name - 1);
		while (v > 0 && (data[sizeof name - 2 + v] == '\r' || data[sizeof name - 2 + v] == '\n'))
			v--;
		snprintf(s->upstream, sizeof s->upstream, "%.*s", (int)v, data + sizeof name - 1);
	}
	return len;
}

static void requests_spread_and_sessions_follow(void **state)
{
	struct site *s = *state;
	if (s == NULL)
		skip();
	struct client cl;
	client_init(&cl, &s->proxy);
	curl_easy_setopt(cl.curl, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(cl.curl, CURLOPT_HEADERDATA, s);
	assert_int_equal(client_login(&cl, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	char want_a[32], want_b[32];
	snprintf(want_a, sizeof want_a, "127.0.0.1:%d", s->a.port);
	snprintf(want_b, sizeof want_b, "127.0.0.1:%d", s->b.port);
	int on_a = 0, on_b = 0;
	for (int i = 0; i < 20; i++) {
		s->upstream[0] = '\0';
		json_t *doc = expect(&cl, "GET", "/api/session", NULL, 200);
		assert_string_equal(json_str(doc, "email"), ADMIN_EMAIL);
		json_decref(doc);
		on_a += strcmp(s->upstream, want_a) == 0;
		on_b += strcmp(s->upstream, want_b) == 0;
	}
	print_message("# through nginx: %d answers from A, %d from B\n", on_a, on_b);
	assert_int_equal(on_a + on_b, 20);
	assert_true(on_a > 0 && on_b > 0);

	/* Writes through nginx land in the shared database, whoever takes them. */
	int64_t org = fx_organisation(&cl, "Achter nginx");
	int64_t vol = fx_volunteer(&cl, org, "active");
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	for (int i = 0; i < 4; i++)
		json_decref(expect(&cl, "GET", path, NULL, 200));

	/* One server stops: the other answers everything, with the same session. */
	assert_int_equal(server_stop(&s->b), 0);
	for (int i = 0; i < 10; i++) {
		s->upstream[0] = '\0';
		json_decref(expect(&cl, "GET", path, NULL, 200));
		assert_non_null(strstr(s->upstream, want_a));
	}
	client_free(&cl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(requests_spread_and_sessions_follow),
	};
	if (access(NGINX, X_OK) != 0) {
		printf("1..1\nok 1 - requests_spread_and_sessions_follow # SKIP no nginx\n");
		return 0;
	}
	return cmocka_run_group_tests_name("nginx", tests, setup, teardown);
}

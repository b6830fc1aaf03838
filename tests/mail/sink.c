/* The test SMTP server from C (sink.h). */
#include "sink.h"

#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int mail_sink_start(struct mail_sink *s, const char *mode)
{
	int to_child[2], from_child[2];
	const char *src = getenv("KNOOPPUNT_SRC");
	char script[512], line[32] = "";
	snprintf(script, sizeof script, "%s/tests/mail/smtp_sink.py", src ? src : ".");
	snprintf(s->dir, sizeof s->dir, "/tmp/kp-mail-XXXXXX");
	if (mkdtemp(s->dir) == NULL || pipe(to_child) != 0 || pipe(from_child) != 0)
		return -1;
	s->pid = fork();
	if (s->pid < 0)
		return -1;
	if (s->pid == 0) {
		dup2(to_child[0], 0);
		dup2(from_child[1], 1);
		close(to_child[1]);
		close(from_child[0]);
		/* Debian's Python, where python3-aiosmtpd is installed. */
		execl("/usr/bin/python3", "/usr/bin/python3", "-I", script, mode, s->dir, (char *)NULL);
		_exit(127);
	}
	close(to_child[0]);
	close(from_child[1]);
	s->in = fdopen(to_child[1], "w");
	FILE *out = fdopen(from_child[0], "r");
	if (s->in == NULL || out == NULL || fgets(line, sizeof line, out) == NULL) {
		if (out)
			fclose(out);
		return -1;
	}
	fclose(out);
	s->port = (int)strtol(line, NULL, 10);
	return s->port > 0 ? 0 : -1;
}

void mail_sink_stop(struct mail_sink *s)
{
	if (s->in != NULL)
		fclose(s->in);
	waitpid(s->pid, NULL, 0);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", s->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", s->dir);
}

/* Calls each(ctx, text) for every message that arrived; stops on non-zero. */
static int walk(const struct mail_sink *s, int (*each)(void *ctx, const char *text), void *ctx)
{
	DIR *d = opendir(s->dir);
	struct dirent *e;
	int rc = 0;
	static char text[64 * 1024];
	while (d != NULL && rc == 0 && (e = readdir(d)) != NULL) {
		if (strstr(e->d_name, ".eml") == NULL)
			continue;
		char path[340];
		snprintf(path, sizeof path, "%s/%s", s->dir, e->d_name);
		FILE *f = fopen(path, "r");
		size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
		text[n] = '\0';
		if (f)
			fclose(f);
		rc = each(ctx, text);
	}
	if (d)
		closedir(d);
	return rc;
}

struct find {
	const char *to;
	const char *holding;
	char *out;
	size_t cap;
	int found;
};

static bool addressed_to(const char *text, const char *to)
{
	const char *end = strstr(text, "\r\n");
	size_t head = strlen("X-Envelope-To: ");
	return strncmp(text, "X-Envelope-To: ", head) == 0 && end != NULL &&
	       (size_t)(end - text) - head == strlen(to) && strncmp(text + head, to, strlen(to)) == 0;
}

static int count_one(void *ctx, const char *text)
{
	struct find *f = ctx;
	if ((f->to == NULL || addressed_to(text, f->to)) &&
	    (f->holding == NULL || strstr(text, f->holding) != NULL))
		f->found++;
	return 0;
}

static int find_one(void *ctx, const char *text)
{
	struct find *f = ctx;
	if (!addressed_to(text, f->to) || (f->holding && strstr(text, f->holding) == NULL))
		return 0;
	snprintf(f->out, f->cap, "%s", text);
	f->found = 1;
	return 1;
}

int mail_sink_count(const struct mail_sink *s)
{
	struct find f = { 0 };
	walk(s, count_one, &f);
	return f.found;
}

int mail_sink_count_to(const struct mail_sink *s, const char *to, const char *holding)
{
	struct find f = { .to = to, .holding = holding };
	walk(s, count_one, &f);
	return f.found;
}

int mail_sink_find(const struct mail_sink *s, const char *to, const char *holding, char *out,
                   size_t cap)
{
	struct find f = { .to = to, .holding = holding, .out = out, .cap = cap };
	walk(s, find_one, &f);
	return f.found ? 0 : -1;
}

/*
 * knooppunt match: the three questions of the matching engine on the
 * command line, answered from a freshly loaded index and printed as Dutch
 * tables.
 *   --call ID                   the volunteers that fit a call
 *   --volunteer ID              the open calls that fit a volunteer
 *   --proposal [--organisation ID]  a proposal for all open calls
 *   --limit N                   rows (default 20, at most MATCH_LIMIT_MAX)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "db/store.h"
#include "match/match.h"
#include "util/parse.h"

#define EXPLAIN_TEXT_MAX (MATCH_EXPLAIN_MAX * (MATCH_PHRASE_MAX + 8))

struct match_opts {
	int64_t call_id, volunteer_id, organisation_id;
	bool proposal;
	int limit;
};

/* Prints s padded with spaces to `width` characters (not bytes), cut when longer. */
static void cell(const char *s, int width)
{
	int chars = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p && chars < width) {
		const unsigned char *start = p++;
		while ((*p & 0xC0) == 0x80)
			p++;
		fwrite(start, 1, (size_t)(p - start), stdout);
		chars++;
	}
	for (; chars < width; chars++)
		putchar(' ');
	putchar(' ');
}

/* A number with one decimal and a Dutch decimal comma, then suffix. */
static void decimal_text(double x, const char *suffix, char *out, size_t size)
{
	snprintf(out, size, "%.1f%s", x, suffix);
	char *dot = strchr(out, '.');
	if (dot)
		*dot = ',';
}

static void km_text(double km, char *out, size_t size)
{
	decimal_text(km, " km", out, size);
}

static int parse_opts(int argc, char **argv, struct match_opts *o)
{
	*o = (struct match_opts){ .limit = 20 };
	for (int i = 0; i < argc; i++) {
		long long v = 0;
		if (strcmp(argv[i], "--proposal") == 0) {
			o->proposal = true;
			continue;
		}
		if (i + 1 >= argc || parse_int(argv[i + 1], 1, INT64_MAX, &v) != 0) {
			fprintf(stderr, "knooppunt match: %s verwacht een nummer\n", argv[i]);
			return -1;
		}
		if (strcmp(argv[i], "--call") == 0)
			o->call_id = v;
		else if (strcmp(argv[i], "--volunteer") == 0)
			o->volunteer_id = v;
		else if (strcmp(argv[i], "--organisation") == 0)
			o->organisation_id = v;
		else if (strcmp(argv[i], "--limit") == 0 && v <= MATCH_LIMIT_MAX)
			o->limit = (int)v;
		else {
			fprintf(stderr, "knooppunt match: onbekende optie %s\n", argv[i]);
			return -1;
		}
		i++;
	}
	if ((o->call_id > 0) + (o->volunteer_id > 0) + o->proposal != 1) {
		fprintf(stderr, "Gebruik: knooppunt match --call ID | --volunteer ID | "
		                "--proposal [--organisation ID] [--limit N]\n");
		return -1;
	}
	return 0;
}

static int for_call(struct match_index *ix, struct db *db, struct app *app,
                    const struct match_opts *o, struct kp_error *err)
{
	struct match_hit *hits = calloc((size_t)o->limit, sizeof *hits);
	struct call *c = malloc(sizeof *c);
	struct volunteer *v = malloc(sizeof *v);
	int n = 0, rc = KP_ERR;
	int64_t total = 0;
	char km[32], text[EXPLAIN_TEXT_MAX], score[32];
	if (hits == NULL || c == NULL || v == NULL) {
		kp_internal(err);
		goto end;
	}
	if (store_call_get(db, o->call_id, c, err) ||
	    match_for_call(ix, o->call_id, o->limit, app->now(), 0, hits, &n, &total, err))
		goto end;
	printf("Vrijwilligers voor oproep %lld: %s (%s)\n", (long long)c->id, c->title, c->place);
	printf("%d van %lld geschikte vrijwilligers\n\n", n, (long long)total);
	cell("#", 3), cell("Vrijwilliger", 28), cell("Woonplaats", 18), cell("Afstand", 9);
	cell("Score", 6), printf("Waarom\n");
	for (int i = 0; i < n; i++) {
		char name[VOLUNTEER_NAME_MAX * 8 + 2], rank[16];
		if (store_volunteer_get(db, hits[i].volunteer_id, false, v, err))
			goto end;
		snprintf(rank, sizeof rank, "%d", i + 1);
		snprintf(name, sizeof name, "%s %s", v->first_name, v->last_name);
		km_text(hits[i].distance_km, km, sizeof km);
		decimal_text(hits[i].score, "", score, sizeof score);
		match_explain_join(&hits[i], text, sizeof text);
		cell(rank, 3), cell(name, 28), cell(v->place, 18), cell(km, 9), cell(score, 6);
		printf("%s\n", text);
	}
	rc = KP_OK;
end:
	free(hits);
	free(c);
	free(v);
	return rc;
}

static int for_volunteer(struct match_index *ix, struct db *db, struct app *app,
                         const struct match_opts *o, struct kp_error *err)
{
	struct match_hit *hits = calloc((size_t)o->limit, sizeof *hits);
	struct call *c = malloc(sizeof *c);
	struct volunteer *v = malloc(sizeof *v);
	int n = 0, rc = KP_ERR;
	int64_t total = 0;
	char km[32], text[EXPLAIN_TEXT_MAX], score[32], rank[16];
	if (hits == NULL || c == NULL || v == NULL) {
		kp_internal(err);
		goto end;
	}
	if (store_volunteer_get(db, o->volunteer_id, false, v, err) ||
	    match_for_volunteer(ix, o->volunteer_id, o->limit, app->now(), 0, hits, &n, &total, err))
		goto end;
	printf("Oproepen voor %s %s (%s)\n", v->first_name, v->last_name, v->place);
	printf("%d van %lld passende open oproepen\n\n", n, (long long)total);
	cell("#", 3), cell("Oproep", 40), cell("Plaats", 18), cell("Afstand", 9), cell("Score", 6);
	printf("Waarom\n");
	for (int i = 0; i < n; i++) {
		if (store_call_get(db, hits[i].call_id, c, err))
			goto end;
		snprintf(rank, sizeof rank, "%d", i + 1);
		km_text(hits[i].distance_km, km, sizeof km);
		decimal_text(hits[i].score, "", score, sizeof score);
		match_explain_join(&hits[i], text, sizeof text);
		cell(rank, 3), cell(c->title, 40), cell(c->place, 18), cell(km, 9), cell(score, 6);
		printf("%s\n", text);
	}
	rc = KP_OK;
end:
	free(hits);
	free(c);
	free(v);
	return rc;
}

static int proposal(struct match_index *ix, struct db *db, struct app *app,
                    const struct match_opts *o, struct kp_error *err)
{
	struct match_proposal p;
	struct call *c = malloc(sizeof *c);
	struct volunteer *v = malloc(sizeof *v);
	struct match_hit *h = malloc(sizeof *h);
	int rc = KP_ERR;
	char text[EXPLAIN_TEXT_MAX], score[32], name[VOLUNTEER_NAME_MAX * 8 + 2];
	int64_t now = app->now();
	memset(&p, 0, sizeof p);
	if (c == NULL || v == NULL || h == NULL) {
		kp_internal(err);
		goto end;
	}
	if (match_proposal(ix, o->organisation_id, now, 0, &p, err))
		goto end;
	printf("Voorstel voor %d open oproepen%s: %d koppelingen\n\n", p.calls,
	       o->organisation_id ? " van de organisatie" : " in het hele netwerk", p.n);
	cell("Oproep", 36), cell("Vrijwilliger", 26), cell("Score", 6), printf("Waarom\n");
	for (int i = 0; i < p.n; i++) {
		if (store_call_get(db, p.pairs[i].call_id, c, err) ||
		    store_volunteer_get(db, p.pairs[i].volunteer_id, false, v, err))
			goto end;
		text[0] = '\0';
		if (match_explain_pair(ix, c->id, v->id, now, 0, h, err) == KP_OK)
			match_explain_join(h, text, sizeof text);
		snprintf(name, sizeof name, "%s %s", v->first_name, v->last_name);
		decimal_text(p.pairs[i].score, "", score, sizeof score);
		cell(c->title, 36), cell(name, 26), cell(score, 6);
		printf("%s\n", text);
	}
	char total[32], greedy[32];
	decimal_text(p.total_score, "", total, sizeof total);
	decimal_text(p.greedy_total_score, "", greedy, sizeof greedy);
	printf("\nTotaalscore %s (één voor één de beste kiezen gaf %s); %d vrijwilligers "
	       "ingezet\n", total, greedy, p.volunteers);
	rc = KP_OK;
end:
	match_proposal_free(&p);
	free(c);
	free(v);
	free(h);
	return rc;
}

int cmd_match(int argc, char **argv, struct app *app)
{
	struct match_opts o;
	struct kp_error err = { 0 };
	struct db *db = NULL;
	struct match_index *ix = NULL;
	int status = 1;
	if (parse_opts(argc, argv, &o))
		return 2;
	if (cli_open(app, &db, &err) || match_index_new(&app->lists, &ix, &err) ||
	    match_index_load(ix, db, &err))
		goto end;
	int rc = o.call_id ? for_call(ix, db, app, &o, &err)
	       : o.volunteer_id ? for_volunteer(ix, db, app, &o, &err)
	                        : proposal(ix, db, app, &o, &err);
	status = rc == KP_OK ? 0 : 1;
end:
	if (status != 0 && err.kind)
		cli_print_error(&err);
	match_index_free(ix);
	db_close(db);
	return status;
}

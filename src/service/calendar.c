/* Calendar feeds: making, revoking and writing them (calendar.h). */
#include "service/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/calendar.h"
#include "util/parse.h"

/* Loads f's owner, which must exist (and not be erased): the target of the
   permission check into t, and when name is not NULL the feed's name (the
   organisation's, or the volunteer's first name) in lang. */
static int owner_load(struct svc *s, struct calendar_owner o, struct authz_target *t,
                      const char *lang, char *name, size_t cap)
{
	const char *agenda = calendar_word(CALENDAR_AGENDA_WORD, lang);
	memset(t, 0, sizeof *t);
	if (o.volunteer_id > 0) {
		struct volunteer *v = malloc(sizeof *v);
		int rc = v ? store_volunteer_get(s->db, o.volunteer_id, false, v, s->err)
		           : kp_internal(s->err);
		if (rc == KP_OK && v->erased_at != 0)
			rc = kp_fail(s->err, KP_NOT_FOUND, "not_found", "id");
		if (rc == KP_OK) {
			t->organisation_id = v->organisation_id;
			t->volunteer_id = v->id;
			if (name != NULL)
				snprintf(name, cap, "Knooppunt %s %s", agenda, v->first_name);
		}
		free(v);
		return rc;
	}
	struct organisation *org = malloc(sizeof *org);
	int rc = org ? store_organisation_get(s->db, o.organisation_id, org, s->err)
	             : kp_internal(s->err);
	t->organisation_id = o.organisation_id;
	if (rc == KP_OK && name != NULL)
		snprintf(name, cap, "%s %s", agenda, org->name);
	free(org);
	return rc;
}

static int authorised(struct svc *s, struct calendar_owner o, enum action act)
{
	struct authz_target t;
	return owner_load(s, o, &t, NULL, NULL, 0) || svc_authorise(s, RES_CALENDAR_FEED, act, &t);
}

static int audit(struct svc *s, const char *action, struct calendar_owner o)
{
	return svc_audit(s, action, o.volunteer_id ? "calendar_feed" : "organisation_calendar",
	                 o.volunteer_id, o.volunteer_id ? o.volunteer_id : o.organisation_id,
	                 NULL);
}

static int read_feed(struct svc *s, void *arg)
{
	struct calendar_feed *f = arg;
	return authorised(s, f->owner, ACT_READ) ||
	       store_calendar_feed_created(s->db, f->owner, &f->created_at, s->err);
}

int calendar_feed_show(struct app *app, struct db *db, const struct principal *who,
                       struct calendar_feed *f, struct kp_error *err)
{
	f->token[0] = '\0';
	return svc_read(app, db, who, read_feed, f, err);
}

static int write_feed(struct svc *s, void *arg)
{
	struct calendar_feed *f = arg;
	char hash[65];
	token_generate(f->token);
	token_hash(f->token, hash);
	f->created_at = s->now;
	if (authorised(s, f->owner, ACT_CREATE) ||
	    store_calendar_feed_set(s->db, f->owner, hash, s->who->account_id, s->now, s->err))
		return KP_ERR;
	return audit(s, "create", f->owner);
}

int calendar_feed_create(struct app *app, struct db *db, const struct principal *who,
                         struct calendar_feed *f, struct kp_error *err)
{
	int rc = svc_run(app, db, who, write_feed, f, err);
	if (rc != KP_OK)
		sodium_memzero(f->token, sizeof f->token);
	return rc;
}

static int delete_feed(struct svc *s, void *arg)
{
	struct calendar_feed *f = arg;
	int deleted = 0;
	if (authorised(s, f->owner, ACT_DELETE) ||
	    store_calendar_feed_delete(s->db, f->owner, &deleted, s->err))
		return KP_ERR;
	if (!deleted)
		return kp_fail(s->err, KP_NOT_FOUND, "not_found", "calendar");
	f->created_at = 0;
	return audit(s, "delete", f->owner);
}

int calendar_feed_revoke(struct app *app, struct db *db, const struct principal *who,
                         struct calendar_feed *f, struct kp_error *err)
{
	f->token[0] = '\0';
	return svc_run(app, db, who, delete_feed, f, err);
}

struct rendering {
	const char *token;
	const char *lang;
	struct buf *out;
	struct calendar_owner owner;
	char host[48];        /* the UIDs' domain */
	int64_t now;
	struct kp_error *err;
};

/* The length in bytes of the first UTF-8 character of s: an initial. */
static int first_character(const char *s)
{
	int n = s[0] != '\0';
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

#define INTAKE_APPOINTMENT_MINUTES 60

/* What the feed calls an event: in an organisation's agenda with whom. */
static void summary_of(const struct rendering *x, const struct calendar_row *r, char *out,
                       size_t cap)
{
	const char *what = r->title;
	if (r->kind == CALENDAR_INTAKE || r->kind == CALENDAR_APPOINTMENT)
		what = calendar_word(CALENDAR_INTAKE_WORD, x->lang);
	else if (r->kind == CALENDAR_MATCH && (r->source == SOURCE_CLIENT ||
	                                       r->source == SOURCE_REFERRER))
		what = r->public_title[0] ? r->public_title
		                          : calendar_word(CALENDAR_REQUEST_WORD, x->lang);
	const char *prefix = r->kind == CALENDAR_TRAINING ?
	                     calendar_word(CALENDAR_TRAINING_WORD, x->lang) : NULL;
	int n = snprintf(out, cap, "%s%s%s", prefix ? prefix : "", prefix ? ": " : "", what);
	if (x->owner.organisation_id > 0 && n >= 0 && (size_t)n < cap)
		snprintf(out + n, cap - (size_t)n, " (%s %.*s.)", r->first_name,
		         first_character(r->last_name), r->last_name);
}

/* The events of one row: a match's one or more, an intake's or training's day. */
static int row_events(const struct rendering *x, const struct calendar_row *r,
                      const char *summary, struct cal_event ev[3])
{
	if (r->kind == CALENDAR_MATCH) {
		char since[11];
		parse_format_date(r->since, since);
		const struct cal_match m = {
			.id = r->id, .title = summary, .place = r->place,
			.organisation = r->organisation, .one_off_date = r->date,
			.start_time = r->start_time, .dayparts = r->dayparts,
			.duration_minutes = r->duration_minutes, .since = since,
			.engagement = r->engagement,
		};
		return calendar_match_events(&m, x->host, ev);
	}
	if (!parse_is_date(r->date))
		return 0;
	memset(&ev[0], 0, sizeof ev[0]);
	static const char *const uid_kind[] = {
		[CALENDAR_INTAKE] = "intake", [CALENDAR_TRAINING] = "training",
		[CALENDAR_APPOINTMENT] = "intake-appointment",
	};
	snprintf(ev[0].uid, sizeof ev[0].uid, "%s-%lld@%s", uid_kind[r->kind], (long long)r->id,
	         x->host);
	snprintf(ev[0].date, sizeof ev[0].date, "%s", r->date);
	ev[0].summary = summary;
	ev[0].description = r->organisation;
	if (r->kind == CALENDAR_APPOINTMENT) { /* at its time, an hour, where it is held */
		snprintf(ev[0].start_time, sizeof ev[0].start_time, "%s",
		         parse_is_time(r->start_time) ? r->start_time : "");
		ev[0].duration_minutes = INTAKE_APPOINTMENT_MINUTES;
		ev[0].location = r->place;
	}
	return 1;
}

static int add_row(void *ctx, const struct calendar_row *r)
{
	struct rendering *x = ctx;
	struct cal_event ev[3];
	char summary[1024];
	summary_of(x, r, summary, sizeof summary);
	int n = row_events(x, r, summary, ev);
	for (int i = 0; i < n; i++)
		if (calendar_write_event(x->out, &ev[i], x->now) != 0)
			return kp_internal(x->err);
	return KP_OK;
}

/* The host of the public address, else "knooppunt.invalid": the UIDs' domain. */
static void uid_host(const struct app *app, char *out, size_t cap)
{
	const char *u = app->cfg.public_url, *p = strstr(u, "://");
	p = p ? p + 3 : u;
	size_t n = strcspn(p, "/:");
	if (n == 0 || n >= cap)
		snprintf(out, cap, "knooppunt.invalid");
	else
		snprintf(out, cap, "%.*s", (int)n, p);
}

static int read_calendar(struct svc *s, void *arg)
{
	struct rendering *x = arg;
	char hash[65] = "", name[1024], from[11];
	struct authz_target t;
	if (strlen(x->token) == TOKEN_TEXT_LEN)
		token_hash(x->token, hash);
	x->now = s->now;
	x->err = s->err;
	x->out->len = 0;
	if (store_calendar_feed_owner(s->db, hash, &x->owner, s->err) ||
	    owner_load(s, x->owner, &t, x->lang, name, sizeof name))
		return KP_ERR;
	parse_format_date(s->now - (int64_t)CALENDAR_PAST_DAYS * 86400, from);
	if (calendar_write_begin(x->out, name) ||
	    store_calendar_rows(s->db, x->owner, from, CALENDAR_ROWS_MAX, add_row, x, s->err) ||
	    calendar_write_end(x->out))
		return s->err->kind ? KP_ERR : kp_internal(s->err);
	return KP_OK;
}

int calendar_feed_render(struct app *app, struct db *db, const char *token, const char *lang,
                         struct buf *out, struct kp_error *err)
{
	static const struct principal nobody = { .role = ROLE_ANONYMOUS };
	struct rendering x = { .token = token, .lang = lang, .out = out };
	uid_host(app, x.host, sizeof x.host);
	return svc_read(app, db, &nobody, read_calendar, &x, err);
}

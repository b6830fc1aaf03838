/* Calendar feeds and their secret addresses (calendar.h). */
#include "api/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "service/calendar.h"

#define FEED_PATH "/api/calendar/"

static struct calendar_owner owner_of(const struct api_call *c, bool volunteer)
{
	struct calendar_owner o = { 0 };
	if (volunteer)
		o.volunteer_id = c->id;
	else
		o.organisation_id = c->id;
	return o;
}

/* The address of a new feed: the public address when configured, else the
   host the caller reached. */
static void feed_url(const struct api_call *c, const char *token, char *out, size_t cap)
{
	const char *base = c->app->cfg.public_url;
	const char *host = http_header(c->req, "Host");
	if (base[0] != '\0')
		snprintf(out, cap, "%s" FEED_PATH "%s.ics", base, token);
	else
		snprintf(out, cap, "http://%s" FEED_PATH "%s.ics", host ? host : "localhost",
		         token);
}

static int reply_feed(struct api_call *c, int status, const struct calendar_feed *f)
{
	json_t *doc = json_pack("{s:b, s:o}", "active", f->created_at != 0, "created_at",
	                        f->created_at ? json_integer(f->created_at) : json_null());
	if (f->token[0] != '\0') {
		char url[512], path[128];
		feed_url(c, f->token, url, sizeof url);
		snprintf(path, sizeof path, FEED_PATH "%s.ics", f->token);
		json_object_set_new(doc, "url", json_string(url));
		json_object_set_new(doc, "path", json_string(path));
		sodium_memzero(url, sizeof url);
	}
	return api_reply(c, status, doc);
}

static int show(struct api_call *c, bool volunteer)
{
	struct calendar_feed f = { .owner = owner_of(c, volunteer) };
	return calendar_feed_show(c->app, c->db, &c->who, &f, &c->err) ||
	       reply_feed(c, 200, &f) ? KP_ERR : KP_OK;
}

static int create(struct api_call *c, bool volunteer)
{
	struct calendar_feed f = { .owner = owner_of(c, volunteer) };
	int rc = calendar_feed_create(c->app, c->db, &c->who, &f, &c->err) ||
	         reply_feed(c, 201, &f) ? KP_ERR : KP_OK;
	sodium_memzero(f.token, sizeof f.token);
	return rc;
}

static int revoke(struct api_call *c, bool volunteer)
{
	struct calendar_feed f = { .owner = owner_of(c, volunteer) };
	return calendar_feed_revoke(c->app, c->db, &c->who, &f, &c->err) ||
	       reply_feed(c, 200, &f) ? KP_ERR : KP_OK;
}

int calendar_volunteer_show(struct api_call *c) { return show(c, true); }
int calendar_volunteer_create(struct api_call *c) { return create(c, true); }
int calendar_volunteer_revoke(struct api_call *c) { return revoke(c, true); }
int calendar_organisation_show(struct api_call *c) { return show(c, false); }
int calendar_organisation_create(struct api_call *c) { return create(c, false); }
int calendar_organisation_revoke(struct api_call *c) { return revoke(c, false); }

int calendar_feed(struct api_call *c)
{
	c->res->body.len = 0;
	if (calendar_feed_render(c->app, c->db, c->param, c->lang, &c->res->body, &c->err))
		return KP_ERR;
	c->res->status = 200;
	c->res->content_type = "text/calendar; charset=utf-8";
	http_response_header(c->res, "Content-Disposition", "inline; filename=\"agenda.ics\"");
	return KP_OK;
}

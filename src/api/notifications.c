/* One's own mail settings and unsubscribing (notifications.h). */
#include "api/notifications.h"

#include <stdio.h>

#include "api/json_in.h"
#include "http/http.h"
#include "service/notifications.h"

static int reply(struct api_call *c, const struct notification_settings *st)
{
	json_t *kinds = json_object();
	for (int k = 0; k < NOTIFY_KIND_COUNT; k++)
		json_object_set_new(kinds, notification_kind_name(k),
		                    json_string(delivery_name(st->delivery[k])));
	return api_reply(c, 200, json_pack("{s:s, s:o}", "language", st->language,
	                                   "notifications", kinds));
}

int me_notifications_show(struct api_call *c)
{
	struct notification_settings st;
	if (notifications_get(c->app, c->db, &c->who, &st, &c->err))
		return KP_ERR;
	return reply(c, &st);
}

/* The changes named in the body; a kind or delivery that does not exist is
   refused naming "notifications.KIND". */
static int read_change(struct api_call *c, struct notification_settings *in)
{
	static const char *const fields[] = { "language", "notifications", NULL };
	for (int k = 0; k < NOTIFY_KIND_COUNT; k++)
		in->delivery[k] = -1;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "language", 7, false, in->language, sizeof in->language, &c->err))
		return KP_ERR;
	json_t *kinds = json_object_get(c->body, "notifications");
	if (kinds == NULL)
		return KP_OK;
	if (!json_is_object(kinds))
		return kp_invalid(&c->err, "notifications", "wrong_type");
	const char *name;
	json_t *value;
	json_object_foreach(kinds, name, value) {
		int k = notification_kind_parse(name);
		int d = json_is_string(value) ? delivery_parse(json_string_value(value)) : -1;
		if (k < 0 || k == NOTIFY_DIGEST) /* the digest is a delivery, not a kind */
			return kp_invalid(&c->err, "notifications", "unknown_field");
		if (d < 0)
			return kp_invalid(&c->err, notification_kind_name(k), "invalid_choice");
		in->delivery[k] = d;
	}
	return KP_OK;
}

int me_notifications_update(struct api_call *c)
{
	struct notification_settings in = { .language = "" }, out;
	if (read_change(c, &in) || notifications_set(c->app, c->db, &c->who, &in, &out, &c->err))
		return KP_ERR;
	return reply(c, &out);
}

int unsubscribe(struct api_call *c)
{
	int kind = -1;
	const char *token = http_query(c->req, "token");
	if (token == NULL || token[0] == '\0')
		return kp_invalid(&c->err, "token", "required");
	if (notifications_unsubscribe(c->app, c->db, token, &kind, &c->err))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:s, s:s}", "kind", notification_kind_name(kind),
	                                   "delivery", delivery_name(DELIVERY_NEVER)));
}

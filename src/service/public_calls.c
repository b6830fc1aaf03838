/* The calls on the network's public pages, and the health word check of a
   public text (public_calls.h). */
#include "service/public_calls.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/public_text.h"
#include "service/calls.h"

static bool on_public_page(const struct call *c)
{
	return c->public_page && c->status == CALL_OPEN && c->source != SOURCE_VOLUNTEER &&
	       call_is_published(c);
}

/* Passers-by read a help request's public text only, whoever is logged in. */
static enum call_shown shown_in_public(const struct principal *who, const struct call_head *h)
{
	(void)who;
	return call_source_is_request(h->source) ? CALL_SHOWN_PUBLIC : CALL_SHOWN_WHOLE;
}

static int read_list(struct svc *s, void *arg)
{
	struct public_call_query *q = arg;
	struct list_filter f;
	if (svc_authorise(s, RES_PUBLIC_CALL, ACT_LIST, NULL))
		return KP_ERR;
	list_filter_init(&f);
	f.status = CALL_OPEN;
	f.published_only = true;
	f.public_page_only = true;
	f.place = q->place;
	f.item_id = q->activity_id;
	return call_page_read(s, &f, q->page, shown_in_public, q->reader, &q->total);
}

int public_call_list(struct app *app, struct db *db, const struct principal *who,
                     struct public_call_query *q, struct kp_error *err)
{
	q->total = 0;
	return svc_read(app, db, who, read_list, q, err);
}

struct show {
	int64_t id;
	struct call *out;
};

static int read_one(struct svc *s, void *arg)
{
	struct show *x = arg;
	if (svc_authorise(s, RES_PUBLIC_CALL, ACT_READ, NULL) ||
	    store_call_get(s->db, x->id, x->out, s->err))
		return KP_ERR;
	if (!on_public_page(x->out))
		return kp_fail(s->err, KP_NOT_FOUND, "not_found", "id");
	call_show_public(x->out);
	return KP_OK;
}

int public_call_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
                     struct call *out, struct kp_error *err)
{
	struct show x = { id, out };
	return svc_read(app, db, who, read_one, &x, err);
}

struct check {
	const struct call *call;
	char (*words)[64];
	int *n;
	const char *title, *description;
};

static int check_word(void *ctx, const char *word)
{
	struct check *c = ctx;
	if (*c->n < HEALTH_WORDS_MAX && (public_text_mentions(c->title, word) ||
	                                 public_text_mentions(c->description, word)))
		snprintf(c->words[(*c->n)++], 64, "%s", word);
	return 0;
}

static int read_check(struct svc *s, void *arg)
{
	struct check *c = arg;
	struct authz_target t = { .organisation_id = c->call->organisation_id };
	if (svc_authorise(s, RES_CALL, ACT_UPDATE, &t))
		return KP_ERR;
	return store_health_words(s->db, check_word, c, s->err);
}

int public_text_check(struct app *app, struct db *db, const struct principal *who,
                      const struct call *call, char words[HEALTH_WORDS_MAX][64], int *n,
                      struct kp_error *err)
{
	bool request = call_is_request(call);
	struct check c = { call, words, n, request ? call->public_title : call->title,
	                   request ? call->public_description : call->description };
	*n = 0;
	return svc_read(app, db, who, read_check, &c, err);
}

/*
 * The calls on the network's public pages, open to everyone without login:
 * open calls that their organisation put on the public pages, each with the
 * public text only (call_show_public), never a help request's intake.
 *
 * And the check of a call's public text against the network's health word
 * list, for the organisation writing it.
 *
 * Ownership: the caller owns every struct passed in; `out` is written. The
 * call handed to a list callback lives only for that call.
 */
#ifndef KP_SERVICE_PUBLIC_CALLS_H
#define KP_SERVICE_PUBLIC_CALLS_H

#include "service/calls.h"
#include "service/service.h"

struct public_call_query {
	const char *place;     /* NULL for any */
	int64_t activity_id;   /* 0 for any */
	struct page page;
	const struct row_reader *reader; /* the page, newest first (service/page.h) */
	int64_t total;         /* out */
};

int public_call_list(struct app *app, struct db *db, const struct principal *who,
                     struct public_call_query *q, struct kp_error *err);

/* Call id as the public pages show it; not found unless it is on them. */
int public_call_show(struct app *app, struct db *db, const struct principal *who, int64_t id,
                     struct call *out, struct kp_error *err);

/* The words of the health word list that call's public text (what the
   public pages show of it) mentions: words[0..*n), at most HEALTH_WORDS_MAX. */
#define HEALTH_WORDS_MAX 16
int public_text_check(struct app *app, struct db *db, const struct principal *who,
                      const struct call *call, char words[HEALTH_WORDS_MAX][64], int *n,
                      struct kp_error *err);

#endif

/*
 * A newsletter: written in Markdown by a coordinator for the own
 * organisation's volunteers, or by the network administrator for the whole
 * network; previewed, then sent once, in batches through the outbox.
 *
 * Invariants after newsletter_check: subject non-empty, at most
 * NEWSLETTER_SUBJECT_MAX characters and without a line break (it becomes a
 * mail header); markdown non-empty and at most NEWSLETTER_MARKDOWN_MAX
 * characters; place at most NEWSLETTER_PLACE_MAX characters.
 * After newsletter_render, html and text are the Markdown rendered by cmark
 * in its safe mode: raw HTML is left out and links or images with a
 * javascript:, vbscript:, file: or data: address get an empty one, so
 * whatever was typed cannot run in a reader's browser.
 *
 * Ownership: every function works on memory its caller owns.
 */
#ifndef KP_MODEL_NEWSLETTER_H
#define KP_MODEL_NEWSLETTER_H

#include <stdint.h>

#include "util/error.h"

#define NEWSLETTER_SUBJECT_MAX 150    /* characters */
#define NEWSLETTER_MARKDOWN_MAX 8000  /* characters */
#define NEWSLETTER_PLACE_MAX 80       /* characters */
#define NEWSLETTER_HTML_CAP (96 * 1024)
#define NEWSLETTER_TEXT_CAP 11000     /* bytes: fits an outbox mail with its footer */

enum newsletter_status { NEWSLETTER_DRAFT, NEWSLETTER_SENDING, NEWSLETTER_SENT,
                         NEWSLETTER_STATUS_COUNT };
const char *newsletter_status_name(int status);  /* "draft", "sending", "sent" */
int newsletter_status_parse(const char *name);   /* -1 when unknown */

/* Who receives it: active volunteers with an e-mail address, narrowed by
   every criterion that is set (0 or "": any). */
struct newsletter_filter {
	int64_t organisation_id;              /* the volunteer's organisation */
	int64_t activity_id;                  /* a liked activity (shared list) */
	int64_t theme_id;                     /* a theme (shared list) */
	char place[NEWSLETTER_PLACE_MAX * 4 + 1]; /* the volunteer's town, any case */
};

struct newsletter {
	int64_t id;
	int64_t organisation_id;              /* the writing organisation; 0: the network */
	int64_t author_id;                    /* account */
	char author_name[256];                /* read only */
	char subject[NEWSLETTER_SUBJECT_MAX * 4 + 1];
	char markdown[NEWSLETTER_MARKDOWN_MAX * 4 + 1];
	char html[NEWSLETTER_HTML_CAP];       /* rendered, safe */
	char text[NEWSLETTER_TEXT_CAP];       /* rendered as plain text, for the mail */
	struct newsletter_filter filter;
	int status;                           /* enum newsletter_status */
	int64_t created_at, updated_at;
	int64_t sent_at;                      /* 0 until sent */
	int64_t recipients;                   /* people it went to (once sent) */
	int64_t queued;                       /* mails queued in the outbox for them */
};

/* Checks subject, markdown and place against the rules above, naming the field. */
int newsletter_check(const struct newsletter *n, struct kp_error *err);

/* Renders n->markdown into n->html and n->text; "too_long" on markdown when
   a rendering does not fit. */
int newsletter_render(struct newsletter *n, struct kp_error *err);

#endif

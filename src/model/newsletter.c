/* A newsletter's rules and its rendering with cmark (newsletter.h). */
#include "model/newsletter.h"

#include <cmark.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/parse.h"

static const char *const status_names[NEWSLETTER_STATUS_COUNT] = { "draft", "sending", "sent" };

const char *newsletter_status_name(int status)
{
	return status >= 0 && status < NEWSLETTER_STATUS_COUNT ? status_names[status] : "";
}

int newsletter_status_parse(const char *name)
{
	for (int i = 0; i < NEWSLETTER_STATUS_COUNT; i++)
		if (strcmp(name, status_names[i]) == 0)
			return i;
	return -1;
}

static int check_text(const char *s, const char *field, long max, bool required,
                      struct kp_error *err)
{
	if (required && s[0] == '\0')
		return kp_invalid(err, field, "required");
	if (!parse_is_clean_utf8(s))
		return kp_invalid(err, field, "invalid_text");
	if (parse_utf8_length(s) > max)
		return kp_fail_limit(err, KP_INVALID, "too_long", field, max);
	return KP_OK;
}

int newsletter_check(const struct newsletter *n, struct kp_error *err)
{
	/* The subject becomes a mail header: a line break would start a header
	   of the writer's choosing. */
	if (strpbrk(n->subject, "\r\n") != NULL)
		return kp_invalid(err, "subject", "header_line_break");
	if (check_text(n->subject, "subject", NEWSLETTER_SUBJECT_MAX, true, err) ||
	    check_text(n->markdown, "markdown", NEWSLETTER_MARKDOWN_MAX, true, err) ||
	    check_text(n->filter.place, "place", NEWSLETTER_PLACE_MAX, false, err))
		return KP_ERR;
	if (strpbrk(n->filter.place, "\n\t") != NULL)
		return kp_invalid(err, "place", "invalid_text");
	return KP_OK;
}

/* --- plain text: what a mail reader without HTML shows --- */

struct text_out {
	struct buf b;
	int failed;
};

static void put(struct text_out *o, const char *s)
{
	if (s != NULL && buf_appends(&o->b, s) != 0)
		o->failed = 1;
}

/* Ends the current line with a blank one, unless one is there already. */
static void blank_line(struct text_out *o)
{
	size_t n = o->b.len;
	if (n == 0 || (n >= 2 && o->b.data[n - 1] == '\n' && o->b.data[n - 2] == '\n'))
		return;
	put(o, o->b.data[n - 1] == '\n' ? "\n" : "\n\n");
}

static void enter(struct text_out *o, cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		put(o, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_CODE_BLOCK:
		put(o, cmark_node_get_literal(node));
		blank_line(o);
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		put(o, "\n");
		break;
	case CMARK_NODE_ITEM: {
		cmark_node *list = cmark_node_parent(node);
		char mark[24] = "- ";
		if (cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
			int number = cmark_node_get_list_start(list);
			for (cmark_node *x = cmark_node_previous(node); x; x = cmark_node_previous(x))
				number++;
			snprintf(mark, sizeof mark, "%d. ", number);
		}
		put(o, mark);
		break;
	}
	case CMARK_NODE_THEMATIC_BREAK:
		put(o, "----------");
		blank_line(o);
		break;
	default: /* raw HTML is left out, as in the HTML rendering */
		break;
	}
}

static void end_line(struct text_out *o)
{
	if (o->b.len > 0 && o->b.data[o->b.len - 1] != '\n')
		put(o, "\n");
}

/* A paragraph in an item of a tight list ends its line, any other one its block. */
static bool in_tight_item(cmark_node *paragraph)
{
	cmark_node *item = cmark_node_parent(paragraph);
	return item != NULL && cmark_node_get_type(item) == CMARK_NODE_ITEM &&
	       cmark_node_get_list_tight(cmark_node_parent(item));
}

static void leave(struct text_out *o, cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
		if (in_tight_item(node))
			end_line(o);
		else
			blank_line(o);
		break;
	case CMARK_NODE_HEADING:
	case CMARK_NODE_LIST:
		blank_line(o);
		break;
	case CMARK_NODE_ITEM:
		end_line(o);
		break;
	case CMARK_NODE_LINK: {
		const char *url = cmark_node_get_url(node);
		/* Only addresses a reader can safely open are written out. */
		if (url != NULL && (strncmp(url, "https://", 8) == 0 ||
		                    strncmp(url, "http://", 7) == 0 ||
		                    strncmp(url, "mailto:", 7) == 0)) {
			put(o, " (");
			put(o, url);
			put(o, ")");
		}
		break;
	}
	default:
		break;
	}
}

static int render_text(cmark_node *doc, char *out, size_t cap)
{
	struct text_out o = { .failed = 0 };
	buf_init(&o.b, cap - 1);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE && !o.failed) {
		cmark_node *node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER)
			enter(&o, node);
		else
			leave(&o, node);
	}
	cmark_iter_free(it);
	size_t n = o.b.len;
	while (n > 0 && o.b.data[n - 1] == '\n')
		n--;
	if (!o.failed) {
		memcpy(out, o.b.data ? o.b.data : "", n);
		out[n] = '\0';
	}
	buf_free(&o.b);
	return o.failed ? -1 : 0;
}

int newsletter_render(struct newsletter *n, struct kp_error *err)
{
	/* CMARK_OPT_UNSAFE is never set: raw HTML and dangerous addresses are
	   left out of the HTML. */
	const int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART;
	cmark_node *doc = cmark_parse_document(n->markdown, strlen(n->markdown), options);
	if (doc == NULL)
		return kp_internal(err);
	char *html = cmark_render_html(doc, options);
	int rc = KP_OK;
	if (html == NULL)
		rc = kp_internal(err);
	else if (strlen(html) >= sizeof n->html || render_text(doc, n->text, sizeof n->text) != 0)
		rc = kp_fail_limit(err, KP_INVALID, "too_long", "markdown", NEWSLETTER_MARKDOWN_MAX);
	else
		memcpy(n->html, html, strlen(html) + 1);
	free(html);
	cmark_node_free(doc);
	return rc;
}

/* The HTML part of a mail (html.h). */
#include "mail/html.h"

#include <stdbool.h>
#include <string.h>

/* Appends len bytes of text with &, <, > and " escaped. */
static int escaped(struct buf *out, const char *text, size_t len)
{
	int rc = 0;
	for (size_t i = 0; i < len && rc == 0; i++) {
		switch (text[i]) {
		case '&': rc = buf_appends(out, "&amp;"); break;
		case '<': rc = buf_appends(out, "&lt;"); break;
		case '>': rc = buf_appends(out, "&gt;"); break;
		case '"': rc = buf_appends(out, "&quot;"); break;
		default: rc = buf_append(out, &text[i], 1); break;
		}
	}
	return rc;
}

static size_t url_at(const char *s)
{
	if (strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0)
		return 0;
	return strcspn(s, " \t\r\n<>\"");
}

/* One line of text, escaped, with its web addresses as links. */
static int line(struct buf *out, const char *s, size_t len)
{
	int rc = 0;
	size_t from = 0;
	for (size_t i = 0; i < len && rc == 0;) {
		size_t n = (i == 0 || strchr(" \t(", s[i - 1])) ? url_at(s + i) : 0;
		if (n > len - i)
			n = len - i;
		if (n == 0) {
			i++;
			continue;
		}
		rc = escaped(out, s + from, i - from) || buf_appends(out, "<a href=\"") ||
		     escaped(out, s + i, n) || buf_appends(out, "\">") || escaped(out, s + i, n) ||
		     buf_appends(out, "</a>");
		i += n;
		from = i;
	}
	return rc || escaped(out, s + from, len - from);
}

/* The tail's paragraphs (separated by blank lines) as <p>, its lines joined
   with <br>; the signature line "-- " becomes a rule. */
static int paragraphs(struct buf *out, const char *tail)
{
	int rc = 0;
	bool open = false;
	for (const char *p = tail; *p && rc == 0;) {
		size_t len = strcspn(p, "\r\n");
		bool blank = len == 0, rule = len == 3 && strncmp(p, "-- ", 3) == 0;
		if ((blank || rule) && open) {
			rc = buf_appends(out, "</p>\n");
			open = false;
		}
		if (rule)
			rc = rc || buf_appends(out, "<hr>\n");
		else if (!blank)
			rc = rc || buf_appends(out, open ? "<br>\n" : "<p class=\"foot\">") ||
			     line(out, p, len);
		open = open || (!blank && !rule);
		p += len;
		if (*p == '\r')
			p++;
		if (*p == '\n')
			p++;
	}
	return rc || (open && buf_appends(out, "</p>\n"));
}

int mail_html(struct buf *out, const char *title, const char *fragment, const char *tail)
{
	int rc = buf_appends(out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
	                          "<meta name=\"viewport\" content=\"width=device-width\">"
	                          "<title>");
	rc = rc || escaped(out, title, strlen(title));
	rc = rc || buf_appends(out, "</title><style>body{font-family:sans-serif;line-height:1.5;"
	                            "max-width:40em;margin:1em auto;padding:0 1em;color:#1a1a1a}"
	                            ".foot{font-size:.875em;color:#555}</style></head>\n<body>\n");
	rc = rc || buf_appends(out, fragment) || buf_appends(out, "<hr>\n");
	rc = rc || paragraphs(out, tail) || buf_appends(out, "</body></html>\n");
	return rc ? -1 : 0;
}

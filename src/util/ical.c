/* iCalendar content lines: escaping and folding (ical.h). */
#include "util/ical.h"

#include <string.h>

int ical_escape(struct buf *out, const char *value)
{
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		int rc;
		if (*p == '\\' || *p == ',' || *p == ';')
			rc = buf_append(out, "\\", 1) || buf_append(out, p, 1);
		else if (*p == '\n')
			rc = buf_appends(out, "\\n");
		else if (*p == '\r')
			rc = 0;
		else if (*p < 0x20 || *p == 0x7f)
			rc = buf_appends(out, " ");
		else
			rc = buf_append(out, p, 1);
		if (rc)
			return -1;
	}
	return 0;
}

/* Appends the unfolded line in[0..n) folded at ICAL_LINE_OCTETS, then CRLF.
   A fold never falls before a UTF-8 continuation byte. */
static int fold(struct buf *out, const char *in, size_t n)
{
	size_t at = 0, room = ICAL_LINE_OCTETS;
	while (n - at > room) {
		size_t cut = at + room;
		while (cut > at && ((unsigned char)in[cut] & 0xC0) == 0x80)
			cut--;
		if (buf_append(out, in + at, cut - at) || buf_appends(out, "\r\n "))
			return -1;
		at = cut;
		room = ICAL_LINE_OCTETS - 1;  /* the leading space counts */
	}
	return buf_append(out, in + at, n - at) || buf_appends(out, "\r\n") ? -1 : 0;
}

static int line(struct buf *out, const char *name, const char *value, int escape)
{
	struct buf l;
	buf_init(&l, out->max);
	int rc = buf_appends(&l, name) || buf_appends(&l, ":") ||
	         (escape ? ical_escape(&l, value) : buf_appends(&l, value)) ||
	         fold(out, l.data, l.len);
	buf_free(&l);
	return rc ? -1 : 0;
}

int ical_line(struct buf *out, const char *name, const char *value)
{
	return line(out, name, value, 0);
}

int ical_text(struct buf *out, const char *name, const char *value)
{
	return line(out, name, value, 1);
}

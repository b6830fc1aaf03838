/* JSON text straight into a capped buffer (json_write.h). */
#include "util/json_write.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define JW_PLAIN_KEY_MAX 64 /* longer keys take the escaping path */

void jw_init(struct jw *w, struct buf *out)
{
	*w = (struct jw){ .out = out };
}

bool jw_failed(const struct jw *w)
{
	return w->failed;
}

/* Straight into the buffer while it has room (the invariants of buf.h kept),
   through buf_append to grow it: a list page is thousands of small pieces. */
static void put(struct jw *w, const char *p, size_t n)
{
	struct buf *b = w->out;
	if (w->failed)
		return;
	if (n < b->cap_alloc - b->len && n <= b->max - b->len) {
		memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else if (buf_append(b, p, n) != 0) {
		w->failed = true;
	}
}

/* The comma before a value or key, unless it follows its key. */
static void before_value(struct jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	uint32_t bit = 1u << w->depth;
	if (w->has_value & bit)
		put(w, ",", 1);
	w->has_value |= bit;
}

static void open_level(struct jw *w, char c)
{
	before_value(w);
	if (w->depth + 1 >= JW_DEPTH_MAX) {
		w->failed = true;
		return;
	}
	put(w, &c, 1);
	w->depth++;
	w->has_value &= ~(1u << w->depth);
}

static void close_level(struct jw *w, char c)
{
	if (w->depth == 0) {
		w->failed = true;
		return;
	}
	w->depth--;
	put(w, &c, 1);
}

void jw_object(struct jw *w) { open_level(w, '{'); }
void jw_array(struct jw *w) { open_level(w, '['); }
void jw_end_object(struct jw *w) { close_level(w, '}'); }
void jw_end_array(struct jw *w) { close_level(w, ']'); }

/* The code point of the UTF-8 sequence at s (n bytes left) and its length;
   -1 for a byte that does not start a valid sequence. */
static long utf8_next(const unsigned char *s, size_t n, int *len)
{
	static const long min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	int k = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	*len = 1;
	if (k == 0 || (size_t)k > n)
		return -1;
	long cp = s[0] & (0x7F >> k);
	for (int i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*len = k;
	return cp;
}

/* \uXXXX for a code point below 0x10000, into e[0..6). */
static void put_u16(char *e, unsigned v)
{
	static const char hex[] = "0123456789ABCDEF";
	e[0] = '\\';
	e[1] = 'u';
	for (int i = 0; i < 4; i++)
		e[2 + i] = hex[(v >> (12 - 4 * i)) & 0xF];
}

static void put_escape(struct jw *w, long cp)
{
	char e[12];
	size_t n = 2;
	e[0] = '\\';
	switch (cp) {
	case '"': e[1] = '"'; break;
	case '\\': e[1] = '\\'; break;
	case '\b': e[1] = 'b'; break;
	case '\f': e[1] = 'f'; break;
	case '\n': e[1] = 'n'; break;
	case '\r': e[1] = 'r'; break;
	case '\t': e[1] = 't'; break;
	default:
		if (cp < 0x10000) {
			put_u16(e, (unsigned)cp);
			n = 6;
		} else {
			cp -= 0x10000;
			put_u16(e, (unsigned)(0xD800 | (cp >> 10)));
			put_u16(e + 6, (unsigned)(0xDC00 | (cp & 0x3FF)));
			n = 12;
		}
	}
	put(w, e, n);
}

static void put_string(struct jw *w, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), run = 0;
	put(w, "\"", 1);
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			i++;
			run++;
			continue;
		}
		put(w, (const char *)s + i - run, run); /* the plain bytes before */
		run = 0;
		int len;
		long cp = c < 0x80 ? (long)c : utf8_next(s + i, n - i, &len);
		if (c < 0x80)
			len = 1;
		put_escape(w, cp < 0 ? 0xFFFD : cp);
		i += (size_t)len;
	}
	put(w, (const char *)s + n - run, run);
	put(w, "\"", 1);
}

void jw_key(struct jw *w, const char *key)
{
	char t[JW_PLAIN_KEY_MAX + 3];
	size_t n = strlen(key);
	bool plain = n <= JW_PLAIN_KEY_MAX;
	for (size_t i = 0; plain && i < n; i++) {
		unsigned char c = (unsigned char)key[i];
		plain = c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
	}
	before_value(w);
	if (plain) { /* the usual key, a short ASCII name: "key": in one piece */
		t[0] = '"';
		memcpy(t + 1, key, n);
		t[n + 1] = '"';
		t[n + 2] = ':';
		put(w, t, n + 3);
	} else {
		put_string(w, key);
		put(w, ":", 1);
	}
	w->after_key = true;
}

void jw_key_quoted(struct jw *w, const char *quoted, size_t n)
{
	before_value(w);
	put(w, quoted, n);
	w->after_key = true;
}

void jw_string(struct jw *w, const char *s)
{
	if (s == NULL) {
		jw_null(w);
		return;
	}
	before_value(w);
	put_string(w, s);
}

void jw_int(struct jw *w, int64_t v)
{
	char t[24];
	char *p = t + sizeof t;
	/* Digits from the right; the magnitude as unsigned so INT64_MIN fits. */
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	before_value(w);
	put(w, p, (size_t)(t + sizeof t - p));
}

void jw_decimal(struct jw *w, double v, int places)
{
	static const int64_t scale[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
		                         100000000, 1000000000 };
	if (!isfinite(v) || places < 0 || places > 9 || fabs(v) >= 1e9) {
		jw_real(w, v);
		return;
	}
	int64_t n = llround(fabs(v) * (double)scale[places]), whole = n / scale[places];
	int64_t frac = n % scale[places];
	char t[48], *p = t + sizeof t;
	int digits = places;
	while (digits > 1 && frac % 10 == 0) { /* trailing zeros, keeping one decimal */
		frac /= 10;
		digits--;
	}
	for (int i = 0; i < (digits ? digits : 1); i++) {
		*--p = (char)('0' + frac % 10);
		frac /= 10;
	}
	*--p = '.';
	do {
		*--p = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole != 0);
	if (v < 0 && n != 0)
		*--p = '-';
	before_value(w);
	put(w, p, (size_t)(t + sizeof t - p));
}

/* As jansson: "%.17g", ".0" when it reads as an integer, exponent without
   "+" and leading zeros. */
void jw_real(struct jw *w, double v)
{
	char t[48];
	if (!isfinite(v)) {
		w->failed = true; /* jansson has no text for these either */
		return;
	}
	if (v == trunc(v) && fabs(v) < 1e15 && !signbit(v)) {
		/* A whole number prints as its digits and ".0", as "%.17g" would:
		   without printf, for the scores and parts of a ranking. */
		jw_int(w, (int64_t)v);
		if (!w->failed)
			put(w, ".0", 2);
		return;
	}
	int n = snprintf(t, sizeof t, "%.17g", v);
	if (strpbrk(t, ".e") == NULL) {
		memcpy(t + n, ".0", 3);
		n += 2;
	}
	char *e = strchr(t, 'e');
	if (e != NULL) {
		char *from = e + 1, *to = e + 1;
		if (*from == '-')
			*to++ = *from++;
		else if (*from == '+')
			from++;
		while (*from == '0' && from[1] != '\0')
			from++;
		memmove(to, from, strlen(from) + 1);
		n = (int)strlen(t);
	}
	before_value(w);
	put(w, t, (size_t)n);
}

void jw_bool(struct jw *w, bool v)
{
	before_value(w);
	put(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(struct jw *w)
{
	before_value(w);
	put(w, "null", 4);
}

void jw_raw(struct jw *w, const char *text, size_t n)
{
	before_value(w);
	put(w, text, n);
}

void jw_opt_string(struct jw *w, const char *s)
{
	if (s != NULL && s[0] != '\0')
		jw_string(w, s);
	else
		jw_null(w);
}

void jw_opt_id(struct jw *w, int64_t id)
{
	if (id > 0)
		jw_int(w, id);
	else
		jw_null(w);
}

#include "util/parse.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int parse_int(const char *s, long long min, long long max, long long *out)
{
	if (s == NULL || *s == '\0' || isspace((unsigned char)*s))
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

bool parse_is_date(const char *s)
{
	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (!digits(s, 4) || !digits(s + 5, 2) || !digits(s + 8, 2))
		return false;
	int y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
	return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

bool parse_is_time(const char *s)
{
	if (s == NULL || strlen(s) != 5 || s[2] != ':' || !digits(s, 2) || !digits(s + 3, 2))
		return false;
	int h = num(s, 2), m = num(s + 3, 2);
	return h < 24 && m < 60;
}

/* Howard Hinnant's days_from_civil. */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

long parse_date_days(const char *s)
{
	return days_from_civil(num(s, 4), (unsigned)num(s + 5, 2), (unsigned)num(s + 8, 2));
}

void parse_format_date(long long unix_time, char out[11])
{
	time_t t = (time_t)unix_time;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

bool parse_is_clean_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		int extra;
		if (c < 0x80) {
			if (c < 0x20 && c != '\n' && c != '\t')
				return false;
			if (c == 0x7f)
				return false;
			p++;
			continue;
		} else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
			extra = 1;
		} else if ((c & 0xF0) == 0xE0) {
			extra = 2;
		} else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
			extra = 3;
		} else {
			return false;
		}
		unsigned cp = c & (0x3F >> extra);
		for (int i = 1; i <= extra; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i] & 0x3F);
		}
		/* U+0080..U+009F are the C1 control characters (NEL, CSI, …). */
		if ((extra == 1 && cp < 0xA0) ||
		    (extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		    (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return false;
		p += extra + 1;
	}
	return true;
}

long parse_utf8_length(const char *s)
{
	long n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	return n;
}

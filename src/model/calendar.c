/* Calendar events of commitments, written as iCalendar (calendar.h). */
#include "model/calendar.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "model/types.h"
#include "util/ical.h"
#include "util/parse.h"

static const char *const weekday_codes[DAYS] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
static const char *const part_starts[DAYPARTS] = {
	CALENDAR_MORNING_START, CALENDAR_AFTERNOON_START, CALENDAR_EVENING_START,
};

/* Monday 0 … Sunday 6 of a day number (1970-01-01 was a Thursday). */
static int weekday_of(long day)
{
	return (int)(((day % 7) + 7 + 3) % 7);
}

static void format_day(long day, char out[11])
{
	parse_format_date((long long)day * 86400, out);
}

/* The weekly event of part p of m, or 0 when no day has that part. */
static int part_event(const struct cal_match *m, int p, const char *uid_host,
                      struct cal_event *ev)
{
	int days = 0;
	size_t used = 0;
	memset(ev, 0, sizeof *ev);
	for (int d = 0; d < DAYS; d++) {
		if (!(m->dayparts & (1u << (d * DAYPARTS + p))))
			continue;
		days |= 1 << d;
		used += (size_t)snprintf(ev->byday + used, sizeof ev->byday - used, "%s%s",
		                         used ? "," : "", weekday_codes[d]);
	}
	long since = parse_is_date(m->since) ? parse_date_days(m->since) : -1;
	if (days == 0 || since < 0)
		return 0;
	while (!(days & (1 << weekday_of(since))))
		since++;
	format_day(since, ev->date);
	snprintf(ev->start_time, sizeof ev->start_time, "%s",
	         m->start_time[0] ? m->start_time : part_starts[p]);
	snprintf(ev->uid, sizeof ev->uid, "match-%lld-%d@%s", (long long)m->id, p, uid_host);
	return 1;
}

int calendar_match_events(const struct cal_match *m, const char *uid_host,
                          struct cal_event ev[3])
{
	int n = 0;
	if (m->one_off_date[0] != '\0') {
		if (!parse_is_date(m->one_off_date))
			return 0;
		memset(&ev[0], 0, sizeof ev[0]);
		snprintf(ev[0].date, sizeof ev[0].date, "%s", m->one_off_date);
		snprintf(ev[0].start_time, sizeof ev[0].start_time, "%s", m->start_time);
		snprintf(ev[0].uid, sizeof ev[0].uid, "match-%lld@%s", (long long)m->id, uid_host);
		n = 1;
	} else {
		for (int p = 0; p < DAYPARTS; p++)
			n += part_event(m, p, uid_host, &ev[n]);
		for (int i = 0; i < n; i++)
			ev[i].tentative = m->engagement != ENGAGEMENT_STRUCTURAL &&
			                  m->engagement != ENGAGEMENT_PROJECT;
	}
	for (int i = 0; i < n; i++) {
		ev[i].summary = m->title;
		ev[i].location = m->place;
		ev[i].description = m->organisation;
		ev[i].duration_minutes = m->duration_minutes > 0 ? m->duration_minutes : 60;
	}
	return n;
}

const char *calendar_word(enum calendar_word w, const char *lang)
{
	static const char *const words[CALENDAR_WORD_COUNT][2] = {
		[CALENDAR_INTAKE_WORD] = { "Intakegesprek", "Intake conversation" },
		[CALENDAR_TRAINING_WORD] = { "Training", "Training" },
		[CALENDAR_REQUEST_WORD] = { "Hulpvraag", "Request for help" },
		[CALENDAR_AGENDA_WORD] = { "Agenda", "Calendar" },
	};
	if ((int)w < 0 || w >= CALENDAR_WORD_COUNT)
		return "";
	return words[w][lang != NULL && strcmp(lang, "en") == 0];
}

/* Central European time: CET in winter, CEST from the last Sunday of March
   to the last Sunday of October, as the EU has had since 1996. */
static const char vtimezone[] =
	"BEGIN:VTIMEZONE\r\n"
	"TZID:" CALENDAR_TZID "\r\n"
	"BEGIN:DAYLIGHT\r\n"
	"TZOFFSETFROM:+0100\r\n"
	"TZOFFSETTO:+0200\r\n"
	"TZNAME:CEST\r\n"
	"DTSTART:19700329T020000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
	"END:DAYLIGHT\r\n"
	"BEGIN:STANDARD\r\n"
	"TZOFFSETFROM:+0200\r\n"
	"TZOFFSETTO:+0100\r\n"
	"TZNAME:CET\r\n"
	"DTSTART:19701025T030000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
	"END:STANDARD\r\n"
	"END:VTIMEZONE\r\n";

int calendar_write_begin(struct buf *out, const char *name)
{
	return buf_appends(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	                        "PRODID:-//Knooppunt//Agenda//NL\r\nCALSCALE:GREGORIAN\r\n"
	                        "METHOD:PUBLISH\r\n"
	                        /* how often a subscribed calendar should ask again */
	                        "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"
	                        "X-PUBLISHED-TTL:PT1H\r\n") ||
	       ical_text(out, "X-WR-CALNAME", name) ||
	       ical_line(out, "X-WR-TIMEZONE", CALENDAR_TZID) ||
	       buf_appends(out, vtimezone) ? -1 : 0;
}

/* "20261201" from "2026-12-01". */
static void compact_date(const char *date, char out[9])
{
	snprintf(out, 9, "%.4s%.2s%.2s", date, date + 5, date + 8);
}

static int write_times(struct buf *out, const struct cal_event *ev)
{
	char d[9], value[32], next[11];
	compact_date(ev->date, d);
	if (ev->start_time[0] == '\0') {
		format_day(parse_date_days(ev->date) + 1, next);
		char e[9];
		compact_date(next, e);
		return ical_line(out, "DTSTART;VALUE=DATE", d) ||
		       ical_line(out, "DTEND;VALUE=DATE", e) ? -1 : 0;
	}
	snprintf(value, sizeof value, "%sT%.2s%.2s00", d, ev->start_time, ev->start_time + 3);
	char duration[24];
	snprintf(duration, sizeof duration, "PT%dH%dM", ev->duration_minutes / 60,
	         ev->duration_minutes % 60);
	return ical_line(out, "DTSTART;TZID=" CALENDAR_TZID, value) ||
	       ical_line(out, "DURATION", duration) ? -1 : 0;
}

int calendar_write_event(struct buf *out, const struct cal_event *ev, int64_t now)
{
	char stamp[24], rule[64];
	struct tm tm;
	time_t t = (time_t)now;
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	if (buf_appends(out, "BEGIN:VEVENT\r\n") || ical_line(out, "UID", ev->uid) ||
	    ical_line(out, "DTSTAMP", stamp) || write_times(out, ev))
		return -1;
	snprintf(rule, sizeof rule, "FREQ=WEEKLY;BYDAY=%s", ev->byday);
	if ((ev->byday[0] && ical_line(out, "RRULE", rule)) ||
	    ical_text(out, "SUMMARY", ev->summary ? ev->summary : "") ||
	    (ev->location && ev->location[0] && ical_text(out, "LOCATION", ev->location)) ||
	    (ev->description && ev->description[0] &&
	     ical_text(out, "DESCRIPTION", ev->description)) ||
	    buf_appends(out, ev->tentative ? "STATUS:TENTATIVE\r\nTRANSP:TRANSPARENT\r\n"
	                                   : "STATUS:CONFIRMED\r\nTRANSP:OPAQUE\r\n") ||
	    buf_appends(out, "END:VEVENT\r\n"))
		return -1;
	return 0;
}

int calendar_write_end(struct buf *out)
{
	return buf_appends(out, "END:VCALENDAR\r\n");
}

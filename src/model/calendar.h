/*
 * What a calendar feed (an iCalendar file, RFC 5545) holds, and how the
 * commitments of a volunteer become its events.
 *
 * A one-off match is one event on the call's date: at its start time for
 * its duration, or all day when the call has no time. A recurring match is
 * one weekly event per part of the day (morning, afternoon, evening) with
 * an RRULE naming the weekdays of that part, from the first such weekday on
 * or after the day the match began; it starts at the call's start time when
 * it has one, else at the part's usual hour (CALENDAR_*_START). A recurring
 * call that is structural or a project is a fixed commitment; one that is
 * flexible (af en toe) names the times she may be asked, so its events are
 * tentative and do not block her calendar. Intakes and trainings are all-day
 * events. One-off events (a dated match, an intake, a training) older than
 * CALENDAR_PAST_DAYS are left out: a calendar keeps what it already has, and
 * a feed that leaves the system carries no old history. Times are local,
 * TZID Europe/Amsterdam, with the zone's VTIMEZONE in the file; DTSTAMP is
 * UTC.
 *
 * A UID is stable for the life of what it describes ("match-12-1@host" for
 * match 12's afternoons), so a phone calendar updates an event in place.
 *
 * Ownership: the strings of a cal_event are borrowed; calendar_write_* append
 * to the caller's buffer and return -1 when its cap is reached.
 */
#ifndef KP_MODEL_CALENDAR_H
#define KP_MODEL_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"

#define CALENDAR_TZID "Europe/Amsterdam"
#define CALENDAR_ROWS_MAX 2000   /* the most matches, intakes and trainings each in a
                                    feed: at most 10,000 events, some 4 MB */
#define CALENDAR_PAST_DAYS 92    /* how far back one-off events go */

/* The usual start of a part of the day, "HH:MM", for a recurring call without time. */
#define CALENDAR_MORNING_START "09:00"
#define CALENDAR_AFTERNOON_START "13:30"
#define CALENDAR_EVENING_START "19:00"

struct cal_event {
	char uid[96];
	const char *summary;        /* TEXT, escaped when written */
	const char *location;       /* "" or NULL: none */
	const char *description;    /* "" or NULL: none */
	char date[11];              /* YYYY-MM-DD: the (first) day */
	char start_time[6];         /* HH:MM, or "" for an all-day event */
	int duration_minutes;       /* with a start time */
	char byday[24];             /* "" or weekdays of a weekly RRULE: "MO,WE" */
	bool tentative;             /* STATUS:TENTATIVE and not blocking the time */
};

/* A match as the calendar needs it. */
struct cal_match {
	int64_t id;
	const char *title;          /* what the volunteer may read of the call */
	const char *place;
	const char *organisation;   /* the organisation's name */
	const char *one_off_date;   /* YYYY-MM-DD or "" */
	const char *start_time;     /* HH:MM or "" */
	uint32_t dayparts;          /* DAYPART bits of a recurring call */
	int engagement;             /* the call's enum engagement */
	int duration_minutes;
	const char *since;          /* YYYY-MM-DD: the day the match began */
};

/* Fills ev[0..3) with the events of m; returns how many (0 when it has no
   usable date). uid_host is the part of the UID after '@'. */
int calendar_match_events(const struct cal_match *m, const char *uid_host,
                          struct cal_event ev[3]);

/* The words of a feed, in "nl" or "en". */
enum calendar_word { CALENDAR_INTAKE_WORD, CALENDAR_TRAINING_WORD, CALENDAR_REQUEST_WORD,
                     CALENDAR_AGENDA_WORD, CALENDAR_WORD_COUNT };
const char *calendar_word(enum calendar_word w, const char *lang);

/* Begins a VCALENDAR named `name` (X-WR-CALNAME) with the VTIMEZONE. */
int calendar_write_begin(struct buf *out, const char *name)
	__attribute__((warn_unused_result));
/* One VEVENT; now (unix seconds) is its DTSTAMP. */
int calendar_write_event(struct buf *out, const struct cal_event *ev, int64_t now)
	__attribute__((warn_unused_result));
int calendar_write_end(struct buf *out) __attribute__((warn_unused_result));

#endif

/*
 * The figures a network reports on itself (DESIGN.md §3.9): volunteers in and
 * out by month and the turnover, retention as Kaplan–Meier curves by start
 * year with the median tenure, exit interviews and the share who stayed,
 * the match funnel with decline reasons, time from sign-up to intake and to
 * a first match, the calls filled and how fast, the nazorg answers, and
 * volunteers per organisation and per municipality against the employees,
 * and the contact point's help requests: in, routed, picked up, not served
 * and why.
 *
 * report_compute fills one `struct report` for an organisation (a
 * coordinator's own) or the whole network (the network administrator),
 * over the period [from, to) and the period of the same length before it.
 * Every count comes from the database as it is now, anonymised people
 * included, so erasure changes no figure.
 *
 * Ownership: the caller owns *out (large: allocate it).
 */
#ifndef KP_SERVICE_REPORTS_H
#define KP_SERVICE_REPORTS_H

#include "db/store.h"
#include "model/help_request.h"
#include "model/survival.h"
#include "service/service.h"

#define REPORT_MONTHS_MAX 36      /* months in one period */
#define REPORT_COHORTS_MAX 11     /* start years shown (the last ten and "all") */
#define REPORT_CURVE_MAX 512      /* points of one survival curve */
#define REPORT_COUNTS_MAX 48      /* rows of a grouped count */
#define REPORT_ORGS_MAX 200
#define REPORT_MUNICIPALITIES_MAX 400 /* the country has 342 */
#define REPORT_ANSWERS_MAX 8      /* nazorg answers: good, adjust, stop */
#define REPORT_SMALL 5            /* in a municipality's view, counts below this are hidden */
#define REPORT_HOURS_ROWS_MAX 512  /* month × activity rows of the hours table */
#define REPORT_HOUR_VALUE_CENTS 500 /* the value of an hour when not asked: € 5 (seed 002) */

struct report_month {
	char month[8];                /* YYYY-MM */
	int64_t inflow, outflow;      /* signed up, stopped in the month */
	int64_t active_end;           /* there at the end of the month */
};

struct report_cohort {
	int year;                     /* start year; 0 for all years together */
	int volunteers;
	int32_t median_days;          /* -1: more than half are still there */
	int n_points;
	struct survival_point points[REPORT_CURVE_MAX];
};

struct report_count {
	char key[64], key2[64];       /* e.g. reason and outcome; status and reason */
	int64_t n;
};

struct report_hours_row {
	char month[8];                /* YYYY-MM */
	int64_t activity_id;          /* 0: no activity */
	int64_t minutes;
};

struct report_time {
	int volunteers;               /* with the event */
	int32_t median_days, p90_days;
};

/* The contact point's help requests that came in during the period. */
struct report_contact {
	int64_t in, in_before;        /* came in, in the period and the period before */
	int64_t routed;               /* sent on to an organisation */
	int64_t picked_up;            /* a named contact took it on */
	int64_t handed_back;          /* handed back to the hub at least once */
	int64_t advice;               /* closed by the desk's own advice */
	int64_t not_served;           /* closed without help */
	int64_t open;                 /* neither picked up nor closed yet */
	int picked_up_timed;          /* picked up, with the hours it took */
	int32_t pickup_median_hours, pickup_p90_hours; /* from coming in; -1: none */
	struct report_count channels[HELP_CHANNEL_COUNT]; /* form, referrer, desk */
	int n_channels;
	struct report_count reasons[OUTCOME_COUNT]; /* why not served */
	int n_reasons;
};

struct report {
	int64_t organisation_id;      /* 0: the network or a municipality */
	char municipality[128];       /* "" unless the figures are of one municipality */
	bool suppress_small;          /* a municipality's view: every count from 1 to
	                                 REPORT_SMALL - 1 is -1 ("fewer than 5"), cohorts
	                                 that small are left out, and times from fewer than
	                                 REPORT_SMALL people are -1 */
	char from[11], to[11];        /* the period [from, to) */
	char before_from[11];         /* the period before: [before_from, from) */
	int64_t volunteers, active_now;
	int64_t inflow, outflow, inflow_before, outflow_before;
	double turnover;              /* outflow / mean active at the month ends, 0..1+ */
	double turnover_before;       /* the same over the period before */
	struct report_month months[REPORT_MONTHS_MAX];
	int n_months;
	struct report_cohort cohorts[REPORT_COHORTS_MAX];
	int n_cohorts;                /* cohorts[0] is all years */
	struct report_count exits[REPORT_COUNTS_MAX];   /* reason, outcome */
	int n_exits;
	int64_t exit_interviews, exit_stayed;          /* stayed: any outcome but stopping */
	struct report_count matches[REPORT_COUNTS_MAX]; /* status, reason */
	int n_matches;
	int64_t matches_proposed, matches_accepted, matches_declined, matches_open;
	struct report_time to_intake, to_first_match; /* of those who signed up in the period */
	int64_t calls_posted, calls_filled; /* posted in the period; filled: status filled or
	                                       as many acceptances as volunteers needed */
	struct report_time to_fill;   /* posting to the acceptance that filled it;
	                                 .volunteers counts calls */
	struct report_count answers[REPORT_ANSWERS_MAX]; /* nazorg answer, "" */
	int n_answers;
	int64_t answers_total, answers_good; /* answered in the period; "it works" */
	int64_t minutes, minutes_before;  /* hours worked (corrections replace entries) */
	int64_t hour_value_cents;         /* what an hour is worth, for the economic value */
	struct report_hours_row hours[REPORT_HOURS_ROWS_MAX];
	int n_hours;                      /* beyond the cap rows are left out, totals not */
	struct report_org orgs[REPORT_ORGS_MAX];
	int n_orgs;
	struct report_org municipalities[REPORT_MUNICIPALITIES_MAX]; /* name: municipality */
	int n_municipalities;
	struct report_contact contact;
};

/* Whose figures and over which period [from, to) (dates YYYY-MM-DD, from <
   to, at most REPORT_MONTHS_MAX months apart). */
struct report_ask {
	int64_t organisation_id;      /* 0: the network; a coordinator always gets the own */
	const char *municipality;     /* NULL: none; else the organisations there, with small
	                                 numbers suppressed (the network administrator only) */
	const char *from, *to;
	int64_t hour_value_cents;     /* 0: REPORT_HOUR_VALUE_CENTS */
};

/* The contact point's figures over [from, to) and the in-count of [before, from)
   (unix seconds), for report_compute (report_contact.c). */
int report_contact_point(struct svc *s, const struct report_scope *sc, int64_t before,
                         int64_t from, int64_t to, struct report_contact *out);
/* A municipality's view: a count from 1 to REPORT_SMALL - 1 becomes -1. */
void report_hide(int64_t *n);
void report_hide_counts(struct report_count *rows, int n);
/* Hides its counts from 1 to REPORT_SMALL - 1, and times from fewer people. */
void report_contact_suppress(struct report_contact *c);

int report_compute(struct app *app, struct db *db, const struct principal *who,
                   const struct report_ask *ask, struct report *out, struct kp_error *err);

#endif

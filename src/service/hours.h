/*
 * Use cases of hours: logging (by the volunteer or the coordinator), the
 * entries proposed for today, "the same as last week", a correction that
 * keeps the history, approval in bulk, and the totals per volunteer and
 * organisation for a month.
 *
 * Who may do what is RES_HOURS (log, correct, read, list) and RES_APPROVAL
 * (approve); see docs/permissions.md. Every write is audited: hours are
 * about a person.
 *
 * Ownership: the caller owns every struct passed in; a record handed to a
 * callback lives only for that call.
 */
#ifndef KP_SERVICE_HOURS_H
#define KP_SERVICE_HOURS_H

#include "db/hours.h"
#include "service/service.h"

/* Logs e (volunteer_id, match_id or activity_id, worked_on, minutes, note);
   the organisation is the match's, else the volunteer's home. On success e
   is the stored entry. */
int hour_log(struct app *app, struct db *db, const struct principal *who,
             struct hour_entry *e, struct kp_error *err);

/* Corrects entry `id` with the fields of `with` named in mask: a new entry
   replaces it, the old one stays as "corrected". On success *out is the new
   entry. */
int hour_correct(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 const struct hour_entry *with, uint64_t mask, struct hour_entry *out,
                 struct kp_error *err);

/* Inside a use case (an import): checks and stores e as a new entry by the
   caller, its organisation and authorisation settled; `except` is an entry
   it replaces (0: none), whose minutes do not count for the day. */
int hour_insert_in(struct svc *s, struct hour_entry *e, int64_t except);

/* Approves entries ids[0..n) (n <= HOURS_APPROVE_MAX): all of them or none. */
int hours_approve(struct app *app, struct db *db, const struct principal *who,
                  const int64_t *ids, int n, struct kp_error *err);

/* Entry `id` and the versions it corrected, newest first, to each. */
int hour_history(struct app *app, struct db *db, const struct principal *who, int64_t id,
                 hour_fn each, void *ctx, struct kp_error *err);

/* The entries that the caller may see, within f. */
int hours_list(struct app *app, struct db *db, const struct principal *who,
               const struct hours_filter *f, struct page pg, hour_fn each, void *ctx,
               int64_t *total, struct kp_error *err);

/* What a volunteer usually logs today: one proposal per active match, with
   the minutes of the last entry on it, else the call's duration. `logged`
   says whether an entry for it exists today already. */
struct hour_proposal {
	struct hour_entry entry;
	char title[CALL_TITLE_MAX * 4 + 1]; /* the call's title */
	bool logged;
};
typedef int (*hour_proposal_fn)(void *ctx, const struct hour_proposal *p);
int hours_today(struct app *app, struct db *db, const struct principal *who,
                int64_t volunteer_id, hour_proposal_fn each, void *ctx, struct kp_error *err);

/* Logs again, seven days later, the volunteer's entries of the week before
   this one (the 7 days ending 7 days ago) that have no copy yet; *created is
   how many. */
int hours_repeat_week(struct app *app, struct db *db, const struct principal *who,
                      int64_t volunteer_id, int *created, struct kp_error *err);

/* Totals for `month` (YYYY-MM; "": the current month, written back into
   month[8]) per volunteer and organisation: the caller's organisation, or
   organisation_id (0: all) for the administrator. */
int hours_totals(struct app *app, struct db *db, const struct principal *who,
                 int64_t organisation_id, char month[8], hour_total_fn each, void *ctx,
                 struct kp_error *err);

/* The year statement of volunteer_id for `year` (2000..2100): per
   organisation, hours, the allowance and reimbursed costs. The volunteer
   sees every organisation; staff see only the organisations whose hours they
   may read (a coordinator: the own one), so no organisation sees another's
   amounts. KP_FORBIDDEN when the caller may neither see the volunteer nor
   any line. *name is the volunteer's name. */
int hours_year_statement(struct app *app, struct db *db, const struct principal *who,
                         int64_t volunteer_id, int year, char *name, size_t name_cap,
                         year_line_fn each, void *ctx, struct kp_error *err);

#endif

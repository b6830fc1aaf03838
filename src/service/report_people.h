/*
 * Every volunteer's place in the figures (organisation, status, sign-up,
 * intake, first match, stop), kept in memory by the server, so that the
 * figures of a network of a million volunteers read it in milliseconds
 * instead of reading a million rows.
 *
 * Like the matching index it is loaded when the server starts, after the
 * change-log follower noted where the log ends, and refreshed, one volunteer
 * at a time, for every change the follower brings (src/sync/follow.h): a
 * change of a volunteer, of a match (a first acceptance) or of a journey's
 * milestone. A report first has the follower read the log once more, so it
 * sees every write committed before it began, on this server or another.
 *
 * Commands without a server have no copy: their figures read the rows.
 *
 * Thread safety: refreshes take the write lock, report_people_each the read
 * lock for the time of one pass.
 */
#ifndef KP_SERVICE_REPORT_PEOPLE_H
#define KP_SERVICE_REPORT_PEOPLE_H

#include <stdbool.h>
#include <stdint.h>

#include "db/store.h"

/* Volunteer ids above this are not kept in memory: the figures read the
   rows instead (report_people_complete). */
#define REPORT_PEOPLE_ID_MAX 100000000

/* One volunteer, in days since 1970; -1 where there is no such day. */
struct report_person {
	int64_t organisation_id;
	int32_t start, stop, intake, first_match;
	int32_t status;               /* enum volunteer_status */
};

/* A row of the store as the figures count it: a stopped volunteer without
   a stop step stopped on the day of the last change, one who came back
   after a stop has none. */
void report_person_of(const struct report_tenure *t, struct report_person *p);

struct report_people;

int report_people_new(struct report_people **out);
void report_people_free(struct report_people *rp);

/* Reads every volunteer. */
int report_people_load(struct report_people *rp, struct db *db, struct kp_error *err);
/* Reads one volunteer again; one that is gone is dropped. */
int report_people_refresh(struct report_people *rp, struct db *db, int64_t volunteer_id,
                          struct kp_error *err);
/* The change-log hook: refreshes the volunteer a change names. */
void report_people_on_change(void *ctx, struct db *db, const struct change_entry *c);

/* False once an id was too large to keep: the figures read the rows. */
bool report_people_complete(struct report_people *rp);

typedef int (*report_person_fn)(void *ctx, const struct report_person *p);
/* Calls each for every volunteer, in id order; stops at the first non-zero
   answer (KP_ERR). */
int report_people_each(struct report_people *rp, report_person_fn each, void *ctx);

#endif

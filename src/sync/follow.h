/*
 * Following the change log: how an app server learns of writes made by the
 * other servers on the same database (or by a command on the same SQLite
 * file) and keeps its in-memory state, such as the matching index, fresh.
 *
 * A follower has its own connection and a thread that reads the `changes`
 * table every interval and hands each change, once, to a hook. Ids come from
 * a sequence and transactions commit out of order on PostgreSQL, so a
 * missing id below ones already seen may still appear: the follower re-reads
 * from the lowest id it has not seen and gives a gap up only after
 * FOLLOW_GAP_WAIT_MS (a transaction still open that long has failed).
 *
 * Start-up order: follow_open notes where the log ends; load the in-memory
 * state after it, then follow_start. A change made in between is delivered
 * and applied again, which a hook must tolerate (refreshes are idempotent).
 *
 * Ownership: follow_open returns a follower the caller ends with follow_close,
 * which stops the thread. The hook runs on the follower's thread with the
 * follower's connection; the change it gets is borrowed.
 */
#ifndef KP_SYNC_FOLLOW_H
#define KP_SYNC_FOLLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "db/store.h"

#define FOLLOW_INTERVAL_MS 100   /* a write elsewhere shows here well within 1 s */
#define FOLLOW_GAP_WAIT_MS 10000
#define FOLLOW_BATCH 1024        /* changes read per poll */

typedef void (*follow_hook)(void *ctx, struct db *db, const struct change_entry *c);

struct follow;

/* Connects to the database at path; hook may be NULL (only counted). */
int follow_open(const char *path, follow_hook hook, void *ctx, struct follow **out,
                struct kp_error *err);
/* Starts the thread, polling every interval_ms. */
int follow_start(struct follow *f, int interval_ms, struct kp_error *err);
/* Reads the log once and delivers what is new; the thread calls this too.
   Not to be called while the thread runs. */
int follow_poll(struct follow *f, struct kp_error *err);
/* Has the running thread read the log once more, from now on, and waits
   (at most timeout_ms) until that read was delivered: afterwards the hook
   has had every change committed before the call (up to FOLLOW_BATCH of
   them). False when the wait ran out or the thread does not run. */
bool follow_sync(struct follow *f, int timeout_ms);

struct follow_stats {
	uint64_t delivered;      /* changes handed to the hook */
	int64_t last_id;         /* id of the last one, 0 when none */
	int last_kind;           /* enum change_kind of the last one, -1 when none */
	int64_t last_ref_id;
};
void follow_stats(struct follow *f, struct follow_stats *out);

void follow_close(struct follow *f);

#endif

/*
 * Group commit of the audit log: every record view writes an audit row, and
 * the view is answered only once that row is durable. One row per
 * transaction costs one fsync per view, and writers queue in SQLite's busy
 * handler; here many requests' rows share one transaction instead.
 *
 * audit_writer_append puts the entry in an in-process queue and waits; one
 * writer thread, with a connection of its own, takes everything queued,
 * writes it in one transaction and wakes each waiter with the result of
 * that commit. An append returns KP_OK only after the commit holding its
 * row succeeded, so an acknowledged view's row survives a crash.
 *
 * Invariants: at most AUDIT_QUEUE_MAX entries wait; an appender whose entry
 * is queued does not return before the writer has set its result; after
 * audit_writer_close no entry is left unwritten or unanswered.
 *
 * audit_writer_submit hands entries over without waiting: a ticket collects
 * the submits of one request, and audit_ticket_wait says what to call once
 * all of them are committed, so that the request's answer, not its thread,
 * waits for the commit (the server parks the connection meanwhile).
 *
 * Ownership: audit_writer_open returns a writer the caller closes with
 * audit_writer_close; append and submit copy the entries. A ticket frees
 * itself after its done function ran.
 */
#ifndef KP_DB_AUDIT_WRITER_H
#define KP_DB_AUDIT_WRITER_H

#include <stdbool.h>

#include "db/store.h"

#define AUDIT_QUEUE_MAX 1024
#define AUDIT_ATTEMPTS 5
#define AUDIT_APPEND_MAX 8    /* entries of one append, all in the same commit */

struct audit_writer;

/* Opens a connection to the database at path and starts the writer. */
int audit_writer_open(const char *path, struct audit_writer **out, struct kp_error *err);

/* Appends the n entries at e (1..AUDIT_APPEND_MAX) and returns when they are
   committed (KP_OK) or failed (err filled). */
int audit_writer_append(struct audit_writer *w, const struct audit_entry *e, int n,
                        struct kp_error *err);

struct audit_ticket;
typedef void (*audit_done_fn)(void *arg, bool ok);

/* Queues the n entries at e (1..AUDIT_APPEND_MAX) under *ticket (made on the
   first submit) and returns at once, KP_OK unless the writer is stopping. */
int audit_writer_submit(struct audit_writer *w, const struct audit_entry *e, int n,
                        struct audit_ticket **ticket, struct kp_error *err);

/* Calls done(arg, ok) once, on some thread, when every entry submitted under
   t is committed (ok) or one failed; at once when that happened already.
   Call it once, after the last submit; it frees t. */
void audit_ticket_wait(struct audit_ticket *t, audit_done_fn done, void *arg);

/* Rows written and transactions used so far (for tests and benchmarks). */
void audit_writer_stats(struct audit_writer *w, long long *rows, long long *commits);

/* Writes what is queued, stops the thread, closes the connection. */
void audit_writer_close(struct audit_writer *w);

#endif

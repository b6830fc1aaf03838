/*
 * Importing volunteers from a spreadsheet (CSV) into an organisation.
 *
 * The file is read with util/csv.h, its columns mapped and its rows turned
 * into records by model/import.h. A dry run reports per row what a real run
 * would do (create, update, leave unchanged) or why the row is refused, and
 * writes nothing. A real run writes IMPORT_BATCH rows per transaction
 * (svc_run), each row as the register's own use cases would: authorised as
 * registering (or editing) a volunteer of the organisation, audited, and
 * for a new volunteer with an e-mail address an account invitation
 * (service/accounts.h). An imported volunteer has no consent recorded: that
 * is "to be confirmed", and nothing about them leaves their organisation
 * until they confirm it themselves after accepting the invitation.
 *
 * Idempotent: rows are looked up by their natural key (model/import.h), so
 * running the same file again reports every row unchanged; a changed row
 * updates only the fields the mapping names. A row that repeats the key of
 * an earlier row of the file is refused ("duplicate_row", limit the earlier
 * row). An explicit mapping of a real run is remembered for the
 * organisation and used when the next import names none.
 *
 * A failure of the file itself (size, a malformed record, a mapping without
 * a required column) stops the import with an error naming where; rows of
 * batches already committed stay. Row reports of a batch are handed out
 * after its commit, in row order.
 *
 * Ownership: the caller owns the request and the file's bytes; a report
 * handed to `each` lives only for the call.
 */
#ifndef KP_SERVICE_IMPORT_H
#define KP_SERVICE_IMPORT_H

#include <stddef.h>

#include "service/service.h"
#include "util/csv.h"

#define IMPORT_BATCH 2000

enum import_action {
	IMPORT_CREATE,     /* a new volunteer */
	IMPORT_UPDATE,     /* a known volunteer with changed fields */
	IMPORT_UNCHANGED,  /* a known volunteer, nothing new */
	IMPORT_REFUSED,    /* see the report's err */
	IMPORT_EMPTY,      /* an empty row, skipped */
	IMPORT_ACTION_COUNT
};
const char *import_action_name(int action);

struct import_row_report {
	long row;                /* the spreadsheet's row number; the header is row 1 */
	int action;              /* enum import_action */
	int64_t volunteer_id;    /* the record written or found; 0 for a new one in a dry run */
	bool invited;            /* an invitation went out (real run) */
	struct kp_error err;     /* why the row was refused */
};

typedef int (*import_report_fn)(void *ctx, const struct import_row_report *r);
/* Called after each batch: bytes of the file read, of total, rows so far. */
typedef void (*import_progress_fn)(void *ctx, size_t done, size_t total, long rows);

struct import_request {
	int64_t organisation_id;   /* 0: the caller's own */
	const char *data;          /* the file */
	size_t len;
	const char *mapping;       /* "Header=field, …"; NULL: the remembered one, or guesses */
	bool dry_run;
	bool invite;               /* invite new volunteers with an e-mail address */
	import_report_fn each;     /* may be NULL; a non-zero return stops the import */
	import_progress_fn progress; /* may be NULL */
	void *ctx;
	long counts[IMPORT_ACTION_COUNT]; /* out: rows per action */
	long invited;                     /* out: invitations sent */
};

int import_volunteers(struct app *app, struct db *db, const struct principal *who,
                      struct import_request *rq, struct kp_error *err);

#endif

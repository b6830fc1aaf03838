/*
 * Importing a spreadsheet (CSV or .xlsx) of volunteers, organisations, calls
 * or hour entries, one kind per file, through one mechanism: a table of
 * import kinds (service/import_kinds.c) says per kind which columns it
 * knows (model/import.h), who may import it, how a row's natural key is
 * found and how a row is written.
 *
 * The file is read with util/csv.h, its columns mapped and its rows turned
 * into records by model/import.h. A dry run reports per row what a real run
 * would do (create, update, leave unchanged) or why the row is refused, and
 * writes nothing. A real run writes a batch of rows per transaction
 * (svc_run), each row as the kind's own use cases would: authorised,
 * audited, validated by the model's rules.
 *
 * Volunteers: registered (or edited) as volunteers of the organisation; a
 * new volunteer with an e-mail address gets an account invitation
 * (service/accounts.h). An imported volunteer has no consent recorded: that
 * is "to be confirmed", and nothing about them leaves their organisation
 * until they confirm it themselves after accepting the invitation.
 * Organisations: registered in the network by its administrator. Calls:
 * posted for the organisation by its coordinators. Hours: logged by the
 * organisation's coordinators for its volunteers; a changed row corrects the
 * entry (the old one stays as "corrected"), an approved entry is refused.
 * Importing into an organisation needs the right to register its volunteers
 * as well (its coordinators, the administrator), so no one imports into an
 * organisation that is not theirs.
 *
 * Idempotent: rows are looked up by their natural key (model/import.h), so
 * running the same file again reports every row unchanged; a changed row
 * updates only the fields the mapping names. A row that repeats the key of
 * an earlier row of the file is refused ("duplicate_row", limit the earlier
 * row). An explicit mapping of a real run is remembered for the
 * organisation and kind and used when the next import names none (not for
 * organisations, which belong to the network).
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

enum import_kind {
	IMPORT_VOLUNTEERS, IMPORT_ORGANISATIONS, IMPORT_CALLS, IMPORT_HOURS, IMPORT_KIND_COUNT
};
/* "volunteers", "organisations", "calls", "hours"; -1 / "" when unknown. */
const char *import_kind_name(int kind);
int import_kind_parse(const char *name);

enum import_action {
	IMPORT_CREATE,     /* a new record */
	IMPORT_UPDATE,     /* a known record with changed fields */
	IMPORT_UNCHANGED,  /* a known record, nothing new */
	IMPORT_REFUSED,    /* see the report's err */
	IMPORT_EMPTY,      /* an empty row, skipped */
	IMPORT_ACTION_COUNT
};
const char *import_action_name(int action);

struct import_row_report {
	long row;                /* the spreadsheet's row number; the header is row 1 */
	int action;              /* enum import_action */
	int64_t id;              /* the record written or found; 0 for a new one in a dry run */
	bool invited;            /* an invitation went out (real run) */
	struct kp_error err;     /* why the row was refused */
};

typedef int (*import_report_fn)(void *ctx, const struct import_row_report *r);
/* Called after each batch: bytes of the file read, of total, rows so far. */
typedef void (*import_progress_fn)(void *ctx, size_t done, size_t total, long rows);

struct import_request {
	int kind;                  /* enum import_kind */
	int64_t organisation_id;   /* 0: the caller's own; not for organisations */
	const char *data;          /* the file */
	size_t len;
	const char *mapping;       /* "Header=field, …"; NULL: the remembered one, or guesses */
	bool dry_run;
	bool invite;               /* volunteers: invite the new ones with an e-mail address */
	import_report_fn each;     /* may be NULL; a non-zero return stops the import */
	import_progress_fn progress; /* may be NULL */
	void *ctx;
	long counts[IMPORT_ACTION_COUNT]; /* out: rows per action */
	long invited;                     /* out: invitations sent */
};

int import_run(struct app *app, struct db *db, const struct principal *who,
               struct import_request *rq, struct kp_error *err);

#endif

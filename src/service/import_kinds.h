/*
 * The kinds an import knows (import.h), for service/import.c: per kind its
 * columns, who may import it, and how one row is found and written inside
 * the batch's transaction. Internal to the import.
 *
 * Ownership: the state belongs to import_run; a kind's `store` writes into
 * the pending row it is given.
 */
#ifndef KP_SERVICE_IMPORT_KINDS_H
#define KP_SERVICE_IMPORT_KINDS_H

#include "match/index.h"
#include "model/import.h"
#include "service/import.h"

/* An activity of the shared list, by code and label (calls name them so). */
struct import_label {
	int64_t id;
	char code[LIST_CODE_MAX + 1];
	char nl[64], en[64];           /* labels normalised (import_normalise) */
};

/* A row read from the file on its way into a batch. */
struct import_pending {
	void *rec;                          /* the kind's record, as the row has it */
	uint64_t given;                     /* the fields it fills (import_given) */
	bool to_store;                      /* false: refused or empty before the batch */
	struct import_row_report report;    /* what happened to it */
};

struct import_state;

struct import_kind_ops {
	const struct import_schema *schema;
	size_t size;                        /* of a record */
	int batch;                          /* rows per transaction, <= IMPORT_BATCH */
	bool network;                       /* records of the network, not of an organisation */
	/* The right to import into st->org (checked before the file and per batch). */
	int (*allow)(struct svc *s, struct import_state *st);
	/* Once before the rows, inside a read (may be NULL). */
	int (*load)(struct svc *s, struct import_state *st);
	/* The row into rec; KP_ERR with why for a refused row. */
	int (*read)(struct import_state *st, const struct csv_row *row, void *rec,
	            uint64_t *given, struct kp_error *why);
	/* The row's natural key into key; returns the field a duplicate names. */
	const char *(*key)(const void *rec, char *key, size_t size);
	/* At the start and the end of each batch's transaction (may be NULL). */
	int (*begin)(struct svc *s, struct import_state *st);
	int (*end)(struct svc *s, struct import_state *st);
	/* Finds the row's record and creates or updates it (only reports in a
	   dry run); a row refused sets its report, KP_ERR fails the batch. */
	int (*store)(struct svc *s, struct import_state *st, struct import_pending *p);
};

extern const struct import_kind_ops import_kinds[IMPORT_KIND_COUNT];

struct import_state {
	struct import_request *rq;
	const struct import_kind_ops *kind;
	int64_t org;
	struct import_mapping map;
	char remembered[IMPORT_MAPPING_TEXT_MAX + 1];
	char today[11];
	struct buf workbook;                /* an .xlsx file's first sheet as CSV text */
	struct csv_reader reader;
	struct csv_row row;
	struct mhash keys;                  /* natural key hash -> the row that had it first */
	struct import_pending batch[IMPORT_BATCH];
	char *records;                      /* kind->batch records of kind->size */
	int n;
	void *old, *next;                   /* scratch records for an update */
	struct import_label *labels;        /* calls: the activities */
	int n_labels;
	long batches;                       /* committed so far */
	/* volunteers: every volunteer of the organisation came from this import
	   (so a row's key needs no look-up), as of change_mark, the next id of
	   the change log when the last batch ended */
	bool fresh;
	int64_t change_mark;
	struct audit_entry *audits;         /* of the batch, written at its end */
	int n_audits;
};

/* Refuses one row without failing the batch. */
int import_refuse(struct import_pending *p, const struct kp_error *why);
int import_refuse_because(struct import_pending *p, enum kp_kind kind, const char *code,
                          const char *field, long long limit);

#endif

/*
 * Reading CSV files as spreadsheet programs write them: a UTF-8 byte order
 * mark is skipped, the separator (';', ',' or tab) is taken from the first
 * line, fields may be quoted ("" inside quotes is one "), quoted fields may
 * span lines, records end in LF, CRLF or a lone CR. A file that is not valid
 * UTF-8 is read as Windows-1252, which is what older Dutch spreadsheet
 * programs save.
 *
 * Every size is capped (CSV_FILE_MAX, CSV_RECORDS_MAX, CSV_COLUMNS_MAX,
 * CSV_CELL_MAX, CSV_RECORD_MAX); passing one, a NUL byte or a stray
 * character after a closing quote stops the reader with KP_INVALID and an
 * error whose field names the record and column ("row 12, column 3"). Records
 * are numbered from 1, the header being record 1, as a spreadsheet numbers
 * its rows.
 *
 * Invariants: between calls p <= end; the cells of the last record point
 * into scratch and stay valid until the next csv_next or csv_close.
 *
 * Ownership: csv_open borrows data for the reader's lifetime unless it had
 * to convert it, in which case the reader owns the converted copy;
 * csv_close frees what the reader owns (not the reader itself).
 */
#ifndef KP_UTIL_CSV_H
#define KP_UTIL_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/error.h"

#define CSV_FILE_MAX ((size_t)64 * 1024 * 1024)  /* bytes of a whole file */
#define CSV_RECORDS_MAX 500000                    /* records, the header included */
#define CSV_COLUMNS_MAX 64                        /* cells in one record */
#define CSV_CELL_MAX 4000                         /* bytes in one cell */
#define CSV_RECORD_MAX 65536                      /* bytes of one record's cells */

struct csv_row {
	int n;                              /* cells in this record, >= 1 */
	const char *cell[CSV_COLUMNS_MAX];  /* NUL-terminated, in the reader's scratch */
	long record;                        /* 1-based record number; the header is 1 */
};

struct csv_reader {
	const char *p, *end;         /* what is still to read */
	char *owned;                 /* the converted copy of the input, or NULL */
	char sep;                    /* ';', ',' or '\t' */
	long records;                /* records read so far */
	size_t size;                 /* bytes of input after conversion */
	char scratch[CSV_RECORD_MAX + CSV_COLUMNS_MAX]; /* the cells of the last record */
};

/* Starts reading data[0..len). KP_INVALID "too_large" (field "file") past
   CSV_FILE_MAX, "empty" for a file without a single record. */
int csv_open(struct csv_reader *r, const char *data, size_t len, struct kp_error *err);

/* Reads the next record into row: 1 when there was one, 0 at the end,
   KP_ERR on malformed input (see above). */
int csv_next(struct csv_reader *r, struct csv_row *row, struct kp_error *err);

/* Bytes read so far, for progress. */
size_t csv_offset(const struct csv_reader *r);

/* True when every cell of the row is empty or blank. */
bool csv_row_is_empty(const struct csv_row *row);

void csv_close(struct csv_reader *r);

/* Writing, for Dutch spreadsheet programs: ';' between cells, CRLF after a
   row, a cell quoted when it holds ';', '"' or a line break. A cell that a
   spreadsheet would take for a formula (starting with '=', '+', '-', '@',
   tab or CR) gets a leading "'" so that it shows as the text it is and is
   never evaluated. csv_write_start writes the UTF-8 byte order mark those
   programs need to read UTF-8. Both return 0, or -1 when the buffer's cap
   was reached (the buffer may then hold part of the row). */
int csv_write_start(struct buf *out) __attribute__((warn_unused_result));
int csv_write_row(struct buf *out, const char *const *cells, int n)
	__attribute__((warn_unused_result));
/* The same without neutralising formulas: for text that is read back, not
   opened in a spreadsheet (util/xlsx_read.h). */
int csv_write_row_as_is(struct buf *out, const char *const *cells, int n)
	__attribute__((warn_unused_result));
/* One cell, quoted as above (neutralised when asked), for a writer that puts
   the separators itself (util/sheet.h). */
int csv_write_cell(struct buf *out, const char *s, bool neutralise)
	__attribute__((warn_unused_result));

#endif

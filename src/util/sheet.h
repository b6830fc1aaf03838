/*
 * A table for export, written row by row as CSV or as an .xlsx workbook of
 * one sheet: a header row, then rows of text and number cells.
 *
 * CSV is UTF-8 with a byte order mark, ';'-separated and with decimal commas,
 * as Dutch spreadsheet programs read it; a field holding ';', '"' or a line
 * break is quoted. The .xlsx is written by util/xlsx.h, which builds it in a
 * temporary file that sheet_close reads into `out` and removes.
 *
 * Invariants: cells are written left to right, sheet_row_end closes a row;
 * the first failure is kept in `failed` and every later call does nothing,
 * so a caller checks once, at sheet_close.
 * Ownership: the caller owns `out` and the strings it passes; the sheet
 * copies what it needs before a call returns.
 */
#ifndef KP_UTIL_SHEET_H
#define KP_UTIL_SHEET_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"

enum sheet_format { SHEET_CSV, SHEET_XLSX };

struct sheet {
	int format;                   /* enum sheet_format */
	struct buf *out;              /* the file's bytes, after sheet_close for xlsx */
	unsigned row, col;            /* the next cell */
	bool failed;
	struct xlsx *xlsx;            /* xlsx only: the workbook (util/xlsx.h) */
};

/* The format named by a file extension ("csv", "xlsx"); -1 for any other. */
int sheet_format_of(const char *extension);

/* Starts a sheet titled `title` (xlsx: the sheet's name, at most 31 bytes
   used) with the NULL-terminated header; 0, or -1 (nothing to close). */
int sheet_open(struct sheet *s, int format, const char *title, const char *const *header,
               struct buf *out) __attribute__((warn_unused_result));

void sheet_text(struct sheet *s, const char *text);
void sheet_int(struct sheet *s, int64_t v);
/* A number with four decimals in CSV, a number cell in xlsx. */
void sheet_decimal(struct sheet *s, double v);
void sheet_row_end(struct sheet *s);

/* Finishes the file into `out`; 0, or -1 when any step failed. */
int sheet_close(struct sheet *s) __attribute__((warn_unused_result));

/* The MIME type of a format. */
const char *sheet_content_type(int format);

#endif

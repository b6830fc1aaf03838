/*
 * Writing a table of text cells as a spreadsheet workbook (.xlsx) with
 * libxlsxwriter: one worksheet, the first row (the header) in bold and
 * frozen. Every cell is written as text, never as a formula, so a value that
 * starts with '=' shows as what it is. A small generic helper: it knows
 * nothing of what the table holds.
 *
 * libxlsxwriter writes to a file, so the workbook is built in a temporary
 * file (in TMPDIR or /tmp) that xlsx_finish reads back and removes.
 *
 * Ownership: xlsx_open returns a writer that xlsx_finish or xlsx_free
 * releases; the cells are copied.
 */
#ifndef KP_UTIL_XLSX_H
#define KP_UTIL_XLSX_H

#include "util/buf.h"
#include "util/error.h"

#define XLSX_ROWS_MAX 1048575   /* a worksheet's rows after the header */
#define XLSX_CELL_MAX 32767     /* characters a cell holds */

struct xlsx;

/* A workbook with one sheet named `sheet` (at most 31 characters). */
int xlsx_open(struct xlsx **out, const char *sheet, struct kp_error *err);

/* Appends a row; the first is the header. A cell past XLSX_CELL_MAX is cut
   (at a character boundary). */
int xlsx_row(struct xlsx *x, const char *const *cells, int n, struct kp_error *err);

/* Closes the workbook and appends its bytes to out; frees x. */
int xlsx_finish(struct xlsx *x, struct buf *out, struct kp_error *err);

/* Frees x without writing. */
void xlsx_free(struct xlsx *x);

#endif

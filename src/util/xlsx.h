/*
 * A spreadsheet of one sheet (.xlsx, through libxlsxwriter): a header row
 * in bold, then rows of text, number, amount (two decimals) and date cells,
 * the header frozen. For reports and exports that a treasurer or
 * coordinator opens in a spreadsheet program.
 *
 * xlsx_open starts a workbook in a temporary file, xlsx_row adds a row,
 * xlsx_close writes the file's bytes into a buffer and removes the file.
 * After any failure the writer only remembers it: xlsx_close then fails
 * and still cleans up.
 *
 * Ownership: xlsx_open returns a writer that xlsx_close frees; column and
 * cell texts are copied into the workbook when given.
 */
#ifndef KP_UTIL_XLSX_H
#define KP_UTIL_XLSX_H

#include "util/buf.h"

enum xlsx_type {
	XLSX_TEXT,
	XLSX_NUMBER,   /* a whole number */
	XLSX_AMOUNT,   /* euros with two decimals, from cents */
	XLSX_DATE,     /* from "YYYY-MM-DD"; an empty text leaves the cell empty */
};

struct xlsx_column {
	const char *header;
	enum xlsx_type type;
	double width;        /* in characters; 0: the program's default */
};

/* One cell: text for XLSX_TEXT and XLSX_DATE, number for XLSX_NUMBER and
   XLSX_AMOUNT (cents). */
struct xlsx_cell {
	const char *text;
	long long number;
};

#define XLSX_COLUMNS_MAX 64
#define XLSX_CELL_MAX 32767   /* characters a cell holds; longer text is cut */

struct xlsx;

/* A workbook with one sheet named `sheet` (at most 31 characters) and the
   header row of cols[0..n); NULL when out of memory or files. */
struct xlsx *xlsx_open(const char *sheet, const struct xlsx_column *cols, int n);

/* Adds a row of n cells, one per column. */
void xlsx_row(struct xlsx *x, const struct xlsx_cell *cells);

/* Cell by cell, for a writer that learns each cell's kind as it goes
   (util/sheet.h): text or a number into the next cell of the row, and on to
   the next row. */
void xlsx_put_text(struct xlsx *x, const char *text);
void xlsx_put_number(struct xlsx *x, double v);
void xlsx_next_row(struct xlsx *x);

/* Finishes the workbook into out; 0, or -1 when anything failed. Frees x. */
int xlsx_close(struct xlsx *x, struct buf *out);

#endif

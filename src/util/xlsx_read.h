/*
 * Reading a spreadsheet workbook (.xlsx) as CSV text, so that the CSV reader
 * (util/csv.h) and everything after it read both kinds of file the same way.
 *
 * The first worksheet (xl/worksheets/sheet1.xml) is read with its shared
 * strings (libzip for the zip container, expat for the XML). Rows keep the
 * numbers the spreadsheet shows them under: a row the workbook leaves out
 * becomes an empty row. A number stays as the workbook stores it, so a date
 * is its day number (days since 1899-12-30), which the import reads as a
 * date; a boolean is 1 or 0; a cell with a formula becomes "=" and the
 * formula, never its cached value, so the import refuses it as it refuses a
 * formula in a CSV file. Cells are written without neutralising.
 *
 * Limits: every part of the workbook at most CSV_FILE_MAX bytes unpacked,
 * at most XLSX_READ_STRINGS_MAX shared strings, a cell's column within
 * CSV_COLUMNS_MAX, rows up to CSV_RECORDS_MAX; past one, KP_INVALID naming
 * "file".
 *
 * Ownership: data is borrowed; the CSV text is appended to the caller's out.
 */
#ifndef KP_UTIL_XLSX_READ_H
#define KP_UTIL_XLSX_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/error.h"

#define XLSX_READ_STRINGS_MAX 1000000

/* True when data starts like a zip file (a workbook, or something else zipped). */
bool xlsx_is_zip(const char *data, size_t len);

/* The first worksheet of the workbook in data as CSV text into out. */
int xlsx_to_csv(const char *data, size_t len, struct buf *out, struct kp_error *err);

#endif

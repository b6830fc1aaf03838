/*
 * Exports of the lists (docs/api.md, "Exports"):
 *
 *   GET /api/volunteers.csv  /api/volunteers.xlsx   as GET /api/volunteers
 *   GET /api/calls.csv       /api/calls.xlsx        as GET /api/calls
 *   GET /api/matches.csv     /api/matches.xlsx      as GET /api/matches
 *   GET /api/hours.csv       /api/hours.xlsx        as GET /api/hours
 *
 * An export runs the list's own handler, with the same filters from the
 * query, page after page (EXPORT_PAGE rows, at most EXPORT_ROWS_MAX), and
 * turns the rows it answered into a table: so it holds exactly the rows and
 * fields that caller sees in the list, through the same use case and
 * permission checks. The columns are the fields of the list's rows, in
 * their order; a field the list leaves out for this caller is no column.
 * CSV as Dutch spreadsheet programs read it (UTF-8 with a byte order mark,
 * ';'), formula-like cells neutralised; .xlsx with every cell as text.
 */
#ifndef KP_API_EXPORTS_H
#define KP_API_EXPORTS_H

#include "api/api.h"

#define EXPORT_PAGE 200
#define EXPORT_ROWS_MAX 100000

int volunteers_export(struct api_call *c);
int calls_export(struct api_call *c);
int matches_export(struct api_call *c);
int hours_export(struct api_call *c);

#endif

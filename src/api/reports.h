/*
 * /api/reports: the figures of an organisation or the network (see
 * service/reports.h). GET /api/reports answers them all as JSON for a
 * period (?from=&to=, dates; the last twelve whole months and this one by
 * default); GET /api/reports/<table>.csv answers one table as CSV, UTF-8
 * with a byte order mark, ';' between fields and decimal commas, as Dutch
 * spreadsheet programs read it.
 */
#ifndef KP_API_REPORTS_H
#define KP_API_REPORTS_H

#include "api/api.h"

int reports_show(struct api_call *c);   /* GET /api/reports */
/* GET /api/reports/months.csv, retention.csv, exits.csv, matches.csv, organisations.csv */
int reports_table(struct api_call *c);

#endif

/*
 * Imports (docs/api.md, "Imports"):
 *
 *   POST /api/imports/volunteers?organisation_id=&dry_run=&mapping=&invite=
 *   POST /api/imports/calls?organisation_id=&dry_run=&mapping=
 *   POST /api/imports/hours?organisation_id=&dry_run=&mapping=
 *   POST /api/imports/organisations?dry_run=&mapping=
 *        the body is the spreadsheet as CSV or .xlsx (any Content-Type, at most
 *        IMPORT_UPLOAD_MAX bytes); answers what happened per action and the
 *        rows (refused rows always, up to IMPORT_ROWS_SHOWN; in a dry run
 *        also the others, up to the same number)
 */
#ifndef KP_API_IMPORTS_H
#define KP_API_IMPORTS_H

#include "api/api.h"

#define IMPORT_UPLOAD_MAX ((size_t)16 * 1024 * 1024)
#define IMPORT_ROWS_SHOWN 1000

int imports_volunteers(struct api_call *c);
int imports_organisations(struct api_call *c);
int imports_calls(struct api_call *c);
int imports_hours(struct api_call *c);

#endif

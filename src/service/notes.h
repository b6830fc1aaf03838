/*
 * Use cases of a coordinator's private notes and contact log about a
 * volunteer (model/note.h): adding one, and reading them.
 *
 * Only the staff of the volunteer's organisation write and read them (the
 * permission module's RES_NOTE, the target being the volunteer's
 * organisation), each organisation its own; the network administrator reads
 * all. The volunteer never sees them on a page: they are in the person's
 * export (service/export.h) and erased with the person (db/erasure.c).
 * Adding one is audited like any change of personal data.
 *
 * Ownership: the caller owns every struct passed in; a note handed to a
 * callback lives only for that call.
 */
#ifndef KP_SERVICE_NOTES_H
#define KP_SERVICE_NOTES_H

#include "service/service.h"

/* Adds n (volunteer_id, kind, body; a contact's channel and happened_on);
   on success n is the stored note. */
int note_add(struct app *app, struct db *db, const struct principal *who,
             struct volunteer_note *n, struct kp_error *err);

/* The notes about volunteer_id the caller may read, the latest first. */
int note_list(struct app *app, struct db *db, const struct principal *who, int64_t volunteer_id,
              note_fn each, void *ctx, struct kp_error *err);

#endif

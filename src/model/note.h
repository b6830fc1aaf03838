/*
 * A coordinator's private notes and contact log about a volunteer: working
 * notes of the volunteer's organisation, never shown to the volunteer on a
 * page, but personal data all the same: in the person's export, erased with
 * the person.
 *
 * A note is free text. A contact is a conversation on a day (not in the
 * future) through a channel (phone, e-mail, visit, meeting, other), with
 * what was said. Notes are only added: what changed is a new note.
 *
 * Ownership: every function works on memory its caller owns.
 */
#ifndef KP_MODEL_NOTE_H
#define KP_MODEL_NOTE_H

#include <stdint.h>

#include "util/error.h"

#define NOTE_BODY_MAX 2000 /* characters */

enum note_kind { NOTE_PRIVATE, NOTE_CONTACT, NOTE_KIND_COUNT };
enum note_channel { CHANNEL_NONE, CHANNEL_PHONE, CHANNEL_EMAIL, CHANNEL_VISIT, CHANNEL_MEETING,
                    CHANNEL_OTHER, CHANNEL_COUNT };

const char *note_kind_name(int kind);       /* "note", "contact" */
int note_kind_parse(const char *name);      /* -1 when unknown */
const char *note_channel_name(int channel); /* "" for none */
int note_channel_parse(const char *name);   /* -1 when unknown; "" is none */

struct volunteer_note {
	int64_t id;
	int64_t volunteer_id;
	int64_t organisation_id;     /* whose staff wrote it and may read it */
	int kind;                    /* enum note_kind */
	int channel;                 /* enum note_channel; none for a note */
	char happened_on[11];        /* a contact's day, YYYY-MM-DD; "" for a note */
	char body[NOTE_BODY_MAX * 4 + 1];
	int64_t created_by;          /* account */
	char author_name[256];       /* read only: the author's display name */
	int64_t created_at;
};

/* Checks a new note against the rules above (today in days since
   1970-01-01); names the field in err. A note loses any channel or day. */
int note_check(struct volunteer_note *n, long today, struct kp_error *err);

#endif

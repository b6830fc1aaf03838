/*
 * The texts people read in error answers, in Dutch (default) and English,
 * keyed by the error codes of struct kp_error.
 */
#ifndef KP_UTIL_MESSAGES_H
#define KP_UTIL_MESSAGES_H

#include "util/error.h"
#include "util/buf.h"

/* "nl" unless the Accept-Language header prefers English. */
const char *messages_language(const char *accept_language);

/* Writes the human text for err in `lang` into out ("Het veld 'title' is verplicht."). */
int messages_render(const struct kp_error *err, const char *lang, struct buf *out);

/* Short title for an error kind in `lang` ("Ongeldige invoer"). */
const char *messages_title(enum kp_kind kind, const char *lang);

#endif

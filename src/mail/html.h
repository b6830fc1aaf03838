/*
 * The HTML part of a mail that has one (a newsletter): a small, complete
 * document around an HTML fragment that is already safe (cmark's safe
 * rendering), followed by the mail's closing lines in plain text (where to
 * read it again, the footer with the unsubscribe link), escaped, with every
 * web address turned into a link.
 *
 * Ownership: the caller owns every string and the buffer.
 */
#ifndef KP_MAIL_HTML_H
#define KP_MAIL_HTML_H

#include "util/buf.h"

/* Appends the document to out: `title` and `tail` are plain text, `fragment`
   is HTML put in as it is. Returns 0, or -1 when out is full. */
int mail_html(struct buf *out, const char *title, const char *fragment, const char *tail);

#endif

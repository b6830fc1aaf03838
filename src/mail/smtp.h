/*
 * Delivering one e-mail over SMTP, with libcurl: STARTTLS when the server
 * offers it (required with `require_tls`), login when a user is configured,
 * and a hard timeout so a stuck server cannot hold the sender.
 *
 * smtp_format writes the message itself (RFC 5322, UTF-8 text, the subject
 * encoded per RFC 2047, an HTML alternative in base64 when there is one); it
 * refuses a header value with a line break, so a subject or address can
 * never add headers of its own (header injection).
 *
 * Ownership: nothing is kept; the caller owns every string and buffer.
 */
#ifndef KP_MAIL_SMTP_H
#define KP_MAIL_SMTP_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/error.h"

#define SMTP_TIMEOUT_S 30
#define SMTP_MESSAGE_MAX (256 * 1024)

struct smtp_config {
	char url[256];        /* smtp://host:port or smtps://host:port; "" sends nothing */
	char from[255];       /* the sender address, bare (noreply@example.nl) */
	char from_name[128];  /* shown with it ("Knooppunt") */
	char user[128];       /* "" for no login */
	char password[128];
	bool require_tls;     /* refuse to send without STARTTLS or smtps */
};

struct smtp_mail {
	const char *to;           /* one address */
	const char *subject;
	const char *body;         /* plain text, UTF-8 */
	const char *message_id;   /* unique, without angle brackets */
	int64_t date;             /* unix seconds */
	const char *list_unsubscribe; /* an https or http address for List-Unsubscribe
	                                 (one-click, RFC 8058); NULL or "" for none */
	const char *html;         /* NULL or "": text only; else an HTML document sent
	                             beside the text (multipart/alternative, base64) */
};

/* Writes the whole message into out. KP_INVALID naming the field when a
   value holds a line break ("header_line_break": subject, from_name,
   list_unsubscribe) or an address is not one address ("invalid_email": to,
   from). */
int smtp_format(const struct smtp_config *cfg, const struct smtp_mail *m, struct buf *out,
                struct kp_error *err);

/* Sends m. On failure err->code is "smtp_failed" and err->detail holds the
   server's answer or libcurl's reason, for the outbox's record. */
int smtp_send(const struct smtp_config *cfg, const struct smtp_mail *m, struct kp_error *err);

#endif

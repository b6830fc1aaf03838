/*
 * The test SMTP server (tests/mail/smtp_sink.py, aiosmtpd) from C: started
 * as a child on 127.0.0.1 with a fresh folder that receives each message as
 * NNN.eml (with an X-Envelope-To line first), stopped by closing its stdin.
 *
 * Ownership: struct mail_sink lives in the caller's memory; mail_sink_stop
 * ends the child and removes the folder.
 */
#ifndef KP_TESTS_MAIL_SINK_H
#define KP_TESTS_MAIL_SINK_H

#include <stdio.h>
#include <sys/types.h>

struct mail_sink {
	FILE *in;        /* the server's stdin */
	pid_t pid;
	int port;
	char dir[64];
};

/* Starts the server in `mode` (accept, refuse, drop). 0, or -1 on failure. */
int mail_sink_start(struct mail_sink *s, const char *mode);
void mail_sink_stop(struct mail_sink *s);

/* Messages that arrived so far. */
int mail_sink_count(const struct mail_sink *s);

/* The whole text of the first message whose envelope names `to` and whose
   text holds `holding` (NULL: any) into out (NUL-terminated, cut at
   cap - 1); 0, or -1 when none arrived. */
int mail_sink_find(const struct mail_sink *s, const char *to, const char *holding, char *out,
                   size_t cap);

/* How many messages went to `to` with `holding` in their text (NULL: any). */
int mail_sink_count_to(const struct mail_sink *s, const char *to, const char *holding);

#endif

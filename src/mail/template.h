/*
 * Mail texts from files: src/mail/templates/LANG/KIND.txt, embedded at build
 * time by scripts/embed-templates. A file is "Subject: …", a blank line and
 * the body. In both, {{name}} is replaced by the value of variable `name`;
 * {{?name}}…{{/name}} is kept only when `name` is not empty, and
 * {{!name}}…{{/name}} only when it is (no nesting of the same name).
 *
 * A variable has a Dutch value and, where the words differ, an English one
 * (a label such as a reminder's kind); the language chooses. An unknown
 * language falls back to Dutch; a placeholder without a variable is an
 * internal error naming it, so a text and its caller cannot drift apart
 * unnoticed (tests/unit/mail_template_test.c renders every file).
 *
 * Ownership: the caller owns vars and both buffers.
 */
#ifndef KP_MAIL_TEMPLATE_H
#define KP_MAIL_TEMPLATE_H

#include <stdbool.h>

#include "util/buf.h"
#include "util/error.h"

#define MAIL_LANG_DEFAULT "nl"

struct mail_template {
	const char *lang;
	const char *kind;
	const char *text;
};
extern const struct mail_template mail_templates[];
extern const int mail_template_count;

struct mail_var {
	const char *name;
	const char *nl;   /* the value; NULL counts as empty */
	const char *en;   /* the English value when it differs, else NULL */
};

/* Whether lang is a language with mail texts ("nl", "en"). */
bool mail_lang_known(const char *lang);

/* The text of kind in lang (Dutch when lang has none); NULL for no such kind. */
const char *mail_template_text(const char *kind, const char *lang);

/* Renders kind in lang into subject (one line) and body. KP_INTERNAL
   "template_missing" naming kind, or "template_variable" naming the
   placeholder without a variable. */
int mail_render(const char *kind, const char *lang, const struct mail_var *vars, int n,
                struct buf *subject, struct buf *body, struct kp_error *err);

#endif

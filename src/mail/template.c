/* Mail texts from files, with named placeholders (template.h). */
#include "mail/template.h"

#include <stdio.h>
#include <string.h>

bool mail_lang_known(const char *lang)
{
	return lang != NULL && (strcmp(lang, "nl") == 0 || strcmp(lang, "en") == 0);
}

static const char *find(const char *kind, const char *lang)
{
	for (int i = 0; i < mail_template_count; i++)
		if (strcmp(mail_templates[i].kind, kind) == 0 &&
		    strcmp(mail_templates[i].lang, lang) == 0)
			return mail_templates[i].text;
	return NULL;
}

const char *mail_template_text(const char *kind, const char *lang)
{
	const char *t = mail_lang_known(lang) ? find(kind, lang) : NULL;
	return t != NULL ? t : find(kind, MAIL_LANG_DEFAULT);
}

/* The value of the variable named by name[0..len) in lang, or NULL when no
   variable has that name. */
static const char *value_of(const struct mail_var *vars, int n, const char *name, size_t len,
                            const char *lang)
{
	for (int i = 0; i < n; i++) {
		if (strlen(vars[i].name) != len || strncmp(vars[i].name, name, len) != 0)
			continue;
		const char *v = strcmp(lang, "en") == 0 && vars[i].en != NULL ? vars[i].en : vars[i].nl;
		return v != NULL ? v : "";
	}
	return NULL;
}

struct render {
	const struct mail_var *vars;
	int n;
	const char *lang;
	struct kp_error *err;
	char missing[64];
};

static int unknown(struct render *r, const char *name, size_t len)
{
	if (len >= sizeof r->missing)
		len = sizeof r->missing - 1;
	memcpy(r->missing, name, len);
	r->missing[len] = '\0';
	return kp_fail(r->err, KP_INTERNAL, "template_variable", r->missing);
}

/* Expands text[0..len) into out. */
static int expand(struct render *r, const char *text, size_t len, struct buf *out)
{
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *open = memmem(p, (size_t)(end - p), "{{", 2);
		if (open == NULL)
			return buf_append(out, p, (size_t)(end - p)) ? kp_internal(r->err) : KP_OK;
		const char *close = memmem(open, (size_t)(end - open), "}}", 2);
		if (close == NULL)
			return unknown(r, open, (size_t)(end - open));
		if (buf_append(out, p, (size_t)(open - p)))
			return kp_internal(r->err);
		const char *name = open + 2;
		bool section = *name == '?' || *name == '!';
		bool shown_when_set = *name == '?';
		name += section;
		size_t nlen = (size_t)(close - name);
		const char *v = value_of(r->vars, r->n, name, nlen, r->lang);
		if (v == NULL)
			return unknown(r, name, nlen);
		p = close + 2;
		if (!section) {
			if (buf_appends(out, v))
				return kp_internal(r->err);
			continue;
		}
		char endtag[72];
		int elen = snprintf(endtag, sizeof endtag, "{{/%.*s}}", (int)nlen, name);
		const char *stop = memmem(p, (size_t)(end - p), endtag, (size_t)elen);
		if (stop == NULL)
			return unknown(r, name, nlen);
		if ((v[0] != '\0') == shown_when_set && expand(r, p, (size_t)(stop - p), out))
			return KP_ERR;
		p = stop + elen;
	}
	return KP_OK;
}

int mail_render(const char *kind, const char *lang, const struct mail_var *vars, int n,
                struct buf *subject, struct buf *body, struct kp_error *err)
{
	const char *text = mail_template_text(kind, lang);
	if (text == NULL)
		return kp_fail(err, KP_INTERNAL, "template_missing", kind);
	struct render r = { vars, n, mail_lang_known(lang) ? lang : MAIL_LANG_DEFAULT, err, "" };
	const char *first = text + strlen("Subject: ");
	const char *eol = strchr(first, '\n');
	if (expand(&r, first, (size_t)(eol - first), subject))
		return KP_ERR;
	/* A value with a line break must not end the subject line early. */
	for (char *c = subject->data; c != NULL && *c; c++)
		if (*c == '\r' || *c == '\n')
			*c = ' ';
	const char *rest = eol + 1;
	while (*rest == '\n')
		rest++;
	return expand(&r, rest, strlen(rest), body);
}

/* One e-mail over SMTP with libcurl (smtp.h). */
#include "mail/smtp.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static bool one_line(const char *s)
{
	return strpbrk(s, "\r\n") == NULL;
}

static bool plain_address(const char *s)
{
	const char *at = strchr(s, '@');
	return at != NULL && at != s && at[1] != '\0' && strpbrk(s, " <>,;\"\r\n\t") == NULL;
}

/* len bytes of text in base64 (RFC 4648), padded. */
static int base64(struct buf *out, const char *text, size_t len)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	int rc = 0;
	for (size_t i = 0; i < len; i += 3) {
		unsigned char c[3] = { 0, 0, 0 };
		size_t k = len - i < 3 ? len - i : 3;
		memcpy(c, text + i, k);
		char q[4] = { b64[c[0] >> 2], b64[((c[0] & 3) << 4) | (c[1] >> 4)],
		              k > 1 ? b64[((c[1] & 15) << 2) | (c[2] >> 6)] : '=',
		              k > 2 ? b64[c[2] & 63] : '=' };
		rc |= buf_append(out, q, 4);
	}
	return rc;
}

/* RFC 2047: "=?UTF-8?B?…?=" in chunks, so that every line stays short. */
static int encoded_word(struct buf *out, const char *text)
{
	size_t n = strlen(text);
	int rc = 0;
	for (size_t at = 0, len = 0; at < n || at == 0; at += len) {
		len = n - at < 45 ? n - at : 45;
		/* Whole characters only: never split a UTF-8 sequence between words. */
		while (len > 0 && at + len < n && ((unsigned char)text[at + len] & 0xC0) == 0x80)
			len--;
		rc |= buf_appends(out, at ? "\r\n =?UTF-8?B?" : "=?UTF-8?B?");
		rc |= base64(out, text + at, len);
		rc |= buf_appends(out, "?=");
		if (n == 0)
			break;
	}
	return rc;
}

/* A body part in base64, in lines of 76 characters (RFC 2045). */
static int base64_lines(struct buf *out, const char *text)
{
	size_t n = strlen(text);
	int rc = 0;
	for (size_t at = 0; at < n; at += 57)
		rc |= base64(out, text + at, n - at < 57 ? n - at : 57) | buf_appends(out, "\r\n");
	return rc;
}

/* The body with every line ending as CRLF and a lone "." doubled. */
static int body_lines(struct buf *out, const char *body)
{
	int rc = 0;
	for (const char *p = body; *p && rc == 0;) {
		size_t len = strcspn(p, "\r\n");
		if (p[0] == '.')
			rc |= buf_appends(out, ".");
		rc |= buf_append(out, p, len) | buf_appends(out, "\r\n");
		p += len;
		if (*p == '\r')
			p++;
		if (*p == '\n')
			p++;
	}
	return rc;
}

#define TEXT_PART                                                                   \
	"Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"

int smtp_format(const struct smtp_config *cfg, const struct smtp_mail *m, struct buf *out,
                struct kp_error *err)
{
	char date[64];
	time_t t = (time_t)m->date;
	struct tm tm;
	if (!plain_address(m->to))
		return kp_invalid(err, "to", "invalid_email");
	if (!one_line(m->subject))
		return kp_invalid(err, "subject", "header_line_break");
	if (!one_line(cfg->from_name))
		return kp_invalid(err, "from_name", "header_line_break");
	if (!plain_address(cfg->from))
		return kp_invalid(err, "from", "invalid_email");
	const char *unsub = m->list_unsubscribe != NULL ? m->list_unsubscribe : "";
	if (!one_line(unsub) || strpbrk(unsub, "<> \t") != NULL)
		return kp_invalid(err, "list_unsubscribe", "header_line_break");
	gmtime_r(&t, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	int rc = buf_printf(out, "Date: %s\r\nFrom: ", date);
	rc |= encoded_word(out, cfg->from_name);
	rc |= buf_printf(out, " <%s>\r\nTo: <%s>\r\nMessage-ID: <%s>\r\nSubject: ", cfg->from, m->to,
	                 m->message_id);
	rc |= encoded_word(out, m->subject);
	if (unsub[0] != '\0')
		rc |= buf_printf(out, "\r\nList-Unsubscribe: <%s>\r\n"
		                      "List-Unsubscribe-Post: List-Unsubscribe=One-Click", unsub);
	if (m->html == NULL || m->html[0] == '\0') {
		rc |= buf_appends(out, "\r\nMIME-Version: 1.0\r\n" TEXT_PART);
		rc |= body_lines(out, m->body);
	} else {
		/* The text, and the same as HTML: the mail program shows what it can. A
		   boundary is a line no part holds (base64 has no '_'), of the
		   characters RFC 2046 allows. */
		char boundary[160];
		for (int i = 0; i == 0 || strstr(m->body, boundary) != NULL; i++)
			snprintf(boundary, sizeof boundary, "=_alternative_%d_%.*s", i,
			         (int)strcspn(m->message_id, "@"), m->message_id);
		rc |= buf_printf(out, "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; "
		                      "boundary=\"%s\"\r\n\r\n--%s\r\n" TEXT_PART, boundary, boundary);
		rc |= body_lines(out, m->body);
		rc |= buf_printf(out, "--%s\r\nContent-Type: text/html; charset=UTF-8\r\n"
		                      "Content-Transfer-Encoding: base64\r\n\r\n", boundary);
		rc |= base64_lines(out, m->html);
		rc |= buf_printf(out, "--%s--\r\n", boundary);
	}
	return rc ? kp_fail_limit(err, KP_INVALID, "too_long", "body", SMTP_MESSAGE_MAX) : KP_OK;
}

struct upload {
	const char *data;
	size_t left;
};

static size_t read_message(char *dst, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t len = size * n < u->left ? size * n : u->left;
	memcpy(dst, u->data, len);
	u->data += len;
	u->left -= len;
	return len;
}

static int transfer(const struct smtp_config *cfg, const struct smtp_mail *m, struct buf *msg,
                    struct kp_error *err)
{
	char reason[CURL_ERROR_SIZE] = "", from[300], to[300];
	struct upload u = { msg->data, msg->len };
	struct curl_slist *rcpt = NULL;
	CURL *h = curl_easy_init();
	if (h == NULL)
		return kp_internal(err);
	snprintf(from, sizeof from, "<%s>", cfg->from);
	snprintf(to, sizeof to, "<%s>", m->to);
	rcpt = curl_slist_append(rcpt, to);
	curl_easy_setopt(h, CURLOPT_URL, cfg->url);
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_message);
	curl_easy_setopt(h, CURLOPT_READDATA, &u);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_USE_SSL, cfg->require_tls ? (long)CURLUSESSL_ALL
	                                                       : (long)CURLUSESSL_TRY);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)SMTP_TIMEOUT_S);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, reason);
	if (cfg->user[0]) {
		curl_easy_setopt(h, CURLOPT_USERNAME, cfg->user);
		curl_easy_setopt(h, CURLOPT_PASSWORD, cfg->password);
	}
	CURLcode rc = curl_easy_perform(h);
	long code = 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(h);
	if (rc == CURLE_OK)
		return KP_OK;
	kp_fail_detail(err, KP_BUSY, "smtp_failed", "", "%ld %s", code,
	               reason[0] ? reason : curl_easy_strerror(rc));
	return KP_ERR;
}

int smtp_send(const struct smtp_config *cfg, const struct smtp_mail *m, struct kp_error *err)
{
	struct buf msg;
	buf_init(&msg, SMTP_MESSAGE_MAX);
	int rc = smtp_format(cfg, m, &msg, err);
	if (rc == KP_OK)
		rc = transfer(cfg, m, &msg, err);
	buf_free(&msg);
	return rc;
}

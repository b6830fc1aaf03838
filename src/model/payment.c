/* IBANs and the SEPA credit-transfer file (payment.h). */
#include "model/payment.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* The remainder mod 97 of s read as digits, a letter counting as 10..35. */
static unsigned mod97(const char *s, size_t n, size_t start)
{
	unsigned rest = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[(i + start) % n];
		if (isdigit((unsigned char)ch))
			rest = (rest * 10 + (unsigned)(ch - '0')) % 97;
		else
			rest = (rest * 100 + (unsigned)(toupper((unsigned char)ch) - 'A' + 10)) % 97;
	}
	return rest;
}

void iban_compose(const char *country, const char *bban, char out[IBAN_MAX + 1])
{
	char tmp[IBAN_MAX + 1];
	int n = snprintf(tmp, sizeof tmp, "%.2s00%.30s", country, bban);
	unsigned check = 98 - mod97(tmp, (size_t)n, 4);
	snprintf(out, IBAN_MAX + 1, "%.2s%02u%.30s", country, check, bban);
}

int iban_check(const char *in, const char *field, char out[IBAN_MAX + 1],
               struct kp_error *err)
{
	size_t n = 0;
	for (const char *p = in ? in : ""; *p != '\0'; p++) {
		if (*p == ' ')
			continue;
		if (n == IBAN_MAX || !isalnum((unsigned char)*p))
			return kp_invalid(err, field, "invalid_iban");
		out[n++] = (char)toupper((unsigned char)*p);
	}
	out[n] = '\0';
	if (n < 15 || !isalpha((unsigned char)out[0]) || !isalpha((unsigned char)out[1]) ||
	    !isdigit((unsigned char)out[2]) || !isdigit((unsigned char)out[3]))
		return kp_invalid(err, field, "invalid_iban");
	/* The first four characters move to the end. */
	return mod97(out, n, 4) == 1 ? KP_OK : kp_invalid(err, field, "invalid_iban");
}

void iban_mask(const char *iban, char out[IBAN_MAX * 2])
{
	size_t n = strlen(iban), o = 0;
	for (size_t i = 0; i < n && i < IBAN_MAX; i++) {
		if (i > 0 && i % 4 == 0)
			out[o++] = ' ';
		out[o++] = i < 2 || i + 4 >= n ? iban[i] : '*';
	}
	out[o] = '\0';
}

int bic_check(const char *in, char out[BIC_MAX + 1], struct kp_error *err)
{
	size_t n = 0;
	for (const char *p = in ? in : ""; *p != '\0'; p++) {
		if (n == BIC_MAX || !isalnum((unsigned char)*p))
			return kp_invalid(err, "bic", "invalid_bic");
		out[n++] = (char)toupper((unsigned char)*p);
	}
	out[n] = '\0';
	for (size_t i = 0; i < n && i < 6; i++)
		if (!isalpha((unsigned char)out[i]))
			return kp_invalid(err, "bic", "invalid_bic");
	return n == 0 || n == 8 || n == 11 ? KP_OK : kp_invalid(err, "bic", "invalid_bic");
}

/* U+00C0 .. U+00FF without their accents; a space for what has no letter. */
static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOO OUUUUY s"
                             "aaaaaaaceeeeiiiidnooooo ouuuuy y";

static bool sepa_char(char ch)
{
	return isalnum((unsigned char)ch) || (ch != '\0' && strchr("/-?:().,'+ ", ch) != NULL);
}

void payment_sepa_text(const char *in, size_t max, char *out, size_t cap)
{
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)in;
	while (*p != '\0' && o < max && o + 1 < cap) {
		char ch = ' ';
		if (*p < 0x80) {
			ch = sepa_char((char)*p) ? (char)*p : ' ';
			p++;
		} else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			ch = latin1[p[1] - 0x80];
			p += 2;
		} else {
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		}
		if (ch == ' ' && (o == 0 || out[o - 1] == ' '))
			continue;
		out[o++] = ch;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	if (o == 0 && cap > 1)
		out[o++] = '-';
	out[o] = '\0';
}

static int sepa_amount(struct buf *out, const char *tag, int64_t cents)
{
	return buf_printf(out, "<%s>%lld.%02lld</%s>", tag, (long long)(cents / 100),
	                  (long long)(cents % 100), tag);
}

/* The sum per volunteer: lines are grouped by volunteer, those without IBAN
   left out. */
static int64_t volunteer_sum(const struct payment_line *lines, int n, int i, int *next)
{
	int64_t sum = 0;
	int j = i;
	for (; j < n && lines[j].volunteer_id == lines[i].volunteer_id; j++)
		sum += lines[j].amount_cents;
	*next = j;
	return sum;
}

static int write_transfer(struct buf *out, const struct payment_batch *b,
                          const struct payment_line *l, int64_t cents, int number)
{
	char name[PAYMENT_NAME_MAX + 1], text[141];
	payment_sepa_text(l->name, PAYMENT_NAME_MAX, name, sizeof name);
	snprintf(text, sizeof text, "%s vrijwilligersvergoeding en onkosten", b->reference);
	return buf_printf(out, "<CdtTrfTxInf><PmtId><EndToEndId>%.28s-%d</EndToEndId></PmtId>"
	                  "<Amt><InstdAmt Ccy=\"EUR\">%lld.%02lld</InstdAmt></Amt>"
	                  "<Cdtr><Nm>%s</Nm></Cdtr><CdtrAcct><Id><IBAN>%s</IBAN></Id></CdtrAcct>"
	                  "<RmtInf><Ustrd>%s</Ustrd></RmtInf></CdtTrfTxInf>\n", b->reference,
	                  number, (long long)(cents / 100), (long long)(cents % 100), name,
	                  l->iban, text);
}

int payment_sepa_write(struct buf *out, const struct payment_batch *b,
                       const struct payment_line *lines, int n, int *paid,
                       int64_t *total_cents)
{
	char debtor[PAYMENT_NAME_MAX + 1];
	int next = 0, count = 0;
	int64_t total = 0;
	for (int i = 0; i < n; i = next) {
		int64_t sum = volunteer_sum(lines, n, i, &next);
		if (lines[i].iban[0] != '\0' && sum > 0) {
			count++;
			total += sum;
		}
	}
	*paid = count;
	*total_cents = total;
	payment_sepa_text(b->debtor_name, PAYMENT_NAME_MAX, debtor, sizeof debtor);
	if (buf_appends(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\""
	                "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\" xmlns:xsi=\""
	                "http://www.w3.org/2001/XMLSchema-instance\">\n<CstmrCdtTrfInitn>\n") ||
	    buf_printf(out, "<GrpHdr><MsgId>%s</MsgId><CreDtTm>%s</CreDtTm><NbOfTxs>%d</NbOfTxs>",
	               b->message_id, b->created, count) ||
	    sepa_amount(out, "CtrlSum", total) ||
	    buf_printf(out, "<InitgPty><Nm>%s</Nm></InitgPty></GrpHdr>\n<PmtInf><PmtInfId>%s"
	               "</PmtInfId><PmtMtd>TRF</PmtMtd><NbOfTxs>%d</NbOfTxs>", debtor,
	               b->message_id, count) ||
	    sepa_amount(out, "CtrlSum", total) ||
	    buf_printf(out, "<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf><ReqdExctnDt>%s"
	               "</ReqdExctnDt><Dbtr><Nm>%s</Nm></Dbtr><DbtrAcct><Id><IBAN>%s</IBAN></Id>"
	               "</DbtrAcct>", b->execute_on, debtor, b->debtor_iban) ||
	    (b->debtor_bic[0] != '\0' ?
	     buf_printf(out, "<DbtrAgt><FinInstnId><BIC>%s</BIC></FinInstnId></DbtrAgt>",
	                b->debtor_bic) :
	     buf_appends(out, "<DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr>"
	                 "</FinInstnId></DbtrAgt>")) ||
	    buf_appends(out, "<ChrgBr>SLEV</ChrgBr>\n"))
		return -1;
	count = 0;
	for (int i = 0; i < n; i = next) {
		int64_t sum = volunteer_sum(lines, n, i, &next);
		if (lines[i].iban[0] != '\0' && sum > 0 &&
		    write_transfer(out, b, &lines[i], sum, ++count))
			return -1;
	}
	return buf_appends(out, "</PmtInf>\n</CstmrCdtTrfInitn>\n</Document>\n");
}

/* Bank accounts and the treasurer's export (api/payments.h). */
#include "api/payments.h"

#include <stdio.h>
#include <string.h>

#include "api/json_in.h"
#include "model/hours.h"
#include "service/payments.h"
#include "util/csv.h"
#include "util/parse.h"
#include "util/xlsx.h"

static int reply_account(struct api_call *c, const struct bank_account *a)
{
	return api_reply(c, 200, json_pack("{s:b, s:s?, s:s}", "has_iban", a->has, "iban",
	                                   a->has ? a->masked : NULL, "holder", a->holder));
}

int volunteer_bank_account_show(struct api_call *c)
{
	struct bank_account a;
	if (bank_account_read(c->app, c->db, &c->who, c->id, &a, &c->err))
		return KP_ERR;
	return reply_account(c, &a);
}

int volunteer_bank_account_update(struct api_call *c)
{
	static const char *const fields[] = { "iban", "holder", NULL };
	char iban[IBAN_MAX * 2 + 1], holder[PAYMENT_NAME_MAX * 4 + 1] = "";
	struct bank_account a;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "iban", IBAN_MAX * 2, true, iban, sizeof iban, &c->err) ||
	    jin_text(c->body, "holder", PAYMENT_NAME_MAX, false, holder, sizeof holder, &c->err) ||
	    bank_account_set(c->app, c->db, &c->who, c->id, iban, holder, &a, &c->err))
		return KP_ERR;
	return reply_account(c, &a);
}

static int reply_organisation_account(struct api_call *c, const struct organisation_account *a)
{
	return api_reply(c, 200, json_pack("{s:I, s:s?, s:s?}", "organisation_id",
	                                   (json_int_t)c->id, "iban", a->has ? a->iban : NULL,
	                                   "bic", a->has && a->bic[0] ? a->bic : NULL));
}

int organisation_bank_account_show(struct api_call *c)
{
	struct organisation_account a;
	if (organisation_account_read(c->app, c->db, &c->who, c->id, &a, &c->err))
		return KP_ERR;
	return reply_organisation_account(c, &a);
}

int organisation_bank_account_update(struct api_call *c)
{
	static const char *const fields[] = { "iban", "bic", NULL };
	char iban[IBAN_MAX * 2 + 1], bic[BIC_MAX * 2 + 1] = "";
	struct organisation_account a;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_text(c->body, "iban", IBAN_MAX * 2, true, iban, sizeof iban, &c->err) ||
	    jin_text(c->body, "bic", BIC_MAX * 2, false, bic, sizeof bic, &c->err) ||
	    organisation_account_set(c->app, c->db, &c->who, c->id, iban, bic, &a, &c->err))
		return KP_ERR;
	return reply_organisation_account(c, &a);
}

/* A date of the query into dst[11], "" when not given and not required. */
static int query_date(struct api_call *c, const char *name, bool required, char dst[11])
{
	const char *s = http_query(c->req, name);
	dst[0] = '\0';
	if ((s == NULL || *s == '\0') && !required)
		return KP_OK;
	if (s == NULL || *s == '\0')
		return kp_fail(&c->err, KP_MALFORMED, "required", name);
	if (!parse_is_date(s))
		return kp_fail(&c->err, KP_MALFORMED, "invalid_date", name);
	snprintf(dst, 11, "%s", s);
	return KP_OK;
}

/* Without `from`: every claim still open; without `to`: up to today. */
static void default_period(struct api_call *c, char from[11], char to[11])
{
	if (from[0] == '\0')
		snprintf(from, 11, "%s", PAYMENT_FROM_ANY);
	if (to[0] == '\0')
		parse_format_date(c->app->now(), to);
}

/* Reads the period and runs the export into *x. */
static int run_export(struct api_call *c, struct payment_export *x, char from[11], char to[11])
{
	if (query_date(c, "from", false, from) || query_date(c, "to", false, to))
		return KP_ERR;
	default_period(c, from, to);
	return payments_export(c->app, c->db, &c->who, c->id, from, to, x, &c->err);
}

/* The kind of a claim as the treasurer reads it. */
static const char *kind_label(int kind)
{
	static const char *const labels[EXPENSE_KIND_COUNT] = { "Kilometers", "Openbaar vervoer",
		                                                "Overige kosten",
		                                                "Vrijwilligersvergoeding" };
	return kind >= 0 && kind < EXPENSE_KIND_COUNT ? labels[kind] : "";
}

/* Sends body as a download named "betalingen-<org>-<from>-<to>.<ext>". */
static int send_file(struct api_call *c, const char *type, const char *from, const char *to,
                     const char *ext)
{
	char disposition[128];
	snprintf(disposition, sizeof disposition,
	         "attachment; filename=\"betalingen-%lld-%s-%s.%s\"", (long long)c->id, from, to,
	         ext);
	c->res->status = 200;
	c->res->content_type = type;
	http_response_header(c->res, "Content-Disposition", disposition);
	return KP_OK;
}

int payments_csv(struct api_call *c)
{
	struct payment_export x;
	char from[11], to[11], amount[32];
	struct buf *out = &c->res->body;
	int rc = 0;
	if (run_export(c, &x, from, to))
		return KP_ERR;
	static const char *const header[] = { "Naam", "IBAN", "Datum", "Soort", "Omschrijving",
	                                      "Bedrag" };
	out->len = 0;
	rc = csv_write_start(out) || csv_write_row(out, header, 6);
	for (int i = 0; i < x.n && rc == 0; i++) {
		const struct payment_line *l = &x.lines[i];
		snprintf(amount, sizeof amount, "%lld,%02lld", (long long)(l->amount_cents / 100),
		         (long long)(l->amount_cents % 100));
		const char *const row[] = { l->name, l->iban, l->incurred_on, kind_label(l->kind),
		                            l->description, amount };
		rc = csv_write_row(out, row, 6);
	}
	payment_export_free(&x);
	if (rc != 0)
		return kp_internal(&c->err);
	return send_file(c, "text/csv; charset=utf-8", from, to, "csv");
}

int payments_xlsx(struct api_call *c)
{
	static const struct xlsx_column cols[] = {
		{ "Naam", XLSX_TEXT, 28 }, { "IBAN", XLSX_TEXT, 24 }, { "Datum", XLSX_DATE, 12 },
		{ "Soort", XLSX_TEXT, 22 }, { "Omschrijving", XLSX_TEXT, 40 },
		{ "Bedrag (EUR)", XLSX_AMOUNT, 14 },
	};
	struct payment_export x;
	char from[11], to[11];
	if (run_export(c, &x, from, to))
		return KP_ERR;
	struct xlsx *w = xlsx_open("Betalingen", cols, (int)(sizeof cols / sizeof cols[0]));
	for (int i = 0; i < x.n; i++) {
		const struct payment_line *l = &x.lines[i];
		struct xlsx_cell row[] = { { l->name, 0 }, { l->iban, 0 }, { l->incurred_on, 0 },
			                   { kind_label(l->kind), 0 }, { l->description, 0 },
			                   { NULL, l->amount_cents } };
		xlsx_row(w, row);
	}
	payment_export_free(&x);
	c->res->body.len = 0;
	if (xlsx_close(w, &c->res->body) != 0)
		return kp_internal(&c->err);
	return send_file(c, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	                 from, to, "xlsx");
}

int payments_xml(struct api_call *c)
{
	struct payment_export x;
	char from[11], to[11], execute_on[11];
	if (query_date(c, "execute_on", false, execute_on) || run_export(c, &x, from, to))
		return KP_ERR;
	c->res->body.len = 0;
	int rc = payments_sepa(c->app, &x, c->id, execute_on, &c->res->body, &c->err);
	payment_export_free(&x);
	if (rc != KP_OK)
		return KP_ERR;
	return send_file(c, "application/xml", from, to, "xml");
}

static int reply_summary(struct api_call *c, int status, const char *from, const char *to,
                         const struct payment_summary *m)
{
	return api_reply(c, status, json_pack("{s:I, s:s, s:s, s:i, s:I, s:i, s:i}",
	                                      "organisation_id", (json_int_t)c->id, "from", from,
	                                      "to", to, "claims", m->claims, "total_cents",
	                                      (json_int_t)m->total_cents, "volunteers",
	                                      m->volunteers, "without_iban", m->without_iban));
}

int payments_show(struct api_call *c)
{
	struct payment_summary m;
	char from[11], to[11];
	if (query_date(c, "from", false, from) || query_date(c, "to", false, to))
		return KP_ERR;
	default_period(c, from, to);
	if (payments_summary(c->app, c->db, &c->who, c->id, from, to, &m, &c->err))
		return KP_ERR;
	return reply_summary(c, 200, from, to, &m);
}

int payments_paid(struct api_call *c)
{
	static const char *const fields[] = { "from", "to", "total_cents", NULL };
	struct payment_summary m;
	char from[11] = "", to[11] = "";
	int total = 0;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_date(c->body, "from", false, from, &c->err) ||
	    jin_date(c->body, "to", false, to, &c->err) ||
	    jin_int(c->body, "total_cents", 0, 2000000000, true, &total, &c->err))
		return KP_ERR;
	default_period(c, from, to);
	if (payments_mark_paid(c->app, c->db, &c->who, c->id, from, to, total, &m, &c->err))
		return KP_ERR;
	return reply_summary(c, 200, from, to, &m);
}

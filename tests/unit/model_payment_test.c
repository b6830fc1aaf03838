/* Tests for src/model/payment.c: the IBAN check (mod 97) and mask, the BIC,
   the SEPA character set and the pain.001 document's sums per volunteer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/hours.h"
#include "model/payment.h"

static void iban_mod97(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	char out[IBAN_MAX + 1];
	assert_int_equal(iban_check("nl91 abna 0417 1643 00", "iban", out, &err), KP_OK);
	assert_string_equal(out, "NL91ABNA0417164300");
	assert_int_equal(iban_check("DE89370400440532013000", "iban", out, &err), KP_OK);
	assert_int_equal(iban_check("BE68539007547034", "iban", out, &err), KP_OK);
	/* One digit off, two digits swapped, too short, too long, no country, a dash. */
	static const char *const bad[] = { "NL91ABNA0417164301", "NL91ABNA0417163400",
		                           "NL91ABNA041", "NL91ABNA04171643000000000000000000",
		                           "1291ABNA0417164300", "NL91-ABNA-0417164300", "", NULL };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&err, 0, sizeof err);
		assert_int_equal(iban_check(bad[i], "iban", out, &err), KP_ERR);
		assert_string_equal(err.code, "invalid_iban");
		assert_string_equal(err.field, "iban");
	}
	iban_compose("NL", "ABNA0417164300", out);
	assert_string_equal(out, "NL91ABNA0417164300");
	iban_compose("NL", "RABO0123456789", out);
	assert_string_equal(out, "NL44RABO0123456789");
	char masked[IBAN_MAX * 2];
	iban_mask("NL91ABNA0417164300", masked);
	assert_string_equal(masked, "NL** **** **** **43 00");
	assert_int_equal(bic_check("rabonl2u", out, &err), KP_OK);
	assert_string_equal(out, "RABONL2U");
	assert_int_equal(bic_check("", out, &err), KP_OK);
	assert_int_equal(bic_check("RABONL2", out, &err), KP_ERR);
	assert_int_equal(bic_check("12BONL2U", out, &err), KP_ERR);
}

static void sepa_text(void **state)
{
	(void)state;
	char out[80];
	payment_sepa_text("Zoë Ölçer-de Vries & Zn. <b>", 70, out, sizeof out);
	assert_string_equal(out, "Zoe Olcer-de Vries Zn. b");
	payment_sepa_text("€ 中文", 70, out, sizeof out);
	assert_string_equal(out, "-");
	payment_sepa_text("Stichting Welzijn Dordrecht en omstreken voor iedereen die hulp zoekt",
	                  20, out, sizeof out);
	assert_string_equal(out, "Stichting Welzijn Do");
}

static void sepa_document(void **state)
{
	(void)state;
	struct payment_line lines[4];
	memset(lines, 0, sizeof lines);
	int64_t vols[] = { 7, 7, 8, 9 }, cents[] = { 420, 1250, 310, 100 };
	const char *ibans[] = { "NL91ABNA0417164300", "NL91ABNA0417164300", "", "BE68539007547034" };
	for (int i = 0; i < 4; i++) {
		lines[i].volunteer_id = vols[i];
		lines[i].amount_cents = cents[i];
		lines[i].kind = EXPENSE_OTHER;
		snprintf(lines[i].iban, sizeof lines[i].iban, "%s", ibans[i]);
		snprintf(lines[i].name, sizeof lines[i].name, "Vrijwilliger %d", i);
	}
	struct payment_batch b = { .message_id = "KP-1-1", .created = "2025-06-16T10:00:00",
		                   .execute_on = "2025-06-17", .debtor_name = "Stichting",
		                   .debtor_iban = "NL44RABO0123456789", .reference = "KP1-1" };
	struct buf out;
	int paid = 0;
	int64_t total = 0;
	buf_init(&out, 1 << 20);
	assert_int_equal(payment_sepa_write(&out, &b, lines, 4, &paid, &total), 0);
	/* Volunteer 7 once with both claims, 8 (no IBAN) left out, 9 once. */
	assert_int_equal(paid, 2);
	assert_int_equal(total, 1770);
	assert_non_null(strstr(out.data, "<NbOfTxs>2</NbOfTxs><CtrlSum>17.70</CtrlSum>"));
	assert_non_null(strstr(out.data, "<InstdAmt Ccy=\"EUR\">16.70</InstdAmt>"));
	assert_non_null(strstr(out.data, "<InstdAmt Ccy=\"EUR\">1.00</InstdAmt>"));
	assert_null(strstr(out.data, "3.10"));
	assert_non_null(strstr(out.data, "<Othr><Id>NOTPROVIDED</Id></Othr>"));
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iban_mod97),
		cmocka_unit_test(sepa_text),
		cmocka_unit_test(sepa_document),
	};
	return cmocka_run_group_tests_name("model_payment", tests, NULL, NULL);
}

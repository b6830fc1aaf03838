/* Tests for src/model/hours.c: the rules of hour entries and expense claims,
   the receipt check by content, and each allowance cap on both sides of its
   boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/hours.h"
#include "model/volunteer.h"
#include "util/parse.h"

static const int64_t TODAY = 20255; /* 2025-06-16 */

static void hour_entry_rules(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	struct hour_entry e = { .minutes = 60 };
	assert_int_equal(parse_date_days("2025-06-16"), TODAY);
	snprintf(e.worked_on, sizeof e.worked_on, "%s", "2025-06-16");
	assert_int_equal(hour_entry_check(&e, TODAY, 0, &err), KP_OK);
	assert_int_equal(hour_entry_check(&e, TODAY, 1380, &err), KP_OK);  /* exactly 24 h */
	assert_int_equal(hour_entry_check(&e, TODAY, 1381, &err), KP_ERR);
	assert_string_equal(err.code, "day_over_24h");
	assert_string_equal(err.field, "minutes");
	snprintf(e.worked_on, sizeof e.worked_on, "%s", "2025-06-17");
	assert_int_equal(hour_entry_check(&e, TODAY, 0, &err), KP_ERR);
	assert_string_equal(err.code, "date_in_future");
	snprintf(e.worked_on, sizeof e.worked_on, "%s", "2025-02-29");
	assert_int_equal(hour_entry_check(&e, TODAY, 0, &err), KP_ERR);
	assert_string_equal(err.field, "worked_on");
	snprintf(e.worked_on, sizeof e.worked_on, "%s", "2025-06-16");
	e.minutes = 0;
	assert_int_equal(hour_entry_check(&e, TODAY, 0, &err), KP_ERR);
	e.minutes = HOURS_MINUTES_MAX + 1;
	assert_int_equal(hour_entry_check(&e, TODAY, 0, &err), KP_ERR);
	assert_string_equal(err.field, "minutes");
	e.status = HOUR_APPROVED;
	assert_int_equal(hour_entry_editable(&e, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	e.status = HOUR_LOGGED;
	assert_int_equal(hour_entry_editable(&e, &err), KP_OK);
	char d[11];
	assert_true(hour_date_plus("2024-12-28", 7, d));
	assert_string_equal(d, "2025-01-04");
	assert_false(hour_date_plus("2024-13-01", 7, d));
}

static void expense_claims_and_transitions(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	struct expense_claim c = { .kind = EXPENSE_KILOMETRES, .km = 12, .travel_mode = TRAVEL_CAR };
	snprintf(c.incurred_on, sizeof c.incurred_on, "%s", "2025-06-01");
	assert_int_equal(expense_claim_check(&c, TODAY, &err), KP_OK);
	c.travel_mode = TRAVEL_WALK;
	assert_int_equal(expense_claim_check(&c, TODAY, &err), KP_ERR);
	assert_string_equal(err.field, "travel_mode");
	c.kind = EXPENSE_OTHER;
	c.amount_cents = 100;
	assert_int_equal(expense_claim_check(&c, TODAY, &err), KP_ERR);
	assert_string_equal(err.field, "description");
	int to = -1;
	assert_int_equal(expense_transition(EXPENSE_SUBMITTED, EXPENSE_APPROVE, &to, &err), KP_OK);
	assert_int_equal(to, EXPENSE_APPROVED);
	assert_int_equal(expense_transition(EXPENSE_APPROVED, EXPENSE_PAY, &to, &err), KP_OK);
	assert_int_equal(to, EXPENSE_PAID);
	assert_int_equal(expense_transition(EXPENSE_SUBMITTED, EXPENSE_PAY, &to, &err), KP_ERR);
	assert_int_equal(expense_transition(EXPENSE_REJECTED, EXPENSE_APPROVE, &to, &err), KP_ERR);
	assert_int_equal(expense_transition(EXPENSE_PAID, EXPENSE_REJECT, &to, &err), KP_ERR);
}

static void receipts_by_their_bytes(void **state)
{
	(void)state;
	assert_string_equal(receipt_sniff((const unsigned char *)"\xff\xd8\xff\xe0", 4),
	                    "image/jpeg");
	assert_string_equal(receipt_sniff((const unsigned char *)"\x89PNG\r\n\x1a\n", 8),
	                    "image/png");
	assert_string_equal(receipt_sniff((const unsigned char *)"%PDF-1.7", 8),
	                    "application/pdf");
	assert_null(receipt_sniff((const unsigned char *)"GIF89a", 6));
	assert_null(receipt_sniff((const unsigned char *)"\x89PN", 3));
	assert_null(receipt_sniff((const unsigned char *)"", 0));
}

static void allowance_caps_at_their_boundaries(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	const struct allowance_caps caps = { 2025, 560, 330, 21000, 210000 };
	struct allowance_sums sums = { 0, 0, 10 * 60 };
	/* per hour: 10 hours → €56,00 (adult), €33,00 (below 21) */
	assert_int_equal(allowance_check(&caps, false, 5599, &sums, &err), KP_OK);
	assert_int_equal(allowance_check(&caps, false, 5600, &sums, &err), KP_OK);
	assert_int_equal(allowance_check(&caps, false, 5601, &sums, &err), KP_ERR);
	assert_string_equal(err.code, "cap_per_hour");
	assert_int_equal(err.limit, 5600);
	assert_int_equal(allowance_check(&caps, true, 3300, &sums, &err), KP_OK);
	assert_int_equal(allowance_check(&caps, true, 3301, &sums, &err), KP_ERR);
	assert_string_equal(err.code, "cap_per_hour_young");
	/* per month: €210 with €200 received */
	sums = (struct allowance_sums){ 20000, 20000, 100 * 60 };
	assert_int_equal(allowance_check(&caps, false, 999, &sums, &err), KP_OK);
	assert_int_equal(allowance_check(&caps, false, 1000, &sums, &err), KP_OK);
	assert_int_equal(allowance_check(&caps, false, 1001, &sums, &err), KP_ERR);
	assert_string_equal(err.code, "cap_per_month");
	assert_int_equal(err.limit, 1000);
	/* per year: €2.100 with €2.050 received */
	sums = (struct allowance_sums){ 0, 205000, 100 * 60 };
	assert_int_equal(allowance_check(&caps, false, 5000, &sums, &err), KP_OK);
	assert_int_equal(allowance_check(&caps, false, 5001, &sums, &err), KP_ERR);
	assert_string_equal(err.code, "cap_per_year");
	assert_int_equal(err.limit, 5000);
	/* the age bands: 21 in the year is adult */
	assert_true(allowance_is_young(2005, 2025));
	assert_false(allowance_is_young(2004, 2025));
	assert_false(allowance_is_young(2003, 2025));
	assert_false(allowance_is_young(0, 2025));
}

/* Actual costs or the fixed allowance: each kind of claim fits exactly one. */
static void allowance_mode_decides_the_kinds(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	assert_int_equal(allowance_mode_parse("fixed"), ALLOWANCE_MODE_FIXED);
	assert_int_equal(allowance_mode_parse("vast"), -1);
	for (int k = 0; k < EXPENSE_KIND_COUNT; k++) {
		bool allowance = k == EXPENSE_ALLOWANCE;
		assert_int_equal(expense_kind_allowed(ALLOWANCE_MODE_COSTS, k, &err),
		                 allowance ? KP_ERR : KP_OK);
		assert_int_equal(expense_kind_allowed(ALLOWANCE_MODE_FIXED, k, &err),
		                 allowance ? KP_OK : KP_ERR);
	}
	expense_kind_allowed(ALLOWANCE_MODE_FIXED, EXPENSE_OTHER, &err);
	assert_string_equal(err.code, "costs_with_allowance");
	assert_string_equal(err.field, "kind");
	expense_kind_allowed(ALLOWANCE_MODE_COSTS, EXPENSE_ALLOWANCE, &err);
	assert_string_equal(err.code, "allowance_not_chosen");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hour_entry_rules),
		cmocka_unit_test(expense_claims_and_transitions),
		cmocka_unit_test(receipts_by_their_bytes),
		cmocka_unit_test(allowance_caps_at_their_boundaries),
		cmocka_unit_test(allowance_mode_decides_the_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Tests for src/model/transfer.c: every status × action, who may take each
   action, and the names of statuses, parts and actions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/transfer.h"

/* Next status per status (rows) and action (consent refuse accept decline
   withdraw); '-' when not allowed: a=awaiting_consent o=offered A=accepted
   D=declined W=withdrawn. */
static const char *const next[TRANSFER_STATUS_COUNT] = {
	[TRANSFER_AWAITING_CONSENT] = "oW--W",
	[TRANSFER_OFFERED] = "--ADW",
	[TRANSFER_ACCEPTED] = "-----",
	[TRANSFER_DECLINED] = "-----",
	[TRANSFER_WITHDRAWN] = "-----",
};

static int letter_status(char c)
{
	switch (c) {
	case 'a': return TRANSFER_AWAITING_CONSENT;
	case 'o': return TRANSFER_OFFERED;
	case 'A': return TRANSFER_ACCEPTED;
	case 'D': return TRANSFER_DECLINED;
	case 'W': return TRANSFER_WITHDRAWN;
	default: return -1;
	}
}

static void every_status_and_action(void **state)
{
	(void)state;
	for (int s = 0; s < TRANSFER_STATUS_COUNT; s++)
		for (int a = 0; a < TRANSFER_ACTION_COUNT; a++)
			assert_int_equal(transfer_next_status(s, a), letter_status(next[s][a]));
}

/* Sides allowed per action: V volunteer, S sender, R receiver, A admin. */
static const char *const sides[TRANSFER_ACTION_COUNT] = {
	[TACT_CONSENT] = "V", [TACT_REFUSE] = "V", [TACT_ACCEPT] = "RA", [TACT_DECLINE] = "RA",
	[TACT_WITHDRAW] = "VSA",
};

static void who_may_act(void **state)
{
	(void)state;
	static const char side_letter[] = { [SIDE_VOLUNTEER] = 'V', [SIDE_SENDER] = 'S',
	                                    [SIDE_RECEIVER] = 'R', [SIDE_ADMIN] = 'A',
	                                    [SIDE_NONE] = 'N' };
	for (int a = 0; a < TRANSFER_ACTION_COUNT; a++) {
		/* from a status where the action is possible */
		int from = a == TACT_CONSENT || a == TACT_REFUSE ? TRANSFER_AWAITING_CONSENT
		                                                 : TRANSFER_OFFERED;
		for (int side = SIDE_VOLUNTEER; side <= SIDE_NONE; side++) {
			struct kp_error err = { 0 };
			bool want = strchr(sides[a], side_letter[side]) != NULL;
			int rc = transfer_check_action(from, a, side, &err);
			assert_int_equal(rc == KP_OK, want);
			if (!want)
				assert_int_equal(err.kind, KP_FORBIDDEN);
		}
	}
}

static void wrong_state_is_conflict(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	assert_int_equal(transfer_check_action(TRANSFER_AWAITING_CONSENT, TACT_ACCEPT,
	                                       SIDE_RECEIVER, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "invalid_transfer_step");
	assert_string_equal(err.field, "action");
	assert_int_equal(transfer_check_action(TRANSFER_ACCEPTED, TACT_WITHDRAW, SIDE_SENDER, &err),
	                 KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_int_equal(transfer_check_action(TRANSFER_OFFERED, 99, SIDE_ADMIN, &err), KP_ERR);
	assert_int_equal(err.kind, KP_INVALID);
}

static void names_round_trip(void **state)
{
	(void)state;
	for (int i = 0; i < TRANSFER_STATUS_COUNT; i++)
		assert_int_equal(transfer_status_parse(transfer_status_name(i)), i);
	for (int i = 0; i < TRANSFER_PART_COUNT; i++)
		assert_int_equal(transfer_part_parse(transfer_part_name(i)), i);
	for (int i = 0; i < TRANSFER_ACTION_COUNT; i++)
		assert_int_equal(transfer_action_parse(transfer_action_name(i)), i);
	assert_int_equal(transfer_part_parse("lived_experience"), -1);
	assert_int_equal(TRANSFER_PARTS_ALL, 0x7f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_status_and_action),
		cmocka_unit_test(who_may_act),
		cmocka_unit_test(wrong_state_is_conflict),
		cmocka_unit_test(names_round_trip),
	};
	return cmocka_run_group_tests_name("model_transfer", tests, NULL, NULL);
}

/* Tests for src/model/offer.c: places kept once whatever their case, the
   search key, and what validation refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "model/offer.h"

static void places_are_kept_once(void **state)
{
	(void)state;
	struct offer o;
	offer_init(&o, 7);
	assert_true(o.new_clients && o.new_volunteers);
	assert_int_equal(offer_add_place(&o, "Hendrik-Ido-Ambacht"), 0);
	assert_int_equal(offer_add_place(&o, "hendrik-ido-ambacht"), 0);
	assert_int_equal(o.n_places, 1);
	assert_true(offer_serves(&o, "HENDRIK-IDO-AMBACHT"));
	assert_false(offer_serves(&o, "Dordrecht"));
	for (int i = 1; i < OFFER_PLACES_MAX; i++) {
		char p[16] = "wijk a";
		p[5] = (char)('a' + i);
		assert_int_equal(offer_add_place(&o, p), 0);
	}
	assert_int_equal(o.n_places, OFFER_PLACES_MAX);
	assert_int_equal(offer_add_place(&o, "Zwijndrecht"), -1);
}

static void place_key_lowers_ascii_only(void **state)
{
	(void)state;
	char key[32];
	offer_place_key("'s-Gravendeel Één", key, sizeof key);
	assert_string_equal(key, "'s-gravendeel Één");
	offer_place_key("Papendrecht", key, 5);
	assert_string_equal(key, "pape");
}

static void validate_refuses_other_lists_and_empty_places(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	struct offer o;
	offer_init(&o, 1);
	assert_int_equal(offer_validate(&o, &err), KP_OK);
	id_set_add(&o.items[LIST_ACTIVITY], 3);
	id_set_add(&o.items[LIST_THEME], 4);
	assert_int_equal(offer_validate(&o, &err), KP_OK);
	id_set_add(&o.items[LIST_EXPERIENCE], 5);
	assert_int_equal(offer_validate(&o, &err), KP_ERR);
	assert_string_equal(err.field, "experience");
	offer_init(&o, 1);
	o.n_places = 1;
	assert_int_equal(offer_validate(&o, &err), KP_ERR);
	assert_string_equal(err.field, "places");
	offer_init(&o, 1);
	o.new_clients = 2;
	assert_int_equal(offer_validate(&o, &err), KP_ERR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(places_are_kept_once),
		cmocka_unit_test(place_key_lowers_ascii_only),
		cmocka_unit_test(validate_refuses_other_lists_and_empty_places),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

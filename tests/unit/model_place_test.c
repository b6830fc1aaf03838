/* Tests for src/model/place.c: lookup ignores case, accents and surrounding
   spaces; unknown places are an error naming the field; the generated table
   is sorted and holds real Dutch coordinates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/place.h"
#include "model/types.h"

static const struct place *found(const char *name)
{
	struct kp_error e = { 0 };
	const struct place *p = place_lookup(name, "place", &e);
	if (p == NULL)
		fail_msg("place '%s' not found", name);
	assert_int_equal(e.kind, 0);
	return p;
}

static void case_and_space_insensitive(void **state)
{
	(void)state;
	const struct place *d = found("Dordrecht");
	assert_string_equal(d->name, "Dordrecht");
	assert_ptr_equal(found("dordrecht"), d);
	assert_ptr_equal(found(" Dordrecht "), d);
	assert_ptr_equal(found("DORDRECHT"), d);
	assert_ptr_equal(found("\tdordrecht\n"), d);
	const struct place *h = found("HENDRIK-IDO-AMBACHT");
	assert_string_equal(h->name, "Hendrik-Ido-Ambacht");
	assert_ptr_equal(found("hendrik-ido-ambacht"), h);
}

static void accent_insensitive(void **state)
{
	(void)state;
	/* Frisian and Limburg names in the GeoNames table carry accents. */
	const struct place *dam = found("Damwâld");
	assert_string_equal(dam->name, "Damwâld");
	assert_ptr_equal(found("damwald"), dam);
	assert_ptr_equal(found("DAMWÂLD"), dam);
	assert_ptr_equal(found("Damwáld"), dam);
	const struct place *sob = found("sint odilienberg");
	assert_string_equal(sob->name, "Sint Odiliënberg");
	assert_ptr_equal(found("Sint Odiliënberg"), sob);
	assert_ptr_equal(found("SINT ODILIËNBERG"), sob);
	assert_string_equal(found("Nes")->name, "Nes");
}

static void unknown_place_is_error(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"Atlantis", "", "   ", "Dordrecht2", "Dord", "Dordrecht, NL", "\xc3", "\xc3\xa9",
		"Hendrik Ido Ambacht",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct kp_error e = { 0 };
		assert_null(place_lookup(bad[i], "home_place", &e));
		assert_int_equal(e.kind, KP_INVALID);
		assert_string_equal(e.field, "home_place");
		assert_string_equal(e.code, "unknown_place");
	}
	/* a name longer than the key buffer is unknown, not truncated into a match */
	char longname[400];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	assert_null(place_lookup(longname, "place", NULL));
	/* cutting a long name must not leave a known place in front */
	char padded[200];
	snprintf(padded, sizeof padded, "Dordrecht%150sX", "");
	struct kp_error e = { 0 };
	assert_null(place_lookup(padded, "place", &e));
	assert_string_equal(e.code, "unknown_place");
}

/* place_resolve writes the table's spelling back with the coordinates, and
   leaves the text alone when the place is unknown. */
static void resolve_rewrites_the_name(void **state)
{
	(void)state;
	char name[64] = "  HENDRIK-IDO-AMBACHT ";
	double lat = 0, lon = 0;
	struct kp_error e = { 0 };
	assert_int_equal(place_resolve(name, sizeof name, &lat, &lon, "place", &e), KP_OK);
	assert_string_equal(name, "Hendrik-Ido-Ambacht");
	assert_true(lat > 51.8 && lat < 51.9 && lon > 4.6 && lon < 4.7);
	snprintf(name, sizeof name, "Atlantis");
	assert_int_equal(place_resolve(name, sizeof name, &lat, &lon, "town", &e), KP_ERR);
	assert_string_equal(e.field, "town");
	assert_string_equal(name, "Atlantis");
}

static void table_sorted_and_in_the_netherlands(void **state)
{
	(void)state;
	assert_true(place_count > 1000);
	for (int i = 0; i < place_count; i++) {
		const struct place *p = &place_table[i];
		if (i > 0)
			assert_true(strcmp(place_table[i - 1].key, p->key) < 0);
		/* European Netherlands, with the Wadden islands */
		assert_true(p->lat > 50.7 && p->lat < 53.7);
		assert_true(p->lon > 3.3 && p->lon < 7.3);
		/* every key finds its own entry */
		assert_ptr_equal(place_lookup(p->key, "place", NULL), p);
	}
}

static void real_distances(void **state)
{
	(void)state;
	const struct place *d = found("Dordrecht"), *z = found("Zwijndrecht");
	const struct place *a = found("Amsterdam"), *r = found("Rotterdam");
	double dz = geo_distance_km(d->lat, d->lon, z->lat, z->lon);
	assert_true(dz > 1.5 && dz < 3.5);   /* GeoNames centres: about 2.9 km */
	double ar = geo_distance_km(a->lat, a->lon, r->lat, r->lon);
	assert_float_equal(ar, 57.0, 2.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(case_and_space_insensitive),
		cmocka_unit_test(accent_insensitive),
		cmocka_unit_test(unknown_place_is_error),
		cmocka_unit_test(resolve_rewrites_the_name),
		cmocka_unit_test(table_sorted_and_in_the_netherlands),
		cmocka_unit_test(real_distances),
	};
	return cmocka_run_group_tests_name("model_place", tests, NULL, NULL);
}

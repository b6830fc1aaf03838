/* Tests for src/model/organisation.c: validation names the field; kinds
   round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/organisation.h"

static void valid(struct organisation *o)
{
	organisation_init(o);
	snprintf(o->name, sizeof o->name, "Humanitas Drechtsteden");
	snprintf(o->municipality, sizeof o->municipality, "Dordrecht");
	o->employees = 12;
}

static void expect(const struct organisation *o, const char *field, const char *code)
{
	struct kp_error e = { 0 };
	assert_int_equal(organisation_validate(o, &e), KP_ERR);
	assert_int_equal(e.kind, KP_INVALID);
	assert_string_equal(e.field, field);
	assert_string_equal(e.code, code);
}

static void defaults_and_valid(void **state)
{
	(void)state;
	struct organisation o;
	organisation_init(&o);
	assert_int_equal(o.kind, ORG_VOLUNTEER_ORG);
	assert_int_equal(o.vog_max_age_months, 36);
	assert_int_equal(o.active, 1);
	valid(&o);
	assert_int_equal(organisation_validate(&o, NULL), KP_OK);
	o.employees = 0;
	o.vog_max_age_months = 1;
	assert_int_equal(organisation_validate(&o, NULL), KP_OK);
	o.employees = ORGANISATION_MAX_EMPLOYEES;
	o.vog_max_age_months = 120;
	snprintf(o.email, sizeof o.email, "info@humanitas.nl");
	assert_int_equal(organisation_validate(&o, NULL), KP_OK);
}

static void each_rule_names_its_field(void **state)
{
	(void)state;
	struct organisation o;
	valid(&o); o.name[0] = '\0'; expect(&o, "name", "required");
	valid(&o); o.kind = -1; expect(&o, "kind", "invalid_choice");
	valid(&o); o.kind = ORG_KIND_COUNT; expect(&o, "kind", "invalid_choice");
	valid(&o); o.municipality[0] = '\0'; expect(&o, "municipality", "required");
	valid(&o); o.employees = -1; expect(&o, "employees", "out_of_range");
	valid(&o); o.employees = ORGANISATION_MAX_EMPLOYEES + 1;
	expect(&o, "employees", "out_of_range");
	valid(&o); o.vog_max_age_months = 0; expect(&o, "vog_max_age_months", "out_of_range");
	valid(&o); o.vog_max_age_months = 121; expect(&o, "vog_max_age_months", "out_of_range");
	valid(&o); snprintf(o.email, sizeof o.email, "info.humanitas.nl");
	expect(&o, "email", "invalid_email");
}

static void kinds_round_trip(void **state)
{
	(void)state;
	static const char *const kinds[] = {
		"care_provider", "volunteer_organisation", "informal_care", "volunteer_centre",
		"welfare", "referrer",
	};
	assert_int_equal(ORG_KIND_COUNT, 6);
	for (int k = 0; k < ORG_KIND_COUNT; k++) {
		assert_string_equal(organisation_kind_name(k), kinds[k]);
		assert_int_equal(organisation_kind_parse(kinds[k]), k);
	}
	assert_null(organisation_kind_name(ORG_KIND_COUNT));
	assert_null(organisation_kind_name(-1));
	assert_int_equal(organisation_kind_parse("zorgaanbieder"), -1);
	assert_int_equal(organisation_kind_parse(""), -1);
}

/* A location needs its organisation, a name and a place, each named when missing. */
static void location_rules_name_their_field(void **state)
{
	(void)state;
	struct location l = { .organisation_id = 3 };
	struct kp_error e = { 0 };
	snprintf(l.name, sizeof l.name, "De Kastanjehof");
	snprintf(l.place, sizeof l.place, "Dordrecht");
	assert_int_equal(location_validate(&l, &e), KP_OK);
	const struct {
		size_t offset;
		const char *field;
	} cases[] = {
		{ offsetof(struct location, name), "name" },
		{ offsetof(struct location, place), "place" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct location bad = l;
		((char *)&bad)[cases[i].offset] = '\0';
		memset(&e, 0, sizeof e);
		assert_int_equal(location_validate(&bad, &e), KP_ERR);
		assert_string_equal(e.field, cases[i].field);
		assert_string_equal(e.code, "required");
	}
	l.organisation_id = 0;
	memset(&e, 0, sizeof e);
	assert_int_equal(location_validate(&l, &e), KP_ERR);
	assert_string_equal(e.field, "organisation_id");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_and_valid),
		cmocka_unit_test(each_rule_names_its_field),
		cmocka_unit_test(kinds_round_trip),
		cmocka_unit_test(location_rules_name_their_field),
	};
	return cmocka_run_group_tests_name("model_organisation", tests, NULL, NULL);
}

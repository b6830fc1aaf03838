/* Tests for src/model/consent.c: what a consent allows, and its validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>

#include "model/consent.h"

static void no_consent_allows_nothing(void **state)
{
	(void)state;
	struct consent c;
	consent_init(&c, 7);
	assert_false(consent_allows_organisation(&c, 3));
	assert_false(consent_allows_organisation(NULL, 3));
	assert_false(consent_allows_experience(&c, 3, 3));
	assert_false(consent_allows_experience(NULL, 3, 3));
}

static void scopes(void **state)
{
	(void)state;
	struct consent c;
	consent_init(&c, 7);
	c.scope = CONSENT_NETWORK;
	assert_true(consent_allows_organisation(&c, 3));
	assert_false(consent_allows_organisation(&c, 0));
	c.scope = CONSENT_ORGANISATIONS;
	c.organisations[c.n_organisations++] = 4;
	assert_true(consent_allows_organisation(&c, 4));
	assert_false(consent_allows_organisation(&c, 3));
}

static void experience_needs_its_own_consent(void **state)
{
	(void)state;
	struct consent c;
	consent_init(&c, 7);
	c.scope = CONSENT_NETWORK;
	/* Profile consent alone never opens lived experience. */
	assert_false(consent_allows_experience(&c, 5, 1));
	assert_false(consent_allows_experience(&c, 1, 1));
	c.experience = true;
	assert_true(consent_allows_experience(&c, 1, 1));
	assert_true(consent_allows_experience(&c, 5, 1));
	/* Experience consent without profile reach: the home organisation only. */
	c.scope = CONSENT_NONE;
	assert_true(consent_allows_experience(&c, 1, 1));
	assert_false(consent_allows_experience(&c, 5, 1));
	assert_false(consent_allows_experience(&c, 0, 0));
}

static void validation_names_the_field(void **state)
{
	(void)state;
	struct consent c;
	struct kp_error err = { 0 };
	consent_init(&c, 7);
	assert_int_equal(consent_validate(&c, &err), KP_ERR);
	assert_string_equal(err.field, "text_version");
	snprintf(c.text_version, sizeof c.text_version, "%s", CONSENT_TEXT_CURRENT);
	assert_int_equal(consent_validate(&c, &err), KP_OK);
	c.scope = CONSENT_ORGANISATIONS;
	assert_int_equal(consent_validate(&c, &err), KP_ERR);
	assert_string_equal(err.field, "organisations");
	c.organisations[c.n_organisations++] = 4;
	c.organisations[c.n_organisations++] = 4;
	assert_int_equal(consent_validate(&c, &err), KP_ERR);
	assert_string_equal(err.code, "duplicate");
	c.n_organisations = 1;
	assert_int_equal(consent_validate(&c, &err), KP_OK);
	c.scope = CONSENT_NETWORK;
	assert_int_equal(consent_validate(&c, &err), KP_ERR); /* organisations only with that scope */
	c.scope = 9;
	assert_int_equal(consent_validate(&c, &err), KP_ERR);
	assert_string_equal(err.field, "profile_scope");
	assert_int_equal(consent_scope_parse("network"), CONSENT_NETWORK);
	assert_int_equal(consent_scope_parse("iedereen"), -1);
	assert_string_equal(consent_scope_name(CONSENT_ORGANISATIONS), "organisations");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_consent_allows_nothing),
		cmocka_unit_test(scopes),
		cmocka_unit_test(experience_needs_its_own_consent),
		cmocka_unit_test(validation_names_the_field),
	};
	return cmocka_run_group_tests_name("model_consent", tests, NULL, NULL);
}

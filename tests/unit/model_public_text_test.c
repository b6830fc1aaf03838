/* Tests for src/model/public_text.c: a health word is found in any case; a
   long one inside Dutch compounds too, a short one only where a word starts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/public_text.h"

static void finds_words_at_their_start(void **state)
{
	(void)state;
	assert_true(public_text_mentions("Mevrouw heeft Dementie.", "dementie"));
	assert_true(public_text_mentions("dementievriendelijk wandelen", "dementie"));
	assert_true(public_text_mentions("(kanker) en meer", "kanker"));
	assert_true(public_text_mentions("Na de operatie", "operatie"));
	assert_false(public_text_mentions("Samen wandelen in het park", "dementie"));
	assert_true(public_text_mentions("Darmkanker", "kanker")); /* compounds */
	assert_false(public_text_mentions("Samen muziek maken", "ziek")); /* short: word starts */
	assert_true(public_text_mentions("Ziek thuis", "ziek"));
	assert_false(public_text_mentions("", "ziek"));
	assert_false(public_text_mentions("ziek", ""));
	/* a letter with an accent is part of the word before it */
	assert_false(public_text_mentions("éziek", "ziek"));
	assert_true(public_text_mentions("Hij is ziek.", "ziek"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_words_at_their_start),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

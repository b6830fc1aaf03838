/* Dutch free text: stemming, stop words, term ids, idf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "match/text.h"

static void same_stem_same_term(void **state)
{
	struct mtext t;
	uint32_t a[8], b[8];
	(void)state;
	assert_int_equal(mtext_init(&t), 0);
	assert_int_equal(mtext_terms(&t, "Wandelen", a, 8), 1);
	assert_int_equal(mtext_terms(&t, "de wandelingen", b, 8), 1);
	assert_int_equal(a[0], b[0]);
	assert_int_equal(mtext_terms(&t, "koken", b, 8), 1);
	assert_int_not_equal(a[0], b[0]);
	mtext_free(&t);
}

static void stop_words_and_short_words_dropped(void **state)
{
	struct mtext t;
	uint32_t a[8];
	(void)state;
	assert_int_equal(mtext_init(&t), 0);
	assert_int_equal(mtext_terms(&t, "Ik wil graag iets voor een ander in de wijk", a, 8), 2);
	mtext_free(&t);
}

static void distinct_sorted_and_capped(void **state)
{
	struct mtext t;
	uint32_t a[3];
	(void)state;
	assert_int_equal(mtext_init(&t), 0);
	int n = mtext_terms(&t, "tuin tuinen koken fietsen lezen zingen", a, 3);
	assert_int_equal(n, 3);
	assert_true(a[0] < a[1] && a[1] < a[2]);
	mtext_free(&t);
}

static void rare_terms_weigh_more(void **state)
{
	struct mtext t;
	uint32_t common[4], rare[4];
	(void)state;
	assert_int_equal(mtext_init(&t), 0);
	for (int i = 0; i < 10; i++) {
		assert_int_equal(mtext_terms(&t, "wandelen", common, 4), 1);
		mtext_count(&t, common, 1, +1);
	}
	assert_int_equal(mtext_terms(&t, "gebarentaal", rare, 4), 1);
	mtext_count(&t, rare, 1, +1);
	assert_true(mtext_idf(&t, rare[0]) > mtext_idf(&t, common[0]));
	mtext_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_stem_same_term),
		cmocka_unit_test(stop_words_and_short_words_dropped),
		cmocka_unit_test(distinct_sorted_and_capped),
		cmocka_unit_test(rare_terms_weigh_more),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

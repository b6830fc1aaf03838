/* Tests for src/util/memo.c: a form is found only under its whole key, a
   slot holds the newest form put in it, the cap on a form's length holds,
   and threads share one memo. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "util/memo.h"

static struct memo_key key(int64_t id, uint32_t form, uint64_t revision, uint64_t lists)
{
	return (struct memo_key){ .id = id, .form = form, .stamp = { revision, lists } };
}

static bool get(struct memo *m, struct memo_key k, struct buf *out)
{
	buf_reset(out);
	return memo_get(m, &k, out);
}

static void found_only_under_its_whole_key(void **state)
{
	(void)state;
	struct memo *m = memo_new(64, 100);
	struct buf out;
	buf_init(&out, 1000);
	assert_non_null(m);
	assert_false(get(m, key(7, 0, 1, 1), &out));
	struct memo_key k = key(7, 0, 1, 1);
	memo_put(m, &k, "{\"id\":7}", 8);
	assert_true(get(m, key(7, 0, 1, 1), &out));
	assert_string_equal(out.data, "{\"id\":7}");
	assert_false(get(m, key(7, 0, 2, 1), &out));   /* a newer revision */
	assert_false(get(m, key(7, 0, 1, 2), &out));   /* other shared lists */
	assert_false(get(m, key(7, 1, 1, 1), &out));   /* another form */
	assert_false(get(m, key(8, 0, 1, 1), &out));   /* another record */
	assert_int_equal(out.len, 0);
	unsigned long long found, missed;
	memo_stats(m, &found, &missed);
	assert_int_equal(found, 1);
	assert_int_equal(missed, 5);
	buf_free(&out);
	memo_free(m);
}

static void forms_of_one_record_lie_apart(void **state)
{
	(void)state;
	struct memo *m = memo_new(64, 100);
	struct buf out;
	buf_init(&out, 1000);
	struct memo_key whole = key(7, 0, 1, 1), public = key(7, 2, 1, 1);
	memo_put(m, &whole, "whole", 5);
	memo_put(m, &public, "public", 6);
	assert_true(get(m, whole, &out));
	assert_string_equal(out.data, "whole");
	assert_true(get(m, public, &out));
	assert_string_equal(out.data, "public");
	/* A new revision takes the place of the old. */
	struct memo_key newer = key(7, 0, 2, 1);
	memo_put(m, &newer, "newer", 5);
	assert_false(get(m, whole, &out));
	assert_true(get(m, newer, &out));
	assert_string_equal(out.data, "newer");
	buf_free(&out);
	memo_free(m);
}

static void a_long_form_is_not_kept_and_a_full_buffer_is_no_hit(void **state)
{
	(void)state;
	struct memo *m = memo_new(8, 4);
	struct buf out, small;
	buf_init(&out, 1000);
	buf_init(&small, 3);
	struct memo_key k = key(1, 0, 1, 1);
	memo_put(m, &k, "12345", 5);
	assert_false(get(m, k, &out));
	memo_put(m, &k, "1234", 4);
	assert_true(get(m, k, &out));
	assert_false(get(m, k, &small));
	assert_int_equal(small.len, 0);
	buf_free(&out);
	buf_free(&small);
	memo_free(m);
}

/* Many records through few slots: whatever is found is the form of the key
   asked for, never another record's. */
#define THREADS 4
#define ROUNDS 20000

static void *churn(void *arg)
{
	struct memo *m = arg;
	struct buf out;
	char text[32], want[32];
	buf_init(&out, 64);
	for (int i = 0; i < ROUNDS; i++) {
		int64_t id = i % 97;
		struct memo_key k = key(id, (uint32_t)(i % 3), (uint64_t)(i % 5), 1);
		int n = snprintf(text, sizeof text, "%lld/%d/%d", (long long)id, i % 3, i % 5);
		if (i % 2 == 0) {
			memo_put(m, &k, text, (size_t)n);
		} else if (get(m, k, &out)) {
			snprintf(want, sizeof want, "%s", text);
			if (strcmp(out.data, want) != 0) {
				buf_free(&out);
				return (void *)1;
			}
		}
	}
	buf_free(&out);
	return NULL;
}

static void threads_share_one_memo(void **state)
{
	(void)state;
	struct memo *m = memo_new(16, 64);
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, churn, m), 0);
	for (int i = 0; i < THREADS; i++) {
		void *bad = (void *)1;
		pthread_join(t[i], &bad);
		assert_null(bad);
	}
	memo_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(found_only_under_its_whole_key),
		cmocka_unit_test(forms_of_one_record_lie_apart),
		cmocka_unit_test(a_long_form_is_not_kept_and_a_full_buffer_is_no_hit),
		cmocka_unit_test(threads_share_one_memo),
	};
	return cmocka_run_group_tests_name("util_memo", tests, NULL, NULL);
}

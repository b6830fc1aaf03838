/* Tests for src/model/newsletter.c: the subject is one line within its
   limit, the Markdown is required and limited; the rendering with cmark
   leaves raw HTML and dangerous addresses out of the HTML, and the plain
   text keeps the words, the list items and the safe link addresses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/newsletter.h"

static struct newsletter *make(const char *subject, const char *markdown)
{
	struct newsletter *n = calloc(1, sizeof *n);
	assert_non_null(n);
	snprintf(n->subject, sizeof n->subject, "%s", subject);
	snprintf(n->markdown, sizeof n->markdown, "%s", markdown);
	return n;
}

static void subject_is_one_line_within_its_limit(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	struct newsletter *n = make("Nieuws", "Hallo");
	assert_int_equal(newsletter_check(n, &err), KP_OK);
	static const char *const bad[] = { "Nieuws\r\nBcc: a@b.nl", "Nieuws\nBcc: a@b.nl",
	                                   "Nieuws\rBcc: a@b.nl" };
	for (size_t i = 0; i < 3; i++) {
		snprintf(n->subject, sizeof n->subject, "%s", bad[i]);
		assert_int_equal(newsletter_check(n, &err), KP_ERR);
		assert_string_equal(err.field, "subject");
		assert_string_equal(err.code, "header_line_break");
	}
	memset(n->subject, 'a', NEWSLETTER_SUBJECT_MAX + 1);
	n->subject[NEWSLETTER_SUBJECT_MAX + 1] = '\0';
	assert_int_equal(newsletter_check(n, &err), KP_ERR);
	assert_string_equal(err.code, "too_long");
	n->subject[NEWSLETTER_SUBJECT_MAX] = '\0';
	assert_int_equal(newsletter_check(n, &err), KP_OK);
	n->subject[0] = '\0';
	assert_int_equal(newsletter_check(n, &err), KP_ERR);
	assert_string_equal(err.field, "subject");
	free(n);
}

static void markdown_and_place_are_limited(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	struct newsletter *n = make("Nieuws", "");
	assert_int_equal(newsletter_check(n, &err), KP_ERR);
	assert_string_equal(err.field, "markdown");
	memset(n->markdown, 'b', NEWSLETTER_MARKDOWN_MAX + 1);
	n->markdown[NEWSLETTER_MARKDOWN_MAX + 1] = '\0';
	assert_int_equal(newsletter_check(n, &err), KP_ERR);
	assert_string_equal(err.code, "too_long");
	snprintf(n->markdown, sizeof n->markdown, "Hallo");
	snprintf(n->filter.place, sizeof n->filter.place, "Dordrecht\nZwijndrecht");
	assert_int_equal(newsletter_check(n, &err), KP_ERR);
	assert_string_equal(err.field, "place");
	free(n);
}

static void script_and_dangerous_links_are_left_out(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	struct newsletter *n = make("Veilig", "Hallo <b onclick=\"x()\">vet</b>\n\n"
	                                      "<script>alert(1)</script>\n\n"
	                                      "[a](javascript:alert(1)) [b](vbscript:x) "
	                                      "[c](JAVASCRIPT:alert(1)) [d](https://zonnebloem.nl)\n\n"
	                                      "![e](data:text/html,<script>alert(1)</script>)");
	assert_int_equal(newsletter_render(n, &err), KP_OK);
	assert_null(strstr(n->html, "<script"));
	assert_null(strstr(n->html, "onclick"));
	assert_null(strstr(n->html, "<b"));
	assert_null(strstr(n->html, "javascript:"));
	assert_null(strstr(n->html, "JAVASCRIPT:"));
	assert_null(strstr(n->html, "vbscript:"));
	assert_null(strstr(n->html, "data:text/html"));
	assert_non_null(strstr(n->html, "href=\"https://zonnebloem.nl\""));
	assert_non_null(strstr(n->html, "raw HTML omitted"));
	assert_null(strstr(n->text, "javascript:"));
	assert_null(strstr(n->text, "<script"));
	assert_non_null(strstr(n->text, "d (https://zonnebloem.nl)"));
	free(n);
}

static void plain_text_keeps_words_and_lists(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	struct newsletter *n = make("Tekst", "# Vrijwilligersavond\n\nKom op **vrijdag** naar de "
	                                     "avond.\n\n- koffie\n- taart\n\n3. inloop\n4. "
	                                     "praatje\n\nTot dan,\nRia");
	assert_int_equal(newsletter_render(n, &err), KP_OK);
	assert_non_null(strstr(n->html, "<h1>Vrijwilligersavond</h1>"));
	assert_non_null(strstr(n->html, "<li>koffie</li>"));
	assert_string_equal(n->text, "Vrijwilligersavond\n\nKom op vrijdag naar de avond.\n\n"
	                             "- koffie\n- taart\n\n3. inloop\n4. praatje\n\nTot dan,\nRia");
	free(n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(subject_is_one_line_within_its_limit),
		cmocka_unit_test(markdown_and_place_are_limited),
		cmocka_unit_test(script_and_dangerous_links_are_left_out),
		cmocka_unit_test(plain_text_keeps_words_and_lists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

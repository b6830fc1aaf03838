/* The HTML part of a mail (src/mail/html.c): the fragment goes in as it is,
   the title and closing lines are escaped, and their addresses become links. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "mail/html.h"

static void closing_lines_are_escaped_and_linked(void **state)
{
	(void)state;
	struct buf out;
	buf_init(&out, 64 * 1024);
	assert_int_equal(mail_html(&out, "Avond <voor> \"iedereen\" & meer",
	                           "<p>Kom naar de <strong>avond</strong>.</p>\n",
	                           "\n\nLees hem na inloggen: https://k.test/nieuwsbrieven/7\n"
	                           "\n-- \nU ontvangt dit <niet>? Afmelden:\n"
	                           "https://k.test/afmelden?token=1-newsletter-ab&x=\"y\"\n"),
	                 0);
	const char *h = out.data;
	assert_non_null(strstr(h, "<title>Avond &lt;voor&gt; &quot;iedereen&quot; &amp; meer"
	                          "</title>"));
	assert_non_null(strstr(h, "<p>Kom naar de <strong>avond</strong>.</p>\n<hr>\n"));
	assert_non_null(strstr(h, "<p class=\"foot\">Lees hem na inloggen: "
	                          "<a href=\"https://k.test/nieuwsbrieven/7\">"
	                          "https://k.test/nieuwsbrieven/7</a></p>\n<hr>\n"));
	/* an address stops before a quote; what follows is text */
	assert_non_null(strstr(h, "<p class=\"foot\">U ontvangt dit &lt;niet&gt;? Afmelden:<br>\n"
	                          "<a href=\"https://k.test/afmelden?token=1-newsletter-ab&amp;x=\">"
	                          "https://k.test/afmelden?token=1-newsletter-ab&amp;x=</a>"
	                          "&quot;y&quot;</p>\n"));
	assert_null(strstr(h, "<niet>"));
	assert_non_null(strstr(h, "</body></html>\n"));
	buf_free(&out);
}

/* Full: -1, never a document cut in the middle of a tag without saying so. */
static void a_full_buffer_is_an_error(void **state)
{
	(void)state;
	struct buf out;
	buf_init(&out, 100);
	assert_int_equal(mail_html(&out, "Titel", "<p>Tekst</p>", "voet"), -1);
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(closing_lines_are_escaped_and_linked),
		cmocka_unit_test(a_full_buffer_is_an_error),
	};
	return cmocka_run_group_tests_name("mail_html", tests, NULL, NULL);
}

/* Health words in public texts (public_text.h). */
#include "model/public_text.h"

#include <stddef.h>
#include <string.h>

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Letters, digits and any byte of a multi-byte UTF-8 character. */
static bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (unsigned char)c >= 0x80;
}

static bool starts_with(const char *s, const char *word)
{
	size_t i = 0;
	for (; word[i] != '\0'; i++)
		if (lower(s[i]) != word[i])
			return false;
	return true;
}

bool public_text_mentions(const char *text, const char *word)
{
	size_t len = strlen(word);
	if (len == 0)
		return false;
	/* Dutch makes compounds ("darmkanker"): a long word counts anywhere, a
	   short one only where a word starts ("ziek", not "muziek"). */
	bool anywhere = len >= PUBLIC_TEXT_ANYWHERE_MIN;
	for (size_t i = 0; text[i] != '\0'; i++)
		if ((anywhere || i == 0 || !word_char(text[i - 1])) && starts_with(text + i, word))
			return true;
	return false;
}

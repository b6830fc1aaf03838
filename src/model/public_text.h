/*
 * Public texts (a call on the network's public pages): whether one mentions
 * a word of the network's health word list, so that the organisation is
 * warned before a client's health goes out in public.
 */
#ifndef KP_MODEL_PUBLIC_TEXT_H
#define KP_MODEL_PUBLIC_TEXT_H

#include <stdbool.h>

/* Whether text contains word (lower case) at the start of one of its words,
   ignoring the case of ASCII letters: "dementie" is in "Dementie en zorg"
   and "dementievriendelijk", not in "overdementie". */
bool public_text_mentions(const char *text, const char *word);

#endif

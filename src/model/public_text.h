/*
 * Public texts (a call on the network's public pages): whether one mentions
 * a word of the network's health word list, so that the organisation is
 * warned before a client's health goes out in public.
 */
#ifndef KP_MODEL_PUBLIC_TEXT_H
#define KP_MODEL_PUBLIC_TEXT_H

#include <stdbool.h>

/* Whether text contains word (lower case), ignoring the case of ASCII
   letters: a word of PUBLIC_TEXT_ANYWHERE_MIN characters or more anywhere
   ("kanker" in "Darmkanker"), a shorter one at the start of a word only
   ("ziek" in "Ziek thuis", not in "muziek"). */
#define PUBLIC_TEXT_ANYWHERE_MIN 6
bool public_text_mentions(const char *text, const char *word);

#endif

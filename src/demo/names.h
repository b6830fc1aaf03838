/*
 * Names for the demo network: common Dutch names of several generations
 * next to names of the region's larger communities, drawn as a group so
 * that first and last name go together (with some mixed couples). Last
 * names carry their tussenvoegsel ("van der Linden").
 */
#ifndef KP_DEMO_NAMES_H
#define KP_DEMO_NAMES_H

#include <stddef.h>

#include "demo/rng.h"

struct names_person {
	const char *first;      /* static strings */
	const char *last;
	const char *language;   /* a home language code besides Dutch, or NULL */
	int dutch_permille;     /* how likely the person speaks Dutch */
};

void names_pick(struct rng *r, struct names_person *out);

/* Number of distinct first and last names, for the record. */
int names_first_total(void);
int names_last_total(void);

/* Writes a lower-case ASCII e-mail local part for a name into out
   ("Özlem", "van der Linden" → "ozlem.vanderlinden"): letters of the Latin-1
   range and a few others lose their accents, everything but a-z is dropped. */
void names_email_part(const char *first, const char *last, char *out, size_t cap);

#endif

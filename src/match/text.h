/*
 * Dutch free text as stemmed terms: "wat wil je graag betekenen?" of a
 * volunteer against the title and description of a call.
 *
 * Words are runs of letters (ASCII letters and any UTF-8 multi-byte
 * sequence), lower-cased, stop words and words under 3 bytes dropped, then
 * reduced with the Snowball Dutch stemmer ("wandelen", "wandelingen" ->
 * "wandel"). Every distinct stem gets a term id; df counts the volunteers
 * whose text holds a term, for the idf weight.
 *
 * Not thread-safe: the index's write lock guards it (the stemmer keeps
 * state). Words are capped at MTEXT_WORD_MAX bytes and terms per text at
 * the caller's max.
 */
#ifndef KP_MATCH_TEXT_H
#define KP_MATCH_TEXT_H

#include <stdint.h>

#define MTEXT_WORD_MAX 48

/* A string -> uint32 map with keys copied into an arena. */
struct mstrmap {
	uint32_t *slots;     /* index + 1 into entries, 0 = empty */
	uint32_t cap;        /* power of two */
	uint32_t n;
	uint32_t *key_off;   /* per entry: offset into arena */
	uint32_t *vals;      /* per entry */
	uint32_t entries_cap;
	char *arena;
	uint32_t arena_n, arena_cap;
};

struct mtext {
	struct sb_stemmer *stemmer;
	struct mstrmap words;   /* surface word -> term id (cache of the stemmer) */
	struct mstrmap stems;   /* stem -> term id */
	uint32_t *df;           /* per term id */
	uint32_t n_terms, df_cap;
	uint32_t docs;          /* volunteers counted in df */
};

int mtext_init(struct mtext *t);
void mtext_free(struct mtext *t);

/* Writes the distinct term ids of text, ascending, into out[0..max);
   returns how many (-1 when out of memory). */
int mtext_terms(struct mtext *t, const char *text, uint32_t *out, int max);

/* Counts (delta +1) or uncounts (-1) a volunteer's terms in df. */
void mtext_count(struct mtext *t, const uint32_t *terms, int n, int delta);

/* The idf weight of a term: log(1 + docs / (1 + df)). */
double mtext_idf(const struct mtext *t, uint32_t term);

#endif

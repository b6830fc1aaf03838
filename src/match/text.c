/* Dutch free text to stemmed term ids (see text.h). */
#include "match/text.h"

#include <libstemmer.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Common Dutch words that say nothing about what someone wants to do. */
static const char *const stop_words[] = {
	"aan", "als", "ben", "bij", "dan", "dat", "die", "dit", "door", "een", "echt", "eens",
	"en", "er", "graag", "heb", "hebben", "heeft", "het", "hier", "hij", "hoe", "hun", "iemand",
	"ik", "iets", "in", "is", "je", "jij", "jou", "jouw", "kan", "kunnen", "maar", "mee",
	"meer", "met", "mij", "mijn", "naar", "niet", "nog", "nu", "of", "om", "ons", "onze",
	"ook", "op", "over", "te", "tot", "uit", "van", "veel", "voor", "wat", "we", "wel",
	"wij", "wil", "willen", "wie", "word", "wordt", "zich", "zij", "zijn", "zo", "zou",
	"zoals", "andere", "anderen", "mensen", "iedereen", "deze", "daar", "waar", "welke",
	"onder", "tussen", "tijdens", "per", "week", "keer", "soms", "vaak", "altijd", "elke",
	NULL,
};

static uint32_t hash_bytes(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

static int map_grow(struct mstrmap *m)
{
	uint32_t cap = m->cap ? m->cap * 2 : 1024;
	uint32_t *slots = calloc(cap, sizeof *slots);
	if (slots == NULL)
		return -1;
	for (uint32_t i = 0; i < m->n; i++) {
		const char *k = m->arena + m->key_off[i];
		uint32_t j = hash_bytes(k, strlen(k)) & (cap - 1);
		while (slots[j])
			j = (j + 1) & (cap - 1);
		slots[j] = i + 1;
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return 0;
}

/* Finds key[0..n); returns true with *val set when present. */
static bool map_get(const struct mstrmap *m, const char *key, size_t n, uint32_t *val)
{
	if (m->cap == 0)
		return false;
	uint32_t j = hash_bytes(key, n) & (m->cap - 1);
	while (m->slots[j]) {
		uint32_t e = m->slots[j] - 1;
		const char *k = m->arena + m->key_off[e];
		if (strncmp(k, key, n) == 0 && k[n] == '\0') {
			*val = m->vals[e];
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	return false;
}

static int map_put(struct mstrmap *m, const char *key, size_t n, uint32_t val)
{
	if ((m->n + 1) * 2 > m->cap && map_grow(m))
		return -1;
	if (m->n == m->entries_cap) {
		uint32_t cap = m->entries_cap ? m->entries_cap * 2 : 1024;
		uint32_t *ko = realloc(m->key_off, cap * sizeof *ko);
		if (ko == NULL)
			return -1;
		m->key_off = ko;
		uint32_t *vals = realloc(m->vals, cap * sizeof *vals);
		if (vals == NULL)
			return -1;
		m->vals = vals;
		m->entries_cap = cap;
	}
	if (m->arena_n + n + 1 > m->arena_cap) {
		uint32_t cap = m->arena_cap ? m->arena_cap * 2 : 16384;
		while (cap < m->arena_n + n + 1)
			cap *= 2;
		char *a = realloc(m->arena, cap);
		if (a == NULL)
			return -1;
		m->arena = a;
		m->arena_cap = cap;
	}
	memcpy(m->arena + m->arena_n, key, n);
	m->arena[m->arena_n + n] = '\0';
	m->key_off[m->n] = m->arena_n;
	m->vals[m->n] = val;
	m->arena_n += (uint32_t)n + 1;
	uint32_t j = hash_bytes(key, n) & (m->cap - 1);
	while (m->slots[j])
		j = (j + 1) & (m->cap - 1);
	m->slots[j] = ++m->n;
	return 0;
}

static void map_free(struct mstrmap *m)
{
	free(m->slots);
	free(m->key_off);
	free(m->vals);
	free(m->arena);
	memset(m, 0, sizeof *m);
}

/* Stop words are cached as term id UINT32_MAX in the word map. */
int mtext_init(struct mtext *t)
{
	memset(t, 0, sizeof *t);
	t->stemmer = sb_stemmer_new("dutch", NULL);
	if (t->stemmer == NULL)
		return -1;
	for (int i = 0; stop_words[i]; i++)
		if (map_put(&t->words, stop_words[i], strlen(stop_words[i]), UINT32_MAX))
			return -1;
	return 0;
}

void mtext_free(struct mtext *t)
{
	if (t->stemmer)
		sb_stemmer_delete(t->stemmer);
	map_free(&t->words);
	map_free(&t->stems);
	free(t->df);
	memset(t, 0, sizeof *t);
}

/* The term id of a lower-cased word, stemming it the first time it is seen. */
static int word_term(struct mtext *t, const char *w, size_t n, uint32_t *term)
{
	if (map_get(&t->words, w, n, term))
		return 0;
	const sb_symbol *s = sb_stemmer_stem(t->stemmer, (const sb_symbol *)w, (int)n);
	if (s == NULL)
		return -1;
	size_t sn = (size_t)sb_stemmer_length(t->stemmer);
	if (!map_get(&t->stems, (const char *)s, sn, term)) {
		if (t->n_terms == t->df_cap) {
			uint32_t cap = t->df_cap ? t->df_cap * 2 : 1024;
			uint32_t *df = realloc(t->df, cap * sizeof *df);
			if (df == NULL)
				return -1;
			memset(df + t->df_cap, 0, (cap - t->df_cap) * sizeof *df);
			t->df = df;
			t->df_cap = cap;
		}
		*term = t->n_terms++;
		if (map_put(&t->stems, (const char *)s, sn, *term))
			return -1;
	}
	return map_put(&t->words, w, n, *term);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

static bool is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

int mtext_terms(struct mtext *t, const char *text, uint32_t *out, int max)
{
	int n = 0;
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	char w[MTEXT_WORD_MAX + 1];
	while (*p && n < max) {
		while (*p && !is_word_byte(*p))
			p++;
		size_t len = 0;
		while (*p && is_word_byte(*p)) {
			if (len < MTEXT_WORD_MAX)
				w[len++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
			p++;
		}
		if (len < 3)
			continue;
		uint32_t term;
		if (word_term(t, w, len, &term))
			return -1;
		if (term == UINT32_MAX)
			continue;
		bool seen = false;
		for (int i = 0; i < n && !seen; i++)
			seen = out[i] == term;
		if (!seen)
			out[n++] = term;
	}
	qsort(out, (size_t)n, sizeof *out, cmp_u32);
	return n;
}

void mtext_count(struct mtext *t, const uint32_t *terms, int n, int delta)
{
	for (int i = 0; i < n; i++)
		if (terms[i] < t->n_terms)
			t->df[terms[i]] = (uint32_t)((int64_t)t->df[terms[i]] + delta);
	t->docs = (uint32_t)((int64_t)t->docs + delta);
}

double mtext_idf(const struct mtext *t, uint32_t term)
{
	double df = term < t->n_terms ? t->df[term] : 0;
	return log(1.0 + (double)t->docs / (1.0 + df));
}

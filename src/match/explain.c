/* Dutch explanations from score parts (see explain.h). */
#include "match/explain.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const day_names[DAYS] = {
	"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
};
static const char *const part_names[DAYPARTS] = { "ochtend", "middag", "avond" };

void mexplain_daypart(int bit, char *out, size_t size)
{
	if (bit < 0 || bit >= DAYPART_BITS) {
		snprintf(out, size, "?");
		return;
	}
	snprintf(out, size, "%s%s", day_names[bit / DAYPARTS], part_names[bit % DAYPARTS]);
}

void mexplain_km(double km, char *out, size_t size)
{
	snprintf(out, size, "%.1f km", km);
	char *dot = strchr(out, '.');
	if (dot)
		*dot = ',';
}

/* Appends s to out[0..at), keeping room for the NUL; returns the new length. */
static size_t put(char *out, size_t at, const char *s)
{
	size_t n = strlen(s);
	if (at + n > MATCH_PHRASE_MAX - 1)
		n = MATCH_PHRASE_MAX - 1 - at; /* labels are short; a cut one still reads */
	memcpy(out + at, s, n);
	return at + n;
}

/* Adds "<pre><arg><post>" (cut to MATCH_PHRASE_MAX bytes) as a phrase. */
static void add(struct match_hit *h, const char *pre, const char *arg, const char *post)
{
	if (h->n_phrases >= MATCH_EXPLAIN_MAX)
		return;
	char *out = h->phrases[h->n_phrases++];
	out[put(out, put(out, put(out, 0, pre), arg), post)] = '\0';
}

/* The Dutch label of the item at `bit` of `kind`, first letter lower-cased. */
static bool label(struct match_index *ix, int kind, int bit, char *out, size_t size)
{
	struct catalog_item it;
	if (bit < 0 || bit >= 64 || ix->lists == NULL ||
	    !catalog_get(ix->lists, ix->bit_item[kind][bit], &it))
		return false;
	snprintf(out, size, "%s", it.label_nl);
	if (out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z'))
		out[0] = (char)(out[0] + 32);
	return true;
}

static int first_bit(uint64_t m)
{
	return m ? __builtin_ctzll(m) : -1;
}

static void availability(struct match_hit *h, uint32_t both)
{
	char a[32], b[32], text[80];
	int first = first_bit(both);
	if (first < 0)
		return;
	mexplain_daypart(first, a, sizeof a);
	uint32_t rest = both & ~(1u << first);
	if (rest) {
		mexplain_daypart(first_bit(rest), b, sizeof b);
		snprintf(text, sizeof text, "%s en %s", a, b);
	} else {
		snprintf(text, sizeof text, "%s", a);
	}
	add(h, "", text, " beschikbaar");
}

void mexplain(struct match_index *ix, uint32_t s, const struct mquery *q, struct match_hit *h)
{
	const struct mcall *c = q->c;
	const struct mvols *v = &ix->v;
	char lab[LIST_LABEL_MAX * 4 + 1], km[32];
	h->n_phrases = 0;
	if (h->parts[MP_ACTIVITY] > 0 && label(ix, LIST_ACTIVITY, c->act_bit, lab, sizeof lab))
		add(h, "Houdt van ", lab, "");
	if (h->parts[MP_THEMES] > 0 &&
	    label(ix, LIST_THEME, first_bit(v->mask[LIST_THEME][s] & c->theme), lab, sizeof lab))
		add(h, "Betrokken bij ", lab, "");
	/* Generic on purpose: the part counts only under consent, and the
	   health condition itself is never named in a list. */
	if (h->parts[MP_EXPERIENCE] > 0)
		add(h, MATCH_PHRASE_EXPERIENCE, "", "");
	mexplain_km(h->distance_km, km, sizeof km);
	add(h, "", km, "");
	availability(h, v->hot[s].avail & c->need);
	if (c->requires_vog)
		add(h, "heeft VOG", "", "");
	if (c->train && label(ix, LIST_TRAINING, first_bit(c->train), lab, sizeof lab))
		add(h, "training ", lab, " gevolgd");
	if (c->requires_car)
		add(h, "heeft auto", "", "");
	else if (c->requires_licence)
		add(h, "heeft rijbewijs", "", "");
	if (h->parts[MP_MOTIVES] > 0 &&
	    label(ix, LIST_MOTIVE, first_bit(v->mask[LIST_MOTIVE][s] & c->aff_motive), lab,
	          sizeof lab))
		add(h, "Wil ", lab, "");
	if (h->parts[MP_TALENTS] > 0 &&
	    label(ix, LIST_TALENT, first_bit(v->mask[LIST_TALENT][s] & c->aff_talent), lab,
	          sizeof lab))
		add(h, "Talent: ", lab, "");
	if (h->parts[MP_TEXT] > 0)
		add(h, "motivatie sluit aan bij de oproep", "", "");
}

void match_explain_join(const struct match_hit *h, char *out, size_t size)
{
	size_t at = 0;
	out[0] = '\0';
	for (int i = 0; i < h->n_phrases && at < size; i++) {
		int n = snprintf(out + at, size - at, "%s%s", i ? " · " : "", h->phrases[i]);
		if (n < 0)
			break;
		at += (size_t)n;
	}
}

int match_hit_fit(const struct match_hit *h)
{
	if (h->score_max <= 0)
		return 0;
	long fit = lround(100.0 * h->score / h->score_max);
	return fit < 0 ? 0 : fit > 100 ? 100 : (int)fit;
}

void match_hit_hide_experience(struct match_hit *h)
{
	/* As if it could never count: the part (its whole weight) leaves the
	   score and the most there is to score alike. */
	h->score -= h->parts[MP_EXPERIENCE];
	h->score_max -= h->parts[MP_EXPERIENCE];
	h->parts[MP_EXPERIENCE] = 0;
	int n = 0;
	for (int i = 0; i < h->n_phrases; i++) {
		if (strcmp(h->phrases[i], MATCH_PHRASE_EXPERIENCE) == 0)
			continue;
		if (n != i)
			memcpy(h->phrases[n], h->phrases[i], sizeof h->phrases[n]);
		n++;
	}
	h->n_phrases = n;
}

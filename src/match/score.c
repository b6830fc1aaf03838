/* The soft score: weights, parts, and their sum (see score.h). */
#include "match/score.h"

#include <math.h>

static const char *const part_names[MP_COUNT] = {
	"activity", "themes", "motives", "talents", "experience", "text", "distance",
	"availability", "fairness", "waiting",
};

const char *match_part_name(int part)
{
	return part >= 0 && part < MP_COUNT ? part_names[part] : NULL;
}

void match_weights_default(struct match_weights *w)
{
	/* Volunteer-first: what they like to do and care about weighs most. */
	w->w[MP_ACTIVITY] = 30;
	w->w[MP_THEMES] = 20;
	w->w[MP_MOTIVES] = 8;
	w->w[MP_TALENTS] = 8;
	w->w[MP_EXPERIENCE] = 10;
	w->w[MP_TEXT] = 8;
	w->w[MP_DISTANCE] = 10;
	w->w[MP_AVAILABILITY] = 6;
	w->w[MP_FAIRNESS] = 6;
	w->w[MP_WAITING] = 4;
	w->distance_half_km = 5;
	w->recent_days = 14;
	w->waiting_full_days = 28;
	w->spread = 2;
}

double ms_waiting(const struct match_weights *w, const struct mcall *c, int64_t now)
{
	double days = (double)(now - c->created_at) / 86400.0;
	double full = w->waiting_full_days > 0 ? w->waiting_full_days : 1;
	double p = days / full;
	return p < 0 ? 0 : p > 1 ? 1 : p;
}

double ms_score_max(const struct match_index *ix, const struct mquery *q, int64_t now)
{
	const double *w = q->w;
	double sum = 0;
	for (int i = 0; i < MP_COUNT; i++)
		if (i != MP_EXPERIENCE && i != MP_WAITING)
			sum += w[i];
	if (!q->no_experience && q->c->exp_need)
		sum += w[MP_EXPERIENCE];
	return sum + w[MP_WAITING] * ms_waiting(&ix->weights, q->c, now);
}

double ms_text(const struct match_index *ix, uint32_t s, const struct mquery *q)
{
	const struct mcall *c = q->c;
	const uint32_t *t = ix->terms + ix->v.term_off[s];
	int n = ix->v.term_n[s], i = 0, j = 0;
	double hit = 0;
	while (i < n && j < c->n_terms) {
		if (t[i] < c->terms[j])
			i++;
		else if (t[i] > c->terms[j])
			j++;
		else {
			hit += q->idf[j];
			i++;
			j++;
		}
	}
	return q->idf_all > 0 ? hit / q->idf_all : 0;
}

/* Bits set in x, without a library call on machines built without popcnt. */
static inline int bits(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ull);
	x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
	return (int)((x * 0x0101010101010101ull) >> 56);
}

double ms_score(const struct match_index *ix, uint32_t s, const struct mquery *q, double d2,
                double waiting, double floor, double parts[MP_COUNT])
{
	const struct mcall *c = q->c;
	const struct mvols *v = &ix->v;
	const double *w = q->w;
	double h2 = q->half_km * q->half_km;
	int n_theme = bits(c->theme);
	int n_motive = bits(v->mask[LIST_MOTIVE][s]);
	int n_need = bits(c->need);
	double p[MP_COUNT];
	p[MP_ACTIVITY] = c->act_bit >= 0 && ((v->mask[LIST_ACTIVITY][s] >> c->act_bit) & 1) ? 1 : 0;
	p[MP_THEMES] = n_theme ? (double)bits(v->mask[LIST_THEME][s] & c->theme) /
	                             (double)n_theme
	                       : 0;
	/* The two heaviest parts decide most rejections: with every other part
	   at its best the volunteer would still stay below the floor. */
	if (parts == NULL && w[MP_ACTIVITY] * p[MP_ACTIVITY] + w[MP_THEMES] * p[MP_THEMES] +
	                         q->rest_max + 1e-9 < floor)
		return -1e300;
	bool recent = v->asked_day[s] > 0 &&
	              v->asked_day[s] >= q->today - ix->weights.recent_days;
	p[MP_MOTIVES] = n_motive ? (double)bits(v->mask[LIST_MOTIVE][s] &
	                                                        c->aff_motive) /
	                               (double)n_motive
	                         : 0;
	p[MP_TALENTS] = (v->mask[LIST_TALENT][s] & c->aff_talent) ? 1 : 0;
	/* Without consent, or for a caller who may not see it, it counts exactly as
	   if there were none: the ranking then tells nothing about it. */
	p[MP_EXPERIENCE] = !q->no_experience && c->exp_need &&
	                           (v->mask[LIST_EXPERIENCE][s] & c->exp_need) &&
	                           mf_experience(ix, s, c)
	                       ? 1
	                       : 0;
	p[MP_TEXT] = 0;
	p[MP_DISTANCE] = h2 / (h2 + d2);
	p[MP_AVAILABILITY] = c->one_off || n_need == 0
	                             ? 1
	                             : (double)bits(v->hot[s].avail & c->need) /
	                                   (double)n_need;
	p[MP_FAIRNESS] = 0.5 * (1.0 - (double)v->hot[s].open / (double)v->hot[s].max_matches) +
	                 0.5 * (recent ? 0.0 : 1.0);
	p[MP_WAITING] = waiting;
	double sum = 0;
	for (int i = 0; i < MP_COUNT; i++)
		sum += w[i] * p[i];
	/* Only the text part is costly: skip it when even all of it cannot lift
	   the volunteer to the floor. */
	int k = v->term_n[s] < c->n_terms ? v->term_n[s] : c->n_terms;
	double text_max = w[MP_TEXT] * (q->text_cap[k] + 1e-9);
	if (w[MP_TEXT] > 0 && k > 0 && sum + text_max >= floor) {
		p[MP_TEXT] = ms_text(ix, s, q);
		sum = 0;
		for (int i = 0; i < MP_COUNT; i++)
			sum += w[i] * p[i];
	}
	if (parts)
		for (int i = 0; i < MP_COUNT; i++)
			parts[i] = w[i] * p[i];
	return sum;
}

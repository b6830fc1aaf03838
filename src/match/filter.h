/*
 * Hard requirements: a volunteer who fails one is never proposed for the
 * call, however well they would score. Each rule is its own function so a
 * test can make exactly one of them fail; mf_pass chains them cheapest
 * first for the scan.
 *
 * All take the index (read-locked by the caller), a volunteer slot and the
 * prepared question (struct mquery).
 */
#ifndef KP_MATCH_FILTER_H
#define KP_MATCH_FILTER_H

#include <stdlib.h>

#include "match/index.h"

/* One question about one call, prepared once before a scan. */
struct mquery {
	const struct mcall *c;
	int32_t today;          /* days since 1970 */
	int32_t vog_cutoff;     /* a VOG must be dated on or after this day */
	double clat, clon;      /* the call's position (from its floats) */
	double cos_lat;         /* cos of the call's latitude */
	double km_lon;          /* km per degree of longitude there */
	double idf[MCALL_TERMS_MAX]; /* idf of each of the call's terms */
	double idf_all;         /* their sum */
	double rest_max;        /* the most all parts but activity and themes can add */
	double text_cap[MCALL_TERMS_MAX + 1]; /* most text share with k shared terms */
	bool no_experience;     /* MATCH_WITHOUT_EXPERIENCE: lived experience counts for nothing */
	double w[MP_COUNT];     /* the weights for this call (distance weighs by how often) */
	double half_km;         /* h of the distance part for this call */
};

/* Fills q for call c at time now, as asked by flags (MATCH_WITHOUT_EXPERIENCE). */
void mq_prepare(const struct match_index *ix, const struct mcall *c, int64_t now, unsigned flags,
                struct mquery *q);

/* Day number of the date `months` calendar months before day `today`. */
int32_t mf_months_before(int32_t today, int months);

enum mf_reason {
	MF_OK, MF_INACTIVE, MF_CAPACITY, MF_CONSENT, MF_TIME, MF_TRAINING, MF_SKILL,
	MF_LANGUAGE, MF_LICENCE, MF_CAR, MF_ENGAGEMENT, MF_HOURS, MF_VOG, MF_DISTANCE, MF_PAIRED,
	MF_REASON_COUNT
};
const char *mf_reason_name(int r);

/* Status active (inactive volunteers are kept out of the slots anyway). */
static inline bool mf_active(const struct match_index *ix, uint32_t s)
{
	return (ix->v.hot[s].flags & VF_LIVE) != 0;
}

/* Fewer open matches than the volunteer's maximum. */
static inline bool mf_capacity(const struct match_index *ix, uint32_t s)
{
	return ix->v.hot[s].open < ix->v.hot[s].max_matches;
}

/* Organisation slot org is in the pooled set at offset off (0: empty set). */
static inline bool mf_oset_has(const struct match_index *ix, uint32_t off, uint16_t org)
{
	if (off == 0)
		return false;
	const uint16_t *p = ix->osets + off;
	for (uint16_t i = 0; i < p[0]; i++)
		if (p[1 + i] == org)
			return true;
	return false;
}

/*
 * Consent (consent_allows_organisation): a call of the volunteer's own
 * organisation always; a call of another organisation (volunteer centres
 * included) only when the volunteer consented to the whole network or to
 * that organisation.
 */
static inline bool mf_consent(const struct match_index *ix, uint32_t s, const struct mcall *c)
{
	const struct vhot *h = &ix->v.hot[s];
	if (h->org == c->org || (h->flags & VF_NETWORK))
		return true;
	return (h->flags & VF_SELECTED) && mf_oset_has(ix, ix->v.oset[s], c->org);
}

/* May lived experience count for this call (consent_allows_experience)?
   The explicit experience consent, and the call's organisation allowed. */
static inline bool mf_experience(const struct match_index *ix, uint32_t s, const struct mcall *c)
{
	return (ix->v.hot[s].flags & VF_EXPERIENCE) && mf_consent(ix, s, c);
}

/* Free on one of the call's day-parts (recurring) or on the date's (one-off). */
static inline bool mf_time(const struct match_index *ix, uint32_t s, const struct mcall *c)
{
	return (ix->v.hot[s].avail & c->need) != 0;
}

/* The requirement masks are tested first so that a call without such a
   requirement (most of them) never loads the volunteer's mask. */
static inline bool mf_trainings(const struct match_index *ix, uint32_t s, const struct mcall *c)
{
	return c->train == 0 || (c->train & ~ix->v.mask[LIST_TRAINING][s]) == 0;
}

static inline bool mf_skills(const struct match_index *ix, uint32_t s, const struct mcall *c)
{
	return c->talent == 0 || (c->talent & ~ix->v.mask[LIST_TALENT][s]) == 0;
}

/* Speaks every language the call names. */
static inline bool mf_languages(const struct match_index *ix, uint32_t s, const struct mcall *c)
{
	return c->lang == 0 || (c->lang & ~ix->v.mask[LIST_LANGUAGE][s]) == 0;
}

static inline bool mf_licence(const struct match_index *ix, uint32_t s, const struct mcall *c)
{
	return !c->requires_licence || (ix->v.hot[s].flags & VF_LICENCE);
}

/* A car when the call needs one: travelling by car, with a licence. */
static inline bool mf_car(const struct match_index *ix, uint32_t s, const struct mcall *c)
{
	return !c->requires_car || (ix->v.hot[s].flags & VF_CAR);
}

/* The forms of engagement (bits) that take on a call of form e: one-off
   and now-and-then work go to who does either, project work also to who
   comes every week, weekly work only to who comes every week; a question
   that names no form (a help request, ENGAGEMENT_COUNT) to every form. */
static inline uint8_t mf_engagement_fit(int e)
{
	if (e < 0 || e >= ENGAGEMENT_COUNT)
		return (1u << ENGAGEMENT_COUNT) - 1;
	static const uint8_t fit[ENGAGEMENT_COUNT] = {
		[ENGAGEMENT_ONE_OFF] = 1u << ENGAGEMENT_ONE_OFF | 1u << ENGAGEMENT_FLEXIBLE,
		[ENGAGEMENT_FLEXIBLE] = 1u << ENGAGEMENT_ONE_OFF | 1u << ENGAGEMENT_FLEXIBLE,
		[ENGAGEMENT_PROJECT] = 1u << ENGAGEMENT_PROJECT | 1u << ENGAGEMENT_STRUCTURAL,
		[ENGAGEMENT_STRUCTURAL] = 1u << ENGAGEMENT_STRUCTURAL,
	};
	return fit[e];
}

/* The volunteer named no form of engagement, or one that takes on the call's. */
static inline bool mf_engagement(const struct match_index *ix, uint32_t s, const struct mcall *c)
{
	uint8_t e = ix->v.hot[s].engage;
	return e == 0 || (e & mf_engagement_fit(c->engagement)) != 0;
}

/* The call's hours fit in what the open matches leave of the volunteer's week. */
static inline bool mf_hours(const struct match_index *ix, uint32_t s, const struct mcall *c)
{
	return ix->v.hot[s].hours_free >= c->half_hours;
}

/* A VOG no older than the call's organisation allows. */
static inline bool mf_vog(const struct match_index *ix, uint32_t s, const struct mquery *q)
{
	int32_t day = ix->v.hot[s].vog_day;
	return !q->c->requires_vog || (day > 0 && day >= q->vog_cutoff);
}

/* Squared distance in km (equirectangular: exact enough within a country). */
static inline double mf_dist2(const struct match_index *ix, uint32_t s, const struct mquery *q)
{
	double dx = ((double)ix->v.hot[s].lon - q->clon) * q->cos_lat * KM_PER_DEG;
	double dy = ((double)ix->v.hot[s].lat - q->clat) * KM_PER_DEG;
	return dx * dx + dy * dy;
}

static inline bool mf_distance(const struct match_index *ix, uint32_t s, double d2)
{
	double m = ix->v.hot[s].max_km;
	return d2 <= m * m;
}

static int mf_cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* No match on this call yet: not declined before, not already proposed. */
static inline bool mf_unpaired(const struct match_index *ix, uint32_t s, const struct mcall *c)
{
	return c->n_paired == 0 ||
	       bsearch(&ix->v.id[s], c->paired, (size_t)c->n_paired, sizeof *c->paired,
	               mf_cmp_i64) == NULL;
}

/* What the call asks of the volunteer, every hard requirement but her being
   active and mf_unpaired, cheapest first; sets *d2 when they pass. The calls
   that fit a volunteer who waits for her intake are those she fits so. */
static inline __attribute__((always_inline)) bool mf_fits_base(const struct match_index *ix,
                                                               uint32_t s,
                                                               const struct mquery *q,
                                                               double *d2)
{
	const struct mcall *c = q->c;
	if (!mf_capacity(ix, s) || !mf_consent(ix, s, c) || !mf_time(ix, s, c) ||
	    !mf_trainings(ix, s, c) || !mf_skills(ix, s, c) || !mf_languages(ix, s, c) ||
	    !mf_licence(ix, s, c) || !mf_car(ix, s, c) || !mf_engagement(ix, s, c) ||
	    !mf_hours(ix, s, c) || !mf_vog(ix, s, q))
		return false;
	*d2 = mf_dist2(ix, s, q);
	return mf_distance(ix, s, *d2);
}

/* Every hard requirement but mf_unpaired; sets *d2 when they pass. A scan
   checks mf_unpaired only for the few volunteers that would make its top,
   and corrects its count with mf_paired_passing. */
static inline __attribute__((always_inline)) bool mf_pass_base(const struct match_index *ix,
                                                               uint32_t s,
                                                               const struct mquery *q,
                                                               double *d2)
{
	return mf_active(ix, s) && mf_fits_base(ix, s, q, d2);
}

/* All hard requirements; sets *d2 when they pass. */
static inline bool mf_pass(const struct match_index *ix, uint32_t s, const struct mquery *q,
                           double *d2)
{
	return mf_pass_base(ix, s, q, d2) && mf_unpaired(ix, s, q->c);
}

/* How many of the volunteers already paired with the call pass every other
   requirement (they were counted by a scan with mf_pass_base). */
int64_t mf_paired_passing(const struct match_index *ix, const struct mquery *q);

/* The first requirement slot s fails for q, or MF_OK (for tests and tools). */
int mf_check(const struct match_index *ix, uint32_t s, const struct mquery *q);

#endif

/* Hard requirements: preparing a question and naming the rule that fails. */
#include "match/filter.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "match/score.h"
#include "util/parse.h"

static const char *const reasons[MF_REASON_COUNT] = {
	"ok", "inactive", "capacity", "consent", "time", "training", "skill", "language",
	"licence", "car", "engagement", "hours", "vog", "distance", "paired",
};

const char *mf_reason_name(int r)
{
	return r >= 0 && r < MF_REASON_COUNT ? reasons[r] : "?";
}

static void civil(int32_t days, int *y, int *m, int *d)
{
	char buf[11];
	parse_format_date((long long)days * 86400, buf);
	*y = (buf[0] - '0') * 1000 + (buf[1] - '0') * 100 + (buf[2] - '0') * 10 + (buf[3] - '0');
	*m = (buf[5] - '0') * 10 + (buf[6] - '0');
	*d = (buf[8] - '0') * 10 + (buf[9] - '0');
}

int32_t mf_months_before(int32_t today, int months)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;
	civil(today, &y, &m, &d);
	int total = y * 12 + (m - 1) - months;
	y = total / 12;
	m = total % 12 + 1;
	int last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	if (d > last)
		d = last;
	char buf[48];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	return (int32_t)parse_date_days(buf);
}

void mq_prepare(const struct match_index *ix, const struct mcall *c, int64_t now, unsigned flags,
                struct mquery *q)
{
	q->c = c;
	q->today = mday(now);
	q->vog_cutoff = mf_months_before(q->today, ix->orgs[c->org].vog_months);
	q->clat = c->lat;
	q->clon = c->lon;
	q->cos_lat = cos(q->clat * M_PI / 180.0);
	q->km_lon = q->cos_lat * KM_PER_DEG;
	/* Distance weighs by how often the volunteer travels: weekly work 2.5
	   times the weight with a nearer half (a neighbour matters more than a
	   theme), project work 1.5 times, one-off and now-and-then work as set. */
	memcpy(q->w, ix->weights.w, sizeof q->w);
	q->half_km = ix->weights.distance_half_km;
	if (c->engagement == ENGAGEMENT_STRUCTURAL) {
		q->w[MP_DISTANCE] *= 2.5;
		q->half_km *= 0.6;
	} else if (c->engagement == ENGAGEMENT_PROJECT) {
		q->w[MP_DISTANCE] *= 1.5;
		q->half_km *= 0.8;
	}
	const double *w = q->w;
	double waiting = ms_waiting(&ix->weights, c, now);
	q->no_experience = (flags & MATCH_WITHOUT_EXPERIENCE) != 0;
	q->rest_max = w[MP_MOTIVES] + w[MP_TALENTS] + (q->no_experience ? 0 : w[MP_EXPERIENCE]) +
	              w[MP_TEXT] +
	              w[MP_DISTANCE] + w[MP_AVAILABILITY] + w[MP_FAIRNESS] + w[MP_WAITING] * waiting;
	q->idf_all = 0;
	double sorted[MCALL_TERMS_MAX];
	for (int i = 0; i < c->n_terms; i++) {
		q->idf[i] = mtext_idf(&ix->text, c->terms[i]);
		q->idf_all += q->idf[i];
		int j = i; /* insertion sort, largest first: at most MCALL_TERMS_MAX terms */
		while (j > 0 && sorted[j - 1] < q->idf[i]) {
			sorted[j] = sorted[j - 1];
			j--;
		}
		sorted[j] = q->idf[i];
	}
	/* A volunteer with k terms shares at most the k weightiest ones. */
	q->text_cap[0] = 0;
	for (int k = 1; k <= MCALL_TERMS_MAX; k++) {
		double top = k <= c->n_terms ? sorted[k - 1] : 0;
		q->text_cap[k] = q->text_cap[k - 1] + (q->idf_all > 0 ? top / q->idf_all : 0);
	}
}

int mf_check(const struct match_index *ix, uint32_t s, const struct mquery *q)
{
	const struct mcall *c = q->c;
	if (!mf_active(ix, s))
		return MF_INACTIVE;
	if (!mf_capacity(ix, s))
		return MF_CAPACITY;
	if (!mf_consent(ix, s, c))
		return MF_CONSENT;
	if (!mf_time(ix, s, c))
		return MF_TIME;
	if (!mf_trainings(ix, s, c))
		return MF_TRAINING;
	if (!mf_skills(ix, s, c))
		return MF_SKILL;
	if (!mf_languages(ix, s, c))
		return MF_LANGUAGE;
	if (!mf_licence(ix, s, c))
		return MF_LICENCE;
	if (!mf_car(ix, s, c))
		return MF_CAR;
	if (!mf_engagement(ix, s, c))
		return MF_ENGAGEMENT;
	if (!mf_hours(ix, s, c))
		return MF_HOURS;
	if (!mf_vog(ix, s, q))
		return MF_VOG;
	if (!mf_distance(ix, s, mf_dist2(ix, s, q)))
		return MF_DISTANCE;
	if (!mf_unpaired(ix, s, c))
		return MF_PAIRED;
	return MF_OK;
}

int64_t mf_paired_passing(const struct match_index *ix, const struct mquery *q)
{
	int64_t n = 0;
	for (int i = 0; i < q->c->n_paired; i++) {
		uint32_t s;
		double d2;
		if (mhash_get(&ix->vid, q->c->paired[i], &s) && mf_pass_base(ix, s, q, &d2))
			n++;
	}
	return n;
}

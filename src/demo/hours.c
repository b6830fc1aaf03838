/* The demo hours and expense claims: every match that was at work logs its
   weekly commitment over the last year (a week skipped now and then, an
   afternoon longer or shorter), approved once it is a month old; a third of
   them claim their kilometres every four weeks at the organisation's rate,
   paid after two months, and have a bank account (a made-up bank, DEMO) for
   the treasurer's export; each organisation pays from one of its own. */
#include <stdio.h>
#include <string.h>

#include "db/hours.h"
#include "db/payments.h"
#include "demo/gen.h"

#define DAY 86400
#define YEAR_DAYS 365
#define CAR_CENTS 21     /* per km; the tax-free maximum is 23 */
#define BIKE_CENTS 10

/* A made-up Dutch account number, valid by its check digits. */
static void demo_iban(int64_t number, char out[IBAN_MAX + 1])
{
	char bban[24];
	snprintf(bban, sizeof bban, "DEMO%010lld", (long long)number);
	iban_compose("NL", bban, out);
}

static int add_rates(struct demo_gen *g, struct kp_error *err)
{
	char iban[IBAN_MAX + 1];
	for (int o = 0; o < DEMO_ORGS; o++) {
		demo_iban(9900000000LL + o, iban);
		if (store_expense_rate_put(g->db, g->org_id[o], travel_mode_name(TRAVEL_CAR),
		                           CAR_CENTS, err) ||
		    store_expense_rate_put(g->db, g->org_id[o], travel_mode_name(TRAVEL_BIKE),
		                           BIKE_CENTS, err) ||
		    store_organisation_account_put(g->db, g->org_id[o], iban, "", g->now, err))
			return KP_ERR;
	}
	return KP_OK;
}

static int add_claim(struct demo_gen *g, const struct demo_work *w, int64_t t,
                     struct kp_error *err)
{
	struct expense_claim c = {
		.volunteer_id = w->volunteer_id, .organisation_id = g->org_id[w->org],
		.match_id = w->match_id, .kind = EXPENSE_KILOMETRES,
		.travel_mode = rng_chance(&g->rng, 700) ? TRAVEL_CAR : TRAVEL_BIKE,
		.km = rng_range(&g->rng, 8, 60), .status = EXPENSE_SUBMITTED,
		.created_by = g->org_actor[w->org], .created_at = t,
	};
	c.amount_cents = (int64_t)c.km * (c.travel_mode == TRAVEL_CAR ? CAR_CENTS : BIKE_CENTS);
	demo_date(g, (int)((t - g->now) / DAY), c.incurred_on);
	snprintf(c.description, sizeof c.description, "Ritten van de afgelopen vier weken");
	if (store_expense_insert(g->db, &c, err))
		return KP_ERR;
	g->sum->expense_claims++;
	if (g->now - t < 30 * DAY)
		return KP_OK;
	c.status = g->now - t > 60 * DAY ? EXPENSE_PAID : EXPENSE_APPROVED;
	c.decided_by = g->org_actor[w->org];
	c.decided_at = t + 7 * DAY;
	c.paid_at = c.status == EXPENSE_PAID ? t + 30 * DAY : 0;
	return store_expense_update(g->db, &c, err);
}

static int add_weeks(struct demo_gen *g, const struct demo_work *w, struct kp_error *err)
{
	static const int usual[] = { 60, 90, 120, 150, 180, 240 };
	int minutes = usual[rng_below(&g->rng, sizeof usual / sizeof usual[0])];
	bool claims = rng_chance(&g->rng, 333);
	int64_t start = w->from > g->now - YEAR_DAYS * DAY ? w->from : g->now - YEAR_DAYS * DAY;
	struct hour_entry e = {
		.volunteer_id = w->volunteer_id, .organisation_id = g->org_id[w->org],
		.match_id = w->match_id, .activity_id = w->activity_id,
		.created_by = g->org_actor[w->org],
	};
	int week = 0;
	char iban[IBAN_MAX + 1];
	demo_iban(w->volunteer_id, iban);
	if (claims && store_bank_account_put(g->db, w->volunteer_id, iban, "", g->now, err))
		return KP_ERR;
	/* Up to yesterday: today is for the volunteer to log. */
	for (int64_t t = start + DAY; t <= w->to && t <= g->now - DAY; t += 7 * DAY, week++) {
		if (claims && week % 4 == 3 && add_claim(g, w, t, err))
			return KP_ERR;
		if (rng_chance(&g->rng, 120)) /* on holiday, ill, the client away */
			continue;
		e.minutes = rng_chance(&g->rng, 800) ? minutes : minutes + 30 * rng_range(&g->rng, -1, 2);
		e.minutes = e.minutes < 30 ? 30 : e.minutes;
		demo_date(g, (int)((t - g->now) / DAY), e.worked_on);
		e.created_at = t + 3600;
		bool old = g->now - t > 30 * DAY;
		e.status = old ? HOUR_APPROVED : HOUR_LOGGED;
		e.approved_by = old ? g->org_actor[w->org] : 0;
		e.approved_at = old ? t + 14 * DAY : 0;
		if (store_hour_insert(g->db, &e, err))
			return KP_ERR;
		g->sum->hour_entries++;
		g->sum->minutes += e.minutes;
	}
	return KP_OK;
}

int demo_add_hours(struct demo_gen *g, struct kp_error *err)
{
	if (add_rates(g, err))
		return KP_ERR;
	for (int i = 0; i < g->n_work; i++)
		if (add_weeks(g, &g->work[i], err))
			return KP_ERR;
	return KP_OK;
}

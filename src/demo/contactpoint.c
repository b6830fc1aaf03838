/* A few months of the demo network's central contact point: the volunteer
   centre is the hub; requests come from the public form, the Wmo desk and
   the hub's own desk, are routed to an organisation that offers the
   activity in the client's place, and most are picked up, some after a
   while, some handed back, a few still waiting. Clients are invented. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/store.h"
#include "demo/gen.h"
#include "demo/names.h"
#include "model/help_request.h"

#define DEMO_HELP_REQUESTS 90
#define DEMO_HELP_DAYS 120
#define HOUR 3600
#define DAY 86400

static const char *const situations[] = {
	"Woont alleen sinds het overlijden van haar man en komt weinig buiten.",
	"Mantelzorger is overbelast en zoekt iemand die een middag per week komt.",
	"Heeft hulp nodig bij de post en de rekeningen.",
	"Wil graag weer eens wandelen, maar durft niet alleen.",
	"Moet regelmatig naar het ziekenhuis en heeft geen vervoer.",
	"Zoekt iemand om samen boodschappen te doen.",
};

/* An organisation that takes requests, and an activity and place it offers. */
static int pick_route(struct demo_gen *g, int64_t *activity, const char **place)
{
	for (;;) {
		int org = (int)rng_below(&g->rng, DEMO_ORGS);
		if (demo_orgs[org].kind == ORG_REFERRER || demo_org_place(org, 0) == NULL)
			continue;
		int n = 0, m = 0;
		while (n < 6 && demo_orgs[org].activities[n] != NULL)
			n++;
		while (m < 6 && demo_org_place(org, m) != NULL)
			m++;
		*activity = catalog_find(&g->app->lists, LIST_ACTIVITY,
		                         demo_orgs[org].activities[rng_below(&g->rng, (uint32_t)n)]);
		*place = demo_org_place(org, (int)rng_below(&g->rng, (uint32_t)m));
		return org;
	}
}

static void client_of(struct demo_gen *g, const char *place, struct client_record *c)
{
	struct names_person p;
	char local[128];
	names_pick(&g->rng, &p);
	memset(c, 0, sizeof *c);
	snprintf(c->name, sizeof c->name, "%s %s", p.first, p.last);
	names_email_part(p.first, p.last, local, sizeof local);
	snprintf(c->email, sizeof c->email, "%s@client.demo", local);
	snprintf(c->phone, sizeof c->phone, "06-%08u", 20000000u + rng_below(&g->rng, 9999999));
	snprintf(c->place, sizeof c->place, "%s", place);
	snprintf(c->situation, sizeof c->situation, "%s",
	         situations[rng_below(&g->rng, sizeof situations / sizeof situations[0])]);
	c->consent_share = 1;
}

/* Where the request got to by now: routed a few hours after it came in,
   picked up after hours to days (slower at the busy organisations), or
   handed back, or still waiting. */
static void walk(struct demo_gen *g, int org, struct help_request *r)
{
	int64_t age = g->now - r->created_at;
	if (age < 6 * HOUR || rng_chance(&g->rng, 30)) {
		r->status = HELP_NEW;
		if (age < 6 * HOUR)
			return;
	}
	r->status = HELP_ROUTED;
	r->organisation_id = g->org_id[org];
	r->routed_at = r->created_at + rng_range(&g->rng, 1, 30) * HOUR;
	if (r->routed_at >= g->now)
		r->routed_at = r->created_at + HOUR;
	int64_t pickup = rng_range(&g->rng, 2, 20 + 30 * (org % 4)) * HOUR;
	if (rng_chance(&g->rng, 120)) /* some sit at the organisation, unnoticed */
		pickup = 60 * 86400;
	if (r->routed_at + pickup > g->now)
		return;
	if (rng_chance(&g->rng, 70)) {
		r->status = HELP_HANDED_BACK;
		snprintf(r->reason, sizeof r->reason, "Op dit moment geen vrijwilliger beschikbaar.");
		if ((r->created_at / HOUR) % 2 == 0 && r->routed_at + pickup + DAY < g->now) {
			r->status = HELP_CLOSED; /* the hub found no one else either */
			r->outcome = OUTCOME_NO_VOLUNTEER;
			r->closed_at = r->routed_at + pickup + DAY;
		}
		return;
	}
	r->status = rng_chance(&g->rng, 150) ? HELP_CLOSED : HELP_ACCEPTED;
	r->accepted_at = r->routed_at + pickup;
	if (r->status == HELP_CLOSED) {
		r->outcome = OUTCOME_HELPED;
		r->closed_at = r->accepted_at + 14 * DAY < g->now ? r->accepted_at + 14 * DAY : g->now;
	}
	snprintf(r->contact_name, sizeof r->contact_name, "Coördinator %s", demo_orgs[org].name);
	snprintf(r->contact_phone, sizeof r->contact_phone, "078-%07d", 6100000 + org * 1117);
}

static int add_request(struct demo_gen *g, int i, struct kp_error *err)
{
	struct help_request r;
	struct client_record c;
	const char *place;
	help_request_init(&r);
	int org = pick_route(g, &r.activity_id, &place);
	snprintf(r.place, sizeof r.place, "%s", place);
	int weights[HELP_CHANNEL_COUNT] = { 45, 40, 15 };
	r.channel = rng_weighted(&g->rng, weights, HELP_CHANNEL_COUNT);
	r.urgency = rng_chance(&g->rng, 150) ? URGENCY_URGENT
	            : rng_chance(&g->rng, 300) ? URGENCY_SOON : URGENCY_NORMAL;
	r.created_by = r.channel == HELP_REFERRER ? g->referrer_account
	               : r.channel == HELP_DESK ? g->org_actor[ORG_CENTRALE] : 0;
	/* spread over the months, newest last; office hours */
	int64_t day = g->now / 86400 - DEMO_HELP_DAYS +
	              (int64_t)i * DEMO_HELP_DAYS / DEMO_HELP_REQUESTS;
	r.created_at = day * 86400 + rng_range(&g->rng, 8, 17) * HOUR;
	if (r.created_at > g->now)
		r.created_at = g->now - HOUR;
	client_of(g, place, &c);
	snprintf(c.referred_by, sizeof c.referred_by, "%s",
	         r.channel == HELP_REFERRER ? "Wmo-loket Drechtsteden"
	         : rng_chance(&g->rng, 500) ? "mantelzorger" : "zelf");
	c.consent_at = r.created_at;
	walk(g, org, &r);
	r.updated_at = r.closed_at     ? r.closed_at
	               : r.accepted_at ? r.accepted_at
	               : r.routed_at   ? r.routed_at : r.created_at;
	if (help_request_validate(&r, &c, err) || store_help_request_insert(g->db, &r, &c, err))
		return KP_ERR;
	g->sum->help_requests++;
	if (r.accepted_at && r.channel == HELP_FORM && g->sum->n_form_pickups < DEMO_HELP_REQUESTS)
		g->sum->form_pickup[g->sum->n_form_pickups++] = r.accepted_at - r.created_at;
	if (help_request_waiting(&r, g->now, DEMO_PICKUP_DAYS))
		g->sum->help_waiting++;
	return KP_OK;
}

int demo_add_contact_point(struct demo_gen *g, struct kp_error *err)
{
	if (store_contact_point_set(g->db, g->org_id[ORG_CENTRALE], DEMO_PICKUP_DAYS, err))
		return KP_ERR;
	for (int i = 0; i < DEMO_HELP_REQUESTS; i++)
		if (add_request(g, i, err))
			return KP_ERR;
	return KP_OK;
}

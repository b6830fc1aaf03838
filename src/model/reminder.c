#include "model/reminder.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *name, *nl, *en;
} kinds[REMINDER_KIND_COUNT] = {
	{ "intake_due", "Intakegesprek nog niet gehouden", "Intake not yet held" },
	{ "vog_missing", "VOG ontbreekt", "Certificate of conduct missing" },
	{ "vog_expired", "VOG is te oud", "Certificate of conduct too old" },
	{ "evaluation_due", "Evaluatiegesprek is aan de beurt", "Evaluation due" },
	{ "inactive", "Drie maanden geen activiteit", "No activity for three months" },
	{ "aftercare_due", "Nazorg: is de koppeling goed gegaan?", "Aftercare: did the match work?" },
	{ "request", "Vrijwilliger vraagt om pauze of stoppen", "Volunteer asks to pause or stop" },
	{ "anniversary", "Jubileum van een vrijwilliger", "Volunteer anniversary" },
	{ "transfer_offered", "Warme doorverwijzing wacht op antwoord", "Transfer awaits an answer" },
	{ "client_followup", "Nazorg: bel de cliënt, gaat de hulp goed?",
	  "Follow-up: call the client, is the help going well?" },
	{ "request_waiting", "Hulpvraag wacht op oppakken", "Help request waits to be picked up" },
};

const char *reminder_kind_name(int k)
{
	return k >= 0 && k < REMINDER_KIND_COUNT ? kinds[k].name : NULL;
}

int reminder_kind_parse(const char *name)
{
	for (int i = 0; name != NULL && i < REMINDER_KIND_COUNT; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return i;
	return -1;
}

const char *reminder_kind_label(int k, const char *lang)
{
	if (k < 0 || k >= REMINDER_KIND_COUNT)
		return "";
	return lang != NULL && strcmp(lang, "en") == 0 ? kinds[k].en : kinds[k].nl;
}

struct sink {
	const struct reminder_facts *f;
	struct reminder *out;
	int cap, n;
};

static struct reminder *add(struct sink *s, int kind, long due_on)
{
	if (s->n >= s->cap)
		return NULL;
	struct reminder *r = &s->out[s->n++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->journey_id = s->f->journey_id;
	r->volunteer_id = s->f->volunteer_id;
	r->organisation_id = s->f->organisation_id;
	r->due_on = due_on;
	return r;
}

/* key = kind:journey[:date of the occurrence] */
static void key_with_day(struct reminder *r, long day)
{
	char date[11];
	if (r == NULL)
		return;
	if (day < 0) {
		snprintf(r->key, sizeof r->key, "%s:%lld", reminder_kind_name(r->kind),
		         (long long)r->journey_id);
		return;
	}
	journey_day_format(day, date);
	snprintf(r->key, sizeof r->key, "%s:%lld:%s", reminder_kind_name(r->kind),
	         (long long)r->journey_id, date);
}

static bool in_progress(int step)
{
	return step != STEP_PAUSED && step != STEP_EXIT_INTERVIEW && !journey_step_is_final(step);
}

static void intake_rule(const struct journey_settings *s, struct sink *k, long today)
{
	const struct reminder_facts *f = k->f;
	long due = f->started_on + s->intake_days;
	if (f->step == STEP_SIGNED_UP && f->started_on >= 0 && today >= due)
		key_with_day(add(k, REMINDER_INTAKE_DUE, due), -1);
}

static void vog_rules(const struct journey_settings *s, struct sink *k, long today)
{
	const struct reminder_facts *f = k->f;
	if (!s->requires_vog)
		return;
	if (f->vog_on < 0) {
		if (f->step == STEP_SIGNED_UP || !in_progress(f->step))
			return;
		long grace = f->step == STEP_INTAKE ? 7 : f->step == STEP_VOG_REQUESTED ? 28 : 0;
		if (today >= f->step_on + grace)
			key_with_day(add(k, REMINDER_VOG_MISSING, f->step_on + grace), -1);
		return;
	}
	bool holds_vog = f->step >= STEP_VOG_RECEIVED && f->step <= STEP_PAUSED;
	if (holds_vog && !journey_vog_valid(f->vog_on, s->vog_max_age_months, today)) {
		long expired = journey_add_months(f->vog_on, s->vog_max_age_months) + 1;
		key_with_day(add(k, REMINDER_VOG_EXPIRED, expired), f->vog_on);
	}
}

static void evaluation_rule(const struct journey_settings *s, struct sink *k, long today)
{
	const struct reminder_facts *f = k->f;
	if (f->step != STEP_FIRST_DEPLOYMENT && f->step != STEP_ACTIVE)
		return;
	long base = f->last_evaluation_on >= 0 ? f->last_evaluation_on : f->deployed_on;
	if (base < 0)
		return;
	long due = journey_add_months(base, s->evaluation_months);
	if (today >= due)
		key_with_day(add(k, REMINDER_EVALUATION_DUE, due), due);
}

static void inactivity_rule(struct sink *k, long today)
{
	const struct reminder_facts *f = k->f;
	if (!journey_step_is_deployable(f->step))
		return;
	long last = f->last_activity_on > f->step_on ? f->last_activity_on : f->step_on;
	long due = journey_add_months(last, REMINDER_INACTIVE_MONTHS);
	if (today >= due)
		key_with_day(add(k, REMINDER_INACTIVE, due), last);
}

static void request_rule(struct sink *k)
{
	const struct reminder_facts *f = k->f;
	if (f->request_id <= 0)
		return;
	struct reminder *r = add(k, REMINDER_REQUEST, f->request_on);
	if (r == NULL)
		return;
	r->ref_id = f->request_id;
	r->request_kind = f->request_kind;
	snprintf(r->key, sizeof r->key, "request:%lld", (long long)f->request_id);
}

static void anniversary_rule(struct sink *k, long today)
{
	static const int years[] = { 1, 5, 10 };
	const struct reminder_facts *f = k->f;
	if (f->started_on < 0 || journey_step_is_final(f->step))
		return;
	for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
		long day = journey_add_months(f->started_on, 12 * years[i]);
		if (today < day - 14 || today > day + 30)
			continue;
		struct reminder *r = add(k, REMINDER_ANNIVERSARY, day);
		if (r == NULL)
			return;
		r->years = years[i];
		snprintf(r->key, sizeof r->key, "anniversary:%lld:%d", (long long)f->journey_id,
		         years[i]);
	}
}

int reminder_for_journey(const struct journey_settings *s, const struct reminder_facts *f,
                         long today, struct reminder *out, int cap)
{
	struct sink k = { f, out, cap, 0 };
	intake_rule(s, &k, today);
	vog_rules(s, &k, today);
	evaluation_rule(s, &k, today);
	inactivity_rule(&k, today);
	request_rule(&k);
	anniversary_rule(&k, today);
	return k.n;
}

long reminder_aftercare_from(int64_t active_at)
{
	return active_at > 0 ? journey_day_of(active_at) + REMINDER_AFTERCARE_DAYS : -1;
}

bool reminder_for_aftercare(const struct aftercare_facts *f, long today, struct reminder *out)
{
	long due = f->active_on + REMINDER_AFTERCARE_DAYS;
	if (f->answered || f->active_on < 0 || today < due)
		return false;
	memset(out, 0, sizeof *out);
	out->kind = REMINDER_AFTERCARE_DUE;
	out->volunteer_id = f->volunteer_id;
	out->organisation_id = f->organisation_id;
	out->ref_id = f->match_id;
	out->due_on = due;
	out->overdue = today > f->active_on + REMINDER_AFTERCARE_LATE_DAYS;
	snprintf(out->key, sizeof out->key, "aftercare:%lld", (long long)f->match_id);
	return true;
}

bool reminder_for_client_followup(int64_t request_id, int64_t organisation_id, long active_on,
                                  long today, struct reminder *out)
{
	long due = active_on + REMINDER_AFTERCARE_DAYS;
	if (active_on < 0 || today < due)
		return false;
	memset(out, 0, sizeof *out);
	out->kind = REMINDER_CLIENT_FOLLOWUP;
	out->organisation_id = organisation_id;
	out->ref_id = request_id;
	out->due_on = due;
	out->overdue = today > active_on + REMINDER_AFTERCARE_LATE_DAYS;
	snprintf(out->key, sizeof out->key, "client_followup:%lld", (long long)request_id);
	return true;
}

void reminder_for_waiting_request(int64_t request_id, int64_t hub, long routed_on,
                                  struct reminder *out)
{
	memset(out, 0, sizeof *out);
	out->kind = REMINDER_REQUEST_WAITING;
	out->organisation_id = hub;
	out->ref_id = request_id;
	out->due_on = routed_on;
	out->overdue = true;
	snprintf(out->key, sizeof out->key, "request_waiting:%lld", (long long)request_id);
}

void reminder_for_transfer(int64_t transfer_id, int64_t volunteer_id, int64_t to_organisation,
                           long offered_on, struct reminder *out)
{
	memset(out, 0, sizeof *out);
	out->kind = REMINDER_TRANSFER_OFFERED;
	out->volunteer_id = volunteer_id;
	out->organisation_id = to_organisation;
	out->ref_id = transfer_id;
	out->due_on = offered_on;
	snprintf(out->key, sizeof out->key, "transfer:%lld", (long long)transfer_id);
}

/* Dutch sentences for the demo network, built from fragments so that
   thousands of profiles and calls do not all read the same. */
#include <stdio.h>
#include <string.h>

#include "demo/gen.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define PICK(r, a) ((a)[rng_below((r), (uint32_t)COUNT(a))])

static const char *const openings[] = {
	"Ik wil graag", "Ik zou graag", "Graag wil ik", "Ik zou heel graag", "Ik wil heel graag",
};
static const char *const goals[] = {
	"iets betekenen voor", "steun bieden aan", "mijn steentje bijdragen voor",
	"tijd en aandacht geven aan", "iets doen voor",
};
static const char *const links[] = {
	", bijvoorbeeld door", ", het liefst door", ". Dat doe ik het liefst door",
	", vooral door",
};
static const char *const closings[] = {
	"", "", "", "Eerst wil ik graag kennismaken.", "Ik kan vaak ook op korte termijn inspringen.",
	"Ik zoek iets vasts in de week.", "Af en toe meedoen past mij het best.",
	"Ik wil het rustig opbouwen.",
};

/* Appends text to out[*len..cap), keeping it NUL-terminated. */
static void add(char *out, size_t cap, size_t *len, const char *text)
{
	int n = snprintf(out + *len, cap - *len, "%s", text);
	if (n > 0)
		*len = *len + (size_t)n < cap ? *len + (size_t)n : cap - 1;
}

void texts_motivation(struct rng *r, int activity, int theme, int motive, int talent,
                      char *out, size_t cap)
{
	size_t len = 0;
	out[0] = '\0';
	add(out, cap, &len, PICK(r, openings));
	add(out, cap, &len, " ");
	add(out, cap, &len, PICK(r, goals));
	add(out, cap, &len, " ");
	add(out, cap, &len, vocab_themes[theme].for_whom);
	add(out, cap, &len, PICK(r, links));
	add(out, cap, &len, " ");
	add(out, cap, &len, vocab_activities[activity].by_doing);
	add(out, cap, &len, ".");
	if (motive >= 0 && rng_chance(r, 600)) {
		add(out, cap, &len, " ");
		add(out, cap, &len, vocab_motive_lines[motive]);
	}
	if (talent >= 0 && rng_chance(r, 500)) {
		add(out, cap, &len, " ");
		add(out, cap, &len, vocab_talent_lines[talent]);
	}
	const char *closing = PICK(r, closings);
	if (closing[0] != '\0') {
		add(out, cap, &len, " ");
		add(out, cap, &len, closing);
	}
}

/* Who a hulpvraag is for: short for the title, long for the description. */
static const struct { const char *who, *story; } clients[] = {
	{ "mevrouw (84)", "mevrouw woont alleen en krijgt weinig bezoek" },
	{ "meneer (79)", "meneer is slecht ter been sinds een val" },
	{ "een echtpaar", "een echtpaar van in de tachtig redt het niet meer alleen" },
	{ "een jonge moeder", "een jonge moeder met drie kinderen zoekt wat steun" },
	{ "meneer (72)", "meneer is net weduwnaar geworden en zit veel thuis" },
	{ "mevrouw (68)", "mevrouw heeft de ziekte van Parkinson en wil graag naar buiten" },
	{ "een mantelzorger", "de dochter zorgt voor haar vader met dementie en heeft even rust "
	                      "nodig" },
	{ "meneer (81)", "meneer is kortgeleden verhuisd en kent nog niemand in de buurt" },
	{ "mevrouw (90)", "mevrouw woont nog zelfstandig en wil dat graag zo houden" },
};

int texts_client_count(void)
{
	return COUNT(clients);
}

void texts_call_title(struct rng *r, const struct demo_call *c, int source,
                      const char *location, const char *place, char *out, size_t cap)
{
	const struct vocab_activity *a = &vocab_activities[c->activity];
	if (source == SOURCE_VOLUNTEER)   /* lower case after the colon; nouns start in ASCII */
		snprintf(out, cap, "Aanbod van een vrijwilliger: %c%s in %s", a->noun[0] - 'A' + 'a',
		         a->noun + 1, place);
	else if (source == SOURCE_CLIENT || source == SOURCE_REFERRER)
		snprintf(out, cap, "%s voor %s in %s", a->noun, clients[c->client].who, place);
	else if (location != NULL)
		snprintf(out, cap, "%s (%s)", PICK(r, a->titles), location);
	else
		snprintf(out, cap, "%s in %s", PICK(r, a->titles), place);
}

static const char *const endings[] = {
	"Je krijgt begeleiding van een vaste coördinator.",
	"Onkosten worden vergoed.",
	"Na twee weken bellen we even hoe het gaat.",
	"We maken eerst kennis, zodat je weet of het klikt.",
	"Je bent verzekerd via de gemeente.",
};

void texts_call_description(struct rng *r, const struct demo_call *c, int source,
                            const char *location, const char *place, const char *schedule,
                            int training, char *out, size_t cap)
{
	const char *doing = vocab_activities[c->activity].by_doing;
	size_t len = 0;
	out[0] = '\0';
	switch (source) {
	case SOURCE_LOCATION:
		add(out, cap, &len, "Op onze locatie ");
		add(out, cap, &len, location ? location : place);
		add(out, cap, &len, " zoeken we iemand die het leuk vindt om ");
		add(out, cap, &len, doing);
		add(out, cap, &len, ".");
		break;
	case SOURCE_CLIENT:
		add(out, cap, &len, "Hulpvraag uit ");
		add(out, cap, &len, place);
		add(out, cap, &len, ": ");
		add(out, cap, &len, clients[c->client].story);
		add(out, cap, &len, ".");
		break;
	case SOURCE_REFERRER:
		add(out, cap, &len, "Doorverwezen door het Wmo-loket Drechtsteden: ");
		add(out, cap, &len, clients[c->client].story);
		add(out, cap, &len, ". Wie wil helpen door ");
		add(out, cap, &len, doing);
		add(out, cap, &len, "?");
		break;
	case SOURCE_VOLUNTEER:
		add(out, cap, &len, "Ik bied aan om ");
		add(out, cap, &len, doing);
		add(out, cap, &len, ". Neem gerust contact op via de coördinator.");
		break;
	default:
		add(out, cap, &len, demo_orgs[c->org].name);
		add(out, cap, &len, " zoekt een vrijwilliger die het leuk vindt om ");
		add(out, cap, &len, doing);
		add(out, cap, &len, ".");
		break;
	}
	add(out, cap, &len, " ");
	add(out, cap, &len, schedule);
	if (c->requires_vog)
		add(out, cap, &len, " Een VOG is nodig; die vragen we gratis voor je aan.");
	if (c->requires_licence)
		add(out, cap, &len, " Je hebt een rijbewijs nodig.");
	if (training >= 0) {
		add(out, cap, &len, " Je hebt ");
		add(out, cap, &len, vocab_training_labels[training]);
		add(out, cap, &len, " gevolgd, of doet die bij ons.");
	}
	add(out, cap, &len, " ");
	add(out, cap, &len, PICK(r, endings));
}

static const char *const decline_reasons[] = {
	"Vrijwilliger heeft op dat moment geen tijd.",
	"De afstand is te groot voor de vrijwilliger.",
	"Het klikte niet in het kennismakingsgesprek.",
	"De hulpvrager heeft inmiddels andere hulp gevonden.",
	"Vrijwilliger zoekt liever ander soort vrijwilligerswerk.",
	"De VOG was niet op tijd binnen.",
	"De hulpvrager wil liever een vrijwilliger van eigen leeftijd.",
};
static const char *const end_reasons[] = {
	"Hulpvraag afgerond.",
	"De hulpvrager is verhuisd naar een verpleeghuis.",
	"De hulpvrager is overleden.",
	"Vrijwilliger is verhuisd.",
	"Vrijwilliger stopt vanwege de eigen gezondheid.",
	"Vrijwilliger heeft betaald werk gevonden.",
	"Uit de evaluatie bleek dat het niet meer past bij wat de vrijwilliger zoekt.",
	"Project afgelopen.",
};

const char *texts_decline_reason(struct rng *r)
{
	return PICK(r, decline_reasons);
}

const char *texts_end_reason(struct rng *r)
{
	return PICK(r, end_reasons);
}

/* The shared-list vocabulary of the demo network, with the Dutch phrases
   that turn a profile into a sentence. Codes are those of default_lists.c. */
#include <string.h>

#include "demo/gen.h"

const struct vocab_activity vocab_activities[VOCAB_ACTIVITIES] = {
	{ "huisbezoek", "op bezoek te gaan voor een kop koffie en een praatje", "Gezelschap",
	  { "Gezelschap voor een oudere dame", "Wekelijks bezoek aan een alleenstaande meneer",
	    "Koffie en een praatje bij mevrouw" }, { "ouderen", "eenzaamheid", "buurt" } },
	{ "wandelen", "samen te wandelen", "Wandelmaatje",
	  { "Wandelmaatje gezocht", "Samen wandelen met een bewoner",
	    "Wandelen met iemand met dementie" }, { "ouderen", "dementie", "eenzaamheid" } },
	{ "boodschappen", "boodschappen te doen", "Hulp bij de boodschappen",
	  { "Hulp bij de wekelijkse boodschappen", "Boodschappen doen voor een echtpaar",
	    "Samen naar de markt" }, { "ouderen", "beperking", "buurt" } },
	{ "vervoer_ziekenhuis", "mensen naar het ziekenhuis te rijden", "Vervoer naar het ziekenhuis",
	  { "Vervoer naar het ziekenhuis", "Begeleiding bij een ziekenhuisbezoek",
	    "Rijden naar de dagbehandeling" }, { "ouderen", "kanker", "beperking" } },
	{ "klussen", "kleine klusjes in huis te doen", "Hulp bij klusjes",
	  { "Hulp bij kleine klussen", "Lamp ophangen en kastje repareren",
	    "Klusjes rond het huis" }, { "ouderen", "armoede", "buurt" } },
	{ "thuisadministratie", "te helpen met de post en de administratie",
	  "Hulp bij de administratie",
	  { "Hulp bij de thuisadministratie", "Samen de post doornemen",
	    "Ordenen van papieren en rekeningen" }, { "armoede", "ouderen", "nieuwkomers" } },
	{ "computerhulp", "uit te leggen hoe de computer en de telefoon werken", "Computerhulp",
	  { "Uitleg over tablet en videobellen", "Hulp bij DigiD en internetbankieren",
	    "Digitaal spreekuur in de bibliotheek" }, { "ouderen", "eenzaamheid", "buurt" } },
	{ "maatje", "een vast maatje te zijn", "Maatje",
	  { "Maatje gezocht voor een jonge moeder", "Buddy voor iemand met psychische klachten",
	    "Maatje voor een jongere" }, { "ggz", "gezinnen", "jeugd" } },
	{ "lotgenotencontact", "ervaringen te delen met lotgenoten", "Lotgenotencontact",
	  { "Gespreksleider lotgenotengroep", "Ervaringsdeskundige voor de inloopmiddag",
	    "Gastvrouw bij lotgenotencontact" }, { "kanker", "ggz", "mantelzorg" } },
	{ "waken", "te waken bij mensen in hun laatste dagen", "Waken",
	  { "Waken bij iemand in de laatste levensfase", "Nachtwake thuis",
	    "Aanwezig zijn in het hospice" }, { "palliatief", "ouderen", "kanker" } },
	{ "activiteitenbegeleiding", "te helpen bij activiteiten in een woonzorgcentrum",
	  "Begeleiding bij activiteiten",
	  { "Begeleiding bij de spelmiddag", "Hulp bij het zangkoor van de bewoners",
	    "Begeleiding bij de creatieve middag" }, { "ouderen", "dementie", "beperking" } },
	{ "gastvrouw", "gastvrouw of gastheer te zijn", "Gastvrouw of gastheer",
	  { "Gastvrouw of gastheer in het restaurant", "Gastvrouw voor de inloop",
	    "Ontvangst bij de receptie" }, { "ouderen", "buurt", "kanker" } },
	{ "respijtzorg", "een middag het zorgen over te nemen van een mantelzorger", "Respijtzorg",
	  { "Mantelzorger een middag ontlasten", "Oppas bij meneer met dementie",
	    "Even vrij voor een mantelzorger" }, { "mantelzorg", "dementie", "beperking" } },
	{ "voorlezen", "voor te lezen of samen Nederlands te oefenen", "Taalmaatje",
	  { "Taalmaatje voor een nieuwkomer", "Voorlezen aan bewoners",
	    "Samen Nederlands oefenen" }, { "nieuwkomers", "jeugd", "ouderen" } },
	{ "tuinieren", "samen in de tuin te werken", "Hulp in de tuin",
	  { "Hulp in de tuin van de locatie", "Tuin winterklaar maken bij mevrouw",
	    "Moestuin onderhouden met bewoners" }, { "ouderen", "beperking", "buurt" } },
	{ "koken", "samen te koken en te eten", "Samen koken",
	  { "Samen koken op de woongroep", "Kookmaatje voor de eetgroep",
	    "Hulp bij de buurtmaaltijd" }, { "eenzaamheid", "buurt", "beperking" } },
	{ "uitstapjes", "mee te gaan met uitstapjes en vakantieweken", "Begeleiding bij een uitstapje",
	  { "Begeleider voor een dagje uit", "Vrijwilliger voor de vakantieweek",
	    "Mee met de boottocht over de Merwede" }, { "ouderen", "beperking", "eenzaamheid" } },
	{ "rolstoelduwen", "iemand in de rolstoel mee naar buiten te nemen", "Rolstoelduwer",
	  { "Rolstoelduwer voor een wandeling", "Begeleiding bij het bezoek aan de markt",
	    "Met de rolstoel naar het park" }, { "ouderen", "beperking", "dementie" } },
};

const struct vocab_theme vocab_themes[VOCAB_THEMES] = {
	{ "ouderen", "ouderen in mijn wijk" },
	{ "dementie", "mensen met dementie en hun naasten" },
	{ "eenzaamheid", "mensen die zich eenzaam voelen" },
	{ "mantelzorg", "mantelzorgers die even op adem moeten komen" },
	{ "palliatief", "mensen in hun laatste levensfase" },
	{ "kanker", "mensen met kanker en hun naasten" },
	{ "beperking", "mensen met een beperking" },
	{ "ggz", "mensen met psychische kwetsbaarheid" },
	{ "jeugd", "kinderen en jongeren" },
	{ "gezinnen", "gezinnen die het even zwaar hebben" },
	{ "nieuwkomers", "nieuwkomers in onze stad" },
	{ "armoede", "mensen met geldzorgen" },
	{ "buurt", "mijn buurt" },
};

const char *const vocab_motives[VOCAB_MOTIVES] = {
	"iets_betekenen", "contact", "ervaring", "leren", "teruggeven", "ervaringsdeskundig",
	"zingeving", "buurt",
};
const char *const vocab_motive_lines[VOCAB_MOTIVES] = {
	"Ik merk dat een beetje aandacht vaak al veel verschil maakt.",
	"Ik vind het fijn om nieuwe mensen te leren kennen.",
	"Ik wil er ook werkervaring mee opdoen.",
	"Ik wil er zelf ook iets van leren.",
	"Ik heb zelf veel hulp gehad en wil graag iets teruggeven.",
	"Mijn eigen ervaring wil ik inzetten voor anderen.",
	"Sinds mijn pensioen zoek ik een zinvolle besteding van mijn tijd.",
	"Ik vind het belangrijk dat we in de buurt naar elkaar omkijken.",
};

const char *const vocab_talents[VOCAB_TALENTS] = {
	"luisteren", "organiseren", "autorijden", "technisch", "computer", "administratie",
	"creatief", "muziek", "koken", "zorg", "tuin", "taal",
};
const char *const vocab_talent_lines[VOCAB_TALENTS] = {
	"Ik ben geduldig en kan goed luisteren.",
	"Ik ben goed in organiseren.",
	"Ik heb een auto en rijd graag.",
	"Ik ben handig met gereedschap.",
	"Ik ben handig met computers en telefoons.",
	"Ik heb jaren in de administratie gewerkt.",
	"Ik ben creatief en knutsel graag.",
	"Ik speel piano en zing in een koor.",
	"Ik kook graag voor anderen.",
	"Ik heb lang in de zorg gewerkt.",
	"Ik ben graag buiten in de tuin bezig.",
	"Ik heb les gegeven en houd van taal.",
};

const char *const vocab_trainings[VOCAB_TRAININGS] = {
	"basistraining", "dementie", "palliatief", "bhv", "grenzen", "rolstoel", "ipso",
	"signaleren",
};
const char *const vocab_training_labels[VOCAB_TRAININGS] = {
	"de basistraining vrijwilligerswerk", "de training omgaan met dementie",
	"de basiscursus palliatieve terminale zorg", "een cursus BHV of EHBO",
	"de training grenzen stellen", "de training rolstoelvaardigheid",
	"de IPSO-training psychosociale ondersteuning", "de training signaleren",
};

const char *const vocab_languages[VOCAB_LANGUAGES] = {
	"nl", "en", "de", "tr", "ar", "pl", "pap", "ti", "ngt",
};

const char *const vocab_experiences[VOCAB_EXPERIENCES] = {
	"kanker", "naaste_kanker", "mantelzorger", "rouw", "psychisch", "dementie_naaste",
	"chronisch",
};

int vocab_activity_index(const char *code)
{
	for (int i = 0; i < VOCAB_ACTIVITIES; i++)
		if (strcmp(vocab_activities[i].code, code) == 0)
			return i;
	return -1;
}

int vocab_theme_index(const char *code)
{
	for (int i = 0; i < VOCAB_THEMES; i++)
		if (strcmp(vocab_themes[i].code, code) == 0)
			return i;
	return -1;
}

int vocab_training_index(const char *code)
{
	for (int i = 0; i < VOCAB_TRAININGS; i++)
		if (strcmp(vocab_trainings[i], code) == 0)
			return i;
	return -1;
}

static int resolve(struct catalog *c, int kind, const char *const *codes, size_t stride,
                   int n, int64_t *out, struct kp_error *err)
{
	for (int i = 0; i < n; i++) {
		const char *code = *(const char *const *)((const char *)codes + (size_t)i * stride);
		out[i] = catalog_find(c, kind, code);
		if (out[i] == 0)
			return kp_fail_detail(err, KP_INTERNAL, "internal", list_kind_name(kind),
			                      "list item %s missing", code);
	}
	return KP_OK;
}

int vocab_resolve(struct catalog *c, struct vocab_ids *ids, struct kp_error *err)
{
	const size_t p = sizeof(const char *);
	if (resolve(c, LIST_ACTIVITY, &vocab_activities[0].code, sizeof vocab_activities[0],
	            VOCAB_ACTIVITIES, ids->activity, err) ||
	    resolve(c, LIST_THEME, &vocab_themes[0].code, sizeof vocab_themes[0], VOCAB_THEMES,
	            ids->theme, err) ||
	    resolve(c, LIST_MOTIVE, vocab_motives, p, VOCAB_MOTIVES, ids->motive, err) ||
	    resolve(c, LIST_TALENT, vocab_talents, p, VOCAB_TALENTS, ids->talent, err) ||
	    resolve(c, LIST_TRAINING, vocab_trainings, p, VOCAB_TRAININGS, ids->training, err) ||
	    resolve(c, LIST_LANGUAGE, vocab_languages, p, VOCAB_LANGUAGES, ids->language, err) ||
	    resolve(c, LIST_EXPERIENCE, vocab_experiences, p, VOCAB_EXPERIENCES, ids->experience,
	            err))
		return KP_ERR;
	return KP_OK;
}

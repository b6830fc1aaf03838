#include "model/competence.h"

#include <string.h>

static const struct {
	const char *code, *nl, *en;
} competences[COMPETENCE_COUNT] = {
	{ "systematic_work", "Systematisch werken", "Working systematically" },
	{ "reliability", "Betrouwbaarheid tonen", "Showing reliability" },
	{ "time_and_pace", "Omgaan met tijd en tempo", "Handling time and pace" },
	{ "problem_solving", "Problemen oplossen", "Solving problems" },
	{ "safe_and_healthy", "Veilig en gezond te werk gaan", "Working safely and healthily" },
	{ "communicating", "Communiceren", "Communicating" },
	{ "presenting", "Presentatie", "Presenting" },
	{ "working_relations", "Bijdragen aan goede werkrelaties",
	  "Contributing to good working relations" },
	{ "cooperating", "Samenwerken", "Cooperating" },
	{ "resilience", "Incasseren", "Taking setbacks" },
	{ "language_and_numeracy", "Toepassen taal en rekenen", "Applying language and numeracy" },
	{ "learning_by_doing", "Al doende leren", "Learning by doing" },
};

const char *competence_code(int i)
{
	return i >= 0 && i < COMPETENCE_COUNT ? competences[i].code : NULL;
}

int competence_parse(const char *code)
{
	for (int i = 0; code != NULL && i < COMPETENCE_COUNT; i++)
		if (strcmp(competences[i].code, code) == 0)
			return i;
	return -1;
}

const char *competence_label(int i, const char *lang)
{
	if (i < 0 || i >= COMPETENCE_COUNT)
		return "";
	return lang != NULL && strcmp(lang, "en") == 0 ? competences[i].en : competences[i].nl;
}

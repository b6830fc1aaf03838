/*
 * Which motives and talents an activity serves, and which lived experiences
 * a peer-support call needs, by item code. Calls name an
 * activity but no motives; this table lets a volunteer's motives ("Nieuwe
 * mensen ontmoeten") and talents ("Goed kunnen luisteren") count for the
 * activities where they matter. Codes missing from the shared lists are
 * ignored, so an administrator may rename or drop items freely.
 */
#include <string.h>

#include "match/index.h"

struct affinity {
	const char *activity;
	const char *motives;   /* space-separated motive codes */
	const char *talents;   /* space-separated talent codes */
};

static const struct affinity table[] = {
	{ "huisbezoek", "contact iets_betekenen zingeving buurt", "luisteren" },
	{ "wandelen", "contact iets_betekenen buurt", "luisteren" },
	{ "boodschappen", "iets_betekenen buurt teruggeven", "organiseren" },
	{ "vervoer_ziekenhuis", "iets_betekenen teruggeven", "autorijden" },
	{ "klussen", "teruggeven buurt", "technisch" },
	{ "thuisadministratie", "iets_betekenen ervaring", "administratie computer" },
	{ "computerhulp", "leren teruggeven", "computer" },
	{ "maatje", "contact iets_betekenen zingeving", "luisteren" },
	{ "lotgenotencontact", "ervaringsdeskundig iets_betekenen", "luisteren" },
	{ "waken", "zingeving iets_betekenen", "zorg luisteren" },
	{ "activiteitenbegeleiding", "contact leren ervaring", "creatief muziek organiseren" },
	{ "gastvrouw", "contact zingeving", "organiseren" },
	{ "respijtzorg", "iets_betekenen teruggeven", "zorg luisteren" },
	{ "voorlezen", "contact leren", "taal" },
	{ "tuinieren", "buurt zingeving", "tuin" },
	{ "koken", "contact buurt", "koken" },
	{ "uitstapjes", "contact zingeving", "organiseren zorg" },
	{ "rolstoelduwen", "iets_betekenen contact", "zorg" },
};

/* Bits of the space-separated codes of `kind` in `codes`. */
static uint64_t codes_mask(struct match_index *ix, int kind, const char *codes)
{
	uint64_t m = 0;
	char code[LIST_CODE_MAX + 1];
	while (*codes) {
		size_t n = strcspn(codes, " ");
		if (n > 0 && n <= LIST_CODE_MAX) {
			memcpy(code, codes, n);
			code[n] = '\0';
			int64_t id = ix->lists ? catalog_find(ix->lists, kind, code) : 0;
			int bit = id ? mix_item_bit(ix, id, NULL) : -1;
			if (bit >= 0)
				m |= 1ull << bit;
		}
		codes += n;
		while (*codes == ' ')
			codes++;
	}
	return m;
}

void maff_masks(struct match_index *ix, int64_t activity_id, uint64_t *motives,
                uint64_t *talents)
{
	struct catalog_item it;
	*motives = *talents = 0;
	if (ix->lists == NULL || !catalog_get(ix->lists, activity_id, &it))
		return;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (strcmp(table[i].activity, it.code) != 0)
			continue;
		*motives = codes_mask(ix, LIST_MOTIVE, table[i].motives);
		*talents = codes_mask(ix, LIST_TALENT, table[i].talents);
	}
}

/*
 * Which lived experiences a peer-support call's themes call for, by code:
 * someone who had cancer supports people with cancer, a former family carer
 * supports family carers. Used only under the volunteer's experience
 * consent (filter.h, mf_experience).
 */
static const char *const peer_activities[] = { "lotgenotencontact" };

static const struct {
	const char *theme;
	const char *experiences;   /* space-separated experience codes */
} peer_table[] = {
	{ "kanker", "kanker naaste_kanker" },
	{ "mantelzorg", "mantelzorger" },
	{ "dementie", "dementie_naaste" },
	{ "ggz", "psychisch" },
	{ "palliatief", "rouw naaste_kanker" },
	{ "beperking", "chronisch" },
};

static bool is_peer_support(const char *code)
{
	for (size_t i = 0; i < sizeof peer_activities / sizeof peer_activities[0]; i++)
		if (strcmp(peer_activities[i], code) == 0)
			return true;
	return false;
}

uint64_t maff_experience(struct match_index *ix, int64_t activity_id, uint64_t theme)
{
	struct catalog_item it;
	uint64_t m = 0;
	if (ix->lists == NULL || theme == 0 || !catalog_get(ix->lists, activity_id, &it) ||
	    !is_peer_support(it.code))
		return 0;
	for (size_t i = 0; i < sizeof peer_table / sizeof peer_table[0]; i++) {
		int64_t id = catalog_find(ix->lists, LIST_THEME, peer_table[i].theme);
		int bit = id ? mix_item_bit(ix, id, NULL) : -1;
		if (bit >= 0 && ((theme >> bit) & 1))
			m |= codes_mask(ix, LIST_EXPERIENCE, peer_table[i].experiences);
	}
	return m;
}

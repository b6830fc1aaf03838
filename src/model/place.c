#include "model/place.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Folds the Latin-1 accented letters Dutch place names use to ASCII. */
static char fold_accent(unsigned char lead, unsigned char next)
{
	if (lead != 0xC3)
		return 0;
	static const char map[64] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
	return next >= 0x80 && next < 0xC0 ? map[next - 0x80] : 0;
}

static void make_key(const char *name, char *out, size_t cap)
{
	while (isspace((unsigned char)*name))
		name++;
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && n + 1 < cap; p++) {
		char c = fold_accent(p[0], p[1]);
		if (c) {
			p++;
		} else {
			c = (char)*p;
		}
		out[n++] = (char)tolower((unsigned char)c);
		if (n + 1 == cap && p[1] != '\0') {
			n = 0; /* too long for any place: no key, rather than a cut-off one */
			break;
		}
	}
	while (n > 0 && isspace((unsigned char)out[n - 1]))
		n--;
	out[n] = '\0';
}

static int compare(const void *key, const void *entry)
{
	return strcmp(key, ((const struct place *)entry)->key);
}

const struct place *place_lookup(const char *name, const char *field, struct kp_error *err)
{
	char key[128];
	make_key(name, key, sizeof key);
	const struct place *p = NULL;
	if (key[0] != '\0')
		p = bsearch(key, place_table, (size_t)place_count, sizeof *place_table, compare);
	if (p == NULL)
		kp_invalid(err, field, "unknown_place");
	return p;
}

int place_resolve(char *name, size_t cap, double *lat, double *lon, const char *field,
                  struct kp_error *err)
{
	const struct place *p = place_lookup(name, field, err);
	if (p == NULL)
		return KP_ERR;
	snprintf(name, cap, "%s", p->name);
	*lat = p->lat;
	*lon = p->lon;
	return KP_OK;
}

#include "model/types.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const list_kinds[LIST_KIND_COUNT] = {
	"activity", "theme", "motive", "talent", "training", "language", "experience",
};

int names_find(const char *const *names, int n, const char *name)
{
	for (int i = 0; name != NULL && i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

const char *list_kind_name(enum list_kind kind)
{
	return (unsigned)kind < LIST_KIND_COUNT ? list_kinds[kind] : NULL;
}

int list_kind_parse(const char *name)
{
	return names_find(list_kinds, LIST_KIND_COUNT, name);
}

bool id_set_contains(const struct id_set *s, int64_t id)
{
	for (int i = 0; i < s->n; i++)
		if (s->ids[i] == id)
			return true;
	return false;
}

int id_set_add(struct id_set *s, int64_t id)
{
	if (id_set_contains(s, id))
		return 0;
	if (s->n == ID_SET_MAX)
		return -1;
	s->ids[s->n++] = id;
	return 0;
}

static const char *const days[DAYS] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char *const parts[DAYPARTS] = { "morning", "afternoon", "evening" };

void daypart_name(int bit, char out[16])
{
	snprintf(out, 16, "%s-%s", days[bit / DAYPARTS], parts[bit % DAYPARTS]);
}

int daypart_parse(const char *name)
{
	const char *dash = strchr(name, '-');
	if (dash == NULL || dash - name != 3)
		return -1;
	char day[4];
	memcpy(day, name, 3);
	day[3] = '\0';
	int d = names_find(days, DAYS, day), p = names_find(parts, DAYPARTS, dash + 1);
	return d < 0 || p < 0 ? -1 : d * DAYPARTS + p;
}

static const char *const engagements[ENGAGEMENT_COUNT] = {
	"one_off", "flexible", "project", "structural",
};

const char *engagement_name(int e)
{
	return e >= 0 && e < ENGAGEMENT_COUNT ? engagements[e] : NULL;
}

int engagement_parse(const char *name)
{
	return names_find(engagements, ENGAGEMENT_COUNT, name);
}

double geo_distance_km(double lat1, double lon1, double lat2, double lon2)
{
	const double r = 6371.0088, rad = M_PI / 180.0;
	double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
	double a = sin(dlat / 2) * sin(dlat / 2) +
	           cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
	return 2 * r * asin(sqrt(a));
}

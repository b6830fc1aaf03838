/* An organisation's entry on the social map (offer.h). */
#include "model/offer.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

void offer_init(struct offer *o, int64_t organisation_id)
{
	memset(o, 0, sizeof *o);
	o->organisation_id = organisation_id;
	o->new_clients = 1;
	o->new_volunteers = 1;
}

bool offer_serves(const struct offer *o, const char *place)
{
	for (int i = 0; i < o->n_places; i++)
		if (strcasecmp(o->places[i], place) == 0)
			return true;
	return false;
}

int offer_add_place(struct offer *o, const char *place)
{
	if (offer_serves(o, place))
		return 0;
	if (o->n_places >= OFFER_PLACES_MAX)
		return -1;
	snprintf(o->places[o->n_places++], sizeof o->places[0], "%s", place);
	return 0;
}

void offer_place_key(const char *place, char *out, size_t cap)
{
	size_t n = 0;
	for (; place[n] != '\0' && n + 1 < cap; n++)
		out[n] = place[n] >= 'A' && place[n] <= 'Z' ? (char)(place[n] - 'A' + 'a') : place[n];
	if (cap > 0)
		out[n] = '\0';
}

int offer_validate(const struct offer *o, struct kp_error *err)
{
	for (int k = 0; k < LIST_KIND_COUNT; k++)
		if (k != LIST_ACTIVITY && k != LIST_THEME && o->items[k].n > 0)
			return kp_invalid(err, list_kind_name((enum list_kind)k), "invalid_choice");
	if (o->n_places < 0 || o->n_places > OFFER_PLACES_MAX)
		return kp_fail_limit(err, KP_INVALID, "too_many", "places", OFFER_PLACES_MAX);
	for (int i = 0; i < o->n_places; i++) {
		if (o->places[i][0] == '\0')
			return kp_invalid(err, "places", "required");
		for (int j = 0; j < i; j++)
			if (strcasecmp(o->places[i], o->places[j]) == 0)
				return kp_invalid(err, "places", "duplicate");
	}
	if ((o->new_clients != 0 && o->new_clients != 1) ||
	    (o->new_volunteers != 0 && o->new_volunteers != 1))
		return kp_invalid(err, "new_clients", "invalid_choice");
	return KP_OK;
}

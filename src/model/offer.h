/*
 * An organisation's entry on the social map (sociale kaart): what it offers
 * (activities from the shared list), for whom (themes and target groups,
 * also from the shared list), where (the municipalities or districts it
 * serves), how to reach it (its phone, e-mail and website on the
 * organisation, and a visiting address here) and whether it takes new
 * clients and new volunteers.
 *
 * The social map is public: nothing in it is about a volunteer or a client.
 *
 * Invariants after offer_validate: places[0..n_places) non-empty, distinct
 * (ignoring case); items[k] only for k in activity and theme.
 */
#ifndef KP_MODEL_OFFER_H
#define KP_MODEL_OFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/types.h"
#include "util/error.h"

#define OFFER_PLACES_MAX 24
#define OFFER_PLACE_MAX 100    /* characters of one municipality or district */
#define OFFER_ADDRESS_MAX 200  /* characters of the visiting address */

struct offer {
	int64_t organisation_id;
	char address[OFFER_ADDRESS_MAX * 4 + 1];
	int new_clients;                   /* takes new clients (1) or not (0) */
	int new_volunteers;                /* takes new volunteers (1) or not (0) */
	struct id_set items[LIST_KIND_COUNT]; /* LIST_ACTIVITY and LIST_THEME */
	int n_places;
	char places[OFFER_PLACES_MAX][OFFER_PLACE_MAX * 4 + 1];
	int64_t updated_at;                /* 0 while the organisation never wrote one */
};

/* An empty offer of organisation_id that takes clients and volunteers. */
void offer_init(struct offer *o, int64_t organisation_id);
/* Adds place when not there yet (ignoring case); -1 when the list is full. */
int offer_add_place(struct offer *o, const char *place);
/* Whether o serves place: one of its places, ignoring case. */
bool offer_serves(const struct offer *o, const char *place);
/* The key a place is searched by: place in lower case (ASCII letters; other
   bytes as they are), cut to fit cap. */
void offer_place_key(const char *place, char *out, size_t cap);
int offer_validate(const struct offer *o, struct kp_error *err);

#endif

/* Notification kinds and deliveries (notification.h). */
#include "model/notification.h"

#include <string.h>

static const struct {
	const char *name, *nl, *en;
} kinds[NOTIFY_KIND_COUNT] = {
	[NOTIFY_PROPOSAL] = { "proposal", "voorstellen voor u", "proposals for you" },
	[NOTIFY_RESPONSE] = { "response", "reacties op oproepen", "responses to calls" },
	[NOTIFY_TRANSFER] = { "transfer", "doorverwijzingen", "referrals" },
	[NOTIFY_INTAKE] = { "intake", "intakegesprekken", "intake interviews" },
	[NOTIFY_VOG_EXPIRING] = { "vog_expiring", "VOG die bijna verloopt", "VOG about to expire" },
	[NOTIFY_MATCH_ACCEPTED] = { "match_accepted", "vrijwilliger gevonden",
	                          "volunteer found" },
	[NOTIFY_HELP_PICKED_UP] = { "help_picked_up", "hulpvraag opgepakt",
	                          "request for help picked up" },
	[NOTIFY_REMINDER] = { "reminder", "herinneringen en taken", "reminders and tasks" },
};

static const char *const deliveries[DELIVERY_COUNT] = { "immediately", "digest", "never" };

const char *notification_kind_name(int k)
{
	return k >= 0 && k < NOTIFY_KIND_COUNT ? kinds[k].name : "";
}

int notification_kind_parse(const char *name)
{
	for (int k = 0; name != NULL && k < NOTIFY_KIND_COUNT; k++)
		if (strcmp(kinds[k].name, name) == 0)
			return k;
	return -1;
}

const char *notification_kind_label(int k, const char *lang)
{
	if (k < 0 || k >= NOTIFY_KIND_COUNT)
		return "";
	return lang != NULL && strcmp(lang, "en") == 0 ? kinds[k].en : kinds[k].nl;
}

const char *delivery_name(int d)
{
	return d >= 0 && d < DELIVERY_COUNT ? deliveries[d] : "";
}

int delivery_parse(const char *name)
{
	for (int d = 0; name != NULL && d < DELIVERY_COUNT; d++)
		if (strcmp(deliveries[d], name) == 0)
			return d;
	return -1;
}

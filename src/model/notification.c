/* Notification kinds and deliveries (notification.h). */
#include "model/notification.h"

#include <string.h>

#include "model/types.h"

static const char *const names[NOTIFY_DIGEST + 1] = {
	"proposal", "response", "transfer", "intake", "vog_expiring", "match_accepted",
	"help_picked_up", "reminder", "newsletter", "digest",
};

static const struct {
	const char *nl, *en;
} labels[NOTIFY_DIGEST + 1] = {
	[NOTIFY_PROPOSAL] = { "voorstellen voor u", "proposals for you" },
	[NOTIFY_RESPONSE] = { "reacties op oproepen", "responses to calls" },
	[NOTIFY_TRANSFER] = { "doorverwijzingen", "referrals" },
	[NOTIFY_INTAKE] = { "intakegesprekken", "intake interviews" },
	[NOTIFY_VOG_EXPIRING] = { "VOG die bijna verloopt", "VOG about to expire" },
	[NOTIFY_MATCH_ACCEPTED] = { "vrijwilliger gevonden", "volunteer found" },
	[NOTIFY_HELP_PICKED_UP] = { "hulpvraag opgepakt", "request for help picked up" },
	[NOTIFY_REMINDER] = { "herinneringen en taken", "reminders and tasks" },
	[NOTIFY_NEWSLETTER] = { "nieuwsbrieven", "newsletters" },
	[NOTIFY_DIGEST] = { "dagelijks overzicht", "daily overview" },
};

static const char *const deliveries[DELIVERY_COUNT] = { "immediately", "digest", "never" };

const char *notification_kind_name(int k)
{
	return k >= 0 && k <= NOTIFY_DIGEST ? names[k] : "";
}

int notification_kind_parse(const char *name)
{
	return names_find(names, NOTIFY_DIGEST + 1, name);
}

const char *notification_kind_label(int k, const char *lang)
{
	if (k < 0 || k > NOTIFY_DIGEST)
		return "";
	return lang != NULL && strcmp(lang, "en") == 0 ? labels[k].en : labels[k].nl;
}

const char *delivery_name(int d)
{
	return d >= 0 && d < DELIVERY_COUNT ? deliveries[d] : "";
}

int delivery_parse(const char *name)
{
	return names_find(deliveries, DELIVERY_COUNT, name);
}

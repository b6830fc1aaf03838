/* Notification kinds and deliveries (notification.h). */
#include "model/notification.h"

#include <string.h>

#include "model/types.h"

static const char *const names[NOTIFY_KIND_COUNT] = {
	"proposal", "response", "transfer", "intake", "vog_expiring", "match_accepted",
	"help_picked_up", "reminder", "newsletter",
};

static const struct {
	const char *nl, *en;
} labels[NOTIFY_KIND_COUNT] = {
	[NOTIFY_PROPOSAL] = { "voorstellen voor u", "proposals for you" },
	[NOTIFY_RESPONSE] = { "reacties op oproepen", "responses to calls" },
	[NOTIFY_TRANSFER] = { "doorverwijzingen", "referrals" },
	[NOTIFY_INTAKE] = { "intakegesprekken", "intake interviews" },
	[NOTIFY_VOG_EXPIRING] = { "VOG die bijna verloopt", "VOG about to expire" },
	[NOTIFY_MATCH_ACCEPTED] = { "vrijwilliger gevonden", "volunteer found" },
	[NOTIFY_HELP_PICKED_UP] = { "hulpvraag opgepakt", "request for help picked up" },
	[NOTIFY_REMINDER] = { "herinneringen en taken", "reminders and tasks" },
	[NOTIFY_NEWSLETTER] = { "nieuwsbrieven", "newsletters" },
};

static const char *const deliveries[DELIVERY_COUNT] = { "immediately", "digest", "never" };

const char *notification_kind_name(int k)
{
	return k >= 0 && k < NOTIFY_KIND_COUNT ? names[k] : "";
}

int notification_kind_parse(const char *name)
{
	return names_find(names, NOTIFY_KIND_COUNT, name);
}

const char *notification_kind_label(int k, const char *lang)
{
	if (k < 0 || k >= NOTIFY_KIND_COUNT)
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

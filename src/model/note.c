/* A coordinator's notes and contact log about a volunteer (note.h). */
#include "model/note.h"

#include <stddef.h>

#include "model/types.h"
#include "util/parse.h"

static const char *const kinds[NOTE_KIND_COUNT] = { "note", "contact" };
static const char *const channels[CHANNEL_COUNT] = {
	"", "phone", "email", "visit", "meeting", "other",
};

const char *note_kind_name(int kind)
{
	return kind >= 0 && kind < NOTE_KIND_COUNT ? kinds[kind] : NULL;
}

int note_kind_parse(const char *name)
{
	return names_find(kinds, NOTE_KIND_COUNT, name);
}

const char *note_channel_name(int channel)
{
	return channel >= 0 && channel < CHANNEL_COUNT ? channels[channel] : NULL;
}

int note_channel_parse(const char *name)
{
	return names_find(channels, CHANNEL_COUNT, name);
}

int note_check(struct volunteer_note *n, long today, struct kp_error *err)
{
	if (n->kind < 0 || n->kind >= NOTE_KIND_COUNT)
		return kp_invalid(err, "kind", "invalid_choice");
	if (n->body[0] == '\0')
		return kp_invalid(err, "body", "required");
	if (n->kind == NOTE_PRIVATE) {
		n->channel = CHANNEL_NONE;
		n->happened_on[0] = '\0';
		return KP_OK;
	}
	if (n->channel <= CHANNEL_NONE || n->channel >= CHANNEL_COUNT)
		return kp_invalid(err, "channel", "required");
	if (n->happened_on[0] == '\0')
		return kp_invalid(err, "happened_on", "required");
	if (parse_date_days(n->happened_on) > today)
		return kp_invalid(err, "happened_on", "date_in_future");
	return KP_OK;
}

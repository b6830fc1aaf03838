/*
 * The shared lists a new network starts with: Dutch care and welfare
 * vocabulary, each item with a stable code, a Dutch and an English label.
 * A network administrator can rename, add and deactivate items later.
 */
#ifndef KP_MODEL_DEFAULT_LISTS_H
#define KP_MODEL_DEFAULT_LISTS_H

#include "model/types.h"

struct default_item {
	int kind;              /* enum list_kind */
	const char *code;
	const char *label_nl;
	const char *label_en;
};

extern const struct default_item default_items[];
extern const int default_item_count;

#endif

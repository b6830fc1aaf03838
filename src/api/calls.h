/* /api/calls handlers: calls for help (oproepen) and volunteers' offers. */
#ifndef KP_API_CALLS_H
#define KP_API_CALLS_H

#include "api/api.h"
#include "model/call.h"
#include "service/calls.h"

/* What a server keeps of the calls its lists show (app->call_forms): so
   many, each at most so long (a call with long texts is written anew). */
#define CALL_FORMS_KEPT 4096
#define CALL_FORM_MAX 16384

int calls_list(struct api_call *c);
int calls_show(struct api_call *c);
int calls_create(struct api_call *c);
int calls_update(struct api_call *c);
int calls_history(struct api_call *c);

json_t *call_to_json(struct catalog *cat, const struct call *call);
/* Only what the network's public pages show of a call (see write_fields). */
json_t *call_public_json(struct catalog *cat, const struct call *call);

/* A page of calls written straight into the answer (api_page_begin), whole or
   (public_view) as the public pages show them: the reader of call_list and
   call_page_read (service/calls.h). A call the server holds written
   (app->call_forms) is copied from there; the others are written, then kept.
   A form is kept by the call's revision, the texts it shows, the view and
   the shared lists' contents (catalog_generation): all it is written from. */
struct call_rows {
	struct api_call *c;
	bool public_view;
	struct call_reader reader;
	struct memo *forms;        /* NULL: none kept */
	uint64_t lists;
	struct jw w;               /* the answer */
	struct buf held;           /* the forms found, one after the other */
	size_t held_end[PAGE_MAX];
	int n_held, next_held;
	struct buf one;            /* a call written anew */
};
void call_rows_begin(struct call_rows *x, struct api_call *c, bool public_view);
/* Ends the page of a list that returned rc, with its total. */
int call_rows_end(struct call_rows *x, int rc, int64_t total, struct page pg);

#endif

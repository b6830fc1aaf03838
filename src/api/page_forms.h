/*
 * A page of a list written straight into the answer (api_page_begin), as the
 * row_reader of the service's page (service/page.h): a row the server holds
 * written (a memo of app, util/memo.h) is copied from there; the others are
 * written, then kept. A record on its own (a page of one) is the answer
 * itself.
 *
 * A form is kept by all it is written from: the record's revision, the form
 * of its key (what the reader may see of it), the view (a list that writes
 * the same records differently keeps its own), and the shared lists' contents
 * (catalog_generation), from which its codes come.
 */
#ifndef KP_API_PAGE_FORMS_H
#define KP_API_PAGE_FORMS_H

#include "api/api.h"
#include "service/page.h"
#include "util/json_write.h"

/* What a server keeps of each list (app->call_forms, app->volunteer_forms):
   so many rows, each at most so long (a longer row is written every time). */
#define LIST_FORMS_KEPT 4096
#define LIST_FORM_MAX 16384

/* Writes a record in the form of its key (row_key.form). */
typedef void form_write_fn(struct jw *w, const void *record, int form, void *arg);

struct page_forms {
	struct api_call *c;
	struct row_reader reader;   /* for the service */
	struct memo *memo;          /* NULL: none kept */
	uint32_t view;
	uint64_t lists;
	form_write_fn *write;       /* one record, with arg beside it */
	void *arg;
	struct jw w;                /* the answer */
	struct buf held;            /* the forms found, one after the other */
	size_t held_end[PAGE_MAX];
	int n_held, next_held;
	struct buf one;             /* a row written anew */
};

/* Starts the answer's page; rows are written by write(w, record, arg). x's
   reader points at x, so x stays where it is until page_forms_end. */
void page_forms_begin(struct page_forms *x, struct api_call *c, struct memo *memo,
                      uint32_t view, form_write_fn *write, void *arg);
/* Ends the page of a list that returned rc, with its total. */
int page_forms_end(struct page_forms *x, int rc, int64_t total, struct page pg);

/* The same for one record that is the whole answer, its ETag the version. */
void record_form_begin(struct page_forms *x, struct api_call *c, struct memo *memo,
                       uint32_t view, form_write_fn *write, void *arg);
int record_form_end(struct page_forms *x, int rc, int64_t version);

#endif

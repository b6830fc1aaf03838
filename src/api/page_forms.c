/* A page of a list, copying the rows the server holds written (page_forms.h). */
#include "api/page_forms.h"

#include "util/memo.h"

static struct memo_key form_key(const struct page_forms *x, const struct row_key *key)
{
	return (struct memo_key){ .id = key->id,
		                  .form = (uint32_t)key->form | x->view << 8,
		                  .stamp = { (uint64_t)key->revision, x->lists } };
}

static bool form_held(void *ctx, const struct row_key *key)
{
	struct page_forms *x = ctx;
	struct memo_key k = form_key(x, key);
	if (x->memo == NULL || x->n_held >= PAGE_MAX || !memo_get(x->memo, &k, &x->held))
		return false;
	x->held_end[x->n_held++] = x->held.len;
	return true;
}

static int form_row(void *ctx, const struct row_key *key, const void *record)
{
	struct page_forms *x = ctx;
	if (record == NULL) {
		if (x->next_held >= x->n_held)
			return -1;
		int i = x->next_held++;
		size_t from = i > 0 ? x->held_end[i - 1] : 0;
		jw_raw(&x->w, x->held.data + from, x->held_end[i] - from);
		return jw_failed(&x->w) ? -1 : 0;
	}
	struct jw one;
	buf_reset(&x->one);
	jw_init(&one, &x->one);
	x->write(&one, record, key->form, x->arg);
	if (jw_failed(&one))
		return -1;
	if (x->memo != NULL) {
		struct memo_key k = form_key(x, key);
		memo_put(x->memo, &k, x->one.data, x->one.len);
	}
	jw_raw(&x->w, x->one.data, x->one.len);
	return jw_failed(&x->w) ? -1 : 0;
}

static void forms_begin(struct page_forms *x, struct api_call *c, struct memo *memo,
                        uint32_t view, form_write_fn *write, void *arg)
{
	*x = (struct page_forms){ .c = c,
		                  .reader = { form_held, form_row, x },
		                  .memo = memo,
		                  .view = view,
		                  .lists = catalog_generation(&c->app->lists),
		                  .write = write,
		                  .arg = arg };
	buf_init(&x->held, (size_t)PAGE_MAX * LIST_FORM_MAX);
	buf_init(&x->one, c->res->body.max);
}

/* Frees what x held; true when the answer may go out. */
static bool forms_end(struct page_forms *x, int rc)
{
	buf_free(&x->held);
	buf_free(&x->one);
	if (rc == KP_OK)
		return true;
	x->c->res->body.len = 0;
	return false;
}

void page_forms_begin(struct page_forms *x, struct api_call *c, struct memo *memo,
                      uint32_t view, form_write_fn *write, void *arg)
{
	forms_begin(x, c, memo, view, write, arg);
	api_page_begin(c, &x->w);
}

int page_forms_end(struct page_forms *x, int rc, int64_t total, struct page pg)
{
	return forms_end(x, rc) ? api_page_end(x->c, &x->w, total, pg) : KP_ERR;
}

void record_form_begin(struct page_forms *x, struct api_call *c, struct memo *memo,
                       uint32_t view, form_write_fn *write, void *arg)
{
	forms_begin(x, c, memo, view, write, arg);
	api_record_begin(c, &x->w);
}

int record_form_end(struct page_forms *x, int rc, int64_t version)
{
	return forms_end(x, rc) ? api_record_end(x->c, &x->w, version) : KP_ERR;
}

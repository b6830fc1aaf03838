/* The contact point's figures (reports.h): the help requests that came in
   during a period, how far each got, how long picking up took, and why the
   ones not served were not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/reports.h"

#define HOUR 3600

struct tally {
	struct report_contact *c;
	int32_t *hours;               /* coming in to picking up, of each picked up */
	int n, cap;
};

static void count_key(struct report_count *rows, int *n, const char *key)
{
	int i = 0;
	while (i < *n && strcmp(rows[i].key, key) != 0)
		i++;
	if (i == *n) {
		rows[i] = (struct report_count){ 0 };
		snprintf(rows[i].key, sizeof rows[i].key, "%s", key);
		(*n)++;
	}
	rows[i].n++;
}

static int add_request(void *ctx, const struct report_help_row *r)
{
	struct tally *t = ctx;
	struct report_contact *c = t->c;
	if (r->channel < 0 || r->status < 0)
		return 0;
	c->in++;
	count_key(c->channels, &c->n_channels, help_channel_name(r->channel));
	c->routed += r->routed_at != 0;
	c->handed_back += r->handed_back;
	if (r->accepted_at != 0) {
		c->picked_up++;
		if (t->n == t->cap) {
			int cap = t->cap ? t->cap * 2 : 256;
			int32_t *h = realloc(t->hours, (size_t)cap * sizeof *h);
			if (h == NULL)
				return -1;
			t->hours = h;
			t->cap = cap;
		}
		int64_t secs = r->accepted_at - r->created_at;
		t->hours[t->n++] = (int32_t)(secs > 0 ? secs / HOUR : 0);
	} else if (r->status != HELP_CLOSED) {
		c->open++;
	} else if (help_outcome_served(r->outcome)) {
		c->advice++;
	} else {
		c->not_served++;
		count_key(c->reasons, &c->n_reasons,
		          help_outcome_name(r->outcome >= 0 ? r->outcome : OUTCOME_OTHER));
	}
	return 0;
}

static int add_before(void *ctx, const struct report_help_row *r)
{
	(void)r;
	((struct report_contact *)ctx)->in_before++;
	return 0;
}

int report_contact_point(struct svc *s, const struct report_scope *sc, int64_t before,
                         int64_t from, int64_t to, struct report_contact *out)
{
	struct tally t = { out, NULL, 0, 0 };
	*out = (struct report_contact){ 0 };
	int rc = store_report_help_requests(s->db, sc, from, to, add_request, &t, s->err);
	if (rc == KP_OK)
		rc = store_report_help_requests(s->db, sc, before, from, add_before, out, s->err);
	out->picked_up_timed = t.n;
	out->pickup_median_hours = survival_quantile(t.hours, t.n, 0.5);
	out->pickup_p90_hours = survival_quantile(t.hours, t.n, 0.9);
	free(t.hours);
	return rc;
}

void report_contact_suppress(struct report_contact *c)
{
	int64_t *totals[] = { &c->in, &c->in_before, &c->routed, &c->picked_up, &c->handed_back,
	                      &c->advice, &c->not_served, &c->open };
	for (size_t i = 0; i < sizeof totals / sizeof totals[0]; i++)
		report_hide(totals[i]);
	report_hide_counts(c->channels, c->n_channels);
	report_hide_counts(c->reasons, c->n_reasons);
	if (c->picked_up_timed < REPORT_SMALL) {
		c->picked_up_timed = -1;
		c->pickup_median_hours = c->pickup_p90_hours = -1;
	}
}

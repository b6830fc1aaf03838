/* The demo network's newsletters: the Zonnebloem's spring newsletter to its
   volunteers and the network's autumn newsletter to everyone, both sent
   weeks ago (their mails went out then, so none wait in the outbox), and a
   Zonnebloem draft for the coming month. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/store.h"
#include "demo/gen.h"

#define DAY (24 * 3600)

struct demo_newsletter {
	int org;              /* index in demo_orgs, or -1 for the network */
	int days_ago;         /* sent then; 0: a draft */
	const char *subject;
	const char *markdown;
};

static const struct demo_newsletter letters[] = {
	{ ORG_ZONNEBLOEM, 60, "Voorjaarsnieuws van de Zonnebloem",
	  "# Voorjaarsnieuws\n\nBeste vrijwilliger,\n\nDe dagtochten beginnen weer. We zoeken "
	  "**begeleiders** voor de boottocht over de Biesbosch in mei.\n\n"
	  "- Aanmelden bij Ria de Graaf\n- Rolstoelvervoer is geregeld\n\n"
	  "Dank je wel voor je inzet!" },
	{ -1, 30, "Nieuws uit het vrijwilligersnetwerk Drechtsteden",
	  "# Vrijwilligersavond\n\nOp **vrijdag 14 november** is de jaarlijkse vrijwilligersavond "
	  "voor iedereen die in de Drechtsteden vrijwilligerswerk doet.\n\n"
	  "Ook nieuw: de basistraining *Omgaan met dementie* staat open voor alle organisaties. "
	  "Vraag ernaar bij je coördinator." },
	{ ORG_ZONNEBLOEM, 0, "Kerstattenties rondbrengen",
	  "Wie helpt in december met het rondbrengen van de kerstattenties? Laat het weten aan "
	  "je coördinator." },
};

/* Records who a sent newsletter went to, as the sending would have. */
static int record_recipients(struct demo_gen *g, struct newsletter *n,
                             struct newsletter_recipient *batch, struct kp_error *err)
{
	int64_t after = 0;
	int got = 0;
	do {
		if (store_newsletter_batch(g->db, &n->filter, after, batch, DEMO_NEWSLETTER_BATCH, &got,
		                           err))
			return KP_ERR;
		for (int i = 0; i < got; i++) {
			bool added = false;
			if (store_newsletter_recipient_add(g->db, n->id, batch[i].volunteer_id, &added, err))
				return KP_ERR;
			n->recipients += added;
		}
		after = got > 0 ? batch[got - 1].volunteer_id : after;
	} while (got == DEMO_NEWSLETTER_BATCH);
	n->queued = n->recipients;
	n->status = NEWSLETTER_SENT;
	return store_newsletter_set_status(g->db, n, err);
}

static int add_one(struct demo_gen *g, const struct demo_newsletter *d, struct newsletter *n,
                   struct newsletter_recipient *batch, struct kp_error *err)
{
	memset(n, 0, sizeof *n);
	n->organisation_id = d->org >= 0 ? g->org_id[d->org] : 0;
	n->filter.organisation_id = n->organisation_id;
	n->author_id = d->org >= 0 ? g->org_actor[d->org] : g->admin_account;
	snprintf(n->subject, sizeof n->subject, "%s", d->subject);
	snprintf(n->markdown, sizeof n->markdown, "%s", d->markdown);
	n->created_at = n->updated_at = g->now - (int64_t)(d->days_ago + 2) * DAY;
	if (newsletter_check(n, err) || newsletter_render(n, err) ||
	    store_newsletter_insert(g->db, n, err))
		return KP_ERR;
	if (d->days_ago == 0)
		return KP_OK;
	n->sent_at = n->updated_at = g->now - (int64_t)d->days_ago * DAY;
	return record_recipients(g, n, batch, err);
}

int demo_add_newsletters(struct demo_gen *g, struct kp_error *err)
{
	struct newsletter *n = malloc(sizeof *n);
	struct newsletter_recipient *batch = calloc(DEMO_NEWSLETTER_BATCH, sizeof *batch);
	int rc = n && batch ? KP_OK : kp_internal(err);
	for (size_t i = 0; i < sizeof letters / sizeof letters[0] && rc == KP_OK; i++)
		rc = add_one(g, &letters[i], n, batch, err);
	free(n);
	free(batch);
	return rc;
}

/*
 * Internal to src/demo/: the state the demo generator shares between its
 * steps (organisations → accounts → volunteers → calls → matches), and the
 * vocabulary of the shared lists it draws from.
 *
 * Invariants: every id in `ids` is a list item of the right kind, resolved
 * once from the catalog; vols[0..n_vols) and calls[0..n_calls) mirror rows
 * already inserted in this transaction; vols[i].open never exceeds
 * vols[i].max (capacity as max_matches); active[m] holds the indices of the
 * active volunteers living in municipality m. All times derive from `now`,
 * so that one seed and one clock give one network.
 */
#ifndef KP_DEMO_GEN_H
#define KP_DEMO_GEN_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "demo/demo.h"
#include "demo/rng.h"
#include "model/types.h"

/* --- vocab.c: the shared-list codes the generator uses, with Dutch phrases --- */
enum { VOCAB_ACTIVITIES = 18, VOCAB_THEMES = 13, VOCAB_MOTIVES = 8, VOCAB_TALENTS = 12,
       VOCAB_TRAININGS = 8, VOCAB_LANGUAGES = 9, VOCAB_EXPERIENCES = 7 };

struct vocab_activity {
	const char *code;
	const char *by_doing;    /* "bijvoorbeeld door …": "samen te wandelen" */
	const char *noun;        /* "Wandelmaatje", for "… voor mevrouw (84)" */
	const char *titles[3];   /* call title stems */
	const char *themes[3];   /* themes that usually go with it */
};
extern const struct vocab_activity vocab_activities[VOCAB_ACTIVITIES];

struct vocab_theme {
	const char *code;
	const char *for_whom;    /* "iets betekenen voor …": "ouderen in mijn wijk" */
};
extern const struct vocab_theme vocab_themes[VOCAB_THEMES];

extern const char *const vocab_motives[VOCAB_MOTIVES];     /* codes */
extern const char *const vocab_motive_lines[VOCAB_MOTIVES];
extern const char *const vocab_talents[VOCAB_TALENTS];
extern const char *const vocab_talent_lines[VOCAB_TALENTS];
extern const char *const vocab_trainings[VOCAB_TRAININGS];
extern const char *const vocab_training_labels[VOCAB_TRAININGS];
extern const char *const vocab_languages[VOCAB_LANGUAGES];
extern const char *const vocab_experiences[VOCAB_EXPERIENCES];

/* Index of a code in one of the tables above, or -1. */
int vocab_activity_index(const char *code);
int vocab_theme_index(const char *code);
int vocab_training_index(const char *code);

struct vocab_ids {
	int64_t activity[VOCAB_ACTIVITIES];
	int64_t theme[VOCAB_THEMES];
	int64_t motive[VOCAB_MOTIVES];
	int64_t talent[VOCAB_TALENTS];
	int64_t training[VOCAB_TRAININGS];
	int64_t language[VOCAB_LANGUAGES];
	int64_t experience[VOCAB_EXPERIENCES];
};
/* Resolves every code to its list item id; KP_INTERNAL "internal" naming the code's
   list when a default item is missing or switched off. */
int vocab_resolve(struct catalog *c, struct vocab_ids *ids, struct kp_error *err);

/* --- region.c: the six municipalities of the Drechtsteden --- */
struct region_municipality {
	const char *name;        /* as place_lookup knows it */
	int volunteers;          /* seed 004, table 1 */
};
extern const struct region_municipality region_municipalities[DEMO_MUNICIPALITIES];
/* Splits n over the municipalities in proportion (largest remainder). */
void region_quota(int n, int quota[DEMO_MUNICIPALITIES]);
int region_index(const char *name);

/* --- organisations.c --- */
#define DEMO_ORG_MAX 16
#define DEMO_LOCATION_MAX 16
enum demo_org_index {
	ORG_ZORGGROEP, ORG_ZONNEBLOEM, ORG_UVV, ORG_VPTZ, ORG_HUMANITAS, ORG_IPSO,
	ORG_CENTRALE, ORG_WMO, ORG_MANTELZORG, ORG_WELZIJN, ORG_ANKER, ORG_TAALHUIS,
	DEMO_ORGS
};
struct demo_org_spec {
	const char *name;
	const char *slug;            /* coordinator@<slug>.demo */
	int kind;                    /* enum organisation_kind */
	const char *municipality;
	int employees;
	int volunteer_weight;        /* share of the volunteers (0: none) */
	int call_weight;             /* share of the calls (0: none) */
	int requires_vog;            /* permille of its calls that need a VOG */
	const char *activities[6];   /* what it offers, most typical first */
	const char *description;
};
extern const struct demo_org_spec demo_orgs[DEMO_ORGS];

struct demo_location {
	int64_t id;
	int org;                     /* index in demo_orgs */
	const char *name;
	const char *place;
	bool professional;           /* the demo professional works here */
};

/* --- the generator's state --- */
struct demo_vol {
	int64_t id;
	uint32_t activities;         /* bit i: likes vocab_activities[i] */
	uint8_t org, municipality;
	uint8_t open, max;           /* open matches and max_matches */
	uint8_t vog_valid, licence;
	uint8_t scope;               /* enum consent_scope: who beyond `org` may see them */
	uint16_t allowed;            /* scope organisations: bit per index in demo_orgs */
	uint8_t status;              /* enum volunteer_status */
	int32_t start_day;           /* sign-up, days since 1970 */
	int32_t stop_day;            /* a stopped volunteer's last change; else -1 */
};

#define DEMO_CALL_MATCHES 16
struct demo_call {
	int64_t id;
	int org, municipality, activity;
	int status;                  /* enum call_status */
	int needed;
	int offer;                   /* a volunteer's offer: index in vols, else -1 */
	int one_off;                 /* 1: one date; 0: recurring day-parts */
	int client;                  /* who a hulpvraag is for: index in the texts' clients */
	int requires_vog, requires_licence;
	int64_t created_at;
	int64_t matched[DEMO_CALL_MATCHES]; /* volunteers already matched to it */
	int n_matched;
};

/* A match that was (or is) at work: hours are logged on it from `from` to `to`. */
struct demo_work {
	int64_t match_id, volunteer_id, activity_id;
	int org;
	int64_t from, to;
};

struct demo_gen {
	struct app *app;
	struct db *db;
	struct rng rng;
	int64_t now;                 /* one reading of app->now() for the whole build */
	int64_t network_id;
	struct vocab_ids ids;
	int64_t org_id[DEMO_ORGS];
	int64_t org_actor[DEMO_ORGS];      /* the organisation's coordinator account */
	struct demo_location locations[DEMO_LOCATION_MAX];
	int n_locations;
	int64_t admin_account, referrer_account, professional_account, volunteer_account;
	int64_t demo_volunteer;            /* volunteer record of the volunteer login */
	struct demo_vol *vols;             /* owned */
	int n_vols;
	int *active[DEMO_MUNICIPALITIES];  /* owned; indices into vols */
	int n_active[DEMO_MUNICIPALITIES];
	struct demo_call *calls;           /* owned */
	int n_calls;
	struct demo_work *work;            /* owned; the active and ended matches */
	int n_work, cap_work;
	struct demo_summary *sum;
};

/* Writes the date `days` after (negative: before) g->now as YYYY-MM-DD. */
void demo_date(const struct demo_gen *g, int days, char out[11]);
/* The current year of g->now. */
int demo_year(const struct demo_gen *g);

int demo_add_organisations(struct demo_gen *g, struct kp_error *err);
/* socialmap.c: every organisation's offer on the social map (not the referrer's). */
int demo_add_social_map(struct demo_gen *g, struct kp_error *err);
/* The i-th place organisation org serves on the social map, NULL past the last. */
const char *demo_org_place(int org, int i);
/* contactpoint.c: the hub and a few months of help requests. */
int demo_add_contact_point(struct demo_gen *g, struct kp_error *err);
int demo_add_accounts(struct demo_gen *g, struct kp_error *err);
int demo_add_volunteers(struct demo_gen *g, int n, struct kp_error *err);
/* consents.c: records the consent of vols[i], given when they signed up;
   lived experience is kept only with its explicit consent. */
int demo_add_consent(struct demo_gen *g, int i, int64_t given_at, bool experience,
                     struct kp_error *err);
/* May vols[i] be matched to a call of organisation index org? */
bool demo_consent_allows(const struct demo_gen *g, int i, int org);
int demo_add_calls(struct demo_gen *g, int n, struct kp_error *err);
int demo_add_matches(struct demo_gen *g, struct kp_error *err);
/* journeys.c: each volunteer's journey from sign-up (intake, first
   deployment, exit interviews and stops), and nazorg answers on the matches
   at work for two weeks or more. */
int demo_add_journeys(struct demo_gen *g, struct kp_error *err);
/* hours.c: weekly hours over the last year on every match in g->work, kilometre
   claims on some, and each organisation's rates per km. */
int demo_add_hours(struct demo_gen *g, struct kp_error *err);
/* Two sent newsletters (one of an organisation, one of the network) with
   their recipients, and a draft (src/demo/newsletters.c). */
#define DEMO_NEWSLETTER_BATCH 500
int demo_add_newsletters(struct demo_gen *g, struct kp_error *err);

/* --- texts.c: Dutch sentences built from fragments --- */
/* "Ik wil graag iets betekenen voor …, bijvoorbeeld door …. …" */
void texts_motivation(struct rng *r, int activity, int theme, int motive, int talent,
                      char *out, size_t cap);
/* A call's title and description. */
void texts_call_title(struct rng *r, const struct demo_call *c, int source,
                      const char *location, const char *place, char *out, size_t cap);
/* training: index in vocab_trainings of a required training, or -1. */
void texts_call_description(struct rng *r, const struct demo_call *c, int source,
                            const char *location, const char *place, const char *schedule,
                            int training, char *out, size_t cap);
int texts_client_count(void);
const char *texts_decline_reason(struct rng *r);
const char *texts_end_reason(struct rng *r);

#endif

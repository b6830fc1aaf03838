/*
 * Inside the match index: the data layout shared by the files of src/match/.
 *
 * Volunteers are a struct of arrays indexed by slot. Slots [0, sorted) are
 * ordered by grid cell and within a cell by organisation slot, so that the
 * volunteers near a call (and those of one organisation) are contiguous;
 * cell c holds slots [grid.start[c], grid.start[c + 1]) and grid.max_km[c]
 * is at least the largest max travel distance in it. Slots [sorted, n) are
 * the overflow: volunteers added or moved since the last rebuild, scanned
 * for every question. A slot whose flags lack VF_LIVE is not a candidate:
 * a volunteer who applied and waits for her intake (VF_WAITING) is kept,
 * so that the calls that fit her can be shown to her and her coordinator,
 * but no call finds her; a slot with neither flag is dead (paused, stopped,
 * or moved to another slot). vid maps a volunteer id to its current slot; a
 * rebuild compacts dead slots away and re-sorts.
 *
 * Items of the shared lists are bits: item_bit[item id] is the item's
 * position among the items of its kind (at most 64 per kind; later items
 * are not indexed), mask[kind][slot] the volunteer's set. Lived experience
 * (mask[LIST_EXPERIENCE]) is kept only while the volunteer's experience
 * consent (VF_EXPERIENCE) holds, and is used only where filter.h's
 * mf_experience allows it; it is never shown by name.
 *
 * Consent: the VF_NETWORK / VF_SELECTED / VF_EXPERIENCE flags of a slot, and
 * for VF_SELECTED oset[slot], an offset into the shared pool of organisation
 * sets (ix->osets: a count, then that many sorted organisation slots; equal
 * sets are stored once, and the pool only grows). A volunteer with VF_OPEN
 * may be seen beyond the own organisation; within a cell the sorted slots
 * put all of them in one run (MRUN_OPEN) before the organisations' runs, so
 * a call scans that run and its own organisation's run only.
 *
 * Free text is a sorted list of stemmed term ids per volunteer in one pool.
 *
 * Calls are an array of struct mcall, dead ones keep their slot.
 * Invariant: the rwlock is held for reading by every question and for
 * writing by every change.
 */
#ifndef KP_MATCH_INDEX_H
#define KP_MATCH_INDEX_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "db/match_feed.h"
#include "match/match.h"
#include "match/text.h"
#include "model/call.h"
#include "model/catalog.h"
#include "model/consent.h"

enum { MK_COUNT = 7 };      /* indexed kinds: activity … experience (enum list_kind 0..6) */
enum {
	VF_LIVE = 1,
	VF_LICENCE = 2,
	VF_NETWORK = 4,          /* consent: the whole network may see the profile */
	VF_SELECTED = 8,         /* consent: the organisations of oset[slot] may */
	VF_EXPERIENCE = 16,      /* consent: lived experience may be used */
	VF_CAR = 32,             /* travels by car, with a driving licence */
	VF_WAITING = 64,         /* applied, intake to come: indexed, never a candidate */
	VF_INDEXED = VF_LIVE | VF_WAITING,
	VF_OPEN = VF_NETWORK | VF_SELECTED,
	VF_CONSENT = VF_OPEN | VF_EXPERIENCE
};
#define MRUN_OPEN UINT16_MAX /* run_org of a cell's run of VF_OPEN volunteers */
#define MGRID_DLAT 0.1      /* cell height in degrees (about 11 km) */
#define MGRID_DLON 0.15     /* cell width in degrees (about 10 km in the Netherlands) */
#define MGRID_CELLS_MAX (1 << 20)
#define MTERMS_MAX 32       /* stemmed terms kept per volunteer */
#define MCALL_TERMS_MAX 64  /* stemmed terms kept per call */
#define KM_PER_DEG 111.195

/* int64 id -> uint32 slot, open addressing; entries are never removed. */
struct mhash {
	int64_t *keys;   /* 0 = empty (ids are > 0) */
	uint32_t *vals;
	uint32_t cap;    /* power of two */
	uint32_t n;
};
int mhash_put(struct mhash *h, int64_t key, uint32_t val);
/* Returns true and sets *val when key is present. */
bool mhash_get(const struct mhash *h, int64_t key, uint32_t *val);
void mhash_free(struct mhash *h);

/* What the filters read of every volunteer they pass over, in one cache-friendly record. */
struct vhot {
	float lat, lon;
	uint32_t avail;         /* DAYPART bits */
	int32_t vog_day;        /* days since 1970 of the VOG, 0 when none */
	uint16_t org;           /* slot in ix->orgs */
	uint8_t max_km;
	uint8_t max_matches;
	uint8_t open;           /* open matches (proposed … active) */
	uint8_t flags;          /* VF_* */
	uint8_t engage;         /* forms of engagement (bits of enum engagement), 0: any */
	uint8_t hours_free;     /* half hours a week not yet taken by open matches;
	                           MHOURS_ANY when the volunteer named no hours */
};
#define MHOURS_ANY UINT8_MAX
/* How far a volunteer reaches on foot and by bike (the own maximum still
   holds; public transport and the car reach the own maximum). */
#define MREACH_WALK_KM 5
#define MREACH_BIKE_KM 20

struct mvols {
	uint32_t n, cap, sorted;
	int64_t *id;
	struct vhot *hot;
	uint64_t *mask[MK_COUNT];
	int32_t *asked_day;     /* day of the latest match made, 0 when never */
	uint32_t *oset;         /* VF_SELECTED: offset into ix->osets, else 0 */
	uint32_t *term_off;     /* into ix->terms */
	uint8_t *term_n;
};

struct mgrid {
	double lat0, lon0;      /* south-west corner */
	int reach_km;           /* the largest max travel distance of any volunteer */
	int rows, cols;
	uint32_t *start;        /* rows * cols + 1 prefix offsets into the sorted slots */
	uint8_t *max_km;        /* per cell */
	/* The runs of cell c and where their slots begin: run_org[i] (an
	   organisation slot, or MRUN_OPEN first), run_start[i] for i in
	   [run_off[c], run_off[c + 1]). */
	uint32_t *run_off;
	uint16_t *run_org;
	uint32_t *run_start;
};

struct morg {
	int64_t id;
	int kind;               /* enum organisation_kind */
	int vog_months;
};

struct mcall {
	int64_t id;
	int64_t organisation_id;
	int64_t activity_id;
	uint16_t org;           /* slot in ix->orgs */
	bool live;
	bool one_off;
	bool requires_vog;
	bool requires_licence;
	bool requires_car;
	uint8_t engagement;     /* enum engagement; ENGAGEMENT_COUNT: any (a help request) */
	uint8_t half_hours;     /* expected half hours a week (its duration, rounded up) */
	int32_t one_off_day;    /* one-off: days since 1970 of its date; 0 for recurring */
	int8_t act_bit;         /* -1 when the activity is not indexed */
	uint64_t theme, train, talent, lang;
	uint64_t aff_motive, aff_talent;  /* motives and talents the activity serves */
	uint64_t exp_need;      /* peer support: lived experiences its themes call for */
	float lat, lon;
	uint32_t need;          /* day-parts: the recurring ones, or the one-off's */
	int places;             /* volunteers still needed */
	int64_t created_at;
	uint32_t terms[MCALL_TERMS_MAX]; /* sorted stemmed term ids */
	int n_terms;
	int64_t *paired;        /* sorted volunteer ids with any match on this call; owned */
	int n_paired, cap_paired;
};

struct match_index {
	pthread_rwlock_t lock;
	pthread_mutex_t refresh;        /* one refresh at a time (load.c); taken before lock */
	struct catalog *lists;          /* borrowed */
	struct match_weights weights;
	struct mvols v;
	struct mhash vid;
	struct mgrid grid;
	uint32_t *terms;                /* term pool */
	uint32_t terms_n, terms_cap;
	uint32_t dead;                  /* slots no longer live since the last rebuild */
	struct mtext text;
	struct mcall *calls;
	uint32_t n_calls, cap_calls;
	struct mhash cid;
	struct morg *orgs;
	uint32_t n_orgs, cap_orgs;
	struct mhash oid;
	uint16_t *osets;                /* organisation-set pool; osets[0] unused */
	uint32_t osets_n, osets_cap;
	struct mhash oset_hash;         /* content hash -> offset, for sharing sets */
	int8_t *item_bit;               /* by item id, -1 unknown */
	uint8_t *item_kind;
	uint32_t item_cap;
	int64_t bit_item[MK_COUNT][64]; /* item id of each bit */
	int next_bit[MK_COUNT];
};

/* --- index.c: storage --- */
int mix_org_slot(struct match_index *ix, int64_t org_id, uint16_t *slot);
void mix_put_org(struct match_index *ix, int64_t id, int kind, int vog_months);
/* The bit of an item of an indexed kind, -1 otherwise; assigns new bits. */
int mix_item_bit(struct match_index *ix, int64_t item_id, int *kind);
/* Inserts or replaces a volunteer (removes it when not active). */
int mix_put_volunteer(struct match_index *ix, const struct feed_volunteer *fv,
                      const int64_t *items, int n_items);
/* Inserts or replaces a call; places = volunteers still needed. Removes the
   call when it is not open. paired: volunteer ids with a match on it. */
int mix_put_call(struct match_index *ix, const struct call *c, int places,
                 const int64_t *paired, int n_paired);
/* Fills m from c as mix_put_call does (no pairs; not made live). */
int mix_fill_call(struct match_index *ix, const struct call *c, int places, struct mcall *m);
/* Adds a volunteer-call pair to the call (if in the index). */
void mix_add_pair(struct match_index *ix, int64_t call_id, int64_t volunteer_id);
/* Sets the consent of a volunteer in the index (nothing when not live);
   moves a sorted slot to the overflow when it opens or closes. */
int mix_put_consent(struct match_index *ix, const struct consent *k);
/* Sets the lived experience of a volunteer to the experience items among
   items[0..n) when the experience consent is in force (else nothing). */
void mix_put_experience(struct match_index *ix, int64_t volunteer_id, const int64_t *items,
                        int n_items);
/* Applies one existing match: the pair, the call's places, the volunteer's
   load and when they were last asked (load.c). */
void mix_apply_match(struct match_index *ix, const struct feed_match *m);
/* Re-sorts the volunteers by cell and rebuilds the grid. */
int mix_rebuild(struct match_index *ix);
/* Rebuilds when the overflow or dead slots have grown large. */
int mix_maybe_rebuild(struct match_index *ix);

/* Half hours a week a call of `minutes` is expected to take (at most 254). */
static inline uint8_t mhalf_hours(int minutes)
{
	int h = (minutes + 29) / 30;
	return (uint8_t)(h < 0 ? 0 : h > 254 ? 254 : h);
}

/* Takes the half hours h of an open match off the volunteer's week. */
static inline void mix_take_hours(struct vhot *h, int half_hours)
{
	if (h->hours_free != MHOURS_ANY)
		h->hours_free = (uint8_t)(h->hours_free > half_hours ? h->hours_free - half_hours : 0);
}

/* --- affinity.c: which motives and talents an activity serves --- */
void maff_masks(struct match_index *ix, int64_t activity_id, uint64_t *motives,
                uint64_t *talents);
/* For a peer-support activity: the lived experiences (bits) that the
   themes `theme` (bits) call for; 0 for any other activity. */
uint64_t maff_experience(struct match_index *ix, int64_t activity_id, uint64_t theme);

/* Days since 1970 of unix time t. */
static inline int32_t mday(int64_t t)
{
	return (int32_t)(t >= 0 ? t / 86400 : -((-t + 86399) / 86400));
}

/* An open call still to come at time now: a one-off call whose date has
   passed is over, even before the database says so (jobs.c closes it). */
static inline bool mcall_current(const struct mcall *c, int64_t now)
{
	return c->live && (!c->one_off || c->one_off_day >= mday(now));
}

/* Mask of the volunteers' mask array of kind k at slot s. */
#define VMASK(ix, k, s) ((ix)->v.mask[(k)][(s)])

#endif

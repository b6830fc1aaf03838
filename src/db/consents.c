/* The consent store: the consent in force per volunteer and its history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/query.h"
#include "db/store.h"
#include "util/buf.h"
#include "util/parse.h"

static int load_organisations(struct db *db, struct consent *c, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT organisation_id FROM volunteer_consent_organisations "
	                   "WHERE volunteer_id = ? ORDER BY organisation_id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, c->volunteer_id);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW && c->n_organisations < CONSENT_ORGS_MAX)
		c->organisations[c->n_organisations++] = db_col_int(st, 0);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

static void read_consent(struct db_stmt *st, struct consent *c)
{
	consent_init(c, db_col_int(st, 0));
	c->scope = consent_scope_parse(db_col_text(st, 1));
	if (c->scope < 0)
		c->scope = CONSENT_NONE; /* an unknown scope opens nothing */
	c->experience = db_col_int(st, 2) != 0;
	snprintf(c->text_version, sizeof c->text_version, "%s", db_col_text(st, 3));
	c->given_at = db_col_int(st, 4);
}

int store_consent_get(struct db *db, int64_t volunteer_id, struct consent *c,
                      struct kp_error *err)
{
	struct db_stmt *st;
	consent_init(c, volunteer_id);
	if (db_prepare(db, "SELECT volunteer_id, profile_scope, experience, text_version, given_at "
	                   "FROM volunteer_consents WHERE volunteer_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_consent(st, c);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	if (rc == DB_ROW && c->scope == CONSENT_ORGANISATIONS)
		return load_organisations(db, c, err);
	return KP_OK;
}

static int write_current(struct db *db, const struct consent *c, int64_t now,
                         struct kp_error *err)
{
	struct db_stmt *st;
	if (query_exec_id(db, "DELETE FROM volunteer_consent_organisations WHERE volunteer_id = ?",
	                  c->volunteer_id, err) ||
	    query_exec_id(db, "DELETE FROM volunteer_consents WHERE volunteer_id = ?",
	                  c->volunteer_id, err))
		return KP_ERR;
	if (db_prepare(db, "INSERT INTO volunteer_consents (volunteer_id, profile_scope, "
	                   "experience, text_version, given_at) VALUES (?, ?, ?, ?, ?)", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, c->volunteer_id);
	db_bind_text(st, 2, consent_scope_name(c->scope));
	db_bind_int(st, 3, c->experience ? 1 : 0);
	db_bind_text(st, 4, c->text_version);
	db_bind_int(st, 5, now);
	int rc = db_step(st, err);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	for (int i = 0; i < c->n_organisations; i++) {
		if (db_prepare(db, "INSERT INTO volunteer_consent_organisations (volunteer_id, "
		                   "organisation_id) VALUES (?, ?)", &st, err))
			return KP_ERR;
		db_bind_int(st, 1, c->volunteer_id);
		db_bind_int(st, 2, c->organisations[i]);
		rc = db_step(st, err);
		db_finalize(st);
		if (rc == DB_FAILED)
			return KP_ERR;
	}
	return KP_OK;
}

static int append_event(struct db *db, const struct consent *c, const char *action,
                        int64_t actor, int64_t now, struct kp_error *err)
{
	char orgs[CONSENT_ORGS_MAX * 21 + 1] = "";
	size_t len = 0;
	for (int i = 0; i < c->n_organisations && len < sizeof orgs; i++)
		len += (size_t)snprintf(orgs + len, sizeof orgs - len, "%s%lld", i ? "," : "",
		                        (long long)c->organisations[i]);
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO consent_events (volunteer_id, action, profile_scope, "
	                   "organisations, experience, text_version, actor_id, at) "
	                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, c->volunteer_id);
	db_bind_text(st, 2, action);
	db_bind_text(st, 3, consent_scope_name(c->scope));
	db_bind_text(st, 4, orgs);
	db_bind_int(st, 5, c->experience ? 1 : 0);
	db_bind_text(st, 6, c->text_version);
	db_bind_ref(st, 7, actor);
	db_bind_int(st, 8, now);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_consent_set(struct db *db, const struct consent *c, const char *action,
                      int64_t actor, int64_t now, struct kp_error *err)
{
	if (write_current(db, c, now, err) || append_event(db, c, action, actor, now, err))
		return KP_ERR;
	/* Without its explicit consent, lived experience is not kept at all. */
	if (!c->experience &&
	    query_exec_id(db, "DELETE FROM volunteer_experiences WHERE volunteer_id = ?",
	                  c->volunteer_id, err))
		return KP_ERR;
	/* Matching on every server sees the new consent (change log, schema 4). */
	return db_schema_version(db) >= 4
	           ? store_change_record(db, CHANGE_VOLUNTEER, c->volunteer_id, 0, now, err)
	           : KP_OK;
}

/* Parses "3,7,12" into c->organisations. */
static void parse_organisations(const char *s, struct consent *c)
{
	while (*s && c->n_organisations < CONSENT_ORGS_MAX) {
		char part[24];
		size_t n = strcspn(s, ",");
		long long v;
		if (n > 0 && n < sizeof part) {
			memcpy(part, s, n);
			part[n] = '\0';
			if (parse_int(part, 1, INT64_MAX, &v) == 0)
				c->organisations[c->n_organisations++] = v;
		}
		s += n;
		if (*s == ',')
			s++;
	}
}

int store_consent_events(struct db *db, int64_t volunteer_id, consent_event_fn each,
                         void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT action, profile_scope, organisations, experience, text_version, "
	                   "actor_id, at FROM consent_events WHERE volunteer_id = ? "
	                   "ORDER BY at, id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	struct consent_event *e = malloc(sizeof *e);
	int rc = e == NULL ? DB_FAILED : DB_DONE;
	if (e == NULL)
		kp_internal(err);
	while (e != NULL && (rc = db_step(st, err)) == DB_ROW) {
		memset(e, 0, sizeof *e);
		snprintf(e->action, sizeof e->action, "%s", db_col_text(st, 0));
		consent_init(&e->consent, volunteer_id);
		e->consent.scope = consent_scope_parse(db_col_text(st, 1));
		parse_organisations(db_col_text(st, 2), &e->consent);
		e->consent.experience = db_col_int(st, 3) != 0;
		snprintf(e->consent.text_version, sizeof e->consent.text_version, "%s",
		         db_col_text(st, 4));
		e->actor_id = db_col_int(st, 5);
		e->at = e->consent.given_at = db_col_int(st, 6);
		if (each(ctx, e) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	free(e);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_consent_each(struct db *db, consent_fn each, void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT c.volunteer_id, c.profile_scope, c.experience, c.text_version, "
	                   "c.given_at, o.organisation_id FROM volunteer_consents c "
	                   "LEFT JOIN volunteer_consent_organisations o "
	                   "ON o.volunteer_id = c.volunteer_id "
	                   "ORDER BY c.volunteer_id, o.organisation_id", &st, err))
		return KP_ERR;
	struct consent cur;
	bool have = false;
	int rc, ret = KP_OK;
	while ((rc = db_step(st, err)) == DB_ROW) {
		int64_t vid = db_col_int(st, 0);
		if (have && vid != cur.volunteer_id) {
			if (each(ctx, &cur) != 0) {
				ret = kp_internal(err);
				have = false;
				break;
			}
			have = false;
		}
		if (!have) {
			read_consent(st, &cur);
			have = true;
		}
		if (!db_col_is_null(st, 5) && cur.n_organisations < CONSENT_ORGS_MAX)
			cur.organisations[cur.n_organisations++] = db_col_int(st, 5);
	}
	if (rc == DB_FAILED)
		ret = KP_ERR;
	if (ret == KP_OK && have && each(ctx, &cur) != 0)
		ret = kp_internal(err);
	db_finalize(st);
	return ret;
}

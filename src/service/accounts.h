/*
 * Use cases of accounts, who can log in: listing them, creating one for a
 * colleague or a volunteer, and a volunteer signing up without one.
 *
 * The network administrator creates accounts of every role; a coordinator
 * only coordinators, professionals and volunteers of their own organisation
 * (a volunteer's account belongs to the volunteer's organisation, whatever
 * the request says). A volunteer has at most one account, and it is always
 * an invitation (service/passwords.h) to the address on the volunteer's
 * record: staff never set or learn its password. An account of another role
 * made without a password is an invitation too. A password is checked and
 * hashed (argon2id, slow) before the transaction opens, so no write waits
 * for it; the plain text is wiped before the use case returns, whatever the
 * outcome.
 *
 * Ownership: the caller owns every struct passed in and the password
 * buffer, which the use case overwrites with zeros; results are written
 * into the caller's structs. The account handed to a list callback lives
 * only for that call.
 */
#ifndef KP_SERVICE_ACCOUNTS_H
#define KP_SERVICE_ACCOUNTS_H

#include "auth/password.h"
#include "service/service.h"

struct account_query {
	struct page page;
	account_fn each;       /* called once per account of the page, by e-mail */
	void *ctx;
	int64_t total;         /* out: accounts the caller may see */
};

struct account_new {
	struct account account;  /* in: e-mail, name, role, organisation, volunteer;
	                            out: the stored account */
	char *password;          /* plain text, "" for an invitation; wiped */
};

struct account_signup {
	struct volunteer *volunteer;  /* in: names, phone, place (resolved), organisation;
	                                 out: the stored record */
	struct account account;       /* in: e-mail; out: the volunteer's account */
	char *password;               /* plain text; wiped */
	const char *address;          /* the client's address, for the rate limit */
};

/* The accounts the caller may see: all for the administrator, their own
   organisation's for a coordinator. */
int account_list(struct app *app, struct db *db, const struct principal *who,
                 struct account_query *q, struct kp_error *err);

/* Creates the account n->account with password n->password, as above. */
int account_create(struct app *app, struct db *db, const struct principal *who,
                   struct account_new *n, struct kp_error *err);

/* Deactivates (active false: its sessions end, it cannot log in) or
   reactivates account id: the administrator any, a coordinator their own
   organisation's; nobody their own. */
int account_set_active(struct app *app, struct db *db, const struct principal *who, int64_t id,
                       bool active, struct account *out, struct kp_error *err);

/* Registers the volunteer (status applied, started today) and their account
   in one transaction, at an organisation that takes sign-ups (KP_INVALID
   "no_signups" naming organisation_id for a referrer's desk). KP_LIMITED
   once the client address made RATELIMIT_SIGNUPS_PER_HOUR attempts within
   the hour. Opening a session is the caller's next step. */
int account_signup(struct app *app, struct db *db, const struct principal *who,
                   struct account_signup *s, struct kp_error *err);

/* Checks an e-mail address and password (length) and hashes the password
   into hash, outside any transaction; wipes the password. */
int account_credentials(const char *email, char *password, char hash[PASSWORD_HASH_MAX],
                        struct kp_error *err);

/* Inside a use case that just registered volunteer v: gives v an account
   as an invitation to the address on the record, so that v can sign in and
   confirm their consent. Nothing happens (*invited false) when v has no
   usable address or an account already has it. */
int account_invite_volunteer(struct svc *s, const struct volunteer *v, bool *invited);

#endif

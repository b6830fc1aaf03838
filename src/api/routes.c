/* Every endpoint of the API, in one table. docs/api.md describes them. */
#include "api/accounts.h"
#include "api/aftercare.h"
#include "api/appreciation.h"
#include "api/api.h"
#include "api/audit.h"
#include "api/calendar.h"
#include "api/consents.h"
#include "api/erasure.h"
#include "api/expenses.h"
#include "api/exports.h"
#include "api/calls.h"
#include "api/health.h"
#include "api/help_requests.h"
#include "api/hours.h"
#include "api/imports.h"
#include "api/journey.h"
#include "api/openapi.h"
#include "api/lists.h"
#include "api/locations.h"
#include "api/matches.h"
#include "api/newsletters.h"
#include "api/notes.h"
#include "api/notifications.h"
#include "api/vog.h"
#include "api/offers.h"
#include "api/organisations.h"
#include "api/passwords.h"
#include "api/public_calls.h"
#include "api/payments.h"
#include "api/reports.h"
#include "api/session.h"
#include "api/start.h"
#include "api/suggestions.h"
#include "api/tasks.h"
#include "api/totp.h"
#include "api/transfers.h"
#include "api/volunteers.h"

const struct api_route api_routes[] = {
	{ "GET", "/api/health", health_show },
	{ "GET", "/api/openapi.json", openapi_show },

	{ "GET", "/api/start", start_show },
	{ "GET", "/api/session", session_show },
	{ "POST", "/api/session", session_login },
	{ "DELETE", "/api/session", session_logout },
	{ "GET", "/api/sessions", sessions_list },
	{ "DELETE", "/api/sessions", sessions_revoke_others },
	{ "POST", "/api/signup", accounts_signup },
	{ "POST", "/api/invitations/accept", invitations_accept },
	{ "POST", "/api/password-reset", password_reset_create },
	{ "POST", "/api/password-reset/confirm", password_reset_confirm_route },
	{ "PATCH", "/api/me/password", me_password_update },
	{ "POST", "/api/session/totp", session_totp_complete },
	{ "POST", "/api/session/totp/enrol", session_totp_enrol },
	{ "GET", "/api/me/totp", me_totp_show },
	{ "POST", "/api/me/totp", me_totp_create },
	{ "POST", "/api/me/totp/confirm", me_totp_confirm },
	{ "DELETE", "/api/me/totp", me_totp_delete },
	{ "GET", "/api/me/notifications", me_notifications_show },
	{ "PUT", "/api/me/notifications", me_notifications_update },
	{ "POST", "/api/unsubscribe", unsubscribe, UNSUBSCRIBE_BODY_MAX },
	{ "GET", "/api/network", network_show },
	{ "PATCH", "/api/network", network_update },

	{ "GET", "/api/accounts", accounts_list },
	{ "POST", "/api/accounts", accounts_create },
	{ "PATCH", "/api/accounts/{id}", accounts_update },
	{ "PUT", "/api/accounts/{id}/locations", account_locations_update },
	{ "GET", "/api/locations", locations_list },
	{ "POST", "/api/locations", locations_create },
	{ "PATCH", "/api/locations/{id}", locations_update },

	{ "GET", "/api/organisations", organisations_list },
	{ "POST", "/api/organisations", organisations_create },
	{ "GET", "/api/organisations/{id}", organisations_show },
	{ "PATCH", "/api/organisations/{id}", organisations_update },
	{ "GET", "/api/organisations/{id}/offer", offers_show },
	{ "PUT", "/api/organisations/{id}/offer", offers_update },
	{ "GET", "/api/public/map", public_map },
	{ "GET", "/api/public/calls", public_calls_list },
	{ "GET", "/api/public/calls/{id}", public_calls_show },
	{ "POST", "/api/public/help-requests", help_requests_public_create },
	{ "GET", "/api/network/contact-point", contact_point_show },
	{ "PUT", "/api/network/contact-point", contact_point_update },
	{ "GET", "/api/help-requests", help_requests_list },
	{ "POST", "/api/help-requests", help_requests_create },
	{ "GET", "/api/help-requests/{id}", help_requests_show },
	{ "GET", "/api/help-requests/{id}/suggestions", help_requests_suggestions },
	{ "GET", "/api/help-requests/{id}/volunteers", suggestions_for_help_request },
	{ "POST", "/api/help-requests/{id}/route", help_requests_route },
	{ "POST", "/api/help-requests/{id}/accept", help_requests_accept },
	{ "POST", "/api/help-requests/{id}/hand-back", help_requests_hand_back },
	{ "POST", "/api/help-requests/{id}/close", help_requests_close },
	{ "GET", "/api/help-requests/{id}/client/export", help_requests_client_export },
	{ "POST", "/api/help-requests/{id}/client/erasure", help_requests_client_erasure },

	{ "GET", "/api/lists", lists_index },
	{ "GET", "/api/lists/{kind}", lists_list },
	{ "POST", "/api/lists/{kind}", lists_create },
	{ "PATCH", "/api/lists/{kind}/{id}", lists_update },

	{ "GET", "/api/volunteers", volunteers_list },
	{ "GET", "/api/volunteers.csv", volunteers_export },
	{ "GET", "/api/volunteers.xlsx", volunteers_export },
	{ "POST", "/api/volunteers", volunteers_create },
	{ "POST", "/api/imports/volunteers", imports_volunteers, IMPORT_UPLOAD_MAX },
	{ "POST", "/api/imports/organisations", imports_organisations, IMPORT_UPLOAD_MAX },
	{ "POST", "/api/imports/calls", imports_calls, IMPORT_UPLOAD_MAX },
	{ "POST", "/api/imports/hours", imports_hours, IMPORT_UPLOAD_MAX },
	{ "GET", "/api/volunteers/{id}", volunteers_show },
	{ "PATCH", "/api/volunteers/{id}", volunteers_update },
	{ "GET", "/api/volunteers/{id}/consent", consents_show },
	{ "PUT", "/api/volunteers/{id}/consent", consents_update },
	{ "DELETE", "/api/volunteers/{id}/consent", consents_withdraw },
	{ "GET", "/api/volunteers/{id}/export", me_export },
	{ "POST", "/api/volunteers/{id}/erasure", erasure_create },
	{ "GET", "/api/volunteers/{id}/audit", audit_of_volunteer },
	{ "GET", "/api/volunteers/{id}/calendar", calendar_volunteer_show },
	{ "POST", "/api/volunteers/{id}/calendar", calendar_volunteer_create },
	{ "DELETE", "/api/volunteers/{id}/calendar", calendar_volunteer_revoke },
	{ "GET", "/api/organisations/{id}/calendar", calendar_organisation_show },
	{ "POST", "/api/organisations/{id}/calendar", calendar_organisation_create },
	{ "DELETE", "/api/organisations/{id}/calendar", calendar_organisation_revoke },
	{ "GET", "/api/calendar/{token}.ics", calendar_feed },
	{ "GET", "/api/volunteers/{id}/notes", notes_list },
	{ "POST", "/api/volunteers/{id}/notes", notes_create },
	{ "GET", "/api/vog-overview", vog_overview_show },
	{ "GET", "/api/audit", audit_search },
	{ "GET", "/api/reports", reports_show },
	{ "GET", "/api/reports/months.csv", reports_table },
	{ "GET", "/api/reports/months.xlsx", reports_table },
	{ "GET", "/api/reports/retention.csv", reports_table },
	{ "GET", "/api/reports/retention.xlsx", reports_table },
	{ "GET", "/api/reports/exits.csv", reports_table },
	{ "GET", "/api/reports/exits.xlsx", reports_table },
	{ "GET", "/api/reports/matches.csv", reports_table },
	{ "GET", "/api/reports/matches.xlsx", reports_table },
	{ "GET", "/api/reports/aftercare.csv", reports_table },
	{ "GET", "/api/reports/aftercare.xlsx", reports_table },
	{ "GET", "/api/reports/organisations.csv", reports_table },
	{ "GET", "/api/reports/organisations.xlsx", reports_table },
	{ "GET", "/api/reports/municipalities.csv", reports_table },
	{ "GET", "/api/reports/municipalities.xlsx", reports_table },
	{ "GET", "/api/reports/hours.csv", reports_table },
	{ "GET", "/api/reports/hours.xlsx", reports_table },
	{ "GET", "/api/reports/contact_point.csv", reports_table },
	{ "GET", "/api/reports/contact_point.xlsx", reports_table },

	{ "GET", "/api/calls", calls_list },
	{ "GET", "/api/calls.csv", calls_export },
	{ "GET", "/api/calls.xlsx", calls_export },
	{ "POST", "/api/calls", calls_create },
	{ "GET", "/api/calls/{id}", calls_show },
	{ "PATCH", "/api/calls/{id}", calls_update },
	{ "GET", "/api/calls/{id}/history", calls_history },
	{ "GET", "/api/calls/{id}/candidates", suggestions_for_call },
	{ "GET", "/api/volunteers/{id}/suggestions", suggestions_for_volunteer },
	{ "POST", "/api/proposals", suggestions_proposal },

	{ "GET", "/api/matches", matches_list },
	{ "GET", "/api/matches.csv", matches_export },
	{ "GET", "/api/matches.xlsx", matches_export },
	{ "POST", "/api/matches", matches_create },
	{ "GET", "/api/matches/{id}", matches_show },
	{ "PATCH", "/api/matches/{id}", matches_update },
	{ "GET", "/api/matches/{id}/aftercare", aftercare_show },
	{ "PUT", "/api/matches/{id}/aftercare", aftercare_update },

	{ "GET", "/api/journey/definitions", journey_definitions },
	{ "GET", "/api/journeys", journeys_list },
	{ "POST", "/api/journeys", journeys_create },
	{ "GET", "/api/journeys/{id}", journeys_show },
	{ "POST", "/api/journeys/{id}/steps", journeys_step },
	{ "PUT", "/api/journeys/{id}/intake", journeys_intake },
	{ "POST", "/api/journeys/{id}/exit-interview", journeys_exit_interview },
	{ "POST", "/api/journeys/{id}/requests", journeys_request },
	{ "GET", "/api/volunteers/{id}/journeys", volunteer_journeys },
	{ "GET", "/api/volunteers/{id}/trainings", trainings_list },
	{ "POST", "/api/volunteers/{id}/trainings", trainings_create },
	{ "GET", "/api/volunteers/{id}/competences", competences_show },
	{ "PUT", "/api/volunteers/{id}/competences", competences_update },
	{ "GET", "/api/organisations/{id}/journey-settings", journey_settings_show },
	{ "PUT", "/api/organisations/{id}/journey-settings", journey_settings_update },

	{ "GET", "/api/transfers", transfers_list },
	{ "POST", "/api/transfers", transfers_create },
	{ "GET", "/api/transfers/{id}", transfers_show },
	{ "PATCH", "/api/transfers/{id}", transfers_update },

	{ "GET", "/api/dashboard", dashboard_show },
	{ "GET", "/api/tasks", tasks_list },
	{ "POST", "/api/tasks/notify", tasks_notify },
	{ "GET", "/api/outbox", outbox_list },
	{ "GET", "/api/newsletters", newsletters_list },
	{ "POST", "/api/newsletters", newsletters_create },
	{ "POST", "/api/newsletters/preview", newsletters_preview },
	{ "GET", "/api/newsletters/{id}", newsletters_show },
	{ "PUT", "/api/newsletters/{id}", newsletters_replace },
	{ "POST", "/api/newsletters/{id}/send", newsletters_send },
	{ "POST", "/api/outbox/{id}/retry", outbox_retry },

	{ "GET", "/api/hours", hours_index },
	{ "GET", "/api/hours.csv", hours_export },
	{ "GET", "/api/hours.xlsx", hours_export },
	{ "POST", "/api/hours", hours_create },
	{ "GET", "/api/hours/totals", hours_totals_show },
	{ "GET", "/api/hours/totals.csv", hours_totals_csv },
	{ "POST", "/api/hours/approve", hours_approve_many },
	{ "GET", "/api/hours/{id}", hours_show },
	{ "PATCH", "/api/hours/{id}", hours_update },
	{ "GET", "/api/volunteers/{id}/hours/today", volunteer_hours_today },
	{ "POST", "/api/volunteers/{id}/hours/repeat-week", volunteer_hours_repeat },
	{ "GET", "/api/volunteers/{id}/year-statement", volunteer_year_statement },
	{ "GET", "/api/expenses", expenses_index },
	{ "POST", "/api/expenses", expenses_create },
	{ "GET", "/api/expenses/{id}", expenses_show },
	{ "PATCH", "/api/expenses/{id}", expenses_update },
	{ "PUT", "/api/expenses/{id}/receipt", expenses_receipt_put, RECEIPT_BYTES_MAX },
	{ "GET", "/api/expenses/{id}/receipt", expenses_receipt_get },
	{ "GET", "/api/allowance-caps", allowance_caps_index },
	{ "PUT", "/api/allowance-caps/{id}", allowance_caps_update },
	{ "GET", "/api/organisations/{id}/expense-rates", expense_rates_show },
	{ "PUT", "/api/organisations/{id}/expense-rates", expense_rates_update },
	{ "GET", "/api/volunteers/{id}/allowance-mode", allowance_mode_show },
	{ "PUT", "/api/volunteers/{id}/allowance-mode", allowance_mode_update },
	{ "GET", "/api/volunteers/{id}/bank-account", volunteer_bank_account_show },
	{ "PUT", "/api/volunteers/{id}/bank-account", volunteer_bank_account_update },
	{ "GET", "/api/organisations/{id}/bank-account", organisation_bank_account_show },
	{ "PUT", "/api/organisations/{id}/bank-account", organisation_bank_account_update },
	{ "GET", "/api/organisations/{id}/payments", payments_show },
	{ "POST", "/api/organisations/{id}/payments/paid", payments_paid },
	{ "GET", "/api/organisations/{id}/payments.csv", payments_csv },
	{ "GET", "/api/organisations/{id}/payments.xlsx", payments_xlsx },
	{ "GET", "/api/organisations/{id}/payments.xml", payments_xml },
};

const int api_route_count = (int)(sizeof api_routes / sizeof api_routes[0]);

#include "util/messages.h"

#include <string.h>

/* %F is the field, %L the limit, %E the limit as an amount in euros (from cents). */
static const struct {
	const char *code, *nl, *en;
} texts[] = {
	{ "required", "Het veld '%F' is verplicht.", "The field '%F' is required." },
	{ "too_long", "Het veld '%F' is te lang (maximaal %L tekens).",
	  "The field '%F' is too long (at most %L characters)." },
	{ "too_short", "Het veld '%F' is te kort (minimaal %L tekens).",
	  "The field '%F' is too short (at least %L characters)." },
	{ "too_many", "Het veld '%F' heeft te veel waarden (maximaal %L).",
	  "The field '%F' has too many values (at most %L)." },
	{ "out_of_range", "De waarde van '%F' valt buiten het toegestane bereik (grens %L).",
	  "The value of '%F' is out of range (limit %L)." },
	{ "wrong_type", "Het veld '%F' heeft het verkeerde soort waarde.",
	  "The field '%F' has the wrong type of value." },
	{ "invalid_text", "Het veld '%F' bevat ongeldige tekens.",
	  "The field '%F' contains invalid characters." },
	{ "invalid_choice", "De waarde van '%F' is geen geldige keuze.",
	  "The value of '%F' is not a valid choice." },
	{ "invalid_date", "Het veld '%F' moet een datum zijn als 2026-05-31.",
	  "The field '%F' must be a date like 2026-05-31." },
	{ "invalid_time", "Het veld '%F' moet een tijd zijn als 14:30.",
	  "The field '%F' must be a time like 14:30." },
	{ "invalid_email", "Het veld '%F' is geen geldig e-mailadres.",
	  "The field '%F' is not a valid e-mail address." },
	{ "invalid_code", "Het veld '%F' mag alleen kleine letters, cijfers en _ bevatten.",
	  "The field '%F' may only contain lower-case letters, digits and _." },
	{ "unknown_place", "De plaats in '%F' kennen we niet. Vul een Nederlandse plaatsnaam in.",
	  "The place in '%F' is unknown. Enter a Dutch place name." },
	{ "item_inactive",
	  "Een waarde in '%F' wordt niet meer gebruikt en kan niet opnieuw gekozen worden.",
	  "A value in '%F' is no longer in use and cannot be chosen anew." },
	{ "unknown_item", "Een waarde in '%F' staat niet in de gedeelde lijst.",
	  "A value in '%F' is not on the shared list." },
	{ "unknown_field", "Het veld '%F' bestaat niet.", "The field '%F' does not exist." },
	{ "unknown_reference", "Het veld '%F' verwijst naar iets dat niet bestaat.",
	  "The field '%F' refers to something that does not exist." },
	{ "schedule_required", "Geef een datum ('one_off_date') of vaste dagdelen ('dayparts') op.",
	  "Give a date ('one_off_date') or recurring day-parts ('dayparts')." },
	{ "schedule_conflict", "Kies een datum of vaste dagdelen, niet allebei.",
	  "Choose a date or recurring day-parts, not both." },
	{ "date_in_past", "De datum in '%F' ligt in het verleden. Kies vandaag of een latere dag.",
	  "The date in '%F' is in the past. Choose today or a later day." },
	{ "invalid_json", "De invoer is geen geldige JSON.", "The input is not valid JSON." },
	{ "too_deep", "De invoer is te diep genest (maximaal %L niveaus).",
	  "The input is nested too deeply (at most %L levels)." },
	{ "not_object", "De invoer moet een JSON-object zijn.", "The input must be a JSON object." },
	{ "invalid_id", "'%F' moet een positief getal zijn.", "'%F' must be a positive number." },
	{ "not_with_after",
	  "Gebruik '%F' niet samen met 'after': een pagina begint na een rij of op een plek, niet "
	  "allebei.",
	  "Do not use '%F' together with 'after': a page starts after a row or at a position, not "
	  "both." },
	{ "invalid_transition", "Deze stap in de koppeling is niet mogelijk vanuit de huidige status.",
	  "This step is not possible from the match's current status." },
	{ "changed_meanwhile",
	  "Iemand anders heeft dit intussen gewijzigd. Laad opnieuw en probeer het nog eens.",
	  "Someone else changed this meanwhile. Reload and try again." },
	{ "smtp_failed", "De mailserver nam het bericht niet aan.",
	  "The mail server did not accept the message." },
	{ "newsletter_sent", "Deze nieuwsbrief is al verstuurd en kan niet meer worden gewijzigd.",
	  "This newsletter has already been sent and can no longer be changed." },
	{ "header_line_break", "'%F' mag geen regelovergang bevatten.",
	  "'%F' must not contain a line break." },
	{ "intake_not_open", "Een intakegesprek plannen kan alleen na de aanmelding, voor of "
	  "tijdens de intake.", "An intake interview can only be planned after signing up, before "
	  "or during the intake." },
	{ "mail_not_failed", "Deze e-mail is niet mislukt; opnieuw proberen kan alleen bij een "
	  "mislukte e-mail.", "This e-mail did not fail; only a failed e-mail can be tried again." },
	{ "template_missing", "De e-mailtekst '%F' ontbreekt.", "The mail text '%F' is missing." },
	{ "template_variable", "De e-mailtekst gebruikt '%F', maar die waarde ontbreekt.",
	  "The mail text uses '%F', but that value is missing." },
	{ "erased", "Deze persoon is gewist; de gegevens kunnen niet opnieuw worden ingevuld.",
	  "This person was erased; the record cannot be filled in again." },
	{ "one_scope", "Kies een organisatie of een gemeente, niet allebei.",
	  "Choose an organisation or a municipality, not both." },
	{ "period_empty", "De periode moet eindigen na de begindatum.",
	  "The period must end after its start date." },
	{ "period_too_long", "Een periode is hoogstens %L maanden lang.",
	  "A period is at most %L months long." },
	{ "likely_duplicate",
	  "Deze persoon staat waarschijnlijk al geregistreerd. Open de bestaande inschrijving, of "
	  "registreer toch opnieuw als het iemand anders is.",
	  "This person is probably registered already. Open the existing record, or register "
	  "anyway if it is someone else." },
	{ "invalid_version", "'%F' moet een versienummer zijn, zoals \"3\".",
	  "'%F' must be a version number, such as \"3\"." },
	{ "already_matched", "Deze vrijwilliger is al aan deze oproep gekoppeld.",
	  "This volunteer is already matched to this call." },
	{ "call_not_open", "Deze oproep staat niet (meer) open.", "This call is not open (any more)." },
	{ "call_not_published",
	  "Deze hulpvraag is nog niet gepubliceerd: geef haar eerst een openbare titel.",
	  "This help request is not published yet: give it a public title first." },
	{ "volunteer_not_active", "Deze vrijwilliger is niet actief.",
	  "This volunteer is not active." },
	{ "capacity_reached",
	  "Deze vrijwilliger doet al %L ding(en) tegelijk (met reacties), het maximum dat de "
	  "vrijwilliger zelf koos. Wil de vrijwilliger er iets bij doen? Verhoog dan het maximum "
	  "in het profiel, of rond eerst een lopende koppeling of reactie af.",
	  "This volunteer is already doing %L thing(s) at once (responses included), the maximum "
	  "the volunteer chose. Does the volunteer want to take on more? Then raise the maximum in "
	  "the profile, or first settle a running match or response." },
	{ "offer_is_no_call",
	  "Dit is het aanbod van een vrijwilliger, geen oproep: er kan niemand op reageren.",
	  "This is a volunteer's offer, not a call: nobody can respond to it." },
	{ "your_capacity_reached",
	  "Je doet al %L dingen tegelijk, het maximum dat je zelf hebt gekozen. Wil je er nog "
	  "iets bij doen? Verhoog dan je maximum in je profiel.",
	  "You are already doing %L things at once, the maximum you chose yourself. Want to take "
	  "on more? Raise your maximum in your profile." },
	{ "you_not_active",
	  "Je kunt nog niet ja zeggen: je coördinator zet je eerst op actief, na het "
	  "kennismakingsgesprek. Je reactie blijft staan.",
	  "You cannot say yes yet: your coordinator first makes you active, after the intake "
	  "conversation. Your response stays." },
	{ "you_paused",
	  "Je staat op pauze. Wil je weer meedoen? Zet je pauze stop in je profiel, dan kun je "
	  "reageren.",
	  "You are on a break. Want to join in again? End your break in your profile, then you "
	  "can respond." },
	{ "you_stopped",
	  "Je bent gestopt als vrijwilliger. Wil je weer meedoen? Neem contact op met je "
	  "coördinator.",
	  "You have stopped as a volunteer. Want to join in again? Contact your coordinator." },
	{ "public_text_first",
	  "Schrijf eerst de openbare tekst van deze hulpvraag voordat u hem op de openbare pagina zet.",
	  "Write the public text of this help request before putting it on the public page." },
	{ "invalid_help_step", "Dit kan niet in de huidige stand van de hulpvraag.",
	  "This is not possible in the help request's current state." },
	{ "phone_or_email",
	  "Vul een telefoonnummer of e-mailadres in, zodat het contactpunt contact kan opnemen.",
	  "Give a phone number or e-mail address, so that the contact point can get in touch." },
	{ "client_consent_required",
	  "Zonder toestemming kan het contactpunt de gegevens niet doorgeven aan de organisatie die "
	  "gaat helpen.",
	  "Without consent the contact point cannot pass the details on to the organisation that "
	  "will help." },
	{ "no_hub", "Het netwerk heeft nog geen centraal contactpunt ingesteld.",
	  "The network has not set up its central contact point yet." },
	{ "duplicate", "Er bestaat al een record met deze waarde van '%F'.",
	  "A record with this value of '%F' already exists." },
	{ "conflict", "Dit botst met bestaande gegevens.", "This conflicts with existing data." },
	{ "not_found", "Dit bestaat niet (meer).", "This does not exist (any more)." },
	{ "matching_unavailable", "Koppelvoorstellen zijn nu niet beschikbaar.",
	  "Match suggestions are not available right now." },
	{ "no_route", "Deze pagina of dit adres bestaat niet.",
	  "This page or address does not exist." },
	{ "method_not_allowed", "Deze handeling is hier niet mogelijk.",
	  "This method is not allowed here." },
	{ "not_logged_in", "Log eerst in.", "Please log in first." },
	{ "login_failed", "E-mailadres of wachtwoord klopt niet.",
	  "E-mail address or password is wrong." },
	{ "too_many_attempts", "Te veel pogingen. Wacht even en probeer het opnieuw.",
	  "Too many attempts. Wait a moment and try again." },
	{ "forbidden", "Dit account heeft geen toegang tot deze gegevens.",
	  "This account has no access to this data." },
	{ "account_exists", "Deze vrijwilliger heeft al een account ('%F').",
	  "This volunteer already has an account ('%F')." },
	{ "invitation_only",
	  "De nieuwe gebruiker kiest het wachtwoord zelf via de uitnodiging; laat '%F' weg.",
	  "The new user chooses the password through the invitation; leave out '%F'." },
	{ "volunteer_without_email",
	  "Vul eerst het e-mailadres van de vrijwilliger in; daar gaat de uitnodiging heen.",
	  "Fill in the volunteer's e-mail address first; the invitation goes there." },
	{ "not_volunteer_email", "Het veld '%F' moet het e-mailadres van de vrijwilliger zijn.",
	  "The field '%F' must be the volunteer's e-mail address." },
	{ "invalid_token", "Deze link is ongeldig, al gebruikt of verlopen.",
	  "This link is invalid, already used or expired." },
	{ "totp_wrong", "Deze code klopt niet. Vul de code in die de app nu toont.",
	  "This code is wrong. Enter the code the app shows now." },
	{ "totp_used", "Deze code is al gebruikt. Wacht op de volgende code in de app.",
	  "This code was used already. Wait for the next code in the app." },
	{ "totp_already_on", "Tweestapsverificatie staat al aan.",
	  "Two-factor sign-in is on already." },
	{ "totp_not_started", "Vraag eerst een nieuwe geheime sleutel aan.",
	  "Ask for a new secret key first." },
	{ "totp_not_on", "Tweestapsverificatie staat niet aan.", "Two-factor sign-in is not on." },
	{ "totp_required",
	  "Het netwerk verplicht tweestapsverificatie; uitzetten kan niet.",
	  "The network requires two-factor sign-in; it cannot be turned off." },
	{ "invalid_challenge", "Deze inlogpoging is verlopen. Log opnieuw in.",
	  "This sign-in attempt has expired. Please log in again." },
	{ "wrong_password", "Het huidige wachtwoord klopt niet.",
	  "The current password is wrong." },
	{ "own_account", "U kunt uw eigen account niet (de)activeren.",
	  "You cannot (de)activate your own account." },
	{ "staff_only", "Het veld '%F' wordt alleen door de organisatie ingevuld.",
	  "The field '%F' is filled in by the organisation only." },
	{ "no_signups",
	  "Bij deze organisatie kun je je niet als vrijwilliger aanmelden. Kies een andere "
	  "organisatie.",
	  "You cannot sign up as a volunteer with this organisation. Choose another organisation." },
	{ "other_organisation", "Het veld '%F' hoort bij een andere organisatie.",
	  "The field '%F' belongs to another organisation." },
	{ "not_your_location",
	  "Dit kan alleen voor oproepen van uw eigen locatie(s). Kies een van uw locaties ('%F').",
	  "This is only possible for calls of your own location(s). Choose one of yours ('%F')." },
	{ "not_a_professional", "Alleen een medewerker (zorgprofessional) werkt op een locatie ('%F').",
	  "Only care professionals work at a location ('%F')." },
	{ "inactive",
	  "Het veld '%F' verwijst naar iets dat is uitgezet en niet meer gekozen kan worden.",
	  "The field '%F' refers to something that was switched off and can no longer be chosen." },
	{ "consent_required",
	  "Hiervoor is eerst uitdrukkelijke toestemming van de vrijwilliger nodig ('%F').",
	  "This needs the volunteer's explicit consent first ('%F')." },
	{ "unknown_version", "Deze versie van de toestemmingstekst kennen we niet ('%F').",
	  "This version of the consent text is unknown ('%F')." },
	{ "csrf", "De beveiligingscode ontbreekt of klopt niet. Laad de pagina opnieuw.",
	  "The security token is missing or wrong. Reload the page." },
	{ "unsupported_media_type", "Stuur de invoer als application/json.",
	  "Send the input as application/json." },
	{ "busy", "Het is even te druk. Probeer het zo opnieuw.", "Too busy. Try again shortly." },
	{ "db_open", "De database kan niet worden geopend.", "The database cannot be opened." },
	{ "schema_too_new", "De database is nieuwer dan dit programma.",
	  "The database is newer than this program." },
	{ "data_dir", "De gegevensmap kan niet worden aangemaakt.",
	  "The data directory cannot be created." },
	{ "invalid_address", "Het adres in '%F' is geen geldig IPv4-adres.",
	  "The address in '%F' is not a valid IPv4 address." },
	{ "listen_failed", "De server kan niet luisteren op dit adres en deze poort.",
	  "The server cannot listen on this address and port." },
	{ "not_empty", "De doeldatabase bevat al gegevens; kopieer alleen naar een lege database.",
	  "The target database already holds data; copy only into an empty database." },
	{ "not_sqlite", "De bron moet een SQLite-bestand zijn.", "The source must be a SQLite file." },
	{ "copy_mismatch", "De kopie wijkt af van de bron (zie de tabel hierboven).",
	  "The copy differs from the source (see the table above)." },
	{ "copy_cycle", "De tabellen verwijzen in een kring naar elkaar; kopiëren kan niet.",
	  "The tables refer to each other in a cycle; they cannot be copied." },
	{ "too_many_tables", "De database heeft meer dan %L tabellen.",
	  "The database has more than %L tables." },
	{ "too_many_columns", "Een tabel heeft meer dan %L kolommen.",
	  "A table has more than %L columns." },
	{ "demo_not_empty",
	  "De database bevat al organisaties. Het demonetwerk vult alleen een nieuwe, lege "
	  "database: kies een andere map met --data.",
	  "The database already holds organisations. The demo network only fills a new, empty "
	  "database: choose another directory with --data." },
	{ "day_over_24h", "Met '%F' komt deze dag boven 24 uur (nog %L minuten over).",
	  "With '%F' the day would have more than 24 hours (%L minutes left)." },
	{ "hours_locked", "Deze uren zijn al goedgekeurd en kunnen niet meer veranderen.",
	  "These hours have been approved and can no longer change." },
	{ "already_corrected", "Deze uren zijn al gecorrigeerd; pas de nieuwste versie aan.",
	  "These hours were corrected already; change the newest version." },
	{ "cap_per_hour", "Dit komt boven de vrijwilligersvergoeding per uur (21 jaar en ouder) "
	  "voor de gewerkte uren van deze maand; er is nog %E over.",
	  "This exceeds the volunteer allowance per hour (age 21 and over) for the hours "
	  "worked this month; %E is left." },
	{ "cap_per_hour_young", "Dit komt boven de vrijwilligersvergoeding per uur (jonger dan 21) "
	  "voor de gewerkte uren van deze maand; er is nog %E over.",
	  "This exceeds the volunteer allowance per hour (under 21) for the hours worked this "
	  "month; %E is left." },
	{ "cap_per_month", "Dit komt boven het maximum van de vrijwilligersvergoeding per maand; "
	  "er is deze maand nog %E over.",
	  "This exceeds the monthly maximum of the volunteer allowance; %E is left this month." },
	{ "cap_per_year", "Dit komt boven het maximum van de vrijwilligersvergoeding per jaar; "
	  "er is dit jaar nog %E over.",
	  "This exceeds the yearly maximum of the volunteer allowance; %E is left this year." },
	{ "no_allowance_caps", "Er zijn geen maxima van de vrijwilligersvergoeding voor het jaar "
	  "in '%F'.", "There are no allowance caps for the year in '%F'." },
	{ "no_rate", "De organisatie heeft geen vergoeding per kilometer voor dit vervoer ('%F').",
	  "The organisation has no rate per kilometre for this travel mode ('%F')." },
	{ "receipt_type", "Het bonnetje is geen JPEG-, PNG- of PDF-bestand.",
	  "The receipt is not a JPEG, PNG or PDF file." },
	{ "receipt_too_large", "Het bonnetje is te groot (maximaal %L bytes).",
	  "The receipt is too large (at most %L bytes)." },
	{ "no_receipt", "Bij deze declaratie hoort geen bonnetje.",
	  "This claim has no receipt." },
	{ "receipt_locked", "Het bonnetje kan alleen bij een ingediende declaratie veranderen.",
	  "The receipt can only change while the claim is submitted." },
	{ "claim_transition", "Deze stap is niet mogelijk vanuit de huidige status van de declaratie.",
	  "This step is not possible from the claim's current status." },
	{ "reason_required", "Geef bij afwijzen een reden op ('%F').",
	  "Give a reason when rejecting ('%F')." },
	{ "date_in_future", "De datum in '%F' ligt in de toekomst.",
	  "The date in '%F' is in the future." },
	{ "allowance_not_chosen", "Deze vrijwilliger krijgt bij deze organisatie de werkelijke "
	  "kosten vergoed, geen vaste vrijwilligersvergoeding ('%F').",
	  "This volunteer is reimbursed actual costs at this organisation, not the fixed volunteer "
	  "allowance ('%F')." },
	{ "costs_with_allowance", "Deze vrijwilliger krijgt bij deze organisatie een vaste "
	  "vrijwilligersvergoeding; werkelijke kosten worden daarnaast niet vergoed ('%F').",
	  "This volunteer gets the fixed volunteer allowance at this organisation; actual costs "
	  "are not reimbursed on top ('%F')." },
	{ "invalid_iban", "Het IBAN in '%F' klopt niet: controleer de letters en cijfers.",
	  "The IBAN in '%F' is not valid: check its letters and digits." },
	{ "invalid_bic", "De BIC in '%F' moet 8 of 11 letters en cijfers zijn.",
	  "The BIC in '%F' must be 8 or 11 letters and digits." },
	{ "organisation_iban_missing", "Vul eerst het IBAN in waarvan de organisatie betaalt "
	  "('%F').", "First fill in the IBAN the organisation pays from ('%F')." },
	{ "nothing_to_pay", "Er is in deze periode niets uit te betalen aan iemand met een IBAN "
	  "('%F').", "There is nothing to pay in this period to anyone with an IBAN ('%F')." },
	{ "payments_changed", "Er is intussen iets veranderd: wat openstaat is nu %E. Maak de "
	  "export opnieuw en meld dan uitbetaald ('%F').", "Something changed meanwhile: what is "
	  "open is now %E. Export again, then mark as paid ('%F')." },
	{ "before_from", "De datum in '%F' ligt voor de begindatum.",
	  "The date in '%F' lies before the start date." },
	{ "date_before_current_step",
	  "De datum in '%F' ligt voor de huidige stap van de vrijwilligersreis.",
	  "The date in '%F' lies before the journey's current step." },
	{ "invalid_step", "Deze stap in de vrijwilligersreis is niet mogelijk vanuit de huidige stap.",
	  "This journey step is not possible from the current step." },
	{ "journey_exists", "Deze vrijwilliger heeft al een vrijwilligersreis bij deze organisatie.",
	  "This volunteer already has a journey at this organisation." },
	{ "invalid_secret_key",
	  "De geheime sleutel van de server ('%F') moet 64 hexadecimale tekens zijn.",
	  "The server's secret key ('%F') must be 64 hexadecimal characters." },
	{ "status_follows_journey",
	  "De status volgt de vrijwilligersreis: leg de volgende stap vast in de reis.",
	  "The status follows the volunteer journey: record the next step in the journey." },
	{ "journey_not_ready",
	  "Deze vrijwilliger heeft de verplichte stappen (intake, VOG, basistraining) nog niet "
	  "doorlopen.",
	  "This volunteer has not yet completed the required steps (intake, certificate of "
	  "conduct, basic training)." },
	{ "vog_missing", "Er is geen VOG bekend; dit werk vraagt om een VOG.",
	  "No certificate of conduct (VOG) is on file; this work requires one." },
	{ "vog_expired", "De VOG is ouder dan deze organisatie toestaat.",
	  "The certificate of conduct (VOG) is older than this organisation allows." },
	{ "exit_interview_required", "Leg eerst het exitgesprek vast.",
	  "Record the exit interview first." },
	{ "exit_outcome_mismatch", "Deze stap past niet bij de uitkomst van het exitgesprek.",
	  "This step does not match the outcome of the exit interview." },
	{ "not_in_exit_interview",
	  "Een exitgesprek kan alleen in de stap 'exitgesprek' worden vastgelegd.",
	  "An exit interview can only be recorded in the 'exit interview' step." },
	{ "request_not_needed", "Dit verzoek is niet (meer) nodig in de huidige stap.",
	  "This request is not needed in the current step." },
	{ "invalid_transfer_step",
	  "Deze handeling is niet mogelijk in de huidige status van de doorverwijzing.",
	  "This action is not possible in the transfer's current status." },
	{ "transfer_open", "Er loopt al een doorverwijzing voor deze vrijwilliger.",
	  "A transfer for this volunteer is already in progress." },
	{ "same_organisation", "Kies een andere organisatie dan de huidige.",
	  "Choose an organisation other than the current one." },
	{ "match_not_started", "Nazorg kan pas als de koppeling is gestart.",
	  "Aftercare is only possible once the match has started." },
	{ "aftercare_not_yet", "Nazorg kan pas twee weken nadat de koppeling is gestart.",
	  "Aftercare is only possible two weeks after the match started." },
	{ "duplicate_value", "Een waarde in '%F' komt dubbel voor.", "A value in '%F' occurs twice." },
	{ "too_large", "Het bestand is te groot (maximaal %L bytes).",
	  "The file is too large (at most %L bytes)." },
	{ "empty", "Het bestand is leeg.", "The file is empty." },
	{ "too_many_rows", "Het bestand heeft te veel rijen (maximaal %L).",
	  "The file has too many rows (at most %L)." },
	{ "unclosed_quote", "In %F opent een aanhalingsteken dat niet wordt gesloten.",
	  "In %F a quotation mark opens that is never closed." },
	{ "stray_quote", "In %F staat iets na het sluitende aanhalingsteken.",
	  "In %F something follows the closing quotation mark." },
	{ "formula_cell", "Het veld '%F' bevat een formule; die wordt niet overgenomen.",
	  "The field '%F' holds a formula, which is not imported." },
	{ "duplicate_row", "Deze rij beschrijft hetzelfde als rij %L.",
	  "This row describes the same as row %L." },
	{ "no_match", "De vrijwilliger in deze rij is niet gekoppeld aan de oproep in '%F'.",
	  "The volunteer in this row has no match on the call in '%F'." },
	{ "invalid_hours", "'%F' moet een aantal uren zijn, zoals 2, 2,5 of 2:30.",
	  "'%F' must be a number of hours, such as 2, 2.5 or 2:30." },
	{ "unknown_column", "De kolom '%F' kennen we niet.", "The column '%F' is unknown." },
	{ "duplicate_column", "De kolom voor '%F' komt twee keer voor.",
	  "The column for '%F' occurs twice." },
	{ "stopped", "De import is afgebroken.", "The import was stopped." },
	{ "not_a_workbook",
	  "Dit bestand is geen CSV-bestand of Excel-werkmap (.xlsx) die we kunnen lezen.",
	  "This file is no CSV file or Excel workbook (.xlsx) that can be read." },
	{ "exists", "Het bestand in '%F' bestaat al; kies een nieuwe naam.",
	  "The file in '%F' exists already; choose a new name." },
	{ "backup_failed", "De kopie van de database is mislukt ('%F').",
	  "Copying the database failed ('%F')." },
	{ "not_a_backup", "Het bestand in '%F' is geen complete Knooppunt-database.",
	  "The file in '%F' is not an intact Knooppunt database." },
	{ "internal", "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
	  "Something went wrong on our side. Try again later." },
};

const char *messages_language(const char *accept_language)
{
	if (accept_language == NULL)
		return "nl";
	const char *en = strstr(accept_language, "en"), *nl = strstr(accept_language, "nl");
	return en != NULL && (nl == NULL || en < nl) ? "en" : "nl";
}

int messages_render(const struct kp_error *err, const char *lang, struct buf *out)
{
	const char *tmpl = NULL;
	int en = strcmp(lang, "en") == 0;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (strcmp(texts[i].code, err->code) == 0)
			tmpl = en ? texts[i].en : texts[i].nl;
	if (tmpl == NULL)
		tmpl = en ? "The input was not accepted ('%F')." : "De invoer is niet geaccepteerd ('%F').";
	int rc = 0;
	for (const char *p = tmpl; *p && rc == 0; p++) {
		if (p[0] == '%' && p[1] == 'F') {
			rc = buf_appends(out, err->field);
			p++;
		} else if (p[0] == '%' && p[1] == 'E') {
			rc = en ? buf_printf(out, "\u20ac%lld.%02lld", err->limit / 100, err->limit % 100)
			        : buf_printf(out, "\u20ac %lld,%02lld", err->limit / 100,
			                     err->limit % 100);
			p++;
		} else if (p[0] == '%' && p[1] == 'L') {
			rc = buf_printf(out, "%lld", err->limit);
			p++;
		} else {
			rc = buf_append(out, p, 1);
		}
	}
	if (rc == 0 && err->detail[0] != '\0')
		rc = buf_printf(out, " (%s)", err->detail);
	return rc;
}

const char *messages_title(enum kp_kind kind, const char *lang)
{
	int en = strcmp(lang, "en") == 0;
	switch (kind) {
	case KP_MALFORMED: return en ? "Bad request" : "Ongeldig verzoek";
	case KP_UNAUTHENTICATED: return en ? "Not logged in" : "Niet ingelogd";
	case KP_FORBIDDEN: return en ? "No access" : "Geen toegang";
	case KP_NOT_FOUND: return en ? "Not found" : "Niet gevonden";
	case KP_NO_METHOD: return en ? "Method not allowed" : "Handeling niet toegestaan";
	case KP_CONFLICT: return en ? "Conflict" : "Conflict";
	case KP_UNSUPPORTED: return en ? "Unsupported media type" : "Verkeerd invoerformaat";
	case KP_INVALID: return en ? "Invalid input" : "Ongeldige invoer";
	case KP_LIMITED: return en ? "Too many requests" : "Te veel verzoeken";
	case KP_BUSY: return en ? "Busy" : "Bezet";
	default: return en ? "Error" : "Fout";
	}
}

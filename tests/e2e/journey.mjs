// Browser tests of the volunteer journey, warm transfers, the volunteer's
// own data (audit view, export download), the administrator's audit search
// and erasure, and account creation. run.mjs registers them with its helpers,
// so that one TAP stream comes out.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function register(h) {
	const { test, newPage, login, go, apiIn, expectText, shot, assert, USERS, RUN, PHONE, axe, mailedToken, acceptInvitation } = h;

	// axe on a page in a state the page tours do not reach (a form open, an
	// error shown); serious and critical violations fail the test.
	async function scan(page, where) {
		const bad = await axe(page);
		assert(bad.length === 0, `${where}: ${bad.map((v) => `${v.id} (${v.impact}, ${v.n}× e.g. ${v.target})`).join('; ')}`);
		// Two forms on one page must not share an id: a label would name the wrong field.
		const dup = await page.evaluate(() => {
			const seen = new Set(), twice = new Set();
			document.querySelectorAll('[id]').forEach((el) => (seen.has(el.id) ? twice : seen).add(el.id));
			return [...twice];
		});
		assert(dup.length === 0, `${where}: duplicate ids ${dup.join(', ')}`);
	}

	// A new volunteer signs up (as at /aanmelden) at the organisation named
	// `orgPart`; returns the logged-in page and the volunteer.
	async function signUp(first, orgPart, viewport) {
		const page = await newPage(viewport);
		await go(page, '/aanmelden');
		const orgs = await apiIn(page, 'GET', '/api/organisations?limit=200');
		const org = orgs.body.items.find((o) => o.name.includes(orgPart));
		assert(org, `no organisation named ${orgPart}`);
		const email = `${first.toLowerCase()}.${RUN}.${Math.random().toString(36).slice(2, 7)}@example.nl`;
		const res = await apiIn(page, 'POST', '/api/signup', {
			email, password: 'vrijwilliger-1234', first_name: first, last_name: `Jansen ${RUN}`, place: 'Dordrecht',
			organisation_id: org.id,
		});
		assert(res.status === 201, `sign-up: ${res.status} ${JSON.stringify(res.body)}`);
		return { page, id: res.body.volunteer_id, email, org, name: `${first} Jansen ${RUN}` };
	}

	async function record(page, step, label, extra = async () => {}) {
		await page.selectOption('#j-step', step);
		await extra();
		await page.click('button:has-text("Stap vastleggen")');
		await expectText(page, '.journey-now .badge', label);
	}

	test('a new volunteer\'s first "Ik wil dit doen" reaches the coordinator; whoever did not propose says yes', async () => {
		const vol = await signUp('Fenna', 'Zonnebloem', PHONE);
		const coord = await newPage();
		await login(coord, USERS.coordinator);
		const newCall = async (title) => {
			const r = await apiIn(coord, 'POST', '/api/calls', { title, activity: 'wandelen', place: 'Dordrecht',
				dayparts: ['mon-morning'], volunteers_needed: 1, organisation_id: vol.org.id });
			assert(r.status === 201, `posting a call: ${r.status} ${JSON.stringify(r.body)}`);
			return r.body.id;
		};
		const first = await newCall(`Wandelen met Sjaak ${RUN}`);
		// Still waiting for her intake, she responds; that is interest, not an error.
		await go(vol.page, `/oproepen/${first}`);
		await vol.page.click('button:has-text("Ik wil dit doen")');
		await expectText(vol.page, '.respond .badge', 'Je hebt gereageerd');
		// The coordinator finds her among the proposals waiting, as a response.
		await go(coord, '/');
		await expectText(coord, '#h-prop ~ ul', vol.name);
		await expectText(coord, '#h-prop ~ ul', 'Heeft gereageerd');
		await coord.click(`#h-prop ~ ul a:has-text("${vol.name}")`);
		await coord.click('button:has-text("Reactie aannemen")');
		await expectText(coord, '.match-actions [role=alert]', 'niet actief');
		const made = await apiIn(coord, 'PATCH', `/api/volunteers/${vol.id}`, { status: 'active' });
		assert(made.status === 200, `activating: ${made.status}`);
		await coord.click('button:has-text("Reactie aannemen")');
		await expectText(coord, 'main .badge', 'Akkoord');
		await scan(coord, 'a match accepted from the volunteer\'s own response');
		// A coordinator's proposal: she says yes herself.
		const more = await apiIn(vol.page, 'PATCH', `/api/volunteers/${vol.id}`, { max_matches: 2 });
		assert(more.status === 200, `raising her own limit: ${more.status} ${JSON.stringify(more.body)}`);
		const second = await newCall(`Voorlezen bij Riek ${RUN}`);
		const prop = await apiIn(coord, 'POST', '/api/matches', { call_id: second, volunteer_id: vol.id });
		assert(prop.status === 201, `proposing: ${prop.status} ${JSON.stringify(prop.body)}`);
		await go(vol.page, '/mijn-koppelingen');
		const row = vol.page.locator('.match-row', { hasText: `Voorlezen bij Riek ${RUN}` });
		await row.locator('button:has-text("Ja, ik doe mee")').click();
		await row.locator('.badge', { hasText: 'Akkoord' }).waitFor();
		await shot(vol.page, 'mijn-koppelingen-ja');
		await vol.page.context().close();
		await coord.context().close();
	});

	test('journey: a coordinator records intake → VOG → training → first deployment → active → exit interview; the volunteer reads it in plain words', async () => {
		const vol = await signUp('Fatima', 'Zonnebloem', PHONE);
		const page = await newPage();
		await login(page, USERS.coordinator);
		await go(page, `/vrijwilligers/${vol.id}`);
		await expectText(page, '#reis', 'nog geen vrijwilligersreis');
		assert(await page.$('.actionbar button'), 'no status buttons before the journey starts');
		await page.click('#reis button:has-text("Vrijwilligersreis starten")');
		await expectText(page, '.journey-now .badge', 'Aanmelding');
		await page.waitForSelector('.actionbar', { state: 'detached' });
		// The intake appointment: planned with day, time and place; the volunteer gets a mail.
		await page.fill('#i-time', '10:30');
		await page.fill('#i-place', 'Buurthuis De Brug');
		await page.click('button:has-text("Intakegesprek plannen")');
		await expectText(page, '.journey .note', 'Intakegesprek gepland op');
		await expectText(page, '.journey .note', 'Buurthuis De Brug');
		await scan(page, 'intake planned');

		await record(page, 'intake', 'intakegesprek', () => page.fill('#j-notes', 'Wil graag wandelen met ouderen.'));
		await record(page, 'vog_requested', 'VOG aangevraagd');
		// Keyboard: the form is replaced after a step; focus lands on the new current step.
		await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('journey-now'));
		// VOG received without its date: the server's message stands next to the date field.
		await page.selectOption('#j-step', 'vog_received');
		await page.click('button:has-text("Stap vastleggen")');
		await expectText(page, '#j-vog_date-error', 'VOG');
		assert((await page.getAttribute('#j-vog_date', 'aria-invalid')) === 'true', 'VOG date not marked invalid');
		await scan(page, 'step form with an error');
		await record(page, 'vog_received', 'VOG ontvangen', () => page.fill('#j-vog_date', new Date().toISOString().slice(0, 10)));
		await expectText(page, '.checklist .check-open', 'Basistraining');
		await record(page, 'basic_training', 'Basistraining');
		// Through the required steps: matchable, and the status says so by itself.
		await expectText(page, '.checklist', 'kan gekoppeld worden');
		await expectText(page, 'main .badge-volunteer-active', 'Actief');
		await record(page, 'first_deployment', 'Eerste inzet');
		await record(page, 'active', 'Actief');
		// The exit interview is no step of its own in the list: its form takes the step.
		assert(!(await page.$('#j-step option[value=exit_interview]')), 'the exit interview is offered as a step too');
		await page.click('button:has-text("het exitgesprek")');
		await shot(page, 'reis-exitgesprek');

		// The exit interview: a reason is required, named next to its field.
		await page.click('button:has-text("Exitgesprek vastleggen")');
		await expectText(page, '#x-reason-error', 'reden');
		await scan(page, 'exit interview form with an error');
		await page.selectOption('#x-reason', 'time');
		await page.focus('#x-outcome');
		await page.keyboard.press('End'); /* the last outcome: stops */
		await page.fill('#x-notes', 'Gaat mantelzorg geven; wil later misschien terugkomen.');
		await page.click('button:has-text("Exitgesprek vastleggen")');
		await expectText(page, '.journey-now .badge', 'Gestopt');
		await expectText(page, '.journey-history', 'Kennismakings- of intakegesprek');
		await expectText(page, '#reis .rows', 'Te weinig tijd');
		const j = await apiIn(page, 'GET', `/api/volunteers/${vol.id}/journeys`);
		const steps = j.body.items[0].steps.map((s) => s.step);
		assert(JSON.stringify(steps) === JSON.stringify(['signed_up', 'intake', 'vog_requested', 'vog_received', 'basic_training',
			'first_deployment', 'active', 'exit_interview', 'stopped']), `steps stored: ${steps.join(', ')}`);
		assert(j.body.items[0].exit_interviews[0].outcome === 'stops', 'exit outcome not stored');
		await shot(page, 'reis-coordinator');
		await page.context().close();

		await go(vol.page, '/mijn-reis');
		await expectText(vol.page, '.journey-now .badge', 'Gestopt');
		await expectText(vol.page, '.journey', 'Bedankt voor alles wat je hebt gedaan');
		await vol.page.click('summary:has-text("Alle stappen")');
		await expectText(vol.page, '.journey-history', 'Wil graag wandelen met ouderen.');
		await shot(vol.page, 'mijn-reis');
		await vol.page.context().close();
		return `${steps.length} steps`;
	});

	test('transfer: coordinator A hands a volunteer to organisation B, the volunteer agrees, coordinator B accepts, the volunteer sees it', async () => {
		const vol = await signUp('Kees', 'Zonnebloem', PHONE);
		const a = await newPage();
		await login(a, USERS.coordinator);
		await go(a, `/vrijwilligers/${vol.id}`);
		await a.click('button:has-text("Doorverwijzen naar een andere organisatie")');
		// No organisation chosen: the message names the field.
		await a.click('button:has-text("Vraag aan de vrijwilliger sturen")');
		await a.waitForSelector('#tr-to_organisation_id-error');
		const orgB = await a.$$eval('#tr-to_organisation_id option', (os) => os.find((o) => o.textContent.includes('Zorggroep')).value);
		await a.selectOption('#tr-to_organisation_id', orgB);
		await a.fill('#tr-message', 'Kees zoekt werk met mensen met dementie; dat hebben wij niet.');
		await shot(a, 'doorverwijzen-start');
		await scan(a, 'transfer start form');
		await a.click('button:has-text("Vraag aan de vrijwilliger sturen")');
		await a.waitForURL(/\/doorverwijzingen\/\d+$/);
		const transferId = Number(a.url().split('/').pop());
		await expectText(a, 'main', 'Wacht op toestemming');
		await a.context().close();

		// The volunteer chooses what is shared.
		await go(vol.page, '/mijn-reis');
		await expectText(vol.page, '.transfer-me', 'wil je in contact brengen');
		await vol.page.uncheck('input[name=shared_parts][value=availability]');
		await vol.page.check('input[name=shared_parts][value=motivation]');
		await shot(vol.page, 'mijn-reis-toestemming');
		await scan(vol.page, 'transfer consent at 375 px');
		await vol.page.click('button:has-text("Ja, deel deze gegevens")');
		await expectText(vol.page, '.transfer-me .badge', 'Aangeboden');

		// Coordinator B finds it among the tasks and in the incoming list.
		const b = await newPage();
		await login(b, USERS.otherCoordinator);
		const tasks = await apiIn(b, 'GET', '/api/tasks?limit=200');
		assert(tasks.body.items.some((k) => k.kind === 'transfer_offered' && k.transfer_id === transferId), 'no task for the offered transfer');
		await go(b, '/doorverwijzingen');
		await b.click(`#h-tr-incoming + ul a[href="/doorverwijzingen/${transferId}"]`);
		await b.waitForURL(new RegExp(`/doorverwijzingen/${transferId}$`));
		await expectText(b, 'main dl', vol.email);
		const shared = await b.textContent('main dl');
		assert(!shared.includes('Beschikbaarheid'), 'availability shown although the volunteer did not share it');
		// Declining needs a note, named next to the field.
		await b.click('button:has-text("Afwijzen")');
		await b.waitForSelector('#f-note-error');
		await b.fill('#f-note', 'Welkom! Wij bellen Kees deze week.');
		await shot(b, 'doorverwijzing-ontvangen');
		await scan(b, 'accept or decline with an error');
		await b.click('button:has-text("Accepteren")');
		await expectText(b, 'main .intro', 'Geaccepteerd');
		await go(b, '/doorverwijzingen');
		await expectText(b, '#h-tr-incoming + ul', vol.name);
		await shot(b, 'doorverwijzingen');
		const v = await apiIn(b, 'GET', `/api/volunteers/${vol.id}`);
		assert(v.status === 200 && String(v.body.organisation_id) === orgB, `volunteer not moved to B: ${v.status} ${v.body && v.body.organisation_id}`);
		await b.context().close();

		await go(vol.page, '/mijn-reis');
		await expectText(vol.page, '.transfer-me .badge', 'Geaccepteerd');
		await expectText(vol.page, '.transfer-me', 'heeft je verwelkomd');
		await expectText(vol.page, '.transfer-me', 'Wij bellen Kees');
		await vol.page.context().close();
		h.state.transfer = transferId;
	});

	test('privacy: the volunteer sees who viewed their data and downloads everything as a JSON file', async () => {
		const vol = await signUp('Ilse', 'Zonnebloem', PHONE);
		const c = await newPage();
		await login(c, USERS.coordinator);
		const coordName = (await apiIn(c, 'GET', '/api/session')).body.display_name;
		await go(vol.page, '/mijn-gegevens');
		await vol.page.waitForSelector('#h-audit ~ .empty, #h-audit ~ .audit');
		assert(!(await vol.page.textContent('main')).includes(coordName), 'a view is listed before the coordinator looked');
		await go(c, `/vrijwilligers/${vol.id}`);
		await c.context().close();

		await go(vol.page, '/mijn-gegevens');
		await expectText(vol.page, '.audit', coordName);
		await expectText(vol.page, '.audit', 'heeft het profiel bekeken');
		await shot(vol.page, 'mijn-gegevens');
		const [download] = await Promise.all([
			vol.page.waitForEvent('download'),
			vol.page.click('a:has-text("Mijn gegevens downloaden")'),
		]);
		assert(/^knooppunt-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/.test(download.suggestedFilename()), `file name ${download.suggestedFilename()}`);
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-export-')), 'export.json');
		await download.saveAs(file);
		const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
		fs.rmSync(path.dirname(file), { recursive: true, force: true });
		assert(doc.volunteer && doc.volunteer.id === vol.id, 'export is not about this volunteer');
		assert(doc.volunteer.email === vol.email, 'export lacks the e-mail address');
		assert(doc.audit.some((e) => e.action === 'view' && e.actor_name === coordName), "export lacks the coordinator's view");
		await vol.page.context().close();
		return `${doc.audit.length} audit entries in the export`;
	});

	test('the network administrator searches the audit log and erases a person after a clear confirmation', async () => {
		const vol = await signUp('Bram', 'Zonnebloem');
		await vol.page.context().close();
		const page = await newPage();
		await login(page, USERS.admin);
		await go(page, `/vrijwilligers/${vol.id}`); /* a view, logged */
		await go(page, '/auditlog');
		await page.fill('#f-volunteer_id', String(vol.id));
		await page.selectOption('#f-action', 'view');
		await page.click('form[role=search] button[type=submit]');
		await page.waitForURL(/volunteer_id=/);
		await expectText(page, '.count', 'regel');
		await expectText(page, '.audit', 'heeft het profiel bekeken');
		await shot(page, 'auditlog');

		await go(page, `/vrijwilligers/${vol.id}`);
		await page.click('button:has-text("Gegevens wissen…")');
		await expectText(page, '.confirm', vol.name);
		await page.fill('#er-reason', 'Verzoek van de vrijwilliger per e-mail.');
		await page.click('button:has-text("Definitief wissen")');
		await expectText(page, '#er-sure-error', 'ongedaan');
		let still = await apiIn(page, 'GET', `/api/volunteers/${vol.id}`);
		assert(still.body.email === vol.email, 'erased without the confirmation');
		await shot(page, 'wissen-bevestigen');
		await scan(page, 'erasure confirmation with an error');
		await page.check('#er-sure');
		await page.click('button:has-text("Definitief wissen")');
		await expectText(page, '.notice', 'gewist');
		still = await apiIn(page, 'GET', `/api/volunteers/${vol.id}`);
		const text = JSON.stringify(still.body || {});
		assert(!text.includes(vol.email) && !text.includes(`Jansen ${RUN}`), `personal data left after erasure: ${still.status}`);
		await go(page, `/auditlog?volunteer_id=${vol.id}&action=erase`);
		await expectText(page, '.audit', 'Verzoek van de vrijwilliger');
		await page.context().close();
	});

	test('a coordinator invites a colleague (a bad address is named next to its field) and a volunteer; both choose their own password and log in', async () => {
		const page = await newPage();
		await login(page, USERS.coordinator);
		await go(page, '/gebruikers');
		const email = `collega.${RUN}@zonnebloem.demo`;
		assert(!(await page.$('#f-password')), 'staff can still choose a colleague\'s password');
		await page.fill('#f-display_name', 'Henk Collega');
		await page.fill('#f-email', 'henk@');
		await page.selectOption('#f-role', 'coordinator');
		await page.click('button:has-text("Gebruiker aanmaken")');
		await page.waitForSelector('#f-email-error');
		assert(!/invalid_email|"status"/.test(await page.textContent('main')), 'raw code shown');
		await scan(page, 'account form with an error');
		await page.fill('#f-email', email);
		await page.click('button:has-text("Gebruiker aanmaken")');
		await expectText(page, '.notice', email);
		await expectText(page, '.list', 'Henk Collega');
		await shot(page, 'gebruikers');
		await page.context().close();
		const other = await newPage();
		await go(other, `/uitnodiging?token=${mailedToken(email, '/uitnodiging')}`);
		await other.fill('#f-password', 'een-goed-wachtwoord');
		await other.fill('#f-again', 'een-goed-wachtwoord');
		await other.click('form button[type=submit]');
		await other.waitForSelector('nav.mainnav');
		await other.context().close();
		const again = await newPage();
		await login(again, email, 'een-goed-wachtwoord');
		await expectText(again, 'header .who', 'Henk Collega');
		await again.context().close();

		// Two-factor sign-in: the new coordinator scans a QR code and confirms a code.
		const co = await newPage(PHONE);
		await login(co, email, 'een-goed-wachtwoord');
		await go(co, '/tweestapsverificatie');
		await co.click('button:has-text("Aanzetten")');
		await co.waitForSelector('svg.qr path');
		await scan(co, 'two-factor sign-in with its QR code');
		await shot(co, 'tweestapsverificatie');
		const secret = (await co.textContent('.totp-secret code')).trim();
		const code = execFileSync('oathtool', ['--totp', '-b', secret], { encoding: 'utf8' }).trim();
		await co.fill('#f-code', code);
		await co.click('form button[type=submit]');
		await expectText(co, '.card', 'staat aan');
		await co.context().close();

		// A volunteer who came in by phone gets a login from their page.
		const page2 = await newPage(PHONE);
		await login(page2, USERS.coordinator);
		const me = (await apiIn(page2, 'GET', '/api/session')).body;
		const list = await apiIn(page2, 'GET', `/api/volunteers?status=active&organisation_id=${me.organisation_id}&limit=50`);
		const accounts = await apiIn(page2, 'GET', '/api/accounts?limit=200');
		const v = list.body.items.find((x) => x.organisation_id === me.organisation_id && x.email && !accounts.body.items.some((a) => a.volunteer_id === x.id));
		assert(v, 'no volunteer without a login in the demo data');
		await go(page2, `/vrijwilligers/${v.id}`);
		await expectText(page2, '#h-login ~ p', 'nog geen inlogaccount');
		await page2.click('button:has-text("Inlogaccount aanmaken")');
		await page2.click('button:has-text("Training toevoegen")');
		await page2.click('button:has-text("Doorverwijzen naar een andere organisatie")');
		await scan(page2, 'volunteer page with the login, training and transfer forms open');
		// The login is an invitation to the address on the record; the volunteer
		// chooses the password through the mailed link.
		const vEmail = v.email;
		await page2.click('button:has-text("Gebruiker aanmaken")');
		await expectText(page2, '#h-login ~ p', vEmail);
		await page2.context().close();
		const vp = await acceptInvitation(vEmail, 'mijn-eigen-wachtwoord');
		await go(vp, '/mijn-profiel');
		assert((await vp.inputValue('#f-first_name')) === v.first_name, 'the new login does not open the volunteer\'s own profile');
		await vp.context().close();
	});
	test('appreciation: a volunteer adds a training and rates EVC-A competences; the coordinator sees both', async () => {
		const vol = await signUp('Joke', 'Zonnebloem', PHONE);
		await go(vol.page, '/mijn-reis');
		await vol.page.click('button:has-text("Training toevoegen")');
		await vol.page.click('form button:has-text("Toevoegen")');
		await vol.page.waitForSelector('#t-title-error');
		await vol.page.fill('#t-title', 'Omgaan met dementie (online)');
		await vol.page.fill('#t-certificate', 'CERT-2026-118');
		await vol.page.click('form button:has-text("Toevoegen")');
		await expectText(vol.page, '#h-my-trainings ~ div .rows', 'Omgaan met dementie (online)');
		await vol.page.selectOption('#f-level-reliability', '4');
		await vol.page.fill('#f-evidence-reliability', 'Al drie jaar elke week op tijd.');
		await vol.page.selectOption('#f-level-cooperating', '3');
		await vol.page.click('button:has-text("Opslaan")');
		await expectText(vol.page, '.competences .notice', 'Opgeslagen');
		await scan(vol.page, 'appreciation forms at 375 px');
		await vol.page.context().close();

		const c = await newPage();
		await login(c, USERS.coordinator);
		await go(c, `/vrijwilligers/${vol.id}`);
		await expectText(c, '#h-trainings ~ div .rows', 'CERT-2026-118');
		await expectText(c, '#h-competences ~ dl', 'Kan ik anderen leren');
		await expectText(c, '#h-competences ~ dl', 'Al drie jaar elke week op tijd.');
		const r = await apiIn(c, 'PUT', `/api/volunteers/${vol.id}/competences`, { ratings: [] });
		assert(r.status === 403, `a coordinator may overwrite the self-assessment: ${r.status}`);
		await c.context().close();
	});
	test("the network administrator sets an organisation's journey rules; a value out of range is named next to its field", async () => {
		const page = await newPage(PHONE);
		await login(page, USERS.admin);
		const orgs = await apiIn(page, 'GET', '/api/organisations?limit=200');
		const org = orgs.body.items.find((o) => o.name.includes('Zorggroep'));
		const before = (await apiIn(page, 'GET', `/api/organisations/${org.id}/journey-settings`)).body;
		await go(page, `/organisaties/${org.id}`);
		await page.fill('#js-intake_days', '0');
		await page.click('button:has-text("Instellingen opslaan")');
		await page.waitForSelector('#js-intake_days-error');
		assert((await page.getAttribute('#js-intake_days', 'aria-invalid')) === 'true', 'intake days not marked invalid');
		await scan(page, 'journey settings with an error');
		await page.fill('#js-intake_days', '21');
		await page.click('button:has-text("Instellingen opslaan")');
		await expectText(page, '#h-journey-settings ~ form .notice', 'opgeslagen');
		const after = (await apiIn(page, 'GET', `/api/organisations/${org.id}/journey-settings`)).body;
		assert(after.intake_days === 21 && after.requires_vog === before.requires_vog, `stored: ${JSON.stringify(after)}`);
		await shot(page, 'reis-instellingen');
		await apiIn(page, 'PUT', `/api/organisations/${org.id}/journey-settings`, { intake_days: before.intake_days });
		await page.context().close();
	});
}

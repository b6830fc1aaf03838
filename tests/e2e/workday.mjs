// Whole working days per role, through the UI only: after the login page (or
// a link from a mail) every step is a click in the menu or on the page, never
// a typed address. Every page visited is scanned with axe (no serious or
// critical finding) and photographed at phone and desktop width into
// test-output/screenshots/workday-<role>-<page>-<width>.png.

export function register(h) {
	const { test, newPage, login, go, expectText, shot, assert, axe, USERS, RUN, PHONE, DESKTOP, acceptInvitation, setClock } = h;

	// axe and both widths for the page as it stands.
	async function look(page, name) {
		await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 10000 });
		const bad = await axe(page);
		assert(bad.length === 0, `${name}: ${bad.map((v) => `${v.id} (${v.impact}, ${v.n}× e.g. ${v.target})`).join('; ')}`);
		const was = page.viewportSize();
		for (const size of [PHONE, DESKTOP]) {
			await page.setViewportSize(size);
			await shot(page, `workday-${name}`);
		}
		await page.setViewportSize(was);
	}

	// Follows a link of the main menu, as a user would.
	async function menu(page, href) {
		await page.click(`nav.mainnav a[href="${href}"]`);
		await page.waitForSelector('main h1');
		await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 10000 });
	}

	test('workday of the care professional: the coordinator sets up locations, she sees and posts the calls of hers', async () => {
		const here = `Kastanjehof-${RUN}`;
		const there = `Rivierhuis-${RUN}`;
		const proName = `Fatima Ouali ${RUN}`;
		const proEmail = `fatima-${RUN}@zorggroep.test`;

		// The coordinator invites a new colleague from "Gebruikers".
		const coord = await newPage();
		await login(coord, USERS.otherCoordinator);
		await menu(coord, '/gebruikers');
		await coord.fill('#f-display_name', proName);
		await coord.fill('#f-email', proEmail);
		await coord.selectOption('#f-role', 'professional');
		await coord.click('form button:has-text("Gebruiker aanmaken")');
		await expectText(coord, '.notice', proEmail);

		// "Locaties": two new locations; she works at one of them.
		await menu(coord, '/locaties');
		await expectText(coord, 'main h1', 'Locaties');
		for (const [name, place] of [[here, 'Dordrecht'], [there, 'Zwijndrecht']]) {
			await coord.fill('#new-name', name);
			await coord.fill('#new-address', 'Dokweg 12');
			await coord.fill('#new-place', place);
			await coord.click('aside form button[type=submit]');
			await expectText(coord, 'aside .notice', `${name} is toegevoegd`);
		}
		await expectText(coord, 'main .list .li-title', here);
		// An unknown town is refused at the field, and nothing is added.
		await coord.fill('#new-name', `Nergens-${RUN}`);
		await coord.fill('#new-place', 'Atlantis');
		await coord.click('aside form button[type=submit]');
		await coord.waitForSelector('#new-place[aria-invalid="true"]');
		await coord.fill('#new-name', '');
		await coord.fill('#new-place', '');
		const assign = coord.locator('form.assignment', { hasText: `${proName} werkt op` });
		await assign.locator(`label:has-text("${here}") input`).check();
		await assign.locator('button[type=submit]').click();
		await expectText(coord, 'form.assignment .notice', `${proName} ziet nu de oproepen van deze locaties`);
		// The other location closes: she asks first; the name stays on old calls.
		await coord.getByRole('button', { name: `${there} uitzetten` }).click();
		await expectText(coord, '.confirm', `Wilt u ${there} uitzetten?`);
		await look(coord, 'coordinator-locaties');
		await coord.click('.confirm button:has-text("Ja, uitzetten")');
		await coord.locator('.list-item', { hasText: there }).locator('.badge', { hasText: 'Uitgezet' }).waitFor();

		// A call for the whole organisation, posted by the coordinator: no location.
		await menu(coord, '/oproepen');
		await coord.click('main a.btn:has-text("Oproep plaatsen")');
		await coord.waitForSelector('#f-location_id');
		const choices = await coord.$$eval('#f-location_id option', (os) => os.map((o) => o.textContent));
		assert(choices.some((c) => c.includes(here)), `the picker lacks ${here}: ${choices}`);
		assert(!choices.some((c) => c.includes(there)), `a switched-off location is offered anew: ${choices}`);
		const orgWide = `Boodschappen voor de hele organisatie ${RUN}`;
		await coord.fill('#f-title', orgWide);
		await coord.selectOption('#f-activity', { index: 1 });
		await coord.fill('#f-place', 'Dordrecht');
		await coord.check('input[name=schedule][value=recurring]');
		await coord.click('label:has(input[data-slot="thu-morning"])');
		await coord.click('form.form button[type=submit]:has-text("Oproep plaatsen")');
		await expectText(coord, '.notice', 'geplaatst');
		await coord.context().close();

		// She accepts the invitation from her mail and lands on "Mijn locatie".
		const pro = await acceptInvitation(proEmail, 'locatie-werk-2026');
		await pro.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 10000 });
		await expectText(pro, 'main h1', 'Mijn locatie');
		await expectText(pro, '#where-i-work', here);
		await expectText(pro, 'main h2', 'Oproepen van uw locatie(s)');
		assert(!(await pro.textContent('main')).includes(orgWide), 'she sees a call of the whole organisation under "Mijn locatie"');
		await look(pro, 'medewerker-mijn-locatie');

		// She posts a call: her location is chosen for her.
		await menu(pro, '/oproepen/nieuw');
		await pro.waitForSelector('#f-location_id');
		const picked = await pro.$eval('#f-location_id', (s) => s.options[s.selectedIndex].textContent);
		assert(picked.includes(here), `the picker starts at ${picked}, not at her location`);
		const own = `Voorlezen in ${here}`;
		await pro.check('input[name=source][value=location]');
		await pro.fill('#f-title', own);
		await pro.selectOption('#f-activity', { index: 1 });
		await pro.fill('#f-place', 'Dordrecht');
		await pro.check('input[name=schedule][value=recurring]');
		await pro.click('label:has(input[data-slot="tue-afternoon"])');
		await look(pro, 'medewerker-oproep-plaatsen');
		await pro.click('form.form button[type=submit]:has-text("Oproep plaatsen")');
		await expectText(pro, '.notice', 'geplaatst');
		await expectText(pro, 'main dl', here);
		await look(pro, 'medewerker-oproep');

		// Back home: her call is there, the organisation's is not.
		await menu(pro, '/');
		await expectText(pro, 'main', own);
		assert(!(await pro.textContent('main')).includes(orgWide), 'the organisation-wide call shows on her home');
		await pro.context().close();

		// A volunteer finds the call in the list and reads where it is.
		const vol = await newPage();
		await login(vol, USERS.volunteer);
		await vol.click('main a[href="/oproepen"]');
		await vol.waitForSelector('#f-q');
		await vol.fill('#f-q', own);
		await vol.click('form.filters button[type=submit]');
		const row = vol.locator('.list-item', { hasText: own });
		await row.waitFor();
		assert((await row.textContent()).includes(`Locatie: ${here}`), `the list does not say the call is at ${here}`);
		await row.locator('a.li-title').click();
		await expectText(vol, 'main dl', `${here}, Dokweg 12`);
		await look(vol, 'vrijwilliger-oproep-locatie');
		await vol.context().close();

		// The coordinator narrows her list to one location.
		const lead = await newPage();
		await login(lead, USERS.otherCoordinator);
		await menu(lead, '/oproepen');
		await lead.selectOption('#f-location_id', { label: here });
		await lead.click('form.filters button[type=submit]');
		await expectText(lead, 'main .list', own);
		assert(!(await lead.textContent('main .list')).includes(orgWide), 'the filtered list holds a call of the whole organisation');
		await lead.context().close();
	});

	test('workday of the referrer: she sends a help request and sees it picked up', async () => {
		const title = `Gezelschap voor mevrouw (88) ${RUN}`;
		const ref = await newPage(PHONE);
		await login(ref, USERS.referrer);
		await expectText(ref, 'main h1', 'Mijn hulpvragen');
		await look(ref, 'verwijzer-mijn-hulpvragen');
		await menu(ref, '/hulpvragen/nieuw');
		const org = await ref.$$eval('#f-organisation_id option', (os) => os.find((o) => o.textContent.includes('Zonnebloem')).value);
		await ref.selectOption('#f-organisation_id', org);
		await ref.fill('#f-title', title);
		await ref.selectOption('#f-activity', 'huisbezoek');
		await ref.fill('#f-place', 'Dordrecht');
		await ref.check('input[name=schedule][value=recurring]');
		await ref.click('label:has(input[data-slot="wed-afternoon"])');
		await look(ref, 'verwijzer-hulpvraag-indienen');
		await ref.click('form button[type=submit]');
		await expectText(ref, '.notice', 'doorgezet naar Zonnebloem');
		await expectText(ref, '.intro .badge', 'In behandeling');
		await look(ref, 'verwijzer-hulpvraag');

		// The receiving coordinator finds it among the open calls and, a volunteer
		// found, marks it filled (she is asked first).
		const coord = await newPage();
		await login(coord, USERS.coordinator);
		await menu(coord, '/oproepen');
		await coord.fill('#f-q', RUN);
		await coord.click('form.filters button[type=submit]');
		await coord.click(`main a:has-text("${title}")`);
		await expectText(coord, 'main h1', title);
		await coord.click('button:has-text("Markeren als vervuld")');
		await coord.click('.confirm-step button:has-text("Ja, markeren als vervuld")');
		await expectText(coord, '.intro .badge', 'Vervuld');
		await look(coord, 'coordinator-hulpvraag-vervuld');
		await coord.context().close();

		// Back in her list: picked up, and what that means.
		await menu(ref, '/');
		const row = ref.locator('.list-item', { hasText: title });
		await row.locator('.badge', { hasText: 'Vrijwilliger gevonden' }).waitFor();
		await row.locator('a', { hasText: title }).click();
		await expectText(ref, 'main', 'heeft een vrijwilliger gevonden');
		await look(ref, 'verwijzer-opgepakt');
		await ref.context().close();
	});

	test('workday of the network administrator: organisations, shared lists, users, figures and the audit log', async () => {
		const page = await newPage();
		await login(page, USERS.admin);
		await expectText(page, 'main h1', 'Netwerkbeheer');
		await look(page, 'beheerder-start');

		await menu(page, '/organisaties');
		await look(page, 'beheerder-organisaties');
		await page.click('main a.li-title:has-text("Zonnebloem")');
		await page.waitForSelector('main form #f-name');
		// Its locations are kept here too: the administrator adds its first.
		await expectText(page, '#h-org-locations', 'Locaties');
		await page.fill('#new-name', `Buurtkamer ${RUN}`);
		await page.fill('#new-place', 'Dordrecht');
		await page.click('form button:has-text("Locatie toevoegen")');
		await expectText(page, 'main .list .li-title', `Buurtkamer ${RUN}`);
		await look(page, 'beheerder-organisatie');

		// A new value on a shared list, then switched off again: it keeps its label.
		await menu(page, '/lijsten');
		await page.click('main a:has-text("Talenten")');
		await page.waitForSelector('#f-code');
		const label = `Gebarentaal ${RUN}`;
		await page.fill('#f-code', `gebarentaal_${RUN}`);
		await page.fill('#f-label_nl', label);
		await page.fill('#f-label_en', `Sign language ${RUN}`);
		await page.click('form button:has-text("Toevoegen")');
		await expectText(page, 'main .list-item', label);
		await page.getByRole('button', { name: `${label} uitzetten` }).click();
		await page.getByRole('button', { name: `${label} aanzetten` }).waitFor();
		await look(page, 'beheerder-lijsten');

		// A coordinator for an organisation: an invitation, never a password.
		await menu(page, '/gebruikers');
		const email = `coordinator-${RUN}@anker.test`;
		await page.fill('#f-display_name', `Pim de Boer ${RUN}`);
		await page.fill('#f-email', email);
		await page.selectOption('#f-role', 'coordinator');
		const anker = await page.$$eval('#f-organisation_id option', (os) => os.find((o) => o.textContent.includes('Anker')).value);
		await page.selectOption('#f-organisation_id', anker);
		await page.click('form button:has-text("Gebruiker aanmaken")');
		await expectText(page, '.notice', email);
		await look(page, 'beheerder-gebruikers');

		await menu(page, '/cijfers');
		await look(page, 'beheerder-cijfers');
		await menu(page, '/auditlog');
		await page.click('form button[type=submit]');
		await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 10000 });
		await look(page, 'beheerder-auditlog');
		await page.context().close();
	});


	test('workday of the volunteer: sign-up → response → intake → VOG → a proposal she accepts → the professional sees who comes → nazorg', async () => {
		// The professional posts two calls for her organisation.
		const pro = await newPage();
		await login(pro, USERS.professional);
		const walk = `Wandelen met meneer Kok ${RUN}`;
		const read = `Voorlezen bij mevrouw Smit ${RUN}`;
		for (const [title, activity, slot] of [[walk, 'wandelen', 'mon-morning'], [read, 'voorlezen', 'mon-afternoon']]) {
			await menu(pro, '/oproepen/nieuw');
			await pro.check('input[name=source][value=location]');
			await pro.fill('#f-title', title);
			await pro.selectOption('#f-activity', activity);
			await pro.fill('#f-place', 'Dordrecht');
			await pro.check('input[name=schedule][value=recurring]');
			await pro.click(`label:has(input[data-slot="${slot}"])`);
			await pro.click('form.form button[type=submit]:has-text("Oproep plaatsen")');
			await expectText(pro, '.notice', 'geplaatst');
		}

		// She signs up at the care organisation and says what she likes to do, and when.
		const me = await newPage(PHONE);
		await go(me, '/aanmelden');
		const name = `Lotte Visser ${RUN}`;
		await me.fill('#f-first_name', 'Lotte');
		await me.fill('#f-last_name', `Visser ${RUN}`);
		await me.fill('#f-email', `lotte.${RUN}@example.nl`);
		await me.fill('#f-password', 'lotte-loopt-graag');
		await me.fill('#f-place', 'Dordrecht');
		const org = await me.$$eval('#f-organisation_id option', (os) => os.find((o) => o.textContent.includes('Zorggroep')).value);
		await me.selectOption('#f-organisation_id', org);
		await look(me, 'vrijwilliger-aanmelden');
		await me.click('form button[type=submit]');
		await me.waitForURL(/\/mijn-profiel/);
		await expectText(me, 'h2', 'Over jou');
		const next = async (heading) => {
			await me.click('form.profile button[type=submit]');
			await expectText(me, 'h2', heading);
		};
		await next('Waar zet jij je graag voor in?');
		for (const label of ['Wandelen', 'Voorlezen en taalmaatje']) await me.check(`#f-activities label:has-text("${label}") input`);
		await look(me, 'vrijwilliger-profiel');
		await next('Waarom wil je vrijwilligerswerk doen?');
		await next('Wat kun je of wil je leren?');
		await next('Wanneer heb je tijd?');
		for (const slot of ['mon-morning', 'mon-afternoon']) await me.click(`label:has(input[data-slot="${slot}"])`);
		await me.click('form.profile button[type=submit]');
		await expectText(me, '.notice', 'opgeslagen');

		// Volunteer-first from the start: before her intake her home already shows
		// the walk among the calls that fit her, with why; she responds there, and
		// before her intake that is interest.
		await menu(me, '/');
		const card = me.locator('li.suggestion', { hasText: walk });
		await card.waitFor();
		assert((await card.locator('.why').textContent()).includes('Houdt van wandelen'), 'no why on the walk');
		await look(me, 'vrijwilliger-voor-jou');
		await card.locator('button:has-text("Ik wil dit doen")').click();
		await card.locator('.ok:has-text("Je reactie is verstuurd")').waitFor();
		await me.click(`main a:has-text("${walk}")`);
		await expectText(me, 'main h1', walk);
		await expectText(me, '.respond', 'Je hebt gereageerd');
		await look(me, 'vrijwilliger-gereageerd');

		// The coordinator: from the intake queue to a matchable volunteer.
		const co = await newPage();
		await login(co, USERS.otherCoordinator);
		await expectText(co, '#h-intake ~ ul', name);
		await look(co, 'coordinator-overzicht');
		await co.click(`#h-intake ~ ul a:has-text("${name}")`);
		await expectText(co, 'main h1', name);
		// Agreed at the intake: two things at a time (her response counts as one).
		await co.fill('#f-max_matches', '2');
		await co.click('form.profile button[type=submit]');
		await expectText(co, '.notice', 'opgeslagen');
		await co.click('#reis button:has-text("Vrijwilligersreis starten")');
		await expectText(co, '.journey-now .badge', 'Aanmelding');
		const record = async (step, label, extra = async () => {}) => {
			await co.selectOption('#j-step', step);
			await extra();
			await co.click('button:has-text("Stap vastleggen")');
			await expectText(co, '.journey-now .badge', label);
		};
		const today = new Date().toISOString().slice(0, 10);
		await record('intake', 'intakegesprek');
		await record('vog_requested', 'VOG aangevraagd');
		await record('vog_received', 'VOG ontvangen', () => co.fill('#j-vog_date', today));
		if (await co.$('#j-step option[value=basic_training]')) await record('basic_training', 'Basistraining');
		await expectText(co, '.checklist', 'kan gekoppeld worden');
		await look(co, 'coordinator-vrijwilliger-reis');

		// The coordinator proposes her for the reading call, from its candidates.
		await menu(co, '/oproepen');
		await co.fill('#f-q', read);
		await co.click('form.filters button[type=submit]');
		await co.click(`main a:has-text("${read}")`);
		await expectText(co, 'main h1', read);
		// She is new: not yet high among the candidates; the coordinator knows whom she wants.
		await co.fill('#f-pick-q', name);
		await co.click('form.pick button[type=submit]');
		await co.locator('.pick-row', { hasText: name }).getByRole('button', { name: `${name} koppelen` }).click();
		await expectText(co, 'main .matches', name);
		await look(co, 'coordinator-voorstel');

		// She is told, and says yes.
		await menu(me, '/mijn-koppelingen');
		const row = me.locator('.match-row', { hasText: read });
		await row.locator('button:has-text("Ja, ik doe mee")').click();
		await row.locator('.badge', { hasText: 'Akkoord' }).waitFor();
		await look(me, 'vrijwilliger-mijn-koppelingen');

		// The professional sees who comes, and confirms it works.
		await menu(pro, '/');
		await expectText(pro, 'main', name);
		await pro.click(`main .match-row:has-text("${name}") a:has-text("Bekijken")`);
		await expectText(pro, 'main h1', name);
		await expectText(pro, '#h-together + dl', `lotte.${RUN}@example.nl`);
		await pro.click('button:has-text("Bevestigen: het werkt")');
		await expectText(pro, 'main .badge', 'Actief');
		await look(pro, 'medewerker-wie-komt');
		await pro.context().close();
		await co.context().close();
		await me.context().close();

		// Two and a half weeks later: the coordinator's task list asks for nazorg.
		setClock(new Date(Date.now() + 17 * 86400 * 1000).toISOString().slice(0, 10));
		try {
			const co2 = await newPage();
			await login(co2, USERS.otherCoordinator);
			const task = co2.locator('#h-tasks ~ ul li', { hasText: name });
			await task.locator('a:has-text("Naar de koppeling")').click();
			await expectText(co2, 'main h1', name);
			await co2.check('input[name=answer][value=good]');
			await co2.click('button:has-text("Nazorg vastleggen")');
			await expectText(co2, '#h-after ~ p', 'Ja, het gaat goed');
			await look(co2, 'coordinator-nazorg');
			await co2.context().close();
		} finally {
			setClock('');
		}
	});

	test('workday of the coordinator: dashboard → intake queue → proposal → exit interview → transfer', async () => {
		// A new volunteer signs up at Zonnebloem.
		const me = await newPage(PHONE);
		await go(me, '/aanmelden');
		const name = `Sem Bos ${RUN}`;
		await me.fill('#f-first_name', 'Sem');
		await me.fill('#f-last_name', `Bos ${RUN}`);
		await me.fill('#f-email', `sem.${RUN}@example.nl`);
		await me.fill('#f-password', 'sem-helpt-graag');
		await me.fill('#f-place', 'Dordrecht');
		const org = await me.$$eval('#f-organisation_id option', (os) => os.find((o) => o.textContent.includes('Zonnebloem')).value);
		await me.selectOption('#f-organisation_id', org);
		await me.click('form button[type=submit]');
		await me.waitForURL(/\/mijn-profiel/);

		// Her coordinator starts the day on the dashboard and goes to the intake queue.
		const co = await newPage();
		await login(co, USERS.coordinator);
		await expectText(co, 'main h1', 'Wat vraagt aandacht');
		await look(co, 'coordinator-dashboard');
		await co.click('a.counter:has-text("Wachten op intake")');
		await co.waitForSelector('main form.filters');
		await co.fill('#f-q', name);
		await co.click('form.filters button[type=submit]');
		await co.click(`main a:has-text("${name}")`);
		await expectText(co, 'main h1', name);
		await co.click('#reis button:has-text("Vrijwilligersreis starten")');
		await expectText(co, '.journey-now .badge', 'Aanmelding');
		const record = async (step, label, extra = async () => {}) => {
			await co.selectOption('#j-step', step);
			await extra();
			await co.click('button:has-text("Stap vastleggen")');
			await expectText(co, '.journey-now .badge', label);
		};
		await record('intake', 'intakegesprek');
		if (await co.$('#j-step option[value=vog_requested]')) {
			await record('vog_requested', 'VOG aangevraagd');
			await record('vog_received', 'VOG ontvangen', () => co.fill('#j-vog_date', new Date().toISOString().slice(0, 10)));
		}
		if (await co.$('#j-step option[value=basic_training]')) await record('basic_training', 'Basistraining');
		await expectText(co, '.checklist', 'kan gekoppeld worden');
		await look(co, 'coordinator-intake');

		// A call of her own organisation, and Sem proposed for it.
		await menu(co, '/');
		await co.click('main a.btn:has-text("Oproep plaatsen")');
		const title = `Boodschappen met mevrouw Dekker ${RUN}`;
		await co.fill('#f-title', title);
		await co.selectOption('#f-activity', { index: 1 });
		await co.fill('#f-place', 'Dordrecht');
		await co.check('input[name=schedule][value=recurring]');
		await co.click('label:has(input[data-slot="fri-morning"])');
		await co.click('form.form button[type=submit]:has-text("Oproep plaatsen")');
		await expectText(co, '.notice', 'geplaatst');
		await co.fill('#f-pick-q', name);
		await co.click('form.pick button[type=submit]');
		await co.locator('.pick-row', { hasText: name }).getByRole('button', { name: `${name} koppelen` }).click();
		await expectText(co, 'main .matches', name);
		await look(co, 'coordinator-oproep-voorstel');
		await menu(co, '/voorstellen');
		await look(co, 'coordinator-voorstellen');

		// She says yes.
		await menu(me, '/mijn-koppelingen');
		const row = me.locator('.match-row', { hasText: title });
		await row.locator('button:has-text("Ja, ik doe mee")').click();
		await row.locator('.badge', { hasText: 'Akkoord' }).waitFor();

		// Later she wants work in care: one exit interview, then a warm transfer.
		await menu(co, '/vrijwilligers');
		await co.fill('#f-q', name);
		await co.click('form.filters button[type=submit]');
		await co.click(`main a:has-text("${name}")`);
		await co.click('button:has-text("het exitgesprek")');
		await co.selectOption('#x-reason', 'role_mismatch');
		await co.selectOption('#x-outcome', 'other_organisation');
		await co.fill('#x-notes', 'Wil liever in de zorg werken.');
		await look(co, 'coordinator-exitgesprek');
		await co.click('button:has-text("Exitgesprek vastleggen")');
		await expectText(co, '#reis .note', 'warme doorverwijzing');

		// The warm transfer to the care organisation.
		await co.click('button:has-text("Doorverwijzen naar een andere organisatie")');
		const orgB = await co.$$eval('#tr-to_organisation_id option', (os) => os.find((o) => o.textContent.includes('Zorggroep')).value);
		await co.selectOption('#tr-to_organisation_id', orgB);
		await co.fill('#tr-message', 'Sem wil in de zorg werken; bij jullie past dat beter.');
		await co.click('button:has-text("Vraag aan de vrijwilliger sturen")');
		await expectText(co, 'main', 'Wacht op toestemming');
		await look(co, 'coordinator-doorverwijzing');

		await menu(me, '/mijn-reis');
		await expectText(me, '.transfer-me', 'wil je in contact brengen');
		await me.click('button:has-text("Ja, deel deze gegevens")');
		await expectText(me, '.transfer-me .badge', 'Aangeboden');
		await look(me, 'vrijwilliger-mijn-reis');

		const b = await newPage();
		await login(b, USERS.otherCoordinator);
		await menu(b, '/doorverwijzingen');
		await b.click(`#h-tr-incoming + ul a:has-text("${name}")`);
		await b.fill('#f-note', 'Welkom, Sem! We bellen je deze week.');
		await b.click('button:has-text("Accepteren")');
		await expectText(b, 'main .intro', 'Geaccepteerd');
		await look(b, 'coordinator-doorverwijzing-ontvangen');
		// Once she has moved, her work at Zonnebloem has ended, with the reason.
		await menu(me, '/mijn-koppelingen');
		await me.locator('.match-row', { hasText: title }).locator('.badge', { hasText: /Afgewezen|Beëindigd/ }).waitFor();
		await look(me, 'vrijwilliger-na-overstap');
		// Her old organisation sees the transfer accepted; her data is the new one's now.
		await menu(co, '/doorverwijzingen');
		await expectText(co, 'main', 'Geaccepteerd');
		await look(co, 'coordinator-doorverwijzingen');
		for (const p of [co, b, me]) await p.context().close();
	});
}

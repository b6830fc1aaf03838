// Whole working days per role, through the UI only: after the login page (or
// a link from a mail) every step is a click in the menu or on the page, never
// a typed address. Every page visited is scanned with axe (no serious or
// critical finding) and photographed at phone and desktop width into
// test-output/screenshots/workday-<role>-<page>-<width>.png.
export function register(h) {
	const { test, newPage, login, go, expectText, shot, assert, axe, USERS, RUN, PHONE, DESKTOP, acceptInvitation } = h;

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
	});
}

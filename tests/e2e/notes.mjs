// Browser tests of a coordinator's private notes and contact log (kept on the
// volunteer's page, not on the volunteer's own pages, and in her "Mijn
// gegevens", the right of access), and of the VOG-expiry overview.
export function register(h) {
	const { test, newPage, login, go, expectText, shot, assert, axe, USERS, RUN, PHONE } = h;

	test('notes: a coordinator logs a phone call and a private note; the volunteer finds them only in Mijn gegevens', async () => {
		const page = await newPage();
		await login(page, USERS.coordinator);
		await go(page, '/vrijwilligers');
		await page.fill('#f-q', 'Sanne Visser');
		await page.click('form[role=search] button[type=submit]');
		await page.click('main a.li-title:has-text("Sanne Visser")');
		await page.waitForSelector('#h-notes');
		// An empty note is refused at its field.
		await page.click('.notes button:has-text("Toevoegen")');
		await expectText(page, '.notes .field-error, .notes .alert', 'Wat is er besproken?');
		await page.fill('#n-body', `Gebeld over de VOG ${RUN}`);
		await page.click('.notes button:has-text("Toevoegen")');
		await expectText(page, '.notes-list', `Gebeld over de VOG ${RUN}`);
		await expectText(page, '.notes-list', 'Telefoon op');
		await page.click('.notes input[name=kind][value=note]');
		await page.fill('#n-body', `Wil liever niet op zaterdag ${RUN}`);
		await page.click('.notes button:has-text("Toevoegen")');
		await expectText(page, '.notes-list', `Wil liever niet op zaterdag ${RUN}`);
		const bad = await axe(page);
		assert(bad.length === 0, `notes: ${bad.map((v) => `${v.id} (${v.impact})`).join('; ')}`);
		await shot(page, 'vrijwilliger-notities');
		await page.context().close();

		const me = await newPage(PHONE);
		await login(me, USERS.volunteer);
		for (const p of ['/', '/mijn-profiel', '/mijn-reis']) {
			await go(me, p);
			const text = await me.textContent('main');
			assert(!text.includes(`Gebeld over de VOG ${RUN}`) && !text.includes(`niet op zaterdag ${RUN}`), `a private note on ${p}`);
		}
		await go(me, '/mijn-gegevens');
		await me.click('button:has-text("Bekijk al je gegevens")');
		await expectText(me, '#md-notes ~ .rows', `Gebeld over de VOG ${RUN}`);
		await me.context().close();
	});
}

// The VOG-expiry overview, reached from the volunteer list.
export function registerVog(h) {
	const { test, newPage, login, go, apiIn, expectText, shot, assert, axe, USERS } = h;

	test('vog: a coordinator opens the VOG overview from the volunteer list and widens it to 26 weeks', async () => {
		const page = await newPage();
		await login(page, USERS.coordinator);
		await go(page, '/vrijwilligers');
		await page.click('main a:has-text("VOG-overzicht")');
		await expectText(page, 'main h1', 'VOG-overzicht');
		await expectText(page, 'main .hint', 'maanden geldig');
		await page.selectOption('#f-weeks', '26');
		await page.click('form[role=search] button[type=submit]');
		const api = await apiIn(page, 'GET', '/api/vog-overview?weeks=26');
		assert(api.status === 200, `GET /api/vog-overview: ${api.status}`);
		if (api.body.total > 0) {
			await expectText(page, 'main .count', String(api.body.total));
			const first = api.body.items[0];
			await expectText(page, 'main table', `${first.first_name} ${first.last_name}`);
			assert(!/\d{4}-\d{2}-\d{2}/.test(await page.textContent('main table')), 'an ISO date in the table');
		} else {
			await expectText(page, 'main .empty', "Geen VOG's");
		}
		const bad = await axe(page);
		assert(bad.length === 0, `VOG-overzicht: ${bad.map((v) => `${v.id} (${v.impact})`).join('; ')}`);
		await shot(page, 'vog-overzicht');
		await page.context().close();
		return `${api.body.total} rows`;
	});
}

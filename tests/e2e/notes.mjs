// Browser test of a coordinator's private notes and contact log: kept on the
// volunteer's page, not on the volunteer's own pages, and in her "Mijn
// gegevens" (the right of access).
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
			assert(!(await me.textContent('main')).includes(RUN), `a private note on ${p}`);
		}
		await go(me, '/mijn-gegevens');
		await me.click('button:has-text("Bekijk al je gegevens")');
		await expectText(me, '#md-notes ~ .rows', `Gebeld over de VOG ${RUN}`);
		await me.context().close();
	});
}

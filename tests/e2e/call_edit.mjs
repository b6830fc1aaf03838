// Browser tests of editing a call: the coordinator edits a call in place and
// sees who changed what; "Annuleren", "Sluiten" and "Markeren als vervuld"
// ask first, in the page, and can be undone from the notice afterwards.
export function register(h) {
	const { test, newPage, login, go, apiIn, expectText, shot, assert, axe, USERS, RUN, PHONE } = h;

	async function scan(page, where) {
		const bad = await axe(page);
		assert(bad.length === 0, `${where}: ${bad.map((v) => `${v.id} (${v.impact}, ${v.n}× e.g. ${v.target})`).join('; ')}`);
	}

	test('call edit: a coordinator edits a call in place, and cancelling asks first and can be undone', async () => {
		const page = await newPage();
		await login(page, USERS.coordinator);
		const title = `Boodschappenmaatje ${RUN}`;
		const r = await apiIn(page, 'POST', '/api/calls', { title, activity: 'huisbezoek', place: 'Dordrecht',
			dayparts: ['wed-afternoon'], description: 'Samen boodschappen doen.' });
		assert(r.status === 201, `posting a call: ${r.status}`);
		await go(page, '/oproepen');
		await page.click(`main a:has-text("${title}")`);
		await expectText(page, 'main h1', title);

		await page.click('button:has-text("Oproep bewerken")');
		await page.fill('#f-title', `${title} (aangepast)`);
		await page.fill('#f-volunteers_needed', '2');
		await scan(page, 'Oproep bewerken');
		await page.click('button:has-text("Wijzigingen opslaan")');
		await expectText(page, '.notice', 'De oproep is bijgewerkt');
		await expectText(page, 'main h1', '(aangepast)');
		await expectText(page, '#h-history + .timeline', 'Gewijzigd: Titel, Aantal vrijwilligers');

		// The first press only asks, with the question in focus; "Nee, terug" leaves it open.
		await page.click('.actionbar button:has-text("Annuleren")');
		await page.waitForSelector('.confirm-step');
		await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'confirm-q', null, { timeout: 3000 })
			.catch(() => assert(false, 'the question has no focus'));
		await scan(page, 'Oproep annuleren: bevestigen');
		await shot(page, 'oproep-annuleren-bevestigen');
		await page.click('.confirm-step button:has-text("Nee, terug")');
		await expectText(page, 'main .badge', 'Open');
		await page.click('.actionbar button:has-text("Annuleren")');
		await page.click('.confirm-step button:has-text("Ja, annuleren")');
		await expectText(page, '.notice', 'De oproep is geannuleerd');
		await expectText(page, 'main .badge', 'Geannuleerd');
		await expectText(page, '#h-history + .timeline', 'Status: Geannuleerd');
		await page.click('.notice button:has-text("Ongedaan maken")');
		await expectText(page, '.notice', 'Teruggedraaid');
		await expectText(page, 'main .badge', 'Open');
		await page.setViewportSize(PHONE);
		await shot(page, 'oproep-wijzigingen');
		await page.context().close();
	});
}

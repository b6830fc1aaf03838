// Browser tests of hours and expenses: the volunteer logs today's usual
// hours in one tap from "Mijn uren" on a phone, repeats last week, claims
// other costs with a receipt; bad input is named at its field; the
// coordinator approves hours in bulk and approves and pays a claim.
export function register(h) {
	const { test, newPage, login, go, expectText, assert, USERS, PHONE, axe } = h;

	async function scan(page, where) {
		const bad = await axe(page);
		assert(bad.length === 0, `${where}: ${bad.map((v) => `${v.id} (${v.impact}, ${v.n}× e.g. ${v.target})`).join('; ')}`);
	}

	test('hours: a volunteer logs today in one tap after opening "Mijn uren", repeats last week and claims costs with a receipt', async () => {
		const page = await newPage(PHONE);
		await login(page, USERS.volunteer);
		await page.click('nav.mainnav a[href="/mijn-uren"]');               // tap 1
		await page.waitForSelector('.hours-today');
		await page.click('.hours-today button:has-text("Uren schrijven")'); // tap 2
		await expectText(page, '.hours-today .badge', 'Geschreven');
		await expectText(page, '#h-mine ~ .rows li, section .rows li', 'geschreven');
		await page.click('button:has-text("Zelfde als vorige week")');
		await expectText(page, '[role=status], .notice', 'vorige week');

		// 25 hours on one day is refused at the field, and nothing is added.
		await page.fill('#h-minutes', '1500');
		await page.click('form[aria-labelledby="h-other-hours"] button[type=submit]');
		await expectText(page, 'form[aria-labelledby="h-other-hours"]', 'buiten het toegestane bereik');
		await scan(page, 'Mijn uren with an error');

		await page.selectOption('#e-kind', 'other');
		await page.fill('#e-amount_cents', '4,50');
		await page.fill('#e-description', 'Koffie voor de wandelclub');
		await page.setInputFiles('#e-receipt', { name: 'bon.png', mimeType: 'image/png',
			buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
		await page.click('form[aria-labelledby="h-claim"] button[type=submit]');
		await expectText(page, '#h-claims ~ .rows li, section .rows li', 'Koffie voor de wandelclub');
		await expectText(page, 'section .rows li', 'Bonnetje bekijken');
		await page.context().close();
	});

	test('hours: the coordinator approves hours in bulk, then approves and pays a claim', async () => {
		const page = await newPage();
		await login(page, USERS.coordinator);
		await go(page, '/uren');
		await page.click('button:has-text("Alles aanvinken")');
		await page.click('button:has-text("Goedkeuren (")');
		await expectText(page, '[role=status], .notice', 'goedgekeurd');
		const claim = page.locator('section .rows li', { hasText: 'ingediend' }).first();
		await claim.locator('button:has-text("Goedkeuren")').click();
		await page.waitForSelector('section .rows li button:has-text("Uitbetaald")');
		await page.locator('section .rows li button:has-text("Uitbetaald")').first().click();
		await expectText(page, 'section .rows li .badge', 'uitbetaald');
		await scan(page, 'Uren en onkosten (coordinator)');
		await page.context().close();
	});
}

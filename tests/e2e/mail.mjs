// Browser test of one's own e-mail settings (language, per kind of
// notification: at once, in the daily overview, not at all), of the page
// behind the unsubscribe link of a mail, which needs no login, and of the
// administrator's page of failed mail.
export function register(h) {
	const { test, newPage, login, go, expectText, shot, assert, axe, USERS, PHONE } = h;

	test('mail settings: a volunteer chooses the daily overview for proposals, and it stays chosen', async () => {
		const page = await newPage(PHONE);
		await login(page, USERS.volunteer);
		await go(page, '/instellingen');
		await expectText(page, 'h1', 'E-mailinstellingen');
		await page.selectOption('#f-proposal', 'digest');
		await page.click('button:has-text("Opslaan")');
		await expectText(page, '[role="status"]', 'opgeslagen');
		const bad = await axe(page);
		assert(bad.length === 0, `E-mailinstellingen: ${bad.map((v) => `${v.id} (${v.impact})`).join('; ')}`);
		await shot(page, 'e-mailinstellingen');
		await page.reload();
		await expectText(page, 'h1', 'E-mailinstellingen');
		await page.waitForSelector('#f-proposal');
		const chosen = await page.$eval('#f-proposal', (s) => s.value);
		assert(chosen === 'digest', `proposal delivery after reload: ${chosen}`);
		await page.selectOption('#f-proposal', 'immediately');
		await page.click('button:has-text("Opslaan")');
		await expectText(page, '[role="status"]', 'opgeslagen');
		await page.context().close();
	});

	test('unsubscribe page: without login, a forged link is refused in words', async () => {
		const page = await newPage(PHONE);
		await page.goto(`${h.base()}/afmelden?token=1-proposal-00000000000000000000000000000000`);
		await expectText(page, 'h1', 'Afmelden voor e-mail');
		await expectText(page, '.card', 'Geen e-mail meer over: Voorstellen');
		await page.click('button:has-text("Afmelden")');
		await expectText(page, '.card', 'ongeldig');
		const bad = await axe(page);
		assert(bad.length === 0, `Afmelden: ${bad.map((v) => `${v.id} (${v.impact})`).join('; ')}`);
		await page.context().close();
	});

	test('failed mail: the administrator finds the page in the menu, accessible', async () => {
		const page = await newPage(PHONE);
		await login(page, USERS.admin);
		await go(page, '/e-mail');
		await expectText(page, 'h1', 'Mislukte e-mail');
		assert(await page.$('nav.mainnav a[href="/e-mail"]'), 'no menu item for failed mail');
		const bad = await axe(page);
		assert(bad.length === 0, `Mislukte e-mail: ${bad.map((v) => `${v.id} (${v.impact})`).join('; ')}`);
		await page.context().close();
	});
}

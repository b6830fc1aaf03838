// Browser test of "Mijn gegevens": everything stored about the volunteer as a
// page to read and print (dates as dates, codes as labels, one section per
// kind of data), and still the JSON download for machines.
export function register(h) {
	const { test, newPage, login, expectText, shot, assert, axe, USERS, PHONE } = h;

	test('my data: a volunteer reads everything stored about her as a page, prints it, and can still download the JSON', async () => {
		const page = await newPage(PHONE);
		await login(page, USERS.volunteer);
		const menu = await page.$('button.menu-toggle, button[aria-controls="mainnav"]');
		if (menu && await menu.isVisible()) await menu.click();
		await page.click('nav.mainnav a[href="/mijn-gegevens"]');
		await page.click('button:has-text("Bekijk al je gegevens")');
		await expectText(page, '#md-profile + .dl', 'Sanne');
		for (const h2 of ['Je profiel', 'Je toestemming', 'Je koppelingen', 'Je uren', 'Je declaraties', 'Wie je gegevens heeft bekeken']) {
			await expectText(page, '.mydata h2', h2);
		}
		const text = await page.textContent('.mydata');
		assert(/\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/.test(text), 'no Dutch date on the page');
		assert(!/\b1[5-9]\d{8}\b/.test(text), 'a Unix time on the page');
		assert(!/\d{4}-\d{2}-\d{2}/.test(text), 'an ISO date on the page');
		assert(text.includes('Huisbezoek') && !/\bhuisbezoek\b/.test(text), 'an activity code instead of its label');
		assert(!text.includes('{') && !text.includes('"'), 'JSON on the page');
		assert(await page.$('a[download][href$="/export"]'), 'the JSON download is gone');
		const bad = await axe(page);
		assert(bad.length === 0, `Mijn gegevens: ${bad.map((v) => `${v.id} (${v.impact})`).join('; ')}`);
		await shot(page, 'mijn-gegevens-leesbaar');

		// Printed: no menu or buttons, the sections stay.
		await page.emulateMedia({ media: 'print' });
		const printed = await page.evaluate(() => ({
			nav: getComputedStyle(document.querySelector('nav.mainnav')).display,
			button: getComputedStyle(document.querySelector('.mydata-section')).display,
			audit: getComputedStyle(document.querySelector('#h-audit').closest('section')).display,
		}));
		assert(printed.nav === 'none' && printed.audit === 'none' && printed.button !== 'none', `print: ${JSON.stringify(printed)}`);
		await page.context().close();
	});
}

// Browser tests of newsletters: a coordinator writes one in Markdown,
// previews it (script in it stays inert), saves and sends it; the volunteer
// it went to reads it in her archive.
export function register(h) {
	const { test, newPage, login, go, expectText, shot, assert, axe, USERS, RUN, PHONE } = h;

	test('newsletters: a coordinator composes, previews and sends; the volunteer reads it in the archive', async () => {
		const subject = `Nieuws van de Zonnebloem ${RUN}`;
		const page = await newPage();
		await login(page, USERS.coordinator);
		await go(page, '/nieuwsbrieven');
		await page.click('main a:has-text("Nieuwe nieuwsbrief")');
		await expectText(page, 'main h1', 'Nieuwe nieuwsbrief');
		await page.fill('#f-subject', subject);
		await page.fill('#f-markdown', '# Vrijwilligersavond\n\nKom op **vrijdag** naar de avond.\n\n'
			+ '<script>window.__pwned = 1</script>\n\n<img src="x" onerror="window.__pwned = 2">\n\n'
			+ '[Aanmelden](javascript:window.__pwned=3)');
		await page.selectOption('#f-activity', 'wandelen');
		await page.fill('#f-place', 'Dordrecht');
		await page.click('main button:has-text("Voorbeeld bekijken")');
		await expectText(page, '.newsletter-preview .newsletter-body', 'vrijdag');
		await expectText(page, '.newsletter-preview .notice', 'vrijwilliger');
		assert(await page.$$eval('.newsletter-body script, .newsletter-body [onerror]', (n) => n.length) === 0,
			'script in the preview');
		const hrefs = await page.$$eval('.newsletter-body a', (as) => as.map((a) => a.getAttribute('href') || ''));
		assert(hrefs.every((x) => !x.startsWith('javascript:')), `a javascript: link: ${hrefs}`);
		await page.click('.newsletter-body a:has-text("Aanmelden")').catch(() => {});
		assert(await page.evaluate(() => window.__pwned) === undefined, 'script in the Markdown ran');
		let bad = await axe(page);
		assert(bad.length === 0, `compose: ${bad.map((v) => `${v.id} (${v.impact})`).join('; ')}`);
		await shot(page, 'nieuwsbrief-voorbeeld');

		await page.click('main button:has-text("Concept opslaan")');
		await page.waitForURL(/\/nieuwsbrieven\/\d+$/);
		await expectText(page, 'main h1', subject);
		await expectText(page, 'main .badge', 'Concept');
		await page.click('main button:has-text("Nieuwsbrief versturen")');
		await expectText(page, '.newsletter-send', 'Weet u het zeker?');
		await page.click('main button:has-text("Ja, nu versturen")');
		await expectText(page, 'main .notice', 'verstuurd');
		await expectText(page, 'main .badge', 'Verstuurd');
		await expectText(page, 'main .newsletter-body', 'vrijdag');
		await go(page, '/nieuwsbrieven');
		await expectText(page, '.newsletter-list', subject);
		await page.context().close();

		const me = await newPage(PHONE);
		await login(me, USERS.volunteer);
		await go(me, '/nieuwsbrieven');
		await expectText(me, 'main h1', 'Nieuwsbrieven');
		await me.click(`main a:has-text("${subject}")`);
		await expectText(me, 'main h1', subject);
		await expectText(me, 'main .newsletter-body', 'Kom op vrijdag naar de avond.');
		assert(await me.$$eval('.newsletter-body script', (n) => n.length) === 0, 'script in the archive');
		assert(await me.evaluate(() => window.__pwned) === undefined, 'script ran in the archive');
		bad = await axe(me);
		assert(bad.length === 0, `archive: ${bad.map((v) => `${v.id} (${v.impact})`).join('; ')}`);
		await shot(me, 'nieuwsbrief-archief');
		await me.context().close();
	});
}

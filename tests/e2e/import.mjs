// Browser test of the spreadsheet import: the coordinator picks a messy CSV
// file, checks it (each refused row with its reason, nothing saved), imports
// it (the counts and the invitations), and the page has no accessibility
// violations; the volunteer list then downloads as CSV with its filter. Then
// the same page imports calls, chosen in its picker of what to import, and
// the administrator imports organisations without naming one.
export function register(h) {
	const { test, newPage, login, go, expectText, assert, USERS, axe } = h;

	const csv = '\ufeffVoornaam;Achternaam;E-mailadres;Woonplaats;Startdatum\r\n'
		+ 'Joël;de Vries;joel.e2e@example.nl;Dordrecht;3-4-2024\r\n'
		+ ';;;;\r\n'
		+ 'Kees;=HYPERLINK("http://x");kees.e2e@example.nl;Sliedrecht;\r\n'
		+ 'Zoë;Çelik;zoe.e2e@example.nl;Papendrecht;1 maart 2024\r\n';

	test('import: a coordinator checks a spreadsheet, sees why a row is refused, then imports it', async () => {
		const page = await newPage();
		await login(page, USERS.coordinator);
		await go(page, '/vrijwilligers');
		await page.click('a:has-text("Importeren uit spreadsheet")');
		await page.waitForSelector('#f-file');
		await page.setInputFiles('#f-file', { name: 'leden.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
		await page.click('button:has-text("Bestand controleren")');
		await expectText(page, '#import-result', 'er is niets opgeslagen');
		await expectText(page, 'table.table', 'bevat een formule');
		const bad = await axe(page);
		assert(bad.length === 0, `import: ${bad.map((v) => `${v.id} (${v.impact}) ${v.target}`).join('; ')}`);
		await page.click('button:has-text("Importeren")');
		await expectText(page, '#import-result', 'Resultaat van de import');
		const counts = await page.textContent('.import-counts');
		assert(/2\s*nieuw/.test(counts) && /1\s*geweigerd/.test(counts) && /2\s*uitnodigingen/.test(counts),
			`counts after the import: ${counts}`);

		// The list offers itself as a spreadsheet with the same rows.
		await go(page, '/vrijwilligers?q=Jo%C3%ABl');
		const href = await page.getAttribute('a:has-text("Downloaden (CSV)")', 'href');
		assert(href === '/api/volunteers.csv?q=Jo%C3%ABl', `download link: ${href}`);
		const res = await page.request.get(new URL(href, page.url()).toString());
		const text = await res.text();
		assert(res.ok() && text.includes('joel.e2e@example.nl') && !text.includes('zoe.e2e'), `export: ${text.slice(0, 200)}`);
		await page.context().close();
	});

	const calls = '\ufeffTitel;Activiteit;Plaats;Datum;Dagdelen\r\n'
		+ 'Wandelen met mevrouw Öztürk;Wandelen;Dordrecht;1-3-2099;\r\n'
		+ 'Boodschappen voor Joël;boodschappen;Zwijndrecht;;ma-ochtend wo-middag\r\n'
		+ ';;;;\r\n'
		+ 'Parachutespringen;Skydiven;Dordrecht;15 maart 2099;\r\n';

	test('import: a coordinator picks calls as what to import, checks the file and imports it', async () => {
		const page = await newPage();
		await login(page, USERS.coordinator);
		await go(page, '/vrijwilligers/importeren');
		await page.waitForSelector('#f-kind');
		const kinds = await page.$$eval('#f-kind option', (o) => o.map((x) => x.value));
		assert(kinds.join(',') === 'volunteers,calls,hours', `kinds for a coordinator: ${kinds}`);
		await page.selectOption('#f-kind', 'calls');
		assert(!(await page.$('input[type=checkbox]')), 'no invitations for calls');
		await page.setInputFiles('#f-file', { name: 'oproepen.csv', mimeType: 'text/csv', buffer: Buffer.from(calls, 'utf8') });
		await page.click('button:has-text("Bestand controleren")');
		await expectText(page, '#import-result', 'er is niets opgeslagen');
		await expectText(page, 'table.table', 'verwijst naar iets dat niet bestaat');
		const bad = await axe(page);
		assert(bad.length === 0, `import calls: ${bad.map((v) => `${v.id} (${v.impact}) ${v.target}`).join('; ')}`);
		await page.click('button:has-text("Importeren")');
		await expectText(page, '#import-result', 'Resultaat van de import');
		const counts = await page.textContent('.import-counts');
		assert(/2\s*nieuw/.test(counts) && /1\s*geweigerd/.test(counts) && !/uitnodigingen/.test(counts),
			`counts after the import: ${counts}`);
		await page.context().close();
	});

	const organisations = '\ufeffNaam;Soort;Gemeente\r\n'
		+ 'Stichting Één Dordt;vrijwilligersorganisatie;Dordrecht\r\n'
		+ 'Zorgcentrum De Merwede;zorgaanbieder;=1+1\r\n';

	test('import: the network administrator imports organisations, without choosing one', async () => {
		const page = await newPage();
		await login(page, USERS.admin);
		await go(page, '/vrijwilligers/importeren');
		await page.waitForSelector('#f-kind');
		const kinds = await page.$$eval('#f-kind option', (o) => o.map((x) => x.value));
		assert(kinds.join(',') === 'volunteers,organisations,calls', `kinds for the administrator: ${kinds}`);
		assert(await page.$('#f-organisation_id'), 'volunteers need an organisation');
		await page.selectOption('#f-kind', 'organisations');
		assert(!(await page.$('#f-organisation_id')), 'organisations need none');
		await page.setInputFiles('#f-file', { name: 'organisaties.csv', mimeType: 'text/csv', buffer: Buffer.from(organisations, 'utf8') });
		await page.click('button:has-text("Importeren")');
		await expectText(page, '#import-result', 'Resultaat van de import');
		await expectText(page, 'table.table', 'bevat een formule');
		const counts = await page.textContent('.import-counts');
		assert(/1\s*nieuw/.test(counts) && /1\s*geweigerd/.test(counts), `counts after the import: ${counts}`);
		await page.context().close();
	});
}

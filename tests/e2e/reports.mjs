// Browser tests of the figures page ("Cijfers") in its three views: a
// coordinator's own organisation, the network administrator's network, and a
// municipality's aggregates with small numbers hidden; each axe-clean at phone
// and desktop width with screenshots, and the annual report printed to PDF
// with the print stylesheet (test-output/jaarverslag.pdf).
import fs from 'node:fs';
import path from 'node:path';

export function register(h) {
	const { test, newPage, login, go, expectText, assert, axe, USERS, PHONE, DESKTOP, shot, ROOT } = h;

	async function scan(page, where) {
		const bad = await axe(page);
		assert(bad.length === 0, `${where}: ${bad.map((v) => `${v.id} (${v.impact}, ${v.n}× e.g. ${v.target})`).join('; ')}`);
	}

	// The figures have loaded: the headline cards and the tables are there.
	async function figures(page) {
		await page.waitForSelector('.figures .figure-value');
		await page.waitForSelector('#h-mun');
	}

	async function municipalityView(page) {
		const name = await page.$eval('#f-municipality option:nth-child(2)', (o) => o.value);
		await page.selectOption('#f-municipality', name);
		await page.click('.filters button[type=submit]');
		await expectText(page, 'main h1', `gemeente ${name}`);
		await figures(page);
		return name;
	}

	test('figures: the coordinator, network and municipality views are axe-clean at 375 and 1280 px, with screenshots', async () => {
		for (const viewport of [PHONE, DESKTOP]) {
			const co = await newPage(viewport);
			await login(co, USERS.coordinator);
			await go(co, '/cijfers');
			await figures(co);
			await expectText(co, 'main h1', 'Cijfers van');
			assert(!(await co.$('#f-municipality')), 'a coordinator is offered a municipality view');
			await scan(co, `coordinator@${viewport.width}`);
			await shot(co, 'figures-coordinator');
			await co.context().close();

			const admin = await newPage(viewport);
			await login(admin, USERS.admin);
			await go(admin, '/cijfers');
			await figures(admin);
			await expectText(admin, 'main h1', 'Cijfers van het netwerk');
			await expectText(admin, '#h-mun ~ .table-wrap td', ' %'); // active per employee
			await expectText(admin, '.figures', 'per medewerker');
			await scan(admin, `network@${viewport.width}`);
			await shot(admin, 'figures-network');

			await municipalityView(admin);
			await expectText(admin, '.figures', 'Nazorg');
			await scan(admin, `municipality@${viewport.width}`);
			await shot(admin, 'figures-municipality');
			await admin.context().close();
		}
	});

	test('figures: every table downloads as CSV and .xlsx; the annual report prints to PDF without forms or buttons', async () => {
		const page = await newPage(DESKTOP);
		await login(page, USERS.admin);
		await go(page, '/cijfers');
		await figures(page);
		const links = await page.$$eval('.downloads a', (as) => as.map((a) => a.getAttribute('href')));
		assert(links.filter((l) => l.includes('.xlsx')).length === links.length / 2 && links.length >= 16,
			`expected a CSV and an .xlsx link per table, saw ${links.join(' ')}`);
		const xlsx = await page.evaluate(async (u) => {
			const r = await fetch(u);
			const b = new Uint8Array(await r.arrayBuffer());
			return { status: r.status, type: r.headers.get('content-type'), magic: String.fromCharCode(b[0], b[1]) };
		}, links.find((l) => l.includes('municipalities.xlsx')));
		assert(xlsx.status === 200 && xlsx.magic === 'PK' && xlsx.type.includes('spreadsheetml'),
			`xlsx download: ${JSON.stringify(xlsx)}`);

		await page.click('.filters button:has-text("Jaarverslag")');
		const year = new Date().getUTCFullYear() - 1;
		await page.waitForFunction((y) => document.querySelector('.print-period')?.textContent.includes(`${y}-01-01`), year);
		await figures(page);
		await page.emulateMedia({ media: 'print' });
		const hidden = await page.evaluate(() => ['.filters', '.downloads', 'nav.mainnav']
			.filter((s) => document.querySelector(s) && getComputedStyle(document.querySelector(s)).display !== 'none'));
		assert(hidden.length === 0, `shown in print: ${hidden.join(', ')}`);
		assert(await page.$eval('.print-period', (e) => getComputedStyle(e).display !== 'none'), 'the period is not printed');
		const out = path.join(ROOT, 'test-output', 'jaarverslag.pdf');
		fs.mkdirSync(path.dirname(out), { recursive: true });
		const pdf = await page.pdf({ path: out, format: 'A4', printBackground: true });
		const text = pdf.toString('latin1');
		const pages = (text.match(/\/Type\s*\/Page[^s]/g) || []).length;
		assert(text.startsWith('%PDF-') && pdf.length > 20000 && pages >= 2,
			`the PDF has ${pdf.length} bytes and ${pages} pages`);
		await page.context().close();
	});
}

// Browser tests of the network's public face: the social map without login
// on a phone (search by place and activity, no person's data on it), the
// coordinator keeping the own offer, and the flyer table printed to an A4
// PDF by the browser and rendered to an image in test-output/.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export function register(h) {
	const { test, newPage, login, go, apiIn, expectText, assert, axe, USERS, PHONE, ROOT, RUN } = h;
	const OUT = path.join(ROOT, 'test-output');

	async function scan(page, where) {
		const bad = await axe(page);
		assert(bad.length === 0, `${where}: ${bad.map((v) => `${v.id} (${v.impact}, ${v.n}× e.g. ${v.target})`).join('; ')}`);
	}

	test('social map: without login, on a phone, search by place and activity and reach an organisation', async () => {
		const page = await newPage(PHONE);
		await go(page, '/sociale-kaart');
		await expectText(page, 'h1', 'Sociale kaart');
		await page.fill('#f-place', 'Sliedrecht');
		await page.selectOption('#f-activity', 'respijtzorg');
		await page.click('form[role=search] button[type=submit]');
		await expectText(page, '.map-entry h2', 'Steunpunt Mantelzorg Drechtsteden');
		const names = await page.$$eval('.map-entry h2', (els) => els.map((e) => e.textContent));
		assert(!names.includes('Zonnebloem afdeling Dordrecht'), `Zonnebloem offers no respite care in Sliedrecht: ${names}`);
		assert(new URL(page.url()).search.includes('place=Sliedrecht'), 'the search is not in the address');
		await expectText(page, '.map-entry', 'Neemt nieuwe hulpvragers aan');
		assert(await page.$('.map-entry a[href^="tel:"]'), 'no phone link');
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		assert(width <= PHONE.width, `the page scrolls sideways on a phone (${width}px)`);
		await scan(page, 'Sociale kaart');
		await page.context().close();
	});

	test('social map: a coordinator changes the own offer and the public map shows it', async () => {
		const page = await newPage();
		await login(page, USERS.coordinator);
		await page.click('nav.mainnav a[href="/ons-aanbod"]');
		await page.waitForSelector('input[name=activities][value=klussen]');
		await page.check('input[name=activities][value=klussen]');
		await page.fill('#f-places', `Dordrecht, Zwijndrecht, Wijk ${RUN}`);
		await page.click('form button[type=submit]');
		await expectText(page, '.notice', 'opgeslagen');
		await scan(page, 'Ons aanbod');
		const anon = await newPage(PHONE);
		await go(anon, `/sociale-kaart?place=wijk%20${RUN}&activity=klussen`);
		await expectText(anon, '.map-entry h2', 'Zonnebloem afdeling Dordrecht');
		await anon.context().close();
		await page.context().close();
	});

	test('flyer: the table of organisations × activities prints on one A4 page (PDF, rendered to PNG)', async () => {
		const page = await newPage();
		await go(page, '/sociale-kaart/flyer');
		await page.waitForSelector('.flyer-table tbody tr');
		const rows = await page.$$eval('.flyer-table tbody tr', (r) => r.length);
		const cols = await page.$$eval('.flyer-table thead th', (c) => c.length - 1);
		assert(rows >= 10 && cols >= 10, `a small table: ${rows} organisations × ${cols} activities`);
		await scan(page, 'Flyer');
		fs.mkdirSync(OUT, { recursive: true });
		const pdf = path.join(OUT, 'flyer.pdf');
		await page.emulateMedia({ media: 'print' });
		await page.pdf({ path: pdf, format: 'A4', printBackground: true });
		const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
		const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
		assert(pages === 1, `the flyer table takes ${pages} pages`);
		assert(/Page size:.*\(A4\)/.test(info), `not A4: ${/Page size:.*/.exec(info)}`);
		const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
		assert(text.includes('VPTZ Drechtsteden') && text.includes('Waken'), 'the PDF lacks organisations or activities');
		assert(!/Inloggen|Printen|Sociale kaart/.test(text), 'buttons or navigation got printed');
		execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, path.join(OUT, 'flyer')]);
		assert(fs.statSync(path.join(OUT, 'flyer.png')).size > 5000, 'the rendered flyer image is empty');
		await page.context().close();
		return `${rows} × ${cols}, test-output/flyer.pdf and flyer.png`;
	});

	test('public calls: a coordinator puts a call on the public page; a passer-by finds it on a phone, taps "Ik wil helpen", signs up and lands on the call', async () => {
		const staff = await newPage();
		await login(staff, USERS.coordinator);
		const me = (await apiIn(staff, 'GET', '/api/session')).body;
		const made = await apiIn(staff, 'POST', '/api/calls', {
			organisation_id: me.organisation_id, title: `Fietsmaatje ${RUN}`, description: 'Samen fietsen langs de Merwede.',
			activity: 'wandelen', place: 'Dordrecht', dayparts: ['sat-morning'],
		});
		assert(made.status === 201, `call not made: ${made.status}`);
		const id = made.body.id;
		await go(staff, `/oproepen/${id}`);
		await page_click(staff, 'button:has-text("Op de openbare pagina zetten")');
		await expectText(staff, '#h-public-page ~ p', '/doe-mee/');
		// a health word in the text is flagged before it goes out
		await apiIn(staff, 'PATCH', `/api/calls/${id}`, { description: 'Voor iemand met Parkinson.' });
		await go(staff, `/oproepen/${id}`);
		await expectText(staff, '.notice.warn', 'parkinson');
		await apiIn(staff, 'PATCH', `/api/calls/${id}`, { description: 'Samen fietsen langs de Merwede.' });
		await staff.context().close();

		const page = await newPage(PHONE);
		await go(page, '/doe-mee?place=Dordrecht');
		await page.click(`a:has-text("Fietsmaatje ${RUN}")`);
		await expectText(page, 'h1', `Fietsmaatje ${RUN}`);
		assert(new URL(page.url()).pathname === `/doe-mee/${id}`, `no address of its own: ${page.url()}`);
		await scan(page, 'Openbare oproep');
		await page.click('a:has-text("Ik wil helpen")');
		await expectText(page, '.notice', 'terug naar de oproep');
		await page.fill('#f-first_name', 'Noor');
		await page.fill('#f-last_name', `Helper${RUN}`);
		await page.fill('#f-email', `noor.${RUN}@voorbeeld.nl`);
		await page.fill('#f-password', 'een-lang-wachtwoord-2026');
		await page.fill('#f-place', 'Dordrecht');
		await page.selectOption('#f-organisation_id', { label: 'Zonnebloem afdeling Dordrecht (Dordrecht)' });
		await page.click('form button[type=submit]');
		await page.waitForURL(`**/oproepen/${id}`);
		await expectText(page, 'h1', `Fietsmaatje ${RUN}`);
		await page.context().close();
	});

	async function page_click(page, selector) {
		await page.click(selector);
		await page.waitForFunction(() => !document.querySelector('button[disabled]'), null, { timeout: 10000 });
	}
}

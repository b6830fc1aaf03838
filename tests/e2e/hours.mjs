// Browser tests of hours and expenses: the volunteer logs today's usual
// hours in one tap from "Mijn uren" on a phone, repeats last week, claims
// other costs with a receipt; bad input is named at its field; the
// coordinator approves hours in bulk and approves and pays a claim. The
// year statement opens from "Mijn gegevens" and prints without the app
// around it; the IBAN is checked at its field and shown masked; the
// coordinator exports what is to be paid.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const XSD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../sepa/pain.001.001.03.xsd');

// Whether xmllint finds the SEPA file valid against the schema in tests/sepa.
function validSepa(text) {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kp-sepa-')), 'pain.xml');
	fs.writeFileSync(file, text);
	try {
		execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
		return '';
	} catch (e) {
		return String(e.stderr);
	} finally {
		fs.rmSync(path.dirname(file), { recursive: true, force: true });
	}
}

export function register(h) {
	const { test, newPage, login, go, expectText, assert, USERS, PHONE, axe, apiIn } = h;

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

	test('hours: the year statement opens from "Mijn gegevens", prints on its own, and the IBAN is checked', async () => {
		const page = await newPage();
		await login(page, USERS.volunteer);
		await go(page, '/mijn-uren');
		await page.fill('#h-minutes', '30');
		await page.fill('#h-note', 'Jaaroverzicht-test');
		await page.click('form[aria-labelledby="h-other-hours"] button[type=submit]');
		await expectText(page, 'section .rows li', 'Jaaroverzicht-test');
		await go(page, '/mijn-gegevens');
		await page.click('a[href^="/jaaroverzicht/"]');
		await page.waitForSelector('.year-statement table');
		const year = new Date().getUTCFullYear();
		await expectText(page, 'main h1', `Jaaroverzicht ${year}`);
		await expectText(page, '.year-statement caption', `Uren en vergoedingen in ${year}`);
		await expectText(page, '.year-statement tbody th', '');
		await scan(page, 'Jaaroverzicht');
		// On paper: the table, not the navigation or the buttons.
		await page.emulateMedia({ media: 'print' });
		assert(!(await page.isVisible('nav.mainnav')), 'the navigation prints');
		assert(!(await page.isVisible('.year-controls')), 'the year choice and print button print');
		assert(await page.isVisible('.year-statement table'), 'the table does not print');
		await page.emulateMedia({ media: 'screen' });
		// Another year through the choice: an empty year says so.
		await page.selectOption('#y-year', String(year - 4));
		await expectText(page, 'main', `In ${year - 4} zijn er geen uren`);

		// The IBAN: a wrong check digit is named at the field; a right one is shown masked.
		await go(page, '/mijn-gegevens');
		await page.fill('#b-iban', 'NL91 ABNA 0417 1643 01');
		await page.click('form[aria-label="Rekeningnummer (IBAN)"] button[type=submit]');
		await expectText(page, '#b-iban-error, .field-error', 'IBAN');
		await page.fill('#b-iban', 'NL91 ABNA 0417 1643 00');
		await page.click('form[aria-label="Rekeningnummer (IBAN)"] button[type=submit]');
		await expectText(page, '#h-bank ~ div p', 'NL** **** **** **43 00');
		await scan(page, 'Mijn gegevens with IBAN');
		await page.context().close();
	});

	test('hours: the coordinator exports what is to be paid, chooses costs or the allowance for a volunteer and opens their year statement', async () => {
		const page = await newPage();
		await login(page, USERS.coordinator);
		await go(page, '/uren');
		await page.waitForSelector('#h-pay');
		const href = await page.getAttribute('a[href*="/payments.xlsx"]', 'href');
		const csv = await page.evaluate(async (url) => {
			const res = await fetch(url);
			return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
		}, href.replace('.xlsx', '.csv'));
		assert(csv.status === 200 && csv.text.includes('Naam;IBAN;Datum;Soort;Omschrijving;Bedrag'),
			`the CSV export answers ${csv.status}: ${csv.text.slice(0, 80)}`);
		const xlsx = await page.evaluate(async (url) => (await fetch(url)).status, href);
		assert(xlsx === 200, `the spreadsheet answers ${xlsx}`);
		// Something to pay in the period: approve the organisation's submitted
		// claims of the period (the demo leaves some waiting).
		const sepaHref = await page.getAttribute('a[href*="/payments.xml"]', 'href');
		const period = new URL(sepaHref, 'http://x').searchParams;
		const waiting = await apiIn(page, 'GET', '/api/expenses?status=submitted&limit=100');
		for (const c of waiting.body.items.filter((x) => x.incurred_on >= period.get('from') && x.incurred_on <= period.get('to'))) {
			await apiIn(page, 'PATCH', `/api/expenses/${c.id}`, { action: 'approve' });
		}
		await go(page, '/uren');
		await page.waitForSelector('#h-pay');
		// The demo organisation pays from an account, so the SEPA file is offered.
		const sepa = await page.evaluate(async (url) => {
			const res = await fetch(url);
			return { status: res.status, text: await res.text() };
		}, await page.getAttribute('a[href*="/payments.xml"]', 'href'));
		assert(sepa.status === 200 && sepa.text.includes('<CstmrCdtTrfInitn>'),
			`the SEPA file answers ${sepa.status}: ${sepa.text.slice(0, 120)}`);
		const invalid = validSepa(sepa.text);
		assert(invalid === '', `the SEPA file of the demo data is not valid: ${invalid.slice(0, 300)}`);
		// Once paid at the bank: the whole period at once, and nothing is open any more.
		await page.click('#h-pay ~ div button:has-text("Als uitbetaald melden"), button:has-text("Als uitbetaald melden")');
		await expectText(page, '[role=status], .notice', 'als uitbetaald gemeld');
		await expectText(page, '.pay-open', 'Open: 0 declaratie(s)');
		await scan(page, 'Uren en onkosten with payments');
		const me = await apiIn(page, 'GET', '/api/session', null);
		const vols = await apiIn(page, 'GET', `/api/volunteers?limit=1&organisation_id=${me.body.organisation_id}`, null);
		await go(page, `/vrijwilligers/${vols.body.items[0].id}`);
		// Actual costs or the fixed allowance, chosen here; back to costs afterwards.
		await page.selectOption('#m-mode', 'fixed');
		await expectText(page, '[role=status], .notice', 'De keuze is opgeslagen');
		const mode = await apiIn(page, 'GET', `/api/volunteers/${vols.body.items[0].id}/allowance-mode`, null);
		assert(mode.body.mode === 'fixed', `the mode is ${JSON.stringify(mode.body)}`);
		await page.selectOption('#m-mode', 'costs');
		await page.waitForFunction(async (id) => (await fetch(`/api/volunteers/${id}/allowance-mode`)
			.then((r) => r.json())).mode === 'costs', vols.body.items[0].id);
		await page.click('.page-actions a[href^="/jaaroverzicht/"]');
		await page.waitForSelector('.year-controls');
		await expectText(page, 'main h1', 'Jaaroverzicht');
		await page.context().close();
	});
}

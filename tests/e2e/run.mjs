// Browser tests of the web front end: a real knooppunt server with demo data,
// driven by Debian's chromium through playwright-core. Runs the journeys of
// the front end, an axe-core scan of every page, and writes screenshots of
// the main pages at phone and desktop width to test-output/screenshots/.
// Prints TAP; exits non-zero when a test fails.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register as registerJourney } from './journey.mjs';
import { register as registerHours } from './hours.mjs';
import { register as registerImport } from './import.mjs';
import { startDemoServer, sleep } from '../demo_server.mjs';
import { register as registerTogether } from './together.mjs';
import { register as registerCallEdit } from './call_edit.mjs';
import { register as registerMyData } from './mydata.mjs';
import { register as registerNotes, registerVog } from './notes.mjs';
import { register as registerCalendar } from './calendar.mjs';
import { register as registerSocialMap } from './socialmap.mjs';
import { register as registerContactPoint } from './contactpoint.mjs';
import { register as registerReports } from './reports.mjs';
import { register as registerNewsletters } from './newsletters.mjs';
import { register as registerWorkday } from './workday.mjs';
import { register as registerMail } from './mail.mjs';
import { register as registerCopy } from './copy.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.resolve(ROOT, process.env.KNOOPPUNT_BIN || 'build/knooppunt');
const WEB = path.join(ROOT, 'web');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PASSWORD = 'knooppunt-demo';
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const RUN = Date.now().toString(36);
const CLOCK = path.join(os.tmpdir(), `knooppunt-e2e-clock-${process.pid}`);
// Moves the server's clock (the file KNOOPPUNT_NOW points at); '' is real time.
// Written beside and renamed into place, so the server never reads it half-written.
const setClock = (value) => {
	fs.writeFileSync(`${CLOCK}.next`, value ? `${value}\n` : '');
	fs.renameSync(`${CLOCK}.next`, CLOCK);
};

const USERS = {
	admin: 'beheer@knooppunt.demo',
	coordinator: 'coordinator@zonnebloem.demo',
	otherCoordinator: 'coordinator@zorggroep.demo',
	professional: 'medewerker@zorggroep.demo',
	volunteer: 'vrijwilliger@knooppunt.demo',
	referrer: 'verwijzer@wmo.demo',
};

// ---- server -------------------------------------------------------------------

async function startServer() {
	if (!fs.existsSync(BIN)) throw new Error(`${BIN} not found; build first`);
	if (!fs.existsSync(path.join(WEB, 'vendor', 'hooks.module.js'))) {
		execFileSync(path.join(ROOT, 'scripts', 'vendor-web'), { stdio: 'inherit' });
	}
	// A clock the tests can move (util/testclock.h): empty is the real time.
	fs.writeFileSync(CLOCK, '');
	process.env.KNOOPPUNT_NOW = `@${CLOCK}`;
	return startDemoServer(BIN, WEB, 'knooppunt-e2e-');
}


// ---- browser helpers -------------------------------------------------------------

let browser, base, server;
const problems = []; // uncaught page errors and CSP violations, per page

async function newPage(viewport = DESKTOP) {
	const ctx = await browser.newContext({ viewport, locale: 'nl-NL' });
	const page = await ctx.newPage();
	page.setDefaultTimeout(10000);
	page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
	});
	return page;
}

async function login(page, email, password = PASSWORD) {
	await page.goto(`${base}/inloggen`);
	await page.fill('#f-email', email);
	await page.fill('#f-password', password);
	await page.click('form button[type=submit]');
	await page.waitForSelector('nav.mainnav');
}

async function go(page, p) {
	await page.goto(base + p);
	await settle(page);
}

// Waits until the page has its title and no "loading" line is left.
async function settle(page) {
	await page.waitForSelector('main h1');
	await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 10000 });
}

// An API call from inside the page, with the session's CSRF token.
function apiIn(page, method, url, body) {
	return page.evaluate(async ([method, url, body]) => {
		const s = await fetch('/api/session').then((r) => r.json());
		const res = await fetch(url, {
			method,
			headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf_token || '' },
			body: body === null ? undefined : JSON.stringify(body),
		});
		return { status: res.status, body: await res.json().catch(() => null) };
	}, [method, url, body ?? null]);
}

async function expectText(page, selector, text) {
	await page.waitForFunction(([sel, txt]) =>
		[...document.querySelectorAll(sel)].some((el) => el.textContent.includes(txt)), [selector, text], { timeout: 10000 })
		.catch(async () => {
			const seen = await page.$$eval(selector, (els) => els.map((e) => e.textContent.trim()).slice(0, 5));
			const errors = await page.$$eval('.alert, .field-error', (els) => els.map((e) => e.textContent.trim()));
			throw new Error(`expected "${text}" in ${selector} on ${page.url()}, saw ${JSON.stringify(seen)}` +
				(errors.length ? `; page says ${JSON.stringify(errors)}` : ''));
		});
}

async function axe(page) {
	const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
	if (!loaded) await page.evaluate(AXE); // evaluate is not subject to the page's CSP
	const result = await page.evaluate(async () => {
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(' ') }));
	});
	return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function shot(page, name) {
	fs.mkdirSync(SHOTS, { recursive: true });
	const w = page.viewportSize().width;
	await page.screenshot({ path: path.join(SHOTS, `${name}-${w}.png`), fullPage: true });
}

// ---- tests ---------------------------------------------------------------------

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const state = {}; // what one journey leaves for a later test

function assert(cond, msg) {
	if (!cond) throw new Error(msg);
}

test('the app loads under the Content-Security-Policy without page errors, in Dutch', async () => {
	const page = await newPage(PHONE);
	const res = await page.goto(`${base}/`);
	const csp = res.headers()['content-security-policy'] || '';
	assert(csp.includes("default-src 'self'"), `no CSP header: ${csp}`);
	await settle(page);
	assert((await page.getAttribute('html', 'lang')) === 'nl', 'html lang is not nl');
	await expectText(page, 'h1', 'Inloggen');
	const external = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !u.startsWith(location.origin)));
	assert(external.length === 0, `resources from elsewhere: ${external.join(', ')}`);
	await page.context().close();
});

test('the Dutch and English translation files have the same keys', async () => {
	const keys = (o, p = '') => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
	const nl = new Set(keys(JSON.parse(fs.readFileSync(path.join(WEB, 'i18n', 'nl.json'), 'utf8'))));
	const en = new Set(keys(JSON.parse(fs.readFileSync(path.join(WEB, 'i18n', 'en.json'), 'utf8'))));
	const missing = [...[...nl].filter((k) => !en.has(k)).map((k) => `en lacks ${k}`), ...[...en].filter((k) => !nl.has(k)).map((k) => `nl lacks ${k}`)];
	assert(missing.length === 0, missing.slice(0, 10).join(', '));
	return `${nl.size} keys`;
});

test('a wrong password shows the Dutch message next to the e-mail field', async () => {
	const page = await newPage();
	await go(page, '/inloggen');
	await page.fill('#f-email', USERS.coordinator);
	await page.fill('#f-password', 'fout-wachtwoord');
	await page.click('form button[type=submit]');
	await expectText(page, '#f-email-error', 'klopt niet');
	assert((await page.getAttribute('#f-email', 'aria-invalid')) === 'true', 'e-mail field not marked invalid');
	const body = await page.textContent('main');
	assert(!/login_failed|"status"|\{/.test(body), 'raw code or JSON shown');
	await page.context().close();
});

test('the language switch changes the interface to English and back', async () => {
	const page = await newPage();
	await go(page, '/inloggen');
	await page.click('header button:has-text("English")');
	await expectText(page, 'h1', 'Log in');
	assert((await page.getAttribute('html', 'lang')) === 'en', 'html lang is not en');
	await page.click('header button:has-text("Nederlands")');
	await expectText(page, 'h1', 'Inloggen');
	await page.context().close();
});

test('keyboard: the skip link reaches the content, and after navigating focus moves to the new heading', async () => {
	const page = await newPage();
	await login(page, USERS.coordinator);
	await go(page, '/'); // a fresh load: focus starts at the top of the document
	await page.keyboard.press('Tab');
	assert((await page.evaluate(() => document.activeElement.className)) === 'skip', 'first Tab does not reach the skip link');
	await page.keyboard.press('Enter');
	assert((await page.evaluate(() => document.activeElement.id)) === 'main', 'skip link does not move focus to main');
	await page.focus('nav.mainnav a[href="/vrijwilligers"]');
	await page.keyboard.press('Enter');
	await settle(page);
	const focused = await page.evaluate(() => `${document.activeElement.tagName} ${document.activeElement.textContent}`);
	assert(focused === 'H1 Vrijwilligers', `focus after navigation is on ${focused}`);
	const ring = await page.evaluate(() => {
		const a = document.querySelector('nav.mainnav a');
		a.focus();
		return getComputedStyle(a).outlineStyle;
	});
	assert(ring !== 'none', 'no visible focus outline on a menu link');
	await page.context().close();
});

test('journey 1: a volunteer signs up, fills in the profile and responds to a suggested call', async () => {
	// A fresh call that suits what she will fill in (walking, Monday morning, Dordrecht).
	const coord0 = await newPage();
	await login(coord0, USERS.coordinator);
	const fitTitle = `Wandelen met mevrouw op maandagochtend ${RUN}`;
	const fit = await apiIn(coord0, 'POST', '/api/calls', {
		title: fitTitle, activity: 'wandelen', place: 'Dordrecht', dayparts: ['mon-morning'], engagement: 'structural',
		themes: ['ouderen'], description: 'Elke maandag een rondje door het park.',
	});
	assert(fit.status === 201, `posting the call: ${fit.status} ${JSON.stringify(fit.body)}`);
	await coord0.context().close();

	const page = await newPage(PHONE);
	await go(page, '/aanmelden');
	const email = `noor.${RUN}@example.nl`;
	await page.fill('#f-first_name', 'Noor');
	await page.fill('#f-last_name', `de Vries ${RUN}`);
	await page.fill('#f-email', email);
	await page.fill('#f-password', 'wandelen-in-dordt');
	await page.fill('#f-place', 'Dordrecht');
	const org = await page.$$eval('#f-organisation_id option', (os) => os.find((o) => o.textContent.includes('Zonnebloem')).value);
	await page.selectOption('#f-organisation_id', org);
	await shot(page, 'aanmelden-ingevuld');
	await page.click('form button[type=submit]');
	await page.waitForURL(/\/mijn-profiel/);
	await settle(page);
	await expectText(page, '.notice', 'Welkom');
	// One block at a time on her phone: about her, then the four building blocks.
	await expectText(page, 'ol.stepper', 'Wanneer');
	await expectText(page, 'h2', 'Over jou');
	assert(!(await page.$('#f-themes')), 'the whole profile is one long form again');
	const next = async (heading) => {
		await page.click('form.profile button[type=submit]');
		await expectText(page, 'h2', heading);
	};
	await next('Waar zet jij je graag voor in?');

	// The four building blocks, in plain words.
	for (const label of ['Ouderen', 'Eenzaamheid']) await page.check(`#f-themes label:has-text("${label}") input`);
	for (const label of ['Wandelen', 'Huisbezoek en gezelschap', 'Uitstapjes en vakantieweken', 'Voorlezen en taalmaatje']) {
		await page.check(`#f-activities label:has-text("${label}") input`);
	}
	await next('Waarom wil je vrijwilligerswerk doen?');
	await page.check('#f-motives label:has-text("Iets betekenen voor een ander") input');
	// Lived experience: consent given in place, then the choices appear.
	await page.click('button:has-text("Ik geef toestemming")');
	await page.waitForSelector('#f-lived_experience');
	const bad = await axe(page);
	assert(bad.length === 0, `axe on the profile step with lived experience: ${JSON.stringify(bad)}`);
	await next('Wat kun je of wil je leren?');
	await page.check('#f-talents label:has-text("Goed kunnen luisteren") input');
	await next('Wanneer heb je tijd?');
	// The grid by keyboard: focus Monday morning, Space; then Tab through to more slots.
	await page.focus('input[data-slot="mon-morning"]');
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space'); // mon-afternoon
	const slots = ['tue-afternoon', 'wed-morning', 'wed-afternoon', 'thu-afternoon', 'fri-morning', 'sat-afternoon'];
	for (const s of slots) await page.click(`label:has(input[data-slot="${s}"])`);
	assert(await page.isChecked('input[data-slot="mon-afternoon"]'), 'Tab + Space did not reach Monday afternoon');
	// A refused value: focus goes to the field, not to a message far above.
	await page.fill('#f-hours_per_week', '99');
	await page.click('form.profile button[type=submit]');
	await page.waitForSelector('#f-hours_per_week[aria-invalid="true"]');
	await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'f-hours_per_week');
	await page.fill('#f-hours_per_week', '6');
	await page.fill('#f-max_distance_km', '15');
	await page.check('#f-engagement label:has-text("Structureel") input');
	await page.check('#f-engagement label:has-text("Eenmalig") input');
	await page.click('form.profile button[type=submit]');
	await expectText(page, '.notice', 'opgeslagen');
	await shot(page, 'mijn-profiel-ingevuld');
	// Consent: the whole network may see the profile.
	await page.check('input[name=profile_scope][value=network]');
	await page.click('button:has-text("Toestemming opslaan")');
	await expectText(page, '.notice', 'Je keuze is opgeslagen');
	const me = await apiIn(page, 'GET', '/api/session');
	const vol = await apiIn(page, 'GET', `/api/volunteers/${me.body.volunteer_id}`);
	assert(vol.status === 200, `own profile: ${vol.status}`);
	for (const s of ['mon-morning', 'mon-afternoon', ...slots]) assert(vol.body.availability.includes(s), `availability lacks ${s}: ${vol.body.availability}`);
	assert(vol.body.themes.includes('ouderen') && vol.body.activities.includes('wandelen'), 'themes/activities not saved');
	assert(vol.body.hours_per_week === 6, `hours_per_week ${vol.body.hours_per_week}`);
	assert(vol.body.status === 'applied', `new volunteer has status ${vol.body.status}`);
	const consent = await apiIn(page, 'GET', `/api/volunteers/${vol.body.id}/consent`);
	assert(consent.body.profile_scope === 'network', `consent scope ${JSON.stringify(consent.body)}`);
	state.newVolunteerId = vol.body.id;

	// Intake by the coordinator of the organisation makes the volunteer active.
	const coord = await newPage();
	await login(coord, USERS.coordinator);
	await go(coord, '/vrijwilligers?status=applied&q=' + encodeURIComponent(RUN));
	await coord.click(`a:has-text("Noor de Vries ${RUN}")`);
	await settle(coord);
	await coord.fill('#f-max_matches', '3'); // agreed at the intake: up to three at a time
	await coord.click('form.profile button[type=submit]');
	await expectText(coord, '.notice', 'opgeslagen');
	await coord.click('button:has-text("Intake gedaan")');
	await expectText(coord, '.page .intro .badge', 'Actief');
	await coord.context().close();
	state.noor = { email, password: 'wandelen-in-dordt', id: vol.body.id };

	// A write reaches the matching index within a second (DESIGN.md §6); allow a few.
	let sug;
	for (let i = 0; i < 50; i++) {
		sug = await apiIn(page, 'GET', `/api/volunteers/${vol.body.id}/suggestions?limit=20`);
		if (sug.status !== 200 || sug.body.items.some((x) => x.title === fitTitle)) break;
		await sleep(200);
	}
	assert(sug.status !== 404, `GET /api/volunteers/{id}/suggestions answers ${sug.status} ${sug.body && sug.body.code}: not on this server`);
	assert(sug.status === 200 && sug.body.items.some((x) => x.title === fitTitle),
		`the fitting call is not suggested: ${sug.status} ${JSON.stringify(sug.body).slice(0, 300)}`);
	assert(sug.body.items.find((x) => x.title === fitTitle).explanation_text,
		'the server sends the suggestion without an explanation (explanation_text is empty)');

	// Calls that suit her, with why; she responds to the first.
	await go(page, '/');
	await expectText(page, 'h2', 'Oproepen die bij je passen');
	const card = page.locator('ul.cards > li', { hasText: fitTitle });
	await card.waitFor();
	const why = await card.locator('.why').textContent();
	assert(why && why.length > 8, 'suggestion has no explanation');
	const title = (await card.locator('a.li-title').textContent()).trim();
	await shot(page, 'voor-jou');
	await card.locator('button:has-text("Ik wil dit doen")').click();
	await expectText(page, 'ul.cards .ok', 'Je reactie is verstuurd');
	await go(page, '/mijn-koppelingen');
	await expectText(page, '.match-row', title);
	await expectText(page, '.match-row .badge', 'Je hebt gereageerd');
	await page.context().close();
});

test('journey 2: a coordinator posts a call, opens the candidates, accepts a volunteer and the match becomes active', async () => {
	const page = await newPage();
	await login(page, USERS.coordinator);
	await go(page, '/oproepen/nieuw');
	const title = `Wandelmaatje op dinsdag ${RUN}`;
	await page.fill('#f-title', title);
	await page.selectOption('#f-activity', 'wandelen');
	await page.fill('#f-description', 'Mevrouw wil graag elke week een rondje door het park.');
	await page.fill('#f-place', 'Dordrecht');
	await page.check('input[name=schedule][value=recurring]');
	await page.click('label:has(input[data-slot="tue-afternoon"])');
	await page.click('label:has(input[data-slot="thu-afternoon"])');
	await page.check('#f-themes label:has-text("Ouderen") input');
	await shot(page, 'oproep-plaatsen');
	await page.click('form button[type=submit]');
	await page.waitForURL(/\/oproepen\/\d+/);
	await settle(page);
	await expectText(page, 'h1', title);
	await expectText(page, '.notice', 'geplaatst');
	const callId = Number(new URL(page.url()).pathname.split('/').pop());

	// Candidates with their explanation.
	const cands = await apiIn(page, 'GET', `/api/calls/${callId}/candidates?limit=20`);
	assert(cands.status !== 404, `GET /api/calls/{id}/candidates answers ${cands.status} ${cands.body && cands.body.code}: not on this server`);
	assert(cands.status === 200 && cands.body.items.length > 0, `no candidates: ${cands.status} ${JSON.stringify(cands.body).slice(0, 200)}`);
	assert(cands.body.items[0].explanation_text, 'the server sends candidates without an explanation (explanation_text is empty)');
	const cand = page.locator('ol.cands > li').first();
	await cand.waitFor();
	assert((await cand.locator('.why').textContent()).length > 8, 'candidate has no explanation');
	await shot(page, 'oproep-kandidaten');
	await cand.locator('button:has-text("Koppelen")').click();
	const row = page.locator('.match-row').first();
	await expectText(page, '.match-row .badge', 'Voorgesteld');
	await row.locator('button:has-text("Contact opgenomen")').click();
	await expectText(page, '.match-row .badge', 'Benaderd');
	await row.locator('button:has-text("Vrijwilliger zegt ja")').click();
	await expectText(page, '.match-row .badge', 'Akkoord');
	await row.locator('button:has-text("Inzet gestart")').click();
	await expectText(page, '.match-row .badge', 'Actief');
	const matches = await apiIn(page, 'GET', `/api/matches?call_id=${callId}`);
	assert(matches.body.items.some((m) => m.status === 'active'), 'no active match stored');

	// Declining the next candidate asks for a reason and records it.
	const next = page.locator('ol.cands > li').first();
	const nextName = (await next.locator('a.li-title').textContent()).trim();
	await next.locator('button:has-text("Afwijzen")').click();
	await next.locator('form.reason-form button[type=submit]').click();
	await expectText(page, 'ol.cands .field-error', 'Vul een reden in');
	await next.locator('input[name=reason]').fill('Woont te ver voor elke week.');
	await next.locator('form.reason-form button[type=submit]').click();
	await expectText(page, '.match-row', nextName);
	const after = await apiIn(page, 'GET', `/api/matches?call_id=${callId}`);
	assert(after.body.items.some((m) => m.status === 'declined' && m.reason === 'Woont te ver voor elke week.'), 'declined candidate not recorded with its reason');

	await shot(page, 'oproep-koppelingen');
	state.callId = callId;
	await page.context().close();
});

// Posts a call through the API as the logged-in coordinator; returns its id.
async function postCall(page, title) {
	const r = await apiIn(page, 'POST', '/api/calls', {
		title, activity: 'huisbezoek', place: 'Dordrecht', dayparts: ['wed-afternoon'], description: 'Koffie drinken en een praatje.',
	});
	assert(r.status === 201, `posting a call: ${r.status} ${JSON.stringify(r.body)}`);
	return r.body.id;
}

// Active volunteers of the coordinator's organisation with room for one more
// match. Matches at other organisations count too, so the administrator counts.
async function volunteersWithRoom(page, n) {
	const vs = await apiIn(page, 'GET', '/api/volunteers?status=active&limit=60');
	const admin = await newPage();
	await login(admin, USERS.admin);
	const out = [];
	for (const v of vs.body.items) {
		const open = await apiIn(admin, 'GET', `/api/matches?volunteer_id=${v.id}&limit=50`);
		const busy = open.body.items.filter((m) => ['proposed', 'contacted', 'accepted', 'active'].includes(m.status)).length;
		if (busy < v.max_matches && !v.last_name.includes(RUN)) out.push(v);
		if (out.length === n) break;
	}
	await admin.context().close();
	assert(out.length === n, 'not enough volunteers with room in the demo data');
	return out;
}

test('a coordinator asks for a proposal for all open calls and links one line of it', async () => {
	const page = await newPage();
	await login(page, USERS.coordinator);
	const probe = await apiIn(page, 'POST', '/api/proposals', { organisation_id: (await apiIn(page, 'GET', '/api/session')).body.organisation_id });
	assert(probe.status !== 404, `POST /api/proposals answers ${probe.status} ${probe.body && probe.body.code}: not on this server`);
	assert(probe.status === 200 && probe.body.items.length > 0, `no proposal: ${probe.status} ${JSON.stringify(probe.body).slice(0, 200)}`);
	assert(probe.body.items.every((p) => p.explanation_text), 'the server sends proposal lines without an explanation (explanation_text is empty)');
	await go(page, '/voorstellen');
	await page.click('button:has-text("Voorstel maken")');
	const line = page.locator('main ul.list').first().locator('li.list-item:has(button:has-text("Koppelen"))').first();
	await line.waitFor();
	assert((await line.locator('.why').count()) === 1, 'proposal line without explanation');
	await line.locator('button:has-text("Koppelen")').click();
	await expectText(page, 'main ul.list', 'Gekoppeld, bekijken');
	await shot(page, 'voorstel');
	await page.context().close();
});

test('a coordinator opens a nazorg task from the overview and records that the match works', async () => {
	const page = await newPage();
	await login(page, USERS.coordinator);
	await go(page, '/');
	const task = page.locator('ul.tasks li.list-item', { hasText: 'Nazorg' }).first();
	await task.waitFor();
	await task.locator('a:has-text("Naar de koppeling")').click();
	await settle(page);
	const id = Number(new URL(page.url()).pathname.split('/').pop());
	await expectText(page, 'h2', 'Nazorg');
	await page.click('button:has-text("Nazorg vastleggen")');
	await expectText(page, '#f-answer .field-error', 'Kies een antwoord');
	await page.check('input[name=answer][value=good]');
	await page.fill('#f-notes', 'Mevrouw is blij met het bezoek.');
	await page.click('button:has-text("Nazorg vastleggen")');
	await expectText(page, '[role=status]', 'Ja, het gaat goed');
	const a = await apiIn(page, 'GET', `/api/matches/${id}/aftercare`);
	assert(a.status === 200 && a.body.answer === 'good', `aftercare stored as ${JSON.stringify(a.body)}`);
	await page.context().close();
});

test('nazorg waits two weeks: a match that just started says from when it is asked, and has no form yet', async () => {
	const page = await newPage();
	await login(page, USERS.coordinator);
	await go(page, '/');
	const list = await apiIn(page, 'GET', '/api/matches?status=accepted&limit=1');
	assert(list.status === 200 && list.body.items.length > 0, `no accepted match to start: ${list.status}`);
	const id = list.body.items[0].id;
	const up = await apiIn(page, 'PATCH', `/api/matches/${id}`, { status: 'active' });
	assert(up.status === 200, `the match did not start: ${up.status} ${JSON.stringify(up.body)}`);
	await go(page, `/koppelingen/${id}`);
	await settle(page);
	await expectText(page, '#aftercare-from', 'Nazorg volgt twee weken na de start');
	assert((await page.locator('button:has-text("Nazorg vastleggen")').count()) === 0, 'the nazorg form shows on the day the match started');
	const put = await apiIn(page, 'PUT', `/api/matches/${id}/aftercare`, { answer: 'good' });
	assert(put.status === 409 && put.body.field === 'answer', `an early answer was not refused: ${put.status}`);
	await page.context().close();
});

test('a coordinator registers a volunteer who came in by phone; the profile opens with status Aangemeld', async () => {
	const page = await newPage();
	await login(page, USERS.coordinator);
	await go(page, '/vrijwilligers/nieuw');
	await page.fill('#f-first_name', 'Henk');
	await page.fill('#f-last_name', `Smit ${RUN}`);
	await page.fill('#f-place', 'Papendrecht');
	const org = await page.$$eval('#f-organisation_id option', (os) => os.find((o) => o.textContent.includes('Zonnebloem')).value);
	await page.selectOption('#f-organisation_id', org);
	await page.click('label:has(input[data-slot="thu-evening"])');
	await page.click('form.profile button[type=submit]');
	await page.waitForURL(/\/vrijwilligers\/\d+/);
	await settle(page);
	await expectText(page, 'h1', `Henk Smit ${RUN}`);
	await expectText(page, '.intro .badge', 'Aangemeld');
	assert(await page.isChecked('input[data-slot="thu-evening"]'), 'availability not kept');
	await page.context().close();
});

test('a coordinator links a volunteer found by name and takes the match through every step; declining and ending need a reason', async () => {
	const page = await newPage();
	await login(page, USERS.coordinator);
	const title = `Bezoek op woensdag ${RUN}`;
	const callId = await postCall(page, title);
	state.pickCallId = callId;
	const [a, b] = await volunteersWithRoom(page, 2);
	await go(page, `/oproepen/${callId}`);
	const pick = async (v) => {
		await page.fill('#f-pick-q', v.last_name);
		await page.click('form.pick button[type=submit]');
		await page.click(`.pick-row:has-text("${v.first_name} ${v.last_name}") button`);
		await expectText(page, '.match-row', `${v.first_name} ${v.last_name}`);
	};
	await pick(a);
	const row = page.locator('.match-row', { hasText: `${a.first_name} ${a.last_name}` });
	await expectText(page, '.match-row .badge', 'Voorgesteld');
	await row.locator('button:has-text("Contact opgenomen")').click();
	await expectText(page, '.match-row .badge', 'Benaderd');
	await row.locator('button:has-text("Vrijwilliger zegt ja")').click();
	await expectText(page, '.match-row .badge', 'Akkoord');
	await row.locator('button:has-text("Inzet gestart")').click();
	await expectText(page, '.match-row .badge', 'Actief');

	await pick(b);
	const second = page.locator('.match-row', { hasText: `${b.first_name} ${b.last_name}` });
	await second.locator('button:has-text("Afwijzen")').click();
	await second.locator('form.reason-form button[type=submit]').click();
	await expectText(page, '.reason-form .field-error', 'verplicht');
	assert((await second.locator('input[name=reason]').getAttribute('aria-invalid')) === 'true', 'reason not marked invalid');
	await second.locator('input[name=reason]').fill('Past niet bij de tijden van mevrouw.');
	await second.locator('form.reason-form button[type=submit]').click();
	await expectText(page, '.match-row .badge', 'Afgewezen');

	await row.locator('button:has-text("Beëindigen")').click();
	await row.locator('input[name=reason]').fill('De bewoner is verhuisd.');
	await row.locator('form.reason-form button[type=submit]').click();
	await expectText(page, '.match-row .badge', 'Beëindigd');
	await shot(page, 'oproep-levensloop');
	const ms = await apiIn(page, 'GET', `/api/matches?call_id=${callId}`);
	const byVol = Object.fromEntries(ms.body.items.map((m) => [m.volunteer_id, m]));
	assert(byVol[a.id].status === 'ended' && byVol[a.id].reason === 'De bewoner is verhuisd.', `match a: ${JSON.stringify(byVol[a.id])}`);
	assert(byVol[b.id].status === 'declined' && byVol[b.id].reason.startsWith('Past niet'), `match b: ${JSON.stringify(byVol[b.id])}`);
	const one = await apiIn(page, 'GET', `/api/matches/${byVol[a.id].id}`);
	assert(one.body.events.map((e) => e.to).join(',') === 'proposed,contacted,accepted,active,ended', `events ${one.body.events.map((e) => e.to)}`);
	await page.context().close();
});

test('a volunteer responds to an open call from its page, and follows the match', async () => {
	assert(state.noor && state.pickCallId, 'needs the volunteer of journey 1 and the call of the previous test');
	const page = await newPage(PHONE);
	await login(page, state.noor.email, state.noor.password);
	await go(page, `/oproepen/${state.pickCallId}`);
	await page.click('button:has-text("Ik wil dit doen")');
	await expectText(page, '.respond', 'Je hebt al gereageerd');
	await expectText(page, '.respond .badge', 'Je hebt gereageerd');
	await shot(page, 'reageren');
	await go(page, '/mijn-koppelingen');
	await expectText(page, '.match-row', `Bezoek op woensdag ${RUN}`);
	await page.click('.match-row button:has-text("Nee, toch niet")');
	await page.fill('.match-row input[name=reason]', 'Ik heb op woensdag toch geen tijd.');
	await page.click('.match-row form.reason-form button[type=submit]');
	await expectText(page, '.match-row .badge', 'Afgewezen');
	await page.context().close();
});

test('journey 3: a referrer submits a help request and follows its status', async () => {
	const page = await newPage(PHONE);
	await login(page, USERS.referrer);
	await go(page, '/hulpvragen/nieuw');
	const title = `Gezelschap voor meneer (82) ${RUN}`;
	const org = await page.$$eval('#f-organisation_id option', (os) => os.find((o) => o.textContent.includes('Zonnebloem')).value);
	await page.selectOption('#f-organisation_id', org);
	await page.fill('#f-title', title);
	await page.selectOption('#f-activity', 'huisbezoek');
	await page.fill('#f-place', 'Zwijndrecht');
	const d = new Date(Date.now() + 14 * 864e5).toISOString().slice(0, 10);
	await page.fill('#f-one_off_date', d);
	await page.click('form button[type=submit]');
	await page.waitForURL(/\/hulpvragen\/\d+/);
	await settle(page);
	await expectText(page, '.notice', 'doorgezet naar Zonnebloem');
	await expectText(page, '.intro .badge', 'In behandeling');
	await shot(page, 'hulpvraag');
	const id = Number(new URL(page.url()).pathname.split('/').pop());

	// The receiving coordinator finds a volunteer; the referrer sees it.
	const coord = await newPage();
	await login(coord, USERS.coordinator);
	await go(coord, `/oproepen/${id}`);
	await coord.click('button:has-text("Markeren als vervuld")');
	await coord.click('.confirm-step button:has-text("Ja, markeren als vervuld")'); // it asks first
	await expectText(coord, '.intro .badge', 'Vervuld');
	await coord.context().close();
	await go(page, '/');
	await expectText(page, '.list-item', title);
	const badge = (await page.locator('.list-item', { hasText: title }).locator('.badge').textContent()).trim();
	assert(badge === 'Vrijwilliger gevonden', `help request shows status "${badge}"`);
	await page.context().close();
});

test('a professional posts a call for a client and confirms that a match works', async () => {
	const page = await newPage();
	await login(page, USERS.professional);
	await go(page, '/oproepen/nieuw');
	await page.check('input[name=source][value=client]');
	const title = `Voorlezen voor mevrouw (90) ${RUN}`;
	await page.fill('#f-title', title);
	await page.selectOption('#f-activity', 'voorlezen');
	await page.fill('#f-place', 'Zwijndrecht');
	await page.check('input[name=schedule][value=recurring]');
	await page.click('label:has(input[data-slot="fri-morning"])');
	await page.click('form button[type=submit]');
	await page.waitForURL(/\/oproepen\/\d+/);
	await settle(page);
	const id = Number(new URL(page.url()).pathname.split('/').pop());
	const call = await apiIn(page, 'GET', `/api/calls/${id}`);
	assert(call.body.source === 'client' && call.body.title === title, `call stored as ${JSON.stringify(call.body).slice(0, 200)}`);
	assert(call.body.published === false, 'a help request is published before the organisation wrote its public text');
	// The organisation writes the text volunteers will see, which publishes it.
	await page.fill('#f-public_title', `Voorlezen in Zwijndrecht ${RUN}`);
	await page.click('button:has-text("Publiceren voor vrijwilligers")');
	await page.waitForFunction(() => document.body.textContent.includes('Gepubliceerd'));

	// The organisation's coordinator matches a volunteer and hears yes.
	const coord = await newPage();
	await login(coord, USERS.otherCoordinator);
	const [v] = await volunteersWithRoom(coord, 1);
	const made = await apiIn(coord, 'POST', '/api/matches', { call_id: id, volunteer_id: v.id });
	assert(made.status === 201, `match: ${made.status} ${JSON.stringify(made.body)}`);
	const m = made.body;
	for (const status of ['contacted', 'accepted']) {
		const r = await apiIn(coord, 'PATCH', `/api/matches/${m.id}`, { status });
		assert(r.status === 200, `${status}: ${r.status} ${JSON.stringify(r.body)}`);
	}
	await coord.context().close();

	await go(page, '/');
	await shot(page, 'medewerker-bevestigen');
	await page.click(`.match-row:has(a[href="/koppelingen/${m.id}"]) button:has-text("Bevestigen: het werkt")`);
	await page.waitForFunction((mid) => !document.querySelector(`section:first-of-type a[href="/koppelingen/${mid}"]`) ||
		document.querySelector(`a[href="/koppelingen/${mid}"]`).closest('.match-row').querySelector('.badge').textContent.includes('Actief'), m.id);
	const after = await apiIn(page, 'GET', `/api/matches/${m.id}`);
	assert(after.body.status === 'active', `match is ${after.body.status}`);
	await page.context().close();
});

test('the network administrator adds an organisation and a value to a shared list', async () => {
	const page = await newPage();
	await login(page, USERS.admin);
	await go(page, '/organisaties/nieuw');
	await page.fill('#f-name', `Buurtkracht ${RUN}`);
	await page.selectOption('#f-kind', 'welfare');
	await page.click('form button[type=submit]');
	await expectText(page, '#f-municipality-error', 'verplicht');
	await page.fill('#f-municipality', 'Sliedrecht');
	await page.click('form button[type=submit]');
	await page.waitForURL(/\/organisaties\/\d+/);
	await expectText(page, 'h1', `Buurtkracht ${RUN}`);
	await go(page, '/lijsten/activity');
	const code = `fietsen_${RUN}`.replace(/[^a-z0-9_]/g, '');
	await page.fill('#f-code', code);
	await page.fill('#f-label_nl', `Samen fietsen ${RUN}`);
	await page.fill('#f-label_en', `Cycling together ${RUN}`);
	await page.click('button:has-text("Toevoegen")');
	await expectText(page, '.list-item', `Samen fietsen ${RUN}`);
	const list = await apiIn(page, 'GET', '/api/lists/activity');
	assert(list.body.items.some((it) => it.code === code), 'new list value not stored');
	await page.context().close();
});

test("journey 4: a coordinator cannot open another organisation's volunteer", async () => {
	const admin = await newPage();
	await login(admin, USERS.admin);
	const orgs = await apiIn(admin, 'GET', '/api/organisations?limit=200');
	const zorg = orgs.body.items.find((o) => o.name.includes('Zorggroep'));
	const theirs = await apiIn(admin, 'GET', `/api/volunteers?organisation_id=${zorg.id}&limit=50`);
	await admin.context().close();
	assert(theirs.body.items.length > 0, 'no volunteers of another organisation in the demo data');

	const page = await newPage();
	await login(page, USERS.coordinator);
	let target = null;
	for (const v of theirs.body.items) {
		if ((await apiIn(page, 'GET', `/api/volunteers/${v.id}`)).status === 403) {
			target = v;
			break;
		}
	}
	assert(target, 'every volunteer of the other organisation is readable');
	await go(page, `/vrijwilligers/${target.id}`);
	await expectText(page, 'h1', 'Geen toegang');
	assert(await page.$('#f-first_name') === null, 'a profile form is shown');
	const text = await page.textContent('main');
	assert(!text.includes(target.last_name), 'the volunteer name leaks onto the page');
	await shot(page, 'geen-toegang');
	await page.context().close();
});

// The volunteer journey, transfers, privacy and accounts (tests/e2e/journey.mjs).

// The newest one-time link to `email` in the outbox, read with `knooppunt outbox`
// as the mail sender would.
function mailedToken(email, linkPath) {
	const out = execFileSync(BIN, ['outbox', '--data', server.data], { encoding: 'utf8' });
	const mail = out.split('\n--- ').filter((m) => m.includes(`Aan: ${email}`)).pop() || '';
	const m = mail.match(new RegExp(`${linkPath}\\?token=([A-Za-z0-9_-]+)`));
	assert(m, `no link ${linkPath} mailed to ${email}`);
	return m[1];
}

// Opens the invitation mailed to email in a new phone-sized page, chooses
// password and waits for the menu: the invited person is logged in.
async function acceptInvitation(email, password) {
	const page = await newPage(PHONE);
	await go(page, `/uitnodiging?token=${mailedToken(email, '/uitnodiging')}`);
	await page.fill('#f-password', password);
	await page.fill('#f-again', password);
	await page.click('form button[type=submit]');
	await page.waitForSelector('nav.mainnav');
	return page;
}

registerJourney({ test, newPage, login, go, apiIn, expectText, shot, assert, axe, USERS, RUN, PHONE, state, mailedToken, acceptInvitation });
registerImport({ test, newPage, login, go, expectText, assert, USERS, axe });

test('an invited volunteer chooses a password through the mailed link, and later resets it', async () => {
	const staff = await newPage();
	await login(staff, USERS.coordinator);
	const me = (await apiIn(staff, 'GET', '/api/session')).body;
	const email = `uitgenodigd-${RUN}@test.nl`;
	const vol = await apiIn(staff, 'POST', '/api/volunteers', { first_name: 'Ineke', last_name: `Uitnodiging ${RUN}`,
		email, place: 'Dordrecht', organisation_id: me.organisation_id });
	assert(vol.status === 201, `volunteer: ${vol.status}`);
	const acc = await apiIn(staff, 'POST', '/api/accounts', { display_name: 'Ineke', role: 'volunteer', volunteer_id: vol.body.id });
	assert(acc.status === 201 && acc.body.invited === true, `invitation: ${acc.status}`);
	await staff.context().close();

	const page = await acceptInvitation(email, 'mijn-eigen-geheim-1');
	assert((await apiIn(page, 'GET', '/api/session')).body.volunteer_id === vol.body.id, 'not logged in as the volunteer');
	await page.context().close();

	const anon = await newPage();
	await go(anon, '/inloggen');
	await anon.click('a[href="/wachtwoord-vergeten"]');
	await anon.waitForSelector('#f-email');
	await anon.fill('#f-email', email);
	await anon.click('form button[type=submit]');
	await anon.waitForSelector('[role=status]');
	await go(anon, `/wachtwoord-herstellen?token=${mailedToken(email, '/wachtwoord-herstellen')}`);
	await anon.fill('#f-password', 'weer-een-nieuw-geheim');
	await anon.fill('#f-again', 'weer-een-nieuw-geheim');
	await anon.click('form button[type=submit]');
	await anon.waitForSelector('[role=status]');
	await login(anon, email, 'weer-een-nieuw-geheim');
	await anon.context().close();
});
registerHours({ test, newPage, login, go, apiIn, expectText, assert, axe, USERS, PHONE });
registerTogether({ test, newPage, login, go, apiIn, expectText, shot, assert, axe, USERS, RUN, PHONE, acceptInvitation });
registerCallEdit({ test, newPage, login, go, apiIn, expectText, shot, assert, axe, USERS, RUN, PHONE });
registerMyData({ test, newPage, login, expectText, shot, assert, axe, USERS, PHONE });
registerNotes({ test, newPage, login, go, expectText, shot, assert, axe, USERS, RUN, PHONE });
registerVog({ test, newPage, login, go, apiIn, expectText, shot, assert, axe, USERS });
registerNewsletters({ test, newPage, login, go, expectText, shot, assert, axe, USERS, RUN, PHONE });
registerCalendar({ test, newPage, login, go, expectText, shot, assert, axe, USERS, PHONE });
registerSocialMap({ test, newPage, login, go, apiIn, expectText, assert, axe, USERS, PHONE, ROOT, RUN });
registerContactPoint({ test, newPage, login, go, apiIn, expectText, assert, axe, USERS, PHONE, RUN, setClock, base: () => base });
registerReports({ test, newPage, login, go, expectText, assert, axe, USERS, PHONE, DESKTOP, shot, ROOT });
registerWorkday({ test, newPage, login, go, apiIn, expectText, shot, assert, axe, USERS, RUN, PHONE, DESKTOP, acceptInvitation, setClock });
registerMail({ test, newPage, login, go, expectText, shot, assert, axe, USERS, PHONE, base: () => base });
registerCopy({ test, newPage, login, go, assert, USERS });

// Each role's pages: axe at phone and desktop width, screenshots of both.
async function ids(page) {
	const one = async (url) => ((await apiIn(page, 'GET', url)).body?.items || [])[0];
	return { one };
}

const TOURS = {
	anonymous: async () => {
		const calls = await (await fetch(`${base}/api/public/calls?limit=1`)).json();
		return ['/inloggen', '/aanmelden', '/wachtwoord-vergeten', '/wachtwoord-herstellen?token=x',
			'/uitnodiging?token=x', '/sociale-kaart', '/sociale-kaart/flyer', '/doe-mee', '/word-vrijwilliger',
			'/hulp-vragen', ...calls.items.map((c) => `/doe-mee/${c.id}`)];
	},
	volunteer: async (page) => {
		const { one } = await ids(page);
		const call = await one('/api/calls?status=open&limit=1');
		const m = await one('/api/matches?limit=1');
		const tr = await one('/api/transfers?limit=1');
		const news = await one('/api/newsletters?limit=1');
		return ['/', '/mijn-profiel', '/mijn-koppelingen', '/oproepen', call && `/oproepen/${call.id}`, m && `/koppelingen/${m.id}`,
			'/mijn-reis', '/mijn-gegevens', '/mijn-uren', tr && `/doorverwijzingen/${tr.id}`, '/nieuwsbrieven',
			news && `/nieuwsbrieven/${news.id}`];
	},
	coordinator: async (page) => {
		const { one } = await ids(page);
		const v = await one('/api/volunteers?status=active&limit=1');
		const call = await one('/api/calls?status=open&limit=1');
		const m = await one('/api/matches?status=active&limit=1');
		const tr = await one('/api/transfers?limit=1');
		const h = await one('/api/help-requests?status=routed&limit=1');
		const news = await one('/api/newsletters?limit=1');
		return ['/', '/vrijwilligers', v && `/vrijwilligers/${v.id}`, '/vrijwilligers/nieuw', '/oproepen', '/oproepen/nieuw',
			call && `/oproepen/${call.id}`, '/voorstellen', '/koppelingen', m && `/koppelingen/${m.id}`,
			'/doorverwijzingen', tr && `/doorverwijzingen/${tr.id}`, '/gebruikers', '/cijfers', '/uren', '/ons-aanbod', '/locaties',
			'/contactpunt', h && `/contactpunt/${h.id}`, '/nieuwsbrieven', '/nieuwsbrieven/nieuw',
			news && `/nieuwsbrieven/${news.id}`];
	},
	professional: async () => ['/', '/oproepen/nieuw', '/koppelingen', '/wachtwoord-wijzigen'],
	referrer: async (page) => {
		const { one } = await ids(page);
		const c = await one('/api/calls?limit=1');
		const h = await one('/api/help-requests?limit=1');
		return ['/', '/hulpvragen/nieuw', c && `/hulpvragen/${c.id}`, '/contactpunt', '/contactpunt/nieuw',
			h && `/contactpunt/${h.id}`];
	},
	admin: async (page) => {
		const { one } = await ids(page);
		const o = await one('/api/organisations?limit=1');
		const v = await one('/api/volunteers?status=active&limit=1');
		return ['/', '/organisaties', o && `/organisaties/${o.id}`, '/organisaties/nieuw', '/lijsten', '/lijsten/theme',
			v && `/vrijwilligers/${v.id}`, '/auditlog', '/doorverwijzingen', '/gebruikers', '/cijfers', '/uren',
			'/contactpunt', '/nieuwsbrieven', '/e-mail', '/instellingen'];
	},
};

for (const [role, pages] of Object.entries(TOURS)) {
	test(`axe: no serious or critical violation (and no raw key or JSON) on the ${role} pages, at 375 and 1280 px`, async () => {
		const found = [];
		let n = 0;
		for (const viewport of [PHONE, DESKTOP]) {
			const page = await newPage(viewport);
			if (role !== 'anonymous') await login(page, USERS[role]);
			for (const p of (await pages(page)).filter(Boolean)) {
				await go(page, p);
				const bad = await axe(page);
				n++;
				const raw = await page.evaluate(() => {
					const text = document.body.innerText;
					const key = text.match(/\b(?:nav|common|error|field|login|signup|dashboard|admin|volunteers|profile|profileSelf|status|calls|callForm|candidates|suggestions|respond|matches|proposals|me|help|pro|orgs|orgKind|lists|listKind|consent|pick|day|dayShort|part|engagement|travel|role|aftercare|journey|transfer|training|competence|privacy|audit|erase|accounts|account|newsletters|mail|failedMail)\.[a-zA-Z_.]+/);
					const json = text.match(/\{"|"status":|problem\+json/);
					return (key && `untranslated key ${key[0]}`) || (json && 'raw JSON on the page') || '';
				});
				if (raw) found.push(`${p}@${viewport.width}: ${raw}`);
				for (const v of bad) found.push(`${p}@${viewport.width}: ${v.id} (${v.impact}, ${v.n}× e.g. ${v.target})`);
				const name = `${role}${p === '/' ? '-start' : p.replace(/\/\d+/g, '-detail').replace(/\//g, '-')}`;
				await shot(page, name);
			}
			await page.context().close();
		}
		assert(n > 0, 'no pages scanned');
		assert(found.length === 0, found.join('; '));
		return `${n} page views scanned`;
	});
}

test('the axe scan finds a planted violation (the scanner itself works)', async () => {
	const page = await newPage();
	await go(page, '/inloggen');
	await page.evaluate(() => {
		const input = document.createElement('input'); /* no label: axe rule "label", critical */
		input.id = 'planted';
		document.querySelector('main').append(input);
	});
	const bad = await axe(page);
	assert(bad.some((v) => v.id === 'label'), `planted unlabeled input not reported: ${JSON.stringify(bad)}`);
	await page.context().close();
});

// A cold page load on a slow phone connection (150 ms, 1.6 Mbit/s down,
// 750 kbit/s up), logged in, with an empty cache: how many requests, how
// many bytes over the wire, and how long until the page has settled.
// Printed as a benchmark line, never asserted: the machine is shared.
const SLOW = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const PAGE_LOADS = [
	['volunteer-home', USERS.volunteer, '/'],
	['coordinator-dashboard', USERS.coordinator, '/'],
	['match-list', USERS.coordinator, '/koppelingen'],
];

async function coldLoad(email, p) {
	const warm = await newPage(PHONE);
	await login(warm, email);
	const storageState = await warm.context().storageState();
	await warm.context().close();
	const ctx = await browser.newContext({ viewport: PHONE, locale: 'nl-NL', storageState });
	const page = await ctx.newPage();
	page.setDefaultTimeout(30000);
	const cdp = await ctx.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	await cdp.send('Network.emulateNetworkConditions', SLOW);
	let requests = 0, bytes = 0, started = Date.now();
	cdp.on('Network.requestWillBeSent', (e) => {
		requests++;
		if (process.env.E2E_REQUESTS) console.log(`# ${p} ${Date.now() - started} ms ${e.request.method} ${e.request.url.replace(base, '')}`);
	});
	cdp.on('Network.loadingFinished', (e) => {
		bytes += e.encodedDataLength;
		if (process.env.E2E_REQUESTS) console.log(`# ${p} ${Date.now() - started} ms done ${e.encodedDataLength} bytes`);
	});
	started = Date.now();
	await page.goto(base + p);
	await page.waitForSelector('main h1', { timeout: 30000 });
	await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 30000 });
	const ms = Date.now() - started;
	await ctx.close();
	return { requests, bytes, ms };
}

// The modules a module imports: its static imports (`import … from`, `export
// … from`, vendored minified code included) or its dynamic import() calls.
function importsOf(file, dynamic) {
	const src = fs.readFileSync(path.join(WEB, file), 'utf8');
	const re = dynamic ? /\bimport\(\s*["']([^"']+)["']\s*\)/g
		: /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+)["']/g;
	return [...src.matchAll(re)].map((m) => path.posix.join(path.posix.dirname(file), m[1]));
}

// Every module reachable from `roots` through static imports.
function staticClosure(roots) {
	const seen = new Set();
	const walk = (f) => {
		if (seen.has(f)) return;
		seen.add(f);
		importsOf(f, false).forEach(walk);
	};
	roots.forEach(walk);
	return seen;
}

test('index.html preloads the first paint\'s modules, and the router reaches every page module', async () => {
	const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
	const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
	// What main.js needs before it can paint: all of it preloaded, and nothing more.
	const shell = [...staticClosure(['/app/main.js'])].filter((f) => f !== '/app/main.js');
	const missing = shell.filter((f) => !preloaded.has(f));
	const extra = [...preloaded].filter((f) => !shell.includes(f));
	assert(missing.length === 0 && extra.length === 0,
		`first paint needs but not preloaded: ${missing.join(', ')}; preloaded but not needed first: ${extra.join(', ')}`);
	assert(!shell.some((f) => f.startsWith('/app/pages/')), `a page module loads with the shell: ${shell.join(', ')}`);
	// Every module on disk is loaded by the router's import() of some page, or by the shell.
	const pages = importsOf('/app/main.js', true);
	const reachable = staticClosure(['/app/main.js', ...pages]);
	const files = (dir) => fs.readdirSync(path.join(WEB, dir)).filter((f) => f.endsWith('.js')).map((f) => `/${dir}/${f}`);
	const unreachable = [...files('vendor'), ...files('app'), ...files('app/pages')].filter((f) => !reachable.has(f));
	assert(unreachable.length === 0, `no route loads: ${unreachable.join(', ')}`);
	const gone = [...reachable].filter((f) => !fs.existsSync(path.join(WEB, f)));
	assert(gone.length === 0, `imported but missing: ${gone.join(', ')}`);
	// Every page the router names is exported by the module it names.
	const main = fs.readFileSync(path.join(WEB, 'app/main.js'), 'utf8');
	const named = [...main.matchAll(/\blazy\('(\w+)', '(\w+)'\)/g)];
	assert(named.length > 20, `only ${named.length} lazy pages found in app/main.js`);
	const unexported = named.filter(([, mod, name]) => {
		const src = fs.readFileSync(path.join(WEB, `app/pages/${mod}.js`), 'utf8');
		return !new RegExp(`export (?:async )?function ${name}\\b|export \\{[^}]*\\b${name}\\b`).test(src);
	}).map(([, mod, name]) => `${mod}.${name}`);
	assert(unexported.length === 0, `the router names pages no module exports: ${unexported.join(', ')}`);
	return `${preloaded.size} preloaded, ${pages.length} page modules, ${named.length} pages, ${reachable.size} modules`;
});

test('cold page loads on a slow connection (benchmark, printed)', async () => {
	const lines = [];
	for (const [name, email, p] of PAGE_LOADS) {
		const r = await coldLoad(email, p);
		const line = `page-load page=${name} requests=${r.requests} bytes=${r.bytes} slow_ms=${r.ms}`;
		console.log(`# ${line}`);
		lines.push(`${name} ${r.requests} req ${r.ms} ms`);
	}
	return lines.join('; ');
});

test('no uncaught page error or CSP violation on any page visited', async () => {
	assert(problems.length === 0, problems.slice(0, 5).join(' | '));
});

// ---- runner ----------------------------------------------------------------------

async function main() {
	// E2E_ONLY=regex runs a subset while working on the front end.
	if (process.env.E2E_ONLY) {
		const re = new RegExp(process.env.E2E_ONLY);
		tests.splice(0, tests.length, ...tests.filter((t) => re.test(t.name)));
	}
	console.log(`1..${tests.length}`);
	let failed = 0;
	try {
		server = await startServer();
		base = server.base;
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
				'--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
	} catch (e) {
		tests.forEach((t, i) => console.log(`not ok ${i + 1} - ${t.name}\n  # set-up failed: ${oneLine(e.message)}`));
		if (server) server.proc.kill();
		process.exit(1);
	}
	// The server must not outlive this process, however it ends.
	process.on('exit', () => server.proc.exitCode === null && server.proc.kill());
	for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
	for (const [i, t] of tests.entries()) {
		const started = Date.now();
		try {
			const note = await Promise.race([t.fn(), sleep(180000).then(() => {
				throw new Error('took longer than 180 s');
			})]);
			console.log(`ok ${i + 1} - ${t.name} (${note ? `${note}, ` : ''}${Date.now() - started} ms)`);
		} catch (e) {
			failed++;
			console.log(`not ok ${i + 1} - ${t.name}\n  # ${oneLine(e.message)}`);
		}
	}
	await browser.close().catch(() => {});
	server.proc.kill();
	fs.rmSync(server.data, { recursive: true, force: true });
	fs.rmSync(CLOCK, { force: true });
	console.log(`# ${tests.length - failed} passed, ${failed} failed; screenshots in ${path.relative(ROOT, SHOTS)}/`);
	process.exit(failed ? 1 : 0);
}

const oneLine = (s) => String(s).replace(/\s+/g, ' ').slice(0, 600);

main();

// Validates real answers of a running server against the OpenAPI 3.1
// description it serves at /api/openapi.json, with ajv (JSON Schema 2020-12,
// which OpenAPI 3.1 schemas are). A demo network is served; the network
// administrator, a coordinator and a volunteer call every GET route (ids
// taken from the lists), an import dry run and a few refused requests; each
// JSON answer must match the schema of its path, method and status (or the
// operation's default answer), and every GET route must have been called.
// Speaks TAP; KNOOPPUNT_BIN (the binary) and KNOOPPUNT_WEB are required.
import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { startDemoServer, sleep } from '../demo_server.mjs';

const BIN = process.env.KNOOPPUNT_BIN;
const WEB = process.env.KNOOPPUNT_WEB || 'web';

class Caller {
	constructor(base) { this.base = base; this.cookie = ''; this.csrf = ''; }
	async login(email) {
		const r = await this.send('POST', '/api/session', JSON.stringify({ email, password: 'knooppunt-demo' }), 'application/json');
		if (r.status !== 201) throw new Error(`login ${email}: ${r.status}`);
		this.csrf = r.json.csrf_token;
	}
	async send(method, p, body, type) {
		const headers = { Accept: 'application/json' };
		if (this.cookie) headers.Cookie = this.cookie;
		if (this.csrf && method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
		if (type) headers['Content-Type'] = type;
		const res = await fetch(this.base + p, { method, headers, body });
		const set = res.headers.get('set-cookie');
		if (set) this.cookie = set.split(';')[0];
		const ctype = res.headers.get('content-type') || '';
		const text = await res.text();
		let json = null;
		if (ctype.includes('json')) json = JSON.parse(text);
		return { status: res.status, ctype, json };
	}
}

const results = [];
const ok = (cond, name) => results.push({ ok: !!cond, name });

async function main() {
	if (!BIN) throw new Error('KNOOPPUNT_BIN is not set');
	const srv = await startDemoServer(BIN, WEB, 'knooppunt-openapi-');
	try {
		const spec = (await new Caller(srv.base).send('GET', '/api/openapi.json')).json;
		const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
		ajv.addSchema(spec, 'openapi');
		const escape = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');
		const called = new Set();
		let checked = 0;

		function check(who, method, pattern, p, r) {
			called.add(`${method} ${pattern}`);
			const op = spec.paths[pattern] && spec.paths[pattern][method.toLowerCase()];
			if (!op) return ok(false, `${method} ${pattern} is not described`);
			const code = op.responses[String(r.status)] ? String(r.status) : 'default';
			const content = op.responses[code] && op.responses[code].content;
			const type = r.ctype.split(';')[0].trim();
			if (!content || !r.json) {
				return ok(content && Object.keys(content).some((k) => k === type || k.endsWith('/*')),
					`${who} ${method} ${p} ${r.status} ${type}: answer type described`);
			}
			const key = Object.keys(content).find((k) => k === type) || Object.keys(content)[0];
			const ref = `openapi#/paths/${escape(pattern)}/${method.toLowerCase()}/responses/${code}/content/${escape(key)}/schema`;
			const validate = ajv.getSchema(ref);
			const good = validate(r.json);
			checked++;
			ok(good, `${who} ${method} ${p} ${r.status}${good ? '' : `: ${ajv.errorsText(validate.errors)}`}`);
		}

		const admin = new Caller(srv.base);
		await admin.login('beheer@knooppunt.demo');
		const co = new Caller(srv.base);
		await co.login('coordinator@zonnebloem.demo');
		const vol = new Caller(srv.base);
		await vol.login('vrijwilliger@knooppunt.demo');

		// An id for every kind of {id}, from the lists.
		const first = async (p) => {
			const r = await admin.send('GET', p);
			return r.json && r.json.items && r.json.items[0] ? r.json.items[0].id : 1;
		};
		const ids = {
			volunteers: await first('/api/volunteers'), calls: await first('/api/calls'),
			matches: await first('/api/matches'), organisations: await first('/api/organisations'),
			journeys: await first('/api/journeys'), transfers: await first('/api/transfers'),
			hours: await first('/api/hours'), expenses: await first('/api/expenses'), accounts: await first('/api/accounts'),
		};
		const concrete = (pattern) => pattern.replace('{kind}', 'activity')
			.replace(/^\/api\/(\w+)\/\{id\}/, (m, kind) => `/api/${kind}/${ids[kind] || 1}`);

		for (const [pattern, ops] of Object.entries(spec.paths)) {
			if (!ops.get) continue;
			for (const [who, caller] of [['admin', admin], ['coordinator', co], ['volunteer', vol]]) {
				const p = concrete(pattern);
				check(who, 'GET', pattern, p, await caller.send('GET', p));
			}
		}
		const csv = 'Voornaam;Achternaam;Woonplaats;E-mailadres\r\nSanne;Bakker;Dordrecht;sanne.openapi@example.nl\r\nKees;=1+1;Dordrecht;\r\n';
		check('coordinator', 'POST', '/api/imports/volunteers', 'import dry run',
			await co.send('POST', '/api/imports/volunteers?dry_run=true', csv, 'text/csv'));
		check('coordinator', 'POST', '/api/volunteers', 'invalid volunteer',
			await co.send('POST', '/api/volunteers', '{"first_name":""}', 'application/json'));
		check('volunteer', 'POST', '/api/calls', 'malformed body',
			await vol.send('POST', '/api/calls', '{', 'application/json'));
		// A calendar address, made, and its feed read without a login (text/calendar).
		const me = (await vol.send('GET', '/api/session')).json;
		const made = await vol.send('POST', `/api/volunteers/${me.volunteer_id}/calendar`, '{}', 'application/json');
		check('volunteer', 'POST', '/api/volunteers/{id}/calendar', 'new calendar address', made);
		check('anonymous', 'GET', '/api/calendar/{token}.ics', 'calendar feed',
			await new Caller(srv.base).send('GET', made.json ? made.json.path : '/api/calendar/x.ics'));

		const gets = Object.entries(spec.paths).filter(([, o]) => o.get).map(([p]) => `GET ${p}`);
		ok(gets.every((g) => called.has(g)), `every GET route was called (${gets.length})`);
		ok(checked > 100, `${checked} JSON answers validated`);
	} finally {
		srv.proc.kill('SIGTERM');
		await sleep(200);
		fs.rmSync(srv.data, { recursive: true, force: true });
	}
}

main().then(() => {
	console.log(`1..${results.length}`);
	results.forEach((r, i) => console.log(`${r.ok ? 'ok' : 'not ok'} ${i + 1} - ${r.name}`));
	process.exit(results.every((r) => r.ok) ? 0 : 1);
}).catch((e) => {
	console.log('1..1');
	console.log(`not ok 1 - ${e.message}`);
	process.exit(1);
});

// Browser tests of the central contact point, end to end: a family carer
// asks for help through the public form on a phone; the hub triages it to
// an organisation the social map suggests; that coordinator picks it up and
// publishes a call with a public text of its own; a visitor finds the call
// on the public page, signs up and responds; a referrer sees the status of
// the own request change and who picked it up; two weeks after the match
// started, the follow-up task to call the client appears (the server's clock
// moved through KNOOPPUNT_NOW=@file). The hub closes a request it could not
// serve with the reason, which the figures count. And a scan of every public page and
// public answer for the name and e-mail of every demo volunteer and client.

export function register(h) {
	const { test, newPage, login, go, apiIn, expectText, assert, axe, USERS, PHONE, RUN, setClock, base } = h;
	const HUB = 'coordinator@vrijwilligerscentrale.demo';

	async function scan(page, where) {
		const bad = await axe(page);
		assert(bad.length === 0, `${where}: ${bad.map((v) => `${v.id} (${v.impact}, ${v.n}× e.g. ${v.target})`).join('; ')}`);
	}


	test('contact point: form → hub triage → coordinator picks up and publishes → volunteer signs up → referrer sees status → follow-up task after two weeks', async () => {
		const client = `Ria Zorgvrager${RUN}`;
		// 1. a family carer asks for help on a phone
		const carer = await newPage(PHONE);
		await go(carer, '/hulp-vragen');
		await carer.selectOption('#f-referred_by', 'mantelzorger');
		await carer.fill('#f-name', client);
		await carer.fill('#f-phone', '06-55512345');
		await carer.fill('#f-place', 'Dordrecht');
		await carer.selectOption('#f-activity', 'huisbezoek');
		await carer.fill('#f-situation', 'Mijn vader zit veel alleen thuis.');
		await carer.click('form button[type=submit]');
		await expectText(carer, '.field-error, .alert', 'toestemming');
		await carer.check('#f-consent_share');
		await carer.click('form button[type=submit]');
		await expectText(carer, 'h1', 'Bedankt');
		assert(!(await carer.textContent('main')).includes(client), 'the answer echoes the client');
		await scan(carer, 'Hulp vragen');
		await carer.context().close();

		// 2. the hub triages to a suggested organisation
		const hub = await newPage();
		await login(hub, HUB);
		const list = await apiIn(hub, 'GET', '/api/help-requests?limit=20&status=new');
		assert(list.status === 200, `hub list: ${list.status} ${JSON.stringify(list.body).slice(0, 200)}`);
		let id = 0;
		for (const r of list.body.items) {
			const one = await apiIn(hub, 'GET', `/api/help-requests/${r.id}`);
			if (one.body.client && one.body.client.name === client) id = r.id;
		}
		assert(id, 'the hub does not see the request');
		await go(hub, `/contactpunt/${id}`);
		await expectText(hub, '#h-client ~ dl', client);
		await hub.waitForSelector('.suggestion');
		// the hub also sees which of its volunteers fit (or that none do)
		await hub.waitForSelector('#h-fit ~ ol.cands li.cand, #h-fit ~ p.muted');
		await hub.click('.suggestion:has-text("Zonnebloem afdeling Dordrecht") button');
		await expectText(hub, '.page-head ~ .intro, .intro', 'Doorverwezen');
		await scan(hub, 'Hulpvraag (steunpunt)');
		await hub.context().close();

		// 3. the receiving coordinator picks it up and publishes a call
		const co = await newPage();
		await login(co, USERS.coordinator);
		await go(co, `/contactpunt/${id}`);
		await expectText(co, '#h-client ~ dl', '06-55512345');
		// the volunteers of the own organisation who fit, with their fit out of 100
		await expectText(co, '#h-fit ~ ol.cands li.cand .score', 'van 100');
		await scan(co, 'Hulpvraag (ontvangende coördinator)');
		await co.fill('#f-public_title', `Gezellig bezoek ${RUN}`);
		await co.fill('#f-public_description', 'Een meneer in Dordrecht krijgt graag wekelijks bezoek voor een praatje.');
		await co.click('#h-accept ~ form button[type=submit]');
		await expectText(co, '.intro', 'Opgepakt');
		const req = (await apiIn(co, 'GET', `/api/help-requests/${id}`)).body;
		assert(req.call_id, 'no call made of the request');
		const call = (await apiIn(co, 'GET', `/api/calls/${req.call_id}`)).body;
		assert(call.public_page && call.title !== call.public_title, 'the call is not public with its own text');

		// 4. a visitor finds it on the public page and signs up
		const visitor = await newPage(PHONE);
		await go(visitor, '/doe-mee?place=Dordrecht');
		await visitor.click(`a:has-text("Gezellig bezoek ${RUN}")`);
		assert(!(await visitor.textContent('main')).includes(client), 'the public call names the client');
		await visitor.click('a:has-text("Ik wil helpen")');
		await visitor.fill('#f-first_name', 'Kees');
		await visitor.fill('#f-last_name', `Bezoeker${RUN}`);
		await visitor.fill('#f-email', `kees.${RUN}@voorbeeld.nl`);
		await visitor.fill('#f-password', 'een-lang-wachtwoord-2026');
		await visitor.fill('#f-place', 'Dordrecht');
		await visitor.selectOption('#f-organisation_id', { label: 'Zonnebloem afdeling Dordrecht (Dordrecht)' });
		await visitor.click('form button[type=submit]');
		await visitor.waitForURL(`**/oproepen/${req.call_id}`); /* the call remembered */
		await expectText(visitor, 'h1', `Gezellig bezoek ${RUN}`);
		assert(!(await visitor.textContent('main')).includes(client), 'the call names the client');
		await visitor.context().close();

		// 5. a referrer's request: the referrer sees the status change
		const ref = await newPage();
		await login(ref, USERS.referrer);
		await go(ref, '/contactpunt/nieuw');
		await ref.fill('#f-name', `Henk Verwezen${RUN}`);
		await ref.fill('#f-phone', '078-5550000');
		await ref.fill('#f-place', 'Dordrecht');
		await ref.selectOption('#f-activity', 'huisbezoek');
		await ref.check('#f-consent_share');
		await ref.click('form button[type=submit]');
		await ref.waitForURL(/\/contactpunt\/\d+$/);
		const refId = Number(new URL(ref.url()).pathname.split('/').pop());
		await expectText(ref, '.intro', 'Nieuw');
		const hub2 = await newPage();
		await login(hub2, HUB);
		const zb = (await apiIn(hub2, 'GET', '/api/public/map?place=Dordrecht&activity=huisbezoek&limit=50')).body.items
			.find((o) => o.name === 'Zonnebloem afdeling Dordrecht');
		assert((await apiIn(hub2, 'POST', `/api/help-requests/${refId}/route`, { organisation_id: zb.id })).status === 200, 'route failed');
		await hub2.context().close();
		assert((await apiIn(co, 'POST', `/api/help-requests/${refId}/accept`, { contact_name: 'Marieke Zonnebloem', contact_phone: '078-6100000' })).status === 200, 'accept failed');
		await go(ref, `/contactpunt/${refId}`);
		await expectText(ref, '.intro', 'Opgepakt');
		await expectText(ref, 'dl', 'Marieke Zonnebloem');
		await scan(ref, 'Hulpvraag (verwijzer)');
		await ref.context().close();

		// 6. the match starts; two weeks later the follow-up task is there
		const vols = (await apiIn(co, 'GET', '/api/volunteers?status=active&limit=50')).body.items;
		let started = false;
		for (const v of vols) {
			const m = await apiIn(co, 'POST', '/api/matches', { call_id: req.call_id, volunteer_id: v.id });
			if (m.status !== 201) continue;
			for (const status of ['contacted', 'accepted', 'active']) await apiIn(co, 'PATCH', `/api/matches/${m.body.id}`, { status });
			started = (await apiIn(co, 'GET', `/api/matches/${m.body.id}`)).body.status === 'active';
			if (started) break;
		}
		assert(started, 'no match could start');
		await co.context().close();
		const later = new Date(Date.now() + 15 * 86400 * 1000).toISOString().slice(0, 10);
		setClock(later);
		try {
			const co2 = await newPage();
			await login(co2, USERS.coordinator);
			await go(co2, '/');
			await expectText(co2, '#h-tasks ~ ul', 'bel de cliënt');
			assert(await co2.$(`#h-tasks ~ ul a[href="/contactpunt/${id}"]`), 'the task does not lead to the request');
			await co2.context().close();
		} finally {
			setClock('');
		}
		return `request ${id}, call ${req.call_id}`;
	});

	test('contact point: the hub closes a request it could not serve, says why, and the figures count it', async () => {
		const hub = await newPage();
		await login(hub, HUB);
		const made = await apiIn(hub, 'POST', '/api/help-requests', { name: `Kees Nietgeholpen${RUN}`, phone: '078-5551234', place: 'Dordrecht',
			activity: 'huisbezoek', consent_share: true });
		assert(made.status === 201, `request not made: ${made.status}`);
		await go(hub, `/contactpunt/${made.body.id}`);
		await hub.click('button:has-text("Hulpvraag afsluiten")');
		await hub.click('form button[type=submit]:has-text("Afsluiten")'); // no reason yet
		await expectText(hub, 'form', 'Afloop’ is verplicht');
		await hub.selectOption('#f-outcome', 'no_offer');
		await scan(hub, 'Hulpvraag afsluiten');
		await hub.click('form button[type=submit]:has-text("Afsluiten")');
		await expectText(hub, '.intro', 'Afgesloten');
		await expectText(hub, 'dl', 'Geen passend aanbod in het netwerk');
		await hub.context().close();
		const admin = await newPage();
		await login(admin, USERS.admin);
		await go(admin, '/cijfers');
		await expectText(admin, '#h-contact', 'Contactpunt');
		const why = await admin.textContent('[aria-label="Waarom niet geholpen"]');
		assert(why.includes('Geen passend aanbod in het netwerk'), `reason not counted: ${why}`);
		await scan(admin, 'Cijfers met contactpunt');
		await admin.context().close();
		return `request ${made.body.id}`;
	});

	test('privacy: no demo volunteer or client name or e-mail on any public page or public answer', async () => {
		const admin = await newPage();
		await login(admin, USERS.admin);
		const needles = new Set();
		for (let offset = 0; ; offset += 200) {
			const page = (await apiIn(admin, 'GET', `/api/volunteers?limit=200&offset=${offset}`)).body;
			for (const v of page.items) {
				needles.add(`${v.first_name} ${v.last_name}`);
				if (v.email) needles.add(v.email);
			}
			if (offset + 200 >= page.total) break;
		}
		await admin.context().close();
		const hub = await newPage();
		await login(hub, HUB);
		let clients = 0;
		for (let offset = 0; ; offset += 200) {
			const page = (await apiIn(hub, 'GET', `/api/help-requests?limit=200&offset=${offset}`)).body;
			for (const r of page.items) {
				const c = (await apiIn(hub, 'GET', `/api/help-requests/${r.id}`)).body.client;
				if (c && c.name) { needles.add(c.name); clients++; }
				if (c && c.email) needles.add(c.email);
			}
			if (offset + 200 >= page.total) break;
		}
		await hub.context().close();
		assert(needles.size > 300 && clients >= 90, `too few names to look for: ${needles.size}, ${clients} clients`);

		const texts = [];
		const fetchText = async (p) => {
			const res = await fetch(base() + p);
			assert(res.ok, `${p}: ${res.status}`);
			return res.text();
		};
		const calls = JSON.parse(await fetchText('/api/public/calls?limit=200'));
		texts.push(JSON.stringify(calls), await fetchText('/api/public/map?limit=200'), await fetchText('/api/network/contact-point'));
		for (const c of calls.items) texts.push(await fetchText(`/api/public/calls/${c.id}`));
		const visitor = await newPage(PHONE);
		for (const p of ['/sociale-kaart', '/sociale-kaart/flyer', '/doe-mee', '/word-vrijwilliger', '/hulp-vragen']) {
			await go(visitor, p);
			texts.push(await visitor.textContent('body'));
		}
		if (calls.items.length) {
			await go(visitor, `/doe-mee/${calls.items[0].id}`);
			texts.push(await visitor.textContent('body'));
		}
		await visitor.context().close();
		const all = texts.join('\n');
		const found = [...needles].filter((n) => all.includes(n));
		assert(found.length === 0, `personal data on public pages: ${found.slice(0, 5).join(', ')}`);
		return `${needles.size} names and addresses, ${texts.length} pages and answers, ${calls.items.length} public calls`;
	});
}

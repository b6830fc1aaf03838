// Browser tests of who works together on a match: before the volunteer says
// yes, the care professional sees "Een vrijwilliger"; once she has, the
// professional sees her name, phone and e-mail, and she sees whom to reach.
// Titles name the people and the call, never a number.
export function register(h) {
	const { test, newPage, login, go, apiIn, expectText, shot, assert, axe, USERS, RUN, PHONE, acceptInvitation } = h;

	async function scan(page, where) {
		const bad = await axe(page);
		assert(bad.length === 0, `${where}: ${bad.map((v) => `${v.id} (${v.impact}, ${v.n}× e.g. ${v.target})`).join('; ')}`);
	}

	// A volunteer of the professional's organisation with an account of her own.
	async function newVolunteer(staff, first, last) {
		const me = (await apiIn(staff, 'GET', '/api/session')).body;
		const email = `samen-${RUN}@test.nl`;
		const vol = await apiIn(staff, 'POST', '/api/volunteers', { first_name: first, last_name: last, email,
			phone: '06-98765432', place: 'Dordrecht', status: 'active', organisation_id: me.organisation_id,
			availability: ['wed-afternoon'], activities: ['huisbezoek'], hours_per_week: 2, max_matches: 2 });
		assert(vol.status === 201, `volunteer: ${vol.status} ${JSON.stringify(vol.body)}`);
		const acc = await apiIn(staff, 'POST', '/api/accounts', { display_name: first, role: 'volunteer', volunteer_id: vol.body.id });
		assert(acc.status === 201, `invitation: ${acc.status}`);
		const page = await acceptInvitation(email, 'samen-werken-2026');
		return { id: vol.body.id, page };
	}

	test('together: the professional learns who comes once the volunteer says yes, and she learns whom to reach', async () => {
		const title = `Wandelmaatje ${RUN}`;
		const name = `Noor Bakker${RUN}`;
		const pro = await newPage();
		await login(pro, USERS.professional);
		const proName = (await apiIn(pro, 'GET', '/api/session')).body.display_name;
		// She works at locations: she posts for one of hers.
		const here = (await apiIn(pro, 'GET', '/api/locations')).body.items.find((l) => l.mine);
		assert(here, 'the demo professional works at no location');
		const call = await apiIn(pro, 'POST', '/api/calls', { title, activity: 'huisbezoek', place: 'Dordrecht',
			dayparts: ['wed-afternoon'], description: 'Samen een rondje lopen.', location_id: here.id });
		assert(call.status === 201, `call: ${call.status}`);

		const coord = await newPage();
		await login(coord, USERS.otherCoordinator);
		const vol = await newVolunteer(coord, 'Noor', `Bakker${RUN}`);
		const m = await apiIn(coord, 'POST', '/api/matches', { call_id: call.body.id, volunteer_id: vol.id });
		assert(m.status === 201, `match: ${m.status} ${JSON.stringify(m.body)}`);
		assert((await apiIn(coord, 'PATCH', `/api/matches/${m.body.id}`, { status: 'contacted' })).status === 200, 'contacted');
		await coord.context().close();

		// Before her yes: the call's page names no one.
		await go(pro, '/');
		await pro.click(`main a:has-text("${title}")`);
		await expectText(pro, 'main .matches', 'Een vrijwilliger');
		assert(!(await pro.textContent('main')).includes(name), 'the professional sees the name before the volunteer said yes');

		// She says yes from "Mijn koppelingen" and sees whom to reach.
		const me = vol.page;
		await me.click('nav.mainnav a[href="/mijn-koppelingen"]');
		await me.click(`main .match-row:has-text("${title}") a:has-text("Bekijken")`);
		await expectText(me, 'main h1', title);
		await me.click('button:has-text("Ja, ik doe mee")');
		await expectText(me, '#h-together + dl', proName);
		await expectText(me, 'main h1', `${title} – ${proName}`);
		await scan(me, 'Koppeling (vrijwilliger)');
		await shot(me, 'koppeling-samen-vrijwilliger');
		await me.context().close();

		// The professional sees who comes, with phone and e-mail, from the home page.
		await go(pro, '/');
		await expectText(pro, 'main .matches', name);
		await pro.click(`main .match-row:has-text("${name}") a:has-text("Bekijken")`);
		await expectText(pro, 'main h1', `Noor ${`Bakker${RUN}`} – ${title}`);
		await expectText(pro, '#h-together + dl', '06-98765432');
		assert(await pro.$('#h-together + dl a[href="tel:0698765432"]'), 'no phone link');
		await scan(pro, 'Koppeling (medewerker)');
		await shot(pro, 'koppeling-samen-medewerker');
		await pro.setViewportSize(PHONE);
		await shot(pro, 'koppeling-samen-medewerker');
		await pro.context().close();
	});
}

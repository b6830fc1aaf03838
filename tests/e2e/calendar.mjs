// Browser tests of calendar feeds: a volunteer makes the secret address of
// her calendar on her phone, the address answers an iCalendar file without a
// login, and after she revokes it the same address answers 404; a
// coordinator makes the organisation's agenda address.
export function register(h) {
	const { test, newPage, login, go, expectText, shot, assert, axe, USERS, PHONE } = h;

	// Reads the address as a calendar program would: no cookies.
	async function fetchFeed(page, url) {
		const res = await page.context().request.fetch(url, { headers: { Cookie: '' } });
		return { status: res.status(), type: res.headers()['content-type'] || '', text: await res.text() };
	}

	test('calendar: a volunteer makes her calendar address on her phone, subscribes, then revokes it', async () => {
		const page = await newPage(PHONE);
		await login(page, USERS.volunteer);
		await go(page, '/mijn-koppelingen');
		await page.waitForSelector('#h-my-calendar');
		await page.click('.calendar-feed button:has-text("Agenda-adres maken"), .calendar-feed button:has-text("Nieuw adres maken")');
		const input = await page.waitForSelector('#cal-me-url');
		const url = await input.inputValue();
		assert(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/.test(url), `the address: ${url}`);
		const href = await page.getAttribute('.calendar-feed a:has-text("Openen in agenda")', 'href');
		assert(href.startsWith('webcal:'), `the subscribe link: ${href}`);
		await expectText(page, '.calendar-feed', 'Er is een agenda-adres sinds');
		const feed = await fetchFeed(page, url);
		assert(feed.status === 200, `GET the feed: ${feed.status}`);
		assert(feed.type.startsWith('text/calendar'), `content type ${feed.type}`);
		assert(feed.text.startsWith('BEGIN:VCALENDAR\r\n') && feed.text.includes('TZID:Europe/Amsterdam\r\n'),
			'not an iCalendar file');
		const bad = await axe(page);
		assert(bad.length === 0, `calendar: ${bad.map((v) => `${v.id} (${v.impact})`).join('; ')}`);
		await shot(page, 'mijn-agenda');
		// Revoked: the address answers nothing any more, and the page says so.
		await page.click('.calendar-feed button:has-text("Adres intrekken")');
		await expectText(page, '.calendar-feed', 'Er is nog geen agenda-adres');
		const gone = await fetchFeed(page, url);
		assert(gone.status === 404, `the revoked address answered ${gone.status}`);
		await page.context().close();
		return `${feed.text.split('BEGIN:VEVENT').length - 1} events`;
	});

	test('calendar: a coordinator makes the organisation agenda address', async () => {
		const page = await newPage();
		await login(page, USERS.coordinator);
		await go(page, '/agenda');
		await expectText(page, 'main h1', 'Agenda');
		await page.click('.calendar-feed button:has-text("Agenda-adres maken"), .calendar-feed button:has-text("Nieuw adres maken")');
		const url = await (await page.waitForSelector('#cal-org-url')).inputValue();
		const feed = await fetchFeed(page, url);
		assert(feed.status === 200, `GET the agenda: ${feed.status}`);
		assert(feed.text.includes('X-WR-CALNAME:Agenda '), 'the agenda has no name');
		const bad = await axe(page);
		assert(bad.length === 0, `agenda: ${bad.map((v) => `${v.id} (${v.impact})`).join('; ')}`);
		await shot(page, 'organisatie-agenda');
		await page.context().close();
		return `${feed.text.split('BEGIN:VEVENT').length - 1} events`;
	});
}

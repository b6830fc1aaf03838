// Browser test of the form of address (docs/copy.md): a volunteer's pages say
// "je" and speak to her, a coordinator's pages say "u", and the pages every
// role sees (password, two-factor) say neither. The page's own texts are
// read; what people wrote (call texts, names, messages, explanations) is left
// out, since a call is written for volunteers and may say "je" on any page.
export function register(h) {
	const { test, newPage, login, go, assert, USERS } = h;

	const FORMAL = /\b(u|uw|uzelf)\b/i;
	const INFORMAL = /\b(je|jij|jou|jouw|jezelf|jullie)\b/i;
	const THIRD = /\b(de|deze) vrijwilliger\b|\bhij of zij\b/i;

	// The visible text of <main> without what people typed or the matcher wrote.
	const ownText = (page) => page.evaluate(() => {
		const main = document.querySelector('main').cloneNode(true);
		main.querySelectorAll('.description, .why, .pre, .li-title, dd, td, .suggestion p, .card p.muted.small')
			.forEach((el) => el.remove());
		return main.innerText;
	});

	async function tour(email, paths, rules) {
		const page = await newPage();
		await login(page, email);
		const wrong = [];
		for (const p of paths) {
			await go(page, p);
			const text = await ownText(page);
			for (const [name, re] of rules) {
				const m = text.match(re);
				if (m) {
					const at = text.indexOf(m[0]);
					wrong.push(`${p}: ${name} "${m[0]}" in "…${text.slice(Math.max(0, at - 50), at + 50).replace(/\s+/g, ' ')}…"`);
				}
			}
		}
		await page.context().close();
		return wrong;
	}

	test('copy: a volunteer is addressed with je and spoken to, a coordinator with u, shared pages with neither', async () => {
		const wrong = [
			...await tour(USERS.volunteer, ['/', '/mijn-profiel', '/mijn-koppelingen', '/mijn-reis', '/mijn-gegevens', '/mijn-uren'],
				[['u/uw on a volunteer page', FORMAL], ['third person on her own page', THIRD]]),
			...await tour(USERS.coordinator, ['/', '/vrijwilligers', '/uren', '/doorverwijzingen', '/gebruikers', '/vog', '/voorstellen'],
				[['je/jij on a staff page', INFORMAL]]),
			...await tour(USERS.volunteer, ['/wachtwoord-wijzigen'], [['u/je on a shared page', FORMAL], ['u/je on a shared page', INFORMAL]]),
			...await tour(USERS.coordinator, ['/wachtwoord-wijzigen', '/tweestapsverificatie'],
				[['u/je on a shared page', FORMAL], ['u/je on a shared page', INFORMAL]]),
		];
		assert(wrong.length === 0, wrong.join('; '));
	});
}

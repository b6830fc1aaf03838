// The application shell: session, language, navigation per role, routes.
import { html, render, useEffect, useState, session, api, navigate, onRoute, match, loadCatalog } from './core.js';
import { initI18n, setLang, getLang, t } from './i18n.js';
import { Page, Empty } from './ui.js';
import { Login, Signup } from './pages/auth.js';
import { AcceptInvitation, ForgotPassword, ResetPassword, ChangePassword, TwoFactor, MailSettings,
	Unsubscribe } from './pages/account.js';
import { Dashboard, AdminHome } from './pages/dashboard.js';
import { VolunteerList, VolunteerPage, VolunteerNew } from './pages/volunteers.js';
import { CallList, CallPage, CallNew } from './pages/calls.js';
import { MatchList, MatchPage, Proposals } from './pages/matches.js';
import { VolunteerHome, MyProfile, MyMatches, MyJourneyPage } from './pages/me.js';
import { TransferList, TransferPage } from './pages/transfers.js';
import { MyData, AuditLog, Accounts } from './pages/privacy.js';
import { VogOverview } from './pages/vog.js';
import { ReferrerHome, HelpRequestNew, HelpRequestPage } from './pages/referrer.js';
import { ProfessionalHome } from './pages/professional.js';
import { OrganisationList, OrganisationPage, ListsPage, FailedMail } from './pages/admin.js';
import { Reports } from './pages/reports.js';
import { SocialMap, Flyer, OurOffer } from './pages/socialmap.js';
import { PublicCalls, PublicCall, BecomeVolunteer } from './pages/public.js';
import { AskForHelp, HelpRequests, HelpRequestsNew, HelpRequestView } from './pages/contactpoint.js';
import { MyHours, HoursOverview, YearStatement } from './pages/hours.js';
import { VolunteerImport } from './pages/import.js';

const STAFF = ['admin', 'coordinator'];

// [path, component, roles]
const ROUTES = [
	['/', Home, null],
	['/vrijwilligers', VolunteerList, STAFF],
	['/vrijwilligers/nieuw', VolunteerNew, STAFF],
	['/vrijwilligers/importeren', VolunteerImport, STAFF],
	['/vrijwilligers/:id', VolunteerPage, STAFF],
	['/oproepen', CallList, [...STAFF, 'professional', 'volunteer']],
	['/oproepen/nieuw', CallNew, [...STAFF, 'professional']],
	['/oproepen/:id', CallPage, [...STAFF, 'professional', 'volunteer']],
	['/voorstellen', Proposals, STAFF],
	['/koppelingen', MatchList, [...STAFF, 'professional']],
	['/koppelingen/:id', MatchPage, [...STAFF, 'professional', 'volunteer']],
	['/mijn-profiel', MyProfile, ['volunteer']],
	['/mijn-koppelingen', MyMatches, ['volunteer']],
	['/mijn-reis', MyJourneyPage, ['volunteer']],
	['/mijn-gegevens', MyData, ['volunteer']],
	['/mijn-uren', MyHours, ['volunteer']],
	['/uren', HoursOverview, STAFF],
	['/jaaroverzicht/:id', YearStatement, [...STAFF, 'volunteer']],
	['/doorverwijzingen', TransferList, STAFF],
	['/doorverwijzingen/:id', TransferPage, [...STAFF, 'volunteer']],
	['/gebruikers', Accounts, STAFF],
	['/auditlog', AuditLog, ['admin']],
	['/e-mail', FailedMail, ['admin']],
	['/wachtwoord-wijzigen', ChangePassword, null],
	['/instellingen', MailSettings, null],
	['/tweestapsverificatie', TwoFactor, STAFF],
	['/hulpvragen/nieuw', HelpRequestNew, ['referrer']],
	['/hulpvragen/:id', HelpRequestPage, ['referrer']],
	['/organisaties', OrganisationList, ['admin']],
	['/organisaties/:id', OrganisationPage, ['admin']],
	['/lijsten', ListsPage, ['admin']],
	['/lijsten/:kind', ListsPage, ['admin']],
	['/cijfers', Reports, ['admin', 'coordinator']],
	['/vog', VogOverview, STAFF],
	['/ons-aanbod', OurOffer, ['coordinator']],
	['/contactpunt', HelpRequests, ['admin', 'coordinator', 'professional', 'referrer']],
	['/contactpunt/nieuw', HelpRequestsNew, ['coordinator', 'professional', 'referrer']],
	['/contactpunt/:id', HelpRequestView, ['admin', 'coordinator', 'professional', 'referrer']],
];

const NAV = {
	admin: [['/', 'nav.home'], ['/organisaties', 'nav.organisations'], ['/lijsten', 'nav.lists'],
		['/vrijwilligers', 'nav.volunteers'], ['/oproepen', 'nav.calls'], ['/voorstellen', 'nav.proposals'],
		['/koppelingen', 'nav.matches'], ['/doorverwijzingen', 'nav.transfers'], ['/gebruikers', 'nav.accounts'],
		['/uren', 'nav.hours'], ['/auditlog', 'nav.audit'], ['/e-mail', 'nav.failedMail'], ['/cijfers', 'nav.reports'], ['/contactpunt', 'nav.contactPoint']],
	coordinator: [['/', 'nav.dashboard'], ['/vrijwilligers', 'nav.volunteers'], ['/oproepen', 'nav.calls'],
		['/voorstellen', 'nav.proposals'], ['/koppelingen', 'nav.matches'], ['/doorverwijzingen', 'nav.transfers'],
		['/uren', 'nav.hours'], ['/gebruikers', 'nav.accounts'], ['/cijfers', 'nav.reports'],
		['/ons-aanbod', 'nav.ourOffer'], ['/contactpunt', 'nav.contactPoint']],
	professional: [['/', 'nav.home'], ['/oproepen/nieuw', 'nav.newCall'], ['/koppelingen', 'nav.matches'],
		['/contactpunt', 'nav.contactPoint']],
	volunteer: [['/', 'nav.forYou'], ['/mijn-uren', 'nav.myHours'], ['/mijn-koppelingen', 'nav.myMatches'], ['/mijn-profiel', 'nav.myProfile'],
		['/mijn-reis', 'nav.myJourney'], ['/mijn-gegevens', 'nav.myData']],
	referrer: [['/', 'nav.myRequests'], ['/hulpvragen/nieuw', 'nav.newRequest'], ['/contactpunt', 'nav.contactPoint']],
};

// The network's public pages, for whoever is not logged in.
const NAV_PUBLIC = [['/sociale-kaart', 'nav.socialMap'], ['/doe-mee', 'nav.publicCalls'],
	['/word-vrijwilliger', 'nav.becomeVolunteer'], ['/hulp-vragen', 'nav.askHelp'], ['/inloggen', 'nav.login']];

function Home(props) {
	switch (session.user.role) {
	case 'admin': return html`<${AdminHome} ...${props} />`;
	case 'coordinator': return html`<${Dashboard} ...${props} />`;
	case 'professional': return html`<${ProfessionalHome} ...${props} />`;
	case 'volunteer': return html`<${VolunteerHome} ...${props} />`;
	case 'referrer': return html`<${ReferrerHome} ...${props} />`;
	default: return html`<${NotFound} />`;
	}
}

function NotFound() {
	return html`<${Page} title=${t('notFound.title')}>
		<${Empty} title=${t('notFound.body')}><a href="/">${t('notFound.home')}</a><//>
	<//>`;
}

function Forbidden() {
	return html`<${Page} title=${t('error.forbiddenTitle')}>
		<${Empty} title=${t('error.forbidden')}><a href="/">${t('notFound.home')}</a><//>
	<//>`;
}

// Pages of a one-time link or a forgotten password, and the network's public
// pages, with or without a session.
const PUBLIC = { '/uitnodiging': AcceptInvitation, '/wachtwoord-vergeten': ForgotPassword,
	'/wachtwoord-herstellen': ResetPassword, '/sociale-kaart': SocialMap, '/sociale-kaart/flyer': Flyer,
	'/doe-mee': PublicCalls, '/doe-mee/:id': PublicCall, '/word-vrijwilliger': BecomeVolunteer,
	'/hulp-vragen': AskForHelp, '/afmelden': Unsubscribe };

function resolve(path) {
	for (const [pattern, comp] of Object.entries(PUBLIC)) {
		const params = match(pattern, path);
		if (params) return [comp, params];
	}
	if (!session.user) {
		if (path === '/aanmelden') return [Signup, {}];
		return [Login, {}];
	}
	if (path === '/inloggen' || path === '/aanmelden') return [Home, {}];
	for (const [pattern, comp, roles] of ROUTES) {
		const params = match(pattern, path);
		if (params) return roles && !roles.includes(session.user.role) ? [Forbidden, {}] : [comp, params];
	}
	return [NotFound, {}];
}

function current(href) {
	const p = location.pathname;
	return href === '/' ? p === '/' : p === href || p.startsWith(`${href}/`);
}

function Header({ onLang, onLogout }) {
	const user = session.user;
	const other = getLang() === 'nl' ? 'en' : 'nl';
	return html`<header class="top">
		<div class="top-inner">
			<a class="brand" href="/"><img src="/favicon.svg" alt="" width="28" height="28" /><span>Knooppunt</span></a>
			<div class="top-tools">
				${user && html`<span class="who">${user.display_name}<span class="role"> · ${t(`role.${user.role}`)}</span></span>`}
				<button type="button" class="btn btn-quiet btn-small" lang=${other} onClick=${() => onLang(other)}>
					${t('lang.switch')}
				</button>
				${user && html`<a class="btn btn-quiet btn-small" href="/instellingen">${t('nav.settings')}</a>`}
				${user && html`<a class="btn btn-quiet btn-small" href="/wachtwoord-wijzigen">${t('nav.password')}</a>`}
				${user && STAFF.includes(user.role) && html`<a class="btn btn-quiet btn-small" href="/tweestapsverificatie">${t('totp.pageTitle')}</a>`}
				${user && html`<button type="button" class="btn btn-quiet btn-small" onClick=${onLogout}>${t('nav.logout')}</button>`}
			</div>
		</div>
		${html`<nav class=${user ? 'mainnav' : 'sitenav'} aria-label=${t('nav.label')}>
			<ul>
				${(user ? NAV[user.role] || [] : NAV_PUBLIC).map(([href, key]) => html`<li>
					<a href=${href} aria-current=${current(href) ? 'page' : undefined}>${t(key)}</a>
				</li>`)}
			</ul>
		</nav>`}
	</header>`;
}

function App() {
	const [, setTick] = useState(0);
	const refresh = () => setTick((n) => n + 1);
	useEffect(() => onRoute(() => {
		refresh();
		window.scrollTo(0, 0);
	}), []);

	const onLang = async (code) => {
		await setLang(code);
		refresh();
	};
	const onLogout = async () => {
		try {
			await api('DELETE', '/api/session');
		} catch {
			/* the session may already have ended */
		}
		session.user = null;
		navigate('/inloggen');
		refresh();
	};

	const path = location.pathname.replace(/\/+$/, '') || '/';
	const [Comp, params] = resolve(path);
	return html`<a class="skip" href="#main">${t('nav.skip')}</a>
		<${Header} onLang=${onLang} onLogout=${onLogout} />
		<main id="main" tabindex="-1">
			<${Comp} key=${path + location.search} ...${params} onLogin=${refresh} />
		</main>
		<footer class="foot"><p>${t('footer.text')}</p></footer>`;
}

async function boot() {
	await initI18n();
	try {
		session.user = await api('GET', '/api/session');
	} catch {
		session.user = null;
	}
	await loadCatalog();
	const root = document.getElementById('app');
	root.textContent = ''; /* the "loading" line of index.html */
	render(html`<${App} />`, root);
}

boot();

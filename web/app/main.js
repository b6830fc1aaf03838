// The application shell: session, language, navigation per role, routes.
import { html, render, useEffect, useState, ApiError, session, api, navigate, onRoute, match, loadStart } from './core.js';
import { initI18n, setLang, getLang, t } from './i18n.js';
import { Page, Empty, Loading, Alert } from './ui.js';

// Every page module, fetched the first time one of its pages is shown (with
// its own imports), so a first paint loads only the shell and one page. The
// literal import() paths let a reader (and a test) see every module reachable.
const MODULES = {
	account: () => import('./pages/account.js'),
	admin: () => import('./pages/admin.js'),
	auth: () => import('./pages/auth.js'),
	calendar: () => import('./pages/calendar.js'),
	calls: () => import('./pages/calls.js'),
	contactpoint: () => import('./pages/contactpoint.js'),
	dashboard: () => import('./pages/dashboard.js'),
	hours: () => import('./pages/hours.js'),
	import: () => import('./pages/import.js'),
	locations: () => import('./pages/locations.js'),
	matches: () => import('./pages/matches.js'),
	me: () => import('./pages/me.js'),
	newsletters: () => import('./pages/newsletters.js'),
	privacy: () => import('./pages/privacy.js'),
	professional: () => import('./pages/professional.js'),
	public: () => import('./pages/public.js'),
	referrer: () => import('./pages/referrer.js'),
	reports: () => import('./pages/reports.js'),
	socialmap: () => import('./pages/socialmap.js'),
	suggestions: () => import('./pages/suggestions.js'),
	transfers: () => import('./pages/transfers.js'),
	vog: () => import('./pages/vog.js'),
	volunteers: () => import('./pages/volunteers.js'),
};

const loaded = new Map(); // module name → promise of its exports

function loadModule(mod) {
	if (!loaded.has(mod)) {
		const p = MODULES[mod]();
		p.catch(() => loaded.delete(mod)); /* a failed fetch may be tried again */
		loaded.set(mod, p);
	}
	return loaded.get(mod);
}

// A page component that stands in for export `name` of module `mod`: a
// loading line while the module comes, then the page itself.
function lazy(mod, name) {
	const state = { comp: null };
	function Lazy(props) {
		const [error, setError] = useState(null);
		const [, setTick] = useState(0);
		useEffect(() => {
			if (!state.comp) Lazy.load().then(() => setTick((n) => n + 1), setError);
		}, []);
		if (state.comp) return html`<${state.comp} ...${props} />`;
		if (!error) return html`<${Loading} />`;
		return html`<${Page} title=${t('error.title')}>
			<${Alert} error=${new ApiError({ status: 0, detail: t('error.network') })} />
		<//>`;
	}
	Lazy.load = () => loadModule(mod).then((m) => (state.comp = m[name]));
	return Lazy;
}

const AcceptInvitation = lazy('account', 'AcceptInvitation');
const ChangePassword = lazy('account', 'ChangePassword');
const ForgotPassword = lazy('account', 'ForgotPassword');
const MailSettings = lazy('account', 'MailSettings');
const ResetPassword = lazy('account', 'ResetPassword');
const TwoFactor = lazy('account', 'TwoFactor');
const Unsubscribe = lazy('account', 'Unsubscribe');
const FailedMail = lazy('admin', 'FailedMail');
const ListsPage = lazy('admin', 'ListsPage');
const OrganisationList = lazy('admin', 'OrganisationList');
const OrganisationPage = lazy('admin', 'OrganisationPage');
const Login = lazy('auth', 'Login');
const Signup = lazy('auth', 'Signup');
const OrganisationAgenda = lazy('calendar', 'OrganisationAgenda');
const CallList = lazy('calls', 'CallList');
const CallNew = lazy('calls', 'CallNew');
const CallPage = lazy('calls', 'CallPage');
const AskForHelp = lazy('contactpoint', 'AskForHelp');
const HelpRequestView = lazy('contactpoint', 'HelpRequestView');
const HelpRequests = lazy('contactpoint', 'HelpRequests');
const HelpRequestsNew = lazy('contactpoint', 'HelpRequestsNew');
const AdminHome = lazy('dashboard', 'AdminHome');
const Dashboard = lazy('dashboard', 'Dashboard');
const HoursOverview = lazy('hours', 'HoursOverview');
const MyHours = lazy('hours', 'MyHours');
const YearStatement = lazy('hours', 'YearStatement');
const VolunteerImport = lazy('import', 'VolunteerImport');
const LocationsPage = lazy('locations', 'LocationsPage');
const MatchList = lazy('matches', 'MatchList');
const MatchPage = lazy('matches', 'MatchPage');
const Proposals = lazy('matches', 'Proposals');
const MyJourneyPage = lazy('me', 'MyJourneyPage');
const MyMatches = lazy('me', 'MyMatches');
const MyProfile = lazy('me', 'MyProfile');
const VolunteerHome = lazy('suggestions', 'VolunteerHome');
const NewsletterList = lazy('newsletters', 'NewsletterList');
const NewsletterNew = lazy('newsletters', 'NewsletterNew');
const NewsletterPage = lazy('newsletters', 'NewsletterPage');
const Accounts = lazy('privacy', 'Accounts');
const AuditLog = lazy('privacy', 'AuditLog');
const MyData = lazy('privacy', 'MyData');
const ProfessionalHome = lazy('professional', 'ProfessionalHome');
const BecomeVolunteer = lazy('public', 'BecomeVolunteer');
const PublicCall = lazy('public', 'PublicCall');
const PublicCalls = lazy('public', 'PublicCalls');
const HelpRequestNew = lazy('referrer', 'HelpRequestNew');
const HelpRequestPage = lazy('referrer', 'HelpRequestPage');
const ReferrerHome = lazy('referrer', 'ReferrerHome');
const Reports = lazy('reports', 'Reports');
const Flyer = lazy('socialmap', 'Flyer');
const OurOffer = lazy('socialmap', 'OurOffer');
const SocialMap = lazy('socialmap', 'SocialMap');
const TransferList = lazy('transfers', 'TransferList');
const TransferPage = lazy('transfers', 'TransferPage');
const VogOverview = lazy('vog', 'VogOverview');
const VolunteerList = lazy('volunteers', 'VolunteerList');
const VolunteerNew = lazy('volunteers', 'VolunteerNew');
const VolunteerPage = lazy('volunteers', 'VolunteerPage');

const STAFF = ['admin', 'coordinator'];

// [path, component, roles]; roles null: everyone logged in
const ROUTES = [
	['/', null, null], /* the role's start page (HOMES) */
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
	['/agenda', OrganisationAgenda, ['coordinator']],
	['/ons-aanbod', OurOffer, ['coordinator']],
	['/locaties', LocationsPage, ['coordinator']],
	['/contactpunt', HelpRequests, ['admin', 'coordinator', 'professional', 'referrer']],
	['/contactpunt/nieuw', HelpRequestsNew, ['coordinator', 'professional', 'referrer']],
	['/contactpunt/:id', HelpRequestView, ['admin', 'coordinator', 'professional', 'referrer']],
	['/nieuwsbrieven', NewsletterList, [...STAFF, 'volunteer']],
	['/nieuwsbrieven/nieuw', NewsletterNew, STAFF],
	['/nieuwsbrieven/:id', NewsletterPage, [...STAFF, 'volunteer']],
];

const NAV = {
	admin: [['/', 'nav.home'], ['/organisaties', 'nav.organisations'], ['/lijsten', 'nav.lists'],
		['/vrijwilligers', 'nav.volunteers'], ['/oproepen', 'nav.calls'], ['/voorstellen', 'nav.proposals'],
		['/koppelingen', 'nav.matches'], ['/doorverwijzingen', 'nav.transfers'], ['/gebruikers', 'nav.accounts'],
		['/uren', 'nav.hours'], ['/auditlog', 'nav.audit'], ['/e-mail', 'nav.failedMail'], ['/cijfers', 'nav.reports'],
		['/contactpunt', 'nav.contactPoint'], ['/nieuwsbrieven', 'nav.newsletters']],
	coordinator: [['/', 'nav.dashboard'], ['/vrijwilligers', 'nav.volunteers'], ['/oproepen', 'nav.calls'],
		['/voorstellen', 'nav.proposals'], ['/koppelingen', 'nav.matches'], ['/doorverwijzingen', 'nav.transfers'],
		['/uren', 'nav.hours'], ['/gebruikers', 'nav.accounts'], ['/cijfers', 'nav.reports'],
		['/ons-aanbod', 'nav.ourOffer'], ['/locaties', 'nav.locations'], ['/agenda', 'nav.agenda'], ['/contactpunt', 'nav.contactPoint'],
		['/nieuwsbrieven', 'nav.newsletters']],
	professional: [['/', 'nav.home'], ['/oproepen/nieuw', 'nav.newCall'], ['/koppelingen', 'nav.matches'],
		['/contactpunt', 'nav.contactPoint']],
	volunteer: [['/', 'nav.forYou'], ['/mijn-uren', 'nav.myHours'], ['/mijn-koppelingen', 'nav.myMatches'], ['/mijn-profiel', 'nav.myProfile'],
		['/mijn-reis', 'nav.myJourney'], ['/mijn-gegevens', 'nav.myData'], ['/nieuwsbrieven', 'nav.newsletters']],
	referrer: [['/', 'nav.myRequests'], ['/hulpvragen/nieuw', 'nav.newRequest'], ['/contactpunt', 'nav.contactPoint']],
};

// The network's public pages, for whoever is not logged in.
const NAV_PUBLIC = [['/sociale-kaart', 'nav.socialMap'], ['/doe-mee', 'nav.publicCalls'],
	['/word-vrijwilliger', 'nav.becomeVolunteer'], ['/hulp-vragen', 'nav.askHelp'], ['/inloggen', 'nav.login']];

// The start page of each role.
const HOMES = { admin: AdminHome, coordinator: Dashboard, professional: ProfessionalHome,
	volunteer: VolunteerHome, referrer: ReferrerHome };

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
	if (path === '/inloggen' || path === '/aanmelden') return resolve('/');
	for (const [pattern, comp, roles] of ROUTES) {
		const params = match(pattern, path);
		if (!params) continue;
		if (roles && !roles.includes(session.user.role)) return [Forbidden, {}];
		return [comp || HOMES[session.user.role] || NotFound, params];
	}
	return [NotFound, {}];
}

function current(href) {
	const p = location.pathname;
	return href === '/' ? p === '/' : p === href || p.startsWith(`${href}/`);
}

// The mark of favicon.svg, drawn in place rather than fetched once more.
function Logo() {
	return html`<svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
		<rect width="32" height="32" rx="7" fill="#0b5c63" />
		<circle cx="10" cy="11" r="4" fill="#fff" /><circle cx="22" cy="11" r="4" fill="#fff" />
		<circle cx="16" cy="22" r="4" fill="#fff" />
		<path d="M10 11L22 11L16 22Z" fill="none" stroke="#fff" stroke-width="2" />
	</svg>`;
}

function Header({ onLang, onLogout }) {
	const user = session.user;
	const other = getLang() === 'nl' ? 'en' : 'nl';
	return html`<header class="top">
		<div class="top-inner">
			<a class="brand" href="/"><${Logo} /><span>Knooppunt</span></a>
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

	const path = currentPath();
	const [Comp, params] = resolve(path);
	return html`<a class="skip" href="#main">${t('nav.skip')}</a>
		<${Header} onLang=${onLang} onLogout=${onLogout} />
		<main id="main" tabindex="-1">
			<${Comp} key=${path + location.search} ...${params} onLogin=${refresh} />
		</main>
		<footer class="foot"><p>${t('footer.text')}</p></footer>`;
}

const currentPath = () => location.pathname.replace(/\/+$/, '') || '/';

// The module of the page at `path` when that does not depend on who is
// logged in (null for a start page or an unknown path).
function pageOf(path) {
	for (const [pattern, comp] of [...Object.entries(PUBLIC), ...ROUTES])
		if (match(pattern, path)) return comp;
	return null;
}

const preload = (Comp) => Comp && Comp.load && Comp.load().catch(() => {});

// The strings, the caller with the shared lists, and the page's module come
// at once; a start page's module as soon as the caller says whose it is.
async function boot() {
	preload(pageOf(currentPath()));
	const page = loadStart().then(() => preload(resolve(currentPath())[0]));
	await Promise.all([initI18n(), page]);
	const root = document.getElementById('app');
	root.textContent = ''; /* the "loading" line of index.html */
	render(html`<${App} />`, root);
}

boot();

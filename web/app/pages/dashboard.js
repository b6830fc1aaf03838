// The coordinator's start page: what needs attention today.
import { html, get, session, useLoad, orgName, catalog } from '../core.js';
import { t, fmtDate, fmtNumber } from '../i18n.js';
import { Page, Loading, Alert, Empty, Status } from '../ui.js';

// One request: the server knows the organisation's queues, longest waiting first.
const loadAttention = () => get('/api/dashboard');

function Counter({ n, label, href }) {
	return html`<a class="counter" href=${href}>
		<span class="counter-n">${fmtNumber(n)}</span>
		<span class="counter-label">${label}</span>
	</a>`;
}

export function Dashboard() {
	const { data, error, loading } = useLoad(loadAttention, []);
	const user = session.user;
	const org = orgName(user.organisation_id);
	return html`<${Page} title=${t('dashboard.title')} intro=${org ? t('dashboard.introOrg', { org }) : t('dashboard.intro')} wide
		actions=${html`<a class="btn btn-primary" href="/oproepen/nieuw">${t('calls.new')}</a>`}>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && html`<${Attention} data=${data} />`}
		<${Tasks} />
	<//>`;
}

// Reminders of the volunteer journey (intake due, VOG expiring, nazorg…),
// when the server keeps them.
function Tasks() {
	const { data, error } = useLoad(() => get('/api/tasks?limit=20'), []);
	if (error || !data) return null;
	return html`<section class="card" aria-labelledby="h-tasks">
		<h2 id="h-tasks">${t('dashboard.tasks')} <span class="muted">(${fmtNumber(data.total)})</span></h2>
		${data.items.length === 0
			? html`<p class="muted">${t('dashboard.noTasks')}</p>`
			: html`<ul class="list tasks">${data.items.map((k) => html`<li class="list-item" key=${k.key}>
				<div class="li-main">
					<span class="li-title">${k.label}${k.years ? ` · ${t('dashboard.years', { n: k.years })}` : ''}</span>
					${k.volunteer_id && html`<a href=${k.transfer_id ? `/doorverwijzingen/${k.transfer_id}` : `/vrijwilligers/${k.volunteer_id}${k.journey_id ? '#reis' : ''}`}>${k.volunteer_name}</a>`}
					${k.help_request_id && html`<a href=${`/contactpunt/${k.help_request_id}`}>${k.volunteer_name}</a>`}
				</div>
				<div class="li-meta small">${k.match_id && html`<a href=${`/koppelingen/${k.match_id}`}>${t('dashboard.toMatch')}</a>`}
					${k.transfer_id && html`<a href=${`/doorverwijzingen/${k.transfer_id}`}>${t('dashboard.toTransfer')}</a>`}
					${k.journey_id && !k.match_id && !k.transfer_id && html`<a href=${`/vrijwilligers/${k.volunteer_id}#reis`}>${t('dashboard.toJourney')}</a>`}</div>
				<div class="li-end">${k.due_on && html`<span class=${k.overdue ? 'badge badge-late' : 'badge badge-off'}>
					${t(k.overdue ? 'dashboard.overdue' : 'dashboard.due', { date: fmtDate(k.due_on) })}</span>`}</div>
			</li>`)}</ul>`}
	</section>`;
}

function Attention({ data }) {
	const lonely = data.unmatched_calls.items;
	const proposals = data.proposals.items;
	const applicants = data.applicants.items;
	const own = session.user.organisation_id;
	return html`
		<div class="counters">
			<${Counter} n=${data.unmatched_calls.total} label=${t('dashboard.lonelyCalls')} href="/oproepen?status=open" />
			<${Counter} n=${data.proposals.total} label=${t('dashboard.proposalsWaiting')} href="/koppelingen?status=proposed" />
			<${Counter} n=${data.applicants.total} label=${t('dashboard.intakeWaiting')}
				href=${`/vrijwilligers?status=applied${own ? `&organisation_id=${own}` : ''}`} />
		</div>
		<div class="columns">
			<section class="card" aria-labelledby="h-lonely">
				<h2 id="h-lonely">${t('dashboard.lonelyCalls')}</h2>
				${lonely.length === 0
					? html`<p class="muted">${t('dashboard.noLonely')}</p>`
					: html`<ul class="rows">${lonely.map((c) => html`<li>
						<a href=${`/oproepen/${c.id}`}>${c.title || t('calls.unpublished')}</a>
						<span class="muted">${c.place} · ${t('common.since', { date: fmtDate(c.since) })}</span>
					</li>`)}</ul>`}
			</section>
			<section class="card" aria-labelledby="h-prop">
				<h2 id="h-prop">${t('dashboard.proposalsWaiting')}</h2>
				${proposals.length === 0
					? html`<p class="muted">${t('dashboard.noProposals')}</p>`
					: html`<ul class="rows">${proposals.map((m) => html`<li>
						<a href=${`/koppelingen/${m.id}`}>${m.volunteer_name || t('matches.aVolunteer')}</a>
						<span class="muted">${m.origin === 'volunteer' ? `${t('status.match.responded')} · ` : ''}${m.call_title || t('calls.unpublished')} · ${t('common.since', { date: fmtDate(m.since) })}</span>
					</li>`)}</ul>`}
				<p><a href="/voorstellen">${t('dashboard.toProposals')}</a></p>
			</section>
			<section class="card" aria-labelledby="h-intake">
				<h2 id="h-intake">${t('dashboard.intakeWaiting')}</h2>
				${applicants.length === 0
					? html`<p class="muted">${t('dashboard.noIntake')}</p>`
					: html`<ul class="rows">${applicants.map((v) => html`<li>
						<a href=${`/vrijwilligers/${v.id}`}>${v.name}</a>
						<span class="muted">${v.place} · ${t('common.since', { date: fmtDate(v.since) })}</span>
					</li>`)}</ul>`}
			</section>
		</div>`;
}

async function loadNetwork() {
	const [orgs, vols, calls, matches] = await Promise.all([
		get('/api/organisations?limit=1'), get('/api/volunteers?limit=1'),
		get('/api/calls?status=open&limit=1'), get('/api/matches?status=active&limit=1'),
	]);
	return { orgs: orgs.total, vols: vols.total, calls: calls.total, matches: matches.total };
}

export function AdminHome() {
	const { data, error, loading } = useLoad(loadNetwork, []);
	const attention = useLoad(loadAttention, []);
	return html`<${Page} title=${t('admin.homeTitle')} intro=${t('admin.homeIntro')} wide>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && html`<div class="counters">
			<${Counter} n=${data.orgs} label=${t('admin.countOrgs')} href="/organisaties" />
			<${Counter} n=${data.vols} label=${t('admin.countVolunteers')} href="/vrijwilligers" />
			<${Counter} n=${data.calls} label=${t('admin.countCalls')} href="/oproepen?status=open" />
			<${Counter} n=${data.matches} label=${t('admin.countMatches')} href="/koppelingen?status=active" />
		</div>`}
		<div class="columns">
			<section class="card" aria-labelledby="h-orgs">
				<h2 id="h-orgs">${t('nav.organisations')}</h2>
				<p>${t('admin.orgsBody')}</p>
				<a class="btn btn-secondary" href="/organisaties">${t('admin.toOrgs')}</a>
			</section>
			<section class="card" aria-labelledby="h-lists">
				<h2 id="h-lists">${t('nav.lists')}</h2>
				<p>${t('admin.listsBody')}</p>
				<a class="btn btn-secondary" href="/lijsten">${t('admin.toLists')}</a>
			</section>
		</div>
		${attention.data && html`<h2 class="section-title">${t('dashboard.title')}</h2><${Attention} data=${attention.data} />`}
		${catalog.orgs.length === 0 && html`<${Empty} title=${t('admin.noOrgs')} />`}
	<//>`;
}

export { Status };

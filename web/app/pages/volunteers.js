// Coordinator: the volunteers of the organisation, searchable, and one
// volunteer's profile with matches and calls that would suit them.
import { html, useState, get, api, qs, query, navigate, session, useLoad, orgName, forget, catalog } from '../core.js';
import { t, fmtDate, fmtKm, fmtNumber } from '../i18n.js';
import { Page, Loading, Alert, Empty, Status, Pager, Input, Select, listOptions, Tags, useBusy, dayparts, Downloads } from '../ui.js';
import { ProfileForm, blankVolunteer, VOLUNTEER_STATUSES } from './profile.js';
import { MatchRows } from './matches.js';
import { ConsentPanel } from './consent.js';
import { JourneyPanel } from './journey.js';
import { TransferPanel } from './transfers.js';
import { Trainings, Competences } from './appreciation.js';
import { ErasurePanel, VolunteerAccount } from './privacy.js';
import { AllowanceMode } from './hours.js';
import { NotesPanel } from './notes.js';

export function VolunteerList() {
	const params = query();
	const [f, setF] = useState({ q: params.q || '', status: params.status || '', activity: params.activity || '', theme: params.theme || '', place: params.place || '', organisation_id: params.organisation_id || '' });
	const own = session.user.organisation_id;
	// A coordinator also sees other organisations' volunteers who consented;
	// the filter narrows to the own organisation, the administrator to any.
	const orgOptions = own ? [{ value: String(own), label: t('volunteers.ownOnly', { org: orgName(own) }) }]
		: catalog.orgs.map((o) => ({ value: String(o.id), label: o.name }));
	const offset = Number(params.offset || 0);
	const { data, error, loading } = useLoad(
		() => get(`/api/volunteers${qs({ ...pick(params), limit: 25, offset })}`), [location.search]);
	const set = (k) => (v) => setF({ ...f, [k]: v });
	const apply = (next, off = 0) => navigate(`/vrijwilligers${qs({ ...next, offset: off || '' })}`, true);
	const submit = (e) => {
		e.preventDefault();
		apply(f);
	};
	return html`<${Page} title=${t('volunteers.title')} wide
		actions=${html`<${Downloads} path="/api/volunteers" />
			<a class="btn btn-quiet" href="/vog">${t('vog.link')}</a>
			<a class="btn btn-secondary" href="/vrijwilligers/importeren">${t('import.link')}</a>
			<a class="btn btn-secondary" href="/vrijwilligers/nieuw">${t('volunteers.new')}</a>`}>
		<form class="filters card" role="search" aria-label=${t('volunteers.search')} onSubmit=${submit}>
			<${Input} name="q" type="search" label=${t('volunteers.searchLabel')} value=${f.q} onInput=${set('q')} />
			<${Select} name="status" label=${t('field.volunteerStatus')} value=${f.status} onChange=${set('status')} empty=${t('common.all')}
				options=${VOLUNTEER_STATUSES.map((s) => ({ value: s, label: t(`status.volunteer.${s}`) }))} />
			<${Select} name="activity" label=${t('field.activity')} value=${f.activity} onChange=${set('activity')} empty=${t('common.all')} options=${listOptions('activity', f.activity)} />
			<${Select} name="theme" label=${t('field.theme')} value=${f.theme} onChange=${set('theme')} empty=${t('common.all')} options=${listOptions('theme', f.theme)} />
			<${Input} name="place" label=${t('field.place')} value=${f.place} onInput=${set('place')} />
			<${Select} name="organisation_id" label=${t('field.organisation')} value=${f.organisation_id} onChange=${set('organisation_id')} empty=${t('common.all')} options=${orgOptions} />
			<div class="filter-actions"><button class="btn btn-primary" type="submit">${t('common.search')}</button></div>
		</form>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('volunteers.none')}>${t('volunteers.noneHint')}<//>`
			: html`<p class="count" role="status">${t('volunteers.count', { n: data.total })}</p>
				<ul class="list">${data.items.map((v) => html`<li class="list-item">
					<div class="li-main">
						<a class="li-title" href=${`/vrijwilligers/${v.id}`}>${v.first_name} ${v.last_name}</a>
						<span class="muted">${orgName(v.organisation_id)} · ${v.place}${v.hours_per_week ? ` · ${t('volunteers.hours', { n: v.hours_per_week })}` : ''}</span>
					</div>
					<div class="li-meta"><${Tags} kind="activity" codes=${v.activities.slice(0, 3)} /></div>
					<div class="li-end"><${Status} kind="volunteer" value=${v.status} /></div>
				</li>`)}</ul>
				<${Pager} data=${data} offset=${offset} onOffset=${(o) => apply(pick(params), o)} />`)}
	<//>`;
}

const pick = (p) => ({ q: p.q, status: p.status, activity: p.activity, theme: p.theme, place: p.place, organisation_id: p.organisation_id });

export function VolunteerNew() {
	const v = blankVolunteer(session.user.organisation_id);
	return html`<${Page} title=${t('volunteers.new')} intro=${t('volunteers.newIntro')}>
		<${ProfileForm} volunteer=${v} creating onSaved=${(saved) => navigate(`/vrijwilligers/${saved.id}`)} />
	<//>`;
}

export function VolunteerPage({ id }) {
	const { data: v, error, loading, reload } = useLoad(() => get(`/api/volunteers/${id}`), [id]);
	// With a journey, its steps set the status; the quick buttons would bypass them.
	const [journey, setJourney] = useState(false);
	if (loading && !v) return html`<${Page} title=${t('volunteers.profile')}><${Loading} /><//>`;
	if (error) {
		const title = error.status === 403 ? t('error.forbiddenTitle') : error.status === 404 ? t('notFound.title') : t('error.title');
		return html`<${Page} title=${title}>
			<${Alert} error=${error} />
			<p><a href="/vrijwilligers">${t('volunteers.back')}</a></p>
		<//>`;
	}
	// The journey, trainings, transfers and login belong to the volunteer's own
	// organisation; a coordinator elsewhere sees the profile by consent only.
	const own = session.user.role === 'admin' || v.organisation_id === session.user.organisation_id;
	return html`<${Page} title=${`${v.first_name} ${v.last_name}`} wide
		actions=${html`<a class="btn btn-secondary" href=${`/jaaroverzicht/${v.id}`}>${t('year.link')}</a>`}
		intro=${html`<${Status} kind="volunteer" value=${v.status} /> ${orgName(v.organisation_id)} · ${v.place} · ${t('volunteers.since', { date: fmtDate(v.started_on) })}`}>
		${!journey && html`<${StatusActions} v=${v} onChange=${reload} />`}
		<div class="split">
			<div class="split-main">
				${own && html`<section class="card" id="reis" aria-labelledby="h-journey">
					<h2 id="h-journey">${t('journey.title')}</h2>
					<${JourneyPanel} volunteer=${v} onChange=${reload} onFound=${setJourney} />
				</section>`}
				<${ProfileForm} key=${`${v.status}-${journey}`} volunteer=${v} onSaved=${reload} statusLocked=${!!journey} />
				${own && html`<section class="card" aria-labelledby="h-allowance">
					<h2 id="h-allowance">${t('mode.title')}</h2>
					<${AllowanceMode} volunteerId=${v.id} />
				</section>`}
				${own && html`<section class="card" aria-labelledby="h-trainings">
					<h2 id="h-trainings">${t('training.titleStaff')}</h2>
					<${Trainings} volunteerId=${v.id} />
				</section>
				<section class="card" aria-labelledby="h-competences">
					<h2 id="h-competences">${t('competence.titleStaff')}</h2>
					<p class="hint">${t('competence.introStaff')}</p>
					<${Competences} volunteerId=${v.id} />
				</section>`}
			</div>
			<aside class="split-side">
				<section class="card" aria-labelledby="h-vm">
					<h2 id="h-vm">${t('volunteers.matches')}</h2>
					<${VolunteerMatches} id=${v.id} />
				</section>
				${own && html`<section class="card" aria-labelledby="h-notes">
					<h2 id="h-notes">${t('notes.title')}</h2>
					<${NotesPanel} volunteerId=${v.id} canWrite=${session.user.role === 'coordinator'} />
				</section>`}
				<section class="card" aria-labelledby="h-consent">
					<h2 id="h-consent">${t('consent.staffTitle')}</h2>
					<${ConsentPanel} volunteer=${v} />
				</section>
				${own && html`<section class="card" aria-labelledby="h-transfer">
					<h2 id="h-transfer">${t('transfer.title')}</h2>
					<${TransferPanel} volunteer=${v} />
				</section>
				<section class="card" aria-labelledby="h-login">
					<h2 id="h-login">${t('accounts.loginTitle')}</h2>
					<${VolunteerAccount} volunteer=${v} />
				</section>`}
				${session.user.role === 'admin' && html`<section class="card" aria-labelledby="h-erase">
					<h2 id="h-erase">${t('erase.title')}</h2>
					<${ErasurePanel} volunteer=${v} />
				</section>`}
				<section class="card" aria-labelledby="h-sug">
					<h2 id="h-sug">${t('volunteers.suggestions')}</h2>
					<${Suggestions} id=${v.id} compact />
				</section>
			</aside>
		</div>
	<//>`;
}

// The next step in the volunteer journey, as one button.
function StatusActions({ v, onChange }) {
	const { busy, error, run } = useBusy();
	const to = (status) => run(async () => {
		await api('PATCH', `/api/volunteers/${v.id}`, { status });
		forget('volunteers', v.id);
		onChange();
	});
	const actions = {
		applied: [['active', 'volunteers.intakeDone']],
		active: [['paused', 'volunteers.pause']],
		paused: [['active', 'volunteers.resume'], ['stopped', 'volunteers.stop']],
		stopped: [['active', 'volunteers.restart']],
	}[v.status] || [];
	return html`<div class="actionbar">
		${v.status === 'applied' && html`<p class="actionbar-text">${t('volunteers.intakeHint')}</p>`}
		${actions.map(([s, key]) => html`<button type="button" class=${s === 'active' ? 'btn btn-primary' : 'btn btn-secondary'}
			disabled=${busy} onClick=${() => to(s)}>${t(key)}</button>`)}
		<${Alert} error=${error} />
	</div>`;
}

function VolunteerMatches({ id }) {
	const { data, error, loading } = useLoad(() => get(`/api/matches?volunteer_id=${id}&limit=50`), [id]);
	if (loading) return html`<${Loading} />`;
	if (error) return html`<${Alert} error=${error} />`;
	if (!data.items.length) return html`<p class="muted">${t('volunteers.noMatches')}</p>`;
	return html`<${MatchRows} items=${data.items} show="call" />`;
}

// Calls that suit a volunteer, each with why. Used by coordinators and by the
// volunteer's own start page.
export function Suggestions({ id, compact, respond }) {
	const { data, error, loading, reload } = useLoad(() => get(`/api/volunteers/${id}/suggestions?limit=20`), [id]);
	if (loading) return html`<${Loading} />`;
	if (error && error.missing) return html`<${Empty} title=${t('suggestions.unavailable')} />`;
	if (error) return html`<${Alert} error=${error} />`;
	// Staff see this list on a volunteer's page: it speaks about her there, to her at home.
	const none = compact ? 'Staff' : '';
	if (!data.items.length) return html`<${Empty} title=${t(`suggestions.none${none}`)}>${t(`suggestions.noneHint${none}`)}<//>`;
	const items = compact ? data.items.slice(0, 5) : data.items;
	return html`<ul class=${compact ? 'rows' : 'cards'}>${items.map((s) => html`<li key=${s.call_id} class=${compact ? '' : 'card suggestion'}>
		<a class="li-title" href=${`/oproepen/${s.call_id}`}>${s.title}</a>
		<p class="muted">${[orgName(s.organisation_id), s.place, s.distance_km !== undefined && s.distance_km !== null ? fmtKm(s.distance_km) : ''].filter(Boolean).join(' · ')}</p>
		${s.explanation_text && html`<p class="why"><span class="why-label">${t('suggestions.why')}</span> ${s.explanation_text}</p>`}
		${respond && html`<${respond} callId=${s.call_id} onDone=${reload} />`}
	</li>`)}</ul>
	${!compact && html`<p class="muted">${t('candidates.distanceNote')}</p>`}`;
}

export { fmtNumber, dayparts };

// Calls (oproepen): the list, the form to post one, and one call with the
// volunteers that would fit it and the matches made so far.
import { html, useState, useEffect, useRef, get, api, qs, query, navigate, session, useLoad, orgName, listItem, catalog } from '../core.js';
import { t, fmtDate, fmtKm, fmtNumber, itemLabel } from '../i18n.js';
import { Page, Loading, Alert, Empty, Status, Pager, Input, TextArea, Select, Checks, AvailabilityGrid, FormError, Notice, Tags, listOptions, useBusy, dayparts, Downloads } from '../ui.js';
import { ENGAGEMENTS } from './profile.js';
import { MatchRows, MatchStatus } from './matches.js';
import { useLocations, LocationPicker, locationName } from './locations.js';

export const CALL_STATUSES = ['open', 'filled', 'closed', 'cancelled'];
const STAFF = ['admin', 'coordinator'];

export function activityLabel(code) {
	return itemLabel(listItem('activity', code)) || code || '';
}

export function CallList() {
	const params = query();
	const role = session.user.role;
	const [f, setF] = useState({ q: params.q || '', status: params.status ?? (role === 'volunteer' ? '' : 'open'), activity: params.activity || '', location_id: params.location_id || '' });
	const locations = useLocations();
	const offset = Number(params.offset || 0);
	const status = params.status ?? (role === 'volunteer' ? '' : 'open');
	const { data, error, loading } = useLoad(
		() => get(`/api/calls${qs({ q: params.q, status, activity: params.activity, location_id: params.location_id, limit: 25, offset })}`), [location.search]);
	const set = (k) => (v) => setF({ ...f, [k]: v });
	const apply = (next, off = 0) => navigate(`/oproepen${qs({ ...next, offset: off || '' })}`, true);
	return html`<${Page} title=${t('calls.title')} wide
		actions=${html`<${Downloads} path="/api/calls" />
			${role !== 'volunteer' && html`<a class="btn btn-primary" href="/oproepen/nieuw">${t('calls.new')}</a>`}`}>
		<form class="filters card" role="search" aria-label=${t('calls.search')} onSubmit=${(e) => {
			e.preventDefault();
			apply(f);
		}}>
			<${Input} name="q" type="search" label=${t('calls.searchLabel')} value=${f.q} onInput=${set('q')} />
			${role !== 'volunteer' && html`<${Select} name="status" label=${t('field.callStatus')} value=${f.status} onChange=${set('status')} empty=${t('common.all')}
				options=${CALL_STATUSES.map((s) => ({ value: s, label: t(`status.call.${s}`) }))} />`}
			<${Select} name="activity" label=${t('field.activity')} value=${f.activity} onChange=${set('activity')} empty=${t('common.all')} options=${listOptions('activity', f.activity)} />
			${locations.data && locations.data.items.length > 0 && html`<${Select} name="location_id" label=${t('calls.location')} value=${f.location_id} onChange=${set('location_id')} empty=${t('common.all')}
				options=${locations.data.items.map((l) => ({ value: l.id, label: locationName(locations.data, l.id) }))} />`}
			<div class="filter-actions"><button class="btn btn-primary" type="submit">${t('common.search')}</button></div>
		</form>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('calls.none')}>${role !== 'volunteer' && html`<a href="/oproepen/nieuw">${t('calls.new')}</a>`}<//>`
			: html`<p class="count" role="status">${t('calls.count', { n: data.total })}</p>
				<${CallRows} items=${data.items} />
				<${Pager} data=${data} offset=${offset} onOffset=${(o) => apply({ q: params.q, status: params.status, activity: params.activity, location_id: params.location_id }, o)} />`)}
	<//>`;
}

// A help request not published yet has no title for whoever may not read its own.
export const callTitle = (c) => c.title || t('calls.unpublished');

export function CallRows({ items, base = '/oproepen' }) {
	return html`<ul class="list">${items.map((c) => html`<li class="list-item">
		<div class="li-main">
			<a class="li-title" href=${`${base}/${c.id}`}>${callTitle(c)}</a>
			<span class="muted">${[activityLabel(c.activity), c.place, orgName(c.organisation_id),
				c.location_name && t('calls.atLocation', { name: c.location_name })].filter(Boolean).join(' · ')}</span>
		</div>
		<div class="li-meta muted">${when(c)}</div>
		<div class="li-end"><${Status} kind="call" value=${c.status} /></div>
	</li>`)}</ul>`;
}

// Where a call is: its location's name (said switched off when the caller's
// list of locations says so) and address; "" for a call without one.
export function callLocation(c, locations) {
	if (!c.location_id) return '';
	return [locationName(locations, c.location_id) || c.location_name, c.location_address].filter(Boolean).join(', ');
}

// "Op 3 mei 2026 om 14:00" or "maandag ochtend, woensdag avond".
export function when(c) {
	if (c.one_off_date) {
		return c.start_time ? t('calls.onDateAt', { date: fmtDate(c.one_off_date), time: c.start_time }) : t('calls.onDate', { date: fmtDate(c.one_off_date) });
	}
	return dayparts(c.dayparts);
}

const CALL_FIELDS = ['title', 'description', 'activity', 'place', 'one_off_date', 'start_time', 'dayparts',
	'duration_minutes', 'volunteers_needed', 'requires_vog', 'requires_driving_licence', 'requires_car', 'engagement', 'themes',
	'required_skills', 'required_trainings', 'required_languages', 'organisation_id', 'source', 'location_id'];

function blankCall() {
	return {
		title: '', description: '', activity: '', place: '', schedule: 'once', one_off_date: '', start_time: '',
		dayparts: [], duration_minutes: '120', volunteers_needed: '1', requires_vog: false,
		requires_driving_licence: false, requires_car: false, engagement: 'one_off', themes: [], required_skills: [],
		required_trainings: [], required_languages: [], organisation_id: '', source: 'client', location_id: '',
	};
}

// The form's values for an existing call (editing).
function formOf(c) {
	const str = (v) => (v === null || v === undefined ? '' : String(v));
	return {
		...blankCall(), ...c, schedule: c.one_off_date ? 'once' : 'recurring', one_off_date: str(c.one_off_date),
		start_time: str(c.start_time), duration_minutes: str(c.duration_minutes), volunteers_needed: str(c.volunteers_needed),
		organisation_id: str(c.organisation_id), location_id: str(c.location_id), activity: str(c.activity), description: str(c.description),
		themes: c.themes || [], required_skills: c.required_skills || [], required_trainings: c.required_trainings || [],
		required_languages: c.required_languages || [], dayparts: c.dayparts || [],
	};
}

// An edit sends only what changed, with the version it started from: someone
// else's change to another field stays, one to the same field is reported.
function changedOnly(body, before) {
	const same = (a, b) => JSON.stringify(Array.isArray(a) ? [...a].sort() : a) ===
		JSON.stringify(Array.isArray(b) ? [...b].sort() : b);
	const out = {};
	for (const k of Object.keys(body)) if (!same(body[k], before[k])) out[k] = body[k];
	return out;
}

function callBody(f, mode) {
	const body = {
		title: f.title, description: f.description, activity: f.activity || null, place: f.place,
		requires_vog: f.requires_vog, requires_driving_licence: f.requires_driving_licence,
		requires_car: f.requires_car,
		engagement: f.engagement, themes: f.themes,
	};
	if (f.schedule === 'once') {
		body.one_off_date = f.one_off_date;
		if (f.start_time) body.start_time = f.start_time;
	} else body.dayparts = f.dayparts;
	const num = (k) => {
		const s = String(f[k] ?? '').trim();
		if (s !== '') body[k] = /^\d+$/.test(s) ? Number(s) : s;
	};
	num('duration_minutes');
	num('volunteers_needed');
	if (mode !== 'referrer') {
		body.required_skills = f.required_skills;
		body.required_trainings = f.required_trainings;
		body.required_languages = f.required_languages;
	}
	if (mode === 'admin' || mode === 'referrer') body.organisation_id = Number(f.organisation_id) || null;
	if (mode === 'professional') body.source = f.source;
	if (mode === 'coordinator' || mode === 'professional') body.location_id = Number(f.location_id) || null;
	if (!body.activity) delete body.activity;
	return body;
}

// The form to post a call; mode is the caller's role (referrer: a help request).
export function CallForm({ mode, onSaved, submitLabel, call, onCancel }) {
	const [f, setF] = useState(() => (call ? formOf(call) : blankCall()));
	const locations = useLocations();
	// A professional who works at locations posts for one of them: the first, unless she picks another.
	useEffect(() => {
		const mine = locations.data ? locations.data.items.filter((l) => l.mine && l.active) : [];
		if (!call && mode === 'professional' && mine.length > 0 && !f.location_id) setF((o) => ({ ...o, location_id: String(mine[0].id) }));
	}, [locations.data]);
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => setF((old) => ({ ...old, [k]: v }));
	const referrer = mode === 'referrer';
	const orgs = catalog.orgs.filter((o) => o.active !== false && o.kind !== 'referrer');
	const submit = (e) => {
		e.preventDefault();
		if (!call) {
			run(async () => onSaved(await api('POST', '/api/calls', callBody(f, mode))));
			return;
		}
		const body = changedOnly(callBody(f, mode), callBody(formOf(call), mode));
		if (Object.keys(body).length === 0) {
			onSaved(call);
			return;
		}
		run(async () => onSaved(await api('PATCH', `/api/calls/${call.id}`, { ...body, version: call.version })));
	};
	// A help request's own text is not shown to whoever may not read it: not edited either.
	const ownText = !call || !['client', 'referrer'].includes(call.source) || mode !== 'admin';
	const check = (k, label) => html`<label class="check single">
		<input type="checkbox" name=${k} checked=${f[k]} onChange=${(e) => set(k)(e.currentTarget.checked)} /><span>${label}</span>
	</label>`;
	return html`<form class="form" onSubmit=${submit} novalidate>
		<${FormError} error=${error} fields=${CALL_FIELDS} />
		<section class="card block" aria-labelledby="c-what">
			<h2 id="c-what">${t(referrer ? 'help.what' : 'callForm.what')}</h2>
			${(mode === 'admin' || referrer) && html`<${Select} name="organisation_id" label=${t(referrer ? 'help.organisation' : 'field.organisation')}
				hint=${referrer ? t('help.organisationHint') : undefined} value=${f.organisation_id} onChange=${set('organisation_id')} error=${error} required
				empty=${t('common.choose')} options=${orgs.map((o) => ({ value: o.id, label: `${o.name} (${o.municipality})` }))} />`}
			${mode === 'professional' && !call && html`<fieldset class="checks">
				<legend>${t('callForm.forWhom')}</legend>
				<div class="check-list">
					${['client', 'location'].map((s) => html`<label class="check">
						<input type="radio" name="source" value=${s} checked=${f.source === s} onChange=${() => set('source')(s)} />
						<span>${t(`callForm.for_${s}`)}</span></label>`)}
				</div>
			</fieldset>`}
			${ownText && html`<${Input} name="title" label=${t(referrer ? 'help.title' : 'field.title')} hint=${t(referrer ? 'help.titleHint' : 'callForm.titleHint')} value=${f.title} onInput=${set('title')} error=${error} required maxlength="160" />`}
			<${Select} name="activity" label=${t('field.activity')} value=${f.activity} onChange=${set('activity')} error=${error} required empty=${t('common.choose')} options=${listOptions('activity', f.activity)} />
			${ownText && html`<${TextArea} name="description" label=${t(referrer ? 'help.description' : 'field.description')} hint=${referrer ? t('help.descriptionHint') : undefined} value=${f.description} onInput=${set('description')} error=${error} maxlength="4000" rows="5" />`}
			<${Input} name="place" label=${t('field.callPlace')} value=${f.place} onInput=${set('place')} error=${error} required maxlength="100" />
			${(mode === 'coordinator' || mode === 'professional') && html`<${LocationPicker} locations=${locations.data} value=${f.location_id} onChange=${set('location_id')} error=${error} />`}
		</section>
		<section class="card block" aria-labelledby="c-when">
			<h2 id="c-when">${t('callForm.when')}</h2>
			<fieldset class="checks">
				<legend>${t('callForm.scheduleKind')}</legend>
				<div class="check-list">
					${['once', 'recurring'].map((s) => html`<label class="check">
						<input type="radio" name="schedule" value=${s} checked=${f.schedule === s} onChange=${() => setF((old) => ({ ...old, schedule: s, engagement: s === 'once' ? 'one_off' : 'structural' }))} />
						<span>${t(`callForm.schedule_${s}`)}</span></label>`)}
				</div>
			</fieldset>
			${f.schedule === 'once'
				? html`<div class="row2">
					<${Input} name="one_off_date" type="date" label=${t('field.date')} value=${f.one_off_date} onInput=${set('one_off_date')} error=${error} required />
					<${Input} name="start_time" type="time" label=${t('field.start_time')} value=${f.start_time} onInput=${set('start_time')} error=${error} />
				</div>`
				: html`<${AvailabilityGrid} name="dayparts" legend=${t('callForm.dayparts')} value=${f.dayparts} onChange=${set('dayparts')} error=${error} />`}
			<div class="row2">
				<${Input} name="duration_minutes" type="number" inputmode="numeric" label=${t('field.duration')} value=${f.duration_minutes} onInput=${set('duration_minutes')} error=${error} min="15" max="1440" />
				<${Input} name="volunteers_needed" type="number" inputmode="numeric" label=${t('field.volunteers_needed')} value=${f.volunteers_needed} onInput=${set('volunteers_needed')} error=${error} min="1" max="50" />
			</div>
			<${Select} name="engagement" label=${t('field.engagement')} value=${f.engagement} onChange=${set('engagement')} error=${error}
				options=${ENGAGEMENTS.map((e) => ({ value: e, label: t(`engagement.${e}`) }))} />
		</section>
		<section class="card block" aria-labelledby="c-needs">
			<h2 id="c-needs">${t('callForm.needs')}</h2>
			${check('requires_vog', t('field.requires_vog'))}
			${check('requires_driving_licence', t('field.requires_driving_licence'))}
			${check('requires_car', t('field.requires_car'))}
			<${Checks} name="themes" legend=${t('field.themes')} options=${listOptions('theme', f.themes)} value=${f.themes} onChange=${set('themes')} error=${error} columns />
			${!referrer && html`
				<${Checks} name="required_skills" legend=${t('field.required_skills')} options=${listOptions('talent', f.required_skills)} value=${f.required_skills} onChange=${set('required_skills')} error=${error} columns />
				<${Checks} name="required_trainings" legend=${t('field.required_trainings')} options=${listOptions('training', f.required_trainings)} value=${f.required_trainings} onChange=${set('required_trainings')} error=${error} />
				<${Checks} name="required_languages" legend=${t('field.required_languages')} options=${listOptions('language', f.required_languages)} value=${f.required_languages} onChange=${set('required_languages')} error=${error} columns />`}
		</section>
		<div class="form-actions">
			<button class="btn btn-primary" type="submit" disabled=${busy}>${submitLabel || t('callForm.submit')}</button>
			${onCancel && html`<button class="btn btn-quiet" type="button" onClick=${onCancel}>${t('calls.editStop')}</button>`}
		</div>
	</form>`;
}

export function CallNew() {
	const role = session.user.role;
	return html`<${Page} title=${t('calls.new')} intro=${t(role === 'professional' ? 'callForm.introProfessional' : 'callForm.intro')}>
		<${CallForm} mode=${role} onSaved=${(c) => navigate(`/oproepen/${c.id}?nieuw=1`)} />
	<//>`;
}

export function CallDetails({ c }) {
	const locations = useLocations();
	const row = (label, value) => value ? html`<div class="dl-row"><dt>${label}</dt><dd>${value}</dd></div>` : null;
	const needs = [c.requires_vog && t('field.requires_vog'), c.requires_driving_licence && t('field.requires_driving_licence'), c.requires_car && t('field.requires_car')].filter(Boolean).join(', ');
	return html`<dl class="dl">
		${row(t('field.activity'), activityLabel(c.activity))}
		${row(t('field.organisation'), orgName(c.organisation_id))}
		${row(t('calls.location'), callLocation(c, locations.data))}
		${row(t('field.callPlace'), c.place)}
		${row(t('callForm.when'), when(c))}
		${row(t('field.durationShort'), c.duration_minutes ? t('calls.minutes', { n: c.duration_minutes }) : '')}
		${row(t('field.volunteers_needed'), fmtNumber(c.volunteers_needed))}
		${row(t('field.engagement'), t(`engagement.${c.engagement}`))}
		${row(t('callForm.needs'), needs)}
		${c.themes && c.themes.length > 0 && row(t('field.themes'), html`<${Tags} kind="theme" codes=${c.themes} />`)}
		${c.required_skills && c.required_skills.length > 0 && row(t('field.required_skills'), html`<${Tags} kind="talent" codes=${c.required_skills} />`)}
		${c.required_trainings && c.required_trainings.length > 0 && row(t('field.required_trainings'), html`<${Tags} kind="training" codes=${c.required_trainings} />`)}
		${row(t('calls.posted'), fmtDate(c.created_at))}
	</dl>
	${c.description && html`<p class="description">${c.description}</p>`}`;
}

export function CallPage({ id }) {
	const role = session.user.role;
	const { data: c, error, loading, reload } = useLoad(() => get(`/api/calls/${id}`), [id]);
	const [tick, setTick] = useState(0);
	const fresh = query().nieuw === '1';
	const [editing, setEditing] = useState(false);
	const [note, setNote] = useState('');
	const changed = (msg) => {
		setNote(msg);
		setTick((n) => n + 1);
		reload();
	};
	if (loading && !c) return html`<${Page} title=${t('calls.call')}><${Loading} /><//>`;
	if (error) {
		return html`<${Page} title=${error.status === 403 ? t('error.forbiddenTitle') : t('notFound.title')}>
			<${Alert} error=${error} /><p><a href="/">${t('notFound.home')}</a></p><//>`;
	}
	const staff = STAFF.includes(role);
	return html`<${Page} title=${callTitle(c)} wide intro=${html`<${Status} kind="call" value=${c.status} />`}>
		${fresh && !note && html`<${Notice}>${t('calls.posted_ok')}<//>`}
		<${Notice}>${note}<//>
		<div class="split">
			<div class="split-main">
				${role === 'volunteer' && html`<${Respond} callId=${c.id} open=${c.status === 'open'} />`}
				${(staff || role === 'professional') && ['client', 'referrer'].includes(c.source) && role !== 'admin'
					&& html`<${PublicText} c=${c} onChange=${reload} />`}
				${(staff || role === 'professional') && c.source !== 'volunteer' && html`<${PublicPage} c=${c} onChange=${reload} />`}
				${editing
					? html`<section aria-labelledby="h-edit">
						<h2 id="h-edit" class="section-title" tabindex="-1">${t('calls.editTitle')}</h2>
						<${CallForm} mode=${role} call=${c} submitLabel=${t('calls.editSave')} onCancel=${() => setEditing(false)}
							onSaved=${() => {
								setEditing(false);
								changed(t('calls.edited'));
							}} />
					</section>`
					: html`<section class="card" aria-labelledby="h-details">
						<h2 id="h-details">${t('calls.details')}</h2>
						<${CallDetails} c=${c} />
						${(staff || role === 'professional') && html`<div class="actionbar">
							<button type="button" class="btn btn-secondary" onClick=${() => {
								setNote('');
								setEditing(true);
							}}>${t('calls.edit')}</button>
						</div>`}
						${staff && html`<${CallStatusActions} c=${c} onChange=${changed} />`}
					</section>`}
				${(staff || role === 'professional') && html`<section class="card" aria-labelledby="h-matches">
					<h2 id="h-matches">${t('calls.matches')}</h2>
					<${CallMatches} id=${c.id} tick=${tick} onChange=${() => setTick(tick + 1)} />
				</section>`}
				${(staff || role === 'professional') && html`<${CallHistory} id=${c.id} tick=${tick} />`}
			</div>
			${staff && c.status === 'open' && html`<aside class="split-side wide-side">
				<section class="card" aria-labelledby="h-cand">
					<h2 id="h-cand">${t('candidates.title')}</h2>
					<p class="hint">${t('candidates.intro')}</p>
					<${Candidates} call=${c} tick=${tick} onMatched=${() => setTick(tick + 1)} />
				</section>
				<section class="card" aria-labelledby="h-pick">
					<h2 id="h-pick">${t('pick.title')}</h2>
					<${ManualPick} call=${c} onMatched=${() => setTick(tick + 1)} />
				</section>
			</aside>`}
		</div>
	<//>`;
}

// A help request reaches volunteers only with a public text the organisation writes.
function PublicText({ c, onChange }) {
	const [f, setF] = useState({ public_title: c.public_title || '', public_description: c.public_description || '' });
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => setF((old) => ({ ...old, [k]: v }));
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			await api('PATCH', `/api/calls/${c.id}`, f);
			onChange();
		});
	};
	return html`<section class="card" aria-labelledby="h-public">
		<h2 id="h-public">${t('calls.publicTitle')}</h2>
		<p class="hint">${t(c.published ? 'calls.publicPublished' : 'calls.publicIntro')}</p>
		<form class="form" onSubmit=${submit} novalidate>
			<${FormError} error=${error} fields=${['public_title', 'public_description']} />
			<${Input} name="public_title" label=${t('field.public_title')} value=${f.public_title} onInput=${set('public_title')} error=${error} maxlength="160" />
			<${TextArea} name="public_description" label=${t('field.public_description')} value=${f.public_description} onInput=${set('public_description')} error=${error} maxlength="4000" rows="3" />
			<div class="actionbar"><button class="btn btn-primary" type="submit" disabled=${busy}>${t('calls.publish')}</button></div>
		</form>
	</section>`;
}

// Whether the call is also on the network's public pages (no login), with a
// warning when its public text names someone's health.
function PublicPage({ c, onChange }) {
	const { busy, error, run } = useBusy();
	const toggle = () => run(async () => {
		await api('PATCH', `/api/calls/${c.id}`, { public_page: !c.public_page });
		onChange();
	});
	const words = c.health_words || [];
	return html`<section class="card" aria-labelledby="h-public-page">
		<h2 id="h-public-page">${t('calls.publicPageTitle')}</h2>
		${words.length > 0 && html`<div class="notice warn" role="status">${t('calls.healthWarning', { words: words.join(', ') })}</div>`}
		<p class="hint">${t(c.public_page ? 'calls.publicPageOn' : 'calls.publicPageOff')}</p>
		${c.public_page && html`<p><a href=${`/doe-mee/${c.id}`}>${location.origin}/doe-mee/${c.id}</a></p>`}
		<${FormError} error=${error} fields=${[]} />
		<div class="actionbar"><button type="button" class="btn btn-secondary" disabled=${busy} onClick=${toggle}>
			${t(c.public_page ? 'calls.publicPageRemove' : 'calls.publicPageAdd')}</button></div>
	</section>`;
}

// Filled, closed or cancelled only after a confirming second step in the page;
// afterwards the notice offers to undo it (open the call again).
function CallStatusActions({ c, onChange }) {
	const { busy, error, run } = useBusy();
	const [asking, setAsking] = useState('');
	const question = useRef(null);
	useEffect(() => {
		if (asking && question.current) question.current.focus();
	}, [asking]);
	const to = (status) => run(async () => {
		const before = c.status;
		await api('PATCH', `/api/calls/${c.id}`, { status, version: c.version });
		setAsking('');
		onChange(status === 'open' ? t('calls.reopened') : html`${t(`calls.done_${status}`)}
			<button type="button" class="btn btn-quiet btn-small" onClick=${() => run(async () => {
				await api('PATCH', `/api/calls/${c.id}`, { status: before });
				onChange(t('calls.undone'));
			})}>${t('calls.undo')}</button>`);
	});
	if (asking) {
		return html`<div class="confirm-step" role="group" aria-labelledby="confirm-q">
			<p id="confirm-q" tabindex="-1" ref=${question}><strong>${t(`calls.ask_${asking}`)}</strong></p>
			<p class="hint">${t('calls.askHint')}</p>
			<div class="btn-row">
				<button type="button" class="btn btn-danger" disabled=${busy} onClick=${() => to(asking)}>${t(`calls.yes_${asking}`)}</button>
				<button type="button" class="btn btn-quiet" onClick=${() => setAsking('')}>${t('calls.no')}</button>
			</div>
			<${Alert} error=${error} />
		</div>`;
	}
	const next = c.status === 'open' ? ['filled', 'closed', 'cancelled'] : ['open'];
	return html`<div class="actionbar">
		${next.map((s) => html`<button type="button" class="btn btn-secondary" disabled=${busy}
			onClick=${() => (s === 'open' ? to(s) : setAsking(s))}>${t(`calls.to_${s}`)}</button>`)}
		<${Alert} error=${error} />
	</div>`;
}

// Field names of the API in the form's own words.
const FIELD_LABELS = {
	title: 'field.title', description: 'field.description', public_title: 'field.public_title',
	public_description: 'field.public_description', activity: 'field.activity', place: 'field.callPlace',
	one_off_date: 'field.date', start_time: 'field.start_time', dayparts: 'callForm.dayparts',
	duration_minutes: 'field.durationShort', volunteers_needed: 'field.volunteers_needed', engagement: 'field.engagement',
	requires_vog: 'field.requires_vog', requires_driving_licence: 'field.requires_driving_licence', themes: 'field.themes',
	required_skills: 'field.required_skills', required_trainings: 'field.required_trainings',
	required_languages: 'field.required_languages', organisation_id: 'field.organisation', status: 'field.callStatus',
	source: 'callForm.forWhom', location_id: 'calls.location', volunteer_id: 'matches.volunteer',
};

// Who changed what, and when: the call's posting and every edit.
function CallHistory({ id, tick }) {
	const { data, error } = useLoad(() => get(`/api/calls/${id}/history`), [id, tick]);
	if (error || !data || data.items.length === 0) return null;
	const what = (h) => {
		if (h.fields.length === 0) return t('calls.historyPosted');
		if (h.status) return t('calls.historyStatus', { status: t(`status.call.${h.status}`) });
		return t('calls.historyChanged', { fields: h.fields.map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f)).join(', ') });
	};
	return html`<section class="card" aria-labelledby="h-history">
		<h2 id="h-history">${t('calls.history')}</h2>
		<ol class="timeline">${data.items.map((h) => html`<li key=${h.version}>
			<span>${what(h)}</span>
			<span class="muted"> · ${fmtDate(h.at, true)}${h.actor_name ? ` · ${h.actor_name}` : ''}</span>
		</li>`)}</ol>
	</section>`;
}

function CallMatches({ id, tick, onChange }) {
	const { data, error, loading, reload } = useLoad(() => get(`/api/matches?call_id=${id}&limit=50`), [id, tick]);
	if (loading && !data) return html`<${Loading} />`;
	if (error) return html`<${Alert} error=${error} />`;
	if (!data.items.length) return html`<p class="muted">${t('calls.noMatches')}</p>`;
	return html`<${MatchRows} items=${data.items} show="volunteer" actions onChange=${() => {
		reload();
		onChange();
	}} />`;
}

// The volunteers that fit this call best, each with why; "Koppelen" makes a
// proposed match that the coordinator then takes through its steps.
function Candidates({ call, tick, onMatched }) {
	const { data, error, loading } = useLoad(() => get(`/api/calls/${call.id}/candidates?limit=20`), [call.id, tick]);
	const { busy, error: actionError, run } = useBusy();
	const link = (cand) => run(async () => {
		await api('POST', '/api/matches', { call_id: call.id, volunteer_id: cand.volunteer_id });
		onMatched();
	});
	if (loading && !data) return html`<${Loading} />`;
	if (error && error.missing) return html`<${Empty} title=${t('candidates.unavailable')}>${t('candidates.unavailableHint')}<//>`;
	if (error) return html`<${Alert} error=${error} />`;
	if (!data.items.length) return html`<${Empty} title=${t('candidates.none')}>${t('candidates.noneHint')}<//>`;
	return html`<${Alert} error=${actionError} />
		<ol class="cands">${data.items.map((v) => html`<li class="cand" key=${v.volunteer_id}>
			<div class="cand-head">
				<a class="li-title" href=${`/vrijwilligers/${v.volunteer_id}`}>${v.first_name} ${v.last_name}</a>
				<span class="score" title=${t('candidates.fitHint')}>${t('candidates.fitN', { n: v.fit })}</span>
			</div>
			<p class="muted">${v.place}${v.distance_km !== undefined && v.distance_km !== null ? ` · ${fmtKm(v.distance_km)}` : ''}</p>
			${v.explanation_text && html`<p class="why"><span class="why-label">${t('suggestions.why')}</span> ${v.explanation_text}</p>`}
			<div class="btn-row">
				<button type="button" class="btn btn-primary btn-small" disabled=${busy} onClick=${() => link(v)}
					aria-label=${t('candidates.linkNamed', { name: `${v.first_name} ${v.last_name}` })}>${t('candidates.link')}</button>
				<${DeclineCandidate} call=${call} cand=${v} onDone=${onMatched} />
			</div>
		</li>`)}</ol>
		<p class="muted">${t('candidates.distanceNote')}</p>`;
}

// Declining a candidate records a declined match with its reason, so the
// reasons can be counted later and the candidate is not proposed again.
function DeclineCandidate({ call, cand, onDone }) {
	const [open, setOpen] = useState(false);
	const [reason, setReason] = useState('');
	const [fieldError, setFieldError] = useState('');
	const { busy, error, run } = useBusy();
	const name = `${cand.first_name} ${cand.last_name}`;
	const id = `decline-${cand.volunteer_id}`;
	const submit = (e) => {
		e.preventDefault();
		if (!reason.trim()) {
			setFieldError(t('candidates.reasonRequired'));
			return;
		}
		run(async () => {
			const m = await api('POST', '/api/matches', { call_id: call.id, volunteer_id: cand.volunteer_id });
			await api('PATCH', `/api/matches/${m.id}`, { status: 'declined', reason: reason.trim() });
			onDone();
		});
	};
	if (!open) {
		return html`<button type="button" class="btn btn-quiet btn-small" onClick=${() => setOpen(true)}
			aria-label=${t('candidates.declineNamed', { name })}>${t('matches.decline')}</button>`;
	}
	return html`<form class="reason-form" onSubmit=${submit} novalidate>
		<div class=${fieldError ? 'field field-invalid' : 'field'}>
			<label for=${id}>${t('candidates.declineReason', { name })}</label>
			<input id=${id} name="reason" value=${reason} maxlength="500" required
				aria-invalid=${fieldError ? 'true' : undefined} aria-describedby=${fieldError ? `${id}-error` : undefined}
				onInput=${(e) => {
					setFieldError('');
					setReason(e.currentTarget.value);
				}} />
			${fieldError && html`<p class="field-error" id=${`${id}-error`}>${fieldError}</p>`}
		</div>
		<${Alert} error=${error} />
		<div class="btn-row">
			<button type="submit" class="btn btn-danger btn-small" disabled=${busy}>${t('matches.declineConfirm')}</button>
			<button type="button" class="btn btn-quiet btn-small" onClick=${() => setOpen(false)}>${t('common.cancel')}</button>
		</div>
	</form>`;
}

const OPEN_MATCH = ['proposed', 'contacted', 'accepted', 'active'];

// A volunteer answers a call: "Ik wil dit doen". At her own limit she sees
// so before she taps, with the way to raise it.
export function Respond({ callId, open }) {
	const mine = useLoad(() => Promise.all([get('/api/matches?limit=50'),
		get(`/api/volunteers/${session.user.volunteer_id}`)]), [callId]);
	const { busy, error, run } = useBusy();
	const respond = () => run(async () => {
		await api('POST', '/api/matches', { call_id: callId });
		mine.reload();
	});
	const [matches, me] = mine.data || [{ items: [] }, null];
	const existing = matches.items.find((m) => m.call_id === Number(callId));
	const busyWith = matches.items.filter((m) => OPEN_MATCH.includes(m.status)).length;
	const full = me && busyWith >= me.max_matches;
	return html`<section class="card respond" aria-labelledby="h-respond">
		<h2 id="h-respond">${t('respond.title')}</h2>
		${mine.loading && !mine.data && html`<${Loading} />`}
		${existing
			? html`<p role="status">${t('respond.already')} <${MatchStatus} m=${existing} /></p>
				<p><a href=${`/koppelingen/${existing.id}`}>${t('respond.follow')}</a></p>`
			: !open
				? html`<p class="muted">${t('respond.closed')}</p>`
				: full
					? html`<p>${t('respond.atLimit', { n: me.max_matches })}</p>
						<p><a href="/mijn-profiel">${t('respond.raiseLimit')}</a></p>`
					: html`<p>${t('respond.body')}</p>
						<${Alert} error=${error} />
						<button type="button" class="btn btn-primary" disabled=${busy} onClick=${respond}>${t('respond.submit')}</button>`}
	</section>`;
}

// Finding a volunteer by name, for when the coordinator already knows who.
function ManualPick({ call, onMatched }) {
	const [q, setQ] = useState('');
	const [found, setFound] = useState(null);
	const search = useBusy();
	const { busy, error, run } = useBusy();
	const find = (e) => {
		e.preventDefault();
		search.run(async () => setFound(await get(`/api/volunteers${qs({ q, status: 'active', limit: 8 })}`)));
	};
	const link = (v) => run(async () => {
		await api('POST', '/api/matches', { call_id: call.id, volunteer_id: v.id });
		setFound(null);
		setQ('');
		onMatched();
	});
	return html`<form class="pick" role="search" aria-label=${t('pick.title')} onSubmit=${find}>
			<${Input} name="pick-q" type="search" label=${t('pick.label')} value=${q} onInput=${setQ} />
			<button class="btn btn-secondary btn-small" type="submit" disabled=${search.busy}>${t('common.search')}</button>
		</form>
		<${Alert} error=${search.error || error} />
		${found && (found.items.length === 0
			? html`<p class="muted" role="status">${t('pick.none')}</p>`
			: html`<ul class="rows">${found.items.map((v) => html`<li class="pick-row">
				<span><a href=${`/vrijwilligers/${v.id}`}>${v.first_name} ${v.last_name}</a> <span class="muted">· ${v.place}</span></span>
				<button type="button" class="btn btn-quiet btn-small" disabled=${busy} onClick=${() => link(v)}
					aria-label=${t('candidates.linkNamed', { name: `${v.first_name} ${v.last_name}` })}>${t('candidates.link')}</button>
			</li>`)}</ul>`)}`;
}

// The central contact point: the public request-for-help form for clients
// and family carers; the help requests of the hub (triage with suggestions
// from the social map, routing), of the receiving coordinator (accept with
// a named contact and a call with its public text, or hand back with a
// reason) and of the referrer who sent one (status and who picked it up).
import { html, useState, get, api, useLoad, navigate, session, orgName, query } from '../core.js';
import { t, fmtDate, fmtKm } from '../i18n.js';
import { Page, Loading, Alert, Empty, Notice, Input, TextArea, Select, FormError, listOptions, useForm } from '../ui.js';
import { activityLabel } from './calls.js';

const FORM_FIELDS = ['name', 'phone', 'email', 'place', 'activity', 'situation', 'urgency', 'referred_by', 'consent_share'];
const URGENCIES = ['normal', 'soon', 'urgent'];

// The form of a help request: public (a client or family carer), or a
// referrer's or the hub desk's (onSaved gets the new request).
function HelpForm({ publicForm, onSaved }) {
	const { f, set, busy, error, run } = useForm({ name: '', phone: '', email: '', place: '', activity: '', situation: '',
		urgency: 'normal', referred_by: publicForm ? 'zelf' : '', consent_share: false });
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			const body = { ...f };
			if (!body.activity) delete body.activity;
			const r = await api('POST', publicForm ? '/api/public/help-requests' : '/api/help-requests', body);
			onSaved(r);
		});
	};
	return html`<form class="card form" onSubmit=${submit} novalidate>
		<${FormError} error=${error} fields=${FORM_FIELDS} />
		${publicForm && html`<${Select} name="referred_by" label=${t('contact.forWhom')} value=${f.referred_by} onChange=${set('referred_by')}
			options=${[{ value: 'zelf', label: t('contact.forMe') }, { value: 'mantelzorger', label: t('contact.forCaree') }]} />`}
		<${Input} name="name" label=${t(publicForm ? 'contact.nameOf' : 'contact.clientName')} value=${f.name} onInput=${set('name')} error=${error} required maxlength="160" autocomplete=${publicForm ? 'name' : 'off'} />
		<div class="row2">
			<${Input} name="phone" type="tel" label=${t('field.phone')} value=${f.phone} onInput=${set('phone')} error=${error} maxlength="32" autocomplete=${publicForm ? 'tel' : 'off'} />
			<${Input} name="email" type="email" label=${t('field.email')} value=${f.email} onInput=${set('email')} error=${error} maxlength="254" autocomplete=${publicForm ? 'email' : 'off'} />
		</div>
		<${Input} name="place" label=${t('map.place')} value=${f.place} onInput=${set('place')} error=${error} required maxlength="100" />
		<${Select} name="activity" label=${t('contact.what')} value=${f.activity} onChange=${set('activity')} error=${error} empty=${t('contact.dontKnow')} options=${listOptions('activity')} />
		<${TextArea} name="situation" label=${t('contact.situation')} hint=${t('contact.situationHint')} value=${f.situation} onInput=${set('situation')} error=${error} maxlength="2000" />
		<${Select} name="urgency" label=${t('contact.urgency')} value=${f.urgency} onChange=${set('urgency')} error=${error} options=${URGENCIES.map((u) => ({ value: u, label: t(`contact.urgency_${u}`) }))} />
		${!publicForm && html`<${Input} name="referred_by" label=${t('contact.referredBy')} value=${f.referred_by} onInput=${set('referred_by')} error=${error} maxlength="160" />`}
		<label class=${error && error.field === 'consent_share' ? 'check field-invalid' : 'check'}>
			<input type="checkbox" id="f-consent_share" name="consent_share" checked=${f.consent_share} onChange=${(e) => set('consent_share')(e.currentTarget.checked)} />
			<span>${t(publicForm ? 'contact.consent' : 'contact.consentClient')}</span>
		</label>
		${error && error.field === 'consent_share' && html`<p class="field-error" id="f-consent_share-error">${error.detail}</p>`}
		<p><button class="btn btn-primary" type="submit" disabled=${busy}>${t('contact.send')}</button></p>
	</form>`;
}

export function AskForHelp() {
	const [sent, setSent] = useState(false);
	if (sent) {
		return html`<${Page} title=${t('contact.thanksTitle')}>
			<${Notice}>${t('contact.thanks')}<//>
			<p><a href="/sociale-kaart">${t('map.title')}</a></p>
		<//>`;
	}
	return html`<${Page} title=${t('contact.askTitle')} intro=${t('contact.askIntro')}>
		<${HelpForm} publicForm onSaved=${() => setSent(true)} />
	<//>`;
}

export function HelpRequestsNew() {
	return html`<${Page} title=${t('contact.newTitle')} intro=${t('contact.newIntro')}>
		<${HelpForm} onSaved=${(r) => navigate(`/contactpunt/${r.id}`)} />
	<//>`;
}

function StatusBadge({ r }) {
	return html`<span class=${`badge badge-help-${r.status}`}>${t(`contact.status_${r.status}`)}</span>
		${r.waiting && html` <span class="badge badge-late">${t('contact.waiting')}</span>`}`;
}

export function HelpRequests() {
	const role = session.user.role;
	const q = query();
	const { data, error, loading } = useLoad(() => get(`/api/help-requests?limit=100${q.wachtend ? '&waiting=1' : ''}`), [location.search]);
	return html`<${Page} title=${t('contact.listTitle')} intro=${t(`contact.listIntro_${role}`)} wide
		actions=${role !== 'admin' && html`<a class="btn btn-primary" href="/contactpunt/nieuw">${t('contact.newTitle')}</a>`}>
		<p><a href=${q.wachtend ? '/contactpunt' : '/contactpunt?wachtend=1'}>${t(q.wachtend ? 'contact.showAll' : 'contact.showWaiting')}</a></p>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('contact.none')} />`
			: html`<ul class="list">${data.items.map((r) => html`<li class="list-item" key=${r.id}>
				<div class="li-main">
					<a class="li-title" href=${`/contactpunt/${r.id}`}>${t('contact.one', { id: r.id })} · ${activityLabel(r.activity) || t('contact.dontKnow')}</a>
					<span class="muted">${[r.place, t(`contact.channel_${r.channel}`), r.organisation_id && orgName(r.organisation_id), fmtDate(r.created_at)].filter(Boolean).join(' · ')}</span>
				</div>
				<div class="li-end"><${StatusBadge} r=${r} /></div>
			</li>`)}</ul>`)}
	<//>`;
}

function ClientCard({ c }) {
	const row = (label, value) => value ? html`<div class="dl-row"><dt>${label}</dt><dd>${value}</dd></div>` : null;
	return html`<section class="card" aria-labelledby="h-client">
		<h2 id="h-client">${t('contact.client')}</h2>
		${c.erased_at ? html`<p class="muted">${t('contact.erased')}</p>` : html`<dl class="dl">
			${row(t('field.name'), c.name)}
			${row(t('field.phone'), c.phone && html`<a href=${`tel:${c.phone.replace(/[^+\d]/g, '')}`}>${c.phone}</a>`)}
			${row(t('field.email'), c.email)}
			${row(t('map.place'), c.place)}
			${row(t('contact.situation'), c.situation)}
			${row(t('contact.referredBy'), c.referred_by)}
			${row(t('contact.consentShort'), c.consent_share ? t('contact.consentGiven', { date: fmtDate(c.consent_at) }) : '')}
		</dl>`}
	</section>`;
}

function Suggestions({ r, onChange }) {
	const { data, error, loading } = useLoad(() => get(`/api/help-requests/${r.id}/suggestions`), [r.id, r.status]);
	const [busyId, setBusyId] = useState(0);
	const [stepError, setStepError] = useState(null);
	const route = async (org) => {
		setBusyId(org);
		setStepError(null);
		try {
			await api('POST', `/api/help-requests/${r.id}/route`, { organisation_id: org });
			onChange();
		} catch (e) {
			setStepError(e);
		} finally {
			setBusyId(0);
		}
	};
	return html`<section class="card" aria-labelledby="h-sugg">
		<h2 id="h-sugg">${t('contact.suggestions')}</h2>
		<p class="hint">${t('contact.suggestionsIntro')}</p>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error || stepError} />
		${data && (data.items.length === 0 ? html`<p class="muted">${t('contact.noSuggestions')}</p>`
			: html`<ul class="list">${data.items.map((s) => html`<li class="list-item suggestion" key=${s.organisation_id}>
				<div class="li-main">
					<span class="li-title">${s.name}</span>
					<span class="muted">${[s.new_clients ? t('map.takesClients') : t('map.noClients'),
						t('contact.openCalls', { n: s.open_calls }), t('contact.waitingN', { n: s.waiting }),
						s.picked_up ? t('contact.pickupHours', { n: s.pickup_hours }) : t('contact.noPickups')].join(' · ')}</span>
				</div>
				<div class="li-end"><button type="button" class="btn btn-secondary btn-small" disabled=${busyId !== 0}
					onClick=${() => route(s.organisation_id)}>${t('contact.route')}</button></div>
			</li>`)}</ul>`)}
	</section>`;
}

// The volunteers whose offer fits the request best (the matching engine,
// the same score and explanation as for a call); the hub's desk sees them
// without names.
function FittingVolunteers({ r }) {
	const { data, error, loading } = useLoad(() => get(`/api/help-requests/${r.id}/volunteers?limit=10`), [r.id, r.status, r.organisation_id]);
	return html`<section class="card" aria-labelledby="h-fit">
		<h2 id="h-fit">${t('contact.volunteers')}</h2>
		<p class="hint">${t('contact.volunteersIntro')}</p>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && (data.items.length === 0 ? html`<p class="muted">${t('contact.noVolunteers')}</p>`
			: html`<ol class="cands">${data.items.map((v) => html`<li class="cand" key=${v.volunteer_id}>
				<div class="cand-head">
					${v.first_name ? html`<a class="li-title" href=${`/vrijwilligers/${v.volunteer_id}`}>${v.first_name} ${v.last_name}</a>`
						: html`<span class="li-title">${t('contact.volunteerNameless', { id: v.volunteer_id })}</span>`}
					<span class="score" title=${t('candidates.fitHint')}>${t('candidates.fitN', { n: v.fit })}</span>
				</div>
				<p class="muted">${v.place}${v.distance_km !== undefined && v.distance_km !== null ? ` · ${fmtKm(v.distance_km)}` : ''}</p>
				${v.explanation_text && html`<p class="why"><span class="why-label">${t('suggestions.why')}</span> ${v.explanation_text}</p>`}
			</li>`)}</ol>`)}
	</section>`;
}

const WHEN = { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d) => [`${d}-morning`, `${d}-afternoon`]),
	evenings: ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => `${d}-evening`),
	weekend: ['sat', 'sun'].flatMap((d) => [`${d}-morning`, `${d}-afternoon`]) };

// The receiving coordinator picks the request up: a named contact, and a
// call with a public text of the organisation's own (the intake stays here).
function Accept({ r, onChange }) {
	const { f, set, busy, error, run } = useForm({ contact_name: session.user.display_name, contact_phone: '',
		public_title: '', public_description: '', when: 'weekdays', public_page: true, reason: '' });
	const [handing, setHanding] = useState(false);
	const accept = (e) => {
		e.preventDefault();
		run(async () => {
			let callId;
			if (f.public_title.trim()) {
				const c = await api('POST', '/api/calls', { organisation_id: r.organisation_id, source: r.channel === 'referrer' ? 'referrer' : 'client',
					title: t('contact.callTitle', { id: r.id }), activity: r.activity || 'huisbezoek', place: r.place,
					dayparts: WHEN[f.when], public_title: f.public_title, public_description: f.public_description, public_page: f.public_page });
				callId = c.id;
			}
			await api('POST', `/api/help-requests/${r.id}/accept`, { contact_name: f.contact_name, contact_phone: f.contact_phone, ...(callId ? { call_id: callId } : {}) });
			onChange();
		});
	};
	const handBack = (e) => {
		e.preventDefault();
		run(async () => {
			await api('POST', `/api/help-requests/${r.id}/hand-back`, { reason: f.reason });
			onChange();
		});
	};
	return html`<section class="card" aria-labelledby="h-accept">
		<h2 id="h-accept">${t('contact.acceptTitle')}</h2>
		<form class="form" onSubmit=${accept} novalidate>
			<${FormError} error=${error} fields=${['contact_name', 'contact_phone', 'public_title', 'public_description', 'reason']} />
			<div class="row2">
				<${Input} name="contact_name" label=${t('contact.contactName')} value=${f.contact_name} onInput=${set('contact_name')} error=${error} maxlength="160" />
				<${Input} name="contact_phone" type="tel" label=${t('contact.contactPhone')} value=${f.contact_phone} onInput=${set('contact_phone')} error=${error} maxlength="32" />
			</div>
			<p class="hint">${t('contact.callIntro')}</p>
			<${Input} name="public_title" label=${t('field.public_title')} value=${f.public_title} onInput=${set('public_title')} error=${error} maxlength="160" />
			<${TextArea} name="public_description" label=${t('field.public_description')} value=${f.public_description} onInput=${set('public_description')} error=${error} maxlength="4000" rows="3" />
			<${Select} name="when" label=${t('callForm.when')} value=${f.when} onChange=${set('when')} options=${Object.keys(WHEN).map((k) => ({ value: k, label: t(`contact.when_${k}`) }))} />
			<label class="check"><input type="checkbox" name="public_page" checked=${f.public_page} onChange=${(e) => set('public_page')(e.currentTarget.checked)} /> <span>${t('calls.publicPageAdd')}</span></label>
			<div class="actionbar">
				<button class="btn btn-primary" type="submit" disabled=${busy}>${t('contact.accept')}</button>
				<button class="btn btn-quiet" type="button" onClick=${() => setHanding(!handing)}>${t('contact.handBack')}</button>
			</div>
		</form>
		${handing && html`<form class="form" onSubmit=${handBack} novalidate>
			<${TextArea} name="reason" label=${t('contact.reason')} value=${f.reason} onInput=${set('reason')} error=${error} maxlength="500" rows="2" />
			<button class="btn btn-secondary" type="submit" disabled=${busy}>${t('contact.handBackSend')}</button>
		</form>`}
	</section>`;
}

// How a request ended. One that was picked up closes as helped after a
// confirmation; one that was not needs the reason, which the figures count.
const OUTCOMES = ['advice', 'no_offer', 'no_volunteer', 'client_withdrew', 'unreachable', 'helped_elsewhere', 'other'];

function Close({ r, onChange }) {
	const [open, setOpen] = useState(false);
	const { f, set, busy, error, run } = useForm({ outcome: '' });
	const close = (e) => {
		e.preventDefault();
		run(async () => {
			await api('POST', `/api/help-requests/${r.id}/close`, r.accepted_at ? {} : { outcome: f.outcome });
			onChange();
		});
	};
	if (!open) return html`<p><button type="button" class="btn btn-quiet" onClick=${() => setOpen(true)}>${t('contact.close')}</button></p>`;
	return html`<form class="form card-inset" onSubmit=${close} novalidate>
		<${FormError} error=${error} fields=${['outcome']} />
		${r.accepted_at ? html`<p>${t('contact.closeHelped')}</p>`
			: html`<${Select} name="outcome" label=${t('contact.outcome')} hint=${t('contact.outcomeHint')} value=${f.outcome} empty=${t('contact.outcomeChoose')}
				onChange=${set('outcome')} error=${error} options=${OUTCOMES.map((o) => ({ value: o, label: t(`contact.outcome_${o}`) }))} />`}
		<div class="actionbar">
			<button class="btn btn-primary" type="submit" disabled=${busy}>${t('contact.closeConfirm')}</button>
			<button class="btn btn-quiet" type="button" onClick=${() => setOpen(false)}>${t('common.cancel')}</button>
		</div>
	</form>`;
}

export function HelpRequestView({ id }) {
	const { data: r, error, loading, reload } = useLoad(() => get(`/api/help-requests/${id}`), [id]);
	const { data: hub } = useLoad(() => get('/api/network/contact-point'), []);
	if (loading && !r) return html`<${Page} title=${t('contact.one', { id })}><${Loading} /><//>`;
	if (error) return html`<${Page} title=${error.status === 403 ? t('error.forbiddenTitle') : t('notFound.title')}><${Alert} error=${error} /><//>`;
	const user = session.user;
	const isHub = hub && hub.hub_organisation_id === user.organisation_id && ['coordinator', 'professional'].includes(user.role);
	const receiving = user.role === 'coordinator' && r.organisation_id === user.organisation_id;
	const row = (label, value) => value ? html`<div class="dl-row"><dt>${label}</dt><dd>${value}</dd></div>` : null;
	return html`<${Page} title=${t('contact.one', { id: r.id })} intro=${html`<${StatusBadge} r=${r} />`} wide>
		<div class="split">
			<div class="split-main">
				<section class="card" aria-labelledby="h-req">
					<h2 id="h-req">${t('contact.request')}</h2>
					<dl class="dl">
						${row(t('contact.what'), activityLabel(r.activity) || t('contact.dontKnow'))}
						${row(t('map.place'), r.place)}
						${row(t('contact.urgency'), t(`contact.urgency_${r.urgency}`))}
						${row(t('contact.channel'), t(`contact.channel_${r.channel}`))}
						${row(t('contact.routedTo'), r.organisation_id && orgName(r.organisation_id))}
						${row(t('contact.pickedUpBy'), r.contact_name && [r.contact_name, r.contact_phone].filter(Boolean).join(', '))}
						${row(t('contact.reason'), r.reason)}
						${row(t('contact.received'), fmtDate(r.created_at, true))}
						${row(t('contact.accepted'), r.accepted_at && fmtDate(r.accepted_at, true))}
						${row(t('contact.outcome'), r.outcome && t(`contact.outcome_${r.outcome}`))}
					</dl>
					${r.call_id && (receiving || isHub) && html`<p><a href=${`/oproepen/${r.call_id}`}>${t('contact.toCall')}</a></p>`}
					${r.status !== 'closed' && (isHub || (receiving && r.status === 'accepted')) && html`<${Close} r=${r} onChange=${reload} />`}
				</section>
				${r.client && html`<${ClientCard} c=${r.client} />`}
			</div>
			<aside class="split-side wide-side">
				${isHub && ['new', 'handed_back', 'routed'].includes(r.status) && html`<${Suggestions} r=${r} onChange=${reload} />`}
				${receiving && r.status === 'routed' && html`<${Accept} r=${r} onChange=${reload} />`}
				${(isHub || receiving) && r.status !== 'closed' && html`<${FittingVolunteers} r=${r} />`}
			</aside>
		</div>
	<//>`;
}

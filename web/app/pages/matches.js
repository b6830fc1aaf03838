// Matches (koppelingen) and their lifecycle, and the proposal for all open
// calls at once.
import { html, useState, useEffect, get, api, qs, query, navigate, session, useLoad, cached, orgName } from '../core.js';
import { t, fmtDate, fmtNumber } from '../i18n.js';
import { Page, Loading, Alert, Empty, Status, Pager, Select, Input, Notice, useBusy, Downloads } from '../ui.js';

export const MATCH_STATUSES = ['proposed', 'contacted', 'accepted', 'active', 'declined', 'ended'];

// The name of a call or volunteer, looked up once and cached.
export function Name({ kind, id, link = true }) {
	const [doc, setDoc] = useState(undefined);
	useEffect(() => {
		let alive = true;
		cached(kind, id).then((d) => alive && setDoc(d));
		return () => {
			alive = false;
		};
	}, [kind, id]);
	const base = kind === 'calls' ? '/oproepen' : '/vrijwilligers';
	const fallback = t(kind === 'calls' ? 'matches.callN' : 'matches.volunteerN', { id });
	if (doc === undefined) return html`<span class="muted">${fallback}</span>`;
	if (doc === null) return html`<span>${fallback}</span>`;
	if (doc.forbidden) {
		const closed = kind === 'calls' && session.user.role === 'volunteer';
		return html`<span>${closed ? t('matches.callNotOpen', { id }) : fallback}</span>`;
	}
	const text = kind === 'calls' ? doc.title : `${doc.first_name} ${doc.last_name}`;
	return link ? html`<a href=${`${base}/${id}`}>${text}</a>` : html`<span>${text}</span>`;
}

// The call of a match, by its title (carried by the list: no request per row).
function CallTitle({ m, link = true }) {
	const text = m.call_title || t('matches.callN', { id: m.call_id });
	return link ? html`<a href=${`/oproepen/${m.call_id}`}>${text}</a>` : html`<span>${text}</span>`;
}

// The volunteer of a match: the name when the server gives it (the
// coordinator always, the professional once the volunteer said yes).
function VolunteerName({ m, link = true }) {
	if (!m.volunteer_name) return html`<span class="muted">${t('matches.aVolunteer')}</span>`;
	const staff = ['admin', 'coordinator'].includes(session.user.role);
	return link && staff ? html`<a href=${`/vrijwilligers/${m.volunteer_id}`}>${m.volunteer_name}</a>`
		: html`<span>${m.volunteer_name}</span>`;
}

// "Anna de Vries – Wandelmaatje": who and what, as the caller may know it.
export function matchTitle(m) {
	const call = m.call_title || t('matches.callN', { id: m.call_id });
	if (session.user.role === 'volunteer') return m.contact ? `${call} – ${m.contact.name}` : call;
	return `${m.volunteer_name || t('matches.aVolunteer')} – ${call}`;
}

// Phone and e-mail as links, for whoever works together on a match.
function Reach({ phone, email }) {
	return html`${phone && html`<a href=${`tel:${phone.replace(/[^0-9+]/g, '')}`}>${phone}</a>`}${phone && email && ' · '}${email && html`<a href=${`mailto:${email}`}>${email}</a>`}`;
}

// Rows of matches; show is "call", "volunteer" or "both".
export function MatchRows({ items, show = 'both', actions, onChange }) {
	const role = session.user.role;
	return html`<ul class="list matches">${items.map((m) => html`<li class="list-item match-row" key=${m.id}>
		<div class="li-main">
			${(show === 'call' || show === 'both') && html`<span class="li-title"><${CallTitle} m=${m} /></span>`}
			${(show === 'volunteer' || show === 'both') && role !== 'volunteer' && html`<span class=${show === 'both' ? 'muted' : 'li-title'}>
				<${VolunteerName} m=${m} /></span>`}
			${role === 'professional' && (m.volunteer_phone || m.volunteer_email) && html`<span class="small"><${Reach} phone=${m.volunteer_phone} email=${m.volunteer_email} /></span>`}
			${role === 'volunteer' && m.contact && html`<span class="small">${t('matches.contactLine', { name: m.contact.name })} <${Reach} phone=${m.contact.phone} email=${m.contact.email} /></span>`}
			${m.explanation && html`<span class="why small">${m.explanation}</span>`}
			${m.reason && html`<span class="muted small">${t('matches.reason')}: ${m.reason}</span>`}
		</div>
		<div class="li-meta muted small">${t('matches.updated', { date: fmtDate(m.updated_at) })} · <a href=${`/koppelingen/${m.id}`}>${t('matches.open')}<span class="sr-only"> ${matchTitle(m)}</span></a></div>
		<div class="li-end">
			<${MatchStatus} m=${m} />
			${actions && html`<${MatchActions} m=${m} onChange=${onChange} compact />`}
		</div>
	</li>`)}</ul>`;
}

// A volunteer's own response reads apart from a coordinator's proposal.
export function MatchStatus({ m }) {
	const own = m.origin === 'volunteer' && m.status === 'proposed';
	const value = own ? (session.user.role === 'volunteer' ? 'respondedMe' : 'responded') : m.status;
	return html`<span class=${`badge badge-match-${m.status}`}>${t(`status.match.${value}`)}</span>`;
}

// The next steps a person in this role may take on a match: whoever did
// not propose it says yes.
function steps(role, status, origin) {
	const staff = role === 'admin' || role === 'coordinator';
	if (staff) {
		if (status === 'proposed' && origin === 'volunteer') {
			return [['accepted', 'matches.acceptResponse'], ['contacted', 'matches.toContacted']];
		}
		return {
			proposed: [['contacted', 'matches.toContacted']],
			contacted: [['accepted', 'matches.toAccepted']],
			accepted: [['active', 'matches.toActive']],
			active: [],
		}[status] || [];
	}
	if (role === 'professional') return status === 'accepted' ? [['active', 'matches.confirmWorks']] : [];
	if (role === 'volunteer') {
		const yes = status === 'contacted' || (status === 'proposed' && origin === 'organisation');
		return yes ? [['accepted', 'matches.volunteerYes']] : [];
	}
	return [];
}

function canClose(role, status) {
	if (role === 'volunteer') return ['proposed', 'contacted', 'accepted'].includes(status);
	if (role === 'professional') return false;
	return ['proposed', 'contacted', 'accepted', 'active'].includes(status);
}

export function MatchActions({ m, onChange, compact }) {
	const role = session.user.role;
	const { busy, error, setError, run } = useBusy();
	const [closing, setClosing] = useState(false);
	const [reason, setReason] = useState('');
	const to = (status, why) => run(async () => {
		await api('PATCH', `/api/matches/${m.id}`, why === undefined ? { status } : { status, reason: why });
		setClosing(false);
		setReason('');
		onChange && onChange();
	});
	const closeTo = m.status === 'active' ? 'ended' : 'declined';
	const next = steps(role, m.status, m.origin);
	const closable = canClose(role, m.status);
	if (!next.length && !closable) return null;
	const fieldId = `reason-${m.id}`;
	const err = error && error.field === 'reason' ? error : null;
	return html`<div class=${compact ? 'match-actions compact' : 'match-actions'}>
		${!closing && next.map(([s, key]) => html`<button type="button" class="btn btn-primary btn-small" disabled=${busy}
			onClick=${() => to(s)}>${t(key)}</button>`)}
		${!closing && closable && html`<button type="button" class="btn btn-secondary btn-small" disabled=${busy}
			onClick=${() => {
				setError(null);
				setClosing(true);
			}}>${t(closeTo === 'ended' ? 'matches.end' : role === 'volunteer' ? 'matches.volunteerNo' : 'matches.decline')}</button>`}
		${closing && html`<form class="reason-form" onSubmit=${(e) => {
			e.preventDefault();
			to(closeTo, reason.trim());
		}} novalidate>
			<div class=${err ? 'field field-invalid' : 'field'}>
				<label for=${fieldId}>${t(closeTo === 'ended' ? 'matches.endReason' : 'matches.declineReason')}</label>
				<input id=${fieldId} name="reason" value=${reason} maxlength="500" required
					aria-invalid=${err ? 'true' : undefined} aria-describedby=${err ? `${fieldId}-error` : undefined}
					onInput=${(e) => setReason(e.currentTarget.value)} />
				${err && html`<p class="field-error" id=${`${fieldId}-error`}>${err.detail.split("'reason'").join(`‘${t(closeTo === 'ended' ? 'matches.endReason' : 'matches.declineReason')}’`)}</p>`}
			</div>
			<div class="btn-row">
				<button type="submit" class="btn btn-danger btn-small" disabled=${busy}>${t(closeTo === 'ended' ? 'matches.endConfirm' : 'matches.declineConfirm')}</button>
				<button type="button" class="btn btn-quiet btn-small" onClick=${() => setClosing(false)}>${t('common.cancel')}</button>
			</div>
		</form>`}
		${error && !err && html`<p class="field-error" role="alert">${error.detail}</p>`}
	</div>`;
}

export function MatchList() {
	const params = query();
	const offset = Number(params.offset || 0);
	const [status, setStatus] = useState(params.status || '');
	const { data, error, loading, reload } = useLoad(
		() => get(`/api/matches${qs({ status: params.status, limit: 25, offset })}`), [location.search]);
	const apply = (s, off = 0) => navigate(`/koppelingen${qs({ status: s, offset: off || '' })}`, true);
	return html`<${Page} title=${t('matches.title')} intro=${t('matches.intro')} wide
		actions=${html`<${Downloads} path="/api/matches" />`}>
		<form class="filters card" role="search" aria-label=${t('matches.filter')} onSubmit=${(e) => {
			e.preventDefault();
			apply(status);
		}}>
			<${Select} name="status" label=${t('field.matchStatus')} value=${status} onChange=${setStatus} empty=${t('common.all')}
				options=${MATCH_STATUSES.map((s) => ({ value: s, label: t(`status.match.${s}`) }))} />
			<div class="filter-actions"><button class="btn btn-primary" type="submit">${t('common.show')}</button></div>
		</form>
		${loading && !data && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('matches.none')} />`
			: html`<p class="count" role="status">${t('matches.count', { n: data.total })}</p>
				<${MatchRows} items=${data.items} actions onChange=${reload} />
				<${Pager} data=${data} offset=${offset} onOffset=${(o) => apply(params.status, o)} />`)}
	<//>`;
}

export function MatchPage({ id }) {
	const role = session.user.role;
	const { data: m, error, loading, reload } = useLoad(() => get(`/api/matches/${id}`), [id]);
	if (loading && !m) return html`<${Page} title=${t('matches.one')}><${Loading} /><//>`;
	if (error) return html`<${Page} title=${error.status === 403 ? t('error.forbiddenTitle') : t('notFound.title')}><${Alert} error=${error} /><//>`;
	return html`<${Page} title=${matchTitle(m)} intro=${html`<${MatchStatus} m=${m} />`}>
		<section class="card" aria-labelledby="h-m">
			<h2 id="h-m">${t('matches.who')}</h2>
			<dl class="dl">
				<div class="dl-row"><dt>${t('matches.call')}</dt><dd><${CallTitle} m=${m} /></dd></div>
				${role !== 'volunteer' && html`<div class="dl-row"><dt>${t('matches.volunteer')}</dt><dd><${VolunteerName} m=${m} /></dd></div>`}
				<div class="dl-row"><dt>${t('field.organisation')}</dt><dd>${orgName(m.organisation_id)}</dd></div>
				${m.explanation && html`<div class="dl-row"><dt>${t('matches.why')}</dt><dd>${m.explanation}</dd></div>`}
				${m.reason && html`<div class="dl-row"><dt>${t('matches.reason')}</dt><dd>${m.reason}</dd></div>`}
			</dl>
			${role === 'volunteer' && ['proposed', 'contacted'].includes(m.status) && ['ja', 'nee'].includes(query().antwoord)
				&& html`<${Notice}>${t(query().antwoord === 'ja' ? 'mail.answerYes' : 'mail.answerNo')}<//>`}
			<${MatchActions} m=${m} onChange=${reload} />
		</section>
		<${Together} m=${m} />
		${['active', 'ended'].includes(m.status) && role !== 'volunteer' && html`<${Aftercare} m=${m} />`}
		<section class="card" aria-labelledby="h-steps">
			<h2 id="h-steps">${t('matches.history')}</h2>
			<ol class="timeline">${(m.events || []).map((e) => html`<li>
				<${Status} kind="match" value=${e.to} />
				<span class="muted"> ${fmtDate(e.at, true)}</span>
				${e.reason && html`<span> · ${e.reason}</span>`}
			</li>`)}</ol>
		</section>
	<//>`;
}

// Whom to reach: the volunteer for the organisation's staff, the call's
// contact person for the volunteer; before the volunteer said yes, why not yet.
function Together({ m }) {
	const vol = session.user.role === 'volunteer';
	const known = m.contact; /* present once the caller may know the people */
	return html`<section class="card" aria-labelledby="h-together">
		<h2 id="h-together">${t(vol ? 'matches.togetherVolunteer' : 'matches.together')}</h2>
		${!known ? html`<p class="muted">${t(vol ? 'matches.togetherLaterVolunteer' : 'matches.togetherLater')}</p>`
			: html`<dl class="dl">
				<div class="dl-row"><dt>${t('matches.name')}</dt><dd>${vol ? m.contact.name : m.volunteer_name}</dd></div>
				${(vol ? m.contact.phone : m.volunteer_phone) && html`<div class="dl-row"><dt>${t('field.phone')}</dt><dd><${Reach} phone=${vol ? m.contact.phone : m.volunteer_phone} /></dd></div>`}
				${(vol ? m.contact.email : m.volunteer_email) && html`<div class="dl-row"><dt>${t('field.email')}</dt><dd><${Reach} email=${vol ? m.contact.email : m.volunteer_email} /></dd></div>`}
			</dl>`}
	</section>`;
}

// A proposal for all open calls at once (an optimal assignment computed by
// the server); each line can be turned into a match.
export function Proposals() {
	const [result, setResult] = useState(null);
	const [done, setDone] = useState({});
	const [tick, setTick] = useState(0);
	const { busy, error, run } = useBusy();
	const action = useBusy();
	const propose = () => run(async () => {
		try {
			const body = session.user.role === 'coordinator' ? { organisation_id: session.user.organisation_id } : {};
			setResult(await api('POST', '/api/proposals', body));
			setDone({});
		} catch (e) {
			if (e.missing) {
				setResult({ unavailable: true });
				return;
			}
			throw e;
		}
	});
	const accept = (p) => action.run(async () => {
		const m = await api('POST', '/api/matches', { call_id: p.call_id, volunteer_id: p.volunteer_id });
		setDone((d) => ({ ...d, [`${p.call_id}-${p.volunteer_id}`]: m.id }));
		setTick((n) => n + 1);
	});
	return html`<${Page} title=${t('proposals.title')} intro=${t('proposals.intro')} wide>
		<div class="actionbar">
			<button type="button" class="btn btn-primary" disabled=${busy} onClick=${propose}>${busy ? t('proposals.busy') : t('proposals.make')}</button>
		</div>
		<${Alert} error=${error || action.error} />
		${result && result.unavailable && html`<${Empty} title=${t('proposals.unavailable')} />`}
		${result && result.items && (result.items.length === 0
			? html`<${Empty} title=${t('proposals.none')} />`
			: html`<p class="count" role="status">${t('proposals.count', { n: result.items.length })}</p>
				${result.places_open > 0 && html`<p class="muted">${t('proposals.open', { n: result.places_open })}${result.places_open_with_room > 0 ? ` ${t('proposals.openWithRoom', { n: result.places_open_with_room })}` : ''}</p>`}
				${result.optimal === false && html`<p class="muted">${t('proposals.notProven')}</p>`}
				<ul class="list">${result.items.map((p) => {
					const made = done[`${p.call_id}-${p.volunteer_id}`];
					return html`<li class="list-item">
						<div class="li-main">
							<span class="li-title"><${Name} kind="calls" id=${p.call_id} /></span>
							<span><${Name} kind="volunteers" id=${p.volunteer_id} /></span>
							${p.explanation_text && html`<span class="why small">${p.explanation_text}</span>`}
						</div>
						<div class="li-meta muted small">${p.fit !== undefined ? t('candidates.fitN', { n: p.fit }) : ''}</div>
						<div class="li-end">
							${made
								? html`<a href=${`/koppelingen/${made}`}>${t('proposals.made')}</a>`
								: html`<button type="button" class="btn btn-primary btn-small" disabled=${action.busy} onClick=${() => accept(p)}>${t('candidates.link')}</button>`}
						</div>
					</li>`;
				})}</ul>`)}
		<h2 class="section-title">${t('proposals.waiting')}</h2>
		<${WaitingProposals} tick=${tick} />
	<//>`;
}

function WaitingProposals({ tick }) {
	const { data, error, loading, reload } = useLoad(() => get('/api/matches?status=proposed&limit=50'), [tick]);
	if (loading && !data) return html`<${Loading} />`;
	if (error) return html`<${Alert} error=${error} />`;
	if (!data.items.length) return html`<p class="muted">${t('dashboard.noProposals')}</p>`;
	return html`<${MatchRows} items=${data.items} actions onChange=${reload} />`;
}

export { fmtNumber, Input };

const AFTERCARE = ['good', 'adjust', 'stop'];

// Nazorg, 2–3 weeks after the start: did the match work out? Until two
// weeks after the start the page says from when it is asked.
function Aftercare({ m }) {
	const id = m.id;
	const { data, error, loading } = useLoad(() => get(`/api/matches/${id}/aftercare`).catch((e) => {
		if (e.status === 404 && !e.missing) return {}; /* not answered yet */
		throw e;
	}), [id]);
	const [answer, setAnswer] = useState('');
	const [notes, setNotes] = useState('');
	const [saved, setSaved] = useState(null);
	const { busy, error: saveError, run } = useBusy();
	if (loading && !data) return null;
	if (error) return null; /* not offered by this server, or not for this role */
	const current = saved || (data.answer ? data : null);
	const submit = (e) => {
		e.preventDefault();
		run(async () => setSaved(await api('PUT', `/api/matches/${id}/aftercare`, notes ? { answer, notes } : { answer })));
	};
	return html`<section class="card" aria-labelledby="h-after">
		<h2 id="h-after">${t('aftercare.title')}</h2>
		${current
			? html`<p role="status"><strong>${t(`aftercare.answer_${current.answer}`)}</strong>${current.notes ? ` · ${current.notes}` : ''}</p>`
			: m.aftercare_open === false
			? html`<p class="muted" id="aftercare-from">${t('aftercare.notYet', { date: fmtDate(m.aftercare_from) })}</p>`
			: html`<form class="form" onSubmit=${submit} novalidate>
				<fieldset class="checks" id="f-answer">
					<legend>${t('aftercare.question')}</legend>
					<div class="check-list">${AFTERCARE.map((a) => html`<label class="check">
						<input type="radio" name="answer" value=${a} checked=${answer === a} onChange=${() => setAnswer(a)} />
						<span>${t(`aftercare.answer_${a}`)}</span></label>`)}</div>
					${saveError && saveError.field === 'answer' && html`<p class="field-error">${saveError.status === 409 ? saveError.detail : t('aftercare.choose')}</p>`}
				</fieldset>
				<${Input} name="notes" label=${t('aftercare.notes')} value=${notes} onInput=${setNotes} error=${saveError} maxlength="2000" />
				${saveError && saveError.field !== 'answer' && saveError.field !== 'notes' && html`<${Alert} error=${saveError} />`}
				<button class="btn btn-primary" type="submit" disabled=${busy}>${t('aftercare.submit')}</button>
			</form>`}
	</section>`;
}

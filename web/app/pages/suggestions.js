// Calls that suit a volunteer, each with why: the volunteer's own start page,
// and the list on a volunteer's record for coordinators. Kept apart from the
// heavier volunteer pages so the start page loads on its own.
import { html, useState, get, api, session, useLoad, orgName } from '../core.js';
import { t, fmtKm } from '../i18n.js';
import { Page, Loading, Alert, Empty, useBusy } from '../ui.js';

const myId = () => session.user.volunteer_id;

// The logged-in volunteer's own record (null without one).
export function useMe() {
	return useLoad(() => (myId() ? get(`/api/volunteers/${myId()}`) : Promise.resolve(null)), []);
}

function StatusNote({ v }) {
	if (!v || v.status === 'active') return null;
	return html`<div class=${`note note-${v.status}`}><p>${t(`me.status_${v.status}`)}</p>
		${v.status !== 'applied' && html`<p><a href="/mijn-profiel#pauze">${t('me.changeStatus')}</a></p>`}</div>`;
}

// "Ik wil dit doen" on a suggestion.
function RespondButton({ callId }) {
	const { busy, error, run } = useBusy();
	const [sent, setSent] = useState(false);
	const go = () => run(async () => {
		await api('POST', '/api/matches', { call_id: callId });
		setSent(true);
	});
	if (sent) return html`<p class="ok" role="status">${t('respond.sent')} <a href="/mijn-koppelingen">${t('nav.myMatches')}</a></p>`;
	return html`<div class="respond-inline">
		<button type="button" class="btn btn-primary" disabled=${busy} onClick=${go}>${t('respond.submit')}</button>
		${error && html`<p class="field-error" role="alert">${error.detail}</p>`}
	</div>`;
}

export function VolunteerHome() {
	const me = useMe();
	const name = me.data ? me.data.first_name : session.user.display_name;
	return html`<${Page} title=${t('me.hello', { name })} intro=${t('me.intro')}>
		<${StatusNote} v=${me.data} />
		<h2 class="section-title">${t('me.suitsYou')}</h2>
		${myId()
			// Before her intake too: her response then reaches the coordinator as interest.
			? html`<${Suggestions} id=${myId()} respond=${me.data && ['active', 'applied'].includes(me.data.status) ? RespondButton : null}
				noneHint=${me.data && me.data.status === 'applied' ? t('me.suitsAfterIntake') : undefined} />`
			: html`<${Empty} title=${t('me.noRecord')} />`}
		<p class="more"><a href="/oproepen">${t('me.allCalls')}</a></p>
	<//>`;
}

export function Suggestions({ id, compact, respond, noneHint }) {
	const { data, error, loading, reload } = useLoad(() => get(`/api/volunteers/${id}/suggestions?limit=20`), [id]);
	if (loading) return html`<${Loading} />`;
	if (error && error.missing) return html`<${Empty} title=${t('suggestions.unavailable')} />`;
	if (error) return html`<${Alert} error=${error} />`;
	// Staff see this list on a volunteer's page: it speaks about her there, to her at home.
	const none = compact ? 'Staff' : '';
	if (!data.items.length) return html`<${Empty} title=${t(`suggestions.none${none}`)}>${noneHint || t(`suggestions.noneHint${none}`)}<//>`;
	const items = compact ? data.items.slice(0, 5) : data.items;
	return html`<ul class=${compact ? 'rows' : 'cards'}>${items.map((s) => html`<li key=${s.call_id} class=${compact ? '' : 'card suggestion'}>
		<a class="li-title" href=${`/oproepen/${s.call_id}`}>${s.title}</a>
		<p class="muted">${[orgName(s.organisation_id), s.place, s.distance_km !== undefined && s.distance_km !== null ? fmtKm(s.distance_km) : ''].filter(Boolean).join(' · ')}</p>
		${s.explanation_text && html`<p class="why"><span class="why-label">${t('suggestions.why')}</span> ${s.explanation_text}</p>`}
		${respond && html`<${respond} callId=${s.call_id} onDone=${reload} />`}
	</li>`)}</ul>
	${!compact && html`<p class="muted">${t('candidates.distanceNote')}</p>`}`;
}

// Calendar feeds: the secret address a phone calendar subscribes to. On the
// volunteer's own matches page, on her page for the staff, and the
// organisation's agenda for its coordinators. The address is shown once,
// right after it is made: only its hash is kept.
import { html, useState, get, api, session, useLoad } from '../core.js';
import { t, fmtDate } from '../i18n.js';
import { Page, Alert, Loading, useBusy } from '../ui.js';

export function CalendarFeedPanel({ base, who }) {
	const { data, error, reload } = useLoad(() => get(base), [base]);
	const [made, setMade] = useState(null);
	const [copied, setCopied] = useState(false);
	const act = useBusy();
	const make = () => act.run(async () => {
		setCopied(false);
		setMade(await api('POST', base, {}));
		reload();
	});
	const revoke = () => act.run(async () => {
		await api('DELETE', base);
		setMade(null);
		reload();
	});
	const copy = async () => {
		try {
			await navigator.clipboard.writeText(made.url);
			setCopied(true);
		} catch {
			setCopied(false);
		}
	};
	const id = who === 'org' ? 'cal-org' : 'cal-me';
	return html`<div class="calendar-feed">
		<p class="hint">${t(who === 'org' ? 'calendar.introOrg' : 'calendar.intro')}</p>
		<${Alert} error=${error || act.error} />
		${!data && !error && html`<${Loading} />`}
		${made && html`<div class="notice" role="status">
			<label for=${`${id}-url`}>${t('calendar.address')}</label>
			<input id=${`${id}-url`} class="input" readonly value=${made.url} onFocus=${(e) => e.target.select()} />
			<p class="small">${t('calendar.onlyNow')}</p>
			<div class="form-actions">
				<button type="button" class="btn" onClick=${copy}>${t('calendar.copy')}</button>
				<a class="btn btn-quiet" href=${made.url.replace(/^https?:/, 'webcal:')}>${t('calendar.open')}</a>
				${copied && html`<span role="status">${t('calendar.copied')}</span>`}
			</div>
		</div>`}
		${data && html`<p class="muted">${data.active
			? t('calendar.activeSince', { date: fmtDate(data.created_at, true) })
			: t('calendar.none')}</p>
		<div class="form-actions">
			<button type="button" class="btn btn-primary" disabled=${act.busy} onClick=${make}>
				${t(data.active ? 'calendar.rotate' : 'calendar.make')}</button>
			${data.active && html`<button type="button" class="btn btn-quiet" disabled=${act.busy} onClick=${revoke}>
				${t('calendar.revoke')}</button>`}
		</div>
		${data.active && html`<p class="small muted">${t('calendar.rotateHint')}</p>`}`}
	</div>`;
}

// /agenda: the organisation's agenda, for its coordinators.
export function OrganisationAgenda() {
	const org = session.user.organisation_id;
	return html`<${Page} title=${t('calendar.orgTitle')}>
		<section class="card block" aria-labelledby="h-agenda">
			<h2 id="h-agenda">${t('calendar.orgFeed')}</h2>
			<${CalendarFeedPanel} base=${`/api/organisations/${org}/calendar`} who="org" />
		</section>
	<//>`;
}

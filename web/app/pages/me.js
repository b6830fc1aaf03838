// The volunteer's own pages, phone first: my profile in plain words, my
// matches, pause or stop (the start page, calls that suit me: suggestions.js).
import { html, useState, get, api, query, useLoad, forget, session } from '../core.js';
import { t, fmtDate } from '../i18n.js';
import { Page, Loading, Alert, Empty, Notice, useBusy } from '../ui.js';
import { ProfileForm } from './profile.js';
import { useMe } from './suggestions.js';
import { MatchRows } from './matches.js';
import { ConsentPanel } from './consent.js';
import { MyJourney } from './journey.js';
import { MyTransfers } from './transfers.js';
import { Trainings, Competences } from './appreciation.js';
import { CalendarFeedPanel } from './calendar.js';

export function MyProfile() {
	const me = useMe();
	const welcome = query().welkom === '1';
	return html`<${Page} title=${t('me.profileTitle')} intro=${t('me.profileIntro')}>
		${welcome && html`<${Notice}>${t('me.welcome')}<//>`}
		${me.loading && !me.data && html`<${Loading} />`}
		<${Alert} error=${me.error} />
		${me.data && html`<${ProfileForm} key=${me.data.status} volunteer=${me.data} mode="self" onSaved=${() => me.reload()} />
			<section class="card block" aria-labelledby="h-consent">
				<h2 id="h-consent">${t('consent.title')}</h2>
				<p class="hint">${t('consent.intro')}</p>
				<${ConsentPanel} volunteer=${me.data} editable />
				<p><a href="/mijn-gegevens">${t('privacy.link')}</a></p>
			</section>
			<section class="card block" aria-labelledby="h-my-journey">
				<h2 id="h-my-journey">${t('journey.meTitle')}</h2>
				<${MyJourney} volunteerId=${me.data.id} ask=${false} />
				<p><a href="/mijn-reis">${t('journey.meLink')}</a></p>
			</section>
			<${PauseStop} v=${me.data} onChange=${me.reload} />`}
		${!me.loading && !me.data && !me.error && html`<${Empty} title=${t('me.noRecord')} />`}
	<//>`;
}

function PauseStop({ v, onChange }) {
	const { busy, error, run } = useBusy();
	const [confirm, setConfirm] = useState('');
	const to = (status) => run(async () => {
		await api('PATCH', `/api/volunteers/${v.id}`, { status });
		forget('volunteers', v.id);
		setConfirm('');
		onChange();
	});
	return html`<section class="card block" id="pauze" aria-labelledby="h-pause">
		<h2 id="h-pause">${t('me.pauseTitle')}</h2>
		<p>${t(`me.now_${v.status}`)}</p>
		<${Alert} error=${error} />
		${confirm
			? html`<div class="confirm" role="group" aria-labelledby="confirm-q">
				<p id="confirm-q"><strong>${t(`me.confirm_${confirm}`)}</strong></p>
				<div class="btn-row">
					<button type="button" class="btn btn-danger" disabled=${busy} onClick=${() => to(confirm)}>${t(`me.yes_${confirm}`)}</button>
					<button type="button" class="btn btn-quiet" onClick=${() => setConfirm('')}>${t('common.cancel')}</button>
				</div>
			</div>`
			: html`<div class="btn-row">
				${v.status === 'active' && html`<button type="button" class="btn btn-secondary" onClick=${() => setConfirm('paused')}>${t('me.pause')}</button>`}
				${(v.status === 'paused' || v.status === 'stopped') && html`<button type="button" class="btn btn-primary" disabled=${busy} onClick=${() => to('active')}>${t('me.resume')}</button>`}
				${v.status !== 'stopped' && html`<button type="button" class="btn btn-secondary" onClick=${() => setConfirm('stopped')}>${t('me.stop')}</button>`}
			</div>`}
	</section>`;
}

export function MyMatches() {
	const { data, error, loading, reload } = useLoad(() => get('/api/matches?limit=50'), []);
	return html`<${Page} title=${t('me.matchesTitle')} intro=${t('me.matchesIntro')}>
		${loading && !data && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('me.noMatches')}><a href="/">${t('me.findCalls')}</a><//>`
			: html`<${MatchRows} items=${data.items} show="call" actions onChange=${reload} />`)}
		<section class="card block" aria-labelledby="h-my-calendar">
			<h2 id="h-my-calendar">${t('calendar.title')}</h2>
			<${CalendarFeedPanel} base=${`/api/volunteers/${session.user.volunteer_id}/calendar`} who="me" />
		</section>
	<//>`;
}

// /mijn-reis: the journey in plain words, transfers, trainings and the
// self-assessment of the EVC-A competences.
export function MyJourneyPage() {
	const me = useMe();
	return html`<${Page} title=${t('journey.mePageTitle')} intro=${t('journey.mePageIntro')}>
		${me.loading && !me.data && html`<${Loading} />`}
		<${Alert} error=${me.error} />
		${me.data && html`
			<section class="card block" aria-labelledby="h-my-journey">
				<h2 id="h-my-journey">${t('journey.meTitle')}</h2>
				<p class="muted">${t('journey.meSince', { date: fmtDate(me.data.started_on) })}</p>
				<${MyJourney} volunteerId=${me.data.id} />
			</section>
			<section class="card block" aria-labelledby="h-my-transfer">
				<h2 id="h-my-transfer">${t('transfer.meTitle')}</h2>
				<p class="hint">${t('transfer.meIntro')}</p>
				<${MyTransfers} volunteer=${me.data} />
			</section>
			<section class="card block" aria-labelledby="h-my-trainings">
				<h2 id="h-my-trainings">${t('training.titleMe')}</h2>
				<${Trainings} volunteerId=${me.data.id} />
			</section>
			<section class="card block" aria-labelledby="h-my-competences">
				<h2 id="h-my-competences">${t('competence.titleMe')}</h2>
				<p class="hint">${t('competence.introMe')}</p>
				<${Competences} volunteerId=${me.data.id} editable />
			</section>`}
		${!me.loading && !me.data && !me.error && html`<${Empty} title=${t('me.noRecord')} />`}
	<//>`;
}

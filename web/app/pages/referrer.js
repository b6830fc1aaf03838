// The referrer (Wmo-loket, wijkteam, huisarts): submit a help request for a
// client to an organisation of the network and follow what happens to it.
import { html, get, navigate, useLoad, query, orgName } from '../core.js';
import { t, fmtDate } from '../i18n.js';
import { Page, Loading, Alert, Empty, Notice, Status } from '../ui.js';
import { CallForm, CallDetails, activityLabel } from './calls.js';

export function ReferrerHome() {
	const { data, error, loading } = useLoad(() => get('/api/calls?limit=50'), []);
	return html`<${Page} title=${t('help.listTitle')} intro=${t('help.listIntro')}
		actions=${html`<a class="btn btn-primary" href="/hulpvragen/nieuw">${t('help.new')}</a>`}>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('help.none')}><a href="/hulpvragen/nieuw">${t('help.new')}</a><//>`
			: html`<ul class="list">${data.items.map((c) => html`<li class="list-item">
				<div class="li-main">
					<a class="li-title" href=${`/hulpvragen/${c.id}`}>${c.title}</a>
					<span class="muted">${[orgName(c.organisation_id), activityLabel(c.activity), t('help.sent', { date: fmtDate(c.created_at) })].filter(Boolean).join(' · ')}</span>
				</div>
				<div class="li-end"><${Status} kind="help" value=${c.status} /></div>
			</li>`)}</ul>`)}
	<//>`;
}

export function HelpRequestNew() {
	return html`<${Page} title=${t('help.new')} intro=${t('help.newIntro')}>
		<${CallForm} mode="referrer" submitLabel=${t('help.submit')} onSaved=${(c) => navigate(`/hulpvragen/${c.id}?nieuw=1`)} />
	<//>`;
}

export function HelpRequestPage({ id }) {
	const { data: c, error, loading } = useLoad(() => get(`/api/calls/${id}`), [id]);
	if (loading && !c) return html`<${Page} title=${t('help.one')}><${Loading} /><//>`;
	if (error) return html`<${Page} title=${error.status === 403 ? t('error.forbiddenTitle') : t('notFound.title')}><${Alert} error=${error} /><//>`;
	return html`<${Page} title=${c.title} intro=${html`${t('help.statusIs')} <${Status} kind="help" value=${c.status} />`}>
		${query().nieuw === '1' && html`<${Notice}>${t('help.sentOk', { org: orgName(c.organisation_id) })}<//>`}
		<section class="card" aria-labelledby="h-st">
			<h2 id="h-st">${t('help.whatNow')}</h2>
			<p>${t(`help.explain_${c.status}`, { org: orgName(c.organisation_id) })}</p>
		</section>
		<section class="card" aria-labelledby="h-d">
			<h2 id="h-d">${t('calls.details')}</h2>
			<${CallDetails} c=${c} />
		</section>
		<p><a href="/">${t('help.back')}</a></p>
	<//>`;
}

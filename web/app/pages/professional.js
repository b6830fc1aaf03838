// The professional at a care location: calls of the location, who was
// matched, and confirming that a match works.
import { html, get, useLoad } from '../core.js';
import { t } from '../i18n.js';
import { Page, Loading, Alert, Empty } from '../ui.js';
import { CallRows } from './calls.js';
import { MatchRows } from './matches.js';
import { useLocations, WhereIWork } from './locations.js';

export function ProfessionalHome() {
	const calls = useLoad(() => get('/api/calls?limit=25'), []);
	const matches = useLoad(() => get('/api/matches?status=accepted&limit=25'), []);
	const active = useLoad(() => get('/api/matches?status=active&limit=25'), []);
	const locations = useLocations();
	const mine = locations.data && locations.data.items.some((l) => l.mine);
	return html`<${Page} title=${t('pro.title')} intro=${t('pro.intro')} wide
		actions=${html`<a class="btn btn-primary" href="/oproepen/nieuw">${t('calls.new')}</a>`}>
		<${WhereIWork} locations=${locations.data} />
		<section class="card" aria-labelledby="h-confirm">
			<h2 id="h-confirm">${t('pro.toConfirm')}</h2>
			${matches.loading && !matches.data && html`<${Loading} />`}
			<${Alert} error=${matches.error} />
			${matches.data && (matches.data.items.length
				? html`<${MatchRows} items=${matches.data.items} show="both" actions onChange=${() => {
					matches.reload();
					active.reload();
				}} />`
				: html`<p class="muted">${t('pro.noneToConfirm')}</p>`)}
		</section>
		<section class="card" aria-labelledby="h-active">
			<h2 id="h-active">${t('pro.active')}</h2>
			${active.data && (active.data.items.length
				? html`<${MatchRows} items=${active.data.items} show="both" />`
				: html`<p class="muted">${t('pro.noneActive')}</p>`)}
		</section>
		<section aria-labelledby="h-calls">
			<h2 id="h-calls" class="section-title">${t(mine ? 'pro.callsMine' : 'pro.calls')}</h2>
			${calls.loading && !calls.data && html`<${Loading} />`}
			<${Alert} error=${calls.error} />
			${calls.data && (calls.data.items.length
				? html`<${CallRows} items=${calls.data.items} />`
				: html`<${Empty} title=${t('calls.none')}><a href="/oproepen/nieuw">${t('calls.new')}</a><//>`)}
		</section>
	<//>`;
}

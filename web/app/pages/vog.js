// The VOG-expiry overview: the organisation's volunteers whose VOG has
// expired or will within the weeks chosen, by the organisation's validity.
import { html, useState, get, qs, query, navigate, session, useLoad, catalog, orgName } from '../core.js';
import { t, fmtDate } from '../i18n.js';
import { Page, Loading, Alert, Empty, Status, Select } from '../ui.js';

const WEEKS = ['0', '4', '8', '13', '26'];

export function VogOverview() {
	const params = query();
	const admin = session.user.role === 'admin';
	const [f, setF] = useState({ weeks: params.weeks || '8', organisation_id: params.organisation_id || '' });
	const ask = admin && !params.organisation_id ? null : { weeks: params.weeks || '8', organisation_id: params.organisation_id };
	const { data, error, loading } = useLoad(() => (ask ? get(`/api/vog-overview${qs(ask)}`) : Promise.resolve(null)), [location.search]);
	const submit = (e) => {
		e.preventDefault();
		navigate(`/vog${qs(f)}`, true);
	};
	const orgs = catalog.orgs.filter((o) => o.kind !== 'referrer');
	return html`<${Page} title=${t('vog.title')} intro=${t('vog.intro')} wide>
		<form class="filters card" role="search" aria-label=${t('vog.filter')} onSubmit=${submit}>
			${admin && html`<${Select} name="organisation_id" label=${t('field.organisation')} value=${f.organisation_id} empty=${t('common.choose')}
				onChange=${(v) => setF({ ...f, organisation_id: v })} options=${orgs.map((o) => ({ value: o.id, label: o.name }))} />`}
			<${Select} name="weeks" label=${t('vog.within')} value=${f.weeks} onChange=${(v) => setF({ ...f, weeks: v })}
				options=${WEEKS.map((w) => ({ value: w, label: t(w === '0' ? 'vog.onlyExpired' : 'vog.weeksN', { n: w }) }))} />
			<div class="filter-actions"><button class="btn btn-primary" type="submit">${t('common.show')}</button></div>
		</form>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && html`<p class="hint">${t('vog.validity', { org: orgName(data.organisation_id), n: data.max_age_months })}</p>`}
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('vog.none')} />`
			: html`<p class="count" role="status">${t('vog.count', { n: data.total })}</p>
				<div class="table-wrap"><table class="table">
					<caption class="sr-only">${t('vog.title')}</caption>
					<thead><tr><th scope="col">${t('vog.volunteer')}</th><th scope="col">${t('field.volunteerStatus')}</th>
						<th scope="col">${t('vog.issued')}</th><th scope="col">${t('vog.validUntil')}</th><th scope="col">${t('vog.state')}</th></tr></thead>
					<tbody>${data.items.map((r) => html`<tr key=${r.volunteer_id}>
						<td><a href=${`/vrijwilligers/${r.volunteer_id}`}>${r.first_name} ${r.last_name}</a></td>
						<td><${Status} kind="volunteer" value=${r.status} /></td>
						<td>${fmtDate(r.vog_date)}</td>
						<td>${fmtDate(r.expires_on)}</td>
						<td>${r.expired ? html`<span class="badge badge-warn">${t('vog.expired')}</span>` : t('vog.expiresSoon')}</td>
					</tr>`)}</tbody>
				</table></div>`)}
	<//>`;
}

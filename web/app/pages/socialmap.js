// The social map (sociale kaart): which organisation offers what, where and
// for whom, and how to reach them. Public, without login, phone-first; the
// flyer table (organisations × activities) prints on one A4 page. The offer
// form is for an organisation's coordinator and the administrator.
import { html, useState, get, api, useLoad, query, qs, navigate, catalog, session } from '../core.js';
import { t } from '../i18n.js';
import { Page, Loading, Alert, Empty, Notice, Input, Select, Checks, Tags, FormError, Pager, listOptions, labels, useForm } from '../ui.js';

function MapEntry({ o }) {
	return html`<li class="card map-entry">
		<h2 class="map-name">${o.name}</h2>
		<p class="muted">${t(`orgKind.${o.kind}`)} · ${o.municipality}</p>
		${o.description && html`<p>${o.description}</p>`}
		<h3 class="map-h">${t('map.offers')}</h3>
		<${Tags} kind="activity" codes=${o.activities} />
		${o.themes.length > 0 && html`<h3 class="map-h">${t('map.forWhom')}</h3><${Tags} kind="theme" codes=${o.themes} />`}
		${o.places.length > 0 && html`<p><strong>${t('map.where')}:</strong> ${o.places.join(', ')}</p>`}
		<p class="map-open">
			<span class=${o.new_clients ? 'badge badge-ok' : 'badge badge-off'}>${t(o.new_clients ? 'map.takesClients' : 'map.noClients')}</span>
			<span class=${o.new_volunteers ? 'badge badge-ok' : 'badge badge-off'}>${t(o.new_volunteers ? 'map.takesVolunteers' : 'map.noVolunteers')}</span>
		</p>
		<ul class="map-contact">
			${o.phone && html`<li><a href=${`tel:${o.phone.replace(/[^+\d]/g, '')}`}>${o.phone}</a></li>`}
			${o.email && html`<li><a href=${`mailto:${o.email}`}>${o.email}</a></li>`}
			${o.website && html`<li><a href=${o.website} rel="noopener">${o.website.replace(/^https?:\/\//, '')}</a></li>`}
			${o.address && html`<li>${o.address}</li>`}
		</ul>
	</li>`;
}

export function SocialMap() {
	const q = query();
	const [f, setF] = useState({ place: q.place || '', activity: q.activity || '', theme: q.theme || '' });
	const [offset, setOffset] = useState(0);
	const params = { place: q.place, activity: q.activity, theme: q.theme };
	const { data, error, loading } = useLoad(() => get(`/api/public/map${qs({ ...params, limit: 50, offset })}`),
		[location.search, offset]);
	const set = (k) => (v) => setF((o) => ({ ...o, [k]: v }));
	const search = (e) => {
		e.preventDefault();
		setOffset(0);
		navigate(`/sociale-kaart${qs({ place: f.place.trim() || undefined, activity: f.activity || undefined, theme: f.theme || undefined })}`);
	};
	return html`<${Page} title=${t('map.title')} intro=${t('map.intro')}
		actions=${html`<a class="btn btn-secondary" href="/sociale-kaart/flyer">${t('map.flyer')}</a>`}>
		<form class="card filters" role="search" onSubmit=${search}>
			<${Input} name="place" label=${t('map.place')} value=${f.place} onInput=${set('place')} autocomplete="address-level2" maxlength="100" />
			<${Select} name="activity" label=${t('map.activity')} value=${f.activity} onChange=${set('activity')} empty=${t('map.any')} options=${listOptions('activity')} />
			<${Select} name="theme" label=${t('map.theme')} value=${f.theme} onChange=${set('theme')} empty=${t('map.any')} options=${listOptions('theme')} />
			<button class="btn btn-primary" type="submit">${t('map.search')}</button>
		</form>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('map.none')} />`
			: html`<p class="muted" role="status">${t('map.found', { n: data.total })}</p>
				<ul class="cards map-list">${data.items.map((o) => html`<${MapEntry} key=${o.id} o=${o} />`)}</ul>
				<${Pager} data=${data} offset=${offset} onOffset=${setOffset} />`)}
	<//>`;
}

// The back of the network's flyer: a simple table of which organisations
// offer which activities (guide for local cooperation, 4.3).
export function Flyer() {
	const { data, error, loading } = useLoad(() => get('/api/public/map?limit=200'), []);
	if (loading) return html`<${Page} title=${t('map.flyerTitle')}><${Loading} /><//>`;
	if (error) return html`<${Page} title=${t('map.flyerTitle')}><${Alert} error=${error} /><//>`;
	const used = new Set(data.items.flatMap((o) => o.activities));
	const acts = (catalog.lists.activity || []).filter((a) => used.has(a.code));
	return html`<${Page} title=${t('map.flyerTitle')} intro=${t('map.flyerIntro')} wide
		actions=${html`<button type="button" class="btn btn-secondary" onClick=${() => window.print()}>${t('map.print')}</button>`}>
		<div class="flyer" tabindex="0" role="region" aria-label=${t('map.flyerCaption')}>
			<table class="flyer-table">
				<caption>${t('map.flyerCaption')}</caption>
				<thead><tr>
					<th scope="col">${t('map.organisation')}</th>
					${acts.map((a) => html`<th scope="col" class="flyer-act"><span>${labels('activity', [a.code])[0]}</span></th>`)}
				</tr></thead>
				<tbody>${data.items.map((o) => html`<tr>
					<th scope="row"><span class="flyer-org">${o.name}</span><span class="flyer-contact">${[o.phone, o.website.replace(/^https?:\/\//, '')].filter(Boolean).join(' · ')}</span></th>
					${acts.map((a) => html`<td class="flyer-cell">${o.activities.includes(a.code) ? html`<span aria-label=${t('map.yes')}>●</span>` : ''}</td>`)}
				</tr>`)}</tbody>
			</table>
		</div>
	<//>`;
}

const OFFER_FIELDS = ['address', 'new_clients', 'new_volunteers', 'activities', 'themes', 'places'];

// An organisation's own entry on the map; orgId is the organisation.
export function OfferForm({ orgId }) {
	const { data, error: loadError, loading } = useLoad(() => get(`/api/organisations/${orgId}/offer`), [orgId]);
	if (loading && !data) return html`<${Loading} />`;
	if (loadError) return html`<${Alert} error=${loadError} />`;
	return html`<${OfferFields} key=${orgId} orgId=${orgId} offer=${data} />`;
}

function OfferFields({ orgId, offer }) {
	const { f, setF, set, saved, setSaved, busy, error, run } = useForm({ ...offer, places: offer.places.join(', ') });
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			const body = {};
			for (const k of OFFER_FIELDS) body[k] = f[k];
			body.places = f.places.split(',').map((p) => p.trim()).filter(Boolean);
			const o = await api('PUT', `/api/organisations/${orgId}/offer`, body);
			setF({ ...o, places: o.places.join(', ') });
			setSaved(t('profile.saved'));
		});
	};
	return html`<form class="form" onSubmit=${submit} novalidate>
		<${FormError} error=${error} fields=${OFFER_FIELDS} />
		<${Checks} name="activities" legend=${t('map.offers')} options=${listOptions('activity')} value=${f.activities} onChange=${set('activities')} error=${error} columns />
		<${Checks} name="themes" legend=${t('map.forWhom')} options=${listOptions('theme')} value=${f.themes} onChange=${set('themes')} error=${error} columns />
		<${Input} name="places" label=${t('map.places')} hint=${t('map.placesHint')} value=${f.places} onInput=${set('places')} error=${error} />
		<${Input} name="address" label=${t('map.address')} value=${f.address} onInput=${set('address')} error=${error} maxlength="200" autocomplete="street-address" />
		<label class="check"><input type="checkbox" name="new_clients" checked=${f.new_clients} onChange=${(e) => set('new_clients')(e.currentTarget.checked)} /> <span>${t('map.takesClients')}</span></label>
		<label class="check"><input type="checkbox" name="new_volunteers" checked=${f.new_volunteers} onChange=${(e) => set('new_volunteers')(e.currentTarget.checked)} /> <span>${t('map.takesVolunteers')}</span></label>
		<p><button class="btn btn-primary" type="submit" disabled=${busy}>${t('map.save')}</button></p>
		<${Notice}>${saved}<//>
	</form>`;
}

// The coordinator's page for the own organisation's entry.
export function OurOffer() {
	const orgId = session.user.organisation_id;
	return html`<${Page} title=${t('map.ourTitle')} intro=${t('map.ourIntro')}>
		<section class="card">${orgId ? html`<${OfferForm} orgId=${orgId} />` : html`<${Empty} title=${t('map.none')} />`}</section>
	<//>`;
}

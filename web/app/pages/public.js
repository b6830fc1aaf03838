// The network's public pages besides the social map, without login and
// phone-first: the open calls organisations put on them (each with its own
// shareable address and "Ik wil helpen", which leads to sign-up with that
// call remembered) and the "Word vrijwilliger" page.
import { html, useState, get, useLoad, query, qs, navigate, session, orgName } from '../core.js';
import { t } from '../i18n.js';
import { Page, Loading, Alert, Empty, Input, Select, Pager, listOptions } from '../ui.js';
import { CallDetails, activityLabel, when } from './calls.js';

// Where "Ik wil helpen" leads: a volunteer to the call itself, anyone else
// to sign-up, which brings them back to the call afterwards.
export function helpHref(id) {
	if (session.user && session.user.role === 'volunteer') return `/oproepen/${id}`;
	return `/aanmelden${qs({ oproep: id })}`;
}

export function PublicCalls() {
	const q = query();
	const [f, setF] = useState({ place: q.place || '', activity: q.activity || '' });
	const [offset, setOffset] = useState(0);
	const { data, error, loading } = useLoad(() => get(`/api/public/calls${qs({ place: q.place, activity: q.activity, limit: 30, offset })}`),
		[location.search, offset]);
	const set = (k) => (v) => setF((o) => ({ ...o, [k]: v }));
	const search = (e) => {
		e.preventDefault();
		setOffset(0);
		navigate(`/doe-mee${qs({ place: f.place.trim() || undefined, activity: f.activity || undefined })}`);
	};
	return html`<${Page} title=${t('public.callsTitle')} intro=${t('public.callsIntro')}>
		<form class="card filters" role="search" onSubmit=${search}>
			<${Input} name="place" label=${t('map.place')} value=${f.place} onInput=${set('place')} autocomplete="address-level2" maxlength="100" />
			<${Select} name="activity" label=${t('map.activity')} value=${f.activity} onChange=${set('activity')} empty=${t('map.any')} options=${listOptions('activity')} />
			<button class="btn btn-primary" type="submit">${t('map.search')}</button>
		</form>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('public.noCalls')}><a href="/word-vrijwilliger">${t('public.becomeTitle')}</a><//>`
			: html`<ul class="cards">${data.items.map((c) => html`<li class="card" key=${c.id}>
					<h2 class="map-name"><a href=${`/doe-mee/${c.id}`}>${c.title}</a></h2>
					<p class="muted">${[activityLabel(c.activity), c.place, when(c), orgName(c.organisation_id)].filter(Boolean).join(' · ')}</p>
				</li>`)}</ul>
				<${Pager} data=${data} offset=${offset} onOffset=${setOffset} />`)}
	<//>`;
}

export function PublicCall({ id }) {
	const { data: c, error, loading } = useLoad(() => get(`/api/public/calls/${id}`), [id]);
	if (loading && !c) return html`<${Page} title=${t('calls.call')}><${Loading} /><//>`;
	if (error) {
		return html`<${Page} title=${t('public.callGone')}>
			<${Empty} title=${t('public.callGoneBody')}><a href="/doe-mee">${t('public.callsTitle')}</a><//><//>`;
	}
	return html`<${Page} title=${c.title}>
		<section class="card">
			<${CallDetails} c=${c} />
			<p class="actionbar"><a class="btn btn-primary" href=${helpHref(c.id)}>${t('public.help')}</a></p>
		</section>
		<p><a href="/doe-mee">${t('public.allCalls')}</a> · <a href="/sociale-kaart">${t('map.title')}</a></p>
	<//>`;
}

export function BecomeVolunteer() {
	return html`<${Page} title=${t('public.becomeTitle')} intro=${t('public.becomeIntro')}>
		<section class="card">
			<h2>${t('public.howTitle')}</h2>
			<ol class="steps">
				<li>${t('public.step1')}</li>
				<li>${t('public.step2')}</li>
				<li>${t('public.step3')}</li>
			</ol>
			<p class="actionbar">
				<a class="btn btn-primary" href="/aanmelden">${t('public.signup')}</a>
				<a class="btn btn-secondary" href="/doe-mee">${t('public.callsTitle')}</a>
			</p>
		</section>
		<p><a href="/sociale-kaart">${t('public.whoLooks')}</a></p>
	<//>`;
}

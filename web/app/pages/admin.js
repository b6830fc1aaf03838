// The network administrator: organisations of the network and the shared
// lists (activities, themes, motives, talents, trainings, languages, lived
// experience) that every profile and call uses.
import { html, useState, get, api, navigate, useLoad, loadOrganisations, loadCatalog, LIST_KINDS } from '../core.js';
import { t, fmtNumber, fmtDate } from '../i18n.js';
import { Page, Loading, Alert, Empty, Notice, Input, TextArea, Select, FormError, useBusy, useForm } from '../ui.js';
import { JourneySettings } from './journey.js';
import { OfferForm } from './socialmap.js';
import { CalendarFeedPanel } from './calendar.js';
import { LocationsManager } from './locations.js';

const ORG_KINDS = ['care_provider', 'volunteer_organisation', 'informal_care', 'volunteer_centre', 'welfare', 'referrer'];
const ORG_FIELDS = ['name', 'kind', 'municipality', 'employees', 'vog_max_age_months', 'email', 'phone', 'website', 'description', 'active'];

export function OrganisationList() {
	const { data, error, loading } = useLoad(() => get('/api/organisations?limit=200'), []);
	return html`<${Page} title=${t('orgs.title')} intro=${t('orgs.intro')} wide
		actions=${html`<a class="btn btn-primary" href="/organisaties/nieuw">${t('orgs.new')}</a>`}>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('orgs.none')} />`
			: html`<ul class="list">${data.items.map((o) => html`<li class="list-item">
				<div class="li-main">
					<a class="li-title" href=${`/organisaties/${o.id}`}>${o.name}</a>
					<span class="muted">${t(`orgKind.${o.kind}`)} · ${o.municipality}</span>
				</div>
				<div class="li-end">${o.active ? html`<span class="badge badge-ok">${t('common.active')}</span>` : html`<span class="badge badge-off">${t('common.inactive')}</span>`}</div>
			</li>`)}</ul>`)}
	<//>`;
}

export function OrganisationPage({ id }) {
	const creating = id === 'nieuw';
	const { data, error, loading } = useLoad(() => (creating ? Promise.resolve(null) : get(`/api/organisations/${id}`)), [id]);
	if (!creating && loading) return html`<${Page} title=${t('orgs.one')}><${Loading} /><//>`;
	if (error) return html`<${Page} title=${t('notFound.title')}><${Alert} error=${error} /><//>`;
	return html`<${Page} title=${creating ? t('orgs.new') : data.name}>
		<${OrganisationForm} org=${data} creating=${creating} />
		${!creating && html`<section class="card" aria-labelledby="h-journey-settings">
			<h2 id="h-journey-settings">${t('journey.settingsTitle')}</h2>
			<p class="hint">${t('journey.settingsIntro')}</p>
			<${JourneySettings} orgId=${data.id} />
		</section>`}
		${!creating && html`<section aria-labelledby="h-org-locations">
			<h2 id="h-org-locations" class="section-title">${t('loc.title')}</h2>
			<${LocationsManager} organisationId=${data.id} />
		</section>`}
		${!creating && html`<section class="card" aria-labelledby="h-offer">
			<h2 id="h-offer">${t('map.ourTitle')}</h2>
			<p class="hint">${t('map.ourIntro')}</p>
			<${OfferForm} orgId=${data.id} />
		</section>`}
		${!creating && html`<section class="card" aria-labelledby="h-agenda">
			<h2 id="h-agenda">${t('calendar.orgFeed')}</h2>
			<${CalendarFeedPanel} base=${`/api/organisations/${data.id}/calendar`} who="org" />
		</section>`}
	<//>`;
}

function OrganisationForm({ org, creating }) {
	const { f, set, saved, setSaved, busy, error, run } = useForm(() => ({
		name: '', kind: 'volunteer_organisation', municipality: '', employees: '0', vog_max_age_months: '36',
		email: '', phone: '', website: '', description: '', active: true,
		...(org ? { ...org, employees: String(org.employees), vog_max_age_months: String(org.vog_max_age_months) } : {}),
	}));
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			const body = {};
			for (const k of ORG_FIELDS) body[k] = f[k];
			for (const k of ['employees', 'vog_max_age_months']) {
				const s = String(f[k]).trim();
				if (s === '') delete body[k];
				else body[k] = /^\d+$/.test(s) ? Number(s) : s;
			}
			const o = creating ? await api('POST', '/api/organisations', body) : await api('PATCH', `/api/organisations/${org.id}`, body);
			await loadOrganisations();
			if (creating) navigate(`/organisaties/${o.id}`, true);
			else setSaved(t('profile.saved'));
		});
	};
	return html`<form class="card form" onSubmit=${submit} novalidate>
		<${FormError} error=${error} fields=${ORG_FIELDS} />
		<${Input} name="name" label=${t('field.name')} value=${f.name} onInput=${set('name')} error=${error} required maxlength="200" />
		<div class="row2">
			<${Select} name="kind" label=${t('field.orgKind')} value=${f.kind} onChange=${set('kind')} error=${error} options=${ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
			<${Input} name="municipality" label=${t('field.municipality')} value=${f.municipality} onInput=${set('municipality')} error=${error} required maxlength="100" />
		</div>
		<div class="row2">
			<${Input} name="employees" type="number" inputmode="numeric" label=${t('field.employees')} value=${f.employees} onInput=${set('employees')} error=${error} min="0" />
			<${Input} name="vog_max_age_months" type="number" inputmode="numeric" label=${t('field.vogMaxAge')} value=${f.vog_max_age_months} onInput=${set('vog_max_age_months')} error=${error} min="1" max="120" />
		</div>
		<div class="row2">
			<${Input} name="email" type="email" label=${t('field.email')} value=${f.email} onInput=${set('email')} error=${error} maxlength="254" />
			<${Input} name="phone" type="tel" label=${t('field.phone')} value=${f.phone} onInput=${set('phone')} error=${error} maxlength="32" />
		</div>
		<${Input} name="website" type="url" label=${t('field.website')} value=${f.website} onInput=${set('website')} error=${error} maxlength="255" />
		<${TextArea} name="description" label=${t('field.description')} value=${f.description} onInput=${set('description')} error=${error} />
		<label class="check single"><input type="checkbox" name="active" checked=${f.active} onChange=${(e) => set('active')(e.currentTarget.checked)} /><span>${t('orgs.active')}</span></label>
		<div class="form-actions">
			<button class="btn btn-primary" type="submit" disabled=${busy}>${creating ? t('orgs.create') : t('profile.save')}</button>
			<${Notice}>${saved}<//>
		</div>
	</form>`;
}

export function ListsPage({ kind = 'activity' }) {
	const valid = LIST_KINDS.includes(kind);
	const { data, error, loading, reload } = useLoad(() => (valid ? get(`/api/lists/${kind}?all=1`) : Promise.resolve(null)), [kind]);
	const changed = async () => {
		reload();
		await loadCatalog();
	};
	return html`<${Page} title=${t('lists.title')} intro=${t('lists.intro')} wide>
		<nav class="tabs" aria-label=${t('lists.kinds')}>
			<ul>${LIST_KINDS.map((k) => html`<li><a href=${`/lijsten/${k}`} aria-current=${k === kind ? 'page' : undefined}>${t(`listKind.${k}`)}</a></li>`)}</ul>
		</nav>
		${!valid && html`<${Empty} title=${t('notFound.body')} />`}
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && html`<section class="card" aria-labelledby="h-items">
			<h2 id="h-items">${t(`listKind.${kind}`)} <span class="muted">(${fmtNumber(data.items.length)})</span></h2>
			<ul class="list items">${data.items.map((it) => html`<${ItemRow} key=${it.id} kind=${kind} it=${it} onChange=${changed} />`)}</ul>
		</section>
		<${NewItem} kind=${kind} onChange=${changed} />`}
	<//>`;
}

function ItemRow({ kind, it, onChange }) {
	const [edit, setEdit] = useState(false);
	const [nl, setNl] = useState(it.label_nl);
	const [en, setEn] = useState(it.label_en);
	const { busy, error, run } = useBusy();
	const save = (body) => run(async () => {
		await api('PATCH', `/api/lists/${kind}/${it.id}`, body);
		setEdit(false);
		onChange();
	});
	if (edit) {
		return html`<li class="list-item item-edit"><form class="form inline-form" onSubmit=${(e) => {
			e.preventDefault();
			save({ label_nl: nl, label_en: en });
		}} novalidate>
			<${FormError} error=${error} fields=${['label_nl', 'label_en']} />
			<${Input} name=${`label_nl`} label=${t('lists.labelNl')} value=${nl} onInput=${setNl} error=${error} required maxlength="120" />
			<${Input} name=${`label_en`} label=${t('lists.labelEn')} value=${en} onInput=${setEn} error=${error} maxlength="120" />
			<div class="btn-row">
				<button class="btn btn-primary btn-small" type="submit" disabled=${busy}>${t('profile.save')}</button>
				<button class="btn btn-quiet btn-small" type="button" onClick=${() => setEdit(false)}>${t('common.cancel')}</button>
			</div>
		</form></li>`;
	}
	return html`<li class="list-item">
		<div class="li-main"><span class="li-title">${it.label_nl}</span><span class="muted" lang="en">${it.label_en}</span></div>
		<div class="li-meta muted small"><code>${it.code}</code></div>
		<div class="li-end">
			${!it.active && html`<span class="badge badge-off">${t('common.inactive')}</span>`}
			<button type="button" class="btn btn-quiet btn-small" onClick=${() => setEdit(true)}
				aria-label=${t('lists.editNamed', { name: it.label_nl })}>${t('common.edit')}</button>
			<button type="button" class="btn btn-quiet btn-small" disabled=${busy} onClick=${() => save({ active: !it.active })}
				aria-label=${t(it.active ? 'lists.deactivateNamed' : 'lists.activateNamed', { name: it.label_nl })}>${t(it.active ? 'lists.deactivate' : 'lists.activate')}</button>
		</div>
		${error && html`<p class="field-error" role="alert">${error.detail}</p>`}
	</li>`;
}

function NewItem({ kind, onChange }) {
	const [f, setF] = useState({ code: '', label_nl: '', label_en: '' });
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => setF((o) => ({ ...o, [k]: v }));
	return html`<form class="card form" onSubmit=${(e) => {
		e.preventDefault();
		run(async () => {
			await api('POST', `/api/lists/${kind}`, f);
			setF({ code: '', label_nl: '', label_en: '' });
			onChange();
		});
	}} novalidate aria-labelledby="h-new-item">
		<h2 id="h-new-item">${t('lists.add')}</h2>
		<${FormError} error=${error} fields=${['code', 'label_nl', 'label_en']} />
		<div class="row3">
			<${Input} name="code" label=${t('lists.code')} hint=${t('lists.codeHint')} value=${f.code} onInput=${set('code')} error=${error} required maxlength="60" />
			<${Input} name="label_nl" label=${t('lists.labelNl')} value=${f.label_nl} onInput=${set('label_nl')} error=${error} required maxlength="120" />
			<${Input} name="label_en" label=${t('lists.labelEn')} value=${f.label_en} onInput=${set('label_en')} error=${error} maxlength="120" />
		</div>
		<div class="form-actions"><button class="btn btn-primary" type="submit" disabled=${busy}>${t('lists.addSubmit')}</button></div>
	</form>`;
}

// Mail that failed for good (the server refused it, or never answered after
// every attempt), with the server's answer; the administrator queues it
// again once the cause is fixed.
export function FailedMail() {
	const { data, error, loading, reload } = useLoad(() => get('/api/outbox?status=failed&limit=100'), []);
	const { busy, error: retryError, run } = useBusy();
	const [note, setNote] = useState('');
	const retry = (m) => run(async () => {
		await api('POST', `/api/outbox/${m.id}/retry`, {});
		setNote(t('failedMail.queued', { to: m.recipient }));
		reload();
	});
	return html`<${Page} title=${t('failedMail.title')} intro=${t('failedMail.intro')} wide>
		${loading && !data && html`<${Loading} />`}
		<${Alert} error=${error || retryError} />
		${note && html`<${Notice}>${note}<//>`}
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('failedMail.none')} />`
			: html`<ul class="list">${data.items.map((m) => html`<li class="list-item">
				<div class="li-main">
					<span class="li-title">${m.subject}</span>
					<span class="muted">${t('failedMail.to', { to: m.recipient })} · ${fmtDate(m.created_at, true)} · ${t('failedMail.attempts', { n: m.attempts })}</span>
					<span>${t('failedMail.answer')}: <code>${m.last_error}</code></span>
				</div>
				<div class="li-end"><button class="btn" type="button" disabled=${busy} onClick=${() => retry(m)}
					aria-label=${t('failedMail.retryFor', { to: m.recipient })}>${t('failedMail.retry')}</button></div>
			</li>`)}</ul>`)}
	<//>`;
}

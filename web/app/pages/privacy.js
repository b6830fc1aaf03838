// Privacy (AVG): the volunteer sees who viewed their data and downloads
// everything stored about them; the network administrator searches the
// audit log and erases a person; coordinators and the administrator create
// accounts for their organisation.
import { html, useState, get, api, qs, query, navigate, session, useLoad, catalog, orgName, forget } from '../core.js';
import { t, has, fmtDate } from '../i18n.js';
import { Page, Loading, Alert, Empty, Notice, Input, Select, TextArea, FormError, Pager, useBusy } from '../ui.js';
import { ConsentPanel } from './consent.js';
import { today } from './journey.js';
import { BankAccount } from './hours.js';
import { ReadableExport } from './mydata.js';

const ACTIONS = ['view', 'create', 'update', 'export', 'erase', 'consent', 'withdraw'];

function actionText(e) {
	const key = `audit.action.${e.action}`;
	// A resource the server logs but this page has no word for yet: "gegevens".
	const what = t(has(`audit.resource.${e.resource}`) ? `audit.resource.${e.resource}` : 'audit.resource.other');
	const text = t(key, { what });
	return text === key ? `${e.action} ${e.resource}` : text;
}

function AuditRows({ items, showVolunteer }) {
	// The volunteer's own page gets one entry per viewer, action and day (e.count).
	return html`<ul class="list audit">${items.map((e) => html`<li class="list-item" key=${e.id || `${e.account_id}-${e.action}-${e.resource}-${e.at}`}>
		<div class="li-main">
			<span class="li-title">${e.account_id && e.account_id === session.user.account_id ? t(session.user.role === 'volunteer' ? 'privacy.you' : 'audit.you') : e.actor_name || t('audit.unknown')}</span>
			<span class="muted">${t(`role.${e.role}`)}${e.organisation_id ? ` · ${orgName(e.organisation_id)}` : ''}</span>
		</div>
		<div class="li-meta">
			<span>${actionText(e)}</span>
			${e.count > 1 && html`<span class="muted"> · ${t('privacy.times', { n: e.count })}</span>`}
			${showVolunteer && e.volunteer_id && html` · <a href=${`/vrijwilligers/${e.volunteer_id}`}>${t('audit.volunteerN', { id: e.volunteer_id })}</a>`}
			${showVolunteer && e.resource === 'call' && e.record_id && html` · <a href=${`/oproepen/${e.record_id}`}>${t('audit.callN', { id: e.record_id })}</a>`}
			${e.reason && html`<span class="muted"> · ${t('audit.reason')}: ${e.reason}</span>`}
		</div>
		<div class="li-end small"><time datetime=${new Date(e.at * 1000).toISOString()}>${fmtDate(e.at, !e.count)}</time></div>
	</li>`)}</ul>`;
}

// ---- the volunteer: /mijn-gegevens ---------------------------------------------------

export function MyData() {
	const id = session.user.volunteer_id;
	const all = useBusy();
	const [doc, setDoc] = useState(null);
	const showAll = () => all.run(async () => setDoc(await get(`/api/volunteers/${id}/export`)));
	const me = useLoad(() => (id ? get(`/api/volunteers/${id}`) : Promise.resolve(null)), []);
	const [offset, setOffset] = useState(0);
	const audit = useLoad(() => (id ? get(`/api/volunteers/${id}/audit?limit=20&offset=${offset}`) : Promise.resolve(null)), [offset]);
	if (!id) return html`<${Page} title=${t('privacy.title')}><${Empty} title=${t('me.noRecord')} /><//>`;
	return html`<${Page} title=${t('privacy.title')} intro=${t('privacy.intro')}>
		<section class="card block" aria-labelledby="h-export">
			<h2 id="h-export">${t('privacy.exportTitle')}</h2>
			<p>${t('privacy.exportBody')}</p>
			<div class="btn-row no-print">
				<button type="button" class="btn btn-primary" disabled=${all.busy} onClick=${showAll}>${t('mydata.show')}</button>
				${doc && html`<button type="button" class="btn btn-secondary" onClick=${() => window.print()}>${t('mydata.print')}</button>`}
				<a class="btn btn-quiet" href=${`/api/volunteers/${id}/export`} download=${`knooppunt-mijn-gegevens-${today()}.json`}>
					${t('privacy.exportButton')}</a>
			</div>
			<p class="hint no-print">${t('privacy.exportHint')}</p>
			<${Alert} error=${all.error} />
		</section>
		<section class="card block" aria-labelledby="h-year">
			<h2 id="h-year">${t('year.myTitle')}</h2>
			<p>${t('year.myBody')}</p>
			<a class="btn btn-secondary" href=${`/jaaroverzicht/${id}`}>${t('year.link')}</a>
		</section>
		<section class="card block" aria-labelledby="h-bank">
			<h2 id="h-bank">${t('bank.title')}</h2>
			<p class="hint">${t('bank.intro')}</p>
			<${BankAccount} volunteerId=${id} />
		</section>
		${doc && html`<${ReadableExport} d=${doc} />`}
		<section class=${doc ? 'card block no-print' : 'card block'} aria-labelledby="h-audit">
			<h2 id="h-audit">${t('privacy.auditTitle')}</h2>
			<p class="hint">${t('privacy.auditIntro')}</p>
			${audit.loading && !audit.data && html`<${Loading} />`}
			<${Alert} error=${audit.error} />
			${audit.data && (audit.data.items.length === 0
				? html`<${Empty} title=${t('privacy.auditNone')} />`
				: html`<${AuditRows} items=${audit.data.items} />
					<${Pager} data=${audit.data} offset=${offset} onOffset=${setOffset} />`)}
		</section>
		<section class=${doc ? 'card block no-print' : 'card block'} aria-labelledby="h-consent">
			<h2 id="h-consent">${t('consent.title')}</h2>
			<p class="hint">${t('consent.intro')}</p>
			${me.data && html`<${ConsentPanel} volunteer=${me.data} editable onChange=${audit.reload} />`}
			<${Alert} error=${me.error} />
		</section>
	<//>`;
}

// ---- the network administrator: /auditlog --------------------------------------------------

const AUDIT_FILTERS = ['volunteer_id', 'account_id', 'action', 'from', 'to'];

export function AuditLog() {
	const params = query();
	const [f, setF] = useState(Object.fromEntries(AUDIT_FILTERS.map((k) => [k, params[k] || ''])));
	const offset = Number(params.offset || 0);
	const pick = () => Object.fromEntries(AUDIT_FILTERS.map((k) => [k, params[k]]));
	const { data, error, loading } = useLoad(() => get(`/api/audit${qs({ ...pick(), limit: 25, offset })}`), [location.search]);
	const set = (k) => (v) => setF({ ...f, [k]: v });
	const apply = (next, off = 0) => navigate(`/auditlog${qs({ ...next, offset: off || '' })}`, true);
	const submit = (e) => {
		e.preventDefault();
		apply(f);
	};
	return html`<${Page} title=${t('audit.title')} intro=${t('audit.intro')} wide>
		<form class="filters card" role="search" aria-label=${t('audit.search')} onSubmit=${submit} novalidate>
			<${Input} name="volunteer_id" label=${t('audit.volunteerId')} inputmode="numeric" value=${f.volunteer_id} onInput=${set('volunteer_id')} error=${error} />
			<${Input} name="account_id" label=${t('audit.accountId')} inputmode="numeric" value=${f.account_id} onInput=${set('account_id')} error=${error} />
			<${Select} name="action" label=${t('audit.actionLabel')} value=${f.action} onChange=${set('action')} empty=${t('common.all')}
				options=${ACTIONS.map((a) => ({ value: a, label: t(`audit.actionName.${a}`) }))} error=${error} />
			<${Input} name="from" type="date" label=${t('audit.from')} value=${f.from} onInput=${set('from')} error=${error} />
			<${Input} name="to" type="date" label=${t('audit.to')} value=${f.to} onInput=${set('to')} error=${error} />
			<div class="filter-actions"><button class="btn btn-primary" type="submit">${t('common.search')}</button></div>
		</form>
		${loading && html`<${Loading} />`}
		${error && !AUDIT_FILTERS.includes(error.field) && html`<${Alert} error=${error} />`}
		${data && (data.items.length === 0
			? html`<${Empty} title=${t('audit.none')} />`
			: html`<p class="count" role="status">${t('audit.count', { n: data.total })}</p>
				<${AuditRows} items=${data.items} showVolunteer />
				<${Pager} data=${data} offset=${offset} onOffset=${(o) => apply(pick(), o)} />`)}
	<//>`;
}

// ---- erasure, on the volunteer's page for the administrator ------------------------------

export function ErasurePanel({ volunteer }) {
	const [step, setStep] = useState(0);
	const [reason, setReason] = useState('');
	const [sure, setSure] = useState(false);
	const [done, setDone] = useState(false);
	const { busy, error, run, setError } = useBusy();
	const name = `${volunteer.first_name} ${volunteer.last_name}`;
	const erase = (e) => {
		e.preventDefault();
		if (!sure) {
			setError({ field: 'sure', detail: t('erase.sureRequired') });
			return;
		}
		run(async () => {
			await api('POST', `/api/volunteers/${volunteer.id}/erasure`, { reason });
			forget('volunteers', volunteer.id);
			setDone(true);
		});
	};
	if (done) return html`<div class="notice" role="status">${t('erase.done')} <a href="/vrijwilligers">${t('volunteers.back')}</a></div>`;
	if (!step) {
		return html`<p>${t('erase.intro')}</p>
			<button type="button" class="btn btn-danger" onClick=${() => setStep(1)}>${t('erase.start')}</button>`;
	}
	return html`<form class="confirm form" onSubmit=${erase} novalidate>
		<p><strong>${t('erase.confirm', { name })}</strong></p>
		<p>${t('erase.explain')}</p>
		<${FormError} error=${error} fields=${['reason', 'sure']} />
		<${TextArea} prefix="er-" name="reason" label=${t('erase.reason')} hint=${t('erase.reasonHint')} value=${reason} onInput=${setReason} error=${error} maxlength="200" rows="2" />
		<div class=${error && error.field === 'sure' ? 'field field-invalid' : 'field'}>
			<label class="check single">
				<input type="checkbox" id="er-sure" checked=${sure} onChange=${(e) => setSure(e.currentTarget.checked)}
					aria-invalid=${error && error.field === 'sure' ? 'true' : undefined}
					aria-describedby=${error && error.field === 'sure' ? 'er-sure-error' : undefined} />
				<span>${t('erase.sure', { name })}</span>
			</label>
			${error && error.field === 'sure' && html`<p class="field-error" id="er-sure-error">${error.detail}</p>`}
		</div>
		<div class="btn-row">
			<button type="submit" class="btn btn-danger" disabled=${busy}>${t('erase.submit')}</button>
			<button type="button" class="btn btn-quiet" onClick=${() => setStep(0)}>${t('common.cancel')}</button>
		</div>
	</form>`;
}

// ---- accounts: /gebruikers -------------------------------------------------------------------

const ACCOUNT_FIELDS = ['display_name', 'email', 'role', 'organisation_id', 'volunteer_id'];

export function Accounts() {
	const params = query();
	const offset = Number(params.offset || 0);
	const { data, error, loading, reload } = useLoad(() => get(`/api/accounts${qs({ limit: 25, offset })}`), [location.search]);
	return html`<${Page} title=${t('accounts.title')} intro=${t('accounts.intro')} wide>
		<div class="split">
			<div class="split-main">
				${loading && !data && html`<${Loading} />`}
				<${Alert} error=${error} />
				${data && (data.items.length === 0
					? html`<${Empty} title=${t('accounts.none')} />`
					: html`<p class="count" role="status">${t('accounts.count', { n: data.total })}</p>
						<ul class="list">${data.items.map((a) => html`<li class="list-item" key=${a.id}>
							<div class="li-main"><span class="li-title">${a.display_name}</span><span class="muted">${a.email}</span></div>
							<div class="li-meta">${t(`role.${a.role}`)}${a.organisation_id ? ` · ${orgName(a.organisation_id)}` : ''}</div>
							<div class="li-end">${a.active ? html`<span class="badge badge-ok">${t('accounts.active')}</span>` : html`<span class="badge badge-off">${t('accounts.inactive')}</span>`}</div>
						</li>`)}</ul>
						<${Pager} data=${data} offset=${offset} onOffset=${(o) => navigate(`/gebruikers${qs({ offset: o || '' })}`, true)} />`)}
			</div>
			<aside class="split-side">
				<section class="card" aria-labelledby="h-new-account">
					<h2 id="h-new-account">${t('accounts.new')}</h2>
					<${AccountForm} onSaved=${reload} />
				</section>
			</aside>
		</div>
	<//>`;
}

export function AccountForm({ onSaved, volunteer }) {
	const admin = session.user.role === 'admin';
	const pfx = volunteer ? 'acc-' : 'f-';
	const roles = volunteer ? ['volunteer'] : admin ? ['coordinator', 'professional', 'referrer', 'admin'] : ['coordinator', 'professional'];
	const blank = {
		display_name: volunteer ? `${volunteer.first_name} ${volunteer.last_name}` : '', email: volunteer ? volunteer.email : '',
		role: roles[0], organisation_id: admin ? '' : String(session.user.organisation_id || ''),
	};
	const [f, setF] = useState(blank);
	const [saved, setSaved] = useState('');
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => setF({ ...f, [k]: v });
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			// Every login is an invitation: its owner chooses the password through
			// the mailed link; a volunteer's goes to the address on the record.
			const body = volunteer
				? { display_name: f.display_name, role: 'volunteer', volunteer_id: volunteer.id }
				: { display_name: f.display_name, email: f.email, role: f.role };
			if (!volunteer && f.organisation_id) body.organisation_id = Number(f.organisation_id);
			const a = await api('POST', '/api/accounts', body);
			setSaved(t('accounts.invited', { email: a.email }));
			setF(blank);
			if (onSaved) onSaved();
		});
	};
	return html`<form class="form" onSubmit=${submit} novalidate>
		<${FormError} error=${error} fields=${ACCOUNT_FIELDS} />
		<${Input} prefix=${pfx} name="display_name" label=${t('accounts.name')} value=${f.display_name} onInput=${set('display_name')} error=${error} maxlength="100" required />
		${volunteer
			? html`<p class="hint">${volunteer.email ? t('accounts.inviteHint', { email: volunteer.email }) : t('accounts.inviteNoEmail')}</p>`
			: html`<${Input} prefix=${pfx} name="email" type="email" label=${t('field.email')} hint=${t('accounts.emailHint')} autocomplete="off" value=${f.email} onInput=${set('email')} error=${error} required />`}
		${roles.length > 1 && html`<${Select} prefix=${pfx} name="role" label=${t('accounts.role')} value=${f.role} onChange=${set('role')} error=${error}
			options=${roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />`}
		${admin && !volunteer && ['coordinator', 'professional', 'referrer'].includes(f.role) && html`<${Select} prefix=${pfx} name="organisation_id" label=${t('accounts.organisation')}
			value=${f.organisation_id} onChange=${set('organisation_id')} error=${error} empty=${t('journey.choose')}
			options=${catalog.orgs.map((o) => ({ value: String(o.id), label: o.name }))} />`}
		<div class="form-actions">
			<button type="submit" class="btn btn-primary" disabled=${busy}>${t('accounts.create')}</button>
			<${Notice}>${saved}<//>
		</div>
	</form>`;
}

// On the volunteer's page: the volunteer's login, or a form to create one.
// The accounts API has no filter by volunteer, so the organisation's list is
// read page by page (a few hundred accounts at most per organisation).
async function findAccount(volunteerId) {
	for (let offset = 0; offset < 2000; offset += 200) {
		const d = await get(`/api/accounts?limit=200&offset=${offset}`);
		const a = d.items.find((x) => x.volunteer_id === volunteerId);
		if (a) return a;
		if (offset + d.items.length >= d.total) return null;
	}
	return null;
}

export function VolunteerAccount({ volunteer }) {
	const { data, error, loading, reload } = useLoad(() => findAccount(volunteer.id), [volunteer.id]);
	const [open, setOpen] = useState(false);
	if (loading && data === null && !error) return html`<${Loading} />`;
	if (error) return html`<${Alert} error=${error} />`;
	if (data) return html`<p>${t('accounts.hasLogin', { email: data.email })}</p>`;
	return html`<p class="muted">${t('accounts.noLogin')}</p>
		${open
			? html`<${AccountForm} volunteer=${volunteer} onSaved=${reload} />`
			: html`<button type="button" class="btn btn-secondary" onClick=${() => setOpen(true)}>${t('accounts.createLogin')}</button>`}`;
}

// Hours and expenses. The volunteer's page is phone first: today's usual
// entry is one tap ("Uren schrijven"), last week again is one more; a
// correction keeps the old version. The coordinator approves in bulk and
// decides on expense claims; the administrator keeps the allowance caps.
import { html, useState, get, api, session, useLoad, orgName } from '../core.js';
import { t, fmtDate, getLang } from '../i18n.js';
import { Page, Loading, Alert, Notice, Input, Select, TextArea, FormError, useBusy, Downloads } from '../ui.js';
import { today } from './journey.js';

export function fmtMinutes(m) {
	const h = Math.floor(m / 60), rest = m % 60;
	if (!h) return t('hours.min', { m: rest });
	return rest ? t('hours.hmin', { h, m: rest }) : t('hours.h', { h });
}

export function fmtEuro(cents) {
	return new Intl.NumberFormat(getLang() === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' })
		.format(cents / 100);
}

const badge = (kind, value) => html`<span class=${`badge badge-${kind}-${value}`}>${t(`${kind}.status.${value}`)}</span>`;
const month = () => today().slice(0, 7);

// Today's usual entries: one button each.
function Today({ volunteerId, onLogged }) {
	const data = useLoad(() => get(`/api/volunteers/${volunteerId}/hours/today`), [volunteerId]);
	const { busy, error, run } = useBusy();
	const log = (p) => run(async () => {
		await api('POST', '/api/hours', { volunteer_id: volunteerId, match_id: p.match_id, worked_on: p.worked_on, minutes: p.minutes });
		data.reload();
		onLogged();
	});
	if (data.loading && !data.data) return html`<${Loading} />`;
	if (data.error) return html`<${Alert} error=${data.error} />`;
	if (!data.data.items.length) return html`<p class="muted">${t('hours.noToday')}</p>`;
	return html`<ul class="rows">${data.data.items.map((p) => html`<li key=${p.match_id} class="hours-today">
		<strong>${p.title}</strong> <span class="muted">${fmtMinutes(p.minutes)}</span>
		${p.logged
			? html`<span class="badge badge-ok">${t('hours.done')}</span>`
			: html`<button type="button" class="btn btn-primary" disabled=${busy} onClick=${() => log(p)}>${t('hours.logThis')}</button>`}
	</li>`)}${error && html`<li class="field-error" role="alert">${error.detail}</li>`}</ul>`;
}

function Correct({ entry, onSaved }) {
	const [open, setOpen] = useState(false);
	const [minutes, setMinutes] = useState(String(entry.minutes));
	const { busy, error, run } = useBusy();
	const save = (e) => {
		e.preventDefault();
		run(async () => {
			await api('PATCH', `/api/hours/${entry.id}`, { minutes: Number(minutes) });
			setOpen(false);
			onSaved();
		});
	};
	if (!open) return html`<button type="button" class="btn btn-quiet btn-small" onClick=${() => setOpen(true)}>${t('hours.correct')}</button>`;
	return html`<form class="form-inline" onSubmit=${save} novalidate>
		<${Input} prefix=${`c${entry.id}-`} name="minutes" type="number" min="1" max="1440" label=${t('hours.minutes')} value=${minutes} onInput=${setMinutes} error=${error} />
		<button type="submit" class="btn btn-secondary btn-small" disabled=${busy}>${t('hours.save')}</button>
	</form>`;
}

function EntryRows({ items, onChanged, editable }) {
	if (!items.length) return html`<p class="muted">${t('hours.none')}</p>`;
	return html`<ul class="rows">${items.map((x) => html`<li key=${x.id} class="hours-row">
		<strong>${fmtDate(x.worked_on)}</strong> · ${fmtMinutes(x.minutes)} ${badge('hours', x.status)}
		${x.note && html`<span class="muted"> ${x.note}</span>`}
		${editable && x.status === 'logged' && html`<${Correct} entry=${x} onSaved=${onChanged} />`}
	</li>`)}</ul>`;
}

const ENTRY_FIELDS = ['worked_on', 'minutes', 'note'];

function OtherHours({ volunteerId, onSaved }) {
	const [f, setF] = useState({ worked_on: today(), minutes: '60', note: '' });
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => setF({ ...f, [k]: v });
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			await api('POST', '/api/hours', { volunteer_id: volunteerId, worked_on: f.worked_on, minutes: Number(f.minutes), note: f.note });
			setF({ ...f, note: '' });
			onSaved();
		});
	};
	return html`<form class="form" onSubmit=${submit} novalidate aria-labelledby="h-other-hours">
		<h3 class="sub-title" id="h-other-hours">${t('hours.otherTitle')}</h3>
		<${FormError} error=${error} fields=${ENTRY_FIELDS} />
		<${Input} prefix="h-" name="worked_on" type="date" label=${t('hours.date')} value=${f.worked_on} max=${today()} onInput=${set('worked_on')} error=${error} required />
		<${Input} prefix="h-" name="minutes" type="number" min="1" max="1440" inputmode="numeric" label=${t('hours.minutes')} value=${f.minutes} onInput=${set('minutes')} error=${error} required />
		<${Input} prefix="h-" name="note" label=${t('hours.note')} value=${f.note} onInput=${set('note')} error=${error} maxlength="500" />
		<button type="submit" class="btn btn-secondary" disabled=${busy}>${t('hours.log')}</button>
	</form>`;
}

const CLAIM_FIELDS = ['kind', 'incurred_on', 'km', 'travel_mode', 'amount_cents', 'description', 'receipt'];

// The receipt goes as the raw file to its own route.
async function uploadReceipt(id, file) {
	const res = await fetch(`/api/expenses/${id}/receipt`, {
		method: 'PUT', body: file, credentials: 'same-origin',
		headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-CSRF-Token': session.user.csrf_token, 'Accept-Language': getLang() },
	});
	if (!res.ok) {
		const data = await res.json().catch(() => ({}));
		const err = new Error(data.detail || t('error.generic'));
		err.detail = err.message;
		err.field = data.field || 'receipt';
		throw err;
	}
}

function ClaimForm({ volunteerId, onSaved }) {
	const [f, setF] = useState({ kind: 'kilometres', incurred_on: today(), km: '', travel_mode: 'car', amount: '', description: '' });
	const [file, setFile] = useState(null);
	const [saved, setSaved] = useState('');
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => setF({ ...f, [k]: v });
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			const body = { volunteer_id: volunteerId, kind: f.kind, incurred_on: f.incurred_on, description: f.description };
			if (f.kind === 'kilometres') Object.assign(body, { km: Number(f.km), travel_mode: f.travel_mode });
			else body.amount_cents = Math.round(Number(String(f.amount).replace(',', '.')) * 100);
			const claim = await api('POST', '/api/expenses', body);
			if (file) await uploadReceipt(claim.id, file);
			setSaved(claim.cap_warning ? t('expense.capWarning') : t('expense.saved'));
			setF({ ...f, km: '', amount: '', description: '' });
			onSaved();
		});
	};
	const kinds = ['kilometres', 'public_transport', 'other', 'allowance'].map((k) => ({ value: k, label: t(`expense.kind.${k}`) }));
	return html`<form class="form" onSubmit=${submit} novalidate aria-labelledby="h-claim">
		<h3 class="sub-title" id="h-claim">${t('expense.newTitle')}</h3>
		<${FormError} error=${error} fields=${CLAIM_FIELDS} />
		<${Select} prefix="e-" name="kind" label=${t('expense.kindLabel')} value=${f.kind} onChange=${set('kind')} options=${kinds} error=${error} required />
		<${Input} prefix="e-" name="incurred_on" type="date" label=${t('expense.date')} value=${f.incurred_on} max=${today()} onInput=${set('incurred_on')} error=${error} required />
		${f.kind === 'kilometres'
			? html`<${Input} prefix="e-" name="km" type="number" min="1" max="2000" inputmode="numeric" label=${t('expense.km')} value=${f.km} onInput=${set('km')} error=${error} required />
				<${Select} prefix="e-" name="travel_mode" label=${t('expense.mode')} value=${f.travel_mode} onChange=${set('travel_mode')}
					options=${[{ value: 'car', label: t('expense.car') }, { value: 'bike', label: t('expense.bike') }]} error=${error} required />`
			: html`<${Input} prefix="e-" name="amount_cents" inputmode="decimal" label=${t('expense.amount')} hint=${t('expense.amountHint')} value=${f.amount} onInput=${set('amount')} error=${error} required />`}
		<${Input} prefix="e-" name="description" label=${t('expense.description')} value=${f.description} onInput=${set('description')} error=${error} maxlength="500" required=${f.kind === 'other'} />
		${f.kind === 'other' && html`<div class="field">
			<label for="e-receipt">${t('expense.receipt')}</label>
			<p class="hint" id="e-receipt-hint">${t('expense.receiptHint')}</p>
			<input id="e-receipt" type="file" accept="image/jpeg,image/png,application/pdf" aria-describedby="e-receipt-hint"
				onChange=${(ev) => setFile(ev.target.files[0] || null)} />
		</div>`}
		<button type="submit" class="btn btn-secondary" disabled=${busy}>${t('expense.submit')}</button>
		<${Notice}>${saved}<//>
	</form>`;
}

function ClaimRows({ items, actions }) {
	if (!items.length) return html`<p class="muted">${t('expense.none')}</p>`;
	return html`<ul class="rows">${items.map((x) => html`<li key=${x.id} class="hours-row">
		${actions && html`<a href=${`/vrijwilligers/${x.volunteer_id}`}>${t('hours.volunteerNo', { id: x.volunteer_id })}</a>`}
		<strong>${t(`expense.kind.${x.kind}`)}</strong> · ${fmtDate(x.incurred_on)} · ${fmtEuro(x.amount_cents)}
		${x.kind === 'kilometres' && html`<span class="muted"> (${x.km} km)</span>`} ${badge('expense', x.status)}
		${x.cap_warning && html`<span class="badge badge-warn">${t('expense.capFlag')}</span>`}
		${x.description && html`<span class="muted"> ${x.description}</span>`}
		${x.reason && html`<span class="muted"> · ${t('expense.reason')}: ${x.reason}</span>`}
		${x.has_receipt && html` <a href=${`/api/expenses/${x.id}/receipt`} target="_blank" rel="noopener">${t('expense.showReceipt')}</a>`}
		${actions && actions(x)}
	</li>`)}</ul>`;
}

export function MyHours() {
	const id = session.user.volunteer_id;
	const entries = useLoad(() => get(`/api/hours?volunteer_id=${id}&limit=20`), [id]);
	const claims = useLoad(() => get(`/api/expenses?volunteer_id=${id}&limit=20`), [id]);
	const [notice, setNotice] = useState('');
	const { busy, error, run } = useBusy();
	const repeat = () => run(async () => {
		const r = await api('POST', `/api/volunteers/${id}/hours/repeat-week`, {});
		setNotice(t('hours.repeated', { n: r.created }));
		entries.reload();
	});
	return html`<${Page} title=${t('hours.myTitle')} intro=${t('hours.myIntro')}>
		<section aria-labelledby="h-today"><h2 id="h-today">${t('hours.today')}</h2>
			<${Today} volunteerId=${id} onLogged=${entries.reload} />
			<button type="button" class="btn btn-secondary" disabled=${busy} onClick=${repeat}>${t('hours.repeat')}</button>
			${error && html`<p class="field-error" role="alert">${error.detail}</p>`}
			<${Notice}>${notice}<//>
		</section>
		<section aria-labelledby="h-mine"><h2 id="h-mine">${t('hours.recent')}</h2>
			${entries.loading && !entries.data ? html`<${Loading} />` : html`<${Alert} error=${entries.error} />`}
			${entries.data && html`<${EntryRows} items=${entries.data.items} onChanged=${entries.reload} editable />`}
			<${OtherHours} volunteerId=${id} onSaved=${entries.reload} />
		</section>
		<section aria-labelledby="h-claims"><h2 id="h-claims">${t('expense.title')}</h2>
			${claims.data && html`<${ClaimRows} items=${claims.data.items} />`}
			<${Alert} error=${claims.error} />
			<${ClaimForm} volunteerId=${id} onSaved=${claims.reload} />
		</section>
	<//>`;
}

function Totals() {
	const data = useLoad(() => get(`/api/hours/totals?month=${month()}`), []);
	if (data.loading && !data.data) return html`<${Loading} />`;
	if (data.error) return html`<${Alert} error=${data.error} />`;
	const rows = data.data.items;
	if (!rows.length) return html`<p class="muted">${t('hours.noTotals')}</p>`;
	const caption = t('hours.totalsCaption', { month: data.data.month });
	return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${caption}><table class="table">
		<caption>${caption}</caption>
		<thead><tr><th scope="col">${t('hours.organisation')}</th><th scope="col">${t('hours.volunteer')}</th>
			<th scope="col">${t('hours.total')}</th><th scope="col">${t('hours.approved')}</th><th scope="col">${t('expense.title')}</th></tr></thead>
		<tbody>${rows.map((r) => html`<tr key=${`${r.organisation_id}-${r.volunteer_id}`}>
			<td>${orgName(r.organisation_id) || r.organisation_id}</td><td><a href=${`/vrijwilligers/${r.volunteer_id}`}>${t('hours.volunteerNo', { id: r.volunteer_id })}</a></td>
			<td>${fmtMinutes(r.minutes)}</td><td>${fmtMinutes(r.approved_minutes)}</td><td>${fmtEuro(r.expense_cents)}</td>
		</tr>`)}</tbody></table></div>
		<p><a href=${`/api/hours/totals.csv?month=${data.data.month}`} download>${t('hours.csv')}</a></p>`;
}

function Approvals() {
	const data = useLoad(() => get('/api/hours?status=logged&limit=100'), []);
	const [picked, setPicked] = useState([]);
	const [notice, setNotice] = useState('');
	const { busy, error, run } = useBusy();
	const toggle = (id) => setPicked(picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id]);
	const approve = () => run(async () => {
		const r = await api('POST', '/api/hours/approve', { ids: picked });
		setNotice(t('hours.approvedN', { n: r.approved }));
		setPicked([]);
		data.reload();
	});
	if (data.loading && !data.data) return html`<${Loading} />`;
	if (data.error) return html`<${Alert} error=${data.error} />`;
	const items = data.data.items;
	return html`<div>
		${!items.length && html`<p class="muted">${t('hours.nothingToApprove')}</p>`}
		${items.length > 0 && html`<fieldset class="checks"><legend>${t('hours.toApprove')}</legend>
			<button type="button" class="btn btn-quiet btn-small" onClick=${() => setPicked(items.map((x) => x.id))}>${t('hours.pickAll')}</button>
			${items.map((x) => html`<div class="check" key=${x.id}>
				<input type="checkbox" id=${`ap-${x.id}`} checked=${picked.includes(x.id)} onChange=${() => toggle(x.id)} />
				<label for=${`ap-${x.id}`}>${t('hours.entryLine', { vol: x.volunteer_id, date: fmtDate(x.worked_on), time: fmtMinutes(x.minutes) })}${x.note ? ` · ${x.note}` : ''}</label>
			</div>`)}</fieldset>
			<button type="button" class="btn btn-primary" disabled=${busy || !picked.length} onClick=${approve}>${t('hours.approve', { n: picked.length })}</button>`}
		${error && html`<p class="field-error" role="alert">${error.detail}</p>`}
		<${Notice}>${notice}<//>
	</div>`;
}

function Decide({ claim, onDone }) {
	const [reason, setReason] = useState('');
	const [rejecting, setRejecting] = useState(false);
	const { busy, error, run } = useBusy();
	const act = (action) => run(async () => {
		await api('PATCH', `/api/expenses/${claim.id}`, action === 'reject' ? { action, reason } : { action });
		onDone();
	});
	if (claim.status === 'approved') return html` <button type="button" class="btn btn-secondary btn-small" disabled=${busy} onClick=${() => act('pay')}>${t('expense.pay')}</button>`;
	if (claim.status !== 'submitted') return null;
	return html`<div class="btn-row">
		<button type="button" class="btn btn-primary btn-small" disabled=${busy} onClick=${() => act('approve')}>${t('expense.approve')}</button>
		${rejecting
			? html`<${TextArea} prefix=${`r${claim.id}-`} name="reason" label=${t('expense.reason')} value=${reason} onInput=${setReason} error=${error} rows="2" maxlength="500" required />
				<button type="button" class="btn btn-secondary btn-small" disabled=${busy} onClick=${() => act('reject')}>${t('expense.rejectNow')}</button>`
			: html`<button type="button" class="btn btn-quiet btn-small" onClick=${() => setRejecting(true)}>${t('expense.reject')}</button>`}
		${error && !rejecting && html`<p class="field-error" role="alert">${error.detail}</p>`}
	</div>`;
}

function Caps() {
	const data = useLoad(() => get('/api/allowance-caps'), []);
	const [f, setF] = useState({ year: String(new Date().getFullYear()), per_hour: '5,60', per_hour_young: '3,30', per_month: '210', per_year: '2100' });
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => setF({ ...f, [k]: v });
	const cents = (v) => Math.round(Number(String(v).replace(',', '.')) * 100);
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			await api('PUT', `/api/allowance-caps/${f.year}`, { per_hour_cents: cents(f.per_hour), per_hour_young_cents: cents(f.per_hour_young),
				per_month_cents: cents(f.per_month), per_year_cents: cents(f.per_year) });
			data.reload();
		});
	};
	return html`<div>
		${data.data && html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t('caps.caption')}><table class="table"><caption>${t('caps.caption')}</caption>
			<thead><tr><th scope="col">${t('caps.year')}</th><th scope="col">${t('caps.perHour')}</th><th scope="col">${t('caps.perHourYoung')}</th>
				<th scope="col">${t('caps.perMonth')}</th><th scope="col">${t('caps.perYear')}</th></tr></thead>
			<tbody>${data.data.items.map((c) => html`<tr key=${c.year}><td>${c.year}</td><td>${fmtEuro(c.per_hour_cents)}</td>
				<td>${fmtEuro(c.per_hour_young_cents)}</td><td>${fmtEuro(c.per_month_cents)}</td><td>${fmtEuro(c.per_year_cents)}</td></tr>`)}</tbody>
		</table></div>`}
		<form class="form" onSubmit=${submit} novalidate aria-labelledby="h-caps">
			<h3 class="sub-title" id="h-caps">${t('caps.set')}</h3>
			<${FormError} error=${error} fields=${['id', 'per_hour_cents', 'per_hour_young_cents', 'per_month_cents', 'per_year_cents']} />
			<${Input} prefix="k-" name="id" type="number" label=${t('caps.year')} value=${f.year} onInput=${set('year')} error=${error} required />
			<${Input} prefix="k-" name="per_hour_cents" inputmode="decimal" label=${t('caps.perHour')} value=${f.per_hour} onInput=${set('per_hour')} error=${error} required />
			<${Input} prefix="k-" name="per_hour_young_cents" inputmode="decimal" label=${t('caps.perHourYoung')} value=${f.per_hour_young} onInput=${set('per_hour_young')} error=${error} required />
			<${Input} prefix="k-" name="per_month_cents" inputmode="decimal" label=${t('caps.perMonth')} value=${f.per_month} onInput=${set('per_month')} error=${error} required />
			<${Input} prefix="k-" name="per_year_cents" inputmode="decimal" label=${t('caps.perYear')} value=${f.per_year} onInput=${set('per_year')} error=${error} required />
			<button type="submit" class="btn btn-secondary" disabled=${busy}>${t('caps.save')}</button>
		</form>
	</div>`;
}

export function HoursOverview() {
	const staff = session.user.role === 'coordinator';
	const claims = useLoad(() => (staff ? get('/api/expenses?limit=50') : Promise.resolve(null)), [staff]);
	return html`<${Page} title=${t('hours.title')} intro=${t(staff ? 'hours.introCoordinator' : 'hours.introAdmin')} wide
		actions=${html`<${Downloads} path="/api/hours" />`}>
		${staff && html`<section aria-labelledby="h-approve"><h2 id="h-approve">${t('hours.approveTitle')}</h2><${Approvals} /></section>
			<section aria-labelledby="h-decide"><h2 id="h-decide">${t('expense.title')}</h2>
				${claims.data && html`<${ClaimRows} items=${claims.data.items} actions=${(x) => html`<${Decide} claim=${x} onDone=${claims.reload} />`} />`}
				<${Alert} error=${claims.error} />
			</section>`}
		<section aria-labelledby="h-totals"><h2 id="h-totals">${t('hours.totals')}</h2><${Totals} /></section>
		${!staff && html`<section aria-labelledby="h-caps-list"><h2 id="h-caps-list">${t('caps.title')}</h2><${Caps} /></section>`}
	<//>`;
}

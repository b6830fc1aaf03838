// Warm transfers (warme doorverwijzing) between organisations: the sending
// coordinator starts one from the volunteer's page, the volunteer agrees to
// what is shared, the receiving coordinator accepts or declines.
import { html, useState, get, api, qs, query, navigate, session, useLoad, catalog, orgName, cached } from '../core.js';
import { t, fmtDate } from '../i18n.js';
import { Page, Loading, Alert, Empty, Notice, Select, TextArea, Checks, FormError, Pager, useBusy, Tags, dayparts } from '../ui.js';

export const PARTS = ['contact', 'availability', 'interests', 'vog', 'trainings', 'motivation', 'journey'];
const partOptions = () => PARTS.map((p) => ({ value: p, label: t(`transfer.part.${p}`) }));
const otherOrgs = (own) => catalog.orgs.filter((o) => o.id !== own && o.kind !== 'referrer' && o.active !== false);

export function TransferStatus({ value }) {
	const tone = { awaiting_consent: 'badge-volunteer-applied', offered: 'badge-match-accepted', accepted: 'badge-ok',
		declined: 'badge-late', withdrawn: 'badge-off' }[value] || 'badge-off';
	return html`<span class=${`badge ${tone}`}>${t(`transfer.status.${value}`)}</span>`;
}

// The volunteer's name: from the shared profile, else from the own record.
function Who({ tr }) {
	const [name, setName] = useState(tr.profile ? `${tr.profile.first_name} ${tr.profile.last_name}` : '');
	useLoad(async () => {
		if (name) return null;
		if (['offered', 'accepted'].includes(tr.status)) {
			const d = await get(`/api/transfers/${tr.id}`).catch(() => null);
			if (d && d.profile) setName(`${d.profile.first_name} ${d.profile.last_name}`);
			return null;
		}
		const mine = session.user.role === 'admin' || tr.from_organisation_id === session.user.organisation_id;
		if (mine) {
			const v = await cached('volunteers', tr.volunteer_id);
			if (v && !v.forbidden) setName(`${v.first_name} ${v.last_name}`);
		}
		return null;
	}, [tr.id]);
	return html`<span>${name || t('transfer.aVolunteer')}</span>`;
}

function Rows({ items }) {
	return html`<ul class="list">${items.map((tr) => html`<li class="list-item" key=${tr.id}>
		<div class="li-main">
			<a class="li-title" href=${`/doorverwijzingen/${tr.id}`}><${Who} tr=${tr} /></a>
			<span class="muted">${orgName(tr.from_organisation_id)} → ${orgName(tr.to_organisation_id)}</span>
		</div>
		<div class="li-meta small muted">${fmtDate(tr.updated_at)}</div>
		<div class="li-end"><${TransferStatus} value=${tr.status} /></div>
	</li>`)}</ul>`;
}

export function TransferList() {
	const params = query();
	const offset = Number(params.offset || 0);
	const { data, error, loading } = useLoad(() => get(`/api/transfers${qs({ status: params.status, limit: 50, offset })}`), [location.search]);
	const own = session.user.organisation_id;
	const incoming = data ? data.items.filter((x) => x.to_organisation_id === own) : [];
	const outgoing = data ? data.items.filter((x) => x.to_organisation_id !== own) : [];
	const sections = own
		? [['incoming', incoming], ['outgoing', outgoing]]
		: [['all', data ? data.items : []]];
	return html`<${Page} title=${t('transfer.title')} intro=${t('transfer.intro')} wide>
		${loading && html`<${Loading} />`}
		<${Alert} error=${error} />
		${data && sections.map(([key, items]) => html`<section class="card" aria-labelledby=${`h-tr-${key}`}>
			<h2 id=${`h-tr-${key}`}>${t(`transfer.${key}`)}</h2>
			${items.length === 0 ? html`<p class="muted">${t(`transfer.none_${key}`)}</p>` : html`<${Rows} items=${items} />`}
		</section>`)}
		${data && html`<${Pager} data=${data} offset=${offset} onOffset=${(o) => navigate(`/doorverwijzingen${qs({ status: params.status, offset: o || '' })}`, true)} />`}
	<//>`;
}

// What the receiving organisation gets to see: exactly the shared parts.
function SharedProfile({ p }) {
	const row = (label, value) => html`<div class="dl-row"><dt>${label}</dt><dd>${value}</dd></div>`;
	return html`<dl class="dl">
		${row(t('field.name'), `${p.first_name} ${p.last_name}`)}
		${p.email !== undefined && row(t('field.email'), p.email)}
		${p.phone !== undefined && row(t('field.phone'), p.phone || t('common.none'))}
		${p.place !== undefined && row(t('field.place'), p.place)}
		${p.availability !== undefined && row(t('transfer.part.availability'), dayparts(p.availability))}
		${p.activities !== undefined && row(t('field.activity'), html`<${Tags} kind="activity" codes=${p.activities} />`)}
		${p.themes !== undefined && row(t('field.theme'), html`<${Tags} kind="theme" codes=${p.themes} />`)}
		${p.vog_date !== undefined && row(t('transfer.part.vog'), p.vog_date ? fmtDate(p.vog_date) : t('common.none'))}
		${p.trainings !== undefined && row(t('transfer.part.trainings'), html`<${Tags} kind="training" codes=${p.trainings} />
			${(p.certificates || []).map((c) => html`<div>${c.title} · ${fmtDate(c.completed_on)}</div>`)}`)}
		${p.motivation_text !== undefined && row(t('transfer.part.motivation'), p.motivation_text || t('common.none'))}
		${p.journey !== undefined && row(t('transfer.part.journey'), p.journey.length
			? html`<ol class="timeline">${p.journey.map((s) => html`<li>${t(`transfer.step.${s.step}`)} · ${fmtDate(s.on_date)}</li>`)}</ol>`
			: t('common.none'))}
	</dl>`;
}

export function TransferPage({ id }) {
	const { data: tr, error, loading, reload } = useLoad(() => get(`/api/transfers/${id}`), [id]);
	const user = session.user;
	// The volunteer reads about herself in the second person, and goes back to her journey.
	const mine = user.role === 'volunteer';
	const back = mine ? html`<a href="/mijn-reis">${t('transfer.backMe')}</a>`
		: html`<a href="/doorverwijzingen">${t('transfer.back')}</a>`;
	if (loading && !tr) return html`<${Page} title=${t('transfer.one')}><${Loading} /><//>`;
	if (error) {
		return html`<${Page} title=${error.status === 403 ? t('error.forbiddenTitle') : t('notFound.title')}>
			<${Alert} error=${error} /><p>${back}</p>
		<//>`;
	}
	const receiver = user.role === 'admin' || tr.to_organisation_id === user.organisation_id;
	const sender = user.role === 'admin' || tr.from_organisation_id === user.organisation_id;
	return html`<${Page} title=${t('transfer.one')} wide
		intro=${html`<${TransferStatus} value=${tr.status} /> ${orgName(tr.from_organisation_id)} → ${orgName(tr.to_organisation_id)}`}>
		<div class="split">
			<div class="split-main">
				<section class="card" aria-labelledby="h-tr-msg">
					<h2 id="h-tr-msg">${t('transfer.message')}</h2>
					<p class="pre">${tr.message || t('transfer.noMessage')}</p>
					<p class="muted small">${t(`transfer.by_${tr.initiator}${mine && tr.initiator === 'volunteer' ? 'Me' : ''}`)} · ${fmtDate(tr.created_at, true)}</p>
					${tr.decision_note && html`<p><strong>${t('transfer.decisionNote')}</strong> ${tr.decision_note}</p>`}
				</section>
				<section class="card" aria-labelledby="h-tr-profile">
					<h2 id="h-tr-profile">${t('transfer.shared')}</h2>
					${tr.profile
						? html`<${SharedProfile} p=${tr.profile} />`
						: html`<p class="muted">${t(tr.status === 'awaiting_consent' ? `transfer.waitConsent${mine ? 'Me' : ''}` : 'transfer.notShared')}</p>`}
					${tr.profile && user.role !== 'volunteer' && tr.status === 'accepted' && receiver &&
						html`<p><a href=${`/vrijwilligers/${tr.volunteer_id}`}>${t('transfer.toVolunteer')}</a></p>`}
				</section>
			</div>
			<aside class="split-side">
				${tr.status === 'offered' && receiver && html`<${Decide} tr=${tr} onDone=${reload} />`}
				${['awaiting_consent', 'offered'].includes(tr.status) && sender && html`<${Withdraw} tr=${tr} onDone=${reload} />`}
				<p>${back}</p>
			</aside>
		</div>
	<//>`;
}

function Decide({ tr, onDone }) {
	const [note, setNote] = useState('');
	const { busy, error, run } = useBusy();
	const act = (action) => run(async () => {
		await api('PATCH', `/api/transfers/${tr.id}`, note ? { action, note } : { action });
		onDone();
	});
	return html`<section class="card" aria-labelledby="h-decide">
		<h2 id="h-decide">${t('transfer.decideTitle')}</h2>
		<p>${t('transfer.decideIntro', { org: orgName(tr.from_organisation_id) })}</p>
		<${FormError} error=${error} fields=${['note']} />
		<${TextArea} name="note" label=${t('transfer.note')} hint=${t('transfer.noteHint')} value=${note} onInput=${setNote} error=${error} maxlength="500" rows="3" />
		<div class="btn-row">
			<button type="button" class="btn btn-primary" disabled=${busy} onClick=${() => act('accept')}>${t('transfer.accept')}</button>
			<button type="button" class="btn btn-secondary" disabled=${busy} onClick=${() => act('decline')}>${t('transfer.decline')}</button>
		</div>
	</section>`;
}

function Withdraw({ tr, onDone }) {
	const [ask, setAsk] = useState(false);
	const { busy, error, run } = useBusy();
	const go = () => run(async () => {
		await api('PATCH', `/api/transfers/${tr.id}`, { action: 'withdraw' });
		onDone();
	});
	return html`<section class="card" aria-labelledby="h-withdraw">
		<h2 id="h-withdraw">${t('transfer.withdrawTitle')}</h2>
		<${Alert} error=${error} />
		${ask
			? html`<div class="confirm"><p><strong>${t('transfer.withdrawConfirm')}</strong></p><div class="btn-row">
				<button type="button" class="btn btn-danger" disabled=${busy} onClick=${go}>${t('transfer.withdrawYes')}</button>
				<button type="button" class="btn btn-quiet" onClick=${() => setAsk(false)}>${t('common.cancel')}</button></div></div>`
			: html`<button type="button" class="btn btn-secondary" onClick=${() => setAsk(true)}>${t('transfer.withdraw')}</button>`}
	</section>`;
}

// ---- on the volunteer's page (coordinator) --------------------------------------

const START_FIELDS = ['to_organisation_id', 'message', 'shared_parts', 'volunteer_id'];

export function TransferPanel({ volunteer }) {
	const list = useLoad(() => get(`/api/transfers?volunteer_id=${volunteer.id}&limit=20`), [volunteer.id]);
	const [open, setOpen] = useState(false);
	const [f, setF] = useState({ to: '', message: '', parts: ['contact', 'availability', 'interests'] });
	const { busy, error, run } = useBusy();
	const running = list.data && list.data.items.some((x) => ['awaiting_consent', 'offered'].includes(x.status));
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			const tr = await api('POST', '/api/transfers', {
				volunteer_id: volunteer.id, to_organisation_id: Number(f.to) || 0, message: f.message, shared_parts: f.parts,
			});
			navigate(`/doorverwijzingen/${tr.id}`);
		});
	};
	return html`<div>
		${list.loading && !list.data && html`<${Loading} />`}
		<${Alert} error=${list.error} />
		${list.data && (list.data.items.length
			? html`<${Rows} items=${list.data.items} />`
			: html`<p class="muted">${t('transfer.noneForVolunteer')}</p>`)}
		${!running && !open && html`<button type="button" class="btn btn-secondary" onClick=${() => setOpen(true)}>${t('transfer.start')}</button>`}
		${!running && open && html`<form class="form" onSubmit=${submit} novalidate aria-labelledby="h-tr-start">
			<h3 class="sub-title" id="h-tr-start">${t('transfer.startTitle')}</h3>
			<p class="hint">${t('transfer.startIntro')}</p>
			<${FormError} error=${error} fields=${START_FIELDS} />
			<${Select} prefix="tr-" name="to_organisation_id" label=${t('transfer.to')} value=${f.to} onChange=${(v) => setF({ ...f, to: v })}
				empty=${t('journey.choose')} required error=${error}
				options=${otherOrgs(volunteer.organisation_id).map((o) => ({ value: o.id, label: o.name }))} />
			<${TextArea} prefix="tr-" name="message" label=${t('transfer.message')} hint=${t('transfer.messageHint')} value=${f.message}
				onInput=${(v) => setF({ ...f, message: v })} error=${error} maxlength="2000" rows="4" />
			<${Checks} prefix="tr-" name="shared_parts" legend=${t('transfer.partsProposed')} hint=${t('transfer.partsHint')}
				options=${partOptions()} value=${f.parts} onChange=${(v) => setF({ ...f, parts: v })} error=${error} />
			<div class="btn-row">
				<button type="submit" class="btn btn-primary" disabled=${busy}>${t('transfer.send')}</button>
				<button type="button" class="btn btn-quiet" onClick=${() => setOpen(false)}>${t('common.cancel')}</button>
			</div>
		</form>`}
	</div>`;
}

// ---- the volunteer's own view ------------------------------------------------------

export function MyTransfers({ volunteer }) {
	const list = useLoad(() => get('/api/transfers?limit=20'), []);
	if (list.loading && !list.data) return html`<${Loading} />`;
	if (list.error) return html`<${Alert} error=${list.error} />`;
	const items = list.data.items;
	const running = items.some((x) => ['awaiting_consent', 'offered'].includes(x.status));
	return html`<div>
		${items.length === 0 && html`<p class="muted">${t('transfer.meNone')}</p>`}
		${items.map((tr) => html`<div class="transfer-me" key=${tr.id}>
			<p><${TransferStatus} value=${tr.status} /> <strong>${orgName(tr.to_organisation_id)}</strong>
				<span class="muted"> · ${fmtDate(tr.updated_at)}</span></p>
			<p>${t(`transfer.me.${tr.status}`, { from: orgName(tr.from_organisation_id), to: orgName(tr.to_organisation_id) })}</p>
			${tr.message && tr.status === 'awaiting_consent' && html`<p class="pre quote">${tr.message}</p>`}
			${tr.decision_note && html`<p><strong>${t('transfer.decisionNote')}</strong> ${tr.decision_note}</p>`}
			${tr.status === 'awaiting_consent' && html`<${ConsentToTransfer} tr=${tr} onDone=${list.reload} />`}
		</div>`)}
		${!running && html`<${AskTransfer} volunteer=${volunteer} onDone=${list.reload} />`}
	</div>`;
}

function ConsentToTransfer({ tr, onDone }) {
	const [parts, setParts] = useState(tr.shared_parts || []);
	const { busy, error, run } = useBusy();
	const act = (action) => run(async () => {
		await api('PATCH', `/api/transfers/${tr.id}`, action === 'consent' ? { action, shared_parts: parts } : { action });
		onDone();
	});
	return html`<div class="form">
		<${FormError} error=${error} fields=${['shared_parts']} />
		<${Checks} name="shared_parts" legend=${t('transfer.partsChoose', { org: orgName(tr.to_organisation_id) })} hint=${t('transfer.nameAlways')}
			options=${partOptions()} value=${parts} onChange=${setParts} error=${error} />
		<div class="btn-row">
			<button type="button" class="btn btn-primary" disabled=${busy} onClick=${() => act('consent')}>${t('transfer.consentYes')}</button>
			<button type="button" class="btn btn-secondary" disabled=${busy} onClick=${() => act('refuse')}>${t('transfer.consentNo')}</button>
		</div>
	</div>`;
}

function AskTransfer({ volunteer, onDone }) {
	const [open, setOpen] = useState(false);
	const [f, setF] = useState({ to: '', message: '', parts: ['contact', 'availability', 'interests'] });
	const [sent, setSent] = useState('');
	const { busy, error, run } = useBusy();
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			await api('POST', '/api/transfers', { to_organisation_id: Number(f.to) || 0, message: f.message, shared_parts: f.parts });
			setOpen(false);
			setSent(t('transfer.askSent'));
			onDone();
		});
	};
	if (!open) {
		return html`<div class="btn-row"><button type="button" class="btn btn-secondary" onClick=${() => setOpen(true)}>${t('transfer.ask')}</button>
			<${Notice}>${sent}<//></div>`;
	}
	return html`<form class="form" onSubmit=${submit} novalidate aria-labelledby="h-ask-transfer">
		<h3 class="sub-title" id="h-ask-transfer">${t('transfer.askTitle')}</h3>
		<p class="hint">${t('transfer.askIntro')}</p>
		<${FormError} error=${error} fields=${START_FIELDS} />
		<${Select} name="to_organisation_id" label=${t('transfer.to')} value=${f.to} onChange=${(v) => setF({ ...f, to: v })}
			empty=${t('journey.choose')} required error=${error}
			options=${otherOrgs(volunteer.organisation_id).map((o) => ({ value: o.id, label: o.name }))} />
		<${TextArea} name="message" label=${t('transfer.askMessage')} value=${f.message} onInput=${(v) => setF({ ...f, message: v })} error=${error} maxlength="2000" rows="3" />
		<${Checks} name="shared_parts" legend=${t('transfer.partsChoose', { org: f.to ? orgName(Number(f.to)) : t('transfer.theOrg') })} hint=${t('transfer.nameAlways')}
			options=${partOptions()} value=${f.parts} onChange=${(v) => setF({ ...f, parts: v })} error=${error} />
		<div class="btn-row">
			<button type="submit" class="btn btn-primary" disabled=${busy}>${t('transfer.askSend')}</button>
			<button type="button" class="btn btn-quiet" onClick=${() => setOpen(false)}>${t('common.cancel')}</button>
		</div>
	</form>`;
}

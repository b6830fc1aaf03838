// An organisation's locations: the coordinator adds, renames and switches
// them off, and says at which locations each professional works; a call
// gets a location; the professional's home says where she works.
import { html, useState, get, api, session, useLoad } from '../core.js';
import { t } from '../i18n.js';
import { Page, Loading, Alert, Empty, Input, Select, FormError, Notice, useBusy } from '../ui.js';

const READERS = ['admin', 'coordinator', 'professional'];

// The caller's organisation's locations ({ items }), or null for whoever does not see them.
export function useLocations() {
	const role = session.user && session.user.role;
	return useLoad(() => (READERS.includes(role) ? get('/api/locations') : Promise.resolve(null)), [role]);
}

export function locationName(locations, id) {
	const l = locations && id ? locations.items.find((x) => x.id === id) : null;
	if (!l) return '';
	return l.active ? l.name : t('loc.switchedOffName', { name: l.name });
}

// The location picker of a call form. A professional who works at locations
// chooses one of hers; others may leave it at "the whole organisation". A
// location that was switched off stays on a call that has it.
export function LocationPicker({ locations, value, onChange, error }) {
	if (!locations || locations.items.length === 0) return null;
	const professional = session.user.role === 'professional';
	const mine = locations.items.filter((l) => l.mine);
	const pool = professional && mine.length > 0 ? mine : locations.items;
	const options = pool.filter((l) => l.active || String(l.id) === String(value))
		.map((l) => ({ value: l.id, label: locationName(locations, l.id) + (l.place ? ` (${l.place})` : '') }));
	const onlyMine = professional && mine.length > 0;
	return html`<${Select} name="location_id" label=${t('calls.location')} value=${value} onChange=${onChange} error=${error}
		required=${onlyMine} empty=${onlyMine ? undefined : t('loc.wholeOrganisation')}
		hint=${t(onlyMine ? 'loc.pickerHintMine' : 'loc.pickerHint')} options=${options} />`;
}

// Where the professional works, said on her home page.
export function WhereIWork({ locations }) {
	if (!locations) return null;
	const mine = locations.items.filter((l) => l.mine);
	return html`<p class="where-i-work" id="where-i-work">${mine.length > 0
		? t('loc.youWorkAt', { names: mine.map((l) => locationName(locations, l.id)).join(', ') })
		: t('loc.youWorkEverywhere')}</p>`;
}

function LocationRow({ l, onChange }) {
	const [editing, setEditing] = useState(false);
	const [asking, setAsking] = useState(false);
	const [f, setF] = useState({ name: l.name, address: l.address, place: l.place });
	const [done, setDone] = useState('');
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => setF((o) => ({ ...o, [k]: v }));
	const pfx = `loc${l.id}-`;
	const save = (e) => {
		e.preventDefault();
		run(async () => {
			await api('PATCH', `/api/locations/${l.id}`, f);
			setEditing(false);
			setDone(t('loc.saved'));
			onChange();
		});
	};
	const toggle = () => run(async () => {
		await api('PATCH', `/api/locations/${l.id}`, { active: !l.active });
		setAsking(false);
		setDone(t(l.active ? 'loc.switchedOff' : 'loc.switchedOn', { name: l.name }));
		onChange();
	});
	return html`<li class="list-item location" key=${l.id}>
		<div class="li-main">
			<span class="li-title">${l.name}</span>
			<span class="muted">${[l.address, l.place].filter(Boolean).join(', ')}</span>
		</div>
		<div class="li-end">${l.active ? html`<span class="badge badge-ok">${t('loc.on')}</span>` : html`<span class="badge badge-off">${t('loc.off')}</span>`}</div>
		<${Notice}>${done}<//>
		${!editing && !asking && html`<div class="actions">
			<button class="btn btn-quiet" type="button" aria-label=${t('loc.edit', { name: l.name })}
				onClick=${() => { setDone(''); setEditing(true); }}>${t('loc.editShort')}</button>
			<button class="btn btn-quiet" type="button" aria-label=${t(l.active ? 'loc.switchOff' : 'loc.switchOn', { name: l.name })}
				onClick=${() => (l.active ? setAsking(true) : toggle())} disabled=${busy}>${t(l.active ? 'loc.switchOffShort' : 'loc.switchOnShort')}</button>
		</div>`}
		${asking && html`<div class="confirm" role="group" aria-labelledby=${`${pfx}ask`}>
			<p id=${`${pfx}ask`}>${t('loc.askOff', { name: l.name })}</p>
			<button class="btn btn-danger" type="button" onClick=${toggle} disabled=${busy}>${t('loc.yesOff')}</button>
			<button class="btn btn-quiet" type="button" onClick=${() => setAsking(false)}>${t('loc.no')}</button>
		</div>`}
		${editing && html`<form class="form" onSubmit=${save} novalidate>
			<${FormError} error=${error} fields=${['name', 'address', 'place']} />
			<${Input} prefix=${pfx} name="name" label=${t('loc.name')} value=${f.name} onInput=${set('name')} error=${error} required maxlength="160" />
			<${Input} prefix=${pfx} name="address" label=${t('loc.address')} value=${f.address} onInput=${set('address')} error=${error} maxlength="200" />
			<${Input} prefix=${pfx} name="place" label=${t('loc.place')} value=${f.place} onInput=${set('place')} error=${error} required maxlength="100" />
			<div class="form-actions">
				<button class="btn btn-primary" type="submit" disabled=${busy}>${t('loc.save')}</button>
				<button class="btn btn-quiet" type="button" onClick=${() => setEditing(false)}>${t('loc.cancel')}</button>
			</div>
		</form>`}
		${!editing && error && html`<${Alert} error=${error} />`}
	</li>`;
}

function NewLocation({ organisationId, onSaved }) {
	const blank = { name: '', address: '', place: '' };
	const [f, setF] = useState(blank);
	const [done, setDone] = useState('');
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => setF((o) => ({ ...o, [k]: v }));
	const submit = (e) => {
		e.preventDefault();
		setDone('');
		run(async () => {
			const l = await api('POST', '/api/locations', organisationId ? { ...f, organisation_id: organisationId } : f);
			setF(blank);
			setDone(t('loc.added', { name: l.name }));
			onSaved();
		});
	};
	return html`<form class="form" onSubmit=${submit} novalidate>
		<${FormError} error=${error} fields=${['name', 'address', 'place']} />
		<${Notice}>${done}<//>
		<${Input} prefix="new-" name="name" label=${t('loc.name')} hint=${t('loc.nameHint')} value=${f.name} onInput=${set('name')} error=${error} required maxlength="160" />
		<${Input} prefix="new-" name="address" label=${t('loc.address')} value=${f.address} onInput=${set('address')} error=${error} maxlength="200" />
		<${Input} prefix="new-" name="place" label=${t('loc.place')} value=${f.place} onInput=${set('place')} error=${error} required maxlength="100" />
		<div class="form-actions"><button class="btn btn-primary" type="submit" disabled=${busy}>${t('loc.add')}</button></div>
	</form>`;
}

// One professional and the locations she works at, as checkboxes.
function Assignment({ account, locations, onSaved }) {
	const has = (l) => l.account_ids.includes(account.id);
	const [chosen, setChosen] = useState(() => locations.items.filter(has).map((l) => l.id));
	const [done, setDone] = useState('');
	const { busy, error, run } = useBusy();
	const shown = locations.items.filter((l) => l.active || has(l));
	const toggle = (id, on) => {
		setDone('');
		setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
	};
	const save = (e) => {
		e.preventDefault();
		run(async () => {
			await api('PUT', `/api/accounts/${account.id}/locations`, { location_ids: chosen });
			setDone(t(chosen.length ? 'loc.assigned' : 'loc.assignedNone', { name: account.display_name }));
			onSaved();
		});
	};
	const id = `as-${account.id}`;
	return html`<form class="form assignment" onSubmit=${save} novalidate>
		<fieldset class="checks" id=${id}>
			<legend>${t('loc.worksAt', { name: account.display_name })}</legend>
			<div class="check-list">
				${shown.map((l) => html`<label class="check" key=${l.id}>
					<input type="checkbox" name=${`${id}-loc`} value=${l.id} checked=${chosen.includes(l.id)}
						onChange=${(e) => toggle(l.id, e.currentTarget.checked)} />
					<span>${locationName(locations, l.id)}</span></label>`)}
			</div>
		</fieldset>
		<p class="muted">${t('loc.noneMeansAll')}</p>
		<${Alert} error=${error} />
		<${Notice}>${done}<//>
		<div class="form-actions"><button class="btn btn-secondary" type="submit" disabled=${busy}>${t('loc.saveFor', { name: account.display_name })}</button></div>
	</form>`;
}

// The organisation's active professionals (organisationId: of that one, for
// the administrator). The accounts API has no filter by role or
// organisation, so its list is read page by page.
async function professionals(organisationId) {
	const found = [];
	const wanted = (a) => a.role === 'professional' && a.active && (!organisationId || a.organisation_id === organisationId);
	for (let offset = 0; offset < 5000; offset += 200) {
		const d = await get(`/api/accounts?limit=200&offset=${offset}`);
		found.push(...d.items.filter(wanted));
		if (offset + d.items.length >= d.total) break;
	}
	return found;
}

// /locaties: the coordinator's locations and who works where.
export function LocationsPage() {
	return html`<${Page} title=${t('loc.title')} intro=${t('loc.intro')} wide>
		<${LocationsManager} />
	<//>`;
}

// The locations of the caller's organisation, or (organisationId, the
// administrator on an organisation's page) of that one.
export function LocationsManager({ organisationId }) {
	const locations = useLoad(() => get(`/api/locations${organisationId ? `?organisation_id=${organisationId}` : ''}`), [organisationId]);
	const accounts = useLoad(() => professionals(organisationId), [organisationId]);
	const pros = accounts.data || [];
	const data = locations.data;
	return html`<div class="split">
			<div class="split-main">
				${locations.loading && !data && html`<${Loading} />`}
				<${Alert} error=${locations.error} />
				${data && (data.items.length === 0
					? html`<${Empty} title=${t('loc.none')} />`
					: html`<ul class="list" aria-label=${t('loc.title')}>${data.items.map((l) => html`<${LocationRow} key=${`${l.id}-${l.updated_at}`} l=${l} onChange=${locations.reload} />`)}</ul>`)}
				<section class="card" aria-labelledby="h-who-where">
					<h2 id="h-who-where">${t('loc.whoWhere')}</h2>
					<${Alert} error=${accounts.error} />
					${data && accounts.data && (pros.length === 0
						? html`<p class="muted">${t('loc.noProfessionals')}</p>`
						: data.items.length === 0
							? html`<p class="muted">${t('loc.addFirst')}</p>`
							: pros.map((a) => html`<${Assignment} key=${`${a.id}-${data.items.length}`} account=${a} locations=${data} onSaved=${locations.reload} />`))}
				</section>
			</div>
			<aside class="split-side">
				<section class="card" aria-labelledby="h-new-location">
					<h2 id="h-new-location">${t('loc.new')}</h2>
					<${NewLocation} organisationId=${organisationId} onSaved=${locations.reload} />
				</section>
			</aside>
		</div>`;
}

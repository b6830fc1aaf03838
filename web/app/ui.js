// Building blocks of every page: page frame, form fields that show the
// server's Dutch error next to the field it names, the availability grid,
// status labels and empty states.
import { html, useEffect, useRef, useState, catalog, routing } from './core.js';
import { t, itemLabel } from './i18n.js';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const PARTS = ['morning', 'afternoon', 'evening'];

// The frame of a page: its title in <h1> (focused after navigation, so a
// screen reader announces the new page) and in the document title.
export function Page({ title, intro, actions, children, wide }) {
	const ref = useRef(null);
	useEffect(() => {
		document.title = `${title} · Knooppunt`;
		if (ref.current && routing.moved) {
			routing.moved = false;
			ref.current.focus();
		}
	}, [title]);
	return html`<div class=${wide ? 'page page-wide' : 'page'}>
		<div class="page-head">
			<h1 tabindex="-1" ref=${ref}>${title}</h1>
			${actions && html`<div class="page-actions">${actions}</div>`}
		</div>
		${intro && html`<p class="intro">${intro}</p>`}
		${children}
	</div>`;
}

export function Loading() {
	return html`<p class="loading" role="status">${t('common.loading')}</p>`;
}

export function Empty({ title, children }) {
	return html`<div class="empty" role="status">
		<p class="empty-title">${title}</p>
		${children && html`<div class="empty-body">${children}</div>`}
	</div>`;
}

// An error of a whole request (not tied to a field shown on the page).
export function Alert({ error, children }) {
	if (!error && !children) return null;
	return html`<div class="alert" role="alert">${error ? error.detail : children}</div>`;
}

export function Notice({ children }) {
	if (!children) return null;
	return html`<div class="notice" role="status">${children}</div>`;
}

// The error summary of a form: shown when the server names a field that is
// not on this form, or no field at all.
export function FormError({ error, fields }) {
	if (!error) return null;
	if (error.field && fields.includes(error.field)) {
		return html`<div class="alert" role="alert">${t('form.check')}</div>`;
	}
	return html`<div class="alert" role="alert">${error.detail}</div>`;
}

// The server's message for this field, with its JSON name ('first_name')
// replaced by the label the person sees ('Voornaam').
function fieldError(error, name, label) {
	if (!error || error.field !== name) return '';
	return label && typeof label === 'string' ? error.detail.split(`'${name}'`).join(`‘${label}’`) : error.detail;
}

// `prefix` keeps ids unique when two forms on one page have a field of the
// same name (the profile's VOG date and the journey's); default "f-".
export function Field({ name, label, error, hint, children, required, prefix = 'f-' }) {
	const msg = fieldError(error, name, label);
	return html`<div class=${msg ? 'field field-invalid' : 'field'}>
		<label for=${`${prefix}${name}`}>${label}${required && html`<span class="req" aria-hidden="true"> *</span>`}</label>
		${hint && html`<p class="hint" id=${`${prefix}${name}-hint`}>${hint}</p>`}
		${children}
		${msg && html`<p class="field-error" id=${`${prefix}${name}-error`}>${msg}</p>`}
	</div>`;
}

function describedBy(name, error, hint, prefix = 'f-') {
	const ids = [];
	if (hint) ids.push(`${prefix}${name}-hint`);
	if (fieldError(error, name)) ids.push(`${prefix}${name}-error`);
	return ids.length ? ids.join(' ') : undefined;
}

export function Input({ name, label, value, onInput, error, hint, type = 'text', required, autocomplete, maxlength, min, max, inputmode, prefix = 'f-' }) {
	return html`<${Field} name=${name} label=${label} error=${error} hint=${hint} required=${required} prefix=${prefix}>
		<input id=${`${prefix}${name}`} name=${name} type=${type} value=${value ?? ''} required=${required}
			autocomplete=${autocomplete} maxlength=${maxlength} min=${min} max=${max} inputmode=${inputmode}
			aria-invalid=${fieldError(error, name) ? 'true' : undefined}
			aria-describedby=${describedBy(name, error, hint, prefix)}
			onInput=${(e) => onInput(e.currentTarget.value)} />
	<//>`;
}

export function TextArea({ name, label, value, onInput, error, hint, required, maxlength, rows = 4, prefix = 'f-' }) {
	return html`<${Field} name=${name} label=${label} error=${error} hint=${hint} required=${required} prefix=${prefix}>
		<textarea id=${`${prefix}${name}`} name=${name} rows=${rows} required=${required} maxlength=${maxlength}
			aria-invalid=${fieldError(error, name) ? 'true' : undefined}
			aria-describedby=${describedBy(name, error, hint, prefix)}
			onInput=${(e) => onInput(e.currentTarget.value)}>${value ?? ''}</textarea>
	<//>`;
}

// options: [{ value, label }]
export function Select({ name, label, value, onChange, options, error, hint, required, empty, prefix = 'f-' }) {
	return html`<${Field} name=${name} label=${label} error=${error} hint=${hint} required=${required} prefix=${prefix}>
		<select id=${`${prefix}${name}`} name=${name} required=${required}
			aria-invalid=${fieldError(error, name) ? 'true' : undefined}
			aria-describedby=${describedBy(name, error, hint, prefix)}
			onChange=${(e) => onChange(e.currentTarget.value)}>
			${empty !== undefined && html`<option value="">${empty}</option>`}
			${options.map((o) => html`<option value=${o.value} selected=${String(o.value) === String(value ?? '')}>${o.label}</option>`)}
		</select>
	<//>`;
}

// A group of checkboxes in a fieldset; value is an array of codes.
export function Checks({ name, legend, hint, options, value, onChange, error, columns, prefix = 'f-' }) {
	const msg = fieldError(error, name, legend);
	const toggle = (code, on) => onChange(on ? [...value, code] : value.filter((c) => c !== code));
	return html`<fieldset class=${msg ? 'checks field-invalid' : 'checks'} id=${`${prefix}${name}`}
			aria-describedby=${describedBy(name, error, hint, prefix)}>
		<legend>${legend}</legend>
		${hint && html`<p class="hint" id=${`${prefix}${name}-hint`}>${hint}</p>`}
		<div class=${columns ? 'check-list check-cols' : 'check-list'}>
			${options.map((o) => html`<label class="check">
				<input type="checkbox" name=${name} value=${o.value} checked=${value.includes(o.value)}
					onChange=${(e) => toggle(o.value, e.currentTarget.checked)} />
				<span>${o.label}</span>
			</label>`)}
		</div>
		${msg && html`<p class="field-error" id=${`${prefix}${name}-error`}>${msg}</p>`}
	</fieldset>`;
}

// The values to choose from: those in use, and any switched-off value the
// record already carries (`keep`), so that saving never drops it unseen.
export function listOptions(kind, keep = []) {
	const kept = new Set((Array.isArray(keep) ? keep : [keep]).filter(Boolean));
	return (catalog.lists[kind] || []).filter((it) => it.active !== false || kept.has(it.code))
		.map((it) => ({ value: it.code, label: it.active === false ? t('lists.retired', { label: itemLabel(it) }) : itemLabel(it) }));
}

// 7 days × morning/afternoon/evening: each cell is a real checkbox, so a
// mouse, a finger, Tab and Space all work and screen readers say
// "maandag ochtend, aangevinkt".
export function AvailabilityGrid({ name = 'availability', legend, hint, value, onChange, error, readOnly }) {
	const msg = fieldError(error, name, legend);
	const set = new Set(value || []);
	const toggle = (slot, on) => {
		const next = new Set(set);
		if (on) next.add(slot);
		else next.delete(slot);
		onChange(DAYS.flatMap((d) => PARTS.map((p) => `${d}-${p}`)).filter((s) => next.has(s)));
	};
	return html`<fieldset class=${msg ? 'grid-field field-invalid' : 'grid-field'} id=${`f-${name}`}>
		<legend>${legend}</legend>
		${hint && html`<p class="hint">${hint}</p>`}
		<table class="avail">
			<thead><tr><td></td>${PARTS.map((p) => html`<th scope="col">${t(`part.${p}`)}</th>`)}</tr></thead>
			<tbody>
			${DAYS.map((d) => html`<tr>
				<th scope="row"><span class="day-long">${t(`day.${d}`)}</span><span class="day-short" aria-hidden="true">${t(`dayShort.${d}`)}</span></th>
				${PARTS.map((p) => {
					const slot = `${d}-${p}`;
					const on = set.has(slot);
					return html`<td>
						<label class=${on ? 'slot slot-on' : 'slot'}>
							<input type="checkbox" checked=${on} disabled=${readOnly} data-slot=${slot}
								aria-label=${`${t(`day.${d}`)} ${t(`part.${p}`)}`}
								onChange=${(e) => toggle(slot, e.currentTarget.checked)} />
							<span class="slot-mark" aria-hidden="true">${on ? '✓' : ''}</span>
						</label>
					</td>`;
				})}
			</tr>`)}
			</tbody>
		</table>
		${msg && html`<p class="field-error">${msg}</p>`}
	</fieldset>`;
}

// Day-parts in words: "maandag ochtend, woensdag avond".
export function dayparts(list) {
	if (!list || !list.length) return t('common.none');
	return list.map((s) => {
		const [d, p] = s.split('-');
		return `${t(`day.${d}`)} ${t(`part.${p}`)}`;
	}).join(', ');
}

export function Status({ kind, value }) {
	return html`<span class=${`badge badge-${kind}-${value}`}>${t(`status.${kind}.${value}`)}</span>`;
}

// Previous/next for a list answer { total, limit, offset }.
export function Pager({ data, offset, onOffset }) {
	if (!data || data.total <= data.limit) return null;
	const last = Math.min(data.offset + data.items.length, data.total);
	return html`<nav class="pager" aria-label=${t('common.pages')}>
		<button type="button" class="btn btn-quiet" disabled=${offset === 0}
			onClick=${() => onOffset(Math.max(0, offset - data.limit))}>${t('common.previous')}</button>
		<span>${t('common.range', { from: data.offset + 1, to: last, total: data.total })}</span>
		<button type="button" class="btn btn-quiet" disabled=${last >= data.total}
			onClick=${() => onOffset(offset + data.limit)}>${t('common.next')}</button>
	</nav>`;
}

// A button that runs an async action and shows that it is busy.
export function useBusy() {
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState(null);
	const run = async (fn) => {
		setBusy(true);
		setError(null);
		try {
			return await fn();
		} catch (e) {
			setError(e);
			return undefined;
		} finally {
			setBusy(false);
		}
	};
	return { busy, error, setError, run };
}

// The state of an edit form: its values (initial may be a function, as for
// useState), a setter per field that clears the "saved" line, and useBusy
// for the submit.
export function useForm(initial) {
	const [f, setF] = useState(initial);
	const [saved, setSaved] = useState('');
	const set = (k) => (v) => {
		setSaved('');
		setF((o) => ({ ...o, [k]: v }));
	};
	return { f, setF, set, saved, setSaved, ...useBusy() };
}

export function labels(kind, codes) {
	const items = catalog.lists[kind] || [];
	return (codes || []).map((c) => itemLabel(items.find((it) => it.code === c)) || c);
}

export function Tags({ kind, codes }) {
	const ls = labels(kind, codes);
	if (!ls.length) return html`<span class="muted">${t('common.none')}</span>`;
	return html`<ul class="tags">${ls.map((l) => html`<li>${l}</li>`)}</ul>`;
}

// Links that download the list on this page as a spreadsheet, with the
// page's filters (GET /api/…csv and …xlsx: the same rows as the list).
export function Downloads({ path }) {
	const params = new URLSearchParams(location.search);
	params.delete('offset');
	const search = params.toString() ? `?${params}` : '';
	return html`<a class="btn btn-quiet" href=${`${path}.csv${search}`} download>${t('export.csv')}</a>
		<a class="btn btn-quiet" href=${`${path}.xlsx${search}`} download>${t('export.xlsx')}</a>`;
}

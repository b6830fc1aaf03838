// A coordinator's private notes and contact log about a volunteer, on the
// volunteer's page: for the staff of the volunteer's organisation only.
import { html, useState, get, api, useLoad } from '../core.js';
import { t, fmtDate } from '../i18n.js';
import { Alert, Select, TextArea, Input, FormError, useBusy } from '../ui.js';
import { today } from './journey.js';

const CHANNELS = ['phone', 'email', 'visit', 'meeting', 'other'];

function blank() {
	return { kind: 'contact', channel: 'phone', happened_on: today(), body: '' };
}

export function NotesPanel({ volunteerId, canWrite }) {
	const { data, error, reload } = useLoad(() => get(`/api/volunteers/${volunteerId}/notes`), [volunteerId]);
	const [f, setF] = useState(blank);
	const [saved, setSaved] = useState('');
	const save = useBusy();
	const set = (k) => (v) => {
		setSaved('');
		setF((old) => ({ ...old, [k]: v }));
	};
	const submit = (e) => {
		e.preventDefault();
		const body = f.kind === 'note' ? { kind: 'note', body: f.body } : f;
		save.run(async () => {
			await api('POST', `/api/volunteers/${volunteerId}/notes`, body);
			setF({ ...blank(), kind: f.kind });
			setSaved(t('notes.saved'));
			reload();
		});
	};
	const fields = ['kind', 'channel', 'happened_on', 'body'];
	return html`<div class="notes">
		<p class="hint">${t('notes.intro')}</p>
		${canWrite && html`<form class="form" onSubmit=${submit} novalidate>
			<${FormError} error=${save.error} fields=${fields} />
			<fieldset class="checks" id="n-kind">
				<legend>${t('notes.kind')}</legend>
				<div class="check-list">${['contact', 'note'].map((k) => html`<label class="check">
					<input type="radio" name="kind" value=${k} checked=${f.kind === k} onChange=${() => set('kind')(k)} />
					<span>${t(`notes.kind_${k}`)}</span></label>`)}</div>
			</fieldset>
			${f.kind === 'contact' && html`<div class="row2">
				<${Select} prefix="n-" name="channel" label=${t('notes.channel')} value=${f.channel} onChange=${set('channel')} error=${save.error}
					options=${CHANNELS.map((c) => ({ value: c, label: t(`notes.channel_${c}`) }))} />
				<${Input} prefix="n-" name="happened_on" type="date" label=${t('notes.when')} value=${f.happened_on} onInput=${set('happened_on')} error=${save.error} required />
			</div>`}
			<${TextArea} prefix="n-" name="body" label=${t(f.kind === 'note' ? 'notes.bodyNote' : 'notes.bodyContact')} value=${f.body} onInput=${set('body')} error=${save.error} required maxlength="2000" rows="3" />
			<div class="form-actions">
				<button class="btn btn-primary" type="submit" disabled=${save.busy}>${t('notes.add')}</button>
				${saved && html`<p class="notice" role="status">${saved}</p>`}
			</div>
		</form>`}
		<${Alert} error=${error} />
		${data && (data.items.length === 0
			? html`<p class="muted">${t('notes.none')}</p>`
			: html`<ul class="rows notes-list">${data.items.map((n) => html`<li key=${n.id}>
				<div><strong>${n.kind === 'contact'
					? t('notes.contactLine', { channel: t(`notes.channel_${n.channel}`), date: fmtDate(n.happened_on) })
					: t('notes.kind_note')}</strong></div>
				<div class="note-body">${n.body}</div>
				<div class="muted small">${t('notes.by', { name: n.author_name || t('audit.unknown'), date: fmtDate(n.created_at, true) })}</div>
			</li>`)}</ul>`)}
	</div>`;
}

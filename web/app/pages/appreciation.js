// Appreciation: trainings followed and certificates, and the EVC-A
// self-assessment of the general volunteer competences. The coordinator
// records trainings; the self-assessment is the volunteer's own.
import { html, useState, get, api, useLoad } from '../core.js';
import { t, fmtDate, getLang } from '../i18n.js';
import { Loading, Alert, Notice, Select, Input, FormError, useBusy, listOptions, labels } from '../ui.js';
import { definitions, today } from './journey.js';

const TRAINING_FIELDS = ['training', 'title', 'completed_on', 'certificate'];

export function Trainings({ volunteerId }) {
	const list = useLoad(() => get(`/api/volunteers/${volunteerId}/trainings`), [volunteerId]);
	const [open, setOpen] = useState(false);
	const [f, setF] = useState({ training: '', title: '', completed_on: today(), certificate: '' });
	const [saved, setSaved] = useState('');
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => setF({ ...f, [k]: v });
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			const body = { completed_on: f.completed_on, certificate: f.certificate };
			if (f.training) body.training = f.training;
			if (f.title) body.title = f.title;
			await api('POST', `/api/volunteers/${volunteerId}/trainings`, body);
			setSaved(t('training.saved'));
			setOpen(false);
			setF({ training: '', title: '', completed_on: today(), certificate: '' });
			list.reload();
		});
	};
	return html`<div>
		${list.loading && !list.data && html`<${Loading} />`}
		<${Alert} error=${list.error} />
		${list.data && (list.data.items.length === 0
			? html`<p class="muted">${t('training.none')}</p>`
			: html`<ul class="rows">${list.data.items.map((x) => html`<li key=${x.id}>
				<strong>${x.training ? labels('training', [x.training])[0] : x.title}</strong>
				<span class="muted">${t('training.completed', { date: fmtDate(x.completed_on) })}${x.certificate ? ` · ${t('training.certificate')}: ${x.certificate}` : ''}</span>
			</li>`)}</ul>`)}
		<${Notice}>${saved}<//>
		${open
			? html`<form class="form" onSubmit=${submit} novalidate aria-labelledby="h-add-training">
				<h3 class="sub-title" id="h-add-training">${t('training.addTitle')}</h3>
				<${FormError} error=${error} fields=${TRAINING_FIELDS} />
				<${Select} prefix="t-" name="training" label=${t('training.fromList')} value=${f.training} onChange=${set('training')}
					empty=${t('training.other')} options=${listOptions('training')} error=${error} />
				${!f.training && html`<${Input} prefix="t-" name="title" label=${t('training.title')} value=${f.title} onInput=${set('title')} error=${error} maxlength="200" required />`}
				<${Input} prefix="t-" name="completed_on" type="date" label=${t('training.date')} value=${f.completed_on} max=${today()} onInput=${set('completed_on')} error=${error} required />
				<${Input} prefix="t-" name="certificate" label=${t('training.certificate')} hint=${t('training.certificateHint')} value=${f.certificate} onInput=${set('certificate')} error=${error} maxlength="200" />
				<div class="btn-row">
					<button type="submit" class="btn btn-primary" disabled=${busy}>${t('training.add')}</button>
					<button type="button" class="btn btn-quiet" onClick=${() => setOpen(false)}>${t('common.cancel')}</button>
				</div>
			</form>`
			: html`<button type="button" class="btn btn-secondary" onClick=${() => setOpen(true)}>${t('training.addTitle')}</button>`}
	</div>`;
}

const LEVELS = [1, 2, 3, 4];

// The self-assessment: one choice per competence, editable by the volunteer.
export function Competences({ volunteerId, editable }) {
	const defs = useLoad(definitions, [getLang()]);
	const data = useLoad(() => get(`/api/volunteers/${volunteerId}/competences`), [volunteerId, getLang()]);
	if ((defs.loading && !defs.data) || (data.loading && !data.data)) return html`<${Loading} />`;
	if (defs.error || data.error) return html`<${Alert} error=${defs.error || data.error} />`;
	if (!editable) {
		const rated = data.data.ratings;
		if (!rated.length) return html`<p class="muted">${t('competence.noneStaff')}</p>`;
		return html`<dl class="dl">${rated.map((r) => html`<div class="dl-row" key=${r.competence}>
			<dt>${r.label}</dt><dd>${t(`competence.level.${r.level}`)}${r.evidence ? ` · ${r.evidence}` : ''}</dd>
		</div>`)}</dl>`;
	}
	return html`<${CompetenceForm} volunteerId=${volunteerId} defs=${defs.data} ratings=${data.data.ratings} onSaved=${data.reload} />`;
}

function CompetenceForm({ volunteerId, defs, ratings, onSaved }) {
	const initial = Object.fromEntries(ratings.map((r) => [r.competence, { level: String(r.level), evidence: r.evidence }]));
	const [f, setF] = useState(initial);
	const [saved, setSaved] = useState('');
	const { busy, error, run } = useBusy();
	const set = (code, k) => (v) => setF({ ...f, [code]: { level: '', evidence: '', ...f[code], [k]: v } });
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			const out = Object.entries(f).filter(([, r]) => r.level)
				.map(([competence, r]) => ({ competence, level: Number(r.level), evidence: r.evidence || '' }));
			await api('PUT', `/api/volunteers/${volunteerId}/competences`, { ratings: out });
			setSaved(t('competence.saved'));
			onSaved();
		});
	};
	return html`<form class="form competences" onSubmit=${submit} novalidate>
		<${FormError} error=${error} fields=${[]} />
		${defs.competences.map((c) => html`<div class="competence" key=${c.code}>
			<${Select} name=${`level-${c.code}`} label=${c.label} value=${(f[c.code] || {}).level || ''}
				onChange=${set(c.code, 'level')} empty=${t('competence.notRated')}
				options=${LEVELS.map((l) => ({ value: String(l), label: t(`competence.level.${l}`) }))} />
			${(f[c.code] || {}).level && html`<${Input} name=${`evidence-${c.code}`} label=${t('competence.evidence', { name: c.label })}
				value=${(f[c.code] || {}).evidence || ''} onInput=${set(c.code, 'evidence')} maxlength="500" />`}
		</div>`)}
		<div class="form-actions">
			<button type="submit" class="btn btn-primary" disabled=${busy}>${t('competence.save')}</button>
			<${Notice}>${saved}<//>
		</div>
	</form>`;
}

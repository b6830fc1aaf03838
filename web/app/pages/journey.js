// The volunteer journey (vrijwilligersreis): for the coordinator a panel on
// the volunteer's page with the current step, the history and the form for
// the next step or the exit interview; for the volunteer the same journey in
// plain words, with a way to ask for a pause or to stop.
import { html, useState, useEffect, get, api, useLoad, orgName, session, forget } from '../core.js';
import { t, fmtDate, getLang } from '../i18n.js';
import { Loading, Alert, Notice, Select, Input, TextArea, FormError, useBusy, useForm } from '../ui.js';

// Today as YYYY-MM-DD on the server's calendar (UTC), which rejects dates
// after its today: just after midnight in the Netherlands the local date is
// still "tomorrow" there.
export function today() {
	return new Date().toISOString().slice(0, 10);
}

// The step names, exit reasons and competences, in the current language.
const defsCache = new Map();
export function definitions() {
	const lang = getLang();
	if (!defsCache.has(lang)) {
		defsCache.set(lang, get('/api/journey/definitions').catch((e) => {
			defsCache.delete(lang);
			throw e;
		}));
	}
	return defsCache.get(lang);
}

export function stepLabel(defs, code) {
	const s = defs && defs.steps.find((x) => x.code === code);
	return s ? s.label : code;
}

function StepBadge({ step, label }) {
	const tone = ['stopped', 'referred'].includes(step) ? 'badge-off'
		: ['paused', 'exit_interview'].includes(step) ? 'badge-volunteer-applied' : 'badge-ok';
	return html`<span class=${`badge ${tone}`}>${label}</span>`;
}

// History: newest first, each step with date, who and notes.
function History({ journey, defs }) {
	const rows = [...journey.steps].reverse();
	return html`<ol class="timeline journey-history" reversed>
		${rows.map((s) => html`<li key=${s.id}>
			<strong>${s.label || stepLabel(defs, s.step)}</strong>
			<span class="muted"> · ${fmtDate(s.on_date)}${s.actor_name ? ` · ${s.actor_name}` : ''}</span>
			${s.notes && html`<p class="step-notes">${s.notes}</p>`}
		</li>`)}
	</ol>`;
}

// What is still needed before matching: the same list for the coordinator
// and, in plain words, for the volunteer.
function Checklist({ journey, mine }) {
	if (!journey.checklist || ['stopped', 'referred'].includes(journey.step)) return null;
	const title = t(mine ? 'journey.meChecklistTitle' : 'journey.checklistTitle');
	return html`<div class="checklist">
		<h3 class="sub-title">${title}</h3>
		<ul class="checklist-items">${journey.checklist.filter((c) => c.required || c.done).map((c) => html`<li key=${c.step}
			class=${c.done ? 'check-done' : 'check-open'}>
			<span aria-hidden="true">${c.done ? '✓' : '○'}</span> ${t(`journey.check.${c.step}`)}
			<span class="muted small"> · ${t(c.done ? 'journey.checkDone' : 'journey.checkOpen')}${c.required ? '' : ` (${t('journey.checkOptional')})`}</span>
		</li>`)}</ul>
		${journey.ready && html`<p class="ok">${t(mine ? 'journey.meReady' : 'journey.readyYes')}</p>`}
	</div>`;
}

function ExitInterviews({ journey }) {
	if (!journey.exit_interviews.length) return null;
	return html`<h3 class="sub-title">${t('journey.exitHeld')}</h3>
		<ul class="rows">${journey.exit_interviews.map((e) => html`<li key=${e.id}>
			<span><strong>${fmtDate(e.held_on)}</strong> · ${t(`journey.reason.${e.reason}`)} → ${t(`journey.outcome.${e.outcome}`)}</span>
			${e.notes && html`<span class="muted">${e.notes}</span>`}
		</li>`)}</ul>`;
}

function OpenRequests({ journey }) {
	const open = journey.requests.filter((r) => !r.handled_at);
	if (!open.length) return null;
	return html`<div class="note">${open.map((r) => html`<p key=${r.id}>
		<strong>${t(`journey.request.${r.kind}`)}</strong> · ${fmtDate(r.created_at)}${r.note ? ` · “${r.note}”` : ''}
	</p>`)}</div>`;
}

// ---- coordinator ---------------------------------------------------------------

// After a step the form under the focus is replaced: focus moves to the
// current step, which is then read out.
function focusNow() {
	let tries = 0;
	const tick = () => {
		const el = document.querySelector('#reis .journey-now');
		if (el) el.focus();
		else if (tries++ < 20) setTimeout(tick, 50);
	};
	setTimeout(tick, 0);
}

export function JourneyPanel({ volunteer, onChange, onFound }) {
	const defs = useLoad(definitions, [getLang()]);
	const list = useLoad(() => get(`/api/volunteers/${volunteer.id}/journeys`), [volunteer.id]);
	const own = session.user.organisation_id || volunteer.organisation_id;
	const found = !!(list.data && list.data.items.some((x) => x.organisation_id === own));
	useEffect(() => {
		if (onFound) onFound(found);
	}, [found]);
	const { busy, error, run } = useBusy();
	if ((list.loading && !list.data) || (defs.loading && !defs.data)) return html`<${Loading} />`;
	if (list.error || defs.error) return html`<${Alert} error=${list.error || defs.error} />`;
	const journeys = list.data.items;
	const j = journeys.find((x) => x.organisation_id === own) || journeys[0];
	const changed = () => {
		forget('volunteers', volunteer.id);
		list.reload();
		focusNow();
		if (onChange) onChange();
	};
	if (!j) {
		const start = () => run(async () => {
			await api('POST', '/api/journeys', { volunteer_id: volunteer.id });
			changed();
		});
		return html`<p class="muted">${t('journey.none')}</p>
			<${Alert} error=${error} />
			<button type="button" class="btn btn-primary" disabled=${busy} onClick=${start}>${t('journey.start')}</button>`;
	}
	const referralPending = j.step === 'exit_interview' &&
		j.exit_interviews.some((e) => e.outcome === 'other_organisation' && e.held_on >= j.step_on);
	return html`<div class="journey">
		<p class="journey-now" tabindex="-1" aria-live="polite">${t('journey.now')} <${StepBadge} step=${j.step} label=${j.step_label} />
			<span class="muted"> ${t('journey.since', { date: fmtDate(j.step_on) })}</span></p>
		${journeys.length > 1 && html`<p class="muted small">${t('journey.atOrg', { org: orgName(j.organisation_id) })}</p>`}
		<${OpenRequests} journey=${j} />
		<${Checklist} journey=${j} />
		<${IntakePlanned} journey=${j} />
		${['signed_up', 'intake'].includes(j.step) && html`<${IntakeForm} journey=${j} onSaved=${changed} />`}
		${referralPending
			? html`<div class="note"><p>${t('journey.referralPending')}</p></div>`
			: j.step === 'exit_interview'
				? html`<${ExitForm} journey=${j} defs=${defs.data} onSaved=${changed} />`
				: html`<${StepForm} key=${j.step} journey=${j} defs=${defs.data} onSaved=${changed} />
					${j.next_steps.includes('exit_interview') && html`<${ExitOpener} journey=${j} defs=${defs.data} onSaved=${changed} />`}`}
		<h3 class="sub-title">${t('journey.history')}</h3>
		<${History} journey=${j} defs=${defs.data} />
		<${ExitInterviews} journey=${j} />
	</div>`;
}

// The planned intake appointment, when there is one.
function IntakePlanned({ journey }) {
	const i = journey.intake;
	if (!i) return null;
	return html`<p class="note">${t('journey.intakePlanned', { date: fmtDate(i.on_date), time: i.time })}${i.place ? `, ${i.place}` : ''}</p>`;
}

// Planning the intake interview: the volunteer is told by mail.
function IntakeForm({ journey, onSaved }) {
	const i = journey.intake || {};
	const { f, set, saved, setSaved, busy, error, run } = useForm({ on_date: i.on_date || today(), time: i.time || '', place: i.place || '' });
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			await api('PUT', `/api/journeys/${journey.id}/intake`, f);
			setSaved(t('journey.intakeSaved'));
			onSaved();
		});
	};
	return html`<form class="form journey-form" onSubmit=${submit} novalidate aria-labelledby="h-intake">
		<h3 class="sub-title" id="h-intake">${t('journey.intakeTitle')}</h3>
		<${FormError} error=${error} fields=${['on_date', 'time', 'place']} />
		<${Input} prefix="i-" name="on_date" type="date" label=${t('journey.intakeDate')} value=${f.on_date} min=${today()} onInput=${set('on_date')} error=${error} required />
		<${Input} prefix="i-" name="time" type="time" label=${t('journey.intakeTime')} value=${f.time} onInput=${set('time')} error=${error} required />
		<${Input} prefix="i-" name="place" label=${t('journey.intakePlace')} value=${f.place} onInput=${set('place')} error=${error} maxlength="200" />
		<div class="form-actions">
			<button class="btn btn-secondary" type="submit" disabled=${busy}>${t('journey.intakePlan')}</button>
			<${Notice}>${saved}<//>
		</div>
	</form>`;
}

const STEP_FIELDS = ['step', 'on_date', 'notes', 'vog_date'];

// The exit interview is recorded in its own form, which takes the step too:
// the step list does not offer it a second time.
function ExitOpener({ journey, defs, onSaved }) {
	const [open, setOpen] = useState(false);
	if (!open) {
		return html`<p><button type="button" class="btn btn-secondary" onClick=${() => setOpen(true)}>
			${t('journey.exitOpen')}</button></p>`;
	}
	return html`<${ExitForm} journey=${journey} defs=${defs} onSaved=${onSaved} />`;
}

function StepForm({ journey, defs, onSaved }) {
	const next = journey.next_steps.filter((s) => s !== 'exit_interview');
	const [f, setF] = useState({ step: next[0] || '', on_date: today(), notes: '', vog_date: '' });
	const [saved, setSaved] = useState('');
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => setF({ ...f, [k]: v });
	if (!next.length) return html`<p class="muted">${t('journey.noNext')}</p>`;
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			const body = { step: f.step, on_date: f.on_date, notes: f.notes };
			if (f.step === 'vog_received' && f.vog_date) body.vog_date = f.vog_date;
			await api('POST', `/api/journeys/${journey.id}/steps`, body);
			setSaved(t('journey.saved', { step: stepLabel(defs, f.step) }));
			onSaved();
		});
	};
	return html`<form class="form journey-form" onSubmit=${submit} novalidate aria-labelledby="h-next-step">
		<h3 class="sub-title" id="h-next-step">${t('journey.nextTitle')}</h3>
		<${FormError} error=${error} fields=${STEP_FIELDS} />
		<${Select} prefix="j-" name="step" label=${t('journey.nextStep')} value=${f.step} onChange=${set('step')}
			options=${next.map((s) => ({ value: s, label: stepLabel(defs, s) }))} error=${error} />
		<${Input} prefix="j-" name="on_date" type="date" label=${t('journey.date')} value=${f.on_date} max=${today()} onInput=${set('on_date')} error=${error} required />
		${f.step === 'vog_received' && html`<${Input} prefix="j-" name="vog_date" type="date" label=${t('journey.vogDate')}
			hint=${t('journey.vogDateHint')} value=${f.vog_date} max=${today()} onInput=${set('vog_date')} error=${error} required />`}
		<${TextArea} prefix="j-" name="notes" label=${t('journey.notes')} hint=${t('journey.notesHint')} value=${f.notes} onInput=${set('notes')} error=${error} maxlength="2000" rows="3" />
		<div class="form-actions">
			<button class="btn btn-primary" type="submit" disabled=${busy}>${t('journey.record')}</button>
			<${Notice}>${saved}<//>
		</div>
	</form>`;
}

const EXIT_FIELDS = ['held_on', 'reason', 'outcome', 'notes'];

function ExitForm({ journey, defs, onSaved }) {
	const [f, setF] = useState({ held_on: today(), reason: '', outcome: '', notes: '' });
	const { busy, error, run, setError } = useBusy();
	const set = (k) => (v) => setF({ ...f, [k]: v });
	const submit = (e) => {
		e.preventDefault();
		for (const k of ['reason', 'outcome']) {
			if (!f[k]) {
				setError({ field: k, detail: t(`journey.${k}Required`) });
				return;
			}
		}
		run(async () => {
			await api('POST', `/api/journeys/${journey.id}/exit-interview`, f);
			onSaved();
		});
	};
	return html`<form class="form journey-form" onSubmit=${submit} novalidate aria-labelledby="h-exit">
		<h3 class="sub-title" id="h-exit">${t('journey.exitTitle')}</h3>
		<p class="hint">${t('journey.exitIntro')}</p>
		<${FormError} error=${error} fields=${EXIT_FIELDS} />
		<${Input} prefix="x-" name="held_on" type="date" label=${t('journey.heldOn')} value=${f.held_on} max=${today()} onInput=${set('held_on')} error=${error} required />
		<${Select} prefix="x-" name="reason" label=${t('journey.reasonLabel')} value=${f.reason} onChange=${set('reason')} error=${error} required
			empty=${t('journey.choose')} options=${defs.exit_reasons.map((r) => ({ value: r, label: t(`journey.reason.${r}`) }))} />
		<${Select} prefix="x-" name="outcome" label=${t('journey.outcomeLabel')} value=${f.outcome} onChange=${set('outcome')} error=${error} required
			empty=${t('journey.choose')} hint=${t('journey.outcomeHint')}
			options=${defs.exit_outcomes.map((o) => ({ value: o, label: t(`journey.outcome.${o}`) }))} />
		<${TextArea} prefix="x-" name="notes" label=${t('journey.notes')} value=${f.notes} onInput=${set('notes')} error=${error} maxlength="2000" rows="3" />
		<div class="form-actions">
			<button class="btn btn-primary" type="submit" disabled=${busy}>${t('journey.exitSubmit')}</button>
		</div>
	</form>`;
}

// ---- volunteer -------------------------------------------------------------------

export function MyJourney({ volunteerId, ask = true }) {
	const list = useLoad(() => get(`/api/volunteers/${volunteerId}/journeys`), [volunteerId]);
	if (list.loading && !list.data) return html`<${Loading} />`;
	if (list.error) return html`<${Alert} error=${list.error} />`;
	const journeys = list.data.items;
	if (!journeys.length) return html`<p class="muted">${t('journey.meNone')}</p>`;
	return journeys.map((j) => html`<div class="journey" key=${j.id}>
		<p class="journey-now">${t('journey.meAt', { org: orgName(j.organisation_id) })} <${StepBadge} step=${j.step} label=${j.step_label} /></p>
		<p>${t(`journey.plain.${j.step}`)}</p>
		<${IntakePlanned} journey=${j} />
		<${Checklist} journey=${j} mine />
		<${OpenRequests} journey=${j} />
		<details class="more-details">
			<summary>${t('journey.meHistory')}</summary>
			<${History} journey=${j} />
		</details>
		${ask && html`<${AskPauseStop} journey=${j} onDone=${list.reload} />`}
	</div>`);
}

function AskPauseStop({ journey, onDone }) {
	const [kind, setKind] = useState('');
	const [note, setNote] = useState('');
	const [sent, setSent] = useState('');
	const { busy, error, run } = useBusy();
	if (['stopped', 'referred', 'exit_interview'].includes(journey.step)) return null;
	const open = journey.requests.filter((r) => !r.handled_at).map((r) => r.kind);
	const kinds = ['pause', 'stop'].filter((k) => !open.includes(k) && !(k === 'pause' && journey.step === 'paused'));
	if (!kinds.length) return null;
	const send = (e) => {
		e.preventDefault();
		run(async () => {
			await api('POST', `/api/journeys/${journey.id}/requests`, { kind, note });
			setSent(t('journey.requestSent'));
			setKind('');
			onDone();
		});
	};
	if (!kind) {
		return html`<div class="btn-row ask-row">
			${kinds.map((k) => html`<button type="button" class="btn btn-secondary" onClick=${() => setKind(k)}>${t(`journey.ask.${k}`)}</button>`)}
			<${Notice}>${sent}<//>
		</div>`;
	}
	return html`<form class="confirm form" onSubmit=${send} novalidate>
		<p><strong>${t(`journey.askConfirm.${kind}`)}</strong></p>
		<${FormError} error=${error} fields=${['note']} />
		<${TextArea} name="note" label=${t('journey.askNote')} value=${note} onInput=${setNote} error=${error} maxlength="2000" rows="2" />
		<div class="btn-row">
			<button type="submit" class="btn btn-primary" disabled=${busy}>${t('journey.askSend')}</button>
			<button type="button" class="btn btn-quiet" onClick=${() => setKind('')}>${t('common.cancel')}</button>
		</div>
	</form>`;
}

// ---- an organisation's journey settings (administrator, on /organisaties/:id) ----

const SETTINGS_FIELDS = ['requires_vog', 'requires_training', 'intake_days', 'evaluation_months'];

export function JourneySettings({ orgId }) {
	const { data, error, loading } = useLoad(() => get(`/api/organisations/${orgId}/journey-settings`), [orgId]);
	if (loading && !data) return html`<${Loading} />`;
	if (error) return html`<${Alert} error=${error} />`;
	return html`<${SettingsForm} orgId=${orgId} s=${data} />`;
}

function SettingsForm({ orgId, s }) {
	const [f, setF] = useState({ requires_vog: s.requires_vog, requires_training: s.requires_training,
		intake_days: String(s.intake_days), evaluation_months: String(s.evaluation_months) });
	const [saved, setSaved] = useState('');
	const { busy, error, run } = useBusy();
	const set = (k) => (v) => {
		setSaved('');
		setF({ ...f, [k]: v });
	};
	const num = (v) => (/^\d+$/.test(String(v).trim()) ? Number(v) : v);
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			await api('PUT', `/api/organisations/${orgId}/journey-settings`, {
				requires_vog: f.requires_vog, requires_training: f.requires_training,
				intake_days: num(f.intake_days), evaluation_months: num(f.evaluation_months),
			});
			setSaved(t('journey.settingsSaved'));
		});
	};
	return html`<form class="form" onSubmit=${submit} novalidate>
		<${FormError} error=${error} fields=${SETTINGS_FIELDS} />
		<label class="check single"><input type="checkbox" checked=${f.requires_vog} onChange=${(e) => set('requires_vog')(e.currentTarget.checked)} />
			<span>${t('journey.requiresVog')}</span></label>
		<label class="check single"><input type="checkbox" checked=${f.requires_training} onChange=${(e) => set('requires_training')(e.currentTarget.checked)} />
			<span>${t('journey.requiresTraining')}</span></label>
		<${Input} prefix="js-" name="intake_days" type="number" min="1" max="365" inputmode="numeric" label=${t('journey.intakeDays')} hint=${t('journey.intakeDaysHint')} value=${f.intake_days} onInput=${set('intake_days')} error=${error} />
		<${Input} prefix="js-" name="evaluation_months" type="number" min="1" max="60" inputmode="numeric" label=${t('journey.evaluationMonths')} value=${f.evaluation_months} onInput=${set('evaluation_months')} error=${error} />
		<div class="form-actions">
			<button class="btn btn-primary" type="submit" disabled=${busy}>${t('journey.settingsSave')}</button>
			<${Notice}>${saved}<//>
		</div>
	</form>`;
}

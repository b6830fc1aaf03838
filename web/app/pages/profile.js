// A volunteer's profile on the four building blocks (betrokkenheid,
// motivatie, talent, mogelijkheden). The same form serves the coordinator
// ("staff") and the volunteer ("self"); the volunteer sees plain questions.
import { html, useState, useEffect, useRef, api, catalog, forget } from '../core.js';
import { t } from '../i18n.js';
import { Input, TextArea, Select, Checks, AvailabilityGrid, FormError, Notice, listOptions, useBusy } from '../ui.js';

const ITEM_FIELDS = [['activities', 'activity'], ['themes', 'theme'], ['motives', 'motive'],
	['talents', 'talent'], ['trainings', 'training'], ['languages', 'language'], ['lived_experience', 'experience']];
const TEXT_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'place', 'motivation_text', 'vog_date', 'status',
	'travel_mode'];
const INT_FIELDS = ['birth_year', 'hours_per_week', 'max_distance_km', 'max_matches'];
const ALL_FIELDS = [...TEXT_FIELDS, ...INT_FIELDS, ...ITEM_FIELDS.map((f) => f[0]), 'availability', 'engagement',
	'driving_licence', 'organisation_id'];

export const ENGAGEMENTS = ['one_off', 'flexible', 'project', 'structural'];

// The volunteer fills in her profile one block at a time: about you, then
// the four building blocks. The fields of each step, to find the step of an
// error the server names.
const SELF_STEPS = [
	['b-person', ['first_name', 'last_name', 'email', 'phone', 'place', 'birth_year']],
	['b-engagement', ['themes', 'activities']],
	['b-motivation', ['motives', 'motivation_text', 'lived_experience']],
	['b-talent', ['talents', 'languages']],
	['b-possible', ['availability', 'engagement', 'hours_per_week', 'max_distance_km', 'travel_mode',
		'max_matches', 'driving_licence']],
];
const stepOfField = (field) => SELF_STEPS.findIndex(([, fields]) => fields.includes(field));

// Lived experience is special-category data: recorded only with its own
// consent, which the volunteer can give right here.
function ExperienceConsent({ volunteer, onGiven }) {
	const { busy, error, run } = useBusy();
	const give = () => run(async () => {
		const c = await api('GET', `/api/volunteers/${volunteer.id}/consent`);
		await api('PUT', `/api/volunteers/${volunteer.id}/consent`, {
			profile_scope: c.profile_scope, organisations: c.profile_scope === 'organisations' ? c.organisations : [],
			lived_experience: true, text_version: c.current_text_version,
		});
		forget('volunteers', volunteer.id);
		onGiven();
	});
	return html`<div class="field experience-consent">
		<p class="label">${t('profileSelf.experience')}</p>
		<p class="hint">${t('profileSelf.experienceConsent')}</p>
		<button type="button" class="btn btn-secondary" disabled=${busy} onClick=${give}>${t('profileSelf.experienceGive')}</button>
		${error && html`<p class="field-error" role="alert">${error.detail}</p>`}
	</div>`;
}
const TRAVEL = ['walk', 'bike', 'car', 'public_transport'];
export const VOLUNTEER_STATUSES = ['applied', 'active', 'paused', 'stopped'];

export function blankVolunteer(orgId) {
	return {
		organisation_id: orgId || '', first_name: '', last_name: '', email: '', phone: '', birth_year: null,
		status: 'applied', place: '', availability: [], hours_per_week: 0, engagement: [], max_distance_km: 10,
		travel_mode: 'bike', driving_licence: false, max_matches: 1, vog_date: null, motivation_text: '',
		activities: [], themes: [], motives: [], talents: [], trainings: [], languages: [],
	};
}

function toForm(v) {
	const f = { ...v };
	for (const k of INT_FIELDS) f[k] = v[k] === null || v[k] === undefined ? '' : String(v[k]);
	f.vog_date = v.vog_date || '';
	return f;
}

// The JSON body: numbers as numbers, empty optional numbers left out.
function toBody(f, creating, mode, original) {
	const body = {};
	for (const k of TEXT_FIELDS) if (f[k] !== undefined) body[k] = f[k] ?? '';
	for (const k of INT_FIELDS) {
		const s = String(f[k] ?? '').trim();
		if (s !== '') body[k] = /^-?\d+$/.test(s) ? Number(s) : s;
	}
	for (const [k] of ITEM_FIELDS) if (Array.isArray(f[k])) body[k] = f[k];
	// Lived experience needs its own explicit consent; send it only when changed.
	const same = (a, b) => JSON.stringify([...(a || [])].sort()) === JSON.stringify([...(b || [])].sort());
	if (same(body.lived_experience, original.lived_experience)) delete body.lived_experience;
	body.availability = f.availability;
	body.engagement = f.engagement;
	body.driving_licence = !!f.driving_licence;
	// What the organisation verifies is written by staff only (the server refuses it).
	if (mode === 'self') {
		delete body.status;
		delete body.vog_date;
		delete body.trainings;
	}
	if (creating) {
		body.organisation_id = Number(f.organisation_id) || undefined;
		if (!body.email) delete body.email;
	}
	return body;
}

// An edit sends only what the person changed, with the version it started from, so
// that someone else's change to another field stays and one to the same field is
// reported instead of overwritten.
function changesOnly(body, base, mode) {
	const before = toBody(toForm(base), false, mode, base);
	const same = (a, b) => JSON.stringify(Array.isArray(a) ? [...a].sort() : a) ===
		JSON.stringify(Array.isArray(b) ? [...b].sort() : b);
	for (const k of Object.keys(body)) if (same(body[k], before[k])) delete body[k];
	body.version = base.version;
	return body;
}

// statusLocked: a journey runs, and its steps set the status.
export function ProfileForm({ volunteer, mode = 'staff', onSaved, creating, statusLocked }) {
	const [f, setF] = useState(() => toForm(volunteer));
	const [base, setBase] = useState(volunteer);
	const [saved, setSaved] = useState('');
	const { busy, error, run } = useBusy();
	const set = (k) => (val) => {
		setSaved('');
		setF((old) => ({ ...old, [k]: val }));
	};
	const self = mode === 'self';
	const guided = self && !creating;
	const [step, setStep] = useState(0);
	const last = step === SELF_STEPS.length - 1;
	const shown = (id) => !guided || SELF_STEPS[step][0] === id;
	const formRef = useRef(null);
	const q = (key) => t(`${self ? 'profileSelf' : 'profile'}.${key}`);
	// After a refused save: the step with the field the server names, and focus
	// on the first field marked invalid, not a message far above the button.
	useEffect(() => {
		if (!error) return;
		const at = guided && error.field ? stepOfField(error.field) : -1;
		if (at >= 0 && at !== step) {
			setStep(at);
			return;
		}
		const bad = formRef.current && formRef.current.querySelector('[aria-invalid="true"]');
		if (bad) {
			bad.scrollIntoView({ block: 'center' });
			bad.focus();
		}
	}, [error, step]);
	const goTo = (i) => {
		setStep(i);
		setSaved('');
		requestAnimationFrame(() => {
			const h = formRef.current && formRef.current.querySelector('section h2');
			if (h) {
				h.setAttribute('tabindex', '-1');
				h.focus();
				h.scrollIntoView({ block: 'start' });
			}
		});
	};
	const submit = (e, confirmNew = false) => {
		if (e) e.preventDefault();
		run(async () => {
			const body = toBody(f, creating, mode, base);
			if (statusLocked) delete body.status;
			if (confirmNew) body.confirm_new = true;
			const v = creating
				? await api('POST', '/api/volunteers', body)
				: await api('PATCH', `/api/volunteers/${volunteer.id}`, changesOnly(body, base, mode));
			forget('volunteers', v.id);
			setBase(v);
			setF(toForm(v));
			setSaved(t('profile.saved'));
			onSaved && onSaved(v);
			if (guided && !last) goTo(step + 1);
		});
	};
	// The volunteer herself may always read it; she records it once she consented.
	const [expConsent, setExpConsent] = useState(null);
	useEffect(() => {
		if (guided) api('GET', `/api/volunteers/${volunteer.id}/consent`).then((c) => setExpConsent(!!c.lived_experience)).catch(() => setExpConsent(false));
	}, [guided, volunteer.id]);
	const showExperience = Array.isArray(volunteer.lived_experience) && (!guided || expConsent === true);
	const orgs = catalog.orgs.filter((o) => o.kind !== 'referrer');
	const dup = error && error.code === 'likely_duplicate' && error.current;
	const dupBox = useRef(null);
	// The warning sits above a long form: bring it to the person who pressed the button.
	useEffect(() => { if (dup && dupBox.current) { dupBox.current.scrollIntoView({ block: 'center' }); dupBox.current.focus(); } }, [dup]);
	return html`<form class="form profile" onSubmit=${submit} novalidate ref=${formRef}>
		${guided && html`<ol class="stepper" aria-label=${t('profileSelf.steps')}>${SELF_STEPS.map(([id], i) => html`<li key=${id}
			class=${i === step ? 'current' : i < step ? 'done' : ''} aria-current=${i === step ? 'step' : undefined}>
			<button type="button" class="btn-link" onClick=${() => goTo(i)}>${t(`profileSelf.step${i}`)}</button></li>`)}</ol>`}
		${dup ? html`<div class="notice warn" role="alert" tabindex="-1" ref=${dupBox}>
			<p>${t('profile.duplicate', { name: `${dup.first_name} ${dup.last_name}`, place: dup.place })}</p>
			<p><a class="btn btn-secondary" href=${`/vrijwilligers/${dup.id}`}>${t('profile.openExisting')}</a>
				${' '}<button type="button" class="btn btn-quiet" onClick=${() => submit(null, true)}>${t('profile.registerAnyway')}</button></p>
		</div>` : html`<${FormError} error=${error} fields=${ALL_FIELDS} />`}

		${shown('b-person') && html`<section class="card block" aria-labelledby="b-person">
			<h2 id="b-person">${q('person')}</h2>
			<div class="row2">
				<${Input} name="first_name" label=${t('field.first_name')} value=${f.first_name} onInput=${set('first_name')} error=${error} required maxlength="100" autocomplete=${self ? 'given-name' : 'off'} />
				<${Input} name="last_name" label=${t('field.last_name')} value=${f.last_name} onInput=${set('last_name')} error=${error} required maxlength="100" autocomplete=${self ? 'family-name' : 'off'} />
			</div>
			<div class="row2">
				<${Input} name="email" type="email" label=${t('field.email')} value=${f.email} onInput=${set('email')} error=${error} maxlength="254" autocomplete=${self ? 'email' : 'off'} />
				<${Input} name="phone" type="tel" label=${t('field.phone')} value=${f.phone} onInput=${set('phone')} error=${error} maxlength="32" autocomplete=${self ? 'tel' : 'off'} />
			</div>
			<div class="row2">
				<${Input} name="place" label=${t('field.place')} value=${f.place} onInput=${set('place')} error=${error} required maxlength="100" />
				<${Input} name="birth_year" type="number" inputmode="numeric" label=${t('field.birth_year')} value=${f.birth_year} onInput=${set('birth_year')} error=${error} min="1900" max="2020" />
			</div>
			${!self && html`<div class="row2">
				${creating
					? html`<${Select} name="organisation_id" label=${t('field.organisation')} value=${f.organisation_id} onChange=${set('organisation_id')} error=${error} required empty=${t('common.choose')} options=${orgs.map((o) => ({ value: o.id, label: o.name }))} />`
					: statusLocked
						? html`<div class="field"><span class="label">${t('field.volunteerStatus')}</span>
							<p>${t(`status.volunteer.${f.status}`)}</p><p class="hint">${t('journey.statusFollows')}</p></div>`
						: html`<${Select} name="status" label=${t('field.volunteerStatus')} value=${f.status} onChange=${set('status')} error=${error} options=${VOLUNTEER_STATUSES.map((s) => ({ value: s, label: t(`status.volunteer.${s}`) }))} />`}
				<${Input} name="vog_date" type="date" label=${t('field.vog_date')} hint=${t('profile.vogHint')} value=${f.vog_date} onInput=${set('vog_date')} error=${error} />
			</div>`}
		</section>`}

		${shown('b-engagement') && html`<section class="card block" aria-labelledby="b-engagement">
			<h2 id="b-engagement"><span class="block-n" aria-hidden="true">1</span>${q('engagementTitle')}</h2>
			${self && html`<p class="hint">${q('engagementIntro')}</p>`}
			<${Checks} name="themes" legend=${q('themes')} options=${listOptions('theme', f.themes)} value=${f.themes} onChange=${set('themes')} error=${error} columns />
			<${Checks} name="activities" legend=${q('activities')} options=${listOptions('activity', f.activities)} value=${f.activities} onChange=${set('activities')} error=${error} columns />
		</section>`}

		${shown('b-motivation') && html`<section class="card block" aria-labelledby="b-motivation">
			<h2 id="b-motivation"><span class="block-n" aria-hidden="true">2</span>${q('motivationTitle')}</h2>
			<${Checks} name="motives" legend=${q('motives')} options=${listOptions('motive', f.motives)} value=${f.motives} onChange=${set('motives')} error=${error} columns />
			<${TextArea} name="motivation_text" label=${q('motivationText')} value=${f.motivation_text} onInput=${set('motivation_text')} error=${error} maxlength="2000" />
			${showExperience && html`<${Checks} name="lived_experience" legend=${q('experience')} hint=${t('profile.experienceHint')} options=${listOptions('experience', f.lived_experience)} value=${f.lived_experience || []} onChange=${set('lived_experience')} error=${error} />`}
			${guided && expConsent === false && html`<${ExperienceConsent} volunteer=${volunteer} onGiven=${() => setExpConsent(true)} />`}
		</section>`}

		${shown('b-talent') && html`<section class="card block" aria-labelledby="b-talent">
			<h2 id="b-talent"><span class="block-n" aria-hidden="true">3</span>${q('talentTitle')}</h2>
			<${Checks} name="talents" legend=${q('talents')} options=${listOptions('talent', f.talents)} value=${f.talents} onChange=${set('talents')} error=${error} columns />
			${!self && html`<${Checks} name="trainings" legend=${q('trainings')} options=${listOptions('training', f.trainings)} value=${f.trainings} onChange=${set('trainings')} error=${error} />`}
			<${Checks} name="languages" legend=${q('languages')} options=${listOptions('language', f.languages)} value=${f.languages} onChange=${set('languages')} error=${error} columns />
		</section>`}

		${shown('b-possible') && html`<section class="card block" aria-labelledby="b-possible">
			<h2 id="b-possible"><span class="block-n" aria-hidden="true">4</span>${q('possibleTitle')}</h2>
			<${AvailabilityGrid} legend=${q('availability')} hint=${t('profile.gridHint')} value=${f.availability} onChange=${set('availability')} error=${error} />
			<${Checks} name="engagement" legend=${q('engagement')} options=${ENGAGEMENTS.map((e) => ({ value: e, label: t(`engagement.${e}`) }))} value=${f.engagement} onChange=${set('engagement')} error=${error} />
			<div class="row2">
				<${Input} name="hours_per_week" type="number" inputmode="numeric" label=${q('hours')} value=${f.hours_per_week} onInput=${set('hours_per_week')} error=${error} min="0" max="80" />
				<${Input} name="max_distance_km" type="number" inputmode="numeric" label=${q('distance')} value=${f.max_distance_km} onInput=${set('max_distance_km')} error=${error} min="0" max="200" />
			</div>
			<div class="row2">
				<${Select} name="travel_mode" label=${q('travel')} value=${f.travel_mode} onChange=${set('travel_mode')} error=${error} options=${TRAVEL.map((m) => ({ value: m, label: t(`travel.${m}`) }))} />
				<${Input} name="max_matches" type="number" inputmode="numeric" label=${t('profile.maxMatches')} value=${f.max_matches} onInput=${set('max_matches')} error=${error} min="1" max="10" />
			</div>
			<label class="check single">
				<input type="checkbox" name="driving_licence" checked=${!!f.driving_licence} onChange=${(e) => set('driving_licence')(e.currentTarget.checked)} />
				<span>${q('licence')}</span>
			</label>
		</section>`}

		<div class="form-actions">
			${guided && step > 0 && html`<button type="button" class="btn btn-secondary" onClick=${() => goTo(step - 1)}>${t('profileSelf.back')}</button>`}
			<button class="btn btn-primary" type="submit" disabled=${busy}>${creating ? t('profile.create') : guided && !last ? t('profileSelf.saveNext') : t('profile.save')}</button>
			<${Notice}>${saved}<//>
		</div>
	</form>`;
}

// The volunteer's consent (AVG): who in the network may see the profile, and
// whether lived experience may be recorded. The volunteer changes it; a
// coordinator sees it.
import { html, useState, get, api, useLoad, catalog, orgName } from '../core.js';
import { t, fmtDate } from '../i18n.js';
import { Loading, Alert, Notice, FormError, useBusy } from '../ui.js';

const SCOPES = ['none', 'organisations', 'network'];

export function ConsentPanel({ volunteer, editable, onChange }) {
	const { data, error, loading } = useLoad(() => get(`/api/volunteers/${volunteer.id}/consent`), [volunteer.id]);
	if (loading && !data) return html`<${Loading} />`;
	if (error && (error.missing || error.status === 403)) return null;
	if (error) return html`<${Alert} error=${error} />`;
	return editable
		? html`<${ConsentForm} volunteer=${volunteer} consent=${data} onSaved=${() => onChange && onChange()} />`
		: html`<${ConsentSummary} consent=${data} />`;
}

function ConsentSummary({ consent }) {
	return html`<dl class="dl">
		<div class="dl-row"><dt>${t('consent.scope')}</dt><dd>${t(`consent.scope_${consent.profile_scope}`)}</dd></div>
		${consent.profile_scope === 'organisations' && html`<div class="dl-row"><dt>${t('consent.organisations')}</dt>
			<dd>${consent.organisations.map(orgName).join(', ') || t('common.none')}</dd></div>`}
		<div class="dl-row"><dt>${t('consent.experience')}</dt><dd>${consent.lived_experience ? t('consent.yes') : t('consent.no')}</dd></div>
		<div class="dl-row"><dt>${t('consent.given')}</dt><dd>${consent.given_at ? fmtDate(consent.given_at) : t('consent.never')}</dd></div>
	</dl>`;
}

function ConsentForm({ volunteer, consent, onSaved }) {
	const [scope, setScope] = useState(consent.profile_scope);
	const [orgs, setOrgs] = useState(consent.organisations);
	const [exp, setExp] = useState(consent.lived_experience);
	const [saved, setSaved] = useState('');
	const { busy, error, run } = useBusy();
	const others = catalog.orgs.filter((o) => o.id !== volunteer.organisation_id && o.kind !== 'referrer');
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			await api('PUT', `/api/volunteers/${volunteer.id}/consent`, {
				profile_scope: scope, organisations: scope === 'organisations' ? orgs : [], lived_experience: exp,
				text_version: consent.current_text_version,
			});
			setSaved(t('consent.saved'));
			onSaved();
		});
	};
	return html`<form class="form" onSubmit=${submit} novalidate>
		<${FormError} error=${error} fields=${[]} />
		<fieldset class="checks">
			<legend>${t('consent.question')}</legend>
			<div class="check-list">
				${SCOPES.map((s) => html`<label class="check">
					<input type="radio" name="profile_scope" value=${s} checked=${scope === s} onChange=${() => setScope(s)} />
					<span>${t(`consent.choice_${s}`, { org: orgName(volunteer.organisation_id) })}</span>
				</label>`)}
			</div>
		</fieldset>
		${scope === 'organisations' && html`<fieldset class="checks">
			<legend>${t('consent.whichOrganisations')}</legend>
			<div class="check-list check-cols">
				${others.map((o) => html`<label class="check">
					<input type="checkbox" name="organisations" value=${o.id} checked=${orgs.includes(o.id)}
						onChange=${(e) => setOrgs(e.currentTarget.checked ? [...orgs, o.id] : orgs.filter((x) => x !== o.id))} />
					<span>${o.name}</span>
				</label>`)}
			</div>
		</fieldset>`}
		<label class="check single">
			<input type="checkbox" name="lived_experience" checked=${exp} onChange=${(e) => setExp(e.currentTarget.checked)} />
			<span>${t('consent.experienceChoice')}</span>
		</label>
		<p class="hint">${t('consent.withdrawHint')}</p>
		<div class="form-actions">
			<button class="btn btn-primary" type="submit" disabled=${busy}>${t('consent.submit')}</button>
			<${Notice}>${saved}<//>
		</div>
	</form>`;
}

// "Mijn gegevens" to read and print: everything stored about the volunteer
// (the export of GET /api/volunteers/{id}/export), one section per kind of
// data, with dates as dates and codes as the labels of the shared lists.
import { html, orgName } from '../core.js';
import { t, has, fmtDate, fmtNumber } from '../i18n.js';
import { Tags, dayparts, labels } from '../ui.js';

const row = (label, value) => (value === '' || value === null || value === undefined || value === false
	? null : html`<div class="dl-row"><dt>${label}</dt><dd>${value}</dd></div>`);
const label = (prefix, code) => (code && has(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code || '');
const yes = (b) => t(b ? 'mydata.yes' : 'mydata.no');
const minutes = (m) => (m % 60 ? t('hours.hmin', { h: Math.floor(m / 60), m: m % 60 }) : t('hours.h', { h: m / 60 }));
const euro = (cents) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);

function Section({ id, title, items, empty, children }) {
	return html`<section class="card block mydata-section" aria-labelledby=${id}>
		<h2 id=${id}>${title}</h2>
		${items && items.length === 0 ? html`<p class="muted">${empty || t('mydata.nothing')}</p>` : children}
	</section>`;
}

function Profile({ v }) {
	return html`<dl class="dl">
		${row(t('field.first_name'), v.first_name)}
		${row(t('field.last_name'), v.last_name)}
		${row(t('field.email'), v.email)}
		${row(t('field.phone'), v.phone)}
		${row(t('field.place'), v.place)}
		${row(t('field.birth_year'), v.birth_year || '')}
		${row(t('field.organisation'), orgName(v.organisation_id))}
		${row(t('field.volunteerStatus'), label('status.volunteer', v.status))}
		${row(t('mydata.startedOn'), fmtDate(v.started_on))}
		${row(t('mydata.vogDate'), fmtDate(v.vog_date))}
		${row(t('profileSelf.themes'), html`<${Tags} kind="theme" codes=${v.themes} />`)}
		${row(t('profileSelf.activities'), html`<${Tags} kind="activity" codes=${v.activities} />`)}
		${row(t('profileSelf.motives'), html`<${Tags} kind="motive" codes=${v.motives} />`)}
		${row(t('profileSelf.motivationText'), v.motivation_text)}
		${row(t('profileSelf.talents'), html`<${Tags} kind="talent" codes=${v.talents} />`)}
		${row(t('profileSelf.trainings'), html`<${Tags} kind="training" codes=${v.trainings} />`)}
		${row(t('profileSelf.languages'), html`<${Tags} kind="language" codes=${v.languages} />`)}
		${Array.isArray(v.lived_experience) && v.lived_experience.length > 0 && row(t('profileSelf.experience'), labels('experience', v.lived_experience).join(', '))}
		${row(t('profileSelf.availability'), dayparts(v.availability))}
		${row(t('profileSelf.engagement'), (v.engagement || []).map((e) => label('engagement', e)).join(', '))}
		${row(t('profileSelf.hours'), v.hours_per_week ? fmtNumber(v.hours_per_week) : '')}
		${row(t('profileSelf.distance'), v.max_distance_km ? fmtNumber(v.max_distance_km) : '')}
		${row(t('profileSelf.travel'), label('travel', v.travel_mode))}
		${row(t('profileSelf.licence'), yes(v.driving_licence))}
		${row(t('mydata.maxMatches'), v.max_matches ? fmtNumber(v.max_matches) : '')}
		${row(t('mydata.registered'), fmtDate(v.created_at))}
	</dl>`;
}

function Consent({ c, history }) {
	const scope = c && (c.profile_scope === 'network' ? t('mydata.scope_network')
		: c.profile_scope === 'organisations' ? t('mydata.scope_organisations', { orgs: c.organisations.map(orgName).join(', ') })
			: t('mydata.scope_none'));
	return html`${c && html`<dl class="dl">
		${row(t('mydata.consentScope'), scope)}
		${row(t('mydata.consentExperience'), yes(c.lived_experience))}
		${row(t('mydata.consentSince'), fmtDate(c.given_at))}
	</dl>`}
	${history.length > 0 && html`<h3>${t('mydata.consentHistory')}</h3>
		<ul class="rows">${history.map((h) => html`<li>${fmtDate(h.given_at, true)} · ${label('mydata.consentAction', h.action)}</li>`)}</ul>`}`;
}

function Matches({ items }) {
	return html`<ul class="rows">${items.map((m) => html`<li>
		<strong>${m.call_title || t('matches.callN', { id: m.call_id })}</strong>
		<span> · ${label('status.match', m.status)} · ${t('mydata.since', { date: fmtDate(m.created_at) })}</span>
		${m.reason && html`<span class="muted"> · ${m.reason}</span>`}
		${m.aftercare && html`<div class="small">${t('aftercare.title')}: ${label('aftercare', `answer_${m.aftercare.answer}`)}</div>`}
	</li>`)}</ul>`;
}

function Hours({ items }) {
	return html`<table class="table">
		<caption class="sr-only">${t('mydata.hours')}</caption>
		<thead><tr><th scope="col">${t('hours.date')}</th><th scope="col">${t('field.activity')}</th><th scope="col">${t('mydata.time')}</th><th scope="col">${t('mydata.state')}</th></tr></thead>
		<tbody>${items.map((h) => html`<tr>
			<td>${fmtDate(h.worked_on)}</td><td>${labels('activity', [h.activity])[0] || ''}</td>
			<td>${minutes(h.minutes)}</td><td>${label('hours.status', h.status)}</td>
		</tr>`)}</tbody>
	</table>`;
}

function Expenses({ items }) {
	return html`<ul class="rows">${items.map((e) => html`<li>
		${fmtDate(e.incurred_on)} · ${label('expense.kind', e.kind)} · ${euro(e.amount_cents)} · ${label('expense.status', e.status)}
		${e.description && html`<span class="muted"> · ${e.description}</span>`}
	</li>`)}</ul>`;
}

function Audit({ items }) {
	return html`<ul class="rows">${items.map((a) => html`<li>
		${fmtDate(a.at, true)} · ${a.actor_name || t('audit.unknown')} ${t(`audit.action.${a.action}`, { what: has(`audit.resource.${a.resource}`) ? t(`audit.resource.${a.resource}`) : t('audit.resource.other') })}
	</li>`)}</ul>`;
}

// d is the export document.
export function ReadableExport({ d }) {
	const simple = (items, line) => html`<ul class="rows">${items.map((x) => html`<li>${line(x)}</li>`)}</ul>`;
	return html`<div class="mydata">
		<p class="muted">${t('mydata.madeOn', { date: fmtDate(d.exported_at, true) })}</p>
		<${Section} id="md-profile" title=${t('mydata.profile')}><${Profile} v=${d.volunteer} /><//>
		<${Section} id="md-consent" title=${t('mydata.consent')}><${Consent} c=${d.consent} history=${d.consent_history || []} /><//>
		<${Section} id="md-matches" title=${t('mydata.matches')} items=${d.matches}><${Matches} items=${d.matches} /><//>
		<${Section} id="md-offers" title=${t('mydata.offers')} items=${d.offers}>
			${simple(d.offers, (c) => `${c.title} · ${label('status.call', c.status)} · ${fmtDate(c.created_at)}`)}<//>
		<${Section} id="md-journeys" title=${t('mydata.journeys')} items=${d.journeys}>
			${simple(d.journeys, (j) => `${orgName(j.organisation_id)} · ${j.step_label} · ${t('mydata.since', { date: fmtDate(j.started_on || j.created_at) })}`)}<//>
		<${Section} id="md-transfers" title=${t('mydata.transfers')} items=${d.transfers}>
			${simple(d.transfers, (x) => `${orgName(x.from_organisation_id)} → ${orgName(x.to_organisation_id)} · ${label('transfer.status', x.status)} · ${fmtDate(x.created_at)}`)}<//>
		<${Section} id="md-trainings" title=${t('mydata.trainings')} items=${d.trainings}>
			${simple(d.trainings, (x) => `${x.title || labels('training', [x.training])[0] || ''} · ${fmtDate(x.completed_on || x.created_at)}`)}<//>
		<${Section} id="md-hours" title=${t('mydata.hours')} items=${d.hours}><${Hours} items=${d.hours} /><//>
		<${Section} id="md-expenses" title=${t('mydata.expenses')} items=${d.expenses}><${Expenses} items=${d.expenses} /><//>
		<${Section} id="md-notes" title=${t('mydata.notes')} items=${d.notes || []}>
			${simple(d.notes || [], (n) => `${fmtDate(n.kind === 'contact' ? n.happened_on : n.created_at)} · ${n.author_name} · ${n.body}`)}<//>
		<${Section} id="md-newsletters" title=${t('mydata.newsletters')} items=${d.newsletters || []}>
			${simple(d.newsletters || [], (n) => `${fmtDate(n.sent_at)} · ${n.subject}`)}<//>
		<${Section} id="md-accounts" title=${t('mydata.accounts')} items=${d.accounts}>
			${simple(d.accounts, (a) => `${a.email} · ${label('role', a.role)} · ${t(a.active ? 'common.active' : 'common.inactive')}`)}<//>
		<${Section} id="md-audit" title=${t('mydata.audit')} items=${d.audit}><${Audit} items=${d.audit} /><//>
	</div>`;
}

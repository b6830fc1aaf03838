// Importing a spreadsheet of volunteers, calls or hours (and, for the network
// administrator, organisations): choose what and a CSV or .xlsx file, check
// it first (a dry run that shows per row what would happen), then import it.
// The upload shows its progress; the server's answer lists the refused rows.
import { html, useEffect, useState, session, qs, catalog, loadOrganisations, ApiError } from '../core.js';
import { t, getLang } from '../i18n.js';
import { Page, Alert, Notice, Field, Input, Select } from '../ui.js';

const ACTIONS = ['create', 'update', 'unchanged', 'refused', 'empty'];
// What each kind of user may import (docs/permissions.md): logging hours is
// the organisations', registering organisations the administrator's.
const KINDS = { admin: ['volunteers', 'organisations', 'calls'], staff: ['volunteers', 'calls', 'hours'] };

// POST the file with XMLHttpRequest, whose upload reports progress (fetch does not).
function upload(kind, file, params, onProgress) {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', `/api/imports/${kind}${qs(params)}`);
		xhr.setRequestHeader('Content-Type', file.name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
		xhr.setRequestHeader('Accept', 'application/json');
		xhr.setRequestHeader('Accept-Language', getLang());
		xhr.setRequestHeader('X-CSRF-Token', session.user.csrf_token);
		xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
		xhr.upload.onload = () => onProgress(1);
		xhr.onload = () => {
			let data = null;
			try { data = JSON.parse(xhr.responseText); } catch { data = null; }
			if (xhr.status >= 200 && xhr.status < 300) return resolve(data);
			reject(new ApiError({ status: xhr.status, detail: (data && data.detail) || t('error.generic'),
				field: data && data.field, code: data && data.code }));
		};
		xhr.onerror = () => reject(new ApiError({ status: 0, detail: t('error.network') }));
		xhr.send(file);
	});
}

function Progress({ part }) {
	if (part === null) return null;
	const done = part >= 1;
	return html`<div class="import-progress" role="status">
		<label for="import-progress">${done ? t('import.processing') : t('import.uploading', { n: Math.round(part * 100) })}</label>
		${done ? html`<progress id="import-progress"></progress>`
			: html`<progress id="import-progress" max="100" value=${Math.round(part * 100)}></progress>`}
	</div>`;
}

function Result({ data }) {
	if (!data) return null;
	return html`<section class="card" aria-labelledby="import-result">
		<h2 id="import-result">${data.dry_run ? t('import.dryResult') : t('import.result')}</h2>
		<ul class="import-counts">${ACTIONS.map((a) => html`<li>
			<strong>${data.counts[a]}</strong> ${t(`import.count.${a}`)}</li>`)}
			${!data.dry_run && data.kind === 'volunteers' && html`<li><strong>${data.invited}</strong> ${t('import.invited')}</li>`}
		</ul>
		${data.rows.length > 0 && html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t('import.rows')}>
			<table class="table"><caption>${t('import.rows')}</caption>
				<thead><tr><th scope="col">${t('import.row')}</th><th scope="col">${t('import.action')}</th>
					<th scope="col">${t('import.reason')}</th></tr></thead>
				<tbody>${data.rows.map((r) => html`<tr>
					<td>${r.row}</td><td>${t(`import.action.${r.action}`)}</td>
					<td>${r.error ? r.error.message : ''}</td></tr>`)}</tbody>
			</table></div>`}
		${data.rows_truncated && html`<p class="muted">${t('import.truncated')}</p>`}
	</section>`;
}

export function VolunteerImport() {
	const admin = session.user.role === 'admin';
	const kinds = admin ? KINDS.admin : KINDS.staff;
	const [kind, setKind] = useState('volunteers');
	const [file, setFile] = useState(null);
	const [org, setOrg] = useState('');
	const [mapping, setMapping] = useState('');
	const [invite, setInvite] = useState(true);
	const [part, setPart] = useState(null);
	const [error, setError] = useState(null);
	const [data, setData] = useState(null);
	const [, setOrgsLoaded] = useState(false);
	useEffect(() => { if (admin) loadOrganisations().then(() => setOrgsLoaded(true)); }, []);

	const run = async (dry) => {
		if (!file) return setError(new ApiError({ status: 0, detail: t('import.noFile'), field: 'file' }));
		setError(null);
		setData(null);
		setPart(0);
		try {
			const params = { organisation_id: kind === 'organisations' ? '' : org, mapping, dry_run: dry ? 'true' : '',
				invite: kind !== 'volunteers' || invite ? '' : 'false' };
			setData({ ...await upload(kind, file, params, setPart), kind });
		} catch (e) {
			setError(e);
		}
		setPart(null);
	};
	const busy = part !== null;
	return html`<${Page} title=${t('import.title')} intro=${t('import.intro')}>
		<form class="card" onSubmit=${(e) => { e.preventDefault(); run(true); }}>
			<${Select} name="kind" label=${t('import.kind')} value=${kind} onChange=${(k) => { setKind(k); setData(null); }} required
				options=${kinds.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }))} />
			${admin && kind !== 'organisations' && html`<${Select} name="organisation_id" label=${t('field.organisation')} value=${org} onChange=${setOrg} required
				empty=${t('common.choose')} options=${catalog.orgs.map((o) => ({ value: String(o.id), label: o.name }))} />`}
			<${Field} name="file" label=${t('import.file')} hint=${t(`import.kindHint.${kind}`)} error=${error} required>
				<input id="f-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="f-file-hint"
					onChange=${(e) => setFile(e.target.files[0] || null)} />
			<//>
			<${Input} name="mapping" label=${t('import.mapping')} hint=${t('import.mappingHint')} value=${mapping} onInput=${setMapping} maxlength="2000" />
			${kind === 'volunteers' && html`<div class="field"><label><input type="checkbox" checked=${invite} onChange=${(e) => setInvite(e.target.checked)} /> ${t('import.invite')}</label></div>`}
			<${Alert} error=${error && error.field !== 'file' ? error : null} />
			<${Progress} part=${part} />
			<div class="form-actions">
				<button class="btn btn-secondary" type="submit" disabled=${busy}>${t('import.check')}</button>
				<button class="btn btn-primary" type="button" disabled=${busy} onClick=${() => run(false)}>${t('import.run')}</button>
			</div>
		</form>
		${data && !data.dry_run && html`<${Notice}>${t('import.done')}<//>`}
		<${Result} data=${data} />
	<//>`;
}

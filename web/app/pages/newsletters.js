// Newsletters: the writers (a coordinator for the own organisation, the
// network administrator for the network) write in Markdown, preview the
// safe rendering and how many volunteers it reaches, and send; a volunteer
// reads the archive of the newsletters sent to them.
import { html, useState, get, api, useLoad, navigate, session, catalog } from '../core.js';
import { t, fmtDate } from '../i18n.js';
import { Page, Loading, Empty, Alert, Input, TextArea, Select, FormError, useBusy, listOptions } from '../ui.js';

const FIELDS = ['subject', 'markdown', 'organisation_id', 'activity', 'theme', 'place'];
const isStaff = () => ['admin', 'coordinator'].includes(session.user.role);

function StatusBadge({ status }) {
	const tone = status === 'sent' ? 'ok' : status === 'sending' ? 'late' : 'off';
	return html`<span class=${`badge badge-${tone}`}>${t(`newsletters.status_${status}`)}</span>`;
}

// The rendered newsletter: HTML that the server rendered with cmark in safe
// mode (raw HTML and javascript: links left out).
function Rendered({ htmlText }) {
	return html`<article class="newsletter-body" dangerouslySetInnerHTML=${{ __html: htmlText }}></article>`;
}

export function NewsletterList() {
	const { data, error } = useLoad(() => get('/api/newsletters?limit=100'), []);
	const staff = isStaff();
	const actions = staff && html`<a class="btn btn-primary" href="/nieuwsbrieven/nieuw">${t('newsletters.new')}</a>`;
	return html`<${Page} title=${t(staff ? 'newsletters.title' : 'newsletters.archiveTitle')}
			intro=${t(staff ? 'newsletters.intro' : 'newsletters.archiveIntro')} actions=${actions}>
		<${Alert} error=${error} />
		${!data && !error && html`<${Loading} />`}
		${data && data.items.length === 0 && html`<${Empty} title=${t(staff ? 'newsletters.none' : 'newsletters.archiveNone')} />`}
		${data && data.items.length > 0 && html`<ul class="rows newsletter-list">${data.items.map((n) => html`<li key=${n.id}>
			<div><a href=${`/nieuwsbrieven/${n.id}`}><strong>${n.subject}</strong></a>
				${staff && html` <${StatusBadge} status=${n.status} />`}</div>
			<div class="muted small">${n.sent_at
				? t('newsletters.sentOn', { date: fmtDate(n.sent_at, true) })
				: t('newsletters.draftOf', { date: fmtDate(n.updated_at, true) })}
				${staff && n.status !== 'draft' && html` · ${t('newsletters.counts', { recipients: n.recipients, queued: n.queued })}`}
				${staff && html` · ${n.organisation_id ? n.author_name : t('newsletters.network')}`}</div>
		</li>`)}</ul>`}
	<//>`;
}

function emptyDraft() {
	return { subject: '', markdown: '', organisation_id: '', activity: '', theme: '', place: '' };
}

function fromNewsletter(n) {
	const f = n.filter || {};
	return { subject: n.subject, markdown: n.markdown || '', organisation_id: f.organisation_id || '',
		activity: f.activity || '', theme: f.theme || '', place: f.place || '' };
}

function requestBody(f) {
	const filter = { place: f.place };
	if (f.activity) filter.activity = f.activity;
	if (f.theme) filter.theme = f.theme;
	if (f.organisation_id) filter.organisation_id = Number(f.organisation_id);
	return { subject: f.subject, markdown: f.markdown, filter };
}

// The form of a draft with its preview; onSaved(newsletter) after saving.
function Compose({ initial, id, onSaved }) {
	const [f, setF] = useState(initial);
	const [preview, setPreview] = useState(null);
	const [saved, setSaved] = useState('');
	const save = useBusy();
	const look = useBusy();
	const set = (k) => (v) => {
		setSaved('');
		setF((o) => ({ ...o, [k]: v }));
	};
	const showPreview = () => look.run(async () => setPreview(await api('POST', '/api/newsletters/preview', requestBody(f))));
	const submit = (e) => {
		e.preventDefault();
		save.run(async () => {
			const n = await api(id ? 'PUT' : 'POST', id ? `/api/newsletters/${id}` : '/api/newsletters', requestBody(f));
			setSaved(t('newsletters.saved'));
			onSaved(n);
		});
	};
	const error = save.error || look.error;
	const admin = session.user.role === 'admin';
	return html`<form class="form" onSubmit=${submit} novalidate>
		<${FormError} error=${error} fields=${FIELDS} />
		<${Input} name="subject" label=${t('newsletters.subject')} value=${f.subject} onInput=${set('subject')}
			error=${error} required maxlength="150" />
		<${TextArea} name="markdown" label=${t('newsletters.markdown')} hint=${t('newsletters.markdownHint')}
			value=${f.markdown} onInput=${set('markdown')} error=${error} required maxlength="8000" rows="12" />
		<fieldset class="checks">
			<legend>${t('newsletters.recipients')}</legend>
			<p class="hint">${t(admin ? 'newsletters.recipientsHintAdmin' : 'newsletters.recipientsHint')}</p>
			${admin && html`<${Select} name="organisation_id" label=${t('newsletters.organisation')} value=${f.organisation_id}
				onChange=${set('organisation_id')} error=${error} empty=${t('newsletters.wholeNetwork')}
				options=${catalog.orgs.map((o) => ({ value: o.id, label: o.name }))} />`}
			<div class="row2">
				<${Select} name="activity" label=${t('newsletters.activity')} value=${f.activity} onChange=${set('activity')}
					error=${error} empty=${t('newsletters.any')} options=${listOptions('activity', f.activity)} />
				<${Select} name="theme" label=${t('newsletters.theme')} value=${f.theme} onChange=${set('theme')}
					error=${error} empty=${t('newsletters.any')} options=${listOptions('theme', f.theme)} />
			</div>
			<${Input} name="place" label=${t('newsletters.place')} hint=${t('newsletters.placeHint')} value=${f.place}
				onInput=${set('place')} error=${error} maxlength="80" />
		</fieldset>
		<div class="form-actions">
			<button class="btn" type="button" onClick=${showPreview} disabled=${look.busy}>${t('newsletters.preview')}</button>
			<button class="btn btn-primary" type="submit" disabled=${save.busy}>${t('newsletters.save')}</button>
			${saved && html`<p class="notice" role="status">${saved}</p>`}
		</div>
		${preview && html`<section class="newsletter-preview" aria-labelledby="preview-title">
			<h2 id="preview-title">${t('newsletters.previewTitle')}</h2>
			<p class="notice" role="status">${t('newsletters.reach', { n: preview.reach })}</p>
			<${Rendered} htmlText=${preview.html} />
		</section>`}
	</form>`;
}

export function NewsletterNew() {
	return html`<${Page} title=${t('newsletters.new')} intro=${t('newsletters.newIntro')}>
		<${Compose} initial=${emptyDraft()} onSaved=${(n) => navigate(`/nieuwsbrieven/${n.id}`)} />
	<//>`;
}

// Sending asks once more, with the number of volunteers it goes to.
function SendPanel({ n, onSent }) {
	const [asking, setAsking] = useState(false);
	const send = useBusy();
	const go = () => send.run(async () => onSent(await api('POST', `/api/newsletters/${n.id}/send`, {})));
	return html`<section class="newsletter-send" aria-labelledby="send-title">
		<h2 id="send-title">${t('newsletters.sendTitle')}</h2>
		<p>${t('newsletters.reach', { n: n.reach ?? 0 })}</p>
		<${Alert} error=${send.error} />
		${asking
			? html`<p>${t('newsletters.sendConfirm', { n: n.reach ?? 0 })}</p>
				<div class="form-actions">
					<button class="btn btn-primary" type="button" onClick=${go} disabled=${send.busy}>${t('newsletters.sendNow')}</button>
					<button class="btn btn-quiet" type="button" onClick=${() => setAsking(false)}>${t('newsletters.cancel')}</button>
				</div>`
			: html`<button class="btn btn-primary" type="button" onClick=${() => setAsking(true)}>${t('newsletters.send')}</button>`}
	</section>`;
}

export function NewsletterPage({ id }) {
	const { data, error, reload } = useLoad(() => get(`/api/newsletters/${id}`), [id]);
	const [notice, setNotice] = useState('');
	if (error) return html`<${Page} title=${t('newsletters.title')}><${Alert} error=${error} /><//>`;
	if (!data) return html`<${Page} title=${t('newsletters.title')}><${Loading} /><//>`;
	const staff = isStaff();
	const draft = staff && data.status === 'draft';
	const sentLine = data.sent_at && t('newsletters.sentOn', { date: fmtDate(data.sent_at, true) });
	return html`<${Page} title=${data.subject} intro=${sentLine}>
		${notice && html`<p class="notice" role="status">${notice}</p>`}
		${staff && html`<p><${StatusBadge} status=${data.status} />
			${data.status !== 'draft' && html` ${t('newsletters.counts', { recipients: data.recipients, queued: data.queued })}`}</p>`}
		${draft
			? html`<${Compose} initial=${fromNewsletter(data)} id=${data.id} onSaved=${() => reload()} />
				<${SendPanel} n=${data} onSent=${() => {
					setNotice(t('newsletters.sent'));
					reload();
				}} />`
			: html`<${Rendered} htmlText=${data.html} />`}
		<p><a href="/nieuwsbrieven">${t(staff ? 'newsletters.back' : 'newsletters.backArchive')}</a></p>
	<//>`;
}

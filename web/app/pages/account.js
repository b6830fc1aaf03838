// One's own password: accepting an invitation, forgetting and resetting it, changing it;
// two-factor sign-in (TOTP) of administrators and coordinators; one's own mail settings.
import { html, useState, useEffect, api, session, navigate, query } from '../core.js';
import { t } from '../i18n.js';
import { Page, Input, Select, Alert, FormError, useBusy } from '../ui.js';
import { TotpSecret } from './auth.js';

// A new password typed twice; `onSave(password)` does the request.
function NewPassword({ fields, onSave, submitLabel, error, busy, setError, extra }) {
	const [password, setPassword] = useState('');
	const [again, setAgain] = useState('');
	const submit = (e) => {
		e.preventDefault();
		if (password !== again) {
			setError({ field: 'again', detail: t('account.mismatch') });
			return;
		}
		onSave(password);
	};
	return html`<form class="card form narrow" onSubmit=${submit} novalidate>
		<${FormError} error=${error} fields=${[...fields, 'password', 'again']} />
		${extra}
		<${Input} name="password" type="password" label=${t('account.newPassword')} hint=${t('signup.passwordHint')}
			value=${password} onInput=${setPassword} error=${error} required minlength="10" autocomplete="new-password" />
		<${Input} name="again" type="password" label=${t('account.again')} value=${again} onInput=${setAgain}
			error=${error} required autocomplete="new-password" />
		<button class="btn btn-primary" type="submit" disabled=${busy}>${submitLabel}</button>
	</form>`;
}

export function AcceptInvitation({ onLogin }) {
	const { busy, error, setError, run } = useBusy();
	const save = (password) => run(async () => {
		session.user = await api('POST', '/api/invitations/accept', { token: query().token || '', password });
		navigate('/', true);
		onLogin();
	});
	return html`<${Page} title=${t('account.inviteTitle')} intro=${t('account.inviteIntro')}>
		<${NewPassword} fields=${['token']} onSave=${save} submitLabel=${t('account.inviteSubmit')}
			error=${error} busy=${busy} setError=${setError} />
	<//>`;
}

export function ForgotPassword() {
	const [email, setEmail] = useState('');
	const [sent, setSent] = useState(false);
	const { busy, error, run } = useBusy();
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			await api('POST', '/api/password-reset', { email });
			setSent(true);
		});
	};
	return html`<${Page} title=${t('account.forgotTitle')} intro=${t('account.forgotIntro')}>
		${sent
			? html`<p class="card narrow" role="status">${t('account.forgotSent')}</p>`
			: html`<form class="card form narrow" onSubmit=${submit} novalidate>
				<${FormError} error=${error} fields=${['email']} />
				<${Input} name="email" type="email" label=${t('field.email')} value=${email} onInput=${setEmail}
					error=${error} required autocomplete="username" />
				<button class="btn btn-primary" type="submit" disabled=${busy}>${t('account.forgotSubmit')}</button>
			</form>`}
		<p><a href="/inloggen">${t('account.toLogin')}</a></p>
	<//>`;
}

export function ResetPassword() {
	const [done, setDone] = useState(false);
	const { busy, error, setError, run } = useBusy();
	const save = (password) => run(async () => {
		await api('POST', '/api/password-reset/confirm', { token: query().token || '', password });
		setDone(true);
	});
	return html`<${Page} title=${t('account.resetTitle')} intro=${t('account.resetIntro')}>
		${done
			? html`<p class="card narrow" role="status">${t('account.resetDone')} <a href="/inloggen">${t('login.submit')}</a></p>`
			: html`<${NewPassword} fields=${['token']} onSave=${save} submitLabel=${t('account.resetSubmit')}
				error=${error} busy=${busy} setError=${setError} />`}
	<//>`;
}

export function ChangePassword() {
	const [current, setCurrent] = useState('');
	const [done, setDone] = useState(false);
	const { busy, error, setError, run } = useBusy();
	const save = (password) => run(async () => {
		await api('PATCH', '/api/me/password', { current, new: password });
		setDone(true);
	});
	const currentField = html`<${Input} name="current" type="password" label=${t('account.current')} value=${current}
		onInput=${setCurrent} error=${error} required autocomplete="current-password" />`;
	return html`<${Page} title=${t('account.changeTitle')} intro=${t('account.changeIntro')}>
		${done
			? html`<p class="card narrow" role="status">${t('account.changeDone')}</p>`
			: html`<${NewPassword} fields=${['current', 'new']} onSave=${save} submitLabel=${t('account.changeSubmit')}
				error=${error} busy=${busy} setError=${setError} extra=${currentField} />`}
	<//>`;
}

// Turning two-factor sign-in on (secret, then a code) and off (a code); for an
// administrator also the network's rule that requires it.
export function TwoFactor() {
	const [state, setState] = useState(null);
	const [secret, setSecret] = useState(null);
	const [code, setCode] = useState('');
	const [note, setNote] = useState('');
	const [network, setNetwork] = useState(null);
	const { busy, error, run } = useBusy();
	const admin = session.user && session.user.role === 'admin';
	const load = () => run(async () => {
		setState(await api('GET', '/api/me/totp'));
		if (admin) setNetwork(await api('GET', '/api/network'));
	});
	useEffect(() => { load(); }, []);
	const begin = () => run(async () => {
		setNote('');
		setSecret(await api('POST', '/api/me/totp', {}));
	});
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			if (state.enabled) {
				await api('DELETE', '/api/me/totp', { code: code.trim() });
				setNote(t('totp.turnedOff'));
			} else {
				await api('POST', '/api/me/totp/confirm', { code: code.trim() });
				setNote(t('totp.turnedOn'));
			}
			setSecret(null);
			setCode('');
			setState(await api('GET', '/api/me/totp'));
		});
	};
	const setRule = (on) => run(async () => {
		setNetwork(await api('PATCH', '/api/network', { totp_required: on }));
	});
	const codeForm = html`<form class="form" onSubmit=${submit} novalidate>
		<${Input} name="code" label=${t('totp.code')} value=${code} onInput=${setCode} error=${error}
			required autocomplete="one-time-code" inputmode="numeric" maxlength="6" />
		<button class="btn btn-primary" type="submit" disabled=${busy}>
			${state && state.enabled ? t('totp.turnOff') : t('totp.confirm')}</button>
	</form>`;
	return html`<${Page} title=${t('totp.pageTitle')}>
		<div class="card narrow">
			<${FormError} error=${error} fields=${['code']} />
			${note && html`<p role="status">${note}</p>`}
			${state && html`<p>${state.enabled ? t('totp.on') : t('totp.off')}</p>`}
			${state && state.required && html`<p>${t('totp.required')}</p>`}
			${state && !state.enabled && !secret && html`<button class="btn btn-secondary" type="button"
				onClick=${begin} disabled=${busy}>${t('totp.turnOn')}</button>`}
			${secret && html`<${TotpSecret} secret=${secret} />`}
			${state && (secret || (state.enabled && !state.required)) && codeForm}
		</div>
		${admin && network && html`<div class="card narrow">
			<label><input type="checkbox" checked=${network.totp_required} disabled=${busy}
				onChange=${(e) => setRule(e.target.checked)} /> ${t('totp.networkRule')}</label>
		</div>`}
	<//>`;
}

const NOTIFICATION_KINDS = ['proposal', 'response', 'transfer', 'intake', 'vog_expiring', 'match_accepted',
	'help_picked_up', 'reminder', 'newsletter'];
const DELIVERIES = ['immediately', 'digest', 'never'];
// The kinds that reach each role.
const KINDS_OF_ROLE = {
	volunteer: ['proposal', 'intake', 'transfer', 'vog_expiring', 'newsletter'],
	coordinator: ['response', 'transfer', 'reminder', 'help_picked_up'],
	professional: ['match_accepted', 'help_picked_up'],
	referrer: ['help_picked_up', 'match_accepted'],
	admin: ['response', 'transfer', 'reminder', 'match_accepted', 'help_picked_up'],
};

// One's own mail settings: the language of the mails and, per kind of
// notification, immediately, in the daily digest or not at all.
export function MailSettings() {
	const [st, setSt] = useState(null);
	const [saved, setSaved] = useState('');
	const { busy, error, run } = useBusy();
	useEffect(() => { run(async () => setSt(await api('GET', '/api/me/notifications'))); }, []);
	const set = (kind) => (value) => {
		setSaved('');
		setSt((o) => ({ ...o, notifications: { ...o.notifications, [kind]: value } }));
	};
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			setSt(await api('PUT', '/api/me/notifications', st));
			setSaved(t('mail.saved'));
		});
	};
	const deliveries = DELIVERIES.map((d) => ({ value: d, label: t(`mail.delivery.${d}`) }));
	const kinds = KINDS_OF_ROLE[session.user.role] || NOTIFICATION_KINDS;
	return html`<${Page} title=${t('mail.title')} intro=${t('mail.intro')}>
		<${FormError} error=${error} fields=${['language', ...NOTIFICATION_KINDS]} />
		${st && html`<form class="card form narrow" onSubmit=${submit} novalidate>
			<${Select} name="language" label=${t('mail.language')} value=${st.language}
				onChange=${(v) => { setSaved(''); setSt((o) => ({ ...o, language: v })); }}
				options=${[{ value: 'nl', label: 'Nederlands' }, { value: 'en', label: 'English' }]} />
			<fieldset>
				<legend>${t('mail.kinds')}</legend>
				${kinds.map((k) => html`<${Select} name=${k} label=${t(`mail.kind.${k}`)}
					value=${st.notifications[k]} onChange=${set(k)} options=${deliveries} error=${error} />`)}
			</fieldset>
			<button class="btn" type="submit" disabled=${busy}>${t('mail.save')}</button>
			${saved && html`<p role="status">${saved}</p>`}
		</form>`}
	<//>`;
}

// The page of the unsubscribe link in a notification mail: no login needed;
// one button switches that kind of mail off.
export function Unsubscribe() {
	const token = query().token || '';
	const kind = token.split('-')[1] || '';
	const [done, setDone] = useState(false);
	const { busy, error, run } = useBusy();
	// 'digest': the daily overview's own link turns off all that went into it.
	const label = [...NOTIFICATION_KINDS, 'digest'].includes(kind) ? t(`mail.kind.${kind}`) : '';
	const confirm = () => run(async () => {
		await api('POST', `/api/unsubscribe?token=${encodeURIComponent(token)}`);
		setDone(true);
	});
	return html`<${Page} title=${t('mail.unsubscribeTitle')}>
		<div class="card narrow">
			${done
				? html`<p role="status">${t('mail.unsubscribed', { kind: label })}</p>
					<p><a href="/instellingen">${t('mail.toSettings')}</a></p>`
				: html`<p>${t('mail.unsubscribeAsk', { kind: label })}</p>
					<${Alert} error=${error} />
					<button class="btn" type="button" disabled=${busy || !label} onClick=${confirm}>${t('mail.unsubscribe')}</button>`}
		</div>
	<//>`;
}

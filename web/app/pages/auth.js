// Logging in, and signing up as a new volunteer.
import { html, useState, api, session, navigate, catalog, query } from '../core.js';
import { t } from '../i18n.js';
import { Page, Input, Select, FormError, Notice, useBusy } from '../ui.js';

function afterLogin(user, onLogin, to) {
	session.user = user;
	if (location.pathname === '/inloggen' || location.pathname === '/aanmelden') navigate(to, true);
	onLogin();
}

// The second step of logging in: a code of the authenticator app, and when
// the network requires two-factor sign-in of someone without it, first the
// secret to add to that app.
function TotpStep({ step, onLogin }) {
	const [code, setCode] = useState('');
	const [secret, setSecret] = useState(null);
	const { busy, error, run } = useBusy();
	const enrol = step.totp_enrolment_required;
	const ask = () => run(async () => {
		setSecret(await api('POST', '/api/session/totp/enrol', { challenge: step.challenge }));
	});
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			const user = await api('POST', '/api/session/totp', { challenge: step.challenge, code: code.trim() });
			afterLogin(user, onLogin, '/');
		});
	};
	return html`<form class="card form narrow" onSubmit=${submit} novalidate>
		<h2>${t(enrol ? 'totp.enrolTitle' : 'totp.codeTitle')}</h2>
		<p>${t(enrol ? 'totp.enrolIntro' : 'totp.codeIntro')}</p>
		<${FormError} error=${error} fields=${['code']} />
		${enrol && !secret && html`<button class="btn btn-secondary" type="button" onClick=${ask} disabled=${busy}>${t('totp.askSecret')}</button>`}
		${secret && html`<${TotpSecret} secret=${secret} />`}
		${(!enrol || secret) && html`
			<${Input} name="code" label=${t('totp.code')} value=${code} onInput=${setCode} error=${error}
				required autocomplete="one-time-code" inputmode="numeric" maxlength="6" />
			<button class="btn btn-primary" type="submit" disabled=${busy}>${t('login.submit')}</button>`}
	</form>`;
}

export function TotpSecret({ secret }) {
	const qr = secret.qr;
	return html`<div class="totp-secret">
		<p>${t('totp.secretHelp')}</p>
		${qr && html`<svg class="qr" viewBox="0 0 ${qr.size} ${qr.size}" width="200" height="200"
			role="img" aria-label=${t('totp.qr')} shape-rendering="crispEdges">
			<rect width=${qr.size} height=${qr.size} fill="#fff" />
			<path d=${qr.path} fill="#000" />
		</svg>`}
		<p><strong>${t('totp.secret')}</strong>: <code>${secret.secret}</code></p>
		<p><strong>${t('totp.uri')}</strong>: <code style="word-break: break-all">${secret.uri}</code></p>
	</div>`;
}

export function Login({ onLogin }) {
	const [email, setEmail] = useState('');
	const [password, setPassword] = useState('');
	const [step, setStep] = useState(null);
	const { busy, error, run } = useBusy();
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			const user = await api('POST', '/api/session', { email, password });
			if (user.challenge) {
				setPassword('');
				setStep(user);
				return;
			}
			afterLogin(user, onLogin, '/');
		});
	};
	if (step) {
		return html`<${Page} title=${t('login.title')} intro=${t('totp.intro')}>
			<${TotpStep} step=${step} onLogin=${onLogin} />
		<//>`;
	}
	return html`<${Page} title=${t('login.title')} intro=${t('login.intro')}>
		<div class="auth-layout">
			<form class="card form narrow" onSubmit=${submit} novalidate>
				<${FormError} error=${error} fields=${['email', 'password']} />
				<${Input} name="email" type="email" label=${t('field.email')} value=${email} onInput=${setEmail}
					error=${error} required autocomplete="username" />
				<${Input} name="password" type="password" label=${t('field.password')} value=${password}
					onInput=${setPassword} error=${error} required autocomplete="current-password" />
				<button class="btn btn-primary" type="submit" disabled=${busy}>${busy ? t('login.busy') : t('login.submit')}</button>
				<p><a href="/wachtwoord-vergeten">${t('login.forgot')}</a></p>
			</form>
			<aside class="card side" aria-labelledby="signup-h">
				<h2 id="signup-h">${t('login.newTitle')}</h2>
				<p>${t('login.newBody')}</p>
				<a class="btn btn-secondary" href="/aanmelden">${t('login.signup')}</a>
				<p><a href="/sociale-kaart">${t('map.title')}</a></p>
			</aside>
		</div>
	<//>`;
}

const SIGNUP_FIELDS = ['first_name', 'last_name', 'email', 'password', 'place', 'organisation_id'];

export function Signup({ onLogin }) {
	const [v, setV] = useState({ first_name: '', last_name: '', email: '', password: '', place: '', organisation_id: '' });
	const set = (k) => (val) => setV({ ...v, [k]: val });
	const { busy, error, setError, run } = useBusy();
	const orgs = catalog.orgs.filter((o) => o.active !== false && o.kind !== 'referrer');
	// "Ik wil helpen" on a public call: sign-up leads back to that call.
	const call = /^\d+$/.test(query().oproep || '') ? query().oproep : '';
	const submit = (e) => {
		e.preventDefault();
		if (!v.organisation_id) {
			setError({ field: 'organisation_id', detail: t('signup.chooseOrganisation') });
			return;
		}
		run(async () => {
			try {
				const user = await api('POST', '/api/signup', { ...v, organisation_id: Number(v.organisation_id) });
				afterLogin(user, onLogin, call ? `/oproepen/${call}` : '/mijn-profiel?welkom=1');
			} catch (err) {
				if (err.missing) err.detail = t('signup.unavailable');
				throw err;
			}
		});
	};
	return html`<${Page} title=${t('signup.title')} intro=${t('signup.intro')}>
		${call && html`<${Notice}>${t('public.signupForCall')}<//>`}
		<form class="card form narrow" onSubmit=${submit} novalidate>
			<${FormError} error=${error} fields=${SIGNUP_FIELDS} />
			<div class="row2">
				<${Input} name="first_name" label=${t('field.first_name')} value=${v.first_name} onInput=${set('first_name')}
					error=${error} required autocomplete="given-name" maxlength="100" />
				<${Input} name="last_name" label=${t('field.last_name')} value=${v.last_name} onInput=${set('last_name')}
					error=${error} required autocomplete="family-name" maxlength="100" />
			</div>
			<${Input} name="email" type="email" label=${t('field.email')} value=${v.email} onInput=${set('email')}
				error=${error} required autocomplete="email" maxlength="254" />
			<${Input} name="password" type="password" label=${t('field.password')} hint=${t('signup.passwordHint')}
				value=${v.password} onInput=${set('password')} error=${error} required autocomplete="new-password" />
			<${Input} name="place" label=${t('field.place')} hint=${t('signup.placeHint')} value=${v.place}
				onInput=${set('place')} error=${error} required autocomplete="address-level2" maxlength="100" />
			<${Select} name="organisation_id" label=${t('signup.organisation')} hint=${t('signup.organisationHint')}
				value=${v.organisation_id} onChange=${set('organisation_id')} error=${error} required
				empty=${t('common.choose')} options=${orgs.map((o) => ({ value: o.id, label: `${o.name} (${o.municipality})` }))} />
			<button class="btn btn-primary" type="submit" disabled=${busy}>${t('signup.submit')}</button>
			<p class="muted">${t('signup.haveAccount')} <a href="/inloggen">${t('login.submit')}</a></p>
		</form>
	<//>`;
}

// Logging in, and signing up as a new volunteer.
import { html, useState, api, session, navigate, catalog } from '../core.js';
import { t } from '../i18n.js';
import { Page, Input, Select, FormError, useBusy } from '../ui.js';

function afterLogin(user, onLogin, to) {
	session.user = user;
	if (location.pathname === '/inloggen' || location.pathname === '/aanmelden') navigate(to, true);
	onLogin();
}

export function Login({ onLogin }) {
	const [email, setEmail] = useState('');
	const [password, setPassword] = useState('');
	const { busy, error, run } = useBusy();
	const submit = (e) => {
		e.preventDefault();
		run(async () => {
			const user = await api('POST', '/api/session', { email, password });
			afterLogin(user, onLogin, '/');
		});
	};
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
	const submit = (e) => {
		e.preventDefault();
		if (!v.organisation_id) {
			setError({ field: 'organisation_id', detail: t('signup.chooseOrganisation') });
			return;
		}
		run(async () => {
			try {
				const user = await api('POST', '/api/signup', { ...v, organisation_id: Number(v.organisation_id) });
				afterLogin(user, onLogin, '/mijn-profiel?welkom=1');
			} catch (err) {
				if (err.missing) err.detail = t('signup.unavailable');
				throw err;
			}
		});
	};
	return html`<${Page} title=${t('signup.title')} intro=${t('signup.intro')}>
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

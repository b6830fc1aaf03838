// What every page shares: the htm template tag, the API client (CSRF token,
// language, problem+json errors), the logged-in session, the router and the
// cached shared lists and organisations.
import { h, render } from '../vendor/preact.module.js';
import { useState, useEffect, useCallback, useRef, useMemo } from '../vendor/hooks.module.js';
import htm from '../vendor/htm.module.js';
import { t, getLang } from './i18n.js';

export const html = htm.bind(h);
export { h, render, useState, useEffect, useCallback, useRef, useMemo };

// ---- session -------------------------------------------------------------

export const session = { user: null }; // the answer of GET /api/session, or null

// ---- API -------------------------------------------------------------------

export class ApiError extends Error {
	constructor({ status, detail, field, code, current }) {
		super(detail);
		this.status = status;
		this.detail = detail;
		this.field = field || '';
		this.code = code || '';
		this.current = current || null; // the record as it is now (a conflict)
	}
	// The endpoint does not exist (yet) on this server.
	get missing() {
		return this.status === 404 && this.code === 'no_route';
	}
}

export async function api(method, path, body) {
	const headers = { Accept: 'application/json', 'Accept-Language': getLang() };
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	if (method !== 'GET' && session.user) headers['X-CSRF-Token'] = session.user.csrf_token;
	let res;
	try {
		res = await fetch(path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			credentials: 'same-origin',
		});
	} catch {
		throw new ApiError({ status: 0, detail: t('error.network') });
	}
	let data = null;
	if ((res.headers.get('content-type') || '').includes('json')) data = await res.json().catch(() => null);
	if (!res.ok) {
		if (res.status === 401 && session.user && path !== '/api/session') {
			session.user = null;
			navigate('/inloggen');
		}
		throw new ApiError({
			status: res.status,
			detail: (data && data.detail) || t(res.status === 403 ? 'error.forbidden' : 'error.generic'),
			field: data && data.field,
			code: data && data.code,
			current: data && data.current,
		});
	}
	return data;
}

export const get = (path) => api('GET', path);

// Query string from an object, leaving out empty values.
export function qs(params) {
	const p = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) p.set(k, v);
	const s = p.toString();
	return s ? `?${s}` : '';
}

// ---- router ----------------------------------------------------------------

const listeners = new Set();

// Set when the page changes, so the new page moves focus to its <h1> and a
// screen reader announces it; a filter that only replaces the query does not.
export const routing = { moved: false };

export function navigate(to, replace = false) {
	if (to === location.pathname + location.search) return;
	if (!replace) routing.moved = true;
	history[replace ? 'replaceState' : 'pushState'](null, '', to);
	listeners.forEach((fn) => fn());
}

export function onRoute(fn) {
	listeners.add(fn);
	return () => listeners.delete(fn);
}

window.addEventListener('popstate', () => {
	routing.moved = true;
	listeners.forEach((fn) => fn());
});

// Same-origin links become client-side navigation.
document.addEventListener('click', (e) => {
	if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
	const a = e.target.closest && e.target.closest('a[href]');
	if (!a || a.target || a.hasAttribute('download') || a.getAttribute('href').startsWith('#')) return;
	const url = new URL(a.href, location.href);
	if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
	e.preventDefault();
	navigate(url.pathname + url.search);
});

// Matches "/oproepen/:id" against a path; returns params or null.
export function match(pattern, path) {
	const p = pattern.split('/'), s = path.split('/');
	if (p.length !== s.length) return null;
	const params = {};
	for (let i = 0; i < p.length; i++) {
		if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
		else if (p[i] !== s[i]) return null;
	}
	return params;
}

export const query = () => Object.fromEntries(new URLSearchParams(location.search));

// ---- shared lists and organisations ------------------------------------------

export const LIST_KINDS = ['activity', 'theme', 'motive', 'talent', 'training', 'language', 'experience'];
export const catalog = { lists: {}, orgs: [] };

function fillLists(all) {
	LIST_KINDS.forEach((k) => (catalog.lists[k] = (all && all.lists[k]) || []));
}

// What a page needs before its first paint, in one request: the caller (null
// when nobody is logged in), every shared list and the organisations.
export async function loadStart() {
	const start = await get('/api/start').catch(() => null);
	session.user = start && start.session;
	fillLists(start);
	catalog.orgs = start ? start.organisations.items : [];
}

// Every shared list in one request, and the organisations beside it (again,
// after an administrator changed them).
export async function loadCatalog() {
	const [all] = await Promise.all([get('/api/lists').catch(() => null), loadOrganisations()]);
	fillLists(all);
}

export async function loadOrganisations() {
	catalog.orgs = await get('/api/organisations?limit=200').then((d) => d.items).catch(() => []);
}

export function listItem(kind, code) {
	return (catalog.lists[kind] || []).find((it) => it.code === code);
}

export function orgName(id) {
	const o = catalog.orgs.find((x) => x.id === id);
	return o ? o.name : '';
}

// ---- small data hooks --------------------------------------------------------

// Loads with fn() whenever deps change: { data, error, loading, reload }.
export function useLoad(fn, deps) {
	const [state, setState] = useState({ data: null, error: null, loading: true });
	const [tick, setTick] = useState(0);
	useEffect(() => {
		let alive = true;
		setState((s) => ({ ...s, loading: true }));
		fn().then(
			(data) => alive && setState({ data, error: null, loading: false }),
			(error) => alive && setState({ data: null, error, loading: false }));
		return () => {
			alive = false;
		};
	}, [...deps, tick]);
	return { ...state, reload: () => setTick((n) => n + 1) };
}

// Cached lookups of calls and volunteers by id, for lists of matches.
const cache = { calls: new Map(), volunteers: new Map() };

export function cached(kind, id) {
	const map = cache[kind];
	if (!map.has(id)) {
		const p = get(`/api/${kind}/${id}`).catch((e) => (e.status === 403 ? { forbidden: true } : null));
		map.set(id, p);
	}
	return map.get(id);
}

export function forget(kind, id) {
	cache[kind].delete(id);
}

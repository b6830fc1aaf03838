// Translations and Dutch formatting. Every visible string comes from
// web/i18n/<lang>.json; dates and numbers go through Intl so Dutch readers see
// "3 mei 2026" and "2,5 km".

const LANGS = ['nl', 'en'];
const LOCALES = { nl: 'nl-NL', en: 'en-GB' };
const STORAGE_KEY = 'knooppunt-lang';

let strings = {};
let fallback = {};

function stored() {
	try {
		const v = localStorage.getItem(STORAGE_KEY);
		return LANGS.includes(v) ? v : 'nl';
	} catch {
		return 'nl';
	}
}

async function load(code) {
	const res = await fetch(`/i18n/${code}.json`, { headers: { Accept: 'application/json' } });
	if (!res.ok) throw new Error(`i18n ${code}: ${res.status}`);
	return res.json();
}

/* Known before the strings arrive, for the Accept-Language of the first requests. */
let lang = stored();

export async function initI18n() {
	fallback = await load('nl');
	await setLang(stored(), false);
}

export async function setLang(code, remember = true) {
	lang = LANGS.includes(code) ? code : 'nl';
	strings = lang === 'nl' ? fallback : await load(lang);
	document.documentElement.lang = lang;
	if (remember) {
		try {
			localStorage.setItem(STORAGE_KEY, lang);
		} catch {
			/* private mode: the choice lasts for this page only */
		}
	}
}

export const getLang = () => lang;
export const locale = () => LOCALES[lang];

// t('calls.count', { n: 3 }) → "3 oproepen"; keys are dotted paths in the JSON.
// A value that is an object with "one"/"other" is chosen by params.n.
export function t(key, params = {}) {
	let v = lookup(strings, key);
	if (v === undefined) v = lookup(fallback, key);
	if (v === undefined) return key;
	if (typeof v === 'object' && v !== null) v = params.n === 1 ? v.one : v.other;
	return String(v).replace(/\{(\w+)\}/g, (m, name) =>
		name in params ? fmtValue(params[name]) : m);
}

export const has = (key) => lookup(strings, key) !== undefined || lookup(fallback, key) !== undefined;

function lookup(obj, key) {
	let v = obj;
	for (const part of key.split('.')) {
		if (v === null || typeof v !== 'object' || !(part in v)) return undefined;
		v = v[part];
	}
	return v;
}

function fmtValue(v) {
	return typeof v === 'number' ? fmtNumber(v) : String(v);
}

export function fmtNumber(n, digits = 0) {
	return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n);
}

export function fmtKm(km) {
	return `${fmtNumber(km, km < 10 ? 1 : 0)} km`;
}

// A unix time (seconds) or a "YYYY-MM-DD" string.
export function fmtDate(v, withTime = false) {
	if (v === null || v === undefined || v === '') return '';
	let d;
	if (typeof v === 'number') d = new Date(v * 1000);
	else {
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
		d = m ? new Date(+m[1], +m[2] - 1, +m[3]) : new Date(v);
	}
	if (Number.isNaN(d.getTime())) return String(v);
	const opts = withTime
		? { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }
		: { day: 'numeric', month: 'long', year: 'numeric' };
	return new Intl.DateTimeFormat(locale(), opts).format(d);
}

// The label of a shared-list item in the current language.
export function itemLabel(item) {
	if (!item) return '';
	return (lang === 'en' ? item.label_en : item.label_nl) || item.label_nl || item.code;
}

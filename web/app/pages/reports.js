// Cijfers: the figures of the own organisation (coordinator) or of the network
// and each organisation (administrator), or a municipality's aggregates. Every
// chart has its data as a table beside it, every table downloads as CSV and
// .xlsx, and the page prints as an annual report (css/app.css, @media print).
import { html, useState, useEffect, useRef, get, qs, session, useLoad, catalog, orgName, listItem } from '../core.js';
import { t, fmtNumber, itemLabel } from '../i18n.js';
import { Page, Loading, Alert, Empty, Input, Select } from '../ui.js';
import uPlot from '../../vendor/uPlot.esm.js';

// uPlot's stylesheet, fetched with this page rather than on every page.
if (!document.querySelector('link[href="/vendor/uPlot.min.css"]')) {
	const link = document.createElement('link');
	link.rel = 'stylesheet';
	link.href = '/vendor/uPlot.min.css';
	document.head.append(link);
}

function monthsBack(n) {
	const d = new Date();
	const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1));
	const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
	return [from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)];
}

const pct = (v) => `${fmtNumber(Math.round(v * 1000) / 10)} %`;
// A count, or "< 5" where a municipality's view hides a small one.
const num = (v) => (typeof v === 'number' ? fmtNumber(v) : v);
const days = (v) => (v === null || v === undefined ? t('reports.notReached') : t('reports.days', { n: v }));

// A uPlot chart that follows its container's width; data as uPlot wants it.
function Chart({ title, series, data, bars, xFormat }) {
	const box = useRef(null);
	useEffect(() => {
		if (!box.current || !data[0].length) return undefined;
		const width = () => Math.max(280, box.current.clientWidth);
		const opts = {
			title, width: width(), height: 240,
			scales: { x: { time: false } },
			axes: [{ values: (u, ticks) => ticks.map(xFormat || ((i) => data.labels[Math.round(i)] || '')) }, {}],
			series: [{ label: '' }, ...series.map((s, i) => ({
				label: s, stroke: ['#1d6b5f', '#b5452e', '#36548c'][i % 3], width: 2,
				...(bars ? { paths: uPlot.paths.bars({ size: [0.6, 40] }), fill: ['#1d6b5f55', '#b5452e55', '#36548c55'][i % 3] } : {}),
			}))],
		};
		const plot = new uPlot(opts, data, box.current);
		const onResize = () => plot.setSize({ width: width(), height: 240 });
		window.addEventListener('resize', onResize);
		return () => { window.removeEventListener('resize', onResize); plot.destroy(); };
	}, [data]);
	return html`<div class="chart" ref=${box} aria-hidden="true"></div>`;
}

function Table({ caption, head, rows }) {
	// A wide table scrolls on a phone; keyboard users can reach and scroll it too.
	return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${caption}><table class="data">
		<caption>${caption}</caption>
		<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
		<tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>`)}</tbody>
	</table></div>`;
}

function Csv({ table, params }) {
	return html`<p class="downloads">
		<a class="btn btn-quiet btn-small" href=${`/api/reports/${table}.csv${qs(params)}`} download>${t('reports.csv')}</a>
		<a class="btn btn-quiet btn-small" href=${`/api/reports/${table}.xlsx${qs(params)}`} download>${t('reports.xlsx')}</a>
	</p>`;
}

const share = (part, whole) => (typeof part === 'number' && typeof whole === 'number' && whole ? part / whole : null);
// A time from one moment to another: median, with the 90th percentile as hint.
const timeCard = (label, x) => (typeof x.median_days === 'number'
	? [label, days(x.median_days), t('reports.p90', { d: days(x.p90_days) })]
	: [label, '—', t('reports.tooFew')]);

function Headline({ r }) {
	const f = r.flow;
	const stayed = share(r.exits.stayed, r.exits.interviews);
	const filled = share(r.calls.filled, r.calls.posted);
	const good = share(r.aftercare.good, r.aftercare.answers);
	// Volunteers as a share of employees (seed 000: 91 % at Cello, 54 % nationally).
	const sum = (k) => r.organisations.reduce((s, o) => (typeof o[k] === 'number' && typeof s === 'number' ? s + o[k] : null), 0);
	const ratio = share(sum('active'), sum('employees'));
	const cards = [
		[t('reports.activeNow'), num(r.active_now), t('reports.ofAll', { n: num(r.volunteers) })],
		[t('reports.perEmployee'), ratio === null ? '—' : pct(ratio), t('reports.ofEmployees', { n: num(sum('employees')) })],
		[t('reports.inflow'), num(f.inflow), t('reports.before', { n: num(f.inflow_before) })],
		[t('reports.outflow'), num(f.outflow), t('reports.before', { n: num(f.outflow_before) })],
		[t('reports.turnover'), pct(f.turnover), t('reports.before', { n: pct(f.turnover_before) })],
		[t('reports.medianTenure'), days(r.retention[0] && r.retention[0].median_days), t('reports.medianTenureHint')],
		[t('reports.stayedAfterExit'), stayed === null ? '—' : pct(stayed), t('reports.ofInterviews', { n: r.exits.interviews })],
		timeCard(t('reports.toIntake'), r.time_to_intake),
		timeCard(t('reports.toFirstMatch'), r.time_to_first_match),
		[t('reports.callsFilled'), filled === null ? '—' : pct(filled), t('reports.ofCalls', { n: num(r.calls.posted) })],
		timeCard(t('reports.toFill'), r.calls.time_to_fill),
		[t('reports.aftercareGood'), good === null ? '—' : pct(good), t('reports.ofAnswers', { n: num(r.aftercare.answers) })],
	];
	return html`<ul class="figures">${cards.map(([label, value, hint]) => html`<li class="card figure">
		<span class="figure-label">${label}</span><strong class="figure-value">${value}</strong><span class="hint">${hint}</span>
	</li>`)}</ul>`;
}

function Flow({ r, params }) {
	const n = (v) => (typeof v === 'number' ? v : null); // hidden small counts are gaps
	const data = [r.months.map((_, i) => i), r.months.map((m) => n(m.inflow)), r.months.map((m) => n(m.outflow))];
	data.labels = r.months.map((m) => m.month);
	return html`<section class="card block" aria-labelledby="h-flow">
		<h2 id="h-flow">${t('reports.flowTitle')}</h2>
		<${Chart} title="" series=${[t('reports.inflow'), t('reports.outflow')]} data=${data} bars />
		<${Table} caption=${t('reports.flowTitle')} head=${[t('reports.month'), t('reports.inflow'), t('reports.outflow'), t('reports.activeEnd')]}
			rows=${r.months.map((m) => [m.month, m.inflow, m.outflow, m.active])} />
		<${Csv} table="months" params=${params} />
	</section>`;
}

function Retention({ r, params }) {
	const all = r.retention[0];
	if (!all || !all.points.length) return html`<section class="card block"><h2>${t('reports.retentionTitle')}</h2><${Empty} title=${t('reports.noStops')} /></section>`;
	const data = [[0, ...all.points.map((p) => p.day)], [1, ...all.points.map((p) => p.survival)]];
	return html`<section class="card block" aria-labelledby="h-ret">
		<h2 id="h-ret">${t('reports.retentionTitle')}</h2>
		<p class="hint">${t('reports.retentionIntro')}</p>
		<${Chart} title="" series=${[t('reports.stillThere')]} data=${data}
			xFormat=${(d) => t('reports.yearsShort', { n: fmtNumber(d / 365.25, 1) })} />
		<${Table} caption=${t('reports.cohorts')} head=${[t('reports.startYear'), t('reports.volunteers'), t('reports.medianTenure'), t('reports.afterOneYear')]}
			rows=${r.retention.map((c) => [c.year || t('reports.allYears'), c.volunteers, days(c.median_days),
				pct(c.points.filter((p) => p.day <= 365).reduce((s, p) => p.survival, 1))])} />
		<${Csv} table="retention" params=${params} />
	</section>`;
}

function Counts({ id, title, rows, head, table, params, empty }) {
	return html`<section class="card block" aria-labelledby=${id}>
		<h2 id=${id}>${title}</h2>
		${rows.length === 0 ? html`<${Empty} title=${empty} />`
			: html`<${Table} caption=${title} head=${head} rows=${rows} />`}
		<${Csv} table=${table} params=${params} />
	</section>`;
}

const euro = (cents) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const hrs = (minutes) => fmtNumber(minutes / 60, 1);

function Hours({ r, params }) {
	const h = r.hours;
	return html`<section class="card block" aria-labelledby="h-hours">
		<h2 id="h-hours">${t('reports.hoursTitle')}</h2>
		<p>${t('reports.hoursSummary', { hours: hrs(h.minutes), before: hrs(h.minutes_before), value: euro(h.value_cents), rate: euro(h.hour_value_cents) })}</p>
		${h.rows.length === 0 ? html`<${Empty} title=${t('reports.noHours')} />`
			: html`<${Table} caption=${t('reports.hoursTitle')} head=${[t('reports.month'), t('reports.activity'), t('reports.hours')]}
				rows=${h.rows.map((x) => [x.month, x.activity ? itemLabel(listItem('activity', x.activity)) || x.activity : '—', hrs(x.minutes)])} />`}
		<${Csv} table="hours" params=${params} />
	</section>`;
}

// Organisations or municipalities: active volunteers against employees.
function Organisations({ r, params, municipalities }) {
	const rows = municipalities ? r.municipalities : r.organisations;
	return html`<${Counts} id=${municipalities ? 'h-mun' : 'h-orgs'} params=${params} empty=${t('reports.none')}
		title=${t(municipalities ? 'reports.municipalitiesTitle' : 'reports.orgsTitle')}
		table=${municipalities ? 'municipalities' : 'organisations'}
		head=${[t(municipalities ? 'reports.municipalityCol' : 'reports.organisation'), t('reports.employees'),
			t('reports.activeNow'), t('reports.volunteers'), t('reports.perEmployee')]}
		rows=${rows.map((o) => [o.name, o.employees, num(o.active), num(o.volunteers), o.per_employee === null ? '—' : pct(o.per_employee)])} />`;
}

// The contact point: how far the help requests of the period got, and why
// the ones not served were not.
// "een verwijzer" reads as a phrase after "Binnengekomen via"; as a table row it opens with a capital.
const upFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function ContactPoint({ r, params }) {
	const k = r.contact_point;
	const p = k.time_to_pickup;
	const head = [t('reports.contactWhat'), t('reports.count')];
	const totals = [['contactIn', k.in], ['contactRouted', k.routed], ['contactPickedUp', k.picked_up], ['contactHandedBack', k.handed_back],
		['contactAdvice', k.advice], ['contactNotServed', k.not_served], ['contactOpen', k.open]];
	const picked = share(k.picked_up, k.in);
	return html`<section class="card block" aria-labelledby="h-contact">
		<h2 id="h-contact">${t('reports.contactTitle')}</h2>
		<p class="hint">${t('reports.contactIntro')}</p>
		${k.in === 0 ? html`<${Empty} title=${t('reports.contactNone')} />` : html`
			<ul class="figures">
				<li class="card figure"><span class="figure-label">${t('reports.contactIn')}</span><strong class="figure-value">${num(k.in)}</strong>
					<span class="hint">${t('reports.before', { n: num(k.in_before) })}</span></li>
				<li class="card figure"><span class="figure-label">${t('reports.contactPickedUp')}</span><strong class="figure-value">${picked === null ? num(k.picked_up) : pct(picked)}</strong>
					<span class="hint">${num(k.picked_up)}</span></li>
				<li class="card figure"><span class="figure-label">${t('reports.contactToPickup')}</span>
					<strong class="figure-value">${typeof p.median_hours === 'number' ? t('reports.contactHours', { n: p.median_hours }) : '—'}</strong>
					<span class="hint">${typeof p.p90_hours === 'number' ? t('reports.p90', { d: t('reports.contactHours', { n: p.p90_hours }) }) : t('reports.tooFew')}</span></li>
			</ul>
			<${Table} caption=${t('reports.contactTitle')} head=${head} rows=${totals.map(([key, n]) => [t(`reports.${key}`), num(n)])} />
			<${Table} caption=${t('reports.contactChannels')} head=${[t('reports.contactChannel'), t('reports.count')]}
				rows=${k.channels.map((x) => [upFirst(t(`contact.channel_${x.channel}`)), num(x.count)])} />
			${k.not_served_reasons.length > 0 && html`<${Table} caption=${t('reports.contactWhy')} head=${[t('reports.reason'), t('reports.count')]}
				rows=${k.not_served_reasons.map((x) => [t(`contact.outcome_${x.outcome}`), num(x.count)])} />`}`}
		<${Csv} table="contact_point" params=${params} />
	</section>`;
}

// The period of last calendar year, for the annual report.
function lastYear() {
	const y = new Date().getUTCFullYear() - 1;
	return { year: y, from: `${y}-01-01`, to: `${y + 1}-01-01` };
}

export function Reports() {
	const admin = session.user.role === 'admin';
	const [def] = useState(monthsBack(12));
	const [f, setF] = useState({ from: def[0], to: def[1], organisation_id: '', municipality: '' });
	const municipalities = [...new Set(catalog.orgs.map((o) => o.municipality).filter(Boolean))].sort();
	const [params, setParams] = useState({ from: def[0], to: def[1] });
	const load = useLoad(() => get(`/api/reports${qs(params)}`), [JSON.stringify(params)]);
	const scope = (g) => ({ from: g.from, to: g.to, ...(admin && g.organisation_id ? { organisation_id: g.organisation_id } : {}),
		...(admin && !g.organisation_id && g.municipality ? { municipality: g.municipality } : {}) });
	const submit = (e) => {
		e.preventDefault();
		setParams(scope(f));
	};
	const year = lastYear();
	const annual = () => {
		const g = { ...f, from: year.from, to: year.to };
		setF(g);
		setParams(scope(g));
	};
	const r = load.data;
	const title = params.municipality ? t('reports.titleMunicipality', { m: params.municipality })
		: admin && !params.organisation_id ? t('reports.titleNetwork')
		: t('reports.titleOrg', { org: orgName(r ? r.organisation_id : session.user.organisation_id) });
	return html`<${Page} title=${title} intro=${t('reports.intro')} wide>
		<form class="card block filters" onSubmit=${submit}>
			<${Input} name="from" type="date" label=${t('reports.from')} value=${f.from} onInput=${(v) => setF({ ...f, from: v })} />
			<${Input} name="to" type="date" label=${t('reports.to')} hint=${t('reports.toHint')} value=${f.to} onInput=${(v) => setF({ ...f, to: v })} />
			${admin && html`<${Select} name="organisation_id" label=${t('reports.scope')} value=${f.organisation_id} empty=${t('reports.wholeNetwork')}
				onChange=${(v) => setF({ ...f, organisation_id: v })} options=${catalog.orgs.map((o) => ({ value: o.id, label: o.name }))} />`}
			${admin && html`<${Select} name="municipality" label=${t('reports.municipality')} hint=${t('reports.municipalityHint')} value=${f.municipality}
				empty=${t('reports.noMunicipality')} onChange=${(v) => setF({ ...f, municipality: v })} options=${municipalities.map((m) => ({ value: m, label: m }))} />`}
			<button class="btn btn-primary" type="submit">${t('reports.show')}</button>
			<button class="btn" type="button" onClick=${annual}>${t('reports.annual', { year: String(year.year) })}</button>
			<button class="btn btn-quiet" type="button" onClick=${() => window.print()}>${t('reports.print')}</button>
		</form>
		${r && html`<p class="print-only print-period">${t('reports.printPeriod', { from: r.from, to: r.to })}</p>`}
		${load.loading && !r && html`<${Loading} />`}
		<${Alert} error=${load.error} />
		${r && html`
			<${Headline} r=${r} />
			<${Flow} r=${r} params=${params} />
			<${Retention} r=${r} params=${params} />
			<${Counts} id="h-exits" title=${t('reports.exitsTitle')} table="exits" params=${params} empty=${t('reports.noExits')}
				head=${[t('reports.reason'), t('reports.outcome'), t('reports.count')]}
				rows=${r.exits.rows.map((x) => [t(`journey.reason.${x.reason}`), t(`journey.outcome.${x.outcome}`), x.count])} />
			<${Counts} id="h-matches" title=${t('reports.matchesTitle')} table="matches" params=${params} empty=${t('reports.noMatches')}
				head=${[t('reports.status'), t('reports.reason'), t('reports.count')]}
				rows=${r.matches.rows.map((x) => [t(`status.match.${x.status}`), x.reason || '—', x.count])} />
			<${Counts} id="h-aftercare" title=${t('reports.aftercareTitle')} table="aftercare" params=${params} empty=${t('reports.noAnswers')}
				head=${[t('reports.answer'), t('reports.count')]}
				rows=${r.aftercare.rows.map((x) => [t(`aftercare.answer_${x.answer}`), num(x.count)])} />
			<${Hours} r=${r} params=${params} />
			<${Organisations} r=${r} params=${params} />
			<${Organisations} r=${r} params=${params} municipalities />
			<${ContactPoint} r=${r} params=${params} />`}
	<//>`;
}

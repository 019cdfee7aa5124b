// The dyad dashboard: one page, six views, all state in the URL query string.
//
// Every view is an async function that fetches what it needs from the JSON API, builds its DOM
// detached, and returns it; render() swaps it in and only then sets data-ready="1" on
// <section id="view">, so a test (or a person) never sees half a view. The server does all the
// aggregation: the page never asks for more rows than it draws.
'use strict';

// The filter keys shared by all views; each is the API parameter of the same name.
const FILTERS = ['from', 'to', 'actor', 'country', 'root', 'lang'];
// The keys each view adds to the URL (kept on Apply, dropped when changing view).
const VIEW_KEYS = { dyad: ['a', 'b'], doc: ['id', 'event'], events: ['sort'], map: [] };
const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
const PAGE = 50;
const SVG_NS = 'http://www.w3.org/2000/svg';

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Builds an HTML element: attributes (on* are listeners; null/false are left out), children. */
function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** The same for SVG elements. */
function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

/** GETs an API path; rejects with the API's own error message when the answer is not 2xx. */
async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const url = q.toString() ? `${path}?${q}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch (_) { /* not JSON: report the status below */ }
  if (!res.ok) throw new Error((body && body.error) || `${url}: HTTP ${res.status}`);
  return body;
}

const fmt = (x, digits = 1) => (x === null || x === undefined ? '–' : Number(x).toFixed(digits));
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const actorLabel = (a) => (a ? `${a.code}${a.name && a.name !== a.code ? ` (${a.name})` : ''}` : '–');

/** Goldstein (-10..+10) on a diverging scale: red, grey at 0, blue. */
function goldsteinColour(g) {
  if (g === null || g === undefined) return '#999';
  const t = clamp(g / 10, -1, 1);
  const end = t < 0 ? [192, 40, 40] : [33, 102, 172];
  const mid = [153, 153, 153];
  const c = mid.map((m, i) => Math.round(m + (end[i] - m) * Math.abs(t)));
  return `rgb(${c.join(',')})`;
}

/** About n round tick values from 0 to max. */
function ticks(max, n = 4) {
  if (max <= 0) return [0];
  const raw = max / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  // Counts are whole numbers, so a step is never below 1.
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw));
  const out = [];
  for (let v = 0; v < max + step - 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** A plain table: headers and rows of cells (a cell is text or a node). */
function table(attrs, headers, rows) {
  return h('table', attrs,
    h('thead', null, h('tr', null, headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows));
}

/** A row that opens `href` on click and on Enter or Space (rows are focusable). */
function linkRow(attrs, href, cells) {
  const open = () => navigate(href);
  return h('tr', {
    ...attrs, tabindex: 0, class: 'link-row',
    onclick: (e) => { if (!e.target.closest('a')) open(); },
    onkeydown: (e) => onActivate(e, open),
  }, cells.map((c) => h('td', null, c)));
}

/** Calls f on Enter or Space: the keyboard twin of a click for things that act as buttons. */
function onActivate(e, f) {
  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); f(); }
}

/** Makes an SVG element a focusable button that runs f. */
function svgButton(attrs, label, f) {
  return {
    ...attrs, tabindex: 0, role: 'button', 'aria-label': label,
    onclick: f, onkeydown: (e) => onActivate(e, f),
  };
}

const errorBox = (e) => h('div', { role: 'alert', class: 'error' }, e.message || String(e));

/** A chart's numbers as a table, folded under `summary`: charts must be readable as text too. */
function numbers(summary, headers, rows) {
  return h('details', null, h('summary', null, summary), table({ class: 'num-cols' }, headers, rows));
}

/** Horizontal grid lines with their values on the left, and the time labels at the bottom. */
function axes(values, y, time, left, right, height) {
  return [
    values.map((v) => s('g', { class: 'tick' }, s('line', { x1: left, x2: right, y1: y(v), y2: y(v) }),
      s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, v))),
    time.labels.map((l) => s('text', { class: 'xlabel', x: l.x, y: height - 8, 'text-anchor': 'middle' }, l.text)),
  ];
}

/** A legend of [swatch class, text] pairs. */
function legend(items) {
  return h('ul', { class: 'legend' }, items.map(([cls, text]) => h('li', null, h('span', { class: `swatch ${cls}` }), text)));
}

// ---------------------------------------------------------------------------------------------
// URL state and navigation

const params = () => new URLSearchParams(location.search);

/** The API filter parameters of the current URL. */
function filtersOf(q) {
  const f = {};
  for (const k of FILTERS) if (q.get(k)) f[k] = q.get(k);
  return f;
}

/** A link to `view` that keeps the current filters and adds `extra`. */
function href(view, extra = {}, base = params()) {
  const q = new URLSearchParams({ view });
  for (const [k, v] of Object.entries(filtersOf(base))) q.set(k, v);
  for (const [k, v] of Object.entries(extra)) {
    if (v === null || v === undefined || v === '') q.delete(k); else q.set(k, v);
  }
  return `?${q}`;
}

/** Goes to a URL of this page without reloading it (the back button returns). */
function navigate(url) {
  history.pushState(null, '', url);
  render(true);
}

// Links to this page (href="?...") are followed in place; modified clicks open tabs as usual.
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[href^="?"]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.getAttribute('href'));
});
window.addEventListener('popstate', () => render(false));

// ---------------------------------------------------------------------------------------------
// Rendering

const VIEWS = { overview: viewOverview, map: viewMap, dyad: viewDyad, network: viewNetwork, events: viewEvents, doc: viewDoc };
const TITLES = { overview: 'Overview', map: 'Map', dyad: 'Dyad', network: 'Network', events: 'Events', doc: 'Document' };
let renderSeq = 0;

/** Draws the view the URL names. Views that finish after a newer render began are dropped. */
async function render(moveFocus) {
  const seq = ++renderSeq;
  const q = params();
  const name = VIEWS[q.get('view')] ? q.get('view') : 'overview';
  const section = document.getElementById('view');
  syncFilterBar(q, name);
  section.dataset.view = name;
  section.dataset.ready = '0';
  section.setAttribute('aria-busy', 'true');
  document.title = `dyad · ${TITLES[name]}`;
  const ctx = { q, f: filtersOf(q), current: () => seq === renderSeq, section };
  let content;
  try {
    content = await VIEWS[name](ctx);
  } catch (e) {
    content = [h('h2', null, TITLES[name]), errorBox(e)];
  }
  if (!ctx.current()) return;
  section.replaceChildren(...[content].flat());
  section.removeAttribute('aria-busy');
  // After a navigation, take keyboard and screen-reader users to the new view's heading.
  const heading = section.querySelector('h2');
  if (moveFocus) window.scrollTo(0, 0);
  if (moveFocus && heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
  // Work that needs the view on the page (a map point named in the URL) comes before "ready".
  if (ctx.after) await ctx.after();
  if (ctx.current()) section.dataset.ready = '1';
}

/**
 * Runs a follow-up load inside a rendered view (the events of a map point):
 * data-ready is "0" until `work` is done, and nothing happens if the view was left meanwhile.
 */
async function partial(ctx, work) {
  const section = ctx.section;
  section.dataset.ready = '0';
  try { await work(); } catch (e) { if (ctx.current()) section.append(errorBox(e)); }
  if (ctx.current()) section.dataset.ready = '1';
}

// ---------------------------------------------------------------------------------------------
// The filter bar

const form = document.getElementById('filters');

/** Shows the URL's filters in the bar and points the nav links at the other views. */
function syncFilterBar(q, view) {
  // A month (2024-01) is a valid API date but not a date input's value: widen it to days.
  const month = /^\d{4}-\d{2}$/;
  const from = q.get('from') || '';
  const to = q.get('to') || '';
  form.elements.from.value = month.test(from) ? `${from}-01` : from;
  form.elements.to.value = month.test(to) ? lastDay(to) : to;
  form.elements.actor.value = q.get('actor') || '';
  form.elements.country.value = q.get('country') || '';
  form.elements.lang.value = q.get('lang') || '';
  const roots = (q.get('root') || '').split(',');
  for (const box of form.querySelectorAll('input[name=root]')) box.checked = roots.includes(box.value);
  updateRootCount();
  for (const a of document.querySelectorAll('#nav a')) {
    a.setAttribute('href', href(a.dataset.view, {}, q));
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
}

function lastDay(month) {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

function updateRootCount() {
  const n = form.querySelectorAll('input[name=root]:checked').length;
  document.getElementById('f-roots-count').textContent = n ? `(${n})` : '(all)';
}

/** The URL the bar describes: the current view and its own keys, with the new filters. */
function filterUrl(clear) {
  const q = params();
  const view = VIEWS[q.get('view')] ? q.get('view') : 'overview';
  const next = new URLSearchParams({ view });
  for (const k of VIEW_KEYS[view] || []) if (q.get(k)) next.set(k, q.get(k));
  if (!clear) {
    const el = form.elements;
    const values = {
      from: el.from.value, to: el.to.value, actor: el.actor.value.trim().toUpperCase(),
      country: el.country.value.trim().toUpperCase(), lang: el.lang.value,
      root: [...form.querySelectorAll('input[name=root]:checked')].map((b) => b.value).join(','),
    };
    for (const k of FILTERS) if (values[k]) next.set(k, values[k]);
  }
  return `?${next}`;
}

form.addEventListener('submit', (e) => { e.preventDefault(); navigate(filterUrl(false)); });
document.getElementById('f-reset').addEventListener('click', () => { form.reset(); navigate(filterUrl(true)); });
form.addEventListener('change', (e) => { if (e.target.name === 'root') updateRootCount(); });
combobox(form.elements.actor, 'suggest-f');

// ---------------------------------------------------------------------------------------------
// Actor completion: a combobox with a listbox driven by the keyboard (ARIA 1.2 pattern)

/** Attaches a suggestion list (id listId) under `input`; picking sets the actor code. */
function combobox(input, listId, onPick) {
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggest', hidden: true, 'aria-label': 'Actor suggestions' });
  input.after(list);
  Object.entries({ role: 'combobox', 'aria-autocomplete': 'list', 'aria-controls': listId, 'aria-expanded': 'false' })
    .forEach(([k, v]) => input.setAttribute(k, v));
  let items = [];
  let active = -1;
  let timer = 0;
  let asked = 0;

  const close = () => {
    list.hidden = true; items = []; active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) { input.setAttribute('aria-activedescendant', `${listId}-${i}`); list.children[i].scrollIntoView({ block: 'nearest' }); }
  };
  const pick = (sug) => { input.value = sug.code; close(); if (onPick) onPick(sug); };
  const show = (suggestions) => {
    items = suggestions;
    list.replaceChildren(...items.map((sug, i) => h('li', {
      id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-code': sug.code,
      // mousedown, not click: it comes before the input's blur closes the list.
      onmousedown: (e) => { e.preventDefault(); pick(sug); },
    }, h('b', null, sug.code), ` ${sug.label}`,
    sug.matched && sug.matched !== sug.label && sug.matched !== sug.code ? h('i', null, ` (${sug.matched})`) : null,
    h('span', { class: 'count' }, ` ${sug.events} events`))));
    list.hidden = !items.length;
    input.setAttribute('aria-expanded', String(!!items.length));
    active = -1;
  };
  const ask = async () => {
    const text = input.value.trim();
    const mine = ++asked;
    if (!text) { close(); return; }
    try {
      const r = await api('/api/suggest', { q: text, limit: 8 });
      if (mine === asked && document.activeElement === input) show(r.suggestions);
    } catch (_) { close(); } // completion is a convenience: the field still takes a typed code
  };

  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(ask, 120); });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) { ask(); return; }
      const n = items.length;
      highlight(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault(); // choose the suggestion, do not submit the form yet
      pick(items[active]);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault(); close();
    }
  });
  return list;
}

// ---------------------------------------------------------------------------------------------
// 1. Overview

async function viewOverview({ f }) {
  const [sum, tl, top, hostile] = await Promise.all([
    api('/api/summary', f),
    api('/api/timeline', { ...f, interval: 'auto' }),
    api('/api/dyads', { ...f, interval: 'all', sort: '-events', limit: 10 }),
    api('/api/dyads', { ...f, interval: 'all', sort: 'goldstein_sum', limit: 10 }),
  ]);
  const tile = (id, label, value) => h('div', { class: 'tile', id }, h('span', { class: 'label' }, label), value);
  const dates = sum.first_date ? `${sum.first_date} – ${sum.last_date}` : 'no events';
  return [
    h('h2', null, 'Overview'),
    h('div', { class: 'tiles' },
      tile('tile-events', 'Events', h('span', { class: 'num' }, sum.events)),
      tile('tile-documents', 'Documents', h('span', { class: 'num' }, sum.documents),
        sum.documents_ingested !== undefined && sum.documents_ingested !== sum.documents
          ? h('span', { class: 'of' }, ` of ${sum.documents_ingested} ingested`) : null),
      tile('tile-dates', 'First – last date', h('span', { class: 'dates' }, dates))),
    h('h3', null, `Events per ${tl.interval} by QuadClass`),
    timelineChart(tl),
    h('div', { class: 'cols' },
      dyadTable('top-dyads', 'Most active dyads', top.dyads),
      dyadTable('hostile-dyads', 'Most hostile dyads (lowest Goldstein sum)', hostile.dyads)),
    h('div', { class: 'cols' }, ...[['languages', 'Language', 'lang'], ['sources', 'Source', 'source']].map(([id, name, key]) =>
      h('div', null, h('h3', null, `${name}s`), table({ id, class: 'num-cols' }, [name, 'Documents', 'Events'],
        sum[id].map((r) => h('tr', null, [r[key], r.documents, r.events].map((c) => h('td', null, c)))))))),
  ];
}

/** A table of directed dyads; each row opens the dyad view. */
function dyadTable(id, caption, rows) {
  const body = rows.map((d) => linkRow({ 'data-source': d.source, 'data-target': d.target }, href('dyad', { a: d.source, b: d.target }), [
    h('a', { href: href('dyad', { a: d.source, b: d.target }) }, `${d.source} → ${d.target}`),
    d.events, fmt(d.goldstein_sum), fmt(d.goldstein_mean),
  ]));
  if (!rows.length) body.push(h('tr', null, h('td', { colspan: 4 }, 'No dyads match these filters.')));
  return h('div', null, h('h3', null, caption),
    table({ id, class: 'num-cols' }, ['Dyad', 'Events', 'Goldstein sum', 'Goldstein mean'], body));
}

/** Events per period as SVG bars stacked by QuadClass, with the numbers in a table too. */
function timelineChart({ interval, periods }) {
  if (!periods.length) return h('p', { class: 'empty' }, 'No events match these filters.');
  const W = 900; const H = 240; const m = { l: 44, r: 10, t: 10, b: 26 };
  const max = Math.max(...periods.map((p) => p.events));
  const yt = ticks(max);
  const top = yt[yt.length - 1];
  const y = (v) => H - m.b - (v / top) * (H - m.t - m.b);
  const axis = timeAxis(periods.map((p) => p.period), interval, m.l, W - m.r);
  const barW = clamp(axis.slot * 0.8, 1, 48);
  const label = `Events per ${interval} from ${periods[0].period} to ${periods[periods.length - 1].period}, stacked by QuadClass; the numbers are in the table below.`;
  const chart = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': label },
    s('title', null, label),
    axes(yt, y, axis, m.l, W - m.r, H),
    periods.map((p) => {
      let base = 0;
      const x = axis.x(p.period);
      return s('g', { class: 'period' },
        p.quad.map((n, q) => {
          const r = n ? s('rect', {
            class: `bar q${q + 1}`, 'data-quad': q + 1, 'data-period': p.period, x: x - barW / 2, width: barW,
            y: y(base + n), height: y(base) - y(base + n),
          }, s('title', null, `${p.period}: ${n} ${QUADS[q]}`)) : null;
          base += n;
          return r;
        }));
    }));
  const rows = periods.map((p) => h('tr', null, h('td', null, p.period), p.quad.map((n) => h('td', null, n)),
    h('td', null, p.events), h('td', null, fmt(p.goldstein_mean))));
  return h('figure', { class: 'timeline' }, chart,
    legend(QUADS.map((name, q) => [`q${q + 1}`, `${q + 1} ${name}`])),
    numbers('The numbers', ['Period', ...QUADS.map((_, q) => `Quad ${q + 1}`), 'Events', 'Goldstein mean'], rows));
}

/**
 * Places periods (day or week "YYYY-MM-DD", month "YYYY-MM") on a time axis from left to right,
 * so that periods without events, which the API leaves out, show as gaps. Returns the centre x of
 * a period, the width of one period, and about eight labelled positions.
 */
function timeAxis(periods, interval, left, right) {
  const DAY = 86400000;
  // 1970-01-05 was a Monday, day 4 of the epoch: weeks are counted from there.
  let index = (p) => {
    if (interval === 'month') { const [y, mo] = p.split('-').map(Number); return y * 12 + mo - 1; }
    const days = Math.round(Date.parse(`${p.slice(0, 10)}T00:00:00Z`) / DAY);
    return interval === 'week' ? Math.round((days - 4) / 7) : days;
  };
  let name = (i) => (interval === 'month'
    ? `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
    : new Date((interval === 'week' ? i * 7 + 4 : i) * DAY).toISOString().slice(0, 10));
  if (periods.some((p) => !Number.isFinite(index(p)))) {
    // An unknown period format: fall back to evenly spaced categories.
    const pos = new Map(periods.map((p, i) => [p, i]));
    index = (p) => pos.get(p);
    name = (i) => periods[i];
  }
  const idx = periods.map(index);
  const lo = Math.min(...idx); const hi = Math.max(...idx);
  const slot = (right - left) / (hi - lo + 1);
  const x = (p) => left + (index(p) - lo + 0.5) * slot;
  const step = Math.ceil((hi - lo + 1) / 8);
  const labels = [];
  for (let i = lo; i <= hi; i += step) labels.push({ x: left + (i - lo + 0.5) * slot, text: name(i) });
  return { x, slot, labels };
}

// ---------------------------------------------------------------------------------------------
// 2. Map

let worldCache = null; // the basemap is fetched once per page load

async function loadWorld() {
  if (!worldCache) {
    worldCache = fetch('/assets/world.json')
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null); // no basemap yet: the map falls back to a graticule
  }
  return worldCache;
}

async function viewMap(ctx) {
  const { f, q } = ctx;
  const [data, world] = await Promise.all([api('/api/map', f), loadWorld()]);
  const events = h('div', { id: 'map-detail' });
  const max = Math.max(1, ...data.points.map((p) => p.events));
  const baseR = (p) => 1 + 2.6 * Math.sqrt(p.events / max); // radius in degrees at zoom 1
  const vb = { x: -180, y: -90, w: 360, h: 180 };
  const showPlace = (p) => partial(ctx, async () => {
    points.querySelectorAll('[aria-pressed=true]').forEach((c) => c.setAttribute('aria-pressed', 'false'));
    const dot = points.querySelector(`[data-geonameid="${p.geonameid}"]`);
    if (dot) dot.setAttribute('aria-pressed', 'true');
    events.replaceChildren(h('p', null, `Loading the events of ${p.name}…`));
    const r = await api('/api/events', { ...f, place: p.geonameid, sort: '-date', limit: PAGE });
    if (!ctx.current()) return;
    events.replaceChildren(
      h('h3', null, `${p.name} (${p.country}): ${r.total} events${r.total > r.events.length ? `, the latest ${r.events.length}` : ''}`),
      eventTable('map-events', r.events));
  });
  const select = (p) => {
    history.pushState(null, '', href('map', { place: p.geonameid }));
    showPlace(p);
  };
  // The largest circles are drawn first, so smaller ones on top of them stay clickable.
  const drawn = [...data.points].reverse();
  const points = s('g', { class: 'points' }, drawn.map((p) => s('circle', svgButton({
    class: 'point', 'data-geonameid': p.geonameid, cx: p.lon, cy: -p.lat, r: baseR(p),
    fill: goldsteinColour(p.goldstein_mean), 'aria-pressed': 'false',
  }, `${p.name}, ${p.country}: ${p.events} events, mean Goldstein ${fmt(p.goldstein_mean)}`, () => select(p)),
  s('title', null, `${p.name} (${p.country}): ${p.events} events, mean Goldstein ${fmt(p.goldstein_mean)}`))));

  const base = world && Array.isArray(world.countries)
    ? world.countries.map((c) => s('path', { class: 'country', d: c.d, 'data-iso3': c.iso3 }, s('title', null, c.name)))
    : graticule();
  const svg = s('svg', {
    class: 'map', viewBox: '-180 -90 360 180', tabindex: 0, role: 'group',
    'aria-label': `World map with ${data.points.length} places. Plus and minus zoom, the arrow keys pan; Tab reaches the places.`,
  }, s('rect', { class: 'sea', x: -180, y: -90, width: 360, height: 180 }), s('g', { class: 'basemap' }, base), points);

  // Zoom about a point (in map units) and pan; circles keep their size on screen.
  const apply = () => {
    svg.setAttribute('viewBox', `${vb.x} ${vb.y} ${vb.w} ${vb.h}`);
    const k = vb.w / 360;
    drawn.forEach((p, i) => points.children[i].setAttribute('r', baseR(p) * Math.sqrt(k)));
  };
  const zoom = (factor, cx = vb.x + vb.w / 2, cy = vb.y + vb.h / 2) => {
    const w = clamp(vb.w / factor, 360 / 64, 360);
    const real = vb.w / w;
    vb.x = cx - (cx - vb.x) / real; vb.y = cy - (cy - vb.y) / real;
    vb.w = w; vb.h = w / 2;
    pan(0, 0);
  };
  const pan = (dx, dy) => {
    vb.x = clamp(vb.x + dx, -180 - vb.w / 2, 180 - vb.w / 2);
    vb.y = clamp(vb.y + dy, -90 - vb.h / 2, 90 - vb.h / 2);
    apply();
  };
  const toMap = (e) => {
    const pt = svg.createSVGPoint(); pt.x = e.clientX; pt.y = e.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse());
  };
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const p = toMap(e);
    zoom(e.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', (e) => { drag = { x: e.clientX, y: e.clientY, moved: 0 }; });
  svg.addEventListener('pointermove', (e) => {
    if (!drag || !e.buttons) return;
    const scale = vb.w / svg.getBoundingClientRect().width;
    const dx = e.clientX - drag.x; const dy = e.clientY - drag.y;
    drag.moved += Math.abs(dx) + Math.abs(dy);
    if (drag.moved > 4) { svg.setPointerCapture(e.pointerId); pan(-dx * scale, -dy * scale); }
    drag.x = e.clientX; drag.y = e.clientY;
  });
  // A drag that ends on a point must not also select it.
  svg.addEventListener('click', (e) => { if (drag && drag.moved > 4) e.stopPropagation(); drag = null; }, true);
  svg.addEventListener('keydown', (e) => {
    const step = vb.w / 8;
    // With a place focused, + and - zoom about it, so it stays in view.
    const at = e.target.classList.contains('point') ? [+e.target.getAttribute('cx'), +e.target.getAttribute('cy')] : [];
    const keys = {
      '+': () => zoom(1.5, ...at), '=': () => zoom(1.5, ...at), '-': () => zoom(1 / 1.5, ...at),
      ArrowLeft: () => pan(-step, 0), ArrowRight: () => pan(step, 0), ArrowUp: () => pan(0, -step), ArrowDown: () => pan(0, step),
    };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  });
  const btn = (text, label, f) => h('button', { type: 'button', 'aria-label': label, onclick: f }, text);
  const reset = () => { Object.assign(vb, { x: -180, y: -90, w: 360, h: 180 }); apply(); };

  // A place named in the URL (a bookmark, or back) is shown once the map is on the page.
  const chosen = data.points.find((p) => String(p.geonameid) === q.get('place'));
  if (chosen) ctx.after = () => showPlace(chosen);
  const list = data.points.slice(0, 100).map((p) => h('tr', null,
    h('td', null, h('button', { type: 'button', class: 'linkish', onclick: () => select(p) }, p.name)),
    h('td', null, p.country), h('td', null, p.events), h('td', null, fmt(p.goldstein_mean))));
  return [
    h('h2', null, 'Map'),
    h('p', null, `${data.total} places with events${data.total > data.points.length ? `, the ${data.points.length} with most events drawn` : ''}. `,
      world ? '' : 'The basemap is not available: points are drawn on a graticule.'),
    h('div', { class: 'map-tools', role: 'toolbar', 'aria-label': 'Map zoom' },
      btn('+', 'Zoom in', () => zoom(1.5)), btn('−', 'Zoom out', () => zoom(1 / 1.5)),
      btn('⟲', 'Reset zoom', reset),
      btn('←', 'Pan west', () => pan(-vb.w / 8, 0)), btn('→', 'Pan east', () => pan(vb.w / 8, 0)),
      btn('↑', 'Pan north', () => pan(0, -vb.w / 8)), btn('↓', 'Pan south', () => pan(0, vb.w / 8))),
    h('figure', { class: 'map-figure' }, svg,
      h('figcaption', null, 'Circle area grows with the number of events; colour is the mean Goldstein score.',
        goldsteinLegend())),
    events,
    numbers('Places as a table', ['Place', 'Country', 'Events', 'Goldstein mean'], list),
  ];
}

/** Lines every 30 degrees, the fallback basemap. */
function graticule() {
  const lines = [];
  for (let lon = -180; lon <= 180; lon += 30) lines.push(s('line', { class: 'graticule', x1: lon, x2: lon, y1: -90, y2: 90 }));
  for (let lat = -90; lat <= 90; lat += 30) lines.push(s('line', { class: 'graticule', x1: -180, x2: 180, y1: -lat, y2: -lat }));
  return lines;
}

function goldsteinLegend() {
  return h('span', { class: 'glegend' }, 'Goldstein ',
    [-10, -5, 0, 5, 10].map((g) => h('span', { class: 'gstop' }, h('span', { class: 'swatch', style: `background:${goldsteinColour(g)}` }), g > 0 ? `+${g}` : g)),
    ' (conflict red, cooperation blue)');
}

// ---------------------------------------------------------------------------------------------
// 3. Dyad

async function viewDyad({ f, q }) {
  const a = (q.get('a') || '').trim().toUpperCase();
  const b = (q.get('b') || '').trim().toUpperCase();
  const field = (id, label, value) => h('div', { class: 'field combo' },
    h('label', { for: id }, label), h('input', { id, type: 'text', value, required: true, spellcheck: 'false', placeholder: 'code or name' }));
  const picker = h('form', { class: 'dyad-form', autocomplete: 'off' },
    field('actor-a', 'Actor A', a), field('actor-b', 'Actor B', b), h('button', { type: 'submit' }, 'Show'));
  combobox(picker.querySelector('#actor-a'), 'suggest-a');
  combobox(picker.querySelector('#actor-b'), 'suggest-b');
  picker.addEventListener('submit', (e) => {
    e.preventDefault();
    const val = (id) => picker.querySelector(id).value.trim().toUpperCase();
    navigate(href('dyad', { a: val('#actor-a'), b: val('#actor-b') }));
  });
  const head = [h('h2', null, a && b ? `Dyad ${a} ↔ ${b}` : 'Dyad'), picker];
  if (!a || !b) return [...head, h('p', { class: 'hint' }, 'Choose two actors (type a code or a name in any language) to see the events between them.')];

  // The interval is chosen once for both directions, so their periods line up.
  const [both, evs] = await Promise.all([
    api('/api/timeline', { ...f, dyad: `${a},${b}`, interval: 'auto' }),
    api('/api/events', { ...f, dyad: `${a},${b}`, sort: '-date', limit: 100 }),
  ]);
  const [ab, ba] = await Promise.all([
    api('/api/timeline', { ...f, source: a, target: b, interval: both.interval }),
    api('/api/timeline', { ...f, source: b, target: a, interval: both.interval }),
  ]);
  return [...head,
    h('h3', null, `Per ${both.interval}: events (bars) and mean Goldstein (lines)`),
    dyadChart(a, b, ab.periods, ba.periods, both.interval),
    h('h3', null, `Events between ${a} and ${b}: ${evs.total}${evs.total > evs.events.length ? `, the latest ${evs.events.length}` : ''}`),
    eventTable('dyad-events', evs.events),
  ];
}

/** Event counts as bars and Goldstein means as lines, both directions, over shared periods. */
function dyadChart(a, b, ab, ba, interval) {
  const all = [...new Set([...ab, ...ba].map((p) => p.period))].sort();
  if (!all.length) return h('p', { class: 'empty' }, 'No events between them with these filters.');
  const dirs = [[ab, 'ab', `${a} → ${b}`], [ba, 'ba', `${b} → ${a}`]]
    .map(([rows, cls, name]) => ({ cls, name, rows: new Map(rows.map((p) => [p.period, p])) }));
  const W = 900; const H = 280; const m = { l: 44, r: 44, t: 12, b: 26 };
  const ct = ticks(Math.max(1, ...[...ab, ...ba].map((p) => p.events)));
  const yc = (v) => H - m.b - (v / ct[ct.length - 1]) * (H - m.t - m.b);
  const yg = (g) => m.t + ((10 - g) / 20) * (H - m.t - m.b);
  const axis = timeAxis(all, interval, m.l, W - m.r);
  const barW = clamp(axis.slot * 0.4, 1, 30);
  const label = `Events and mean Goldstein per ${interval}, ${dirs[0].name} and ${dirs[1].name}; the numbers are in the table below.`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', id: 'dyad-chart', role: 'img', 'aria-label': label },
    s('title', null, label),
    axes(ct, yc, axis, m.l, W - m.r, H),
    [-10, -5, 0, 5, 10].map((g) => s('text', { class: 'gtick', x: W - m.r + 6, y: yg(g) + 4 }, g)),
    s('line', { class: 'zero', x1: m.l, x2: W - m.r, y1: yg(0), y2: yg(0) }),
    // Bars side by side (A->B left, B->A right), then one Goldstein line per direction.
    dirs.map((d, k) => [...d.rows.values()].map((p) => s('rect', {
      class: `bar bar-${d.cls}`, x: axis.x(p.period) - barW + k * barW, width: barW * 0.95, y: yc(p.events), height: yc(0) - yc(p.events),
    }, s('title', null, `${p.period} ${d.name}: ${p.events} events`)))),
    dirs.map((d, k) => {
      // Each direction's points sit over its own bars, so equal values do not hide each other.
      const pts = all.map((period) => d.rows.get(period)).filter((p) => p && p.goldstein_mean !== null);
      const xy = (p) => [(axis.x(p.period) + (k - 0.5) * barW).toFixed(1), yg(p.goldstein_mean).toFixed(1)];
      return s('g', null, s('path', { class: `line line-${d.cls}`, d: pts.map((p, j) => `${j ? 'L' : 'M'}${xy(p)}`).join('') || 'M0,0' }),
        pts.map((p) => s('circle', { class: `dot dot-${d.cls}`, cx: xy(p)[0], cy: xy(p)[1], r: 3 },
          s('title', null, `${p.period} ${d.name}: mean Goldstein ${fmt(p.goldstein_mean)}`))));
    }));
  const rows = all.map((period) => h('tr', null, h('td', null, period), dirs.map((d) => {
    const p = d.rows.get(period);
    return [h('td', null, p ? p.events : 0), h('td', null, p ? fmt(p.goldstein_mean) : '–')];
  })));
  return h('figure', { class: 'dyad-figure' }, svg,
    legend([['line-ab', dirs[0].name], ['line-ba', dirs[1].name]]),
    h('p', { class: 'note' }, 'Bars: events (left axis). Lines: mean Goldstein score (right axis, −10 conflict to +10 cooperation).'),
    numbers('The numbers', ['Period', ...dirs.flatMap((d) => [`${d.name} events`, `${d.name} Goldstein`])], rows));
}

// ---------------------------------------------------------------------------------------------
// 4. Network

async function viewNetwork({ f }) {
  const net = await api('/api/network', f);
  const head = h('h2', null, 'Network');
  if (!net.edges.length) return [head, h('p', { class: 'empty' }, 'No dyads match these filters.')];
  const W = 900; const H = 600;
  const pos = forceLayout(net.nodes.map((n) => n.code), net.edges, W, H);
  const maxN = Math.max(1, ...net.nodes.map((n) => n.events));
  const maxE = Math.max(1, ...net.edges.map((e) => e.events));
  const radius = new Map(net.nodes.map((n) => [n.code, 4 + 12 * Math.sqrt(n.events / maxN)]));

  // A self-loop (an actor acting on itself) is listed in the table but not drawn.
  const drawable = net.edges.filter((e) => e.source !== e.target && pos.has(e.source) && pos.has(e.target));
  const edges = drawable.map((e) => {
    const [p, q] = [pos.get(e.source), pos.get(e.target)];
    const colour = goldsteinColour(e.goldstein_mean);
    const width = 1 + 6 * Math.sqrt(e.events / maxE);
    // Bend every edge a little to its right: A->B and B->A then run side by side, not on top.
    const dx = q.x - p.x; const dy = q.y - p.y; const len = Math.hypot(dx, dy) || 1;
    const bend = Math.min(len * 0.12, 14);
    const c = { x: (p.x + q.x) / 2 - (dy / len) * bend, y: (p.y + q.y) / 2 + (dx / len) * bend };
    // Start on the source's rim and end on the target's, so the edge's middle lies between the
    // two circles; the arrowhead sits on the target's rim, pointing along the curve.
    const sx = c.x - p.x; const sy = c.y - p.y; const sl = Math.hypot(sx, sy) || 1;
    const start = { x: p.x + (sx / sl) * radius.get(e.source), y: p.y + (sy / sl) * radius.get(e.source) };
    const tx = q.x - c.x; const ty = q.y - c.y; const tl = Math.hypot(tx, ty) || 1;
    const ux = tx / tl; const uy = ty / tl;
    const end = { x: q.x - ux * radius.get(e.target), y: q.y - uy * radius.get(e.target) };
    const al = 6 + width * 1.5;
    const back = { x: end.x - ux * al, y: end.y - uy * al };
    const arrow = [[end.x, end.y], [back.x - uy * al * 0.5, back.y + ux * al * 0.5], [back.x + uy * al * 0.5, back.y - ux * al * 0.5]];
    const text = `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${fmt(e.goldstein_mean)}`;
    const open = () => navigate(href('dyad', { a: e.source, b: e.target }));
    const d = `M${start.x.toFixed(1)},${start.y.toFixed(1)}Q${c.x.toFixed(1)},${c.y.toFixed(1)} ${back.x.toFixed(1)},${back.y.toFixed(1)}`;
    return s('g', svgButton({ class: 'edge-g' }, `${text}. Open the dyad.`, open),
      s('path', { class: 'edge', 'data-source': e.source, 'data-target': e.target, d, stroke: colour, 'stroke-width': width.toFixed(1) }),
      s('path', { class: 'edge-hit', d }), // a wide invisible stroke: thin edges are easy to hit
      s('polygon', { class: 'arrow', points: arrow.map((xy) => xy.map((v) => v.toFixed(1)).join(',')).join(' '), fill: colour }),
      s('title', null, text));
  });
  const nodes = net.nodes.map((n) => {
    const p = pos.get(n.code); const r = radius.get(n.code);
    const text = `${n.code}${n.name ? ` (${n.name})` : ''}: ${n.events} events`;
    return s('g', svgButton({ class: 'node', 'data-code': n.code, transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})` },
      `${text}. Filter by this actor.`, () => navigate(href('network', { actor: n.code }))),
    s('circle', { r }), s('text', { y: r + 12, 'text-anchor': 'middle' }, n.code), s('title', null, text));
  });
  const label = `Network of ${net.nodes.length} actors and ${net.edges.length} directed dyads; the numbers are in the table below.`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'network', role: 'group', 'aria-label': label },
    s('title', null, label), s('g', { class: 'edges' }, edges), s('g', { class: 'nodes' }, nodes));
  const rows = net.edges.map((e) => linkRow({}, href('dyad', { a: e.source, b: e.target }),
    [`${e.source} → ${e.target}`, e.events, fmt(e.goldstein_mean)]));
  return [head,
    h('p', null, net.total_edges > net.edges.length ? `The ${net.edges.length} dyads with most events (of ${net.total_edges}). ` : '',
      'Node size: events of the actor; edge width: events of the dyad; edge colour: mean Goldstein. An edge opens its dyad; a node filters by its actor.'),
    h('figure', { class: 'net-figure' }, svg, h('figcaption', null, goldsteinLegend())),
    numbers('Dyads as a table', ['Dyad', 'Events', 'Goldstein mean'], rows)];
}

/** A small seeded generator (mulberry32): the same graph always gets the same layout. */
function seeded(seed) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fruchterman-Reingold with a fixed seed and a fixed number of iterations: nodes repel, edges
 * pull, a weak gravity keeps loose pieces in the frame, and the step shrinks as it cools.
 */
function forceLayout(codes, edges, W, H, iterations = 300) {
  const rand = seeded(20240101);
  const pts = codes.map(() => ({ x: rand() * W, y: rand() * H, dx: 0, dy: 0 }));
  const index = new Map(codes.map((c, i) => [c, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([i, j]) => i !== undefined && j !== undefined && i !== j);
  const k = 0.6 * Math.sqrt((W * H) / Math.max(1, pts.length));
  for (let it = 0; it < iterations; it++) {
    const temp = (W / 10) * (1 - it / iterations) + 0.5;
    for (const p of pts) { p.dx = 0; p.dy = 0; }
    for (let i = 0; i < pts.length; i++) {
      for (let j = i + 1; j < pts.length; j++) {
        const dx = pts[i].x - pts[j].x; const dy = pts[i].y - pts[j].y;
        const d = Math.max(0.01, Math.hypot(dx, dy));
        if (d > 3 * k) continue; // far apart pieces need not push: the pull to the centre packs them
        const force = (k * k) / d;
        pts[i].dx += (dx / d) * force; pts[i].dy += (dy / d) * force;
        pts[j].dx -= (dx / d) * force; pts[j].dy -= (dy / d) * force;
      }
    }
    for (const [i, j] of links) {
      const dx = pts[i].x - pts[j].x; const dy = pts[i].y - pts[j].y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const force = (d * d) / k;
      pts[i].dx -= (dx / d) * force; pts[i].dy -= (dy / d) * force;
      pts[j].dx += (dx / d) * force; pts[j].dy += (dy / d) * force;
    }
    for (const p of pts) {
      // A pull to the centre that grows with distance keeps unconnected pieces together.
      const cx = W / 2 - p.x; const cy = H / 2 - p.y;
      const dc = Math.hypot(cx, cy);
      p.dx += (cx * dc) / k / 16; p.dy += (cy * dc) / k / 16;
      const d = Math.max(0.01, Math.hypot(p.dx, p.dy));
      const move = Math.min(d, temp);
      p.x += (p.dx / d) * move; p.y += (p.dy / d) * move;
    }
  }
  // Fit the result into the frame, leaving room for the labels.
  const pad = 40;
  const xs = pts.map((p) => p.x); const ys = pts.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (W - 2 * pad) / Math.max(1, x1 - x0); const sy = (H - 2 * pad) / Math.max(1, y1 - y0);
  const scale = Math.min(sx, sy, 3);
  const ox = (W - (x1 - x0) * scale) / 2; const oy = (H - (y1 - y0) * scale) / 2;
  return new Map(codes.map((c, i) => [c, { x: ox + (pts[i].x - x0) * scale, y: oy + (pts[i].y - y0) * scale }]));
}

// ---------------------------------------------------------------------------------------------
// 5. Events

const SORTS = [['-date', 'newest first'], ['date', 'oldest first'], ['goldstein', 'most hostile first'],
  ['-goldstein', 'most cooperative first'], ['-mentions', 'most mentioned first']];

async function viewEvents({ f, q }) {
  const sort = SORTS.some(([v]) => v === q.get('sort')) ? q.get('sort') : '-date';
  const offset = Math.max(0, parseInt(q.get('offset'), 10) || 0);
  const r = await api('/api/events', { ...f, sort, limit: PAGE, offset });
  const go = (o) => href('events', { sort, offset: o || null });
  const range = r.events.length ? `${offset + 1}–${offset + r.events.length}` : '0';
  const sorter = h('select', { id: 'events-sort', onchange: (e) => navigate(href('events', { sort: e.target.value })) },
    SORTS.map(([v, text]) => h('option', { value: v, selected: v === sort }, text)));
  // The pager shows above and below long tables; only the upper one carries the test hook id.
  const pager = (id) => h('nav', { class: 'pager', 'aria-label': id ? 'Pages' : 'Pages (bottom)' },
    offset > 0 ? h('a', { href: go(Math.max(0, offset - PAGE)), rel: 'prev' }, '← Previous') : h('span', { class: 'off' }, '← Previous'),
    h('span', null, `${range} of `, h('span', { id }, r.total)),
    r.next_offset !== null ? h('a', { href: go(r.next_offset), rel: 'next' }, 'Next →') : h('span', { class: 'off' }, 'Next →'));
  // The same events as files, for a spreadsheet or a GDELT pipeline (the API's largest page).
  const file = (format) => {
    const p = new URLSearchParams({ ...f, sort, format, limit: 1000, offset });
    return `/api/events?${p}`;
  };
  const downloads = h('p', { id: 'events-download', class: 'hint' }, 'Download these events (up to 1000 from this page on): ',
    h('a', { href: file('csv'), download: 'events.csv' }, 'CSV'), ' · ',
    h('a', { href: file('gdelt'), download: 'events.gdelt.tsv' }, 'GDELT 2.0 rows'), ' · ',
    h('a', { href: file('json'), download: 'events.json' }, 'JSON'));
  return [
    h('h2', null, 'Events'),
    h('div', { class: 'table-tools' }, h('label', { for: 'events-sort' }, 'Sort '), sorter, pager('events-total')),
    downloads,
    eventTable('events-table', r.events),
    r.events.length > 20 ? pager(null) : null,
  ];
}

/** A table of events; each row opens its document with the event highlighted. */
function eventTable(id, events) {
  const rows = events.map((e) => {
    const doc = href('doc', { id: e.doc_id, event: e.event_id });
    return linkRow({ 'data-event-id': e.event_id, 'data-doc-id': e.doc_id }, doc, [
      e.date, actorLabel(e.source), h('span', null, h('code', null, e.cameo), ` ${e.cameo_name}`), actorLabel(e.target),
      e.place ? e.place.name : '–',
      h('span', { class: 'g' }, h('span', { class: 'swatch', style: `background:${goldsteinColour(e.goldstein)}` }), fmt(e.goldstein)),
      e.lang, h('a', { href: doc }, e.doc_id),
    ]);
  });
  if (!events.length) rows.push(h('tr', null, h('td', { colspan: 8 }, 'No events match these filters.')));
  // On a narrow screen the table scrolls sideways inside its box, not the whole page.
  return h('div', { class: 'scroll' }, table({ id, class: 'events' }, ['Date', 'Source', 'Event', 'Target', 'Place', 'Goldstein', 'Lang', 'Document'], rows));
}

// ---------------------------------------------------------------------------------------------
// 6. Document

async function viewDoc(ctx) {
  const id = ctx.q.get('id');
  if (!id) return [h('h2', null, 'Document'), h('p', { class: 'hint' }, 'Open a document from the event table.')];
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  const textBox = h('div', { id: 'doc-text', class: 'doc-text' });
  const about = h('p', { id: 'doc-selected', class: 'selected' });
  const list = h('ol', { id: 'doc-events' });
  const bytes = new TextEncoder().encode(doc.text || '');

  const select = (ev) => {
    for (const li of list.children) {
      const on = li.dataset.eventId === ev.event_id;
      li.classList.toggle('current', on);
      if (on) li.firstChild.setAttribute('aria-current', 'true'); else li.firstChild.removeAttribute('aria-current');
    }
    about.replaceChildren(h('code', null, ev.cameo), ` ${ev.cameo_name}: `, actorLabel(ev.source), ' → ', actorLabel(ev.target),
      ev.place ? ` in ${ev.place.name}` : '', `, ${ev.date}, Goldstein ${fmt(ev.goldstein)}. Rule: `,
      h('code', { id: 'doc-rule' }, ev.rule));
    textBox.replaceChildren(...(bytes.length ? highlight(bytes, ev.evidence || {}) : [h('p', { class: 'hint' }, 'The text of this document was not stored.')]));
  };
  // Long texts: bring the highlighted trigger into view.
  const reveal = () => { const m = textBox.querySelector('mark.hl-trigger'); if (m) m.scrollIntoView({ block: 'nearest' }); };
  for (const ev of doc.events) {
    const link = href('doc', { id: doc.id, event: ev.event_id });
    list.append(h('li', { 'data-event-id': ev.event_id },
      h('a', {
        href: link,
        // Another event of the same document: highlight it here, no need to fetch again.
        onclick: (e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          history.pushState(null, '', link);
          select(ev);
          reveal();
        },
      }, h('code', null, ev.cameo), ` ${ev.cameo_name}`),
      ` · ${ev.source ? ev.source.code : '–'} → ${ev.target ? ev.target.code : '–'} · `, h('span', { class: 'rule' }, ev.rule)));
  }
  const wanted = doc.events.find((ev) => ev.event_id === ctx.q.get('event')) || doc.events[0];
  if (wanted) select(wanted);
  else about.textContent = 'No events were coded in this document.';
  if (ctx.q.get('event')) ctx.after = reveal;
  const title = doc.title || doc.id;
  const safeUrl = doc.url && /^https?:\/\//i.test(doc.url) ? doc.url : null;
  return [
    h('h2', null, title),
    h('p', { class: 'meta' }, `${doc.date || 'undated'} · ${doc.lang} · id ${doc.id}`,
      safeUrl ? [' · ', h('a', { href: safeUrl, rel: 'noopener noreferrer' }, doc.url)] : doc.url ? ` · ${doc.url}` : ''),
    about,
    legend([['hl-trigger', 'trigger'], ['hl-source', 'source'], ['hl-target', 'target'], ['hl-place', 'place'], ['hl-sentence', 'sentence of the event']]),
    textBox,
    h('h3', null, `Events in this document (${doc.events.length})`),
    list,
  ];
}

/**
 * The text with the event's evidence marked. Spans are UTF-8 byte offsets and may overlap (a
 * trigger can contain the target), so the text is cut at every span boundary and each segment
 * gets the class of every span that covers it.
 */
function highlight(bytes, evidence) {
  // A boundary inside a multi-byte character would garble it: move it back to the character start.
  const atChar = (i) => { let b = clamp(i, 0, bytes.length); while (b > 0 && b < bytes.length && (bytes[b] & 0xc0) === 0x80) b--; return b; };
  const spans = ['sentence', 'trigger', 'source', 'target', 'place']
    .filter((k) => Array.isArray(evidence[k]))
    .map((k) => ({ cls: `hl-${k}`, start: atChar(evidence[k][0]), end: atChar(evidence[k][1]) }))
    .filter((sp) => sp.end > sp.start);
  const cuts = [...new Set([0, bytes.length, ...spans.flatMap((sp) => [sp.start, sp.end])])].sort((x, y) => x - y);
  const decoder = new TextDecoder();
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const text = decoder.decode(bytes.subarray(from, to));
    const classes = spans.filter((sp) => sp.start <= from && to <= sp.end).map((sp) => sp.cls);
    if (!classes.length) out.push(text);
    else if (classes.length === 1 && classes[0] === 'hl-sentence') out.push(h('span', { class: 'hl-sentence' }, text));
    else out.push(h('mark', { class: classes.join(' ') }, text));
  }
  return out;
}

render(false);

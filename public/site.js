// Lambda Lab's site script: what every page needs besides its HTML, in plain
// JavaScript, so that pages without interaction load no wasm at all.
//
//  - the theme toggle in the header;
//  - the page's one wasm module (#app[data-src]): import it and mount it;
//  - the service worker: offline use and a "New version — reload" prompt;
//  - "Make available offline" ([data-offline]);
//  - small touches on pages written at build time: the reader's progress on
//    the lesson index, the address on the 404 page, and a lesson's requested
//    step shown alone until the lessons module takes over.
//
// Storage, service workers and the clipboard may be missing or throw
// (sandboxed embeds, private windows): every use is guarded.

// The pages' Content-Security-Policy allows no style attributes, and the
// chart library (plotters) measures text with a span styled through
// setAttribute('style', …). Writes through the CSS object model are allowed,
// so style attributes set from script go that way.
{
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (typeof name === 'string' && name.toLowerCase() === 'style' && this.style) {
      this.style.cssText = String(value);
      return undefined;
    }
    return setAttribute.call(this, name, value);
  };
}

const root = document.documentElement;
const query = new URLSearchParams(location.search);
const base = ((document.querySelector('meta[name="lambda-lab-base"]') || {}).content || '').replace(/\/$/, '');
const store = {
  get(key) {
    try { return window.localStorage.getItem('lambda-lab.' + key); } catch (e) { return null; }
  },
  set(key, value) {
    try { window.localStorage.setItem('lambda-lab.' + key, value); return true; } catch (e) { return false; }
  },
};

// ── Theme ──────────────────────────────────────────────────────────────────
// The head's inline script applied the remembered theme before the first
// paint; this wires the toggle and tells the wasm modules (charts redraw).
const darkQuery = (() => { try { return matchMedia('(prefers-color-scheme: dark)'); } catch (e) { return null; } })();
function themeNow() {
  const t = root.getAttribute('data-theme');
  if (t === 'light' || t === 'dark') return t;
  return darkQuery && darkQuery.matches ? 'dark' : 'light';
}
function showTheme() {
  for (const b of document.querySelectorAll('.theme-toggle')) b.setAttribute('aria-pressed', String(themeNow() === 'dark'));
  window.dispatchEvent(new Event('lambda-lab-theme'));
}
for (const b of document.querySelectorAll('.theme-toggle')) {
  b.addEventListener('click', () => {
    const next = themeNow() === 'dark' ? 'light' : 'dark';
    root.setAttribute('data-theme', next);
    store.set('theme', next);
    showTheme();
  });
}
if (darkQuery && darkQuery.addEventListener) {
  darkQuery.addEventListener('change', () => { if (!root.hasAttribute('data-theme')) showTheme(); });
}
for (const b of document.querySelectorAll('.theme-toggle')) b.setAttribute('aria-pressed', String(themeNow() === 'dark'));

// ── A lesson page before its module runs ───────────────────────────────────
// The page holds every step; show the one the address asks for (CSS already
// hid all but the first before the first paint), so that the lessons module
// takes over the same places.
const lessonText = document.querySelector('.lesson-static');
if (lessonText) {
  const steps = [...lessonText.querySelectorAll('.lesson-step')];
  // The presenter view and handouts hide the site's chrome from the first paint.
  if (query.get('view') === 'present') root.classList.add('presenting');
  if (['print', 'handout', 'answers'].includes(query.get('view'))) {
    root.classList.add('handing-out');
    lessonText.classList.add('all-steps');
  } else {
    const want = query.get('step') || '';
    let i = steps.findIndex((s) => s.dataset.step === want);
    if (i < 0 && /^\d+$/.test(want)) i = Number(want) - 1;
    if (!(i >= 0 && i < steps.length)) i = 0;
    steps.forEach((s, k) => s.classList.toggle('current', k === i));
    // A step's own address (a QR code on a phone) opens at its heading.
    if (query.has('step') && query.get('view') !== 'present') (steps[i].querySelector('h2') || steps[i]).scrollIntoView();
    for (const c of document.querySelectorAll('[data-testid="step-count"]')) c.textContent = `Step ${i + 1} of ${steps.length}`;
  }
}

// A lesson's calculators hold their first figures for the step's values
// (written at build time, in US English): in the reader's locale, as the
// calculator will write them.
for (const f of document.querySelectorAll('.lesson-first [data-metric]')) {
  try { f.textContent = readAs(f.dataset.reading, f.dataset.value); } catch (e) { /* keep the built text */ }
}
// The lessons module replaces the page's text; each calculator it draws shows
// these figures again until its own module has mounted, from templates kept
// outside #app (templates, so no figure is counted twice on the page).
if (lessonText && lessonText.querySelector('.lesson-first[data-key]')) {
  const store = document.createElement('div');
  store.id = 'lesson-first-store';
  store.hidden = true;
  for (const f of lessonText.querySelectorAll('.lesson-first[data-key]')) {
    const t = document.createElement('template');
    t.dataset.key = f.dataset.key;
    t.innerHTML = f.outerHTML;
    store.append(t);
  }
  document.body.append(store);
}

// ── The lesson index: the reader's progress, kept by the lessons module ────
function progressOf(raw) {
  const p = { last: '', seen: [], ok: [] };
  for (const part of String(raw).split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const k = part.slice(0, at);
    const v = part.slice(at + 1);
    const ids = v.split(',').filter((x) => x && x.length <= 80);
    if (k === 'last') p.last = v;
    else if (k === 'seen') p.seen = ids;
    else if (k === 'ok') p.ok = ids;
  }
  return p;
}
for (const card of document.querySelectorAll('.lesson-card[data-lesson]')) {
  const raw = store.get('progress.' + card.dataset.lesson);
  if (!raw) continue;
  const steps = (card.dataset.steps || '').split(' ').filter(Boolean);
  const checks = (card.dataset.checks || '').split(' ').filter(Boolean);
  const p = progressOf(raw);
  const seen = p.seen.filter((id) => steps.includes(id)).length;
  const ok = p.ok.filter((id) => checks.includes(id)).length;
  if (seen === 0 && ok === 0) continue;
  const note = card.querySelector('[data-progress]');
  if (note) {
    // The lesson page's own sentence, written into the page at build time.
    const sentence = note.dataset.progress.replace('{seen}', seen).replace('{ok}', ok);
    note.textContent = ` · ${sentence}`;
    note.hidden = false;
  }
  const link = card.querySelector('h2 a');
  if (link && steps.includes(p.last)) link.href = `${link.pathname}?step=${encodeURIComponent(p.last)}`;
}

// ── The 404 page names the address ─────────────────────────────────────────
for (const c of document.querySelectorAll('[data-current-path]')) c.textContent = location.pathname;

// ── The page's wasm module ─────────────────────────────────────────────────
const app = document.getElementById('app');
const viewParam = query.get('view');
// A lesson presented or printed runs on the teaching module instead.
if (app && app.dataset.teachSrc && app.dataset.lesson && ['present', 'handout', 'answers', 'print'].includes(viewParam)) {
  app.dataset.src = app.dataset.teachSrc;
}
// A calculator presented (`?view=present`): its compact layout for a projector,
// with a QR code of its current values for the room.
const presentingCalc = !!(app && app.dataset.page && app.dataset.teachSrc && viewParam === 'present');
if (presentingCalc) root.classList.add('presenting');
if (app && app.dataset.src) {
  // On a calculator page this script is loaded by the page's inline first-
  // figures script once a link's own figures are written (html.rs,
  // FIGURES_SCRIPT), so the interactive module never shares the network
  // with them.
  mountModule(app);
} else {
  root.dataset.app = 'ready';
}

// ── First figures ──────────────────────────────────────────────────────────
// A calculator page's own first figures are written by its inline script
// (FIGURES_SCRIPT in crates/site/src/generate/html.rs), which reads them the
// same way as `readAs` here; a lesson's calculators hold theirs for the
// step's values, rewritten here in the reader's locale.
function readAs(reading, value) {
  const x = Number(value);
  if (value === '' || value === undefined || !Number.isFinite(x)) return '\u2014';
  const intl = (opts) => new Intl.NumberFormat([], opts).format(x);
  const usd = (digits) => intl({ style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits });
  const [kind, d] = String(reading).split(':');
  switch (kind) {
    case 'usd': return usd(2);
    case 'usd-small': return x === 0 || Math.abs(x) >= 0.01 ? usd(2) : usd(Math.min(14, -Math.floor(Math.log10(Math.abs(x))) + 3));
    case 'mb': return `${value} MB`;
    case 'ms': return `${intl({ maximumFractionDigits: Number(d) })} ms`;
    case 'num': return intl({ maximumFractionDigits: Number(d) });
    case 'pct': return `${(x * 100).toFixed(3)}%`;
    default: return String(value);
  }
}

const NEW_VERSION = 'A new version of Lambda Lab is ready \u2014 reload to continue.';

/**
 * Why a module did not load: 'new-version' when the host no longer has it
 * (the site was redeployed while this page was open), 'offline' when the
 * network is down, else 'failed'.
 */
async function whyNotLoaded(src) {
  if (navigator.onLine === false) return 'offline';
  try {
    const r = await fetch(src, { method: 'HEAD', cache: 'no-store' });
    return r.status === 404 || r.status === 410 ? 'new-version' : 'failed';
  } catch (e) {
    return 'offline';
  }
}
// A module loaded on demand (a lesson's calculator, the Embed dialog) that
// finds its build gone says so through this event.
document.addEventListener('lambda-lab-new-version', () => offerReload(null));

async function mountModule(el) {
  try {
    const m = await import(el.dataset.src);
    await m.default();
    const mode = el.dataset.mode || 'page';
    if (mode === 'embed') m.embed(el, location.search.slice(1), true);
    else if (presentingCalc) {
      const q = new URLSearchParams(query);
      q.delete('view');
      m.embed(el, q.toString(), true);
      await presentCalculator(el);
    }
    else if (mode === 'debug_panic' && m.debug_panic) m.debug_panic(el);
    else m.mount(el);
    root.dataset.app = 'ready';
    document.dispatchEvent(new Event('lambda-lab-app'));
  } catch (e) {
    // A Rust panic has already replaced the page with its own message.
    if (document.querySelector('[data-testid="panic-page"]')) return;
    console.warn('Lambda Lab: the page module did not start.', e);
    const why = await whyNotLoaded(el.dataset.src);
    root.dataset.app = 'failed';
    const offline = why === 'offline';
    const note = document.createElement('p');
    note.className = 'notice';
    note.setAttribute('role', 'status');
    note.setAttribute('data-testid', 'module-status');
    if (why === 'new-version') {
      // This page is of a build the host no longer has: a redeploy.
      if (lessonText) lessonText.classList.add('all-steps');
      note.textContent = NEW_VERSION;
      offerReload(null);
    } else if (lessonText) {
      lessonText.classList.add('all-steps');
      note.textContent = offline
        ? 'You are offline, and the interactive lesson is not saved on this device yet, so here is the whole lesson as text.'
        : 'The interactive lesson could not be loaded, so here is the whole lesson as text. Reload the page to try again.';
    } else {
      note.textContent = offline
        ? 'You are offline, and this calculator is not saved on this device yet. Reconnect and reload the page.'
        : 'The calculator could not be loaded. Reload the page to try again.';
    }
    const old = el.querySelector('[data-testid="module-status"]');
    if (old) old.replaceWith(note);
    else el.prepend(note);
    document.dispatchEvent(new Event('lambda-lab-app'));
  }
}

// ── A calculator in the presenter view ─────────────────────────────────────
// The calculator's module draws its compact layout; around it go the title,
// full screen and exit, and a QR code (made by the teaching module) of the
// link its footer holds, which follows every change of its values.
async function presentCalculator(el) {
  const teach = await import(el.dataset.teachSrc);
  await teach.default();
  const h1 = document.querySelector('main > h1');
  const bar = document.createElement('div');
  bar.className = 'present-bar';
  bar.innerHTML = '<div class="present-heading"><h1 id="step-title" tabindex="-1"></h1>'
    + '<p class="present-where">Lambda Lab · change a value and the QR code follows</p></div>'
    + '<div class="present-actions"><button type="button" aria-keyshortcuts="f">Full screen</button>'
    + '<a class="button" data-testid="present-exit">Exit</a></div>';
  bar.querySelector('h1').textContent = h1 ? h1.textContent : document.title;
  if (h1) h1.removeAttribute('id');
  const grid = document.createElement('div');
  grid.className = 'present-main';
  grid.dataset.testid = 'presenter';
  el.before(bar, grid);
  grid.append(el);
  const aside = document.createElement('aside');
  aside.className = 'present-qr';
  aside.setAttribute('aria-label', 'Open this calculator on your own device');
  aside.innerHTML = '<div class="qr-box" data-testid="qr"></div><p class="present-url"></p>';
  grid.append(aside);
  const exit = bar.querySelector('[data-testid="present-exit"]');
  const full = () => {
    try {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen().catch(() => {});
    } catch (e) { /* not allowed here */ }
  };
  bar.querySelector('button').addEventListener('click', full);
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if ((e.key === 'f' || e.key === 'F') && !e.ctrlKey && !e.metaKey && !e.altKey
      && !(t instanceof Element && t.closest('input, textarea, select, [contenteditable]'))) {
      e.preventDefault();
      full();
    }
  });
  let last = '';
  const update = () => {
    const link = el.querySelector('[data-testid="open-in-lambda-lab"]');
    const url = link ? link.href : location.href;
    if (url === last) return;
    last = url;
    const shown = url.replace(/^https?:\/\//, '');
    const box = aside.querySelector('.qr-box');
    box.innerHTML = teach.qr_svg(url, `QR code to open this calculator: ${shown}`);
    box.dataset.url = url;
    aside.querySelector('.present-url').textContent = shown;
    exit.href = url;
    // The address bar keeps the values too, so a reload presents the same state.
    try {
      const here = new URL(url);
      here.searchParams.set('view', 'present');
      history.replaceState(history.state, '', here.pathname + here.search);
    } catch (e) { /* an opaque origin */ }
  };
  new MutationObserver(update).observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['href'] });
  update();
}

// ── Embed pages: their height for the host page, and links out ─────────────
// An embed page lives in someone else's iframe. It tells the host its height
// whenever it changes, in the protocols hosts implement: WordPress's
// (`#?secret=…` in the address; the host asks again with "ready"), and the
// Embedly/iframely string that our own embed.js also reads. Links open in a
// new tab (or, inside WordPress, in the host page), never in the iframe.
// Nothing is reported while "Loading …" stands in for the calculator: the
// host keeps the height it started with (measured for its width), so the
// post does not shrink and jump back; the first report comes once the
// calculator is drawn (or has said why it could not be).
if (document.body.classList.contains('embed')) {
  const secret = (location.hash.match(/[#&?]secret=([A-Za-z0-9]+)/) || [])[1] || null;
  const host = window.parent !== window ? window.parent : null;
  let last = 0;
  const measure = () => Math.ceil(document.documentElement.getBoundingClientRect().height);
  const drawn = () => root.dataset.app === 'ready' || root.dataset.app === 'failed';
  document.addEventListener('lambda-lab-app', () => post(true));
  const post = (force) => {
    if (!drawn()) return;
    const height = measure();
    if (!host || (!force && height === last)) return;
    last = height;
    host.postMessage(JSON.stringify({ context: 'iframe.resize', src: location.href, height }), '*');
    if (secret) host.postMessage({ message: 'height', value: height, secret }, '*');
  };
  if ('ResizeObserver' in window) new ResizeObserver(() => post(false)).observe(document.body);
  window.addEventListener('load', () => post(true));
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.source === host && d && typeof d === 'object' && d.message === 'ready' && d.secret === secret) post(true);
  });
  post(true);
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (!a || e.defaultPrevented || a.hasAttribute('download') || e.button !== 0) return;
    const url = new URL(a.href, location.href);
    const here = url.origin === location.origin && url.pathname === location.pathname && url.search === location.search;
    if (here && url.hash) return; // a place on this page
    if (secret && host) {
      // WordPress opens links of its embeds in the host page itself.
      e.preventDefault();
      host.postMessage({ message: 'link', value: url.href, secret }, '*');
      return;
    }
    a.target = '_blank';
    a.rel = 'noopener';
  }, true);
}

// ── Service worker: offline copies and new versions ────────────────────────
// Reading navigator.serviceWorker throws in a sandboxed frame without allow-same-origin.
const sw = (() => { try { return 'serviceWorker' in navigator ? navigator.serviceWorker : null; } catch (e) { return null; } })();
let wantReload = false;

const worker = (async () => {
  if (!sw) return null;
  if (document.readyState !== 'complete') await new Promise((r) => window.addEventListener('load', r, { once: true }));
  try {
    const reg = await sw.register(base + '/sw.js', { scope: base + '/', updateViaCache: 'none' });
    watchUpdates(reg);
    const ready = await sw.ready;
    // A first visit was not yet under the worker: hand it what this page loaded.
    if (ready.active) {
      const urls = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)];
      ready.active.postMessage({ type: 'cache-urls', urls });
    }
    return ready;
  } catch (e) {
    return null; // sandboxed frames, blocked storage, file:// — the site simply works online
  }
})();

let registration = null;

function watchUpdates(reg) {
  registration = reg;
  const offer = () => { if (reg.waiting && sw.controller) offerReload(reg.waiting); };
  offer();
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    if (w) w.addEventListener('statechange', () => { if (w.state === 'installed') offer(); });
  });
  sw.addEventListener('controllerchange', () => { if (wantReload) location.reload(); });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reg.update().catch(() => {});
  });
  setInterval(() => reg.update().catch(() => {}), 60 * 60 * 1000);
}

/**
 * The "new version" banner. With a worker waiting, Reload hands over to it
 * (and the page reloads when it takes control); without one (a page of a
 * redeployed build, no worker or the new one not found yet) it looks for the
 * new worker first and otherwise simply reloads.
 */
function offerReload(waiting) {
  if (document.querySelector('.update-banner')) return;
  const bar = document.createElement('div');
  bar.className = 'update-banner';
  bar.setAttribute('role', 'status');
  bar.setAttribute('data-testid', 'update-banner');
  const text = document.createElement('p');
  text.textContent = 'A new version of Lambda Lab is ready.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'primary';
  button.textContent = 'Reload';
  button.addEventListener('click', async () => {
    button.disabled = true;
    let w = waiting;
    if (!w && registration) {
      await registration.update().catch(() => {});
      const installing = registration.installing;
      if (installing) {
        await new Promise((r) => {
          const done = () => { if (installing.state === 'installed' || installing.state === 'redundant') r(); };
          installing.addEventListener('statechange', done);
          done();
        });
      }
      w = registration.waiting;
    }
    if (w && sw && sw.controller) {
      wantReload = true;
      w.postMessage({ type: 'skip-waiting' });
    } else {
      location.reload();
    }
  });
  bar.append(text, button);
  document.body.append(bar);
}

/** Sends a message to the active worker; `onMessage` hears its replies. */
function ask(reg, message, onMessage) {
  const channel = new MessageChannel();
  channel.port1.onmessage = (e) => onMessage(e.data || {});
  reg.active.postMessage(message, [channel.port2]);
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

for (const box of document.querySelectorAll('[data-offline]')) wireOffline(box);

function wireOffline(box) {
  const button = box.querySelector('[data-offline-button]');
  const bar = box.querySelector('[data-offline-progress]');
  const status = box.querySelector('[data-offline-status]');
  const size = box.querySelector('[data-offline-size]');
  const say = (text) => { status.textContent = text; };
  if (!sw) {
    say('This browser keeps no offline copy here (service workers are off, as in private windows). Lambda Lab still works online.');
    return;
  }
  say('Checking what this browser has saved …');
  const show = (s) => {
    if (size && s.bytes) size.textContent = `It is about ${mb(s.bytes)} to download (${s.files} files).`;
    if (s.ready) {
      box.dataset.offlineState = 'ready';
      say(`Ready offline: every page, lesson and calculator of this version is saved in this browser (${mb(s.bytes)}).`);
      button.textContent = 'Check the offline copy again';
    } else {
      box.dataset.offlineState = 'online';
      say(s.saved ? `${s.saved} of ${s.files} files are saved from the pages you visited.` : 'Nothing is saved for offline use yet.');
    }
    button.disabled = false;
  };
  worker.then((reg) => {
    if (!reg || !reg.active) {
      say('This browser could not start the offline helper here. Lambda Lab still works online.');
      return;
    }
    ask(reg, { type: 'offline-status' }, show);
    button.addEventListener('click', () => {
      button.disabled = true;
      bar.hidden = false;
      bar.value = 0;
      box.dataset.offlineState = 'downloading';
      say('Downloading …');
      ask(reg, { type: 'offline-all' }, (m) => {
        if (m.type === 'progress') {
          bar.max = m.totalBytes || 1;
          bar.value = m.bytes;
          say(`Downloading: ${m.done} of ${m.total} files, ${mb(m.bytes)} of ${mb(m.totalBytes)}.`);
        } else if (m.type === 'done') {
          bar.value = bar.max;
          show(m.status);
        } else if (m.type === 'error') {
          box.dataset.offlineState = 'error';
          button.disabled = false;
          say(`The download stopped: ${m.message}. Check the connection and try again; what was saved stays saved.`);
        }
      });
    });
  });
}

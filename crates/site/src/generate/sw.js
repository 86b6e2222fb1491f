// Lambda Lab's service worker. `cargo xtask` writes it for each build with
// that build's file list above this line (VERSION, BASE, FILES), so a deploy
// changes it and the browser installs the new version beside the old one.
//
// - Hashed files (modules, stylesheet, site script, icon) never change under
//   their name: served from the cache first.
// - Pages: from the network first, revalidated past the browser's HTTP cache
//   (a host may send `max-age=600`: a page fetched just before a deploy must
//   not come back after "Reload"), so a visit sees the latest; from the cache
//   when the network fails or takes over 3 s and a copy is saved.
// - Every page visited is kept, with what it loaded; "Make available offline"
//   saves the rest of this version's files.
// - Each version has its own cache, and a page only ever names files of its
//   own version, so a page never runs with two versions' files. A new
//   version waits until the reader chooses "Reload" (site.js). Installing, it
//   carries what the reader had into its own cache, refreshed: the pages
//   visited and the new build's files in place of the old ones (or, if the
//   reader saved the site for offline use, everything). The previous
//   version's cache stays until the version after, so a page of that build
//   still open finds the modules it fetches on demand when they were saved;
//   when they were not, the page says a new version is ready (site.js).

const CACHE = 'lambda-lab-' + VERSION;
const META = 'lambda-lab-meta';
const IMMUTABLE = new Set(FILES.filter((f) => f[2]).map((f) => f[0]));
const KNOWN = new Set(FILES.map((f) => f[0]));
const TOTAL_BYTES = FILES.reduce((sum, f) => sum + f[1], 0);
const OFFLINE_PAGE = BASE + 'offline/';
/** A hashed file's name with its content hashes masked: the same file of another build. */
const shape = (path) => path.replace(/-[0-9a-f]{12,16}(?=[/.])/g, '-#');
const BY_SHAPE = new Map([...IMMUTABLE].map((p) => [shape(p), p]));
const isHashed = (path) => shape(path) !== path;
/** Pages are fetched past the HTTP cache (revalidated: a 304 costs little). */
const FRESH = { cache: 'no-cache', credentials: 'same-origin' };

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.add(new Request(OFFLINE_PAGE, FRESH)).catch(() => {});
    if (self.registration.active) {
      // An update: keep an offline copy offline across versions, and what
      // the reader visited available as before.
      if (await wantsOffline()) await saveAll(null);
      else await carry(cache);
    } else {
      await self.skipWaiting(); // the first install has nothing to wait for
    }
  })());
});

/** The caches of other versions (what they hold is merged, so their order does not matter). */
async function otherCaches() {
  return (await caches.keys()).filter((n) => n.startsWith('lambda-lab-') && n !== CACHE && n !== META);
}

async function versions() {
  const r = await (await caches.open(META)).match('versions');
  try { return r ? await r.json() : []; } catch (e) { return []; }
}

/** Copies what the reader had from the previous versions, as this build's files. */
async function carry(cache) {
  const have = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  const wanted = new Set();
  for (const name of await otherCaches()) {
    for (const req of await (await caches.open(name)).keys()) {
      const path = new URL(req.url).pathname;
      const now = isHashed(path) ? BY_SHAPE.get(shape(path)) : (KNOWN.has(path) || path.endsWith('/') ? path : null);
      if (now && !have.has(now)) wanted.add(now);
    }
  }
  // The shared files every page names (stylesheet, site script, icon).
  for (const path of IMMUTABLE) if (!path.includes('/modules/')) wanted.add(path);
  const queue = [...wanted];
  const work = async () => {
    while (queue.length) {
      const path = queue.shift();
      try {
        const r = await fetch(path, FRESH);
        if (r.ok && r.type === 'basic' && !r.redirected) await cache.put(self.location.origin + path, r);
      } catch (e) { /* offline: the page comes back when next visited */ }
    }
  };
  await Promise.all([work(), work(), work(), work()]);
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Keep this version and the one before it (pages of that build may
    // still be open); older ones go.
    const order = (await versions()).filter((n) => n !== CACHE);
    order.push(CACHE);
    const keep = new Set(order.slice(-2));
    for (const name of await caches.keys()) {
      if (name.startsWith('lambda-lab-') && name !== META && !keep.has(name)) await caches.delete(name);
    }
    await (await caches.open(META)).put('versions', new Response(JSON.stringify(order.filter((n) => keep.has(n)))));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const msg = event.data || {};
  const port = event.ports && event.ports[0];
  if (msg.type === 'skip-waiting') {
    self.skipWaiting();
  } else if (msg.type === 'cache-urls' && Array.isArray(msg.urls)) {
    event.waitUntil(keep(msg.urls));
  } else if (msg.type === 'offline-status' && port) {
    event.waitUntil(status().then((s) => port.postMessage(s)));
  } else if (msg.type === 'offline-all' && port) {
    event.waitUntil(saveAll(port));
  }
});

/** The cache key of a page: its path with a trailing slash, no query. */
function pageKey(url) {
  let path = url.pathname;
  if (!path.endsWith('/') && !path.slice(path.lastIndexOf('/') + 1).includes('.')) path += '/';
  return url.origin + path;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (url.pathname === BASE + 'sw.js') return;
  if (req.mode === 'navigate') {
    event.respondWith(page(event, req, pageKey(url)));
  } else if (IMMUTABLE.has(url.pathname)) {
    event.respondWith(immutable(req, url.origin + url.pathname));
  } else if (isHashed(url.pathname)) {
    // A file of another build: an open page of the previous version asking
    // for a module on demand. From any version's cache, else the network.
    event.respondWith(caches.match(url.origin + url.pathname).then((r) => r || fetch(req)));
  } else {
    event.respondWith(networkFirst(req, url.origin + url.pathname));
  }
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function page(event, req, key) {
  const cache = await caches.open(CACHE);
  const network = fetch(req.url, FRESH).then(async (r) => {
    // A navigation cannot be answered with a followed redirect: redirect it.
    if (r.redirected) return Response.redirect(r.url, 301);
    if (r.ok && r.type === 'basic') await cache.put(key, r.clone());
    return r;
  });
  event.waitUntil(network.catch(() => {}));
  const saved = await cache.match(key);
  if (!saved) {
    return network.catch(async () => (await cache.match(OFFLINE_PAGE)) || Response.error());
  }
  return Promise.race([network.catch(() => saved), sleep(3000).then(() => saved)]);
}

async function immutable(req, key) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(key);
  if (saved) return saved;
  const r = await fetch(req);
  if (r.ok && r.type === 'basic') await cache.put(key, r.clone());
  return r;
}

async function networkFirst(req, key) {
  const cache = await caches.open(CACHE);
  try {
    const r = await fetch(req.url, FRESH);
    if (r.ok && r.type === 'basic' && !r.redirected) await cache.put(key, r.clone());
    return r;
  } catch (e) {
    return (await cache.match(key)) || Response.error();
  }
}

/** Saves what a page loaded before this worker controlled it. */
async function keep(urls) {
  const cache = await caches.open(CACHE);
  for (const u of urls) {
    let url;
    try { url = new URL(u); } catch (e) { continue; }
    if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) continue;
    const isPage = !url.pathname.slice(url.pathname.lastIndexOf('/') + 1).includes('.') || url.pathname.endsWith('.html');
    const key = isPage ? pageKey(url) : url.origin + url.pathname;
    if (!isPage && !KNOWN.has(url.pathname)) continue;
    if (await cache.match(key)) continue;
    try {
      const r = await fetch(isPage ? key : url.pathname, isPage ? FRESH : {});
      if (r.ok && r.type === 'basic' && !r.redirected) await cache.put(key, r);
    } catch (e) { /* offline: keep what we have */ }
  }
}

async function wantsOffline() {
  return !!(await (await caches.open(META)).match('offline'));
}

async function status() {
  const cache = await caches.open(CACHE);
  const keys = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  const saved = FILES.filter((f) => keys.has(f[0])).length;
  return { version: VERSION, files: FILES.length, bytes: TOTAL_BYTES, saved, ready: saved === FILES.length && (await wantsOffline()) };
}

/** Saves every file of this version, four at a time, reporting progress. */
async function saveAll(port) {
  const cache = await caches.open(CACHE);
  const have = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  let done = 0;
  let bytes = 0;
  const report = () => port && port.postMessage({ type: 'progress', done, total: FILES.length, bytes, totalBytes: TOTAL_BYTES });
  const queue = [...FILES];
  let failure = null;
  const work = async () => {
    while (queue.length && !failure) {
      const [path, size] = queue.shift();
      if (!have.has(path)) {
        try {
          const r = await fetch(path, { cache: 'no-cache' });
          if (!r.ok) throw new Error(`${path} answered ${r.status}`);
          await cache.put(self.location.origin + path, r);
        } catch (e) {
          failure = e;
          break;
        }
      }
      done += 1;
      bytes += size;
      report();
    }
  };
  await Promise.all([work(), work(), work(), work()]);
  if (failure) {
    if (port) port.postMessage({ type: 'error', message: String(failure.message || failure) });
    return;
  }
  await (await caches.open(META)).put('offline', new Response(VERSION));
  if (port) port.postMessage({ type: 'done', status: await status() });
}

// The app's service worker. A release build registers it (the line scripts/split.mjs adds
// to index.html) and fills in the two constants below: the build's hash and its files.
// - Install: every file of this build goes into one cache, named after the build.
// - Fetch: this build's files from that cache, then the network; a page load gets the
//   cached index.html, so a return visit waits on no round trip and works offline.
// - A new build: the browser installs its worker beside this one; it waits, and the page
//   says "a new version is available" until the person reloads — never two versions mixed.
// `trunk serve` (debug or release, through scripts/serve.sh or not) registers none. As copied unfilled
// (a debug build) it caches and intercepts nothing, and unregisters itself once active.
const BUILD = '__SSP_BUILD__';
const PRECACHE = [/* __SSP_PRECACHE__ */];
const FILLED = !BUILD.startsWith('__');
const CACHE = `ssp-${BUILD}`;

self.addEventListener('install', (event) => {
  if (!FILLED) {
    self.skipWaiting();
    return;
  }
  // Each hashed file is fetched with its integrity: a changed byte fails the install.
  const requests = PRECACHE.map(([url, integrity = '']) => new Request(url, { integrity }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('ssp-') && key !== CACHE) await caches.delete(key);
    }
    if (!FILLED) {
      await self.registration.unregister();
      return;
    }
    await self.clients.claim();
  })());
});

// The page's "Reload" button: the waiting worker takes over, the page reloads once.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!FILLED || request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Every route is the single page: index.html answers a navigation.
  const key = request.mode === 'navigate' ? '/index.html' : request;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(key, { ignoreSearch: request.mode === 'navigate' })) ?? fetch(request);
  })());
});

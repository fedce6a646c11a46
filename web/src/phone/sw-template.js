// The phone app's service worker (built to /m/sw.js by vite.config.ts, which fills in the list of the app's files):
// the app's files are kept at install, so a cached app opens offline; pages under /m/ are the app's page when the
// network fails. The API is never answered from here: what is done offline waits in the app's outbox instead.
const version = '__VERSION__';
const files = __FILES__;
const cacheName = `platform-phone-${version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(files)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('platform-phone-') && name !== cacheName).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/m/')) {
    // The page: from the network when there is one (a release is seen at once), else the kept one.
    event.respondWith(fetch(request).catch(() => caches.match('/m/index.html', { cacheName })));
    return;
  }

  if (files.includes(url.pathname)) {
    // Hashed files never change: the kept copy is the file.
    event.respondWith(caches.match(url.pathname, { cacheName }).then((kept) => kept ?? fetch(request)));
    return;
  }

  if (url.pathname.startsWith('/assets/')) {
    // A large file not kept at install (the map's library): kept once it has been used, so it works offline after.
    event.respondWith(caches.open(cacheName).then(async (cache) => {
      const kept = await cache.match(request);
      if (kept) return kept;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    }));
  }
});

// Registers the service worker (public/sw.js) and tells the page of a new version. Inlined
// into index.html by scripts/build/worker.mjs; the policy names it by its hash.
(function () {
  if (!('serviceWorker' in navigator)) return;
  var sw = navigator.serviceWorker, waiting = null, reloading = false, had = !!sw.controller;
  // A worker installed while another controls the page is a new version: say so. Another:
  // WebKit may tell of the first worker's install after that worker took the page over.
  function ready(w) {
    if (sw.controller === w) return;
    waiting = w;
    window.sspUpdate = true;
    dispatchEvent(new Event('ssp:update'));
  }
  // Registered once the app's first page is up (`ssp:ready`), not at `load`: on a phone its
  // download of the whole build would share the line with the page's own wasm.
  addEventListener('ssp:ready', function () {
    sw.register('/sw.js', { updateViaCache: 'none' }).then(function (r) {
      if (!r) return;
      if (r.waiting && sw.controller) ready(r.waiting);
      r.addEventListener('updatefound', function () {
        var w = r.installing;
        if (w) w.addEventListener('statechange', function () {
          if (w.state === 'installed' && sw.controller) ready(w);
        });
      });
    // No worker (blocked, a private window): the app works as before, from the network.
    }, function () {});
  });
  // Another worker took over a page that had one (Reload, or a worker removing itself):
  // reload once, so the page and its files are of one version.
  sw.addEventListener('controllerchange', function () {
    if ((had || waiting) && !reloading) {
      reloading = true;
      location.reload();
    }
  });
  addEventListener('ssp:reload', function () {
    if (waiting) waiting.postMessage('skip-waiting');
    else location.reload();
  });
})();

// TongSheng's service worker: the suggestion form and the offline page open without a
// network. Pages are fetched from the network first (always fresh when online; a page's
// own scripts always get a fresh page, with a valid form token); only the shell below is
// kept, never a child's own pages, so a shared tablet keeps nothing personal.
"use strict";
var VERSION = {{ version|tojson }};
var SHELL = {{ shell|tojson }};
var OFFLINE = {{ offline|tojson }};

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(VERSION).then(function (cache) {
    return cache.addAll(SHELL.map(function (url) {
      return new Request(url, { credentials: "omit" });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== VERSION; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function kept(url) {
  var path = new URL(url).pathname;
  return path.indexOf("/static/") === 0 && SHELL.indexOf(path) !== -1;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(function () {
      return caches.match(request, { ignoreSearch: true }).then(function (found) {
        return found || caches.match(OFFLINE);
      });
    }));
    return;
  }
  if (kept(request.url)) {
    event.respondWith(caches.match(request).then(function (found) {
      return found || fetch(request);
    }));
  }
});

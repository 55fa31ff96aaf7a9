// TongSheng's service worker: the suggestion form and the offline page open without a
// network. Pages are fetched from the network first (always fresh when online; a page's
// own scripts always get a fresh page, with a valid form token); only the shell below is
// kept, never a child's own pages, so a shared tablet keeps nothing personal.
// The map (the list of places and each place page someone opened) is kept too, so a class
// can look at it offline: the copy kept is the page as anyone without an account sees it
// (fetched again without cookies, from the address the page names in its "ts-saved-copy"
// meta), and when it is shown offline its note "没有网络，这是上次保存的" is shown.
"use strict";
var VERSION = {{ version|tojson }};
var SHELL = {{ shell|tojson }};
var OFFLINE = {{ offline|tojson }};
var SAVED = {{ saved_pattern|tojson }};
var NOTE_HIDDEN = 'id="saved-copy" hidden';

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

function savedPage(url) {
  return new RegExp(SAVED).test(new URL(url).pathname);
}

// Keep the anonymous copy of a map page the person just opened (nothing of who they are).
function keepCopy(request, response) {
  if (!response.ok) { return Promise.resolve(); }
  return response.text().then(function (html) {
    var named = /<meta name="ts-saved-copy" content="([^"]+)">/.exec(html);
    if (!named) { return; }
    var address = new URL(named[1].replace(/&amp;/g, "&"), self.location.origin);
    if (address.origin !== self.location.origin || !savedPage(address.href)) { return; }
    return fetch(new Request(address.href, { credentials: "omit" })).then(function (copy) {
      if (!copy.ok) { return; }
      return caches.open(VERSION).then(function (cache) { return cache.put(request.url, copy); });
    });
  }).catch(function () { /* kept the next time */ });
}

// The kept copy, with its note shown: this is not today's page.
function shownOffline(request) {
  return caches.open(VERSION).then(function (cache) {
    return cache.match(request.url).then(function (found) {
      return found || cache.match(request.url, { ignoreSearch: true });
    });
  }).then(function (found) {
    if (!found) { return caches.match(OFFLINE); }
    return found.text().then(function (html) {
      return new Response(html.replace(NOTE_HIDDEN, 'id="saved-copy"'),
                          { status: 200, headers: found.headers });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate" && savedPage(request.url)) {
    event.respondWith(fetch(request).then(function (response) {
      event.waitUntil(keepCopy(request, response.clone()));
      return response;
    }).catch(function () { return shownOffline(request); }));
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

// Web push (models/notices/push.py): the message says only that there is news, and where
// to look; a tap opens that page of this site.
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  event.waitUntil(self.registration.showNotification(data.title || "", {
    body: data.body || "", icon: {{ icon|tojson }}, data: { url: data.url || "/" },
    tag: "ts-news"
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = new URL((event.notification.data || {}).url || "/", self.location.origin);
  if (target.origin !== self.location.origin) { return; }
  event.waitUntil(self.clients.openWindow(target.href));
});

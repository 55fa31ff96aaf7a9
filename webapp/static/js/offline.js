// Offline and classroom use: registers the service worker, keeps suggestions and observer
// checklists written without a network on this device (localStorage) and sends them when
// the network is back.
// Each kept suggestion has its own idempotency key, made when it was written, so sending it
// twice (two tabs, a lost answer, a retry) still makes one suggestion on the server.
// A kept suggestion belongs to whoever was signed in when it was written ("who"), and is only
// sent while that same person (or the same anonymous device) is signed in again.
(function () {
  "use strict";
  var BOX = "ts-outbox";
  var SENT = "ts-sent";
  var VISITS = "ts-visit-outbox";
  var meta = document.querySelector("meta[name='ts-who']");
  var here = meta ? meta.getAttribute("content") : "device";
  if (navigator.onLine) { localStorage.setItem("ts-who", here); }
  var who = navigator.onLine ? here : (localStorage.getItem("ts-who") || here);

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () { /* the site works without */ });
  }

  function read(name) {
    try { return JSON.parse(localStorage.getItem(name) || "[]"); } catch (e) { return []; }
  }
  function write(name, items) { localStorage.setItem(name, JSON.stringify(items)); }

  function newKey() {
    var bytes = new Uint8Array(18);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function show() {
    var box = document.getElementById("outbox");
    if (!box) { return; }
    var waiting = read(BOX).filter(function (item) { return item.who === who; });
    var sent = read(SENT).filter(function (item) { return item.who === who; });
    document.getElementById("outbox-count").textContent = String(waiting.length);
    document.getElementById("outbox-waiting").hidden = waiting.length === 0;
    var list = document.getElementById("outbox-sent");
    list.replaceChildren.apply(list, sent.map(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = "/track/" + item.code;
      link.className = "code tap";
      link.textContent = item.code;
      li.append(link);
      return li;
    }));
    document.getElementById("outbox-done").hidden = sent.length === 0;
    box.hidden = waiting.length === 0 && sent.length === 0;
  }

  function keep(form) {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrf_token") { fields[name] = value; }
    });
    fields.idempotency_key = newKey();
    var items = read(BOX);
    items.push({ who: who, fields: fields, at: Date.now() });
    write(BOX, items);
    form.reset();
    var note = document.getElementById("outbox-kept");
    if (note) { note.hidden = false; }
    show();
  }

  function freshToken(formPage) {
    return fetch(formPage || "/suggest/", { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var token = page.querySelector("input[name='csrf_token']");
        return token ? token.value : "";
      });
  }

  function sendOne(item, token) {
    var body = new URLSearchParams(item.fields);
    body.set("csrf_token", token);
    return fetch("/suggest/", { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        // Stored means redirected to its tracking page, whatever that page then says.
        var match = /\/track\/(TS-[A-Z0-9]+)/.exec(response.url);
        if (response.redirected && match) { return match[1]; }
        // Anything else (an expired page, too many at once, a server problem) is kept and
        // tried again: a child's words are never thrown away here.
        throw new Error("later");
      });
  }

  // An observer checklist saved with no network: its fields (not its photos: a file cannot
  // wait in localStorage) wait here with their own key, and the visit's page takes them
  // once when they are sent again, however many times that is.
  function showVisits(sent) {
    var box = document.getElementById("visit-outbox");
    if (!box) { return; }
    var waiting = read(VISITS).filter(function (item) { return item.who === who; });
    document.getElementById("visit-count").textContent = String(waiting.length);
    document.getElementById("visit-waiting").hidden = waiting.length === 0;
    if (sent) {
      document.getElementById("visit-kept").hidden = true;
      document.getElementById("visit-sent").hidden = false;
    }
    box.hidden = waiting.length === 0 && !sent;
  }

  function keepVisit(form) {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrf_token" && typeof value === "string") { fields[name] = value; }
    });
    fields.idempotency_key = newKey();
    var items = read(VISITS);
    items.push({ who: who, url: form.action, page: location.pathname, fields: fields,
                 at: Date.now() });
    write(VISITS, items);
    document.getElementById("visit-sent").hidden = true;
    document.getElementById("visit-kept").hidden = false;
    showVisits(false);
    // 保存 is at the bottom of a long list: bring the note to where the child looks.
    document.getElementById("visit-outbox").scrollIntoView({ block: "center" });
  }

  function sendVisit(item) {
    return freshToken(item.page).then(function (token) {
      var body = new URLSearchParams(item.fields);
      body.set("csrf_token", token);
      return fetch(item.url, { method: "POST", body: body, credentials: "same-origin" });
    }).then(function (response) {
      // Saved means sent back to the visit's own page; a sign-in page or an error waits.
      if (!(response.ok && response.redirected && new URL(response.url).pathname === item.page)) {
        throw new Error("later");
      }
    });
  }

  var sendingVisits = false;
  function syncVisits() {
    var mine = read(VISITS).filter(function (item) { return item.who === here; });
    if (sendingVisits || !navigator.onLine || mine.length === 0) { return Promise.resolve(); }
    sendingVisits = true;
    var sent = false;
    return mine.reduce(function (chain, item) {
      return chain.then(function () { return sendVisit(item); }).then(function () {
        sent = true;
        write(VISITS, read(VISITS).filter(function (other) {
          return other.fields.idempotency_key !== item.fields.idempotency_key;
        }));
      }).catch(function () { /* this one waits for the next time; the others go on */ });
    }, Promise.resolve()).finally(function () { sendingVisits = false; showVisits(sent); });
  }

  var busy = false;
  function syncSuggestions() {
    var mine = read(BOX).filter(function (item) { return item.who === here; });
    if (busy || !navigator.onLine || mine.length === 0) { return Promise.resolve(); }
    busy = true;
    return freshToken().then(function (token) {
      return mine.reduce(function (chain, item) {
        return chain.then(function () { return sendOne(item, token); }).then(function (code) {
          write(BOX, read(BOX).filter(function (other) {
            return other.fields.idempotency_key !== item.fields.idempotency_key;
          }));
          // Two tabs may both have sent it: the server made one suggestion, list it once.
          var sent = read(SENT).filter(function (other) { return other.code !== code; });
          sent.push({ who: here, code: code });
          write(SENT, sent.slice(-20));
        }).catch(function () { /* this one waits for the next time; the others go on */ });
      }, Promise.resolve());
    }).catch(function () { /* the next time the network is back */ })
      .finally(function () { busy = false; show(); });
  }

  function sync() { return Promise.all([syncSuggestions(), syncVisits()]); }

  window.TongShengOutbox = { sync: sync };
  window.addEventListener("online", sync);
  function clearLastChild() {
    // Classroom mode: the sign-in page for the next child forgets what the last one left in
    // this tab (drafts) and the codes of what they sent; unsent suggestions stay theirs.
    sessionStorage.clear();
    write(SENT, []);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.getElementById("classroom-fresh")) { clearLastChild(); }
    var form = document.getElementById("suggest-form");
    if (form) {
      form.addEventListener("submit", function (event) {
        if (navigator.onLine) { return; }
        event.preventDefault();
        event.stopImmediatePropagation();
        keep(form);
      }, true);
    }
    var visit = document.getElementById("visit-form");
    if (visit) {
      visit.addEventListener("submit", function (event) {
        if (navigator.onLine) { return; }
        event.preventDefault();
        keepVisit(visit);
      });
    }
    show();
    showVisits(false);
    sync();
  });
}());

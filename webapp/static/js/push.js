// Web push where the browser allows: the box appears only when the browser has a service
// worker and PushManager (and the site a push key); anywhere else the page is as before and
// the child sees news when the page opens. Subscribing again on each visit refreshes the
// suggestions this device follows.
(function () {
  "use strict";
  var box = document.getElementById("push-box");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window) ||
      !("Notification" in window)) { return; }
  var on = document.getElementById("push-on");
  var off = document.getElementById("push-off");
  var said = document.getElementById("push-said");

  function serverKey(text) {
    var padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }
  function post(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": box.dataset.csrf},
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) { throw new Error("refused"); }
      return response.json();
    });
  }
  function showing(subscribed) {
    on.hidden = subscribed;
    off.hidden = !subscribed;
  }
  function registration() {
    return navigator.serviceWorker.ready;
  }

  box.hidden = false;
  registration().then(function (reg) { return reg.pushManager.getSubscription(); })
    .then(function (found) {
      showing(Boolean(found));
      if (found) { post(box.dataset.onUrl, {subscription: found.toJSON()}).catch(function () {}); }
    }).catch(function () { showing(false); });

  on.addEventListener("click", function () {
    Notification.requestPermission().then(function (answer) {
      if (answer !== "granted") { throw new Error("not allowed"); }
      return registration();
    }).then(function (reg) {
      return reg.pushManager.subscribe({userVisibleOnly: true,
                                        applicationServerKey: serverKey(box.dataset.key)});
    }).then(function (found) {
      return post(box.dataset.onUrl, {subscription: found.toJSON()});
    }).then(function () {
      showing(true);
      said.textContent = box.dataset.saidOn;
    }).catch(function () {
      showing(false);
      said.textContent = box.dataset.saidNo;
    });
  });

  off.addEventListener("click", function () {
    registration().then(function (reg) { return reg.pushManager.getSubscription(); })
      .then(function (found) {
        if (!found) { return null; }
        var endpoint = found.endpoint;
        return found.unsubscribe().then(function () {
          return post(box.dataset.offUrl, {endpoint: endpoint});
        });
      }).catch(function () { /* forgotten by the browser: the server forgets at the next push */ })
      .then(function () {
        showing(false);
        said.textContent = box.dataset.saidOff;
      });
  });
}());

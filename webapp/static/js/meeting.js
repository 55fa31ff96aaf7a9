// Live meeting screens: poll a JSON endpoint and update the page without reloading.
// On a child's phone only the vote panel is swapped in, so whatever the child is typing
// stays where it is; the typed text is also kept in sessionStorage until it is sent.
(function () {
  "use strict";
  var box = document.querySelector("[data-live]");
  if (!box) { return; }
  var url = box.getAttribute("data-live");
  var panelUrl = box.getAttribute("data-panel");

  function text(id, value) {
    var node = document.getElementById(id);
    if (node) { node.textContent = value; }
  }

  function list(id, items, render) {
    var node = document.getElementById(id);
    if (!node) { return; }
    node.replaceChildren.apply(node, items.map(function (item) {
      var li = document.createElement("li");
      render(li, item);
      return li;
    }));
  }

  function bar(li, label, votes, total) {
    var name = document.createElement("span");
    name.className = "bar-label";
    name.textContent = label;
    var meter = document.createElement("meter");
    meter.setAttribute("aria-hidden", "true");
    meter.min = 0;
    meter.max = total || 1;
    meter.value = votes;
    var count = document.createElement("strong");
    count.textContent = String(votes);
    li.append(name, " ", meter, " ", count);
  }

  function keepDraft() {
    var form = document.querySelector("form[data-draft]");
    if (!form || !window.sessionStorage) { return; }
    var key = "draft:" + form.getAttribute("data-draft");
    var area = form.querySelector("textarea");
    if (!area.value && sessionStorage.getItem(key)) { area.value = sessionStorage.getItem(key); }
    area.addEventListener("input", function () { sessionStorage.setItem(key, area.value); });
    form.addEventListener("submit", function () { sessionStorage.removeItem(key); });
  }

  function swapPanel() {
    fetch(panelUrl, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var old = document.getElementById("poll-area");
        if (!html || !old) { return; }
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("#poll-area");
        if (fresh) { old.replaceWith(fresh); }
      })
      .catch(function () { /* the next tick tries again */ });
  }

  function childState(data) {
    return data.poll ? String(data.poll.id) + ":" + String(data.poll.open) : "";
  }

  var area = document.getElementById("poll-area");
  var seen = area ? area.getAttribute("data-poll") : "";
  function showChild(data) {
    if (data.status !== "open") { window.location.reload(); return; }
    var state = childState(data);
    if (state !== seen) { swapPanel(); }
    seen = state;
    showPoll(data);
  }

  function showPoll(data) {
    var panel = document.getElementById("live-poll");
    if (!panel || !data.poll) { return; }
    panel.hidden = false;
    text("poll-question", data.poll.question);
    text("poll-total", String(data.poll.total));
    list("poll-results", data.poll.results, function (li, r) {
      bar(li, r.label, r.votes, data.poll.total);
    });
  }

  function show(data) {
    if (box.hasAttribute("data-child")) { showChild(data); return; }
    text("attendee-count", String(data.attendees.length));
    text("attendees", data.attendees.join("、"));
    list("live-suggestions", data.suggestions, function (li, s) {
      li.textContent = s.text + "  👍 " + s.supports;
    });
    showPoll(data);
  }

  function tick() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) { show(data); } })
      .catch(function () { /* the next tick tries again */ })
      .finally(function () { window.setTimeout(tick, 2000); });
  }
  keepDraft();
  window.setTimeout(tick, 2000);
}());

// Live meeting screens: poll a JSON endpoint and update the page without reloading.
(function () {
  "use strict";
  var box = document.querySelector("[data-live]");
  if (!box) { return; }
  var url = box.getAttribute("data-live");
  var seenPoll = box.getAttribute("data-poll") || "";

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

  function show(data) {
    if (box.hasAttribute("data-child")) {
      var poll = data.poll && data.poll.open ? String(data.poll.id) + "o" : "";
      if (poll !== seenPoll || data.status !== "open") { window.location.reload(); }
    }
    text("attendee-count", String(data.attendees.length));
    text("attendees", data.attendees.join("、"));
    list("live-suggestions", data.suggestions, function (li, s) {
      li.textContent = s.text + "  👍 " + s.supports;
    });
    var panel = document.getElementById("live-poll");
    if (!panel || !data.poll) { return; }
    panel.hidden = false;
    text("poll-question", data.poll.question);
    text("poll-total", String(data.poll.total));
    list("poll-results", data.poll.results, function (li, r) {
      var label = document.createElement("span");
      label.className = "bar-label";
      label.textContent = r.label + " ";
      var votes = document.createElement("strong");
      votes.textContent = String(r.votes);
      li.append(label, votes);
    });
  }

  function tick() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) { show(data); } })
      .catch(function () { /* the next tick tries again */ })
      .finally(function () { window.setTimeout(tick, 2000); });
  }
  window.setTimeout(tick, 2000);
}());

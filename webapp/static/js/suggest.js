// One click, one suggestion: the button is disabled while the form is on its way.
// (The server also dedupes by the form's idempotency key, so a retry is always safe.)
// While the child types, a phone or ID number brings up a warning right away (just in time).
var PERSONAL_NUMBER = /(^|\D)(1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{7,8}|\d{17}[\dXx])(\D|$)/;

function warnAboutNumbers(field) {
  var warning = document.getElementById("pii-warning");
  if (warning) { warning.hidden = !PERSONAL_NUMBER.test(field.value); }
}

// What the child wrote is kept on the device until the suggestion is really stored: a network
// failure (the browser's own error page, then "back") or a closed tab loses nothing.
var DRAFT = "ts-suggest-draft";
var DRAFT_FIELDS = ["text", "place"];

function storage() {
  try { return window.localStorage; } catch (e) { return null; }
}

function saveDraft() {
  var store = storage();
  if (!store) { return; }
  var draft = {};
  DRAFT_FIELDS.forEach(function (name) {
    var field = document.getElementById(name);
    if (field) { draft[name] = field.value; }
  });
  if (draft.text || draft.place) { store.setItem(DRAFT, JSON.stringify(draft)); }
  else { store.removeItem(DRAFT); }
}

function restoreDraft() {
  var store = storage();
  var saved = store && store.getItem(DRAFT);
  if (!saved) { return; }
  var draft;
  try { draft = JSON.parse(saved); } catch (e) { store.removeItem(DRAFT); return; }
  var restored = false;
  DRAFT_FIELDS.forEach(function (name) {
    var field = document.getElementById(name);
    if (field && !field.value && draft[name]) { field.value = draft[name]; restored = true; }
  });
  var note = document.getElementById("draft-restored");
  if (restored && note) { note.hidden = false; }
}

document.addEventListener("DOMContentLoaded", function () {
  var store = storage();
  if (document.getElementById("tracking-code") && store) {
    store.removeItem(DRAFT);  // the suggestion page after a successful send
  }
  var form = document.getElementById("suggest-form");
  if (!form) { return; }
  restoreDraft();
  DRAFT_FIELDS.forEach(function (name) {
    var field = document.getElementById(name);
    if (field) { field.addEventListener("input", saveDraft); }
  });
  var text = document.getElementById("text");
  if (text) {
    text.addEventListener("input", function () { warnAboutNumbers(text); });
    warnAboutNumbers(text);
  }
  followCity();
  form.addEventListener("submit", function () {
    saveDraft();
    var button = document.getElementById("send");
    window.setTimeout(function () { button.disabled = true; }, 0);
  });
});

// "在地图上选" opens the map of the city chosen in the form; what was typed is kept as a draft.
function followCity() {
  var link = document.getElementById("pick-place");
  var city = document.getElementById("plan_id");
  if (!link) { return; }
  link.addEventListener("click", saveDraft);
  if (!city || city.tagName !== "SELECT") { return; }
  city.addEventListener("change", function () {
    link.href = link.dataset.base + "?plan=" + encodeURIComponent(city.value);
  });
}

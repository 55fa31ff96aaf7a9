// One click, one suggestion: the button is disabled while the form is on its way.
// (The server also dedupes by the form's idempotency key, so a retry is always safe.)
// While the child types, a phone or ID number brings up a warning right away (just in time).
var PERSONAL_NUMBER = /(^|\D)(1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{7,8}|\d{17}[\dXx])(\D|$)/;

function warnAboutNumbers(field) {
  var warning = document.getElementById("pii-warning");
  if (warning) { warning.hidden = !PERSONAL_NUMBER.test(field.value); }
}

document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("suggest-form");
  if (!form) { return; }
  var text = document.getElementById("text");
  if (text) {
    text.addEventListener("input", function () { warnAboutNumbers(text); });
    warnAboutNumbers(text);
  }
  form.addEventListener("submit", function () {
    var button = document.getElementById("send");
    window.setTimeout(function () { button.disabled = true; }, 0);
  });
});

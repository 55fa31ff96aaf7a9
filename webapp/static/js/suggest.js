// One click, one suggestion: the button is disabled while the form is on its way.
// (The server also dedupes by the form's idempotency key, so a retry is always safe.)
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("suggest-form");
  if (!form) { return; }
  form.addEventListener("submit", function () {
    var button = document.getElementById("send");
    window.setTimeout(function () { button.disabled = true; }, 0);
  });
});

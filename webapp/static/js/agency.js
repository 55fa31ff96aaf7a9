// Live preview of the words a child will read, with a character count.
// It renders once when it starts, so words typed before the script ran show too.
document.addEventListener("DOMContentLoaded", function () {
  var field = document.querySelector("[data-preview]");
  if (!field) { return; }
  var preview = document.getElementById(field.getAttribute("data-preview"));
  var count = document.getElementById("child-count");
  function update() {
    preview.textContent = field.value.trim() || preview.getAttribute("data-empty");
    if (count) { count.textContent = String(field.value.length); }
  }
  field.addEventListener("input", update);
  update();
});

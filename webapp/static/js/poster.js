// Print button for the invite poster (no inline script under the CSP).
document.getElementById("print-poster")?.addEventListener("click", () => window.print());

// The dossier's print button: shown only where it works (with JavaScript).
document.querySelectorAll(".rc-print").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

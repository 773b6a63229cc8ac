// The dossier's print button: shown only where it works (with JavaScript).
document.querySelectorAll(".rc-print").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// The PDF takes a few seconds to render: say so while the download is on its way (the link's
// note says it to everyone, this live status to those who just clicked).
document.querySelectorAll(".rc-pdf").forEach((link) => {
  const status = document.querySelector(".rc-pdf-status");
  if (!status) return;
  link.addEventListener("click", () => {
    status.textContent = status.dataset.preparing;
    link.setAttribute("aria-busy", "true");
    window.setTimeout(() => {
      status.textContent = "";
      link.removeAttribute("aria-busy");
    }, 10000);
  });
});

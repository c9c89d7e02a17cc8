// FLASH INFO on a narrow screen: folded to one line, with a button that unfolds it.
// Without this script (or on a wide screen) every flash is shown in full.
const NARROW = window.matchMedia("(max-width: 40rem)");

for (const banner of document.querySelectorAll("[data-flash]")) {
  const toggle = banner.querySelector(".flash__toggle");
  const setExpanded = (expanded) => {
    toggle.setAttribute("aria-expanded", String(expanded));
    banner.classList.toggle("flash--folded", !expanded);
  };
  const fit = () => {
    toggle.hidden = !NARROW.matches;
    setExpanded(!NARROW.matches);
  };
  toggle.addEventListener("click", () => {
    setExpanded(toggle.getAttribute("aria-expanded") !== "true");
  });
  NARROW.addEventListener("change", fit);
  fit();
}

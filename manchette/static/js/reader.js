// Every reader gets the same cached page; a signed-in reader's name is filled in here, from
// the small uncached state endpoint, only when the sign-in hint cookie says there is one to
// show (an anonymous reader's page makes no request and gets no cookie).
const HINT = "manchette_connecte";
const link = document.querySelector(".masthead__account");

if (link && document.cookie.split("; ").includes(`${HINT}=1`)) {
  fetch(link.dataset.stateUrl, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  })
    .then((response) => response.json())
    .then((state) => {
      if (state.signed_in) {
        link.textContent = state.name;
        link.href = link.dataset.accountUrl;
        link.setAttribute("aria-label", `${state.name} : mon compte`);
      } else {
        // The session ended: the hint goes too, so later pages ask nothing.
        document.cookie = `${HINT}=; Max-Age=0; Path=/; SameSite=Lax`;
      }
    })
    .catch(() => {});
}

// Reactions under an article: one click, no reload. The article page is cached for everyone,
// so the reader's own choice and the counts come from an uncached endpoint, and a CSRF token
// is fetched only right before the first reaction (a reader who only reads gets no cookie).
// Without JavaScript the buttons are plain forms and everything still works.

const JSON_HEADERS = { Accept: "application/json" };
const numberFormat = new Intl.NumberFormat("fr-FR");

function totalText(total) {
  return total === 1 ? "1 réaction au total." : `${numberFormat.format(total)} réactions au total.`;
}

function render(box, state) {
  const revealed = Boolean(state.reacted);
  box.classList.toggle("reactions--revealed", revealed);
  const byKind = new Map(state.kinds.map((kind) => [kind.slug, kind]));
  for (const button of box.querySelectorAll("[data-kind]")) {
    const kind = byKind.get(button.dataset.kind);
    const result = button.querySelector("[data-result]");
    button.setAttribute("aria-pressed", String(kind ? kind.mine : false));
    button.classList.toggle("reactions__button--chosen", Boolean(kind && kind.mine));
    if (!result) continue;
    if (revealed && kind) {
      result.hidden = false;
      result.dataset.share = String(kind.percent);
      result.textContent = `${kind.percent}\u202f% (${numberFormat.format(kind.count)})`;
    } else {
      result.hidden = true;
      result.textContent = "";
    }
  }
}

async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return {};
  }
}

function setup(box) {
  const stateUrl = box.dataset.stateUrl;
  const status = box.querySelector("[data-status]");
  const resultsLink = box.querySelector("[data-results-link]");
  let csrfToken = null;

  const say = (text, isError = false) => {
    status.textContent = text;
    status.classList.toggle("reactions__status--error", isError);
  };

  async function loadState(withToken = false) {
    const url = withToken ? `${stateUrl}?csrf=1` : stateUrl;
    const response = await fetch(url, { headers: JSON_HEADERS, credentials: "same-origin" });
    const data = await readJson(response);
    if (!response.ok) throw new Error(data.error || "Les réactions sont momentanément indisponibles.");
    if (data.csrf_token) csrfToken = data.csrf_token;
    render(box, data);
    return data;
  }

  async function post(form, kind) {
    const body = new FormData();
    body.set("kind", kind);
    return fetch(form.action, {
      method: "POST",
      body,
      headers: { ...JSON_HEADERS, "X-CSRFToken": csrfToken },
      credentials: "same-origin",
    });
  }

  box.addEventListener("submit", async (event) => {
    const form = event.target.closest("form");
    if (!form) return;
    event.preventDefault();
    const button = event.submitter || form.querySelector("button[name=kind]");
    const buttons = box.querySelectorAll("button[name=kind]");
    buttons.forEach((b) => { b.disabled = true; });
    box.setAttribute("aria-busy", "true");
    try {
      if (!csrfToken) await loadState(true);
      let response = await post(form, button.value);
      if (response.status === 403) {
        // The token went stale (a new session, say): fetch a fresh one and try once more.
        await loadState(true);
        response = await post(form, button.value);
      }
      const data = await readJson(response);
      if (!response.ok) {
        say(data.error || "Votre réaction n’a pas pu être enregistrée. Merci de réessayer.", true);
        return;
      }
      render(box, data);
      say(data.reacted ? `${data.message} ${totalText(data.total)}` : data.message);
    } catch {
      say("Votre réaction n’a pas pu être enregistrée. Vérifiez votre connexion et réessayez.", true);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
      box.removeAttribute("aria-busy");
      button.focus();
    }
  });

  if (resultsLink) resultsLink.hidden = true;
  box.classList.add("reactions--enhanced");
  loadState().catch(() => {
    // Counts are a bonus: the buttons keep working through the form if the state is missing.
  });
}

for (const box of document.querySelectorAll("[data-reactions]")) setup(box);

// The topics panel of the article editor: its buttons post on their own (the editor around
// them is a form that must not be submitted), and say what happened in a live region.
function csrfToken(panel) {
  const field = panel.closest("form")?.querySelector("[name=csrfmiddlewaretoken]");
  return field ? field.value : "";
}

async function post(panel, url, fields) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: { "X-CSRFToken": csrfToken(panel) },
    credentials: "same-origin",
  });
  const data = await response.json().catch(() => ({ message: "Erreur : réessayez." }));
  panel.querySelector(".article-topics__status").textContent = data.message;
  return response.ok ? data : null;
}

for (const panel of document.querySelectorAll("[data-article-topics]")) {
  panel.addEventListener("click", async (event) => {
    const decide = event.target.closest("[data-decide-url]");
    if (decide) {
      const item = decide.closest("[data-suggestion]");
      const done = await post(panel, decide.dataset.decideUrl, { decision: decide.dataset.decision });
      if (done) {
        for (const button of item.querySelectorAll("button")) button.remove();
        item.append(done.state === "confirmed" ? " ✓ confirmé" : " ✗ rejeté");
      }
      return;
    }
    if (event.target.closest("[data-add-topic]")) {
      const name = panel.querySelector("[data-topic-name]");
      const kind = panel.querySelector("[data-topic-kind]");
      const done = await post(panel, panel.dataset.addUrl, { name: name.value, kind: kind.value });
      if (done) name.value = "";
    }
  });
}

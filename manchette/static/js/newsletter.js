// Newsletter sign-up boxes sit in cached pages, so they hold no CSRF token: fetch a fresh one
// just before posting. Without JavaScript (or if this fails) the server shows the form again
// with a token and the reader confirms: nothing typed is lost either way.
for (const form of document.querySelectorAll("form[data-newsletter-form]")) {
  form.addEventListener("submit", async (event) => {
    if (form.querySelector('input[name="csrfmiddlewaretoken"]')) return;
    event.preventDefault();
    try {
      const response = await fetch(form.dataset.tokenUrl, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (response.ok) {
        const { csrfToken } = await response.json();
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = "csrfmiddlewaretoken";
        input.value = csrfToken;
        form.append(input);
      }
    } catch {
      // The server-side confirmation step takes over.
    }
    form.submit();
  });
}

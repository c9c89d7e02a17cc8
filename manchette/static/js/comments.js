// The comment section: progressive enhancement of plain forms and links that work without JS.
// Per-reader data (CSRF token, form stamp, remembered name) is fetched only when the reader acts,
// so a reader who only reads gets no cookie and the article page stays cacheable.
const section = document.getElementById("commentaires");

if (section) {
  const list = section.querySelector(".comments__list");
  const form = section.querySelector(".comment-form");
  const formHome = form ? form.parentNode : null;
  const formNext = form ? form.nextSibling : null;
  let statePromise = null;
  let sort = "recents";

  const state = (fresh = false) => {
    if (!statePromise || fresh) {
      statePromise = fetch(section.dataset.stateUrl, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      }).then((r) => r.json()).then((data) => { applyState(data); return data; });
    }
    return statePromise;
  };

  const applyState = (data) => {
    if (form) {
      // The stamp taken when the form came into view is kept: the reader is timed from then.
      if (!form.elements.ts.value) form.elements.ts.value = data.ts;
      const guest = form.querySelector(".comment-form__guest");
      const signed = form.querySelector(".comment-form__signed");
      if (data.signed_in) {
        guest.hidden = true;
        signed.hidden = false;
        signed.querySelector(".comment-form__signed-name").textContent = data.name;
      } else {
        if (!form.elements.name.value) form.elements.name.value = data.name || "";
        if (!form.elements.email.value) form.elements.email.value = data.email || "";
      }
    }
    for (const own of data.own || []) {
      const item = document.getElementById(`comment-${own.id}`);
      if (!item) continue;
      for (const link of item.querySelectorAll(":scope > .comment__card [data-own]")) {
        link.hidden = link.dataset.own === "edit" && !own.editable;
      }
    }
  };

  // The outcome stays in view and takes the focus, so keyboard and screen-reader users hear it.
  const status = (message, isError = false, focus = false) => {
    const box = form.querySelector(".comment-form__status");
    box.textContent = message;
    box.classList.toggle("comment-form__status--error", isError);
    if (focus) {
      box.focus({ preventScroll: true });
      box.scrollIntoView({ block: "nearest" });
    }
  };

  // The form's signed stamp, asked for when the form is first seen (no cookie comes with it).
  const stampWhenShown = () => {
    const take = () => fetch(section.dataset.stampUrl, { headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((data) => { if (!form.elements.ts.value) form.elements.ts.value = data.ts; })
      .catch(() => {}); // the reader-state request brings one later
    if (!("IntersectionObserver" in window)) { take(); return; }
    const watcher = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      watcher.disconnect();
      take();
    });
    watcher.observe(form);
  };

  const countOneMore = () => {
    const count = section.querySelector(".comments__count");
    const n = (Number.parseInt(count.textContent, 10) || 0) + 1;
    count.textContent = `${n} ${n > 1 ? "commentaires" : "commentaire"}`;
  };

  const wait = (seconds) => new Promise((resolve) => { setTimeout(resolve, seconds * 1000); });

  const post = async (url, body) => {
    const data = await state();
    return fetch(url, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": data.csrf },
    });
  };

  // `fresh`: past the browser's own copy (the thread is public for 30 s), for new comments.
  const fragment = async (url, fresh = false) => {
    const response = await fetch(url, {
      headers: { Accept: "text/html" },
      cache: fresh ? "no-cache" : "default",
    });
    const template = document.createElement("template");
    template.innerHTML = await response.text();
    return template.content;
  };

  const latestId = () => Math.max(
    Number(section.dataset.latest || 0),
    ...[...section.querySelectorAll(".comment[data-id]")].map((li) => Number(li.dataset.id)),
  );

  const replaceMore = (content) => {
    section.querySelector(".comments__more-wrap")?.remove();
    const more = content.querySelector(".comments__more-wrap");
    if (more) list.after(more);
  };

  const loadList = async (url, append, fresh = false) => {
    const content = await fragment(url, fresh);
    // A DocumentFragment is not an element: ":scope >" matches nothing in it (the thread
    // came back empty), so its top-level items are taken from its children.
    const items = [...content.children].filter((el) => el.matches("li.comment"));
    if (!append) list.replaceChildren();
    const known = new Set([...list.querySelectorAll(":scope > li")].map((li) => li.id));
    for (const item of items) if (!known.has(item.id)) list.append(item);
    replaceMore(content);
    if (statePromise) state().then(applyState);
  };

  // Posting and replying
  if (form) {
    const replying = form.querySelector(".comment-form__replying");
    const resetReply = () => {
      form.elements.parent.value = "";
      replying.hidden = true;
      formHome.insertBefore(form, formNext);
    };
    stampWhenShown();
    form.addEventListener("focusin", () => state(), { once: true });
    form.querySelector(".comment-form__cancel").addEventListener("click", resetReply);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        await state();
        let response = await post(form.action, new FormData(form));
        if (response.status === 403) {
          await state(true);
          response = await post(form.action, new FormData(form));
        }
        let data = await response.json();
        if (response.status === 400 && data.retry_after) {
          // Sent within seconds of the form appearing (a paste, a filled-in form): the
          // server asks for a short wait, so the script waits and sends it again itself.
          status("Envoi en cours…");
          await wait(data.retry_after);
          response = await post(form.action, new FormData(form));
          data = await response.json();
        }
        if (!response.ok && response.status !== 201) {
          const details = Object.values(data.errors || {}).flat().join(" ");
          status(`${data.error}${details ? ` ${details}` : ""}`, true, true);
          return;
        }
        if (data.outcome === "rejected") {
          status(data.message, true, true);
          return;
        }
        if (data.html) {
          const template = document.createElement("template");
          template.innerHTML = data.html.trim();
          const item = template.content.firstElementChild;
          const parent = data.parent && document.getElementById(`comment-${data.parent}`);
          if (parent) {
            let replies = parent.querySelector(":scope > .comment__replies");
            if (!replies) {
              replies = document.createElement("ol");
              replies.className = "comment__replies";
              parent.append(replies);
            }
            replies.append(item);
          } else {
            list.prepend(item);
          }
          section.querySelector(".comments__empty")?.remove();
          section.dataset.latest = String(Math.max(latestId(), data.id));
          countOneMore();
          state(true);
        }
        form.elements.body.value = "";
        if (form.elements.parent.value) resetReply();
        status(data.message, false, true);
      } catch {
        status("Envoi impossible pour le moment : votre texte est conservé, réessayez.", true, true);
      } finally {
        button.disabled = false;
      }
    });

    section.addEventListener("click", (event) => {
      const link = event.target.closest("[data-reply]");
      if (!link) return;
      event.preventDefault();
      const item = document.getElementById(`comment-${link.dataset.reply}`);
      item.querySelector(":scope > .comment__card").after(form);
      form.elements.parent.value = link.dataset.reply;
      replying.hidden = false;
      replying.querySelector("strong").textContent = link.dataset.author;
      form.elements.body.focus();
    });
  }

  // Votes
  section.addEventListener("submit", async (event) => {
    const vote = event.target.closest(".comment__vote");
    if (!vote) return;
    event.preventDefault();
    const body = new FormData();
    body.append("value", event.submitter ? event.submitter.value : "up");
    const response = await post(vote.action, body);
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      // Not counted (e.g. the reader's network already cast its votes): say why, in place.
      let note = vote.querySelector(".comment__vote-status");
      if (!note) {
        note = document.createElement("span");
        note.className = "comment__vote-status";
        note.setAttribute("role", "status");
        vote.append(note);
      }
      note.textContent = data.error || "";
      return;
    }
    vote.querySelector(".comment__up").textContent = data.up;
    vote.querySelector(".comment__down").textContent = data.down;
    for (const button of vote.querySelectorAll("button")) {
      button.setAttribute("aria-pressed", String((button.value === "up" ? 1 : -1) === data.mine));
    }
  });

  // "Voir plus" and sorting, from the fragment endpoint
  section.addEventListener("click", async (event) => {
    const more = event.target.closest(".comments__more");
    const sortLink = event.target.closest("[data-sort]");
    if (more) {
      event.preventDefault();
      await loadList(more.dataset.fragment, true);
    } else if (sortLink) {
      event.preventDefault();
      sort = sortLink.dataset.sort;
      for (const link of section.querySelectorAll("[data-sort]")) {
        // aria-current="" would mean "false": the chosen order says "true", as the server does.
        if (link === sortLink) link.setAttribute("aria-current", "true");
        else link.removeAttribute("aria-current");
      }
      await loadList(`${section.dataset.listUrl}?tri=${sort}&fragment=1`, false);
    }
  });

  // New comments while the page is open
  const notice = section.querySelector(".comments__new");
  const noticeButton = notice.querySelector("button");
  noticeButton.addEventListener("click", async () => {
    notice.hidden = true;
    await loadList(`${section.dataset.listUrl}?tri=${sort}&fragment=1`, false, true);
    section.dataset.latest = String(latestId());
  });
  const poll = async () => {
    if (document.hidden) return;
    try {
      const response = await fetch(`${section.dataset.newUrl}?depuis=${latestId()}`);
      const { count } = await response.json();
      if (count > 0) {
        noticeButton.textContent = count === 1 ? "1 nouveau commentaire" : `${count} nouveaux commentaires`;
        notice.hidden = false;
      }
    } catch {
      // offline: try again at the next tick
    }
  };
  setInterval(poll, Number(section.dataset.pollSeconds || 30) * 1000);
  section.pollNow = poll;
}

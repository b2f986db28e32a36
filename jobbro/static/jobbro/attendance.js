// Attendance taps that are never lost (the teacher's session page, attendance/session.html).
//
// Without JavaScript each tap is an ordinary form POST and the page comes back at the row.
// With it, a tap is first written to a queue in localStorage (one entry per session and
// participant: the latest tap wins), then posted with htmx; the row and the cohort's rate
// come back as HTML. A tap the server or the network does not take (a 5xx, no connection, a
// timeout, an expired login) stays in the queue and is sent again every few seconds, when the
// browser is online again, and whenever the page is opened; only the server's answer removes
// it. A tap the server refuses for a reason (422: not enrolled that day, a cancelled session)
// is dropped and its message shown.

const QUEUE = "jobbro.attendance.taps";
const RETRY_MS = 4000;
const inflight = new Set();

function load() {
  try {
    return JSON.parse(window.localStorage.getItem(QUEUE) || "{}");
  } catch {
    return {};
  }
}

function store(queue) {
  window.localStorage.setItem(QUEUE, JSON.stringify(queue));
}

function formFor(key) {
  return document.querySelector(`form[data-jobbro-tap="${CSS.escape(key)}"]`);
}

function texts() {
  const list = document.querySelector(".jobbro-tap-list");
  return list ? list.dataset : {};
}

function press(form, status) {
  form.querySelectorAll("button[name=status]").forEach((button) => {
    button.setAttribute("aria-pressed", String(button.value === status));
  });
}

function render() {
  const queue = load();
  let waiting = false;
  document.querySelectorAll("form[data-jobbro-tap]").forEach((form) => {
    const entry = queue[form.dataset.jobbroTap];
    const note = form.querySelector(".jobbro-tap-pending");
    form.closest("li").classList.toggle("jobbro-tap-queued", Boolean(entry));
    if (entry) {
      waiting = true;
      press(form, entry.values.status);
      if (note) note.textContent = ` · ${texts().pendingText || ""}`;
    } else if (note) {
      note.textContent = "";
    }
  });
  const banner = document.querySelector(".jobbro-tap-offline");
  if (banner) banner.hidden = !waiting;
}

function send(key) {
  const entry = load()[key];
  const form = formFor(key);
  if (!entry || !form || inflight.has(key)) return;
  inflight.add(key);
  form.dataset.sent = String(entry.seq);
  // On the form itself: after a successful swap it is out of the document, and its events no
  // longer reach the document's listeners.
  form.addEventListener("htmx:afterRequest", done, { once: true });
  window.htmx
    .ajax("POST", entry.url, {
      source: form,
      target: `#${form.closest("li").id}`,
      swap: "outerHTML",
      values: entry.values,
    })
    .catch(() => {});
}

function sendAll() {
  Object.keys(load()).forEach(send);
  render();
}

function done(event) {
  const form = event.currentTarget;
  const key = form.dataset.jobbroTap;
  inflight.delete(key);
  const status = event.detail.xhr ? event.detail.xhr.status : 0;
  const queue = load();
  const entry = queue[key];
  if (event.detail.successful || status === 422) {
    if (entry && String(entry.seq) === form.dataset.sent) {
      delete queue[key];
      store(queue);
    } else if (entry) {
      window.setTimeout(() => send(key), 0); // a newer tap came while this one was on its way
    }
    if (status === 422) {
      const note = form.querySelector(".jobbro-tap-pending");
      if (note) note.textContent = ` · ${event.detail.xhr.responseText}`;
    }
  }
  window.setTimeout(render, 0);
}

function tap(event) {
  const form = event.target.closest && event.target.closest("form[data-jobbro-tap]");
  if (!form || !window.htmx) return; // no htmx: the ordinary form POST
  event.preventDefault();
  event.stopPropagation();
  const button = event.submitter;
  const status = button ? button.value : "";
  const values = {
    citizen: form.elements.citizen.value,
    status,
    reason: status === "legal" ? form.elements.reason.value : "",
  };
  const queue = load();
  const key = form.dataset.jobbroTap;
  queue[key] = { url: form.action, values, seq: Date.now() + Math.random() };
  store(queue);
  press(form, status);
  render();
  send(key);
}

if (window.htmx) {
  window.htmx.config.timeout = 10000;
}
document.addEventListener("submit", tap, true);
window.addEventListener("online", sendAll);
window.setInterval(sendAll, RETRY_MS);
sendAll();

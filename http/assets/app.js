// egret dashboard: plain JavaScript over the JSON API, no external requests.
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUAD = { "0": "neutral", "1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict", "4": "material conflict" };
const COLORS = ["#0b5cad", "#2b8a3e", "#e8590c", "#c92a2a", "#862e9c", "#5c940d", "#0c8599", "#d6336c",
  "#364fc7", "#a61e4d", "#087f5b", "#e67700", "#495057", "#1864ab", "#9c36b5", "#2f9e44"];

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);
  return e;
};

function showError(msg) {
  const box = $("#error");
  if (!msg) { box.hidden = true; box.textContent = ""; return; }
  box.hidden = false;
  box.textContent = msg;
}

async function api(path, opts) {
  const res = await fetch(path, opts);
  const type = res.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await res.json() : await res.text();
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : String(body);
    throw new Error(`${res.status}: ${msg}`);
  }
  return body;
}

function filterParams() {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters"))) if (v) p.set(k, v);
  return p;
}

// latest returns a function that tells whether a request is still the
// newest of its kind, so a slow answer never overwrites a newer one.
function latest() {
  let n = 0;
  return () => { const mine = ++n; return () => mine === n; };
}
const eventsTurn = latest(), ploverTurn = latest(), mapTurn = latest(), seriesTurn = latest();

// ---- events table ----
let cursor = "";
async function loadEvents(append) {
  const current = eventsTurn();
  const p = filterParams();
  p.set("limit", "50");
  if (append && cursor) p.set("cursor", cursor);
  try {
    const page = await api("api/v1/events?" + p);
    if (!current()) return;
    const tb = $("#events tbody");
    if (!append) tb.replaceChildren();
    for (const ev of page.events) tb.append(eventRow(ev));
    cursor = page.next_cursor || "";
    $("#more").hidden = !cursor;
    $("#events-count").textContent = `(${tb.rows.length}${cursor ? "+" : ""} shown)`;
    if (!append && page.events.length === 0) {
      tb.append(el("tr", {}, el("td", { colspan: "9", text: "No events match these filters." })));
    }
    showError("");
  } catch (e) { showError("Loading events failed: " + e.message); }
  for (const id of ["csv", "jsonl", "parquet"]) {
    const q = filterParams();
    q.set("format", id);
    $("#export-" + id).href = "api/v1/export?" + q;
  }
}

function eventRow(ev) {
  const num = (v) => el("td", { class: "num", text: String(v) });
  return el("tr", { "data-event-id": String(ev.id) },
    el("td", { text: ev.date }), el("td", { text: ev.source, title: ev.source_text || "" }),
    el("td", { text: ev.target, title: ev.target_text || "" }), el("td", { text: ev.cameo }),
    el("td", { text: ev.plover }), num(ev.quad_class), num(ev.goldstein),
    el("td", { class: "sent", text: ev.text }),
    el("td", {}, el("button", { type: "button", class: "open-doc", "aria-label": `Open document ${ev.doc_id}`,
      onclick: () => openDocument(ev.doc_id, ev.id) }, "Open")));
}

// ---- document view with highlights ----
function renderSegments(container, segments, events) {
  container.replaceChildren();
  const roleNames = { source: "source", target: "target", event: "event verb" };
  for (const seg of segments) {
    if (!seg.marks || seg.marks.length === 0) { container.append(seg.text); continue; }
    // One mark element per segment; its class is the most specific role.
    const roles = [...new Set(seg.marks.map((m) => m.role))];
    const role = roles.includes("event") ? "event" : roles.includes("source") ? "source" : "target";
    const label = seg.marks.map((m) => `${roleNames[m.role]} of event ${m.event + 1} (${events[m.event].cameo} ${events[m.event].plover})`).join("; ");
    const m = el("mark", { class: "hl-" + role, title: label, "data-events": seg.marks.map((x) => x.event).join(" ") });
    m.append(seg.text, el("span", { class: "sr-only", text: ` [${label}]` }));
    container.append(m);
  }
}

function eventItem(ev, i, container) {
  return el("li", {}, `${ev.source || "—"} → ${ev.target || "—"}: ${ev.cameo} ${ev.plover} (quad ${ev.quad_class}, Goldstein ${ev.goldstein}) — “${ev.source_text} / ${ev.event_text} / ${ev.target_text}” `,
    el("button", { type: "button", "aria-label": `Show event ${i + 1} in the text`, onclick: () => {
      container.querySelectorAll("mark.active").forEach((m) => m.classList.remove("active"));
      const ms = [...container.querySelectorAll("mark")].filter((m) => m.dataset.events.split(" ").includes(String(i)));
      ms.forEach((m) => m.classList.add("active"));
      if (ms[0]) ms[0].scrollIntoView({ block: "nearest" });
    } }, "show"));
}

// A document's events come a page at a time (GET /api/v1/documents/{id}
// pages them); the view opens at the page holding the chosen event.
let docPage = { id: "", next: "" };
async function openDocument(id, eventID, cursor) {
  const p = new URLSearchParams();
  if (eventID) p.set("event", String(eventID));
  if (cursor) p.set("cursor", cursor);
  try {
    const d = await api("api/v1/documents/" + encodeURIComponent(id) + "?" + p);
    docPage = { id, next: d.next_cursor || "" };
    const sec = $("#doc-section");
    $("#doc-h").textContent = "Document: " + (d.document.title || d.document.id);
    const date = d.document.date ? d.document.date.slice(0, 10) : "";
    const shown = d.events.length < d.total_events ? `${d.events.length} of ${d.total_events} events shown` : `${d.total_events} events`;
    $("#doc-meta").textContent = [d.document.id, date, d.document.source, d.document.author].filter(Boolean).join(" · ") + ` · ${shown}`;
    renderSegments($("#doc-text"), d.segments, d.events);
    const list = $("#doc-events");
    list.replaceChildren(...d.events.map((ev, i) => eventItem(ev, i, $("#doc-text"))));
    $("#doc-pages").hidden = d.events.length === d.total_events;
    $("#doc-next").disabled = !docPage.next;
    sec.hidden = false;
    sec.focus();
    loadProvenance(id);
    if (eventID) {
      const i = d.events.findIndex((e) => e.id === eventID);
      if (i >= 0) list.children[i].querySelector("button").click();
    }
    showError("");
  } catch (e) { showError("Opening document failed: " + e.message); }
}

// ---- provenance: every outlet and URL that carried a document ----
const KIND = { original: "first copy", exact: "exact copy", near: "near-duplicate" };
async function loadProvenance(id) {
  const box = $("#doc-prov-box");
  try {
    const p = await api("api/v1/provenance/" + encodeURIComponent(id));
    if (docPage.id !== id) return;
    box.hidden = p.items.length === 0;
    $("#doc-prov").replaceChildren(...p.items.map((it) => el("li", { "data-kind": it.kind },
      el("strong", { text: it.outlet || "(unnamed outlet)" }), ` — ${KIND[it.kind] || it.kind}`,
      it.kind === "near" ? ` (similarity ${it.similarity.toFixed(2)})` : "", " ",
      el("a", { class: "url", href: it.url, rel: "noopener noreferrer", text: it.url }))));
  } catch (e) { box.hidden = true; showError("Provenance failed: " + e.message); }
}

// ---- sources: the watched feeds ----
const NEVER = "0001-01-01T00:00:00Z";
const when = (t) => !t || t === NEVER ? "never" : t.replace("T", " ").slice(0, 16) + " UTC";
async function loadSources() {
  try {
    const s = await api("api/v1/sources");
    const tb = $("#sources tbody");
    tb.replaceChildren(...s.feeds.map((f) => el("tr", { class: f.last_error ? "failing" : "", "data-feed": f.url },
      el("td", {}, el("strong", { text: f.outlet || "(no outlet)" }), el("br"), el("span", { class: "url", text: f.url })),
      el("td", { text: when(f.last_poll) }),
      el("td", { class: "num", text: String(f.last_new) }),
      el("td", { class: "num", text: String(f.total_items) }),
      el("td", { class: "num", text: String(f.events_24h) }),
      el("td", { class: f.last_error ? "err" : "", text: f.last_error ? `${f.failures}× ${f.last_error}` : "none" }),
      el("td", { text: when(f.next_due) }))));
    const failing = s.feeds.filter((f) => f.last_error).length;
    $("#sources-count").textContent = `(${s.feeds.length} feeds, ${failing} failing)`;
    $("#sources-note").textContent = !s.state ? "This store keeps no feed state." :
      s.feeds.length === 0 ? "No feeds polled yet: run egret watch, or egret serve --feeds." :
      s.watching ? "This server is watching these feeds." : "Feeds polled by egret watch into this store.";
  } catch (e) { showError("Loading sources failed: " + e.message); }
}

// ---- queue: depth, workers and dead letters (serve --nats) ----
async function loadQueue() {
  try {
    const [q, d] = await Promise.all([api("api/v1/queue"), api("api/v1/dead-letters?limit=100")]);
    const num = (n) => el("td", { class: "num", text: String(n) });
    const workers = q.enabled ? q.workers : [];
    $("#workers tbody").replaceChildren(...workers.map((w) => el("tr", { "data-worker": w.worker },
      el("td", { text: w.worker }), num(w.received), num(w.stored), num(w.unchanged), num(w.redelivered), num(w.retried),
      num(w.dead_letters), num(w.cpu_seconds.toFixed(1)), el("td", { text: when(w.updated) }))));
    $("#queue-count").textContent = q.enabled ? `(${q.depth} queued, ${workers.length} workers)` : "";
    $("#queue-note").textContent = !q.enabled ? "This server codes documents itself (no --nats)." :
      `${q.depth} documents queued (${q.pending} waiting, ${q.ack_pending} being coded, ${q.redelivered} redelivered); ` +
      `oldest waiting ${q.lag_seconds.toFixed(1)} s.`;
    $("#dead-count").textContent = `(${d.total})`;
    $("#dead-letters tbody").replaceChildren(...d.dead_letters.map((x) => el("tr", { "data-dead": x.id },
      el("td", { text: when(x.failed_at) }),
      el("td", {}, x.doc_id ? el("span", { text: x.doc_id }) : el("em", { text: "unreadable" }), el("br"), el("span", { class: "url", text: x.excerpt.slice(0, 120) })),
      el("td", { class: "url", text: `${x.subject} #${x.stream_seq}` }), num(x.deliveries),
      el("td", { class: "err", text: x.error }), el("td", { text: x.worker }))));
  } catch (e) { showError("Loading the queue failed: " + e.message); }
}

// ---- dyad series (uPlot) ----
let chart;
async function drawSeries() {
  const f = new FormData($("#series-form"));
  const p = filterParams();
  p.delete("source"); p.delete("target");
  p.set("source", f.get("a").toUpperCase());
  p.set("target", f.get("b").toUpperCase());
  p.set("dyad", "true");
  p.set("interval", f.get("interval"));
  if (f.get("split")) p.set("split", f.get("split"));
  const measure = f.get("measure");
  const current = seriesTurn();
  try {
    const s = await api("api/v1/series?" + p);
    if (!current()) return;
    const periods = [...new Set(s.points.map((x) => x.period))].sort();
    const keys = [...new Set(s.points.map((x) => x.key))].sort();
    const idx = new Map(periods.map((x, i) => [x, i]));
    const data = [periods.map((x) => Date.parse(x + "T00:00:00Z") / 1000)];
    for (const k of keys) {
      const col = new Array(periods.length).fill(0);
      for (const pt of s.points) if (pt.key === k) col[idx.get(pt.period)] = measure === "count" ? pt.count : pt.goldstein;
      data.push(col);
    }
    const name = (k) => k === "" ? "all" : s.split === "quad_class" ? `${k} ${QUAD[k] || ""}` : k;
    const series = [{}].concat(keys.map((k, i) => ({ label: name(k), stroke: COLORS[i % COLORS.length], width: 2, points: { show: periods.length < 60 } })));
    const box = $("#series-chart");
    if (chart) chart.destroy();
    box.replaceChildren();
    if (periods.length === 0) {
      box.append(el("p", { text: `No events between ${f.get("a")} and ${f.get("b")} for these filters.` }));
    } else {
      chart = new uPlot({ width: Math.max(320, box.clientWidth || 600), height: 260, series,
        axes: [{}, { label: measure === "count" ? "events" : "Goldstein sum" }], scales: { x: { time: true } } }, data, box);
    }
    const t = el("table", {}, el("caption", { text: `${f.get("a")} ↔ ${f.get("b")} per ${s.interval}` }),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "period" }), ...keys.map((k) => el("th", { scope: "col", text: name(k) })))),
      el("tbody", {}, ...periods.map((per, i) => el("tr", {}, el("th", { scope: "row", text: per }), ...data.slice(1).map((c) => el("td", { class: "num", text: String(c[i]) }))))));
    $("#series-table").replaceChildren(t);
  } catch (e) { showError("Series failed: " + e.message); }
}

// ---- PLOVER breakdown ----
async function drawPlover() {
  const p = filterParams();
  p.set("split", "plover");
  p.set("interval", "month");
  const current = ploverTurn();
  try {
    const s = await api("api/v1/series?" + p);
    if (!current()) return;
    const totals = new Map();
    for (const pt of s.points) totals.set(pt.key, (totals.get(pt.key) || 0) + pt.count);
    const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]);
    const maxN = Math.max(1, ...rows.map((r) => r[1]));
    const ul = $("#plover-bars");
    ul.replaceChildren(...rows.map(([k, n]) => el("li", {}, el("span", { text: k || "(none)" }),
      el("span", { class: "bar", style: `width:${(100 * n / maxN).toFixed(1)}%`, "aria-hidden": "true" }),
      el("span", { class: "n", text: String(n) }))));
    if (rows.length === 0) ul.append(el("li", { text: "No events." }));
  } catch (e) { showError("PLOVER breakdown failed: " + e.message); }
}

// ---- map: plain SVG, equirectangular, vendored world-atlas ----
let world;
const W = 960, H = 480;
const proj = (lon, lat) => [(lon + 180) * W / 360, (90 - lat) * H / 180];
function ringPath(ring) {
  let d = "", prev = null;
  for (const [lon, lat] of ring) {
    const [x, y] = proj(lon, lat);
    // Break lines that wrap around the antimeridian.
    d += (prev === null || Math.abs(lon - prev) > 180 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
    prev = lon;
  }
  return d + "Z";
}
async function drawMap() {
  const svgNS = "http://www.w3.org/2000/svg";
  const current = mapTurn();
  try {
    if (!world) {
      const topo = await api("vendor/world-atlas/countries-110m.json");
      world = topojson.feature(topo, topo.objects.countries);
    }
    const p = filterParams();
    p.set("limit", "1000");
    const page = await api("api/v1/events?" + p);
    if (!current()) return;
    const located = page.events.filter((e) => e.location && (e.location.lat || e.location.lon));
    const svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", `World map with ${located.length} located events; the list of places follows`);
    for (const f of world.features) {
      const g = f.geometry;
      if (!g) continue;
      const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      const path = document.createElementNS(svgNS, "path");
      path.setAttribute("class", "land");
      path.setAttribute("d", polys.map((poly) => poly.map(ringPath).join("")).join(""));
      svg.append(path);
    }
    const counts = new Map();
    for (const e of located) {
      const k = `${e.location.lat.toFixed(2)},${e.location.lon.toFixed(2)}`;
      const c = counts.get(k) || { n: 0, loc: e.location };
      c.n++;
      counts.set(k, c);
    }
    for (const { n, loc } of counts.values()) {
      const [x, y] = proj(loc.lon, loc.lat);
      const c = document.createElementNS(svgNS, "circle");
      c.setAttribute("cx", x.toFixed(1));
      c.setAttribute("cy", y.toFixed(1));
      c.setAttribute("r", String(Math.min(14, 3 + 2 * Math.sqrt(n))));
      const t = document.createElementNS(svgNS, "title");
      t.textContent = `${loc.name} (${loc.country}): ${n} events`;
      c.append(t);
      svg.append(c);
    }
    $("#map").replaceChildren(svg);
    $("#map-count").textContent = `(${located.length} of ${page.events.length} shown events have a place)`;
    $("#map-list").replaceChildren(...[...counts.values()].map(({ n, loc }) => el("li", { text: `${loc.name}, ${loc.country}: ${n} events` })));
  } catch (e) { showError("Map failed: " + e.message); }
}

// ---- code box ----
async function codeText(ev) {
  ev.preventDefault();
  const form = $("#code-form");
  const f = new FormData(form);
  let text = f.get("text");
  const file = f.get("file");
  if (file && file.size > 0) text = await file.text();
  if (!text || !text.trim()) { showError("Paste some text or choose a file to code."); return; }
  const doc = { id: f.get("id") || "paste-" + Date.now(), text };
  if (f.get("date")) doc.date = f.get("date");
  const mode = ev.submitter && ev.submitter.value === "store" ? "store" : "preview";
  const headers = { "Content-Type": "application/json" };
  if (f.get("token")) headers.Authorization = "Bearer " + f.get("token");
  const out = $("#code-result");
  out.replaceChildren(el("p", { text: "Coding…" }));
  try {
    const res = await api("api/v1/code", { method: "POST", headers, body: JSON.stringify(doc) });
    const d = res.documents[0];
    if (mode === "store") {
      const st = await api("api/v1/documents", { method: "POST", headers, body: JSON.stringify(doc) });
      out.replaceChildren(el("p", { text: `Stored document ${st.documents[0].id} with ${st.events} events.` }));
      loadAll();
    } else out.replaceChildren();
    const text = el("div", { class: "doctext" });
    renderSegments(text, d.segments, d.events);
    out.append(el("p", { text: `${d.events.length} events coded.` }), text,
      el("ol", { class: "evlist" }, ...d.events.map((e, i) => eventItem(e, i, text))));
    showError("");
  } catch (e) { out.replaceChildren(); showError("Coding failed: " + e.message); }
}

async function loadStats() {
  try {
    const acts = await api("api/v1/actors?limit=200");
    $("#actor-list").replaceChildren(...acts.actors.map((a) => el("option", { value: a.code })));
  } catch (e) { /* the datalist is a convenience */ }
}

function loadAll() {
  cursor = "";
  loadEvents(false);
  drawPlover();
  drawMap();
  drawSeries();
}

function init() {
  const sel = $("#filters select[name=plover]");
  for (const t of PLOVER) sel.append(el("option", { value: t, text: t }));
  // Filters live in the URL so a view can be bookmarked and shared.
  const params = new URLSearchParams(location.hash.slice(1));
  for (const [k, v] of params) { const i = $("#filters").elements[k]; if (i) i.value = v; }
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); location.hash = filterParams().toString(); loadAll(); });
  $("#filters").addEventListener("reset", () => setTimeout(() => { location.hash = ""; loadAll(); }));
  $("#more").addEventListener("click", () => loadEvents(true));
  $("#doc-next").addEventListener("click", () => openDocument(docPage.id, 0, docPage.next));
  $("#doc-first").addEventListener("click", () => openDocument(docPage.id, 0, ""));
  $("#doc-close").addEventListener("click", () => { $("#doc-section").hidden = true; $("#events").focus(); });
  $("#series-form").addEventListener("submit", (e) => { e.preventDefault(); drawSeries(); });
  $("#code-form").addEventListener("submit", codeText);
  $("#sources-refresh").addEventListener("click", loadSources);
  setInterval(() => { if (!document.hidden) loadSources(); }, 60000);
  $("#queue-refresh").addEventListener("click", loadQueue);
  setInterval(() => { if (!document.hidden) loadQueue(); }, 10000);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("#doc-section").hidden) $("#doc-close").click(); });
  loadStats();
  loadAll();
  loadSources();
  loadQueue();
}
init();

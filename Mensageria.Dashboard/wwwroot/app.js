// The dashboard's pages: one shell (index.html); the path says which page to draw. Every page reads
// the JSON API and polls it, so what it shows stays live. No libraries: charts are inline SVG.
"use strict";

const $ = (id) => document.getElementById(id);
const page = $("page");
const path = location.pathname.replace(/\/+$/, "") || "/";
const params = new URLSearchParams(location.search);
const palette = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#db2777", "#65a30d"];
const colors = new Map();

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function colorOf(resource) {
  if (!colors.has(resource)) colors.set(resource, palette[colors.size % palette.length]);
  return colors.get(resource);
}

async function api(url, options) {
  const response = await fetch(url, options);
  if (response.status === 401) { location.href = `/login?return=${encodeURIComponent(location.pathname + location.search)}`; throw new Error("not logged in"); }
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.status === 202 || response.status === 204 ? null : response.json();
}

function time(value) { return new Date(value).toLocaleTimeString([], { hour12: false }) + "." + String(new Date(value).getMilliseconds()).padStart(3, "0"); }
function ms(value) { return value < 1 ? `${(value * 1000).toFixed(0)} µs` : value < 1000 ? `${value.toFixed(1)} ms` : `${(value / 1000).toFixed(2)} s`; }

// Polls `load` every `interval` ms while the page is open; a failed poll shows its error and is retried.
function poll(load, interval = 1500) {
  const run = async () => {
    try { await load(); } catch (e) { console.warn(e); }
    setTimeout(run, interval);
  };
  run();
}

function dl(entries) {
  const rows = Object.entries(entries);
  return rows.length === 0 ? '<p class="muted">none</p>'
    : `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd class="mono">${esc(v)}</dd>`).join("")}</dl>`;
}

async function resourceOptions(select, selected) {
  const names = await api("/api/telemetry/resources");
  select.innerHTML = `<option value="">all resources</option>` + names.map((n) => `<option ${n === selected ? "selected" : ""}>${esc(n)}</option>`).join("");
}

async function showStatus() {
  const status = await api("/api/telemetry/status");
  const evicted = status.evictions.reduce((sum, e) => sum + e.count, 0);
  $("telemetry-status").innerHTML = `${status.traces} traces · ${status.logs} logs · ${status.metricPoints} points · ` +
    `<span id="evicted-total" class="${evicted ? "error" : ""}">${evicted} evicted</span>`;
  return status;
}

// ---- Resources -------------------------------------------------------------------------------

async function resourcesPage() {
  const info = await api("/api/info");
  page.innerHTML = `<h1>Resources</h1><div id="resources"></div><h2>Telemetry kept and evicted</h2><div id="evictions"></div>`;
  if (!info.hasResources) {
    $("resources").innerHTML = `<p class="empty">This dashboard runs on its own, as an OTLP viewer: send telemetry to ${esc(info.otlpGrpcUrl)} (gRPC) or ${esc(info.otlpHttpUrl)} (HTTP/protobuf) with the header x-otlp-api-key.</p>`;
  }

  const open = new Set();
  page.addEventListener("toggle", (e) => { const n = e.target.dataset.env; if (n) e.target.open ? open.add(n) : open.delete(n); }, true);
  page.addEventListener("click", async (e) => {
    const button = e.target.closest("button[data-action]");
    if (!button) return;
    button.disabled = true;
    try { await api(`/api/resources/${button.dataset.resource}/${button.dataset.action}`, { method: "POST" }); } finally { button.disabled = false; }
  });

  poll(async () => {
    if (info.hasResources) {
      const resources = await api("/api/resources");
      $("resources").innerHTML = `<table><thead><tr><th>Name</th><th>Type</th><th>State</th><th>Health</th><th>Started</th><th>Replicas</th><th>Endpoints</th><th>Actions</th></tr></thead><tbody>${
        resources.map((r) => resourceRow(r, open.has(r.name))).join("")}</tbody></table>`;
    }

    const status = await showStatus();
    $("evictions").innerHTML = `<p class="muted">Limits: ${Object.entries(status.limits).map(([k, v]) => `${esc(k)} ${v}`).join(", ")}.</p>` +
      (status.evictions.length === 0 ? `<p class="muted" id="no-evictions">Nothing evicted.</p>`
        : `<table id="eviction-table"><thead><tr><th>Resource</th><th>Kind</th><th>Evicted or dropped</th></tr></thead><tbody>${
          status.evictions.map((e) => `<tr><td>${esc(e.resource)}</td><td>${esc(e.kind)}</td><td>${e.count}</td></tr>`).join("")}</tbody></table>`);
  }, 1500);
}

function resourceRow(r, envOpen) {
  const running = !["Exited", "FailedToStart"].includes(r.state);
  const env = r.environment.map((e) => `<h3 class="mono">${esc(e.replicaId)}</h3>${dl(e.variables)}`).join("");
  return `<tr data-resource="${esc(r.name)}">
    <td><strong>${esc(r.name)}</strong><br><a href="/console/${esc(r.name)}">console</a> · <a href="/logs?resource=${esc(r.name)}">logs</a></td>
    <td>${esc(r.type)}</td>
    <td class="state state-${esc(r.state)}">${esc(r.state)}</td>
    <td class="health health-${esc(r.health)}">${esc(r.health ?? "")}${r.reason ? `<br><span class="muted reason">${esc(r.reason)}</span>` : ""}</td>
    <td>${r.startedAt ? time(r.startedAt) : ""}</td>
    <td>${r.replicas.map((p) => `<span class="mono">${esc(p.id)}</span> <span class="muted">pid ${esc(p.pid ?? "–")}</span>`).join("<br>")}</td>
    <td>${Object.entries(r.endpoints).map(([n, u]) => `${esc(n)} <a href="${esc(u)}" target="_blank" rel="noopener">${esc(u)}</a>`).join("<br>")}</td>
    <td>${running ? `<button data-action="stop" data-resource="${esc(r.name)}">Stop</button> <button data-action="restart" data-resource="${esc(r.name)}">Restart</button>`
      : `<button data-action="start" data-resource="${esc(r.name)}">Start</button>`}</td>
  </tr>
  <tr class="environment"><td colspan="8"><details data-env="${esc(r.name)}" ${envOpen ? "open" : ""}><summary>Environment</summary><div class="details">${env || '<p class="muted">none</p>'}</div></details></td></tr>`;
}

// ---- Console logs ----------------------------------------------------------------------------

async function consolePage(resource) {
  const info = await api("/api/info");
  if (!info.hasResources) { page.innerHTML = `<p class="empty">Console output exists only when the dashboard runs inside the app host.</p>`; return; }
  const resources = await api("/api/resources");
  resource ??= resources[0]?.name;
  page.innerHTML = `<h1>Console</h1><div class="filters"><select id="console-resource">${
    resources.map((r) => `<option ${r.name === resource ? "selected" : ""}>${esc(r.name)}</option>`).join("")}</select>
    <label><input type="checkbox" id="follow" checked> follow</label></div><div class="console" id="console"></div>`;
  $("console-resource").addEventListener("change", (e) => { location.href = `/console/${encodeURIComponent(e.target.value)}`; });
  let after = 0;
  poll(async () => {
    const lines = await api(`/api/resources/${encodeURIComponent(resource)}/console?after=${after}`);
    if (lines.length === 0) return;
    after = lines[lines.length - 1].sequence;
    $("console").insertAdjacentHTML("beforeend", lines.map((l) =>
      `<div class="${l.isError ? "stderr" : ""}"><span class="replica">${esc(l.replicaId)}</span> ${esc(l.text)}</div>`).join(""));
    if ($("follow").checked) $("console").scrollTop = $("console").scrollHeight;
  }, 1000);
}

// ---- Structured logs -------------------------------------------------------------------------

async function logsPage() {
  page.innerHTML = `<h1>Structured logs</h1><form class="filters" id="log-filters">
    <select name="resource" id="log-resource"></select>
    <select name="level" id="log-level">${["", "Trace", "Debug", "Information", "Warning", "Error", "Critical"].map((l) =>
      `<option value="${l}" ${l === (params.get("level") ?? "") ? "selected" : ""}>${l || "any level"}</option>`).join("")}</select>
    <input name="text" id="log-text" placeholder="text" value="${esc(params.get("text") ?? "")}">
    <input name="traceId" id="log-trace" placeholder="trace id" size="34" value="${esc(params.get("traceId") ?? "")}">
    <button>Filter</button></form><div id="logs"></div>`;
  await resourceOptions($("log-resource"), params.get("resource"));
  poll(async () => {
    const query = new URLSearchParams([...new FormData($("log-filters"))].filter(([, v]) => v));
    const logs = await api(`/api/telemetry/logs?${query}&limit=300`);
    $("logs").innerHTML = logs.length === 0 ? `<p class="empty">No log records match.</p>`
      : `<table><thead><tr><th>Time</th><th>Resource</th><th>Level</th><th>Message</th><th>Trace</th></tr></thead><tbody>${
        logs.reverse().map((l) => `<tr class="log"><td class="mono">${time(l.time)}</td><td>${esc(l.instance ?? l.resource)}</td>
          <td class="level-${esc(l.level)}">${esc(l.level)}</td><td>${esc(l.message)}<br><span class="muted">${esc(l.category)}</span></td>
          <td>${l.traceId ? `<a class="trace-link" href="/traces/${esc(l.traceId)}">${esc(l.traceId.slice(0, 8))}…</a>` : ""}</td></tr>`).join("")}</tbody></table>`;
    await showStatus();
  }, 2000);
}

// ---- Traces ----------------------------------------------------------------------------------

async function tracesPage() {
  page.innerHTML = `<h1>Traces</h1><form class="filters" id="trace-filters">
    <input name="value" id="trace-search" size="40" placeholder="any attribute value: an order id, a trace id" value="${esc(params.get("value") ?? "")}">
    <select name="resource" id="trace-resource"></select><button>Search</button></form><div id="traces"></div>`;
  await resourceOptions($("trace-resource"), params.get("resource"));
  $("trace-filters").addEventListener("submit", (e) => {
    e.preventDefault();
    history.replaceState(null, "", `/traces?${new URLSearchParams([...new FormData(e.target)].filter(([, v]) => v))}`);
    refresh();
  });
  const refresh = async () => {
    const query = new URLSearchParams([...new FormData($("trace-filters"))].filter(([, v]) => v));
    const traces = await api(`/api/telemetry/traces?${query}&limit=200`);
    $("traces").innerHTML = traces.length === 0 ? `<p class="empty">No traces match.</p>`
      : `<table><thead><tr><th>Start</th><th>Name</th><th>Resources</th><th>Duration</th><th>Spans</th><th>Errors</th></tr></thead><tbody>${
        traces.map((t) => `<tr class="clickable trace-row" data-trace-id="${esc(t.traceId)}"><td class="mono">${time(t.start)}</td>
          <td><a href="/traces/${esc(t.traceId)}">${esc(t.rootName)}</a></td>
          <td>${t.resources.map((r) => `<span class="resource-dot" style="background:${colorOf(r)}"></span>${esc(r)}`).join(" ")}</td>
          <td>${ms(t.durationMs)}</td><td>${t.spanCount}</td><td class="${t.errorCount ? "error" : ""}">${t.errorCount}</td></tr>`).join("")}</tbody></table>`;
    await showStatus();
  };
  $("traces").addEventListener("click", (e) => { const row = e.target.closest("tr[data-trace-id]"); if (row) location.href = `/traces/${row.dataset.traceId}`; });
  poll(refresh, 2000);
}

async function tracePage(traceId) {
  page.innerHTML = `<h1>Trace <span class="mono">${esc(traceId)}</span></h1><div id="trace-summary"></div><div class="waterfall" id="waterfall"></div><div id="span-details"></div>`;
  let selected = null;
  $("waterfall").addEventListener("click", (e) => {
    const row = e.target.closest(".row");
    if (row) { selected = row.dataset.spanId; draw(); }
  });
  let trace = null;
  const draw = () => {
    const spans = trace.spans;
    const start = Math.min(...spans.map((s) => Date.parse(s.start)));
    const total = Math.max(1, Math.max(...spans.map((s) => Date.parse(s.end))) - start);
    $("trace-summary").innerHTML = `<p>${esc(trace.summary.rootName)} · ${ms(trace.summary.durationMs)} · ${trace.summary.spanCount} spans · ` +
      `${trace.summary.resources.map((r) => `<span class="resource-dot" style="background:${colorOf(r)}"></span>${esc(r)}`).join(" ")} · ` +
      `<a href="/logs?traceId=${esc(traceId)}">logs of this trace</a></p>`;
    $("waterfall").innerHTML = ordered(spans).map(({ span, depth }) => {
      const left = (Date.parse(span.start) - start) / total * 100;
      const width = Math.max(0.2, span.durationMs / total * 100);
      return `<div class="row ${span.spanId === selected ? "selected" : ""}" data-span-id="${esc(span.spanId)}" data-resource="${esc(span.resource)}" data-kind="${esc(span.kind)}">
        <div class="label" style="padding-left:${6 + depth * 14}px" title="${esc(span.resource)}: ${esc(span.name)}">
          <span class="resource-dot" style="background:${colorOf(span.resource)}"></span><span class="kind">${esc(span.kind)}</span>${esc(span.resource)}: ${esc(span.name)}</div>
        <div class="track"><div class="bar ${span.status === "Error" ? "error" : ""}" style="left:${left}%;width:${width}%;background:${colorOf(span.resource)}"></div>
          <span class="duration" style="left:${Math.min(left + width, 88)}%">&nbsp;${ms(span.durationMs)}</span></div></div>`;
    }).join("");
    const span = spans.find((s) => s.spanId === selected);
    $("span-details").innerHTML = span ? spanDetails(span) : `<p class="muted">Select a span to see its attributes, events and links.</p>`;
  };
  poll(async () => {
    try { trace = await api(`/api/telemetry/traces/${encodeURIComponent(traceId)}`); } catch { $("waterfall").innerHTML = `<p class="empty">No such trace (yet): it may still be on its way, or was evicted.</p>`; return; }
    draw();
  }, 2500);
}

// Depth-first from the roots (spans whose parent is not in the trace), children in start order.
function ordered(spans) {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map();
  for (const s of spans) {
    const parent = s.parentSpanId && ids.has(s.parentSpanId) ? s.parentSpanId : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(s);
  }
  const result = [];
  const visit = (parent, depth) => (children.get(parent) ?? []).forEach((s) => { result.push({ span: s, depth }); visit(s.spanId, depth + 1); });
  visit(null, 0);
  return result;
}

function spanDetails(span) {
  return `<div class="details" id="span-detail"><h2>${esc(span.resource)}: ${esc(span.name)}</h2>
    ${dl({ "span id": span.spanId, "parent": span.parentSpanId ?? "(root)", kind: span.kind, replica: span.instance ?? "", scope: span.scope,
      start: span.start, duration: ms(span.durationMs), status: span.status + (span.statusMessage ? `: ${span.statusMessage}` : "") })}
    <h2>Attributes</h2>${dl(span.attributes)}
    <h2>Events</h2>${span.events.length === 0 ? '<p class="muted">none</p>' : span.events.map((e) => `<p><strong>${esc(e.name)}</strong> ${time(e.time)}</p>${dl(e.attributes)}`).join("")}
    <h2>Links</h2>${span.links.length === 0 ? '<p class="muted">none</p>' : span.links.map((l) => `<p><a href="/traces/${esc(l.traceId)}">${esc(l.traceId)}</a> span ${esc(l.spanId)}</p>${dl(l.attributes)}`).join("")}</div>`;
}

// ---- Metrics ---------------------------------------------------------------------------------

async function metricsPage() {
  page.innerHTML = `<h1>Metrics</h1><div class="filters"><select id="metric-resource"></select></div>
    <div class="split"><div class="list" id="instruments"></div><div id="chart"></div></div>`;
  await resourceOptions($("metric-resource"), params.get("resource"));
  $("metric-resource").addEventListener("change", (e) => { location.href = `/metrics?resource=${encodeURIComponent(e.target.value)}`; });
  const chosen = { resource: params.get("resource"), name: params.get("name") };
  poll(async () => {
    const instruments = await api(`/api/telemetry/metrics?resource=${encodeURIComponent(chosen.resource ?? "")}`);
    $("instruments").innerHTML = instruments.length === 0 ? `<p class="empty">No metrics yet.</p>` : instruments.map((i) =>
      `<a class="instrument ${i.resource === chosen.resource && i.name === chosen.name ? "selected" : ""}" title="${esc(i.description)}"
        href="/metrics?resource=${encodeURIComponent(i.resource)}&name=${encodeURIComponent(i.name)}">${esc(i.resource)}: ${esc(i.name)} <span class="muted">${esc(i.type)}</span></a>`).join("");
    const instrument = instruments.find((i) => i.resource === chosen.resource && i.name === chosen.name);
    if (instrument) {
      const points = await api(`/api/telemetry/metrics/${encodeURIComponent(instrument.resource)}/${encodeURIComponent(instrument.name)}`);
      $("chart").innerHTML = `<h2>${esc(instrument.name)} <span class="muted">${esc(instrument.unit)} · ${esc(instrument.type)}${
        instrument.type === "Histogram" ? " (mean per export)" : ""}</span></h2><p class="muted">${esc(instrument.description)}</p>${chart(points)}`;
    } else {
      $("chart").innerHTML = `<p class="muted">Choose an instrument.</p>`;
    }
    await showStatus();
  }, 3000);
}

// One line per attribute set (at most eight), value over time, with the axes' extremes labelled.
function chart(points) {
  if (points.length === 0) return `<p class="empty">No points.</p>`;
  const series = new Map();
  for (const p of points) {
    const key = Object.entries(p.attributes).map(([k, v]) => `${k}=${v}`).join(", ") || "(no attributes)";
    if (!series.has(key)) series.set(key, []);
    series.get(key).push(p);
  }
  const shown = [...series.entries()].slice(0, 8);
  const width = 760, height = 280, pad = 48;
  const times = points.map((p) => Date.parse(p.time)), values = shown.flatMap(([, s]) => s.map((p) => p.value));
  const t0 = Math.min(...times), t1 = Math.max(t0 + 1, ...times), v0 = Math.min(0, ...values), v1 = Math.max(v0 + 1e-9, ...values);
  const x = (t) => pad + (t - t0) / (t1 - t0) * (width - pad - 10), y = (v) => height - 24 - (v - v0) / (v1 - v0) * (height - 40);
  const lines = shown.map(([, s], i) => `<polyline fill="none" stroke="${palette[i % palette.length]}" stroke-width="1.5" points="${
    s.map((p) => `${x(Date.parse(p.time)).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ")}"/>`).join("");
  return `<svg class="chart" id="metric-chart" viewBox="0 0 ${width} ${height}" width="100%">
    <line x1="${pad}" y1="${height - 24}" x2="${width - 10}" y2="${height - 24}" stroke="#999"/><line x1="${pad}" y1="16" x2="${pad}" y2="${height - 24}" stroke="#999"/>
    <text x="4" y="20" font-size="11">${esc(+v1.toPrecision(4))}</text><text x="4" y="${height - 26}" font-size="11">${esc(+v0.toPrecision(4))}</text>
    <text x="${pad}" y="${height - 6}" font-size="11">${time(t0)}</text><text x="${width - 90}" y="${height - 6}" font-size="11">${time(t1)}</text>
    ${lines}</svg><div class="legend">${shown.map(([k], i) => `<span><span class="resource-dot" style="background:${palette[i % palette.length]}"></span>${esc(k)}</span>`).join("")}</div>`;
}

// ---- Routing ---------------------------------------------------------------------------------

const routes = [
  [/^\/(resources)?$/, "resources", () => resourcesPage()],
  [/^\/console(?:\/([^/]+))?$/, "console", (m) => consolePage(m[1] && decodeURIComponent(m[1]))],
  [/^\/logs$/, "logs", () => logsPage()],
  [/^\/traces$/, "traces", () => tracesPage()],
  [/^\/traces\/([0-9a-fA-F]+)$/, "traces", (m) => tracePage(m[1].toLowerCase())],
  [/^\/metrics$/, "metrics", () => metricsPage()],
];

const route = routes.find(([pattern]) => pattern.test(path));
if (route) {
  document.querySelector(`nav a[data-page="${route[1]}"]`)?.classList.add("active");
  route[2](path.match(route[0])).catch((e) => { page.innerHTML = `<p class="error">${esc(e.message)}</p>`; });
} else {
  page.innerHTML = `<p class="empty">No page here. <a href="/">Resources</a></p>`;
}

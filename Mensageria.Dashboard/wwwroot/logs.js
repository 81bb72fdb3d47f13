// Structured logs with their filters.
import { $, esc, api, poll, time, resourceOptions, showStatus } from "/common.js";

const page = $("page");
const params = new URLSearchParams(location.search);

export async function logsPage() {
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
        logs.sort((a, b) => Date.parse(b.time) - Date.parse(a.time)).map((l) => `<tr class="log"><td class="mono">${time(l.time)}</td><td>${esc(l.instance ?? l.resource)}</td>
          <td class="level-${esc(l.level)}">${esc(l.level)}</td><td>${esc(l.message)}<br><span class="muted">${esc(l.category)}</span></td>
          <td>${l.traceId ? `<a class="trace-link" href="/traces/${esc(l.traceId)}">${esc(l.traceId.slice(0, 8))}…</a>` : ""}</td></tr>`).join("")}</tbody></table>`;
    await showStatus();
  }, 2000);
}

// The trace list and its search by attribute value.
import { $, esc, api, poll, time, ms, colorOf, resourceOptions, showStatus } from "/common.js";

const page = $("page");
const params = new URLSearchParams(location.search);

export async function tracesPage() {
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

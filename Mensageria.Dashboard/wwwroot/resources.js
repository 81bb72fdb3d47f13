// The resources page: state, health, replicas, endpoints, environment, actions; and what the store evicted.
import { $, esc, api, poll, time, dl, showStatus } from "/common.js";

const page = $("page");

export async function resourcesPage() {
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

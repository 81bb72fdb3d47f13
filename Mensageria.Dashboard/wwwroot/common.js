// What every page uses: the API with its login, polling, formatting, colours per resource.
export const $ = (id) => document.getElementById(id);
export const palette = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#db2777", "#65a30d"];
const colors = new Map();

export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

export function colorOf(resource) {
  if (!colors.has(resource)) colors.set(resource, palette[colors.size % palette.length]);
  return colors.get(resource);
}

export async function api(url, options) {
  const response = await fetch(url, options);
  if (response.status === 401) { location.href = `/login?return=${encodeURIComponent(location.pathname + location.search)}`; throw new Error("not logged in"); }
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.status === 202 || response.status === 204 ? null : response.json();
}

export function time(value) { return new Date(value).toLocaleTimeString([], { hour12: false }) + "." + String(new Date(value).getMilliseconds()).padStart(3, "0"); }
export function ms(value) { return value < 1 ? `${(value * 1000).toFixed(0)} µs` : value < 1000 ? `${value.toFixed(1)} ms` : `${(value / 1000).toFixed(2)} s`; }

// Polls `load` every `interval` ms while the page is open; a failed poll shows its error and is retried.
export function poll(load, interval = 1500) {
  const run = async () => {
    try { await load(); } catch (e) { console.warn(e); }
    setTimeout(run, interval);
  };
  run();
}

export function dl(entries) {
  const rows = Object.entries(entries);
  return rows.length === 0 ? '<p class="muted">none</p>'
    : `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd class="mono">${esc(v)}</dd>`).join("")}</dl>`;
}

export async function resourceOptions(select, selected) {
  const names = await api("/api/telemetry/resources");
  select.innerHTML = `<option value="">all resources</option>` + names.map((n) => `<option ${n === selected ? "selected" : ""}>${esc(n)}</option>`).join("");
}

export async function showStatus() {
  const status = await api("/api/telemetry/status");
  const evicted = status.evictions.reduce((sum, e) => sum + e.count, 0);
  $("telemetry-status").innerHTML = `${status.traces} traces · ${status.logs} logs · ${status.metricPoints} points · ` +
    `<span id="evicted-total" class="${evicted ? "error" : ""}">${evicted} evicted</span>`;
  return status;
}

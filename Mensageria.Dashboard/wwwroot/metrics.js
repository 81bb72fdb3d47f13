// Instruments per resource, and one charted over time as inline SVG.
import { $, esc, api, poll, time, palette, resourceOptions, showStatus } from "/common.js";

const page = $("page");
const params = new URLSearchParams(location.search);

export async function metricsPage() {
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
        instrument.type === "Histogram" ? " (mean of each interval)" : ""}</span></h2><p class="muted">${esc(instrument.description)}</p>${chart(instrument.type === "Histogram" ? intervalMeans(points) : points)}`;
    } else {
      $("chart").innerHTML = `<p class="muted">Choose an instrument.</p>`;
    }
    await showStatus();
  }, 3000);
}

// A histogram's points carry running totals: the mean of each interval is the change in sum over
// the change in count between two points of the same attribute set (none when nothing was recorded).
function intervalMeans(points) {
  const last = new Map();
  return points.flatMap((p) => {
    const key = JSON.stringify(p.attributes), previous = last.get(key);
    last.set(key, p);
    if (!previous || p.count < previous.count) return [{ ...p, value: p.count ? p.sum / p.count : 0 }];
    return p.count > previous.count ? [{ ...p, value: (p.sum - previous.sum) / (p.count - previous.count) }] : [];
  });
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

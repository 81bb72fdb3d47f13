// One trace: the waterfall across resources, and the selected span's attributes, events and links.
import { $, esc, api, poll, time, ms, dl, colorOf } from "/common.js";

const page = $("page");

export async function tracePage(traceId) {
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
          <span class="duration" style="${left + width > 85 ? `right:${100 - left}%` : `left:${left + width}%`}">&nbsp;${ms(span.durationMs)}&nbsp;</span></div></div>`;
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
    <h2>Resource</h2>${dl(span.resourceAttributes)}
    <h2>Events</h2>${span.events.length === 0 ? '<p class="muted">none</p>' : span.events.map((e) => `<p><strong>${esc(e.name)}</strong> ${time(e.time)}</p>${dl(e.attributes)}`).join("")}
    <h2>Links</h2>${span.links.length === 0 ? '<p class="muted">none</p>' : span.links.map((l) => `<p><a href="/traces/${esc(l.traceId)}">${esc(l.traceId)}</a> span ${esc(l.spanId)}</p>${dl(l.attributes)}`).join("")}</div>`;
}

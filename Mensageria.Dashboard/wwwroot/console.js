// A resource's console output, live.
import { $, esc, api, poll } from "/common.js";

const page = $("page");

export async function consolePage(resource) {
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

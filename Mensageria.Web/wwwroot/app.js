// Mensageria's page: the shop (through the web's /shop endpoints), the live feed (/ws, reconnecting
// with backoff and catching up with ?since=), and the operations panel (/ops, every second, once the operator logged in).
"use strict";

const $ = (id) => document.getElementById(id);
const money = (n) => (n ?? 0).toLocaleString("en", { style: "currency", currency: "EUR" });
const rank = { Accepted: 0, Processing: 1, StockReserved: 2, Invoiced: 3, Completed: 4, Rejected: 4 };
let products = [];

// ---- Shop -------------------------------------------------------------------------------------
async function loadProducts() {
  const response = await fetch("/shop/products");
  if (!response.ok) { $("products").innerHTML = `<p class="field-error">The catalog is unavailable (${response.status}); retrying…</p>`; return; }
  const fresh = await response.json();
  const sameCatalog = fresh.length === products.length && fresh.every((p, i) => p.sku === products[i].sku);
  products = fresh;
  if (sameCatalog) {
    // Only the stock moved: update it in place, keeping what the person typed and any errors shown.
    for (const p of products) {
      const card = document.querySelector(`.product[data-sku="${p.sku}"]`);
      card.classList.toggle("out", p.stock === 0);
      card.querySelector("[data-stock]").textContent = `${p.stock} in stock`;
    }
    if (!$("quote").hidden) scheduleQuote();
    return;
  }

  $("products").innerHTML = products.map((p) => `
    <div class="product${p.stock === 0 ? " out" : ""}" data-sku="${p.sku}">
      <span class="name">${escapeHtml(p.name)}</span>
      <span class="sku">${p.sku}</span>
      <span class="price">${money(p.price)}</span>
      <span class="stock" data-stock>${p.stock} in stock</span>
      <input id="qty-${p.sku}" type="number" min="0" max="1000" step="1" inputmode="numeric" aria-label="Quantity of ${escapeHtml(p.name)}">
      <span class="field-error" data-line-sku="${p.sku}"></span>
    </div>`).join("");
  updateTotal();
}

function chosenLines() {
  return products
    .map((p) => ({ sku: p.sku, quantity: Number($(`qty-${p.sku}`).value || 0) }))
    .filter((line) => line.quantity !== 0);
}

function updateTotal() {
  const lines = chosenLines();
  const total = lines.reduce((sum, l) => sum + l.quantity * (products.find((p) => p.sku === l.sku)?.price ?? 0), 0);
  $("order-total").textContent = lines.length ? `${lines.length} line(s), ${money(total)}` : "Choose quantities to order.";
}

// A quote from a worker (over RPC, through the API) as the lines change: availability and total now.
let quoteTimer = null;
let quoteRequest = null;

function scheduleQuote() {
  clearTimeout(quoteTimer);
  quoteRequest?.abort();
  quoteTimer = setTimeout(requestQuote, 300);
}

async function requestQuote() {
  const lines = chosenLines();
  const quote = $("quote");
  if (!lines.length) { quote.hidden = true; delete quote.dataset.state; return; }
  quoteRequest = new AbortController();
  try {
    const response = await fetch("/shop/orders/quote", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      // A quote does not depend on who asks; the API's body rules still want a customer id.
      body: JSON.stringify({ customerId: $("customer-id").value.trim() || "quote", lines }),
      signal: quoteRequest.signal,
    });
    const body = await response.json().catch(() => ({}));
    quote.hidden = false;
    if (response.ok) {
      const short = body.lines.filter((l) => l.shortfall > 0);
      quote.dataset.state = body.available ? "available" : "short";
      quote.textContent = body.available
        ? `Quote: all in stock, ${money(body.total)} (from ${body.quotedBy}).`
        : `Quote: ${short.map((l) => `${l.name} short by ${l.shortfall}`).join("; ")}. Total ${money(body.total)} (from ${body.quotedBy}).`;
    } else {
      quote.dataset.state = "error";
      const detail = Object.values(body.errors ?? {}).flat()[0] ?? body.detail ?? "";
      quote.textContent = `No quote: ${body.title ?? response.status} ${detail}`.trim();
    }
  } catch (error) {
    if (error.name !== "AbortError") { quote.hidden = false; quote.dataset.state = "error"; quote.textContent = "No quote: the shop could not be reached."; }
  }
}

function clearErrors() {
  document.querySelectorAll(".field-error").forEach((e) => { e.textContent = ""; });
  document.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
}

// The API's problem details name fields ("customerId", "lines[2].quantity"): show each next to its field.
function showErrors(errors, lines) {
  for (const [field, messages] of Object.entries(errors ?? {})) {
    const line = /^lines\[(\d+)\]/.exec(field);
    const target = line && lines[Number(line[1])]
      ? document.querySelector(`[data-line-sku="${lines[Number(line[1])].sku}"]`)
      : document.querySelector(`[data-field="${field.split("[")[0]}"]`) ?? document.querySelector('[data-field="body"]');
    target.textContent = messages.join(" ");
    if (field === "customerId") $("customer-id").setAttribute("aria-invalid", "true");
  }
}

async function placeOrder(event) {
  event.preventDefault();
  clearErrors();
  const lines = chosenLines();
  const button = $("place-order");
  button.disabled = true;
  $("order-result").textContent = "Placing…";
  try {
    const response = await fetch("/shop/orders", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ customerId: $("customer-id").value.trim(), lines }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.status === 202) {
      // Ids are time-ordered (GUID v7): their end, not their start, tells orders apart.
      $("order-result").textContent = `Order …${body.orderId.slice(-8)} accepted.`;
      $("order-result").dataset.orderId = body.orderId;
      products.forEach((p) => { $(`qty-${p.sku}`).value = ""; });
      updateTotal();
      scheduleQuote();
    } else {
      $("order-result").textContent = body.title ?? `The order was not accepted (${response.status}).`;
      showErrors(body.errors, lines);
    }
  } catch {
    $("order-result").textContent = "The shop could not be reached; try again.";
  } finally {
    button.disabled = false;
  }
}

// ---- Live feed -------------------------------------------------------------------------------
const orders = new Map();
let lastSeen = null;
let retryDelay = 1000;
let dashboardUrl = null;

function setConnection(state, text) { const pill = $("connection"); pill.dataset.state = state; pill.textContent = text; }

function connect() {
  // First visit: the last ten minutes; after a drop: from just before the last event seen.
  const since = `?since=${lastSeen === null ? Date.now() - 600000 : lastSeen - 1000}`;
  const socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws${since}`);
  socket.onopen = () => { retryDelay = 1000; setConnection("live", "live"); };
  socket.onmessage = (event) => receive(JSON.parse(event.data));
  socket.onclose = () => {
    setConnection("reconnecting", `reconnecting in ${Math.round(retryDelay / 1000)} s…`);
    setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 10000);
  };
}

function receive(message) {
  const at = Date.parse(message.at);
  lastSeen = Math.max(lastSeen ?? 0, at);
  const order = orders.get(message.orderId) ?? { id: message.orderId, first: at, status: null };
  // Events are at-least-once and may cross: an order only moves forward.
  if (order.status === null || rank[message.status] >= rank[order.status]) {
    Object.assign(order, { status: message.status, at, total: message.total, reason: message.reason, traceId: message.traceId,
      invoiceNumber: message.invoiceNumber ?? order.invoiceNumber });
  }
  orders.set(order.id, order);
  if (message.status === "StockReserved" || message.status === "Rejected") scheduleStockRefresh();
  renderFeed();
}

function renderFeed() {
  const newest = [...orders.values()].sort((a, b) => b.first - a.first).slice(0, 100);
  $("feed-empty").hidden = newest.length > 0;
  $("feed-list").innerHTML = newest.map((o) => `
    <li data-order-id="${o.id}">
      <span class="id">${o.id}</span>
      <span class="status" data-status="${o.status}">${o.status}</span>
      <span class="detail">${money(o.total)}${o.invoiceNumber ? ` · invoice ${o.invoiceNumber}` : ""}${o.reason ? ` · ${escapeHtml(o.reason)}` : ""}
        ${dashboardUrl && o.traceId ? ` · <a href="${dashboardUrl.replace(/\/$/, "")}/traces/detail/${o.traceId}" target="_blank" rel="noopener">trace</a>` : ""}</span>
    </li>`).join("");
}

let stockTimer = null;
function scheduleStockRefresh() { clearTimeout(stockTimer); stockTimer = setTimeout(loadProducts, 500); }

// ---- Operations panel ------------------------------------------------------------------------
function renderQueue(id, queue) {
  const card = $(id);
  card.dataset.state = queue.state;
  card.querySelector("dl").innerHTML = `
    <dt>state</dt><dd data-backlog-state>${queue.state}</dd>
    <dt>ready</dt><dd data-ready>${queue.ready}</dd>
    <dt>unacked</dt><dd>${queue.unacked}</dd>
    <dt>consumers</dt><dd>${queue.consumers}</dd>
    <dt>publish</dt><dd>${queue.publishRate.toFixed(1)}/s</dd>
    <dt>deliver</dt><dd>${queue.deliverRate.toFixed(1)}/s</dd>`;
}

function showLoggedIn(state) {
  $("ops-panel").hidden = !state;
  $("operator-login").hidden = state;
}

async function refreshOps() {
  try {
    const response = await fetch("/ops/queues");
    const panel = await response.json().catch(() => ({}));
    if (response.status === 401) { showLoggedIn(false); $("ops-error").textContent = ""; return; }
    showLoggedIn(true);
    if (!response.ok) { $("ops-error").textContent = panel.detail ?? panel.title; return; }
    $("ops-error").textContent = "";
    renderQueue("queue-orders", panel.orders);
    renderQueue("queue-dead-letters", panel.deadLetters);
    $("workers-online").textContent = panel.workersOnline;
    $("dead-letter-count").textContent = panel.deadLetters.ready;
    $("replay").disabled = panel.deadLetters.ready === 0;
    $("management-link").href = panel.managementUrl;
    await refreshCredentials();
  } catch {
    $("ops-error").textContent = "The operations figures are unavailable; retrying…";
  } finally {
    setTimeout(refreshOps, 1000);
  }
}

const when = (at) => (at ? new Date(at).toLocaleString() : "never");

// A .NET TimeSpan as JSON ("7.00:00:00", "00:00:10") in words: "7 d", "10 s".
function span(text) {
  const [, days = "0", h, m, s] = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)/.exec(text ?? "") ?? [];
  const parts = [[days, "d"], [h, "h"], [m, "min"], [s, "s"]].filter(([n]) => Number(n) > 0).map(([n, unit]) => `${Number(n)} ${unit}`);
  return parts.join(" ") || text;
}

async function refreshCredentials() {
  const response = await fetch("/ops/credentials");
  const panel = await response.json().catch(() => ({}));
  if (!response.ok) { $("ops-error").textContent = panel.detail ?? panel.title ?? `API keys unavailable (${response.status}).`; return; }
  $("keys-expiring-soon").textContent = panel.expiringSoon;
  $("keys-window").textContent = span(panel.expiringSoonWindow);
  $("keys-summary").dataset.state = panel.expiringSoon > 0 ? "Slow" : "Normal";
  $("credentials").querySelector("tbody").innerHTML = panel.keys.map((k) => `
    <tr data-key-id="${k.id}" data-state="${k.state}">
      <td>${escapeHtml(k.name)}</td><td><code>${k.id}</code></td><td>${when(k.createdAt)}</td><td>${when(k.lastUsedAt)}</td>
      <td>${when(k.expiresAt)}</td><td>${k.requestsPerMinute}</td><td data-credential-state>${k.state}</td>
      <td>${k.state === "Revoked" ? "" : `<button type="button" data-revoke="${k.id}">Revoke</button>`}</td>
    </tr>`).join("");
}

async function logIn(secret) {
  const response = await fetch("/ops/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ secret }) });
  $("login-error").textContent = response.ok ? "" : "That is not the operator secret.";
  if (response.ok) { $("operator-secret").value = ""; showLoggedIn(true); }
}

async function createKey(event) {
  event.preventDefault();
  $("create-key-error").textContent = "";
  const rate = $("key-rate").value;
  const response = await fetch("/ops/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: $("key-name").value.trim(), expires: $("key-expires").value.trim(), requestsPerMinute: rate ? Number(rate) : null }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) { $("create-key-error").textContent = Object.values(body.errors ?? {}).flat().join(" ") || body.title || `Not created (${response.status}).`; return; }
  $("created-key-name").textContent = body.credential.name;
  $("created-key-value").textContent = body.key;
  $("created-key").hidden = false;
  $("key-name").value = "";
  await refreshCredentials();
}

async function revoke(id) {
  if (!confirm("Revoke this key? Every request with it is refused from now on.")) return;
  const response = await fetch(`/ops/credentials/${encodeURIComponent(id)}/revoke`, { method: "POST" });
  if (!response.ok) $("ops-error").textContent = `The key was not revoked (${response.status}); try again.`;
  await refreshCredentials();
}

async function replay() {
  if (!confirm("Move every dead letter back to the order queue?")) return;
  const response = await fetch("/ops/dead-letters/replay", { method: "POST" });
  const body = await response.json().catch(() => ({}));
  $("replay-result").textContent = response.ok ? `${body.replayed} replayed.` : "The replay failed; try again.";
}

// The app host prints the panel's login URL with the secret in the fragment, which the browser never sends: post it, then forget it.
async function logInFromUrl() {
  const match = /^#operator-secret=(.+)$/.exec(location.hash);
  if (!match) return;
  history.replaceState(null, "", location.pathname + location.search);
  await logIn(decodeURIComponent(match[1]));
}

async function loadLinks() {
  const links = await (await fetch("/shop/links")).json();
  if (links.dashboard) { dashboardUrl = links.dashboard; $("dashboard-link").href = links.dashboard; $("dashboard-item").hidden = false; }
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

$("order-form").addEventListener("submit", placeOrder);
$("products").addEventListener("input", () => { updateTotal(); scheduleQuote(); });
$("replay").addEventListener("click", replay);
$("operator-login").addEventListener("submit", (event) => { event.preventDefault(); logIn($("operator-secret").value); });
$("logout").addEventListener("click", async () => { await fetch("/ops/logout", { method: "POST" }); showLoggedIn(false); });
$("create-key").addEventListener("submit", createKey);
$("credentials").addEventListener("click", (event) => { const id = event.target.dataset?.revoke; if (id) revoke(id); });
loadLinks().catch(() => {});
loadProducts().catch(() => {});
connect();
logInFromUrl().catch(() => {}).finally(refreshOps);

// The dashboard's pages: one shell (index.html); the path says which page to draw. Every page reads
// the JSON API and polls it, so what it shows stays live. No libraries: charts are inline SVG.
import { $, esc } from "/common.js";
import { resourcesPage } from "/resources.js";
import { consolePage } from "/console.js";
import { logsPage } from "/logs.js";
import { tracesPage } from "/traces.js";
import { tracePage } from "/trace.js";
import { metricsPage } from "/metrics.js";

const page = $("page");
const path = location.pathname.replace(/\/+$/, "") || "/";

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

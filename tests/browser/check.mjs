// The served pages in a real browser: headless Chromium driven by
// playwright-core. Opens the home page, a message page, a topic page with
// its chart, a question form and the YASGUI query page, runs a query there,
// and checks what is shown. Fails on any console error, page error or
// request that would leave the machine. Saves screenshots of the topic and
// message pages for the README.
//
//   node tests/browser/check.mjs URL SCREENSHOT_DIR
//
// URL is a running `igfkg serve` of the bundled build; playwright-core is
// found through NODE_PATH (.ci/run installs it outside the clone).

import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node tests/browser/check.mjs URL SCREENSHOT_DIR");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const origin = new URL(base).origin;

const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
// Every request is checked: only the server itself may be asked.
await context.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) {
    return route.continue();
  }
  problems.push(`a request left the machine: ${url}`);
  return route.abort();
});
const page = await context.newPage();
page.on("console", (message) => {
  if (message.type() === "error") problems.push(`console error on ${page.url()}: ${message.text()}`);
});
page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));

function check(condition, what) {
  if (!condition) problems.push(`${page.url()}: ${what}`);
  else console.log(`ok  ${what}`);
}

async function open(path) {
  const response = await page.goto(new URL(path, base).href, { waitUntil: "load" });
  check(response && response.status() === 200, `GET ${path} answers 200`);
}

async function sparql(query) {
  const response = await fetch(new URL("sparql", base), {
    method: "POST",
    headers: { "content-type": "application/sparql-query", accept: "application/sparql-results+json" },
    body: query,
  });
  return (await response.json()).results.bindings;
}

// The home page says what the dataset holds and where to start.
await open("/");
check((await page.textContent("h1")).includes("Internet Governance Forum outcomes"), "the home page has its title");
check(await page.locator('a[href="/id/meeting/2018"]').count() === 1, "the home page links the 2018 meeting");
check((await page.textContent("main")).includes("IGF 2018 (13th IGF, Paris)"), "the 2018 meeting is named by its label");

// A message page: full text, the exact source quote with its line, links with evidence.
const [message] = await sparql(
  'SELECT ?m ?line WHERE { ?m a igf:Message ; igf:text ?t ; igf:sourceSpan/igf:startLine ?line FILTER(STRSTARTS(?t, "The motivations behind Internet shutdowns vary")) }',
);
const messagePath = new URL(message.m.value).pathname.replace(/^\/igfkg/, "");
await open(messagePath);
const quote = await page.textContent("blockquote.quote");
check(quote.includes("The motivations behind Internet shutdowns vary"), "the message page quotes its source");
check(quote.includes(`line ${message.line.value}`), "the quote names its line");
check((await page.textContent("main")).includes("Links, with their evidence"), "the message page lists its links");
await page.screenshot({ path: `${shots}/message.png`, fullPage: false });

// A topic page: its timeline as an SVG chart, one bar per year.
await open("/id/topic/encryption");
const bars = await page.locator('figure.chart svg rect[fill="#12355B"]').count();
const years = await sparql(
  "SELECT DISTINCT ?year WHERE { ?m a igf:Message ; igf:topic <https://w3id.org/igfkg/id/topic/encryption> ; igf:year ?year }",
);
check(bars === years.length && bars > 1, `the topic chart has one bar per year (${bars} bars, ${years.length} years)`);
check(await page.locator("figure.chart svg text").filter({ hasText: "2019" }).count() > 0, "the chart labels its years");
await page.locator("figure.chart").first().scrollIntoViewIfNeeded();
await page.screenshot({ path: `${shots}/topic.png`, fullPage: false });

// A question form: parameters chosen from a list, answered as a table.
await open("/questions/topic-timeline");
check(await page.locator('select[name="topic"] option[value="encryption"]').count() === 1, "the topic is chosen from a list");
await page.selectOption('select[name="topic"]', "encryption");
await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
const rows = await page.locator("table.results tr").count();
check(rows - 1 === years.length, `the question answers one row per year (${rows - 1})`);

// The YASGUI page: a query typed there runs against the endpoint.
await open("/sparql");
await page.waitForSelector(".yasqe .CodeMirror", { timeout: 15000 });
await page.evaluate(() => { window.igfkgYasgui.getTab().setQuery("SELECT (COUNT(?m) AS ?n) WHERE { ?m a igf:Message }"); });
await page.click(".yasqe_queryButton");
await page.waitForSelector(".yasr table, .yasr .dataTable, .yasr_results", { timeout: 15000 });
await page.waitForFunction(() => document.querySelector(".yasr") && document.querySelector(".yasr").textContent.includes("237"), null, { timeout: 15000 }).catch(() => {});
check((await page.textContent(".yasr")).includes("237"), "YASGUI shows the count of messages (48 + 52 + 137)");
await page.screenshot({ path: `${shots}/sparql.png`, fullPage: false });

await browser.close();
if (problems.length) {
  for (const problem of problems) console.error(`FAIL ${problem}`);
  process.exit(1);
}
console.log("browser checks passed");

// Static search over the Pagefind index: a labelled form, results as plain links.
const form = document.querySelector("form.search");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const pagefindUrl = document.querySelector("script[data-pagefind]").dataset.pagefind;
let pagefind = null;

function item(data) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = (data.meta && data.meta.title) || data.url;
  const p = document.createElement("p");
  p.innerHTML = data.excerpt; // Pagefind escapes the text and marks hits with <mark>
  li.append(a);
  // the article's date and source (data-pagefind-meta in article.html), as text
  const facts = [data.meta && data.meta.date, data.meta && data.meta.source].filter(Boolean);
  if (facts.length) {
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = facts.join(" · ");
    li.append(meta);
  }
  li.append(p);
  return li;
}

async function run(query) {
  list.replaceChildren();
  if (!query.trim()) { status.textContent = ""; return; }
  pagefind = pagefind || await import(pagefindUrl);
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  status.textContent = `${search.results.length} result${search.results.length === 1 ? "" : "s"} for “${query}”`;
  list.append(...results.map(item));
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
  run(input.value);
});
const initial = new URLSearchParams(location.search).get("q");
if (initial) { input.value = initial; run(initial); }

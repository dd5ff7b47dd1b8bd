"""Clean a saved HTML page: trafilatura finds the article, our cleaner finishes the job.

For HTML the page structure (``<article>``, ``<nav>``, link density) tells far more than
a text dump does, so trafilatura picks the main text and reads the metadata (title, date,
author, site name). Its output then goes through the same line logic as text dumps
(:func:`news_digest.ingest.clean.clean_text`), so captions, bylines, datelines and explicit
boilerplate are treated alike whatever the seed's format. When trafilatura finds nothing
or fails, we strip the tags ourselves and let the text-dump cleaner judge the prose,
with a warning saying so. Nothing here raises on any input.
"""

from __future__ import annotations

import functools
import html as html_lib
import logging
import re
from dataclasses import replace
from typing import Any

from news_digest.ingest.clean import clean_text
from news_digest.model import Draft, RawSeed

log = logging.getLogger(__name__)

MAX_HTML_CHARS = 20_000_000
"""Larger pages are cut before parsing: no article needs more, and lxml would stall."""

_BLOCK_TAGS = re.compile(
    r"<(?:/?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|nav|aside|"
    r"blockquote|figure|figcaption|title|pre|dd|dt)\b)[^>]{0,2000}>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]{0,2000}>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


SWALLOWED_PAGE_TAGS = 20
"""Block tags (``<div>``, ``<p>``, ``</td>`` ...) on a dump's first line that mean it is
no title but the page's source: a page saved with its ``<title>`` cut open (a scrape
that broke off, an ad script's ``document.write`` saved half-run) is read by an HTML
parser as one title running to the end, so a text dumper writes the whole page, tags and
all, as line 1 and nothing below it. A real title holds no block tag; twenty leaves room
for a title that quotes one."""
PAGE_IN_TITLE = ("the dump's first line holds the page's HTML source (its <title> was "
                 "never closed); read it as HTML")


PAGE_IN_TITLE_CHARS = 1_000_000
"""A first line longer than this is not read as a page: the pages behind such dumps
are tens of kilobytes, and a scraper's 10 MB line of minified markup would cost the
HTML extractor some 40 s and 800 MB (measured) for no article; it stays a text dump."""


def page_in_title(text: str) -> bool:
    """A text dump's first line is the page's source, not its title
    (SWALLOWED_PAGE_TAGS): such a seed is cleaned as the HTML it is (``workers.to_draft``
    sends it to :func:`extract_html`). Its block tags are counted with the pattern the
    plain-text fallback breaks lines on."""
    if not isinstance(text, str):
        return False
    end = text.find("\n")
    end = len(text) if end < 0 else end
    return end <= PAGE_IN_TITLE_CHARS and \
        len(_BLOCK_TAGS.findall(text, 0, end)) >= SWALLOWED_PAGE_TAGS


def extract_html(raw: RawSeed) -> Draft:
    """Clean an HTML seed into a Draft; deterministic, never raises."""
    html = (raw.text or "")[:MAX_HTML_CHARS]
    doc = _trafilatura(html)
    if doc is None or not (doc.get("text") or "").strip():
        return _fallback(html, "trafilatura found no article text; cleaned the page's plain text")
    stated = (doc.get("title") or "").strip()
    body = doc["text"]
    # the title as the page states it, so the cleaner drops its repeat atop the body
    draft = clean_text(f"{stated}\n\n{body}" if stated else body, prose_selected=True)
    title = without_site_name(stated or draft.title, doc.get("sitename"))
    paragraphs = draft.paragraphs
    if title != stated and paragraphs and paragraphs[0].strip() == title:
        paragraphs = paragraphs[1:]  # the page's own <h1>, without the site's name
    return replace(
        draft,
        title=title,
        paragraphs=paragraphs,
        kinds=draft.kinds[1:] if len(paragraphs) < len(draft.paragraphs) and draft.kinds
        else draft.kinds,
        byline=draft.byline or _byline(doc.get("author")),
        warnings=(*raw.warnings, *draft.warnings),
    )


_SITE_SEPARATORS = (" - ", " | ", " – ", " — ", " · ", " :: ")
"""What stands between a page title and the site's name ("… - Business Insider")."""


def without_site_name(title: str, *names: object) -> str:
    """``title`` without a trailing " - Site" or " | Site" that names the site (a saved
    page's ``og:site_name``, a record's publisher), compared case-insensitively; a title
    that is nothing but the name is kept. Left on, the name reads as part of the
    headline, lengthens the slug, and feeds words to the entity finder ("Threaten
    Britain - Business Insider" gave the people "Threaten Britain" and "Business").
    Taken off as often as it repeats (a ``<title>`` may carry it twice)."""
    for name in names:
        site = " ".join(str(name).split()).casefold() if name else ""
        if not site:
            continue
        cut = True
        while cut:
            cut = False
            folded = title.casefold()
            for sep in _SITE_SEPARATORS:
                tail = sep + site
                if folded.endswith(tail) and len(title) > len(tail):
                    title, cut = title[:-len(tail)].rstrip(), True
                    break
    return title


def html_meta(raw: RawSeed) -> dict[str, str]:
    """The page's own metadata in ingest's ``meta`` shape: ``date``, ``publisher``, ``url``.

    A date from ``<meta>`` tags is not a dateline, so it is not put in ``Draft.date``;
    ingest can merge this mapping and record ``date_source: metadata``.
    """
    html = (raw.text or "")[:MAX_HTML_CHARS]
    doc = _trafilatura(html) or {}
    keys = {"date": "date", "sitename": "publisher", "url": "url", "author": "author"}
    meta = {ours: str(doc[theirs]).strip() for theirs, ours in keys.items()
            if doc.get(theirs) and str(doc[theirs]).strip()}
    timed = published_time(html)
    if timed is not None:
        meta["date"] = timed  # trafilatura gives the day only: 09:30Z became 00:00
    return meta


_META_TAG = re.compile(r"<meta\b[^>]{0,2000}>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:][-\w:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_HAS_TIME = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")
PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "datepublished")
"""``<meta property|name|itemprop=…>`` names of a page's publication time (Open Graph's
article namespace, schema.org microdata), in order of trust."""
MAX_HEAD_CHARS = 200_000
"""Meta tags sit in the page's head; the rest of a large page is not scanned."""


def published_time(html: str) -> str | None:
    """The page's publication time from its ``<meta>`` tags, when it has a time of day.

    A value with a date only is left to trafilatura (it reads more places for dates);
    this keeps the time that trafilatura's date-only output drops.
    """
    found: dict[str, str] = {}
    for tag in _META_TAG.finditer(html[:MAX_HEAD_CHARS]):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag.group(0))}
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "")
        value = html_lib.unescape(attrs.get("content", "")).strip()
        if name.lower() in PUBLISHED_KEYS and _HAS_TIME.match(value):
            found.setdefault(name.lower(), value)
    return next((found[k] for k in PUBLISHED_KEYS if k in found), None)


_LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan")
"""What trafilatura logs through: lines such as "ERROR empty HTML tree: None" or
"WARNING discarding data: None", which name no file. Ingest says what became of the
seed in its own line naming it (skipped and why, or the post's warnings)."""


@functools.cache
def _quiet_libraries() -> None:
    for name in _LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


@functools.lru_cache(maxsize=4)
def _trafilatura(html: str) -> dict[str, Any] | None:
    """Main text and metadata as a dict, or None; cached so text and metadata share a parse."""
    if not html.strip():
        return None
    try:
        import trafilatura

        _quiet_libraries()
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            deduplicate=False,  # trafilatura's cache spans calls: output would depend on order
        )
    except Exception as exc:  # lxml and trafilatura raise on odd input; we fall back
        log.debug("trafilatura failed: %r", exc)
        return None
    if doc is None:
        return None
    if isinstance(doc, dict):
        return doc
    return {key: getattr(doc, key, None) for key in ("title", "text", "date", "author",
                                                      "sitename", "url")}


def _byline(author: object) -> str | None:
    text = " ".join(str(author).split()) if author else ""
    return f"By {text}" if text else None


def _fallback(html: str, warning: str) -> Draft:
    """Strip tags (keeping block breaks as line breaks) and clean the text as a dump."""
    try:
        text = strip_tags(html)
    except Exception as exc:  # pragma: no cover - strip_tags is plain string work
        text, warning = "", f"{warning} (tag stripping failed: {exc!r})"
    draft = clean_text(text)
    return replace(draft, warnings=(warning, *draft.warnings))


def strip_tags(html: str) -> str:
    """Plain text of an HTML page: scripts and styles dropped, one line per block element.

    Linear in the page size even for unclosed ``<script>`` tags (a regex with ``.*?``
    across them would rescan the page once per tag).
    """
    text = _drop_elements(html, ("script", "style", "noscript", "template"))
    text = _COMMENT.sub(" ", text)
    text = _BLOCK_TAGS.sub("\n", text)
    text = _ANY_TAG.sub(" ", text)
    text = html_lib.unescape(text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _drop_elements(html: str, names: tuple[str, ...]) -> str:
    """Remove ``<name …>…</name>`` for each name, scanning forward only."""
    lower = html.lower()
    out: list[str] = []
    pos = 0
    upcoming = {name: lower.find(f"<{name}") for name in names}
    while True:
        for name, at in upcoming.items():
            if 0 <= at < pos:
                upcoming[name] = lower.find(f"<{name}", pos)
        found = sorted((at, name) for name, at in upcoming.items() if at >= 0)
        if not found:
            out.append(html[pos:])
            break
        start, name = found[0]
        out.append(html[pos:start])
        end = lower.find(f"</{name}", start)
        if end < 0:
            break
        close = lower.find(">", end)
        pos = len(html) if close < 0 else close + 1
    return " ".join(out)

"""Search-engine files: sitemap, Google News sitemap, robots.txt and JSON-LD.

The news sitemap lists articles from the last ``news_sitemap_hours`` before the
*newest article*, not before the wall clock: the same content must give the same
file (a build tomorrow would otherwise drop everything), and for a live site
that publishes as it ingests, the newest article is "now" anyway.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any
from xml.sax.saxutils import escape

from markupsafe import Markup

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def absolute(siteurl: str, url: str) -> str:
    """``SITEURL/url``; root-relative (``/url``) when SITEURL is empty (a local build)."""
    return f"{siteurl.rstrip('/')}/{url.lstrip('/')}"


def iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def sitemap(entries: Iterable[tuple[str, datetime | None]], siteurl: str) -> str:
    """``/sitemap.xml`` from (url, lastmod) pairs, sorted by URL."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    for url, lastmod in sorted(set(entries), key=lambda e: e[0]):
        lines.append(f"  <url><loc>{escape(absolute(siteurl, url))}</loc>"
                     + (f"<lastmod>{iso(lastmod)}</lastmod>" if lastmod else "") + "</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def news_sitemap(articles: Sequence[Any], siteurl: str, sitename: str, lang: str,
                 hours: int) -> str:
    """Google News sitemap of articles within ``hours`` of the newest one."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">']
    if articles:
        newest = max(a.date for a in articles)
        cutoff = newest - timedelta(hours=hours)
        recent = sorted((a for a in articles if a.date >= cutoff),
                        key=lambda a: (a.date, a.url), reverse=True)
        for a in recent[:1000]:  # Google's limit per news sitemap
            lines += [
                "  <url>",
                f"    <loc>{escape(absolute(siteurl, a.url))}</loc>",
                "    <news:news>",
                "      <news:publication>",
                f"        <news:name>{escape(sitename)}</news:name>",
                f"        <news:language>{escape(lang)}</news:language>",
                "      </news:publication>",
                f"      <news:publication_date>{iso(a.date)}</news:publication_date>",
                f"      <news:title>{escape(a.title)}</news:title>",
                "    </news:news>",
                "  </url>",
            ]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(siteurl: str) -> str:
    return ("User-agent: *\nAllow: /\n\n"
            f"Sitemap: {absolute(siteurl, 'sitemap.xml')}\n"
            f"Sitemap: {absolute(siteurl, 'news-sitemap.xml')}\n")


def script_json(data: Any) -> Markup:
    """JSON safe inside ``<script>``: ``<``, ``>``, ``&`` become ``\\u003c``… so seed
    text such as ``</script>`` cannot end the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return Markup(text)


class LazyJsonLd:
    """An article's JSON-LD, made when its page is rendered.

    A rebuild renders only the pages whose inputs changed, so making every article's
    JSON-LD up front cost a 5k rebuild about half a second for pages it then kept.
    Jinja prints it through ``__html__`` (already escaped for ``<script>``).
    """

    __slots__ = ("_article", "_sitename", "_siteurl", "_text")

    def __init__(self, article: Any, siteurl: str, sitename: str) -> None:
        self._article, self._siteurl, self._sitename = article, siteurl, sitename
        self._text: Markup | None = None

    def __html__(self) -> Markup:
        if self._text is None:
            self._text = article_jsonld(self._article, self._siteurl, self._sitename)
        return self._text

    __str__ = __html__


_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
_AUTHORS_APART = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def byline_names(byline: str | None) -> list[str]:
    """The people a byline names, one each: "By Ann Lee and Bo Chen" → ["Ann Lee", "Bo
    Chen"]; "By Ann Lee, Bo Chen & Cy Dee" → three. A feed reader and a search engine
    credit each author; one "Ann Lee and Bo Chen" is a person nobody is. A part longer
    than a name ("the Associated Press staff in …") keeps the byline whole."""
    text = _BY.sub("", byline or "").strip()
    if not text:
        return []
    parts = [p.strip() for p in _AUTHORS_APART.split(text) if p.strip()]
    return parts if all(len(p.split()) <= 4 for p in parts) else [text]


def article_jsonld(article: Any, siteurl: str, sitename: str) -> Markup:
    """schema.org ``NewsArticle`` with ``about`` (topics) and ``mentions`` (entities)."""
    kinds = {"people": "Person", "organizations": "Organization", "places": "Place"}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": iso(article.date),
        "url": absolute(siteurl, article.url),
        "mainEntityOfPage": absolute(siteurl, article.url),
        "publisher": {"@type": "Organization", "name": sitename},
    }
    modified = getattr(article, "modified", None)
    data["dateModified"] = iso(modified if isinstance(modified, datetime) else article.date)
    summary = getattr(article, "summary_text", None)
    if summary:
        data["description"] = summary
    if getattr(article, "section", None):
        data["articleSection"] = article.section
    if getattr(article, "byline", None):
        names = byline_names(article.byline)
        people = [{"@type": "Person", "name": n} for n in names]
        if people:
            data["author"] = people[0] if len(people) == 1 else people
    source = getattr(article, "source", None) or {}
    if isinstance(source, dict) and source.get("publisher"):
        data["sourceOrganization"] = {"@type": "Organization", "name": source["publisher"]}
    if getattr(article, "keywords", None):
        data["keywords"] = list(article.keywords)
    topics = getattr(article, "topics", ()) or ()
    if topics and not isinstance(topics, str):
        data["about"] = [{"@type": "Thing", "name": t.label, "url": absolute(siteurl, t.url)}
                         for t in topics]
    entities = getattr(article, "entities", ()) or ()
    if entities and not isinstance(entities, str):
        data["mentions"] = [{"@type": kinds[e.group], "name": e.name,
                             **({"url": absolute(siteurl, e.url)}
                                if getattr(e, "linked", True) else {})} for e in entities]
    return script_json(data)

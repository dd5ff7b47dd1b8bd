"""RSS 2.0 and Atom feeds with feedgen, and the OPML list of them all.

Pelican's own feeds are off (pelicanconf.py); these carry what news readers want:
the summary as description, the full HTML as ``content:encoded``, a category per
topic and entity, and a guid that is *not* the URL. The guid is the post's ``guid:``
when it has one (ingest keeps the first seed's GUID there when it writes the post again
from a re-saved seed or a later copy), else it comes from the seed's sha256
(``source.sha256``), falling back to a hash of the post's source path, so it survives a
curator changing the slug or the date and the seed being saved again.

Output is deterministic: feedgen stamps "now" into ``lastBuildDate``/``updated``
unless told otherwise, so both are set to the newest item's date.

No feed file is over ``NEWS_DIGEST_FEED_MAX_BYTES`` (unless its newest item alone is):
older items are left out, and an item whose full text would fill more than a quarter of
the cap carries its summary and a "Read the full article" link instead (an edition: its
headlines), so one huge article cannot push every other item out (:meth:`Renderer.render`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import quoteattr

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from lxml import etree

from news_digest.site.notes import feed_html as note_html
from news_digest.site.seo import absolute, byline_names
from news_digest.site.stories import StoryItem
from news_digest.text import plural

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Feed:
    """One feed, written as ``<path>.rss.xml`` and/or ``<path>.atom.xml``."""

    path: str
    """``feeds/all``, ``feeds/topics/<slug>``…, without extension."""
    title: str
    page_url: str
    """The HTML page this feed follows."""
    items: tuple[Any, ...]
    """Articles (or editions for the editions feed), newest first."""
    group: str = "All"
    kind: str = "articles"
    full_text: bool = True
    """Items carry the whole article (``content:encoded`` / Atom ``content``); else the
    summary and a link, which is what a reader following one person or topic needs."""
    formats: tuple[str, ...] = ("rss", "atom")
    """The files written; topic and entity feeds default to Atom alone (settings)."""

    def url(self, fmt: str) -> str:
        return f"{self.path}.{fmt}.xml"


@dataclass(frozen=True)
class FeedLink:
    """What ``<link rel="alternate">`` needs."""

    title: str
    url: str
    type: str
    name: str = ""
    """What a link to it says to a screen reader: "Atom feed of Donald Trump"; it starts
    with the link's visible text ("Atom"), as the accessible name must."""
    feed: str = ""
    """The feed's own title ("Weekly editions"): what names a page's links when they
    follow more than one feed."""


_LABEL = {"rss": "RSS", "atom": "Atom"}


def links(feed: Feed) -> tuple[FeedLink, ...]:
    return tuple(FeedLink(f"{feed.title} ({_LABEL[fmt]})", feed.url(fmt),
                          f"application/{fmt}+xml", f"{_LABEL[fmt]} feed of {feed.title}",
                          feed.title)
                 for fmt in feed.formats)


def article_guid(article: Any) -> str:
    """The post's ``guid:`` (front matter) when it has one, else ``urn:sha256:<seed
    sha256>``, or a hash of the source path for hand-written posts.

    Ingest writes ``guid:`` when it writes a post again from another seed (a re-saved
    or re-scraped seed, a longer later copy): it is the GUID the first seed gave, so a
    feed reader does not get the same story again (``ingest/run.py``, ``_kept_guid``)."""
    metadata = getattr(article, "metadata", None)
    pinned = metadata.get("guid") if isinstance(metadata, dict) else None
    if isinstance(pinned, str) and pinned:
        return pinned
    source = getattr(article, "source", None)
    sha = source.get("sha256") if isinstance(source, dict) else None
    if not sha:
        path = getattr(article, "relative_source_path", None) or article.source_path
        sha = hashlib.sha256(str(path).replace("\\", "/").encode("utf-8")).hexdigest()
    return f"urn:sha256:{sha}"


def _updated(item: Any) -> datetime:
    """An article item's Atom ``updated``: the post's ``modified:`` (a curator's edit,
    from front matter, never a file's mtime) when it is later than its date, else its
    date (a story's item: its newest report's)."""
    a = item.report if isinstance(item, StoryItem) else item
    modified = getattr(a, "modified", None)
    return max(modified, a.date) if isinstance(modified, datetime) else a.date


def _base(feed: Feed, siteurl: str, sitename: str, lang: str, fmt: str) -> FeedGenerator:
    fg = FeedGenerator()
    self_url = absolute(siteurl, feed.url(fmt))
    fg.id(self_url if siteurl else f"urn:news-digest:feed:{feed.path}")
    fg.title(feed.title if feed.title == sitename else f"{feed.title} — {sitename}")
    fg.author({"name": sitename})
    # feedgen takes the RSS <link> from the last link given: self first, page last.
    fg.link(href=self_url, rel="self")
    fg.link(href=absolute(siteurl, feed.page_url), rel="alternate")
    fg.description(f"{feed.title}: {sitename}")
    fg.language(lang)
    fg.generator("news-digest (feedgen)")
    newest = max((_updated(i) if hasattr(i, "date") else i.newest for i in feed.items),
                 default=EPOCH)
    fg.lastBuildDate(newest)
    fg.updated(newest)
    return fg


ITEM_SHARE = 4
"""An item may fill at most a quarter of a feed's byte cap (``NEWS_DIGEST_FEED_MAX_BYTES``)
with its full text; a longer one is cut (:data:`CUT`), so one huge article (a 2 MB seed
of one line) cannot push every other item out of the feed, and at least four fit."""

FULL, SUMMARY, CUT = "full", "summary", "cut"
"""An item's forms. ``full``: an article's whole text, an edition's stories in full.
``summary``: an article's summary and link (feeds without full text), an edition's
headlines. ``cut``: what an item too long for its feed carries instead of its full
text: an article's summary and a "Read the full article" link, an edition's headlines."""

READ_MORE = "Read the full article"


def _summary_html(a: Any) -> str:
    """The summary as HTML block: a post's summary is escaped text (wrapped in ``<p>``),
    a hand-written Pelican post's may be markup already."""
    summary = str(getattr(a, "summary", None) or "").strip()
    if not summary:
        return ""
    return summary if summary.startswith("<") else f"<p>{summary}</p>"


def _cut_text(a: Any, siteurl: str) -> str:
    from markupsafe import escape

    return (f'{_summary_html(a)}<p><a href="{escape(absolute(siteurl, a.url))}">'
            f"{READ_MORE}</a></p>")


def _article_entry(item: Any, siteurl: str, form: str = FULL) -> FeedEntry:
    """An article's item; for a :class:`~news_digest.site.stories.StoryItem`, its newest
    report under the GUID and ``published`` date of the day's first, ``updated`` the
    newest report's date (module docstring of ``site/stories.py``)."""
    a, first = (item.report, item.first) if isinstance(item, StoryItem) else (item, item)
    fe = FeedEntry()
    guid = getattr(first, "guid", None) or article_guid(first)
    fe.id(guid)
    fe.guid(guid, permalink=False)
    fe.title(a.title)
    fe.link(href=absolute(siteurl, a.url), rel="alternate")
    fe.summary(a.summary, type="html")  # Atom summary and RSS description (escaped HTML)
    if form == FULL:
        fe.content(a.content + _also_reported(a, siteurl), type="html")
    elif form == CUT:
        fe.content(_cut_text(a, siteurl), type="html")
    for name in byline_names(getattr(a, "byline", None)):  # Atom only: RSS wants an email
        fe.author({"name": name})
    fe.published(first.date)
    fe.updated(_updated(a))
    cats = [{"term": t.slug, "label": t.label, "scheme": absolute(siteurl, "topics/")}
            for t in getattr(a, "topics", ()) or () if not isinstance(t, str)]
    cats += [_entity_category(e, siteurl)
             for e in getattr(a, "entities", ()) or () if not isinstance(e, str)]
    if cats:
        fe.category(cats)
    return fe


def _entity_category(e: Any, siteurl: str) -> dict[str, str]:
    """An entity's category: with a page, its slug in the scheme of its group's pages
    (scheme + term is the page); without one, its name and no scheme, since Atom
    requires a non-empty ``term`` (RFC 4287) and readers show an empty one as a blank
    tag, and a scheme would point at a page that does not exist."""
    if getattr(e, "linked", True) and e.slug:
        return {"term": e.slug, "label": e.name,
                "scheme": absolute(siteurl, f"entities/{e.group}/")}
    return {"term": e.name, "label": e.name}


def _also_reported(a: Any, siteurl: str) -> str:
    """"Also reported" with a link to each other report of the article's story, counted
    as the card counts them (``stories.count_reports``)."""
    from markupsafe import escape

    group = getattr(a, "story_group", None)
    if group is None:
        return ""
    from news_digest.site.stories import count_reports, has_publisher, publisher

    others = group.others(a)
    links = [f'<li><a href="{escape(absolute(siteurl, o.url))}">'
             f'{escape(publisher(o)) + ": " if has_publisher(o) else ""}'
             f'{escape(o.title)}</a></li>' for o in others]
    return (f'<p>Also reported — {count_reports(others, more=True)} '
            f'(<a href="{escape(absolute(siteurl, group.url))}">the whole story</a>):</p>'
            f'<ul>{"".join(links)}</ul>')


def _story_html(a: Any, siteurl: str, max_chars: int | None = None) -> str:
    """One story of an edition in full: headline (linked), summary, text, other reports.
    The summary is left out when it is just the lead (as on the article page). A text
    longer than ``max_chars`` is cut as in the site feed: summary and a link."""
    from markupsafe import escape

    head = f'<h3><a href="{escape(absolute(siteurl, a.url))}">{escape(a.title)}</a></h3>'
    text = a.content
    if max_chars is not None and len(text) > max_chars:
        return head + _cut_text(a, siteurl)
    dek = "" if getattr(a, "summary_is_lead", False) else _summary_html(a)
    return head + dek + text + _also_reported(a, siteurl)


def _edition_entry(ed: Any, siteurl: str, form: str = FULL,
                   story_max: int | None = None) -> FeedEntry:
    """An edition's item: its note, then per group (Featured first) each story in full
    (``form`` full: the edition page's cards, one per story, each its lead report; a
    story whose text is over ``story_max`` characters cut to its summary and a link),
    or headlines."""
    from markupsafe import escape

    fe = FeedEntry()
    fe.id(ed.guid)
    fe.guid(ed.guid, permalink=False)
    fe.title(ed.title)
    fe.link(href=absolute(siteurl, ed.url), rel="alternate")
    parts = []
    note = getattr(ed, "note", None)
    if note is not None:
        parts.append(note_html(note))
    lead = tuple(getattr(ed, "featured", ()) or ())
    groups = [("Featured", lead)] if lead else []
    groups += [(g.label, g.articles) for g in ed.groups]
    for label, articles in groups:
        if form == FULL:
            parts.append(f"<h2>{escape(label)}</h2>")
            parts += [_story_html(a, siteurl, story_max) for a in articles]
            continue
        parts.append(f"<h2>{escape(label)}</h2><ul>")
        parts += [f'<li><a href="{escape(absolute(siteurl, a.url))}">{escape(a.title)}</a></li>'
                  for a in articles]
        parts.append("</ul>")
    count = plural(ed.cards, "story", "stories")
    # RSS descriptions are HTML: the note's summary is text, so it is escaped.
    fe.description(f"{escape(note.summary)} ({count})" if note is not None and note.summary
                   else count)
    fe.content("".join(parts), type="html")
    fe.published(ed.newest)
    fe.updated(ed.newest)
    return fe


RSS_NSMAP = {"atom": "http://www.w3.org/2005/Atom",
             "content": "http://purl.org/rss/1.0/modules/content/"}
"""The namespaces feedgen declares on ``<rss>``; items are serialised under them."""
_RSS_ITEM_OPEN = ('<item xmlns:atom="http://www.w3.org/2005/Atom" '
                  'xmlns:content="http://purl.org/rss/1.0/modules/content/">')


class Renderer:
    """Feeds for one site build, each item serialised once and reused.

    An article sits in the all-stories feed, a few topic feeds and dozens of entity
    feeds; building its ``<item>``/``<entry>`` with feedgen for every feed was most of
    the cost of the feeds. Here feedgen makes each entry once per format (cached by the
    item's identity for the life of the renderer) and each feed's head, and the entries
    are spliced into the head's serialisation. Output is one entry per line.
    """

    def __init__(self, siteurl: str, sitename: str, lang: str) -> None:
        self.siteurl, self.sitename, self.lang = siteurl, sitename, lang
        self._entries: dict[tuple[int, str, str, int | None], tuple[Any, str]] = {}

    def _entry(self, item: Any, kind: str, fmt: str, form: str,
               share: int | None = None) -> str:
        """One item's serialisation; ``share``: the bytes an item may fill (an edition's
        story longer than that is cut within the edition's full form)."""
        key = (id(item), fmt, form, share)
        hit = self._entries.get(key)
        if hit is not None and hit[0] is item:
            return hit[1]
        fe = (_edition_entry(item, self.siteurl, form, share) if kind == "editions"
              else _article_entry(item, self.siteurl, form))
        if fmt == "rss":
            el = fe.rss_entry()
            etree.Element("rss", nsmap=RSS_NSMAP).append(el)
            text = etree.tostring(el, encoding="unicode")
            if text.startswith(_RSS_ITEM_OPEN):  # declared on <rss> already
                text = "<item>" + text[len(_RSS_ITEM_OPEN):]
        else:
            text = etree.tostring(fe.atom_entry(), encoding="unicode")
        self._entries[key] = (item, text)  # keep the item alive: ids stay unique
        return text

    def render(self, feed: Feed, limit: int, max_bytes: int | None = None
               ) -> dict[str, bytes]:
        """Format → bytes for one feed: at most ``limit`` items, and only as many of the
        newest as fit in ``max_bytes``. An item whose full text would fill more than
        1/:data:`ITEM_SHARE` of ``max_bytes`` carries its cut form instead; the newest
        item is kept even if that is still too long (a cap smaller than one item)."""
        items = feed.items[:limit]
        form = FULL if feed.full_text else SUMMARY
        share = max_bytes // ITEM_SHARE if max_bytes is not None else None
        out: dict[str, bytes] = {}
        for fmt in feed.formats:
            close, indent = ("  </channel>", "    ") if fmt == "rss" else ("</feed>", "  ")
            fg = _base(feed, self.siteurl, self.sitename, self.lang, fmt)
            head = (fg.rss_str(pretty=True) if fmt == "rss" else fg.atom_str(pretty=True)
                    ).decode("utf-8")
            cut = head.rindex(close)
            size = len(head.encode("utf-8"))
            body: list[str] = []
            for i in items:
                line = f"{indent}{self._entry(i, feed.kind, fmt, form, share)}\n"
                n = len(line.encode("utf-8"))
                if form == FULL and share is not None and n > share:
                    line = f"{indent}{self._entry(i, feed.kind, fmt, CUT, share)}\n"
                    n = len(line.encode("utf-8"))
                size += n
                if body and max_bytes is not None and size > max_bytes:
                    break
                body.append(line)
            out[fmt] = (head[:cut] + "".join(body) + head[cut:]).encode("utf-8")
        return out


def opml(feeds: Sequence[Feed], siteurl: str, sitename: str, date: datetime) -> str:
    """``/feeds/opml.xml``: every feed file, grouped (All, Topics, Entities, Editions)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', "  <head>",
             f"    <title>{_x(sitename)} feeds</title>",
             f"    <dateCreated>{date.strftime('%a, %d %b %Y %H:%M:%S %z')}</dateCreated>",
             "  </head>", "  <body>"]
    groups: dict[str, list[Feed]] = {}
    for f in feeds:
        groups.setdefault(f.group, []).append(f)
    for group, members in groups.items():
        lines.append(f"    <outline text={quoteattr(group)} title={quoteattr(group)}>")
        for f in members:
            html_url = absolute(siteurl, f.page_url)
            for fmt in f.formats:
                url, version = f.url(fmt), "RSS2" if fmt == "rss" else "ATOM"
                lines.append(
                    f"      <outline type=\"rss\" version=\"{version}\" text={quoteattr(f.title)} "
                    f"title={quoteattr(f.title)} xmlUrl={quoteattr(absolute(siteurl, url))} "
                    f"htmlUrl={quoteattr(html_url)}/>")
        lines.append("    </outline>")
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines) + "\n"


def _x(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)

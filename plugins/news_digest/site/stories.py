"""Stories on the site: one event from many sources, shown once per listing.

Ingest writes a ``story`` id into each post (:mod:`news_digest.enrich.clusters`); a
curator may change or clear it. Here the articles Pelican read are grouped by that id
at build time, so a curator's edit shows up on the next build. Ids that ingest later
found to be one event (``data/stories.learned.yml``, written after each ingest) are
shown as the older story; a curator's own id is never in that file. A story with one article
is just that article: only stories with two or more articles get a page
(``/stories/<id>/``) and the "also reported by" line; the rest of the site is unchanged.

Feeds carry one item per story per day (:func:`one_per_story_per_day`). The item shows
the day's newest report, as the story's card does, but keeps the GUID (and
``published`` date) of the day's earliest report: when another outlet's report joins
the story, subscribers' readers see the item they have updated (Atom ``updated`` is the
newest report's date), not a second item about the same story. The next day's reports
make a new item, as the next edition has a new card.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from news_digest.site.taxonomy import load_yaml
from news_digest.text import plural

log = logging.getLogger(__name__)

_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
"""Story ids that can be a URL folder as they are; a curator may type anything."""


class Story:
    """Two or more articles about one event. Identity-compared (one object per story).

    A plain class with a descriptive ``repr`` rather than a dataclass: each of its
    articles points back to it (``story_group``), and the incremental writer describes
    template values by walking their fields, which would never end; it takes a ``repr``
    without an address as the value's description instead, so :meth:`__repr__` names
    everything a card or the story page shows.
    """

    __slots__ = ("articles", "id", "url_pattern")

    def __init__(self, id: str, articles: tuple[Any, ...],
                 url_pattern: str = "stories/{slug}/") -> None:
        self.id = id
        self.url_pattern = url_pattern
        self.articles = articles
        """Oldest first: the timeline."""

    def __repr__(self) -> str:
        shown = [(a.url, a.title, publisher(a), a.date.isoformat(),
                  hashlib.blake2b(str(getattr(a, "summary", "") or "").encode("utf-8"),
                                  digest_size=8).hexdigest()) for a in self.articles]
        return f"Story({self.id!r}, {shown!r})"

    @property
    def slug(self) -> str:
        if _SAFE_ID.fullmatch(self.id):
            return self.id
        return hashlib.sha1(self.id.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]

    @property
    def url(self) -> str:
        return self.url_pattern.format(slug=self.slug)

    @property
    def save_as(self) -> str:
        return self.url + "index.html"

    @property
    def title(self) -> str:
        """The headline of the first report."""
        return self.articles[0].title

    @property
    def newest(self) -> Any:
        return self.articles[-1].date

    @property
    def sources(self) -> tuple[str, ...]:
        """Publishers in the order they first reported the story ("Unknown source" for
        reports whose post names none): the story page's columns."""
        return tuple(dict.fromkeys(publisher(a) for a in self.articles))

    @property
    def publishers(self) -> tuple[str, ...]:
        """The publishers the posts name, in the order they first reported the story:
        what "from N sources" counts (a report with no publisher is not a source)."""
        return tuple(dict.fromkeys(n for a in self.articles
                                   if (n := _publisher_name(a)) is not None))

    def others(self, article: Any) -> tuple[Any, ...]:
        """The story's other articles, oldest first."""
        return tuple(a for a in self.articles if a is not article)


def _publisher_name(article: Any) -> str | None:
    source = getattr(article, "source", None)
    name = source.get("publisher") if isinstance(source, dict) else None
    return str(name) if name else None


def has_publisher(article: Any) -> bool:
    """True when the post names who ran it (a seed folder without ``source.yml`` does
    not): where it does not, a listing names the report by its title instead."""
    return _publisher_name(article) is not None


def publisher(article: Any) -> str:
    """Who ran the article: its source's publisher, else the post's own name for it."""
    return _publisher_name(article) or "Unknown source"


def count_reports(reports: Sequence[Any], more: bool = False) -> str:
    """How many reports, and from how many sources: "6 reports", "3 reports from 3
    sources", "13 reports, 11 from 3 sources" (the other two name no publisher); with
    ``more``, "5 more reports…" (a card's other reports). The one wording of the card's
    "Also reported" line, its feed item's and the story page's, so they agree: "reports"
    counts posts, "sources" only distinct publishers the posts name (the ``reports``
    template filter)."""
    named = [n for a in reports if (n := _publisher_name(a)) is not None]
    head = plural(reports, "more report" if more else "report",
                  "more reports" if more else "reports")
    if not named:
        return head
    sources = plural(set(named), "source")
    if len(named) == len(reports):
        return f"{head} from {sources}"
    return f"{head}, {len(named)} from {sources}"


def by_source(reports: Sequence[Any]) -> tuple[tuple[Any, str | None, int], ...]:
    """A card's other reports as links: (report, publisher, its reports here) for each
    named publisher once (its first report here), and (report, None, 1) for each report
    that names none (shown by its headline), in the order of ``reports``. One link per
    publisher keeps "from 2 sources" and the names after it the same count."""
    count: dict[str, int] = {}
    for a in reports:
        if (name := _publisher_name(a)) is not None:
            count[name] = count.get(name, 0) + 1
    out: list[tuple[Any, str | None, int]] = []
    for a in reports:
        name = _publisher_name(a)
        if name is None:
            out.append((a, None, 1))
        elif name in count:
            out.append((a, name, count.pop(name)))
    return tuple(out)


def load_joined(path: Path) -> dict[str, str]:
    """The ``joined`` map of the stories file (story id → the story it is shown in);
    empty when there is none. A file that cannot be read is named in a warning and
    ignored: each story is then shown as ingest gave it, nothing is lost."""
    data = load_yaml(path)
    joined = data.get("joined") if isinstance(data, dict) else None
    if not isinstance(joined, dict):
        if data is not None:
            log.warning("news-digest: %s has no 'joined' map; ignoring it", path)
        return {}
    return {str(k): str(v) for k, v in joined.items() if k is not None and v is not None}


def story_key(article: Any, joined: Mapping[str, str] | None = None) -> str | None:
    """The story ``article`` is shown in: its ``story``, or the story ingest joined
    that one to."""
    value = getattr(article, "story", None)
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    return joined.get(value, value) if joined else value


def build_stories(articles: Sequence[Any], url_pattern: str = "stories/{slug}/",
                  joined: Mapping[str, str] | None = None) -> tuple[Story, ...]:
    """Stories of two or more articles, newest story first (by its latest article; ties
    by id); each story's articles oldest first (ties by URL), so pages are stable."""
    groups: dict[str, list[Any]] = {}
    for a in articles:
        key = story_key(a, joined)
        if key is not None:
            groups.setdefault(key, []).append(a)
    stories = [Story(k, tuple(sorted(v, key=lambda a: (a.date, a.url))), url_pattern)
               for k, v in groups.items() if len(v) > 1]
    stories.sort(key=lambda s: (s.newest, s.id), reverse=True)
    return tuple(stories)


def attach(articles: Iterable[Any], stories: Iterable[Story]) -> None:
    """``article.story_group``: the Story it belongs to, or None."""
    of = {id(a): s for s in stories for a in s.articles}
    for a in articles:
        a.story_group = of.get(id(a))


def _story_of(item: Any) -> Any:
    return getattr(item, "story_group", None)


def one_per_story(items: Iterable[Any],
                  story_of: Callable[[Any], Any] = _story_of) -> list[Any]:
    """A listing with each story once: its first item (listings are newest first, so the
    latest report leads), the others reachable from its card. ``story_of`` gives an
    item's story (default: the article's own), for listings of indices."""
    seen: set[int] = set()
    out = []
    for item in items:
        group = story_of(item)
        if group is not None:
            if id(group) in seen:
                continue
            seen.add(id(group))
        out.append(item)
    return out


@dataclass(frozen=True)
class StoryItem:
    """A story's feed item for one day: it shows :attr:`report`, the day's newest
    report (what the story's card leads with), under the GUID and publication date of
    :attr:`first`, the day's earliest report in the feed (``site/feeds.py``)."""

    report: Any
    first: Any

    @property
    def date(self) -> Any:
        """Where the item sits in the feed (newest first), and its Atom ``updated``."""
        return self.report.date


def one_per_story_per_day(items: Iterable[Any],
                          memo: dict[tuple[int, int], StoryItem] | None = None
                          ) -> tuple[Any, ...]:
    """Feed items (``items`` newest first): each story once per edition (day), the
    newest report standing for it; a story still developing the next day gets a new
    item then.

    The item keeps the GUID of the story's **earliest** report that day (in this feed),
    while it shows the newest: when another outlet's report joins the story the same
    day, the item a reader has is updated (same GUID and ``published``, new title,
    text and Atom ``updated``: the newest report's date) rather than replaced by a new
    one, so the story is not delivered twice. A single report is its own item, as
    before, so a story formed when a second report joins keeps the first one's GUID.
    (A report dated earlier in the day than the first one, arriving later, does take
    the GUID over: there is no other deterministic choice without remembering feeds.)
    ``memo`` shares the :class:`StoryItem` of a (report, first) pair between the feeds
    of one build, so each item is serialised once (``feeds.Renderer`` caches by item).
    """
    slot: dict[tuple[int, Any], int] = {}
    out: list[Any] = []
    firsts: list[Any] = []
    for item in items:
        group = getattr(item, "story_group", None)
        if group is not None:
            key = (id(group), item.date.date())
            at = slot.get(key)
            if at is not None:
                firsts[at] = item  # older than the one already kept: the day's first so far
                continue
            slot[key] = len(out)
        out.append(item)
        firsts.append(item)
    memo = {} if memo is None else memo
    for i, (report, first) in enumerate(zip(out, firsts, strict=True)):
        if first is not report:
            key = (id(report), id(first))
            hit = memo.get(key)
            if hit is None or hit.report is not report or hit.first is not first:
                hit = memo[key] = StoryItem(report, first)
            out[i] = hit
    return tuple(out)


def split_related(article: Any, related: Sequence[Any]) -> tuple[Any, ...]:
    """Related stories without the article's own story (shown on its own)."""
    group = getattr(article, "story_group", None)
    if group is None:
        return tuple(related)
    return tuple(r for r in related if getattr(r, "story_group", None) is not group)

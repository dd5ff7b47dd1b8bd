"""Digest editions: a day's (or an ISO week's) stories grouped by primary topic.

Days are UTC calendar days (the reader normalises dates to UTC), so an edition is
the same wherever the site is built.

Curators shape an edition with front matter flags (read by ``reader.py``):
``featured: true`` lifts a story out of its topic group into the edition's lead,
``order: N`` puts stories first within their group (lowest first; stories without
``order`` follow, newest first). An editor's note (``notes.py``) sits on top.

A story (``site/stories.py``) gets one card per edition, however many of its reports
the edition holds and whatever their primary topics: its **lead** is the first of those
reports that is featured (in curated order), else the first in curated order (lowest
``order``, else the newest; ties by URL, as the listing is sorted), and the card sits
where the lead goes: under Featured when the lead is featured, else in the group of the
lead's primary topic. The reports' topics disagree more often than not (one outlet's
bank bombing is crime, another's economy), so grouping each report by its own topic
showed one event two or three times in one edition.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from news_digest.site.stories import one_per_story
from news_digest.site.taxonomy import TopicRef

OTHER_LABEL = "Other news"


@dataclass(frozen=True)
class EditionGroup:
    """The stories of one primary topic within an edition (``topic`` None: no topic)."""

    topic: TopicRef | None
    label: str
    articles: tuple[Any, ...]


@dataclass(frozen=True)
class Edition:
    key: str
    """``2020-01-08`` (daily) or ``2020-W02`` (weekly): the URL segment."""
    kind: str
    title: str
    start: date
    end: date
    groups: tuple[EditionGroup, ...]
    articles: tuple[Any, ...]
    """Every listed article of the day (week), newest first; :attr:`cards` are what the
    edition shows of them."""
    newest: datetime
    featured: tuple[Any, ...] = ()
    """Stories a curator marked ``featured`` (their lead reports): shown first, not
    repeated in ``groups``."""
    note: Any = None
    """The editor's note (``notes.Note``) for this edition, when a curator wrote one."""
    prev_url: str | None = None
    """The previous (older) edition of the same kind."""
    next_url: str | None = None
    url_pattern: str = "editions/{key}/"
    """``NEWS_DIGEST_EDITION_URL``."""

    @property
    def url(self) -> str:
        return self.url_pattern.format(key=self.key)

    @property
    def save_as(self) -> str:
        return self.url + "index.html"

    @property
    def guid(self) -> str:
        return f"urn:news-digest:edition:{self.key}"

    @property
    def cards(self) -> tuple[Any, ...]:
        """Every card the edition shows, Featured first: one report per story, so its
        length is the edition's "N stories"."""
        return self.featured + tuple(a for g in self.groups for a in g.articles)

    @property
    def topic_count(self) -> int:
        """Topic groups shown (the "Other news" group of stories without a topic is not
        a topic): the "in M topics" of the edition's line."""
        return sum(1 for g in self.groups if g.topic is not None)

    def not_shown(self, items: Sequence[Any]) -> list[Any]:
        """``items`` without the reports of stories this edition shows: the home page's
        "Recent stories" under the latest edition, so that no story is on it twice (a
        story's older report would lead a second card)."""
        shown = {id(_story_or_self(a)) for a in self.articles}
        return [a for a in items if id(_story_or_self(a)) not in shown]


def _story_or_self(article: Any) -> Any:
    """What a card stands for: the article's story, or the article when it has none."""
    return getattr(article, "story_group", None) or article


def curated_order(idx: Sequence[int], articles: Sequence[Any]) -> list[int]:
    """``idx`` with stories that have an ``order`` first (lowest first), the rest after.

    ``idx`` is newest first and the sort is stable, so equal orders and unordered
    stories keep that order.
    """
    def key(i: int) -> tuple[int, int]:
        order = getattr(articles[i], "order", None)
        return (0, order) if isinstance(order, int) else (1, 0)

    return sorted(idx, key=key)


def _featured(idx: Sequence[int], articles: Sequence[Any]) -> list[int]:
    return curated_order([i for i in idx if getattr(articles[i], "featured", False) is True],
                         articles)


def _leads(idx: Sequence[int], articles: Sequence[Any]) -> tuple[list[int], list[int]]:
    """(featured cards, the other cards) of an edition's articles ``idx`` (newest first),
    each in curated order: one report per story, its lead (module docstring). A story
    with a featured report is featured, led by that report; an article in no story of
    two or more is its own card."""
    def story_of(i: int) -> Any:
        return getattr(articles[i], "story_group", None)

    featured = one_per_story(_featured(idx, articles), story_of)
    lead = set(featured)
    others = [i for i in curated_order(idx, articles) if i not in lead]
    # featured first, so a story with a featured report has no second card below
    rest = one_per_story([*featured, *others], story_of)[len(featured):]
    return featured, rest


def _groups(rest: Sequence[int], articles: Sequence[Any],
            topics_of: Sequence[Sequence[TopicRef]]) -> tuple[EditionGroup, ...]:
    """The cards ``rest`` (curated order) by their primary topic: most cards first."""
    by_topic: dict[str | None, list[int]] = defaultdict(list)
    refs: dict[str, TopicRef] = {}
    for i in rest:
        primary = topics_of[i][0] if topics_of[i] else None
        key = primary.id if primary else None
        if primary:
            refs[primary.id] = primary
        by_topic[key].append(i)
    keys = sorted((k for k in by_topic if k is not None),
                  key=lambda k: (-len(by_topic[k]), refs[k].label.casefold(), k))
    groups = [EditionGroup(refs[k], refs[k].label, tuple(articles[i] for i in by_topic[k]))
              for k in keys]
    if None in by_topic:
        groups.append(EditionGroup(None, OTHER_LABEL, tuple(articles[i] for i in by_topic[None])))
    return tuple(groups)


def _link(editions: list[Edition]) -> list[Edition]:
    """Set prev/next (older/newer) links; ``editions`` is newest first."""
    out = []
    for k, ed in enumerate(editions):
        newer = editions[k - 1].url if k > 0 else None
        older = editions[k + 1].url if k + 1 < len(editions) else None
        out.append(replace(ed, prev_url=older, next_url=newer))
    return out


def _edition(key: str, kind: str, title: str, start: date, end: date, idx: list[int],
             articles: Sequence[Any], topics_of: Sequence[Sequence[TopicRef]],
             notes: Mapping[str, Any], url_pattern: str) -> Edition:
    featured, rest = _leads(idx, articles)
    return Edition(key=key, kind=kind, title=title, start=start, end=end,
                   groups=_groups(rest, articles, topics_of),
                   articles=tuple(articles[i] for i in idx), newest=articles[idx[0]].date,
                   featured=tuple(articles[i] for i in featured), note=notes.get(key),
                   url_pattern=url_pattern)


def build_editions(articles: Sequence[Any], topics_of: Sequence[Sequence[TopicRef]],
                   weekly: bool = False, notes: Mapping[str, Any] | None = None,
                   url_pattern: str = "editions/{key}/",
                   ) -> tuple[list[Edition], list[Edition]]:
    """(daily editions, weekly editions), newest first. ``articles`` are newest first.

    ``notes`` maps an edition key (``2020-01-08``, ``2020-W02``) to its editor's note.
    """
    notes = notes or {}
    days: dict[date, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        days[a.date.date()].append(i)
    daily = [_edition(d.isoformat(), "daily", f"{d:%A}, {d.day} {d:%B %Y}", d, d, days[d],
                      articles, topics_of, notes, url_pattern)
             for d in sorted(days, reverse=True)]
    weeks: list[Edition] = []
    if weekly:
        by_week: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, a in enumerate(articles):
            iso = a.date.date().isocalendar()
            by_week[(iso.year, iso.week)].append(i)
        for (year, week) in sorted(by_week, reverse=True):
            start = date.fromisocalendar(year, week, 1)
            end = start + timedelta(days=6)
            weeks.append(_edition(
                f"{year}-W{week:02d}", "weekly",
                f"Week {week}, {year} ({start.day} {start:%b} – {end.day} {end:%b})",
                start, end, by_week[(year, week)], articles, topics_of, notes, url_pattern))
    return _link(daily), _link(weeks)

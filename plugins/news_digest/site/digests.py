"""Digest editions: a day's (or an ISO week's) stories grouped by primary topic.

Days are UTC calendar days (the reader normalises dates to UTC), so an edition is
the same wherever the site is built.

Curators shape an edition with front matter flags (read by ``reader.py``):
``featured: true`` lifts a story out of its topic group into the edition's lead,
``order: N`` puts stories first within their group (lowest first; stories without
``order`` follow, newest first). An editor's note (``notes.py``) sits on top.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

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
    newest: datetime
    featured: tuple[Any, ...] = ()
    """Stories a curator marked ``featured``: shown first, not repeated in ``groups``."""
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


def _groups(idx: list[int], articles: Sequence[Any], topics_of: Sequence[Sequence[TopicRef]]
            ) -> tuple[EditionGroup, ...]:
    by_topic: dict[str | None, list[int]] = defaultdict(list)
    refs: dict[str, TopicRef] = {}
    lead = set(_featured(idx, articles))
    for i in curated_order([i for i in idx if i not in lead], articles):
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
    daily = [
        Edition(key=d.isoformat(), kind="daily", title=f"{d:%A}, {d.day} {d:%B %Y}",
                start=d, end=d, groups=_groups(days[d], articles, topics_of),
                articles=tuple(articles[i] for i in days[d]),
                newest=articles[days[d][0]].date,
                featured=tuple(articles[i] for i in _featured(days[d], articles)),
                note=notes.get(d.isoformat()), url_pattern=url_pattern)
        for d in sorted(days, reverse=True)
    ]
    weeks: list[Edition] = []
    if weekly:
        by_week: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, a in enumerate(articles):
            iso = a.date.date().isocalendar()
            by_week[(iso.year, iso.week)].append(i)
        for (year, week) in sorted(by_week, reverse=True):
            start = date.fromisocalendar(year, week, 1)
            end = start + timedelta(days=6)
            idx = by_week[(year, week)]
            weeks.append(Edition(
                key=f"{year}-W{week:02d}", kind="weekly",
                title=f"Week {week}, {year} ({start.day} {start:%b} – {end.day} {end:%b})",
                start=start, end=end, groups=_groups(idx, articles, topics_of),
                articles=tuple(articles[i] for i in idx), newest=articles[idx[0]].date,
                featured=tuple(articles[i] for i in _featured(idx, articles)),
                note=notes.get(f"{year}-W{week:02d}"), url_pattern=url_pattern))
    return _link(daily), _link(weeks)

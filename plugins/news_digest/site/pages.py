"""Topic and entity pages: what each shows (articles, leading entities, co-mentions,
topics, a timeline chart), built from the site-wide refs of ``taxonomy.py``."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

from news_digest.site.stories import one_per_story
from news_digest.site.taxonomy import GROUPS, EntityRef, TopicRef
from news_digest.text import plural


@dataclass(frozen=True)
class TopicPage:
    """``/topics/<slug>/``: a topic's articles (newest first) and leading entities."""

    ref: TopicRef
    articles: tuple[Any, ...]
    leading_entities: tuple[tuple[EntityRef, int], ...]


@dataclass(frozen=True)
class Listed:
    """An entity as an index or A–Z page lists it: a chip and a count. Not the whole
    :class:`EntityPage`: what a listing holds is what its fingerprint walks, and an A–Z
    page of 3,000 entities would walk every co-mention of each."""

    ref: EntityRef
    count: int

    @classmethod
    def of(cls, page: EntityPage) -> Listed:
        return cls(page.ref, page.story_count)


@dataclass(frozen=True)
class EntityPage:
    """``/entities/<group>/<slug>/``: an entity's articles, company and timeline."""

    ref: EntityRef
    articles: tuple[Any, ...]
    co_mentions: tuple[tuple[EntityRef, int], ...]
    topics: tuple[tuple[TopicRef, int], ...]
    first_seen: datetime
    last_seen: datetime
    timeline: tuple[tuple[date, int], ...]
    """(day, articles that day), oldest first."""
    aliases: tuple[str, ...] = ()
    """"Also known as" on the front page: the registry's aliases and the spellings the
    articles used (:func:`taxonomy.page_aliases`); older pages show the registry's only
    (``ref.aliases``), so a new article's spelling does not rewrite them."""

    @property
    def seen_once(self) -> bool:
        """True when every story of the entity is of one day: the page then says "Seen"
        once, where "First seen" and "Last seen" would give the same date twice."""
        return self.first_seen.date() == self.last_seen.date()

    @cached_property
    def story_count(self) -> int:
        """Stories, not articles: the count the page itself shows ("Stories"), so the
        index, the A–Z pages and the page agree when several outlets told one story."""
        return len(one_per_story(self.articles))

    @property
    def chart(self) -> Chart | None:
        """The timeline as articles per week or month (see :func:`timeline_chart`)."""
        return timeline_chart(self.timeline)

    def fingerprint_parts(self, fp: Callable[[Any], str]) -> tuple:
        """Every field as plain data, for the incremental writer: hashed in one go
        instead of walking ~50 small tuples per page (a 5k site has 6,000 pages)."""
        return (fp(self.ref), [fp(a) for a in self.articles],
                [(fp(r), n) for r, n in self.co_mentions], [(fp(t), n) for t, n in self.topics],
                fp(self.first_seen), fp(self.last_seen),
                [(d.isoformat(), n) for d, n in self.timeline], list(self.aliases))


@dataclass(frozen=True)
class Bar:
    """One period of an entity's timeline chart: a week or a month."""

    label: str
    """"Jan 2020" or "6 Jan 2020" (the week's Monday), for the text alternative."""
    start: date
    count: int
    days: tuple[date, ...]
    """Days of the period with stories (their editions are linked under the chart)."""
    x: int
    height: int


@dataclass(frozen=True)
class Chart:
    """A compact bar chart (inline SVG, no JavaScript) of stories per week or month."""

    unit: str
    """``week`` or ``month``."""
    bars: tuple[Bar, ...]
    width: int
    height: int
    peak: int
    bar: int = 8
    """Bar width (SVG user units)."""

    @property
    def summary(self) -> str:
        """The chart in one sentence, for ``aria-label`` and readers without images."""
        total = sum(b.count for b in self.bars)
        days = {d for b in self.bars for d in b.days}
        if len(days) == 1:  # "over 1 week, most in the week of …" said one day twice
            (day,) = days
            return f"{plural(total, 'article')}, all on {day.day} {day:%B %Y}."
        filled = [b for b in self.bars if b.count]
        if len(filled) == 1:
            return f"{plural(total, 'article')}, all in the {self.unit} of {filled[0].label}."
        busiest = max(self.bars, key=lambda b: (b.count, b.start))
        tied = sum(b.count == busiest.count for b in self.bars)
        if tied > 1:  # no one period stands out: saying one did would mislead
            return (f"{plural(total, 'article')} over {plural(self.bars, self.unit)}, "
                    f"at most {busiest.count} in any {self.unit}.")
        return (f"{plural(total, 'article')} over {plural(self.bars, self.unit)}, "
                f"most in the {self.unit} of {busiest.label} ({busiest.count}).")


CHART_BAR, CHART_GAP, CHART_HEIGHT = 8, 2, 40
"""Chart geometry in SVG user units: bar width, gap, plot height."""


def _period(day: date, unit: str) -> date:
    if unit == "month":
        return day.replace(day=1)
    return date.fromordinal(day.toordinal() - day.weekday())


def _next(start: date, unit: str) -> date:
    if unit == "month":
        return (start.replace(year=start.year + 1, month=1) if start.month == 12
                else start.replace(month=start.month + 1))
    return date.fromordinal(start.toordinal() + 7)


def timeline_chart(days: Sequence[tuple[date, int]], max_weeks: int = 26) -> Chart | None:
    """Articles per week (spans up to ``max_weeks``) or per month, empty periods included,
    so the chart's width shows time; None when there are no days."""
    if not days:
        return None
    first, last = days[0][0], days[-1][0]
    unit = "week" if (last - first).days <= max_weeks * 7 else "month"
    counts: Counter = Counter()
    seen: dict[date, list[date]] = defaultdict(list)
    for day, n in days:
        counts[_period(day, unit)] += n
        seen[_period(day, unit)].append(day)
    peak = max(counts.values())
    bars = []
    start, end = _period(first, unit), _period(last, unit)
    i = 0
    while start <= end:
        n = counts.get(start, 0)
        label = f"{start:%b %Y}" if unit == "month" else f"{start.day} {start:%b %Y}"
        bars.append(Bar(label, start, n, tuple(seen.get(start, ())),
                        i * (CHART_BAR + CHART_GAP),
                        round(CHART_HEIGHT * n / peak) if n else 0))
        start, i = _next(start, unit), i + 1
    width = max(len(bars) * (CHART_BAR + CHART_GAP) - CHART_GAP, CHART_BAR)
    return Chart(unit, tuple(bars), width, CHART_HEIGHT, peak)


def _ranks(refs: Iterable[Any]) -> tuple[dict[Any, int], list[Any]]:
    """Each ref's rank by name (then URL), and the refs in rank order. Counting ranks
    (ints) instead of refs, and ranking them as ints, is what keeps co-mentions cheap on
    a large site: a 5k site updates its counters about a million times."""
    by_name = sorted(set(refs), key=lambda r: (str(r).casefold(), getattr(r, "url", str(r))))
    return {r: i for i, r in enumerate(by_name)}, by_name


def build_topic_pages(articles: Sequence[Any], topics_of: Sequence[Sequence[TopicRef]],
                      entities_of: Sequence[Sequence[EntityRef]], leading: int = 10
                      ) -> list[TopicPage]:
    """One page per topic. ``articles`` are newest first; the lists run parallel to it."""
    members: dict[str, list[int]] = defaultdict(list)
    refs: dict[str, TopicRef] = {}
    for i, topics in enumerate(topics_of):
        for t in topics:
            members[t.id].append(i)
            refs[t.id] = t
    pages = []
    order, ranked = _ranks(e for ents in entities_of for e in ents if e.linked)
    for tid in sorted(members, key=lambda t: refs[t].slug):
        idx = members[tid]
        counts: Counter = Counter(order[e] for i in idx for e in entities_of[i] if e.linked)
        pages.append(TopicPage(refs[tid], tuple(articles[i] for i in idx),
                               _top_ranks(counts, leading, ranked)))
    return pages


def build_entity_pages(articles: Sequence[Any], topics_of: Sequence[Sequence[TopicRef]],
                       entities_of: Sequence[Sequence[EntityRef]], co_limit: int = 15,
                       spellings: Mapping[tuple[str, str], tuple[str, ...]] | None = None
                       ) -> list[EntityPage]:
    """One page per entity, with co-mentions counted per article (not per mention).

    Counting goes article by article (``Counter.update`` over the article's entity
    set, in C), not entity by entity over each entity's articles: the same sums
    without rebuilding every article's set once per entity it mentions. Entities and
    topics are counted as their rank by name (ints): a 5k site updates co-mention
    counters ~1M times, and hashing a ref each time cost more than the counting, while
    an int rank also makes "most common, ties by name" a plain tuple comparison.
    """
    order, refs = _ranks(e for ents in entities_of for e in ents if e.linked)
    topic_order, topic_refs = _ranks(t for topics in topics_of for t in topics)
    members: dict[int, list[int]] = defaultdict(list)
    co: dict[int, Counter] = defaultdict(Counter)
    tops: dict[int, Counter] = defaultdict(Counter)
    for i, ents in enumerate(entities_of):
        unique = {order[e] for e in ents if e.linked}
        topic_ids = [topic_order[t] for t in topics_of[i]]
        for e in unique:
            members[e].append(i)
            co[e].update(unique)
            tops[e].update(topic_ids)
    pages = []
    for rank in sorted(members, key=lambda r: (GROUPS.index(refs[r].group), refs[r].slug)):
        idx = members[rank]
        others = co[rank]
        del others[rank]
        dates = [articles[i].date for i in idx]
        days = Counter(d.date() for d in dates)
        pages.append(EntityPage(
            ref=refs[rank],
            articles=tuple(articles[i] for i in idx),
            co_mentions=_top_ranks(others, co_limit, refs),
            topics=_top_ranks(tops[rank], 10, topic_refs),
            first_seen=min(dates),
            last_seen=max(dates),
            timeline=tuple(sorted(days.items())),
            aliases=(spellings or {}).get((refs[rank].group, refs[rank].name),
                                          refs[rank].aliases),
        ))
    return pages


def _top_ranks(counter: Counter, limit: int, refs: Sequence[Any]) -> tuple:
    """The ``limit`` most common of a counter keyed by rank, as (ref, count): most
    common first, ties by name (the rank), whatever the input order."""
    best = heapq.nsmallest(limit, ((-n, r) for r, n in counter.items()))
    return tuple((refs[r], -m) for m, r in best)

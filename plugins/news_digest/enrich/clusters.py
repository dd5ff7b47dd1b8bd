"""Story clustering: articles about one event, from any source, share a ``story`` id.

The old per-article fingerprint (top name + 7-day bucket, :mod:`stories`) could not tell
two earthquakes in one region apart, nor join two reports that ranked their names
differently. This module compares articles instead, using only what a post on disk
carries (front matter and body), so a new article can be compared with posts written by
earlier ingests:

* **words**: title (twice: a headline names the event), summary, body and keywords, stemmed,
  each weighted by its rarity in general English (``wordfreq``: ``9 - zipf``, i.e. the
  log of its inverse frequency in a large background corpus, so "said" counts little,
  "earthquake" more, "Lohan" most); compared by cosine.
* **entities**: the canonical names, each weighted by the same rarity of the name, so
  sharing "Tara Reid" says more than sharing "United States"; cosine over the two sets.
* **specifics**: the names and numbers the body writes (capitalised words that do not
  open a sentence, acronyms, numbers: :mod:`news_digest.enrich.specifics`), weighted by
  the same rarity; cosine. A look-alike event shares the topic words but not these: the
  other town, magnitude, death toll, score or year.
* **date**: an article joins a story only if it is within ``NEWS_DIGEST_STORY_WINDOW_DAYS``
  (default 3) of the story's *first* article, so a story cannot creep across weeks one
  report at a time: this week's primary is not last week's, nor next round's match
  this round's, however alike the reports read. Outlets cover one event within days.

``similarity = mean(words, entities, specifics)`` (entities and specifics only when both
sides have some).
The weights come from a fixed background corpus, not from the site, so a pair's score
never changes as the site grows: the same two articles always get the same verdict, in
any order, in any ingest.

Clustering is incremental and single-pass: a new article joins the story whose articles
(those within the date window) it resembles most *on average*, if that average reaches
``NEWS_DIGEST_STORY_SIMILARITY`` (one threshold, in percent), else it starts a story
whose id is derived from its own seed hash. Average linkage, not nearest member, because
the costly mistake is a merge: a look-alike event (another celebrity in rehab, another
earthquake in the region) resembles one article of a story more easily than all of them.
Nothing already assigned is ever moved, so an id never changes when other articles
arrive, and a curator's ``story`` value (set, changed or cleared) is what the index uses
for that post.

Measured on ECB+ (``bench/stories_ecb.py``, docs/benchmarks.md): pairwise precision 0.998
but recall 0.39 at the default 45 % (0.98 and 0.50 at 40 %, where look-alikes got in
often enough to break precision ≥ 0.92 in 6 of 22 orders, and on the Wikinews site in
3 of its 8 stories). Word, name and specifics overlap separates reports of one event
from reports of its look-alike only so far (pairwise ROC AUC ≈ 0.87–0.90 within a topic),
so a threshold low enough for high recall merges look-alikes; the default takes precision.

What the threshold leaves apart is joined afterwards, over all posts at once
(:func:`regroup`): reports of one event have the same nearest neighbours, a look-alike's
reports their own, counted only as far as each neighbour's own list lies in its own
story. Shown stories on ECB+: precision 0.968, recall 0.86 (file order); over 11 orders
per half, precision 0.926 / 0.946, recall 0.73 / 0.87 (docs/stories.md).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cached_property

from news_digest.enrich.keywords import STOPWORDS, stem, tokens
from news_digest.enrich.rarity import rarity
from news_digest.enrich.specifics import number_rarity, specific_vector
from news_digest.model import ENTITY_TYPES, Article
from news_digest.sets import find_root, join_sets
from news_digest.settings import Settings

DEFAULT_SIMILARITY = Settings.story_similarity / 100
"""Join a story at this similarity: the setting's default (:data:`Settings.story_similarity`)."""
DEFAULT_WINDOW_DAYS = Settings.story_window_days
ID_LENGTH = 10
TITLE_WEIGHT = 2
INDEX_TERMS = 12
"""Each article is looked up under its this-many heaviest words and names: two reports
of one event share at least one of them, and rare terms have short posting lists, so a
new article is compared with a handful of others, not the whole site."""
@dataclass(frozen=True)
class StoryDoc:
    """What clustering knows of one article: from an Article, or from a post's front
    matter (title, summary, keywords, entities, date, story)."""

    key: str
    """Unique and stable: the seed sha256 (new article) or the post path."""
    date: datetime
    words: Mapping[str, float]
    """Stem → weight (count × rarity), not normalised."""
    entities: Mapping[str, float]
    """Lower-cased canonical name → rarity."""
    story: str | None = None
    specifics: Mapping[str, float] = field(default_factory=dict)
    """Names and numbers as the body writes them → count × rarity
    (:mod:`news_digest.enrich.specifics`)."""

    @cached_property
    def norms(self) -> tuple[float, float, float]:
        return _norm(self.words), _norm(self.entities), _norm(self.specifics)

    @cached_property
    def index_terms(self) -> tuple[str, ...]:
        """The heaviest words and names (names prefixed with ``@``), heaviest first."""
        weighted = [(w, k) for k, w in self.words.items()] + \
                   [(w * TITLE_WEIGHT, "@" + k) for k, w in self.entities.items()]
        weighted.sort(key=lambda wk: (-wk[0], wk[1]))
        return tuple(k for _, k in weighted[:INDEX_TERMS])


# math.fsum: exactly rounded, so a score does not depend on the order a vector was built
# in (a post read back from disk lists its names grouped by type, the article by rank).
def _norm(vec: Mapping[str, float]) -> float:
    return math.sqrt(math.fsum(w * w for w in vec.values()))


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return math.fsum(w * b[k] for k, w in a.items() if k in b)


def word_vector(title: str, summary: str, keywords: Iterable[str], body: str = ""
                ) -> dict[str, float]:
    """Stem → count × rarity for a headline (counted :data:`TITLE_WEIGHT` times), a
    summary, keywords and the body."""
    counts: Counter[str] = Counter()
    best: dict[str, float] = {}
    parts = [(title, TITLE_WEIGHT), (summary, 1), (" ".join(keywords), 1), (body, 1)]
    for text, weight in parts:
        # each distinct token once (a body repeats most of its words): the same sums
        # and the same first-seen order as a pass over every token
        for tok, n in Counter(tokens(text)).items():
            if tok in STOPWORDS or len(tok) < 2 or tok.isdigit():
                continue
            s = stem(tok)
            counts[s] += weight * n
            best[s] = max(best.get(s, 0.0), rarity(tok))
    return {s: n * best[s] for s, n in counts.items() if best[s] > 0}


def warm_vectors() -> None:
    """Load the word-frequency tables the vectors weigh by (≈ 1 s: wordfreq's import
    and its English table), so that a caller can pay it while other work runs. The
    lookups are pure: what they cache is what any first vector would."""
    rarity("news")
    number_rarity("1")


def entity_vector(names: Iterable[str]) -> dict[str, float]:
    """Lower-cased name → rarity of the name."""
    out: dict[str, float] = {}
    for name in names:
        key = " ".join(name.lower().split())
        if key:
            out[key] = max(rarity(key), 0.5)
    return out


def doc_from_article(article: Article, key: str | None = None, body: str | None = None
                     ) -> StoryDoc:
    """The clustering view of a freshly enriched article. ``body`` is the post body as it
    will be written (ingest passes it, so that the article compares exactly as its post
    will when read back by a later ingest); else the paragraphs."""
    text = "\n".join(article.draft.paragraphs) if body is None else body
    return StoryDoc(
        key=key or article.source.sha256, date=article.date,
        words=word_vector(article.title, article.summary or "", article.keywords, text),
        entities=entity_vector(e.name for e in article.entities if e.type in ENTITY_TYPES),
        story=article.story,  # the types front matter holds
        specifics=specific_vector(text))


def doc_from_front_matter(key: str, front: Mapping[str, object], body: str = ""
                          ) -> StoryDoc | None:
    """The clustering view of a post on disk (front matter and Markdown body); None when
    it lacks a usable date."""
    date = front.get("date")
    if isinstance(date, str):
        try:
            date = datetime.fromisoformat(date)
        except ValueError:
            return None
    if not isinstance(date, datetime):
        return None
    if date.tzinfo is None:  # a curator's "2020-01-07 10:00": compared with aware dates
        date = date.replace(tzinfo=UTC)
    entities = front.get("entities")
    names: list[str] = []
    if isinstance(entities, Mapping):
        for group in entities.values():
            if isinstance(group, list):
                names.extend(str(n) for n in group if n)
    keywords = front.get("keywords")
    story = front.get("story")
    return StoryDoc(
        key=key, date=date,
        words=word_vector(str(front.get("title") or ""), str(front.get("summary") or ""),
                          [str(k) for k in keywords] if isinstance(keywords, list) else [],
                          body),
        entities=entity_vector(names),
        story=str(story) if story not in (None, "") else None,
        specifics=specific_vector(body))


def similarity(a: StoryDoc, b: StoryDoc) -> float:
    """The mean of the word, name and specifics cosines. Names and specifics count only
    when both sides have some (an article the NER found no name in is not "unlike" every
    other); the words always count."""
    parts = [(a.words, b.words), (a.entities, b.entities), (a.specifics, b.specifics)]
    scores: list[float] = []
    for i, ((va, vb), na, nb) in enumerate(zip(parts, a.norms, b.norms, strict=True)):
        if na and nb:
            scores.append(_dot(va, vb) / (na * nb))
        elif i == 0:
            scores.append(0.0)
    return math.fsum(scores) / len(scores)


def _candidates(doc: StoryDoc, postings: Mapping[str, Sequence[int]]) -> set[int]:
    """The docs ``doc`` is compared with: those listed under one of its index terms."""
    found: set[int] = set()
    for term in doc.index_terms:
        found.update(postings.get(term, ()))
    return found


def new_story_id(key: str) -> str:
    """The id of a story its first article starts: a hash of that article's key."""
    return hashlib.sha1(f"story:{key}".encode(), usedforsecurity=False).hexdigest()[:ID_LENGTH]


class StoryIndex:
    """Stories known so far, and the rule that puts a new article in one.

    Feed it the existing posts (:meth:`add`), then :meth:`assign` new articles in a
    fixed order (ingest's seed order). Lookups go through an inverted index of words
    and names, restricted to the date window, so a new article is compared only with
    articles it shares something with.
    """

    def __init__(self, threshold: float = DEFAULT_SIMILARITY,
                 window_days: int = DEFAULT_WINDOW_DAYS) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.docs: list[StoryDoc] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.members: dict[str, list[int]] = defaultdict(list)
        self.start: dict[str, datetime] = {}
        """Story → date of its earliest article."""
        self.by_key: dict[str, int] = {}
        self.retired: set[int] = set()
        """Earlier versions of a post that was indexed again (a rewritten seed)."""

    def add(self, doc: StoryDoc) -> None:
        """Index an article whose story is settled (a post on disk, or one just assigned).
        A doc without a story (a curator cleared it) is indexed but joins nobody."""
        i = len(self.docs)
        self.docs.append(doc)
        old = self.by_key.get(doc.key)
        if old is not None:
            # the same post again (its seed changed): only the new text counts, as it
            # would for an ingest that starts after the post was rewritten
            self.retired.add(old)
            story = self.docs[old].story
            if story is not None:
                self.members[story].remove(old)
                dates = [self.docs[j].date for j in self.members[story]]
                if dates:
                    self.start[story] = min(dates)
                else:
                    del self.members[story], self.start[story]
        self.by_key[doc.key] = i
        if doc.story is not None:
            self.members[doc.story].append(i)
            first = self.start.get(doc.story)
            self.start[doc.story] = doc.date if first is None else min(first, doc.date)
        for term in doc.index_terms:
            self.postings[term].append(i)

    def _in_window(self, i: int, doc: StoryDoc) -> bool:
        other = self.docs[i]
        return other.key != doc.key and \
            abs((other.date - doc.date).total_seconds()) <= self.window_days * 86400

    def best_story(self, doc: StoryDoc) -> tuple[float, str | None]:
        """The story whose articles within the window ``doc`` resembles most on average
        (ties: the smaller id), and that average. Articles that share none of
        ``doc``'s index terms count as similarity 0."""
        candidates = _candidates(doc, self.postings)
        scores: dict[str, list[float]] = defaultdict(list)
        for i in candidates - self.retired:
            other = self.docs[i]
            if other.story is not None and self._in_window(i, doc):
                scores[other.story].append(similarity(doc, other))
        # fsum and ordering by id: the result does not depend on the order the index
        # was filled in (posts read from disk in path order, new ones in seed order)
        sums = {story: math.fsum(values) for story, values in scores.items()}
        best, best_story = 0.0, None
        span = self.window_days * 86400
        for story in sorted(sums):
            if abs((doc.date - self.start[story]).total_seconds()) > span:
                continue
            size = sum(1 for i in self.members[story] if self._in_window(i, doc))
            score = sums[story] / size
            if score > best:
                best, best_story = score, story
        return best, best_story

    def assign(self, doc: StoryDoc) -> str:
        """The story of ``doc``: the closest story's if close enough, else a new one.
        The doc is indexed under it."""
        score, story = self.best_story(doc)
        if story is None or score < self.threshold:
            story = new_story_id(doc.key)
        self.add(replace(doc, story=story))
        return story


def cluster(docs: Sequence[StoryDoc], threshold: float = DEFAULT_SIMILARITY,
            window_days: int = DEFAULT_WINDOW_DAYS) -> dict[str, str]:
    """Story id per doc key, assigning ``docs`` in order into an empty index."""
    index = StoryIndex(threshold, window_days)
    return {d.key: index.assign(d) for d in docs}


# --------------------------------------------------------------------------- regrouping

NEIGHBOURS = 5
"""How many nearest reports each report lists (its neighbours) when stories are
regrouped. Fewer lists say too little (3 lost a fifth of the gain on ECB+), more let a
story's look-alike into the lists of a small story (8 needed a higher bar and lost
precision); see docs/stories.md."""
NEIGHBOUR_FLOOR = 0.30
"""A report lists only reports at least this similar: an unrelated report (below it to
everyone) is in nobody's list, so its arrival changes no grouping."""
SHARED_BAR = 0.30
"""Two stories are shown as one when their reports, on average over every pair across
them, share at least this share of :data:`NEIGHBOURS` (0.30 × 5: one or two neighbours
in common) -- and the two together span no more than the story window."""
_INGEST_ID = re.compile(rf"[0-9a-f]{{{ID_LENGTH}}}")


def ingest_id(story: str) -> bool:
    """True for an id ingest gave (:func:`new_story_id`); any other was typed by a curator."""
    return bool(_INGEST_ID.fullmatch(story))


def regroupable(doc: StoryDoc) -> bool:
    """Docs regrouping sees: those with a story ingest gave."""
    return doc.story is not None and ingest_id(doc.story)


def neighbour_lists(docs: Sequence[StoryDoc], window_days: int = DEFAULT_WINDOW_DAYS,
                    k: int = NEIGHBOURS, floor: float = NEIGHBOUR_FLOOR,
                    targets: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]:
    """Doc key → the keys of the (at most ``k``) other docs within ``window_days`` whose
    similarity to it reaches ``floor``, most similar first (ties: earlier date, then
    key); for the ``targets`` keys only, if given. Candidates are the docs sharing one of
    its index terms, as when a new article is placed. A doc's list depends only on the
    docs within the window of it, which is what lets ingest keep lists between runs."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        for term in doc.index_terms:
            postings[term].append(i)
    wanted = None if targets is None else set(targets)
    span = window_days * 86400
    seconds = [d.date.timestamp() for d in docs]
    close: dict[tuple[int, int], float] = {}
    """(i, j), i < j → similarity: each pair is computed once."""
    lists: dict[str, tuple[str, ...]] = {}
    for i, doc in enumerate(docs):
        if wanted is not None and doc.key not in wanted:
            continue
        candidates = _candidates(doc, postings)
        candidates.discard(i)
        scored = []
        for j in candidates:
            if abs(seconds[j] - seconds[i]) > span:
                continue
            pair = (i, j) if i < j else (j, i)
            score = close.get(pair)
            if score is None:
                score = close[pair] = similarity(doc, docs[j])
            if score >= floor:
                other = docs[j]
                scored.append((-score, other.date, other.key))
        scored.sort()
        lists[doc.key] = tuple(key for *_, key in scored[:k])
    return lists


def shared_neighbours(lists: Mapping[str, Sequence[str]], k: int = NEIGHBOURS
                      ) -> dict[tuple[str, str], float]:
    """(a, b) with a < b → how many docs both list, over ``k``; pairs sharing none are
    left out. Only third parties count (a pair that lists each other and nothing in
    common scores 0), so two lone reports are never joined here: the join threshold of
    :class:`StoryIndex` decides those."""
    listed_by: dict[str, list[str]] = defaultdict(list)
    for key, listed in lists.items():
        for m in listed:
            listed_by[m].append(key)
    counts: Counter[tuple[str, str]] = Counter()
    for holders in listed_by.values():
        counts.update(_pairs(holders))
    return {pair: n / k for pair, n in counts.items()}


def _pairs(keys: list[str]) -> Iterator[tuple[str, str]]:
    """Every pair (a, b) of ``keys`` with a < b (sorts ``keys`` in place)."""
    keys.sort()
    for x in range(len(keys)):
        for y in range(x + 1, len(keys)):
            yield keys[x], keys[y]


def regroup(docs: Sequence[StoryDoc], window_days: int = DEFAULT_WINDOW_DAYS,
            k: int = NEIGHBOURS, floor: float = NEIGHBOUR_FLOOR, bar: float = SHARED_BAR
            ) -> dict[str, str]:
    """Stories to show as one: story id → the id of the older story it joins.

    Ingest places each report once, against the stories of its day, with a threshold
    set for precision, so an event's reports often end on several stories. Seen all
    together, reports of one event list the same nearest neighbours while a look-alike
    event's reports list their own; so stories are merged (:func:`join_stories`).

    A pure function of the docs (any order gives the same answer). Docs without a story
    (a curator cleared it) and stories a curator named (:func:`ingest_id` false) are
    left as they are."""
    seen = [d for d in docs if regroupable(d)]
    return join_stories(seen, neighbour_lists(seen, window_days, k, floor),
                        window_days, k, bar)


def join_stories(docs: Sequence[StoryDoc], lists: Mapping[str, Sequence[str]],
                 window_days: int = DEFAULT_WINDOW_DAYS, k: int = NEIGHBOURS,
                 bar: float = SHARED_BAR) -> dict[str, str]:
    """Stories merged by average linkage while the average :func:`shared_stories` score
    over every pair of reports across two stories reaches ``bar`` and the two span at
    most ``window_days``; repeated over the merged stories until nothing more joins.
    Returns story id → the id it is shown under, the story of the merged group's oldest
    report (date, then key), so an existing story's id changes only when a related
    report joins it to an older one. Only each doc's key, date and story are read (its
    vectors may be empty): the evidence is in ``lists``.

    Every pass weighs each neighbour by the share of its own list that lies in its own
    story, so the evidence grows only from stories whose reports list each other: a
    report that ingest kept on a story of its own (nothing reached the join threshold)
    vouches for nobody. Until 2026-12-02 a first pass counted shared neighbours
    unweighted, and on a busy day of one subject (a hundred election reports, most of
    them one report of their own event) reports of *different* events filled each
    other's lists, shared two or three of them and were chained into one story of up
    to nine reports (docs/stories.md, "One event, not one subject")."""
    by_key = {d.key: d for d in docs}
    # the pairs' holders are keys of ``by_key``: only its docs' lists are read
    lists = {key: listed for key, listed in lists.items() if key in by_key}
    current = {d.key: str(d.story) for d in docs}
    while True:
        merged = [replace(d, story=current[d.key]) for d in docs]
        joins = _join(merged, shared_stories(lists, current, k), window_days, bar)
        if not joins:
            break
        current = {key: joins.get(story, story) for key, story in current.items()}
    out = {}
    for d in docs:
        if current[d.key] != str(d.story):
            out[str(d.story)] = current[d.key]
    return dict(sorted(out.items()))


def shared_stories(lists: Mapping[str, Sequence[str]], story: Mapping[str, str],
                   k: int = NEIGHBOURS) -> dict[tuple[str, str], float]:
    """(a, b) with a < b → how many of their neighbours lie in the same stories, over
    ``k``: per story, the smaller of the two weights listed in it, summed (each other
    left out). A neighbour weighs the share of its own list that lies in its own story.

    Why: an event is often split over tight stories whose reports fill their lists
    with their own story, so they share few *reports* across the split but list the
    same *stories* (ECB+: two thirds of the missed pairs were
    between two groups of 3+ reports of one event). The weight keeps one misplaced
    report from carrying its story along: a report of another event lists that event's
    reports, elsewhere, and counts little for the story it was put in."""
    weight = {key: sum(story.get(m) == story[key] for m in listed) / len(listed)
              for key, listed in lists.items() if listed and key in story}
    bags: dict[str, Counter[str]] = {}
    holders: dict[str, list[str]] = defaultdict(list)
    for key, listed in lists.items():
        if key not in story:
            continue
        bag = bags[key] = Counter()
        for m in listed:
            if m in story:
                bag[story[m]] += weight.get(m, 0.0)
        for s in bag:
            holders[s].append(key)
    listed_sets = {key: frozenset(listed) for key, listed in lists.items()}

    def own(key: str, other: str, s: str) -> float:
        """What ``key``'s bag holds in story ``s``, ``other`` left out of its list."""
        held = bags[key][s]
        if other in listed_sets[key] and story.get(other) == s:
            held -= weight.get(other, 0.0)
        return held

    scores: dict[tuple[str, str], float] = {}
    done: set[tuple[str, str]] = set()
    for keys in holders.values():
        for a, b in _pairs(keys):
            if (a, b) in done:
                continue
            done.add((a, b))
            n = math.fsum(min(own(a, b, s), own(b, a, s)) for s in bags[a] if s in bags[b])
            if n > 0:
                scores[(a, b)] = n / k
    return scores


def _join(docs: Sequence[StoryDoc], scores: Mapping[tuple[str, str], float],
          window_days: int, bar: float) -> dict[str, str]:
    """Average-linkage merging of the docs' stories over pair ``scores``: story id → the
    id of its merged group's oldest report's story."""
    by_key = {d.key: d for d in docs}
    members: dict[str, list[str]] = defaultdict(list)
    for d in sorted(docs, key=lambda d: (d.date, d.key)):
        members[str(d.story)].append(d.key)
    parent = {s: s for s in members}
    # only stories that some pair scoring ``bar`` links can merge (an average reaches
    # the bar only if one of its pairs does): each linked component apart
    for (a, b), score in scores.items():
        if score >= bar:
            join_sets(parent, str(by_key[a].story), str(by_key[b].story))
    components: dict[str, list[str]] = defaultdict(list)
    for story in sorted(members):
        components[find_root(parent, story)].append(story)
    span = window_days * 86400
    out: dict[str, str] = {}
    for stories in components.values():
        if len(stories) < 2:
            continue
        for group in _average_linkage([members[s] for s in stories], scores, by_key,
                                      bar, span):
            if len(group) < 2:
                continue
            oldest = min((key for s in group for key in members[stories[s]]),
                         key=lambda key: (by_key[key].date, key))
            keep = str(by_key[oldest].story)
            for s in group:
                if stories[s] != keep:
                    out[stories[s]] = keep
    return dict(sorted(out.items()))


def _average_linkage(clusters: list[list[str]], scores: Mapping[tuple[str, str], float],
                     docs: Mapping[str, StoryDoc], bar: float, span: float
                     ) -> list[list[int]]:
    """Greedy average-linkage merging of ``clusters`` (lists of doc keys): the pair with
    the highest mean pairwise score merges while that mean reaches ``bar`` and the union
    spans at most ``span`` seconds; ties go to the pair of lower positions. Returns
    groups of cluster positions."""
    groups = [[c] for c in range(len(clusters))]
    items = [list(c) for c in clusters]
    first = [min(docs[key].date for key in c) for c in clusters]
    last = [max(docs[key].date for key in c) for c in clusters]
    alive = list(range(len(clusters)))

    def mean(a: int, b: int) -> float:
        total = math.fsum(scores.get((i, j) if i < j else (j, i), 0.0)
                          for i in items[a] for j in items[b])
        return total / (len(items[a]) * len(items[b]))

    while True:
        best, pair = bar, None
        for x in range(len(alive)):
            for y in range(x + 1, len(alive)):
                a, b = alive[x], alive[y]
                if (max(last[a], last[b]) - min(first[a], first[b])).total_seconds() > span:
                    continue
                score = mean(a, b)
                if score >= best and (pair is None or score > best):
                    best, pair = score, (a, b)
        if pair is None:
            return [groups[a] for a in alive]
        a, b = pair
        items[a] += items[b]
        groups[a] += groups[b]
        first[a], last[a] = min(first[a], first[b]), max(last[a], last[b])
        alive.remove(b)

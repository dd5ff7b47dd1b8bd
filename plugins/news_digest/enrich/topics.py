"""Topics: each article gets 1–``max_topics`` IPTC Media Topics, primary first.

Why cue words and not a trained classifier: the product ships no training data, the
small spaCy model has no word vectors, and a curator must be able to see and change
why an article landed in a topic. The taxonomy file (``data/topics.yml``, replaced by
``<data_dir>/topics.yml`` when a site has one) lists for each topic hand-written
*strong* cues (weight 3), ordinary *cues* (weight 1), *weak* cues (0.4: words that lean
to the topic but occur in all news, like "million" or "win"), and the IPTC
description, whose words are weak evidence too (0.25). A site's short list
(``id: Label`` or ``[{id, label, description}]``) also loads: its labels become cues.

Scoring, per topic, over cue matches in the stemmed text:

* a cue listed under ``k`` topics counts ``1/k`` for each (an IDF over the taxonomy,
  not over any corpus: "season" says less than "wicket");
* an occurrence counts 3 in the title, 1.5 in the lead paragraph, 1 elsewhere;
* repeated occurrences saturate (``log(1 + n)``), so one word said ten times cannot
  outvote ten different cues;
* an article's entity names add a little evidence when they contain cues ("Labour
  Party", "Chelsea FC" are already in the text, so the bonus is small, 0.5);
* a topic's optional ``weight`` scales its total: the cross-cutting topics (crime,
  disasters, labour, society, human interest) use 0.75, because a fraud trial at a
  bank or a court case over a football transfer is first a business or sport story.

Scores are shares of the article's total evidence, rounded to 3 decimals so output is
deterministic. Secondary topics are kept only when they reach ``SECONDARY_SHARE`` of
the total and ``SECONDARY_RATIO`` of the primary: a stray "goal" in a business story
should not tag it sport. An article with body text always gets one topic (the
taxonomy's ``fallback`` when nothing matched at all).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from news_digest.enrich.keywords import COMMON_WORDS, STOPWORDS, keywords_for, stem, tokens
from news_digest.enrich.pipeline import EnrichContext
from news_digest.model import Article, Topic
from news_digest.vocab.topics_file import (
    TopicDef,
    TopicsFile,
    load_topics_file,
    parse_topics,
    site_topics,
)

STRONG_WEIGHT = 3.0
CUE_WEIGHT = 1.0
WEAK_WEIGHT = 0.4
DESCRIPTION_WEIGHT = 0.25
ZONE_WEIGHTS = {"title": 3.0, "lead": 1.5, "body": 1.0}
SECONDARY_SHARE = 0.18
"""A secondary topic needs at least this share of all evidence…"""
SECONDARY_RATIO = 0.45
"""…and at least this fraction of the primary topic's score."""

@dataclass(frozen=True)
class Taxonomy:
    """The loaded taxonomy plus its compiled cue index.

    ``index`` maps the first stem of a cue to the cues (as stem tuples) starting with
    it, so matching is one dict lookup per token; ``spread`` maps a cue to its
    ``(topic index, weight)`` pairs, weights already divided by the cue's topic count.
    """

    topics: tuple[TopicDef, ...]
    fallback: str
    source: str
    index: Mapping[str, tuple[tuple[str, ...], ...]]
    spread: Mapping[tuple[str, ...], tuple[tuple[int, float], ...]]

    def get(self, topic_id: str) -> TopicDef:
        for t in self.topics:
            if t.id == topic_id:
                return t
        raise KeyError(topic_id)


def compile_taxonomy(file: TopicsFile) -> Taxonomy:
    """The matcher for a validated taxonomy file."""
    index, spread = _compile(file.topics)
    return Taxonomy(file.topics, file.fallback, file.source, index, spread)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read, validate and compile a taxonomy file (the shipped one by default)."""
    return compile_taxonomy(load_topics_file(path))


def parse_taxonomy(text: str, source: str = "<topics.yml>") -> Taxonomy:
    """Validate and compile taxonomy YAML text."""
    return compile_taxonomy(parse_topics(text, source))


def _cue_stems(cue: str) -> tuple[str, ...]:
    return tuple(stem(t) for t in tokens(cue))


def _compile(topics: Sequence[TopicDef]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Build the first-stem index and each cue's weights, divided by its topic count."""
    weights: dict[tuple[str, ...], dict[int, float]] = {}
    for i, t in enumerate(topics):
        entries = ([(c, STRONG_WEIGHT) for c in t.strong] + [(c, CUE_WEIGHT) for c in t.cues]
                   + [(c, WEAK_WEIGHT) for c in t.weak])
        for word in tokens(t.description):
            if word not in STOPWORDS and word not in COMMON_WORDS and len(word) > 3:
                entries.append((word, DESCRIPTION_WEIGHT))
        for cue, weight in entries:
            key = _cue_stems(cue)
            per_topic = weights.setdefault(key, {})
            per_topic[i] = max(per_topic.get(i, 0.0), weight)
    spread = {key: tuple(sorted((i, w / len(per_topic)) for i, w in per_topic.items()))
              for key, per_topic in sorted(weights.items())}
    index: dict[str, list[tuple[str, ...]]] = {}
    for key in spread:
        index.setdefault(key[0], []).append(key)
    return ({first: tuple(sorted(keys, key=lambda k: (-len(k), k)))
             for first, keys in sorted(index.items())}, spread)


# --------------------------------------------------------------------------- scoring


def _zone_stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text)]


def _count_cues(taxonomy: Taxonomy, words: Sequence[str], weight: float,
                hits: dict[tuple[str, ...], float]) -> None:
    index = taxonomy.index
    for i, w in enumerate(words):
        entries = index.get(w)
        if not entries:
            continue
        for key in entries:
            n = len(key)
            if n == 1 or tuple(words[i:i + n]) == key:
                hits[key] = hits.get(key, 0.0) + weight


def score_topics(taxonomy: Taxonomy, title: str, paragraphs: Sequence[str],
                 entity_names: Sequence[str] = ()) -> list[tuple[str, float]]:
    """Raw evidence per topic id, best first (ties by id); topics with none are left out."""
    hits: dict[tuple[str, ...], float] = {}
    _count_cues(taxonomy, _zone_stems(title), ZONE_WEIGHTS["title"], hits)
    for n, para in enumerate(paragraphs):
        zone = "lead" if n == 0 else "body"
        _count_cues(taxonomy, _zone_stems(para), ZONE_WEIGHTS[zone], hits)
    for name in entity_names:
        _count_cues(taxonomy, _zone_stems(name), 0.5, hits)
    raw = [0.0] * len(taxonomy.topics)
    for key, count in hits.items():
        saturated = math.log1p(count)
        for i, w in taxonomy.spread[key]:
            raw[i] += w * saturated
    ranked = [(t.id, s * t.weight) for t, s in zip(taxonomy.topics, raw, strict=True) if s > 0]
    ranked.sort(key=lambda p: (-p[1], p[0]))
    return ranked


def assign_topics(taxonomy: Taxonomy, title: str, paragraphs: Sequence[str],
                  max_topics: int = 3, entity_names: Sequence[str] = ()) -> tuple[Topic, ...]:
    """1–``max_topics`` topics, primary first, scores as rounded evidence shares."""
    has_text = any(p.strip() for p in paragraphs) or bool(title.strip())
    if max_topics <= 0 or not has_text:
        return ()
    ranked = score_topics(taxonomy, title, paragraphs, entity_names)
    if not ranked:
        t = taxonomy.get(taxonomy.fallback)
        return (Topic(t.id, t.label, 0.0),)
    total = sum(s for _, s in ranked)
    best = ranked[0][1]
    chosen: list[Topic] = []
    for n, (topic_id, s) in enumerate(ranked[:max_topics]):
        share = s / total
        if n > 0 and (share < SECONDARY_SHARE or s < SECONDARY_RATIO * best):
            break
        chosen.append(Topic(topic_id, taxonomy.get(topic_id).label, round(share, 3)))
    return tuple(chosen)


def _entity_names(article: Article) -> list[str]:
    return [e.name for e in article.entities]


def topics_step(articles: Sequence[Article], ctx: EnrichContext) -> list[Article]:
    """Enrichment step: fill ``topics`` and ``keywords``.

    Keywords are filled here (when still empty) so the default step list needs no
    extra entry; :func:`news_digest.enrich.keywords.keywords_step` exists for pipelines that
    want them without topics.
    """
    taxonomy: Taxonomy = ctx.resource("topics.taxonomy",
                                      lambda: compile_taxonomy(site_topics(ctx.settings.data_dir)))
    out: list[Article] = []
    for a in articles:
        if not a.draft.paragraphs:  # a title alone is no evidence for a confident topic
            out.append(a)
            continue
        topics = assign_topics(taxonomy, a.draft.title, a.draft.paragraphs,
                               ctx.settings.max_topics, _entity_names(a))
        keywords = a.keywords or keywords_for(a)
        out.append(replace(a, topics=topics, keywords=keywords))
    return out

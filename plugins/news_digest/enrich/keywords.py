"""Keyphrases, and the small lexical toolkit the topic and story steps share.

Keyphrases are what an article is *about* beyond its names: "ballistic missiles",
"revenge operation". spaCy noun chunks would need the dependency parser, which costs
more than every other enrichment step together, so candidates come from a regex
tokenizer instead (RAKE-style): maximal runs of content words between stopwords and
punctuation, cut to 1–3 words. A candidate is scored

    frequency × position (title and lead count more) × rarity × length bonus

where rarity comes from a small hand-written list of words so common in news that they
say nothing (``said``, ``year``, ``people``). Candidates made of capitalised words
mid-sentence are names, which the entity step already reports, so they are dropped,
as is anything matching an entity name or alias. Output is lowercase and the ranking
breaks ties alphabetically, so the same text always gives the same keywords.

:func:`tokens` and :func:`stem` live here because the topic and story steps use the
very same tokenisation: a cue word and an article word match only if both went
through the same hands.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from news_digest.enrich.pipeline import EnrichContext
from news_digest.model import Article
from news_digest.text import words


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: frozenset[str] = _words("""
a about above across after afterwards again against all almost alone along already also
although always am among amongst an and another any anyhow anyone anything anyway anywhere
are around as at back be became because become becomes been before beforehand behind being
below beside besides between beyond both but by can cannot could did do does doing done down
during each either else elsewhere enough etc even ever every everyone everything everywhere
except few for former formerly from further had has have having he hence her here hereafter
hereby herein hers herself him himself his how however i if in indeed into is it its itself
just last latter least less many may me meanwhile might mine more moreover most mostly much
must my myself neither never nevertheless next no nobody none noone nor not nothing now
nowhere of off often on once one only onto or other others otherwise our ours ourselves out
over own per perhaps please quite rather re same seem seemed seeming seems several she should
since so some somehow someone something sometime sometimes somewhere still such than that the
their theirs them themselves then thence there thereafter thereby therefore therein thereupon
these they this those though through throughout thru thus to together too toward towards
under until up upon us very via was we well were what whatever when whence whenever where
whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever
whole whom whose why will with within without would yet you your yours yourself yourselves
s t don't can't won't isn't aren't wasn't weren't didn't doesn't hasn't haven't hadn't it's
he's she's they're we're i'm i've you've we've they've that's there's what's let's
et al
""")
"""Function words: never part of a keyphrase, never evidence for a topic."""

COMMON_WORDS: frozenset[str] = _words("""
said says say saying told tell tells according added add adds asked ask announced
year years month months week weeks day days time times today yesterday tomorrow
monday tuesday wednesday thursday friday saturday sunday morning evening night
january february march april may june july august september october november december
people person man men woman women thing things way ways part parts place places
new old first second third two three four five six seven eight nine ten hundred
thousand million billion percent cent number numbers lot lots many much more most
good bad great big small large little long short high low early late recent recently
make made makes making take took taken takes taking get got gets getting go goes going
went gone come came comes coming give gave given see seen look looked want wanted
know known think thought believe believed need needed use used using work worked
including include includes included also just like well back still even far around
set put keep kept left right end ended start started begin began show showed shown
call called calls help helped try tried find found found report reported reports
statement comment comments news story stories source sources official officials
mr mrs ms dr gen sen rep st co inc ltd plc corp
group groups case cases point points issue issues area areas side sides
percent per end members member move moved life world country countries state states
home local national government public company firm business market team play game
""")
"""Words so common in news that a phrase made only of them says nothing on its own."""

_TOKEN_OR_BREAK = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9'’&-]*[A-Za-z0-9]|[A-Za-z]|(\s['’]|['’]\s|\s-\s|[.!?;:,()\[\]{}\"“”‘’—–|/])"
)
"""A word, or (group 1) punctuation that breaks a phrase."""
_SENTENCE_END = frozenset(".!?")

_KEEP_S = frozenset(("news", "series", "species", "means", "lens", "chaos", "ethos", "gas",
                     "bus", "plus", "bias", "atlas", "christmas", "texas", "paris", "always",
                     "perhaps", "across", "whereas", "odds", "arms", "politics", "physics",
                     "economics", "athletics", "olympics", "gymnastics", "electronics",
                     "robotics", "genetics", "ethics", "statistics", "headquarters"))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, deterministic suffix stripper (plural, -ed, -ing, possessive).

    Not Porter: it only folds the inflections that split cue words from text
    ("elections"/"election", "striking"/"strike", "banks"/"bank"), and it keeps
    words whose ``-s`` is not a plural ("news" is not "new", "politics" stays).
    """
    w = word.lower()
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    if len(w) <= 3 or w in _KEEP_S or not w.isalpha():
        return w
    stemmed = _strip(w)
    # Never fold a content word into a function word ("innings" is not "in").
    return w if len(stemmed) < 3 or stemmed in STOPWORDS else stemmed


def _strip(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "ics")):
        w = w[:-1]
    if w.endswith("ing") and len(w) >= 6:
        w = _undouble(w[:-3])
    elif w.endswith("ied") and len(w) >= 5:
        w = w[:-3] + "y"
    elif w.endswith("ed") and len(w) >= 5 and not w.endswith("eed"):
        w = _undouble(w[:-2])
    # Drop a final "e" so "strike", "striking" and "struck"-less "striked" agree.
    if w.endswith("e") and len(w) >= 4 and not w.endswith(("ee", "ie")):
        w = w[:-1]
    return w


def _undouble(w: str) -> str:
    """Strip a doubled final consonant: "stopp" → "stop", but "fall" and "miss" stay."""
    if len(w) >= 3 and w[-1] == w[-2] and w[-1] not in "lsaeiou":
        return w[:-1]
    return w


tokens = words
"""Lower-cased word tokens (:func:`news_digest.text.words`)."""


def stems(text: str) -> list[str]:
    """Stemmed content tokens: what topic cues and story fingerprints are matched on."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS]


@dataclass(frozen=True)
class Keyphrase:
    """A candidate phrase with its score; ``text`` is lowercase."""

    text: str
    score: float


def _segments(paragraph: str) -> Iterable[list[tuple[str, bool]]]:
    """Runs of (word, is-a-name) between stopwords and punctuation, in one regex pass.

    A word counts as a name when it is capitalised and does not open a sentence (a
    sentence-initial capital says nothing).
    """
    run: list[tuple[str, bool]] = []
    opening = True
    for m in _TOKEN_OR_BREAK.finditer(paragraph):
        brk = m.group(1)
        if brk is not None:
            if run:
                yield run
                run = []
            if brk.strip() in _SENTENCE_END:
                opening = True
            continue
        raw = m.group(0)
        low = raw.lower()
        is_name = raw[0].isupper() and not opening
        opening = False
        if low in STOPWORDS or len(low) < 2 or _DIGIT.search(low):
            if run:
                yield run
                run = []
            continue
        run.append((low, is_name))
    if run:
        yield run


_DIGIT = re.compile(r"\d")


def _name_words(entity_names: Iterable[str]) -> set[str]:
    words: set[str] = set()
    for name in entity_names:
        words.update(t for t in tokens(name) if t not in STOPWORDS)
    return words


def extract_keyphrases(title: str, paragraphs: Sequence[str],
                       entity_names: Iterable[str] = (), limit: int = 6) -> list[Keyphrase]:
    """Rank 1–3 word keyphrases of an article; the best ``limit`` come first.

    A word written with a capital letter anywhere but a sentence start is taken as
    part of a name; names are the entity step's business, so a phrase containing one
    is dropped. Title words are capitalised headline-style, so the title only boosts
    phrases found in the body, it does not add its own.
    """
    names = _name_words(entity_names)
    proper: set[str] = set()
    counts: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    position = 0
    for p_index, para in enumerate(paragraphs):
        weight = 1.5 if p_index == 0 else (1.2 if p_index < 3 else 1.0)
        for run in _segments(para):
            flags = [is_name for _, is_name in run]
            words = [w for w, _ in run]
            for w, is_name in run:
                if is_name:
                    proper.add(w)
            n = len(words)
            for i in range(n):
                if flags[i]:
                    continue
                phrase = words[i]
                for j in range(i, min(i + 3, n)):
                    if j > i:
                        if flags[j]:
                            break
                        phrase = phrase + " " + words[j]
                    counts[phrase] = counts.get(phrase, 0.0) + weight
                    first_seen.setdefault(phrase, position)
            position += 1
    title_words = set(tokens(title))
    total = max(position, 1)
    ranked: list[Keyphrase] = []
    for phrase, freq in counts.items():
        if freq < 1.5:
            continue  # said once, past the lead: not what the article is about
        words = phrase.split()
        if any(w in proper or w in names for w in words):
            continue
        if all(w in COMMON_WORDS for w in words) or words[-1] in COMMON_WORDS:
            continue
        if len(words) == 1 and (freq < 2 or words[0].endswith(("ed", "ing", "ly"))):
            continue  # a lone verb or adverb is not a topic
        if words[0].endswith("ed") or words[-1].endswith(("ed", "ly")):
            continue  # "afternoon killed", "leak led": clause fragments, not phrases
        if "-" in words[0] and len(words) == 1 and len(words[0]) < 5:
            continue
        rarity = sum(0.3 if w in COMMON_WORDS else 1.0 for w in words) / len(words)
        early = 1.0 + 0.5 * (1.0 - first_seen[phrase] / total)
        in_title = 1.6 if all(w in title_words for w in words) else 1.0
        length = {1: 1.0, 2: 1.9, 3: 2.2}[len(words)]
        score = (1.0 + math.log(freq)) * rarity * early * in_title * length
        ranked.append(Keyphrase(phrase, score))
    ranked.sort(key=lambda k: (-k.score, k.text))
    chosen: list[Keyphrase] = []
    for cand in ranked:
        # Skip a phrase that shares a word with one already chosen.
        if any(_overlaps(cand.text, c.text) for c in chosen):
            continue
        chosen.append(cand)
        if len(chosen) >= limit:
            break
    return chosen


def _overlaps(a: str, b: str) -> bool:
    """Phrases sharing a word ("dozen ballistic", "ballistic missiles") are one idea."""
    return bool({stem(w) for w in a.split()} & {stem(w) for w in b.split()})


def entity_names(article: Article) -> list[str]:
    """Every name and alias the entity step found for ``article``."""
    names: list[str] = []
    for e in article.entities:
        names.append(e.name)
        names.extend(e.aliases)
    return names


def keywords_for(article: Article, limit: int = 6) -> tuple[str, ...]:
    """3–6 lowercase keyphrases for ``article`` (fewer only when the text is tiny)."""
    found = extract_keyphrases(article.draft.title, article.draft.paragraphs,
                               entity_names(article), limit=limit)
    return tuple(k.text for k in found)


def keywords_step(articles: Sequence[Article], ctx: EnrichContext) -> list[Article]:
    """Enrichment step: fill ``keywords`` (the topic step also calls :func:`keywords_for`)."""
    return [replace(a, keywords=keywords_for(a)) for a in articles]

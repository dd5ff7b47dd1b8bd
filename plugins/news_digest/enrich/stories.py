"""The old same-story fingerprint, kept as the baseline ``bench/stories_ecb.py`` prints.

Story ids on the site now come from :mod:`news_digest.enrich.clusters` (articles compared
with the site's stories at ingest time); this per-article fingerprint scored pairwise
F1 0.53 on ECB+ (precision 0.83, recall 0.40) and is no longer an enrichment step. What
follows is its original description.

Same-story ids: articles about the same event get the same short hex ``story``.

Ingest is incremental (one seed at a time, in any order, in several processes), so
the id cannot come from clustering the whole collection: it must be a pure function
of one article that happens to agree for articles on the same story. We use a
*fingerprint*:

    story = sha1(anchor names, date bucket)[:10]

* **Anchor names**: the ``ANCHORS`` most salient names of the article. Salience is
  mentions, with title and lead mentions counting more; people and organisations
  outrank places (a place is the setting of many stories, a person or company is
  usually the subject). Names come from the entity step (canonical names, so
  "Suleimani" and "Qassem Soleimani" agree); without entities, capitalised word runs
  of the text stand in, with a surname folded into the full name it abbreviates.
* **Date bucket**: the article's date in fixed 7-day windows, so this week's "Trump
  in Iran talks" is not last year's.

Trade-offs, honestly: a fingerprint is exact-match, so there is no partial credit.
Two anchors are precise but lose recall when outlets rank the second name
differently; one anchor recalls more but glues together every story about the same
famous name in a week. A story that straddles a bucket boundary splits in two. The
alternative (MinHash/SimHash of content shingles with LSH buckets) needs a band index
shared across articles to merge near matches, i.e. state across the incremental run;
the fingerprint needs none, and ``related.py`` can still link near-misses at build
time when the whole collection is known.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime

from news_digest.model import Article

ANCHORS = 1
"""How many top names make the fingerprint (1 measured far better recall than 2)."""
BUCKET_DAYS = 7
ID_LENGTH = 10
TYPE_WEIGHT = {"person": 1.0, "organization": 1.0, "place": 0.6}

_CAP_RUN = re.compile(r"(?:[A-Z][\w'’&.-]*[\w]|[A-Z])(?:\s+(?:of|de|van|von|al|bin|the)?\s*"
                      r"(?:[A-Z][\w'’&.-]*[\w]|[A-Z]))*")
_NOT_NAMES = frozenset(str.split("""
the a an this that these those it its he she they we i you his her their our my
in on at for from with by to of and or but if as after before when while since during
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december mr mrs ms dr gen sen rep gov
president minister prime chief officer police report reports update breaking news
according however meanwhile also then there here what who where why how
"""))
_HONORIFIC = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|gen|sen|rep|gov|president|prime minister|minister|king|queen|"
    r"prince|princess|pope|sir|lord|lady|judge|coach|captain|officer|detective|sgt|lt|col|"
    r"capt|actress|actor|singer|rapper|comedian|director|producer|star|author|writer|"
    r"striker|manager|chairman|chief|spokesman|spokeswoman|senator|governor|mayor|former|"
    r"late|veteran|legendary|superstar|model|boxer|champion|lawyer|attorney|suspect|"
    r"inmate|police|sheriff|secretary|ceo|founder)\.?\s+)+",
    re.IGNORECASE)
"""Titles and role words that precede a name ("Actress Lindsay Lohan"): not part of it."""


def date_bucket(date: datetime) -> int:
    """Index of the fixed ``BUCKET_DAYS``-day window holding ``date``."""
    return date.toordinal() // BUCKET_DAYS


def _clean_name(name: str) -> str:
    name = re.sub(r"['’]s?$", "", name.strip(" .’'"))
    name = _HONORIFIC.sub("", name)
    return " ".join(name.split())


def _headline_case(title: str) -> bool:
    """True when most words are capitalised ("Lohan Checks Into Rehab"): no name cues."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", title) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _runs(text: str) -> list[str]:
    """Capitalised word runs that look like names, honorifics and function words trimmed."""
    found: list[str] = []
    for m in _CAP_RUN.finditer(text):
        words = _clean_name(m.group(0)).split()
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        while words and words[-1].lower() in _NOT_NAMES:
            words = words[:-1]
        if not words or (len(words) > 1 and all(w.isupper() for w in words)):
            continue  # an all-caps headline or kicker, not a name
        start = m.start()
        at_start = start == 0 or text[:start].rstrip()[-1:] in ".!?\"“:"
        if at_start and len(words) == 1 and m.group(0).split()[0] == words[0]:
            continue  # a lone capitalised word opening a sentence
        name = " ".join(words)
        if len(name) >= 2:
            found.append(name)
    return found


def text_names(title: str, paragraphs: Sequence[str]) -> dict[str, float]:
    """Salience of capitalised names in the text: the fallback without an entity step.

    Names come from the body; the title only boosts names it repeats, unless it is
    written in sentence case (a headline in Title Case would make every phrase a
    name). A lone word opening a sentence is not taken ("Police said…"), nor all-caps
    runs. Short forms are folded into the full name they abbreviate (see
    :func:`_fold_short_names`).
    """
    scores: dict[str, float] = {}
    for i, para in enumerate(paragraphs):
        weight = 1.5 if i == 0 else 1.0
        for name in _runs(para):
            scores[name] = scores.get(name, 0.0) + weight
    if _headline_case(title):
        for name in list(scores):
            if name in title:
                scores[name] += 2.0
    else:
        for name in _runs(title):
            scores[name] = scores.get(name, 0.0) + 2.0
    return _fold_short_names(scores)


def _fold_short_names(scores: dict[str, float]) -> dict[str, float]:
    """Credit "Lohan" and "Comedian Ellen DeGeneres" to "Lindsay Lohan", "Ellen DeGeneres".

    A one-word name goes to the best multi-word name it starts or ends; a name that
    ends with another multi-word name found in the text goes to that name.
    """
    by_score = sorted(scores, key=lambda n: (-scores[n], n))
    multi = [n for n in by_score if " " in n]
    target: dict[str, str] = {}
    for name in by_score:
        words = name.split()
        if len(words) == 1:
            for m in multi:
                mw = m.split()
                if name in (mw[0], mw[-1]):
                    target[name] = m
                    break
        else:
            for m in multi:
                if m != name and len(m) < len(name) and name.endswith(" " + m):
                    target[name] = m
                    break
    folded: dict[str, float] = {}
    for name, score in scores.items():
        key = target.get(name, name)
        folded[key] = folded.get(key, 0.0) + score
    return folded


def entity_salience(article: Article) -> dict[str, float]:
    """Salience of the entity step's names: count, plus a bonus for title mentions."""
    title = article.draft.title.lower()
    lead = article.draft.paragraphs[0].lower() if article.draft.paragraphs else ""
    scores: dict[str, float] = {}
    for e in article.entities:
        forms = [e.name, *e.aliases]
        bonus = 0.0
        if any(f.lower() in title for f in forms if f):
            bonus += 2.0
        if any(f.lower() in lead for f in forms if f):
            bonus += 1.0
        scores[e.name] = (e.count + bonus) * TYPE_WEIGHT.get(e.type, 0.8)
    return scores


def anchors(article: Article, n: int = ANCHORS) -> tuple[str, ...]:
    """The ``n`` most salient names, lowercased, best first (ties alphabetical)."""
    scores = entity_salience(article) if article.entities else text_names(
        article.draft.title, article.draft.paragraphs)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0].lower()))
    out: list[str] = []
    for name, _ in ranked:
        key = name.lower()
        if key not in out:
            out.append(key)
        if len(out) >= n:
            break
    return tuple(out)


def story_id(article: Article, n: int = ANCHORS) -> str:
    """The article's same-story fingerprint (``ID_LENGTH`` hex digits)."""
    names = anchors(article, n)
    if not names:  # nothing to anchor on: fall back to the title words
        names = (" ".join(article.draft.title.lower().split()),)
    key = "|".join(sorted(names)) + f"#{date_bucket(article.date)}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:ID_LENGTH]


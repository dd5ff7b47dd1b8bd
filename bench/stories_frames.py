"""Event frames on ECB+: do "who did what to whom" in the lead tell look-alikes apart?

Story clustering compares bags of words, names and specifics (:mod:`clusters`); the
previous measurement left it at a pairwise ROC AUC of ≈ 0.88–0.90 within an ECB+ topic,
where each topic holds an event and a look-alike event (two celebrities entering rehab,
two offers to one baseball player). This script measures, before anything is built on
it, whether event-level evidence from a dependency parse adds to that:

* a **frame** is a verb of a lead sentence (title line + the first ``lead`` sentences)
  with its arguments: the head words of its subject, object and prepositional objects,
  with their compounds ("Tara Reid — check — Promises Treatment Center"). Reporting verbs
  (say, tell, report, confirm…) are left out: they name the source, not the event.
* **frame arguments** as a bag (argument words weighted by rarity, as the specifics are;
  cosine): scored alone, and mixed into the similarity (¾ similarity + ¼ frames);
* a **frame conflict**: the two articles share a verb and a role, and the names filling
  it in each are nowhere in the other article ("Angels — offer" vs "Red Sox — offer"):
  a veto candidate. Counted over all within-topic pairs and over the pairs the clustering
  could merge (similarity ≥ 0.35), for same-event and look-alike pairs.

Ingest does not run spaCy's parser (:func:`news_digest.enrich.ner.load_spacy` keeps only
``ner``), so the time to parse the leads is printed as well: it is what using frames
would add to an ingest. Odd and even topics are reported apart (see stories_ecb.py).

    python bench/stories_frames.py [--corpus DIR] [--lead N ...]
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from stories_ecb import load_articles, read_gold, roc_auc, split_halves  # noqa: E402

from news_digest.enrich import clusters  # noqa: E402
from news_digest.enrich.keywords import STOPWORDS  # noqa: E402
from news_digest.enrich.rarity import rarity  # noqa: E402
from news_digest.enrich.specifics import number_rarity  # noqa: E402

REPORTING = frozenset({
    "say", "tell", "report", "confirm", "add", "write", "claim", "note", "state",
    "explain", "cite", "quote", "accord", "announce", "reveal", "insist"})
"""Verbs of attribution: their arguments are the source ("told People"), not the event."""
SUBJECT = frozenset({"nsubj", "nsubjpass", "agent"})
OBJECT = frozenset({"dobj", "dative", "attr", "oprd"})
MODIFIERS = frozenset({"compound", "flat", "nmod", "poss", "nummod", "amod"})
MERGEABLE = 0.35
"""Pairs at or above this similarity are the ones a threshold near today's 0.40 decides."""
_WORD = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True)
class Frame:
    """A verb and, per role (``S``ubject, ``O``bject, ``P<preposition>``), the words
    filling it: lower-cased; numbers prefixed with ``#`` as in the specifics."""

    verb: str
    roles: Mapping[str, frozenset[str]]


def _argument(token: Any) -> set[str]:
    """The content words of an argument phrase: its head and the modifiers of the head."""
    words = set()
    for t in (token, *(c for c in token.children if c.dep_ in MODIFIERS)):
        if t.like_num or t.text[:1].isdigit():
            words.add("#" + t.text.replace(",", ""))
        elif t.pos_ in {"PROPN", "NOUN", "ADJ"} and t.lemma_.lower() not in STOPWORDS:
            words.add(t.lemma_.lower() if t.pos_ != "PROPN" else t.text.lower())
    return words


def frames(sentences: Iterable[Any]) -> list[Frame]:
    """The frames of parsed spaCy sentences (see the module docstring)."""
    out: list[Frame] = []
    for sent in sentences:
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() in REPORTING:
                continue
            roles: dict[str, set[str]] = defaultdict(set)
            for child in verb.children:
                if child.dep_ in SUBJECT:
                    roles["S"] |= _argument(child)
                elif child.dep_ in OBJECT:
                    roles["O"] |= _argument(child)
                elif child.dep_ == "prep":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            roles["P" + child.text.lower()] |= _argument(obj)
            roles = {r: w for r, w in roles.items() if w}
            if roles:
                out.append(Frame(verb.lemma_.lower(),
                                 {r: frozenset(w) for r, w in roles.items()}))
    return out


def argument_vector(found: Sequence[Frame]) -> dict[str, float]:
    """Argument word → count × rarity (numbers: wordfreq's estimate for their shape)."""
    counts = Counter(w for f in found for words in f.roles.values() for w in words)
    out = {}
    for word, n in counts.items():
        weight = number_rarity(word[1:]) if word[0] == "#" else rarity(word)
        if weight > 0:
            out[word] = n * weight
    return out


def conflict(a: Sequence[Frame], b: Sequence[Frame], words_a: set[str],
             words_b: set[str]) -> bool:
    """True when both articles have a frame with the same verb and role whose fillers in
    each article are nowhere in the other (who did it, or to whom, differs)."""
    by_verb: dict[str, list[Frame]] = defaultdict(list)
    for f in b:
        by_verb[f.verb].append(f)
    for fa in a:
        for fb in by_verb.get(fa.verb, ()):
            for role in fa.roles.keys() & fb.roles.keys():
                xa, xb = fa.roles[role], fb.roles[role]
                if not {w.lstrip("#") for w in xa} & words_b and \
                        not {w.lstrip("#") for w in xb} & words_a:
                    return True
    return False


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    na = math.sqrt(math.fsum(w * w for w in a.values()))
    nb = math.sqrt(math.fsum(w * w for w in b.values()))
    return clusters._dot(a, b) / (na * nb) if na and nb else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path,
                        default=ROOT.parent / "shared" / "corpus" / "same-story-dev")
    parser.add_argument("--lead", type=int, nargs="+", default=[2, 4],
                        help="sentences after the title line that count as the lead")
    args = parser.parse_args(argv)
    table = args.corpus / "clusters.tsv"
    if not table.is_file() or not (args.corpus / "docs").is_dir():
        print(f"skipped: same-story corpus not found at {args.corpus}")
        return 0
    from news_digest.enrich.ner import model_dir

    model = model_dir()
    if model is None:
        print("skipped: spaCy's English model is not installed (the parse needs it)")
        return 0
    import spacy

    nlp = spacy.load(model, exclude=["senter"])  # parser, tagger, lemmatizer, ner
    gold, topic = read_gold(table)
    articles, _ = load_articles(args.corpus, sorted(gold))
    docs = [clusters.doc_from_article(a, key=a.source.seed) for a in articles]
    words = {a.source.seed: {w.lower() for w in _WORD.findall(
        "\n".join([a.title, *a.draft.paragraphs]))} for a in articles}
    most = max(args.lead)
    start = time.perf_counter()
    parsed = {a.source.seed: list(d.sents) for a, d in zip(articles, nlp.pipe(
        "\n".join([a.title, *a.draft.paragraphs[:most]]) for a in articles), strict=True)}
    elapsed = time.perf_counter() - start
    print(f"ECB+ same-story: {len(gold)} docs; parsing title + {most} lead lines: "
          f"{1000 * elapsed / len(articles):.1f} ms per article (ingest does not parse today)")
    for lead in args.lead:
        found = {k: frames(sents[:lead + 1]) for k, sents in parsed.items()}
        vectors = {k: argument_vector(f) for k, f in found.items()}
        for name, part in split_halves(topic, docs):
            score: dict[str, list[list[float]]] = {"similarity": [[], []], "frames": [[], []],
                                                   "mixed": [[], []]}
            vetoed = {"same": [0, 0, 0, 0], "look-alike": [0, 0, 0, 0]}
            for a, b in combinations(part, 2):
                if topic[a.key] != topic[b.key]:
                    continue
                same = gold[a.key] == gold[b.key]
                sim = clusters.similarity(a, b)
                fr = _cosine(vectors[a.key], vectors[b.key])
                for label, value in (("similarity", sim), ("frames", fr),
                                     ("mixed", 0.75 * sim + 0.25 * fr)):
                    score[label][0 if same else 1].append(value)
                hit = conflict(found[a.key], found[b.key], words[a.key], words[b.key])
                row = vetoed["same" if same else "look-alike"]
                row[0] += 1
                row[1] += hit
                row[2] += sim >= MERGEABLE
                row[3] += hit and sim >= MERGEABLE
            aucs = "  ".join(f"{k} {roc_auc(*v):.3f}" for k, v in score.items())
            print(f"lead {lead}, {name}: within-topic ROC AUC {aucs}")
            for kind, (n, hit, near, near_hit) in vetoed.items():
                print(f"    frame conflict on {kind} pairs: {hit}/{n} "
                      f"({hit / max(n, 1):.0%}); at similarity >= {MERGEABLE}: "
                      f"{near_hit}/{near} ({near_hit / max(near, 1):.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

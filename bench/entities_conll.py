"""Entity benchmark on CoNLL-2003 (English dev set, ``eng.testa``).

Per document, gold is the set of unique ``(surface, type)`` for PER→person,
ORG→organization, LOC→place (MISC is not a product type). The prediction is the set
of ``(surface, type)`` over the project's entities: each canonical name and each
alias. Micro precision/recall/F1 over the 216 documents are printed for the
project's pipeline and, for comparison, for spaCy's raw output on the same texts.

The corpus is for measuring only: nothing in the pipeline is tuned on it.

    .venv/bin/python bench/entities_conll.py [--corpus PATH] [--backend auto|rules]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "conll2003" / "eng.testa"
GOLD_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}

sys.path.insert(0, str(ROOT / "plugins"))


@dataclass(frozen=True)
class Doc:
    sentences: tuple[tuple[str, ...], ...]
    gold: frozenset[tuple[str, str]]

    @property
    def words(self) -> int:
        return sum(len(s) for s in self.sentences)


def _spans(tokens: list[str], tags: list[str]) -> Iterator[tuple[str, str]]:
    """Entities from IOB1 tags: I-X continues X, B-X starts a new X next to another."""
    current: list[str] = []
    kind = None
    for token, tag in [*zip(tokens, tags, strict=True), ("", "O")]:
        prefix, _, label = tag.partition("-")
        if current and (tag == "O" or label != kind or prefix == "B"):
            yield " ".join(current), kind or ""
            current, kind = [], None
        if tag != "O":
            current.append(token)
            kind = label
    # the sentinel flushes the last span


def read_conll(path: Path) -> list[Doc]:
    """Documents of an IOB1 CoNLL-2003 file (``-DOCSTART-`` lines separate them)."""
    docs: list[Doc] = []
    sentences: list[tuple[str, ...]] = []
    gold: set[tuple[str, str]] = set()
    tokens: list[str] = []
    tags: list[str] = []

    def end_sentence() -> None:
        if tokens:
            sentences.append(tuple(tokens))
            for surface, label in _spans(tokens, tags):
                if label in GOLD_TYPES:
                    gold.add((surface, GOLD_TYPES[label]))
            tokens.clear()
            tags.clear()

    def end_doc() -> None:
        end_sentence()
        if sentences:
            docs.append(Doc(tuple(sentences), frozenset(gold)))
        sentences.clear()
        gold.clear()

    for line in path.read_text("utf-8", errors="replace").splitlines():
        if line.startswith("-DOCSTART-"):
            end_doc()
        elif not line.strip():
            end_sentence()
        else:
            cols = line.split()
            tokens.append(cols[0])
            tags.append(cols[-1])
    end_doc()
    return docs


def draft_of(doc: Doc):
    """A Draft as the cleaner would give it: first sentence the title, the rest paragraphs."""
    from news_digest.model import Draft

    texts = [" ".join(s) for s in doc.sentences]
    # Reuters stories open "HEADLINE", "PLACE YYYY-MM-DD", body: the cleaner's dateline
    if len(texts) > 1 and re.search(r"\b\d{4}-\d{2}-\d{2}$", texts[1]):
        return Draft(title=texts[0], dateline=texts[1], paragraphs=tuple(texts[2:]))
    return Draft(title=texts[0], paragraphs=tuple(texts[1:]))


Pairs = frozenset[tuple[str, str]]


def score(pairs: Iterable[tuple[Pairs, Pairs]]) -> tuple[float, float, float, int, int, int]:
    """Micro precision, recall, F1 (and tp, fp, fn) over per-document sets."""
    tp = fp = fn = 0
    for gold, pred in pairs:
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, fp, fn


def site_view(docs: list[Doc], found: list) -> None:
    """The same documents as one site: corpus-level resolution, then who gets a page.

    Each document's entities go through :func:`news_digest.enrich.resolve.resolve_corpus`
    as the build does (all documents dated alike: the dev set spans a few days); an
    entity's surfaces are scored with the type the corpus voted, and dropped when
    resolution filters the entity. Then: how many entities the site would have, how
    many earn a page (in two documents or more), and what share of the correctly found
    gold pairs land on an entity with a page.
    """
    from datetime import date

    from news_digest.enrich.resolve import resolve_corpus

    day = date(1996, 8, 30)
    result = resolve_corpus([(day, [(e.type, e.name) for e in ents]) for ents in found])
    stories: dict[tuple[str, str], int] = {}
    for pairs in result.entities_of:
        for k in set(pairs):
            stories[k] = stories.get(k, 0) + 1
    paged = {k for k, n in stories.items() if n >= 2 and k not in result.pageless}
    pairs, on_page, hits = [], 0, 0
    for doc, ents, mapping in zip(docs, found, result.mapping, strict=True):
        pred: dict[tuple[str, str], tuple[str, str]] = {}
        for e in ents:
            target = mapping.get((e.type, e.name))
            if target is None:
                continue
            for n in (e.name, *e.aliases):
                pred[(n, target[0])] = target
        got = frozenset(pred)
        pairs.append((doc.gold, got))
        for g in doc.gold & got:
            hits += 1
            on_page += pred[g] in paged
    p, r, f, tp, fp, fn = score(pairs)
    print(f"site-level (corpus resolution and type vote): P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
          f"(tp {tp}, fp {fp}, fn {fn})")
    print(f"  site: {len(stories)} entities, {len(paged)} with a page (>= 2 documents); "
          f"{on_page}/{hits} ({on_page / max(hits, 1):.1%}) of the correct pairs link to a page")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="path to eng.testa")
    parser.add_argument("--backend", default="auto", choices=("auto", "spacy", "rules"))
    parser.add_argument("--errors", type=int, default=0,
                        help="print this many missed and spurious pairs (for reading, not tuning)")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"skipped: CoNLL-2003 not found at {args.corpus}")
        return 0

    from news_digest.enrich import ner
    from news_digest.enrich.entities import backend_name, draft_entities
    from news_digest.enrich.pipeline import EnrichContext
    from news_digest.settings import Settings

    docs = read_conll(args.corpus)
    words = sum(d.words for d in docs)
    drafts = [draft_of(d) for d in docs]
    # the shipped registry only: a site's learned registry must not leak into the figures
    settings = Settings(data_dir=Path("/nonexistent-news-digest-bench"), ner_backend=args.backend)
    ctx = EnrichContext(settings)
    t0 = time.perf_counter()
    name = backend_name(ctx)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = draft_entities(drafts, ctx)
    run_s = time.perf_counter() - t0

    pairs = []
    for doc, entities in zip(docs, found, strict=True):
        pred = {(n, e.type) for e in entities for n in (e.name, *e.aliases)}
        pairs.append((doc.gold, frozenset(pred)))
    p, r, f, tp, fp, fn = score(pairs)
    print(f"CoNLL-2003 {args.corpus.name}: {len(docs)} docs, {words} words, "
          f"{sum(len(d.gold) for d in docs)} gold (surface, type) pairs")
    print(f"news-digest entities [{name}]: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
          f"(tp {tp}, fp {fp}, fn {fn})")
    print(f"  speed: {len(docs) / run_s:.1f} docs/s, {words / run_s:,.0f} words/s "
          f"({run_s:.2f} s; backend load {load_s:.2f} s)")
    # what canonical names cost here: a registry name the text never writes ("United
    # States" for "U.S.") counts as a false positive against surface-form gold
    written = []
    for (gold, pred), doc in zip(pairs, docs, strict=True):
        text = " " + " ".join(" ".join(s) for s in doc.sentences) + " "
        written.append((gold, frozenset(x for x in pred if f" {x[0]} " in text)))
    p, r, f, *_ = score(written)
    print(f"  (names as written only: P {p:.3f}  R {r:.3f}  F1 {f:.3f})")

    site_view(docs, found)

    nlp = ctx.resources["entities.backend"][1]
    if nlp is not None:
        t0 = time.perf_counter()
        raw = []
        for doc in docs:
            texts = [" ".join(s) for s in doc.sentences]
            pred = {(m.text, m.type) for ms in ner.spacy_mentions(nlp, texts, 64) for m in ms
                    if m.type != ner.OTHER}
            raw.append((doc.gold, frozenset(pred)))
        raw_s = time.perf_counter() - t0
        p, r, f, tp, fp, fn = score(raw)
        print(f"spaCy raw output (labels mapped, no canonicalisation): P {p:.3f}  R {r:.3f}  "
              f"F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn}); {words / raw_s:,.0f} words/s")
    if args.errors:
        missed = sorted({g for gold, pred in pairs for g in gold - pred})
        spurious = sorted({x for gold, pred in pairs for x in pred - gold})
        print("missed:", missed[: args.errors])
        print("spurious:", spurious[: args.errors])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

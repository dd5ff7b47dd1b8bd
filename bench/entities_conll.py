"""Entity benchmark on CoNLL-2003 (English dev set, ``eng.testa``).

Per document, gold is the set of unique ``(surface, type)`` for PER→person,
ORG→organization, LOC→place (MISC is not a product type). The prediction is the set
of ``(surface, type)`` over the project's entities: each canonical name and each
alias. Micro precision/recall/F1 over the 216 documents are printed for the
project's pipeline and, for comparison, for spaCy's raw output on the same texts.

The corpus is for measuring only: nothing in the pipeline is tuned on it.

    .venv/bin/python bench/entities_conll.py [--corpus PATH] [--backend auto|rules]
        [--half odd|even] [--errors FILE]

``--half`` scores the documents of odd or even index only (0-based, in file order):
develop on one half, confirm on the other. ``--errors FILE`` writes every missed and
spurious pair with its document and the *cause in the pipeline* (see
:func:`error_report`), and prints the count of each cause.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "conll2003" / "eng.testa"
GOLD_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}

sys.path.insert(0, str(ROOT / "plugins"))


@dataclass(frozen=True)
class Doc:
    sentences: tuple[tuple[str, ...], ...]
    gold: frozenset[tuple[str, str]]
    misc: frozenset[str] = frozenset()
    """Surfaces gold labels MISC (nationalities, events, works): read by the error report."""

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
    misc: set[str] = set()
    tokens: list[str] = []
    tags: list[str] = []

    def end_sentence() -> None:
        if tokens:
            sentences.append(tuple(tokens))
            for surface, label in _spans(tokens, tags):
                if label in GOLD_TYPES:
                    gold.add((surface, GOLD_TYPES[label]))
                elif label == "MISC":
                    misc.add(surface)
            tokens.clear()
            tags.clear()

    def end_doc() -> None:
        end_sentence()
        if sentences:
            docs.append(Doc(tuple(sentences), frozenset(gold), frozenset(misc)))
        sentences.clear()
        gold.clear()
        misc.clear()

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
    result = resolve_corpus([(day, [(e.type, e.name) for e in ents]) for ents in found],
                            cued=[[e.name for e in ents if e.cued] for ents in found])
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


# --- error analysis: what in our pipeline lost or added each pair ----------------------

def _ablations() -> list[tuple[str, Any, str, Any]]:
    """``(cause, module, attribute, stand-in)``: each stage of the per-article pipeline
    that can drop, retype or rename a name, in pipeline order, with a stand-in that
    turns it off. A missed pair that comes back when one stage is off was lost *there*."""
    from news_digest.enrich import canonical, cues, entities, filters, gazetteer, things
    from news_digest.vocab.registry import Registry

    def no_other(pairs, *args, **kwargs):  # the "other" votes (PRODUCT, EVENT, …) unseen
        return canonical.canonicalize([(m, w) for m, w in pairs if m.type != "other"],
                                      *args, **kwargs)

    def all_confirmed(pairs, *args, **kwargs):  # all-caps mentions kept like the others
        return canonical.canonicalize([(replace(m, tentative=False), w) for m, w in pairs],
                                      *args, **kwargs)

    return [
        ("the registry (entities.yml)", entities, "_registry", lambda ctx: Registry()),
        ("gazetteer.join_state", gazetteer, "join_state", lambda text, ms: list(ms)),
        ("cues.cut_from_longer", cues, "cut_from_longer", lambda *a: False),
        ("cues.ends_longer", cues, "ends_longer", lambda *a: False),
        ("cues.part_of_title", cues, "part_of_title", lambda *a: False),
        ("cues.portfolio", cues, "portfolio", lambda *a: False),
        ("cues.titled_person", cues, "titled_person", lambda *a: None),
        ("things.thing_votes", things, "thing_votes", lambda text, ms: list(ms)),
        ("entities._renamed (placenames)", entities, "_renamed",
         lambda text, m, reg, american=False: m),
        ("entities._propagate (all-caps/surname search)", entities, "_propagate",
         lambda parts, found: [[] for _ in parts]),
        ("entities.dateline_places", entities, "dateline_places", lambda d: []),
        ("canonical.split_possessive", canonical, "split_possessive",
         lambda text, label: [(text, label)]),
        ("filters.tidy", filters, "tidy", lambda text, etype=None: text),
        ("filters.split_joined", filters, "split_joined", lambda text, etype: [text]),
        ("canonical: the article's lower-case words", entities, "lower_words",
         lambda texts: frozenset()),
        ("filters.rejected", filters, "rejected", lambda *a, **k: None),
        ("filters.common_phrase", filters, "common_phrase", lambda *a: False),
        ("canonical._acronyms_of_non_entities", canonical, "_acronyms_of_non_entities",
         lambda ms: frozenset()),
        ("cues.spelled_out_in_lower_case", cues, "spelled_out_in_lower_case",
         lambda *a: False),
        ("canonical: all-caps mentions not confirmed", entities, "canonicalize",
         all_confirmed),
        ("canonical: 'other' votes (PRODUCT, EVENT… labels)", entities, "canonicalize",
         no_other),
        ("canonical._merge (one type per merged group)", canonical, "_merge",
         lambda groups: [groups[n] for n in sorted(groups)]),
        ("canonical._qualify_generic", canonical, "_qualify_generic", lambda ents, reg: ents),
    ]


def _predicted(found) -> list[Pairs]:
    return [frozenset((n, e.type) for e in ents for n in (e.name, *e.aliases)) for ents in found]


def _raw_proposals(texts_of: list[list[str]], mentions_of: list[list]) -> list[dict[str, Counter]]:
    """Per document: each span spaCy proposed, as written and cut at figures (what
    :func:`canonical.split_mention` does), with the count of each label."""
    from news_digest.enrich.canonical import split_mention

    out = []
    for texts, mentions in zip(texts_of, mentions_of, strict=True):
        seen: dict[str, Counter] = defaultdict(Counter)
        for text, ms in zip(texts, mentions, strict=True):
            for m in ms:
                written = text[m.start:m.start + len(m.text)]
                for piece in {written, *split_mention(written)}:
                    seen[piece][m.type or "none"] += 1
        out.append(seen)
    return out


def error_report(docs: list[Doc], index: list[int], drafts: list, ctx, path: Path) -> None:
    """Write every missed and spurious pair of ``docs`` with its cause to ``path``, and
    print the count of each cause.

    A miss is, in this order: *lost at a stage* (it comes back when that stage alone is
    off, :func:`_ablations`; "typed wrong by" when the name was there with another
    type; "…, and typed wrong when kept" when it comes back with another type only);
    *typed wrong* otherwise (split by whether spaCy's own labels of that surface
    in the document were mostly right); *proposed, lost* (spaCy gave exactly that span,
    no one stage explains it); *span boundary* (spaCy's span was longer or shorter);
    *never proposed*. A false positive is *typed wrong* (gold has the surface with
    another type), *MISC in gold*, *added by* a stage (it goes when the stage is off),
    *not as written* (a canonical name the text does not write), *span boundary*, or
    *not a gold entity*.
    """
    from unittest import mock

    from news_digest.enrich import entities, ner

    cache: dict[tuple[str, ...], list] = {}
    real = ner.spacy_mentions

    def cached(nlp, texts, batch_size=32):
        k = tuple(texts)
        if k not in cache:
            cache[k] = real(nlp, texts, batch_size)
        return cache[k]

    with mock.patch.object(ner, "spacy_mentions", cached):
        base = _predicted(entities.draft_entities(drafts, ctx))
        off: dict[str, list[Pairs]] = {}
        for cause, module, attr, stand_in in _ablations():
            with mock.patch.object(module, attr, stand_in):
                off[cause] = _predicted(entities.draft_entities(drafts, ctx))
    (texts_all, found_all), = cache.items()
    texts_of, mentions_of, at = [], [], 0
    for d in drafts:
        n = len(entities._capped_parts(d, ctx.settings.ner_max_chars)[0])
        texts_of.append(list(texts_all[at:at + n]))
        mentions_of.append(found_all[at:at + n])
        at += n
    raw = _raw_proposals(texts_of, mentions_of)

    rows: list[tuple[str, int, str, str, str, str]] = []
    for i, (doc, pred) in enumerate(zip(docs, base, strict=True)):
        text = " " + " ".join(" ".join(s) for s in doc.sentences) + " "
        names = {n: t for n, t in pred}
        gold_names = {n: t for n, t in doc.gold}
        for s, t in sorted(doc.gold - pred):
            other_type = sorted(x for n, x in pred if n == s)
            labels = raw[i].get(s, Counter())
            back = [c for c in off if (s, t) in off[c][i]]
            back_any = [c for c in off if any(n == s for n, _ in off[c][i])]
            if back:
                cause = ("typed wrong by " if other_type else "dropped by ") + back[0]
            elif back_any and not other_type:
                cause = "dropped by " + back_any[0] + ", and typed wrong when kept"
            elif other_type:
                top = labels.most_common(1)[0][0] if labels else "none"
                cause = ("typed wrong: spaCy's label right, the article's vote not"
                         if top == t else "typed wrong: spaCy's label")
            elif labels:
                cause = ("spaCy: product/event/work label" if set(labels) == {"other"}
                         else "proposed, lost (no one stage)")
            elif any(s in r or r in s for r in raw[i] if len(r) >= 2):
                cause = "span boundary (spaCy's span longer or shorter)"
            else:
                cause = "never proposed by spaCy"
            detail = ",".join(f"{k}:{v}" for k, v in sorted(labels.items()))
            if other_type:
                detail += f" predicted {'/'.join(other_type)}"
            rows.append(("miss", index[i], s, t, cause, detail))
        for s, t in sorted(pred - doc.gold):
            gone = [c for c in off if (s, t) not in off[c][i]]
            if s in gold_names:
                cause = "typed wrong (gold " + gold_names[s] + ")"
            elif s in doc.misc:
                cause = "MISC in gold"
            elif gone:
                cause = "added by " + gone[0]
            elif f" {s} " not in text:
                cause = "not as written (canonical name)"
            elif any(s in g or g in s for g in gold_names | dict.fromkeys(doc.misc)):
                cause = "span boundary"
            else:
                cause = "not a gold entity"
            rows.append(("fp", index[i], s, t, cause, names.get(s, "")))
    path.write_text("kind\tdoc\tsurface\ttype\tcause\tdetail\n" + "".join(
        "\t".join(map(str, r)) + "\n" for r in rows), "utf-8")
    for kind in ("miss", "fp"):
        counts = Counter(r[4] for r in rows if r[0] == kind)
        print(f"{kind}: {sum(counts.values())} pairs")
        for cause, n in counts.most_common():
            print(f"  {n:5d}  {cause}")
    print("stage off → tp/fp change (these documents):")
    p0 = sum(len(doc.gold & pred) for doc, pred in zip(docs, base, strict=True))
    f0 = sum(len(pred - doc.gold) for doc, pred in zip(docs, base, strict=True))
    for cause, preds in off.items():
        tp = sum(len(doc.gold & pred) for doc, pred in zip(docs, preds, strict=True))
        fp = sum(len(pred - doc.gold) for doc, pred in zip(docs, preds, strict=True))
        print(f"  {tp - p0:+5d} tp {fp - f0:+5d} fp  {cause}")
    print(f"errors written to {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="path to eng.testa")
    parser.add_argument("--backend", default="auto", choices=("auto", "spacy", "rules"))
    parser.add_argument("--half", choices=("odd", "even"),
                        help="score the documents of odd or even index only (0-based)")
    parser.add_argument("--errors", type=Path, metavar="FILE",
                        help="write each missed and spurious pair with its cause (TSV), "
                             "and print the count of each cause")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"skipped: CoNLL-2003 not found at {args.corpus}")
        return 0

    from news_digest.enrich import ner
    from news_digest.enrich.entities import backend_name, draft_entities
    from news_digest.enrich.pipeline import EnrichContext
    from news_digest.settings import Settings

    docs = read_conll(args.corpus)
    index = list(range(len(docs)))
    if args.half:
        index = [i for i in index if i % 2 == (args.half == "odd")]
        docs = [docs[i] for i in index]
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
    half = f" ({args.half} half)" if args.half else ""
    print(f"CoNLL-2003 {args.corpus.name}{half}: {len(docs)} docs, {words} words, "
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
        error_report(docs, index, drafts, ctx, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

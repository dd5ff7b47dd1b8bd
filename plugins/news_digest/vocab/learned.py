"""What ingest learns about entities, kept apart from the curator's registry.

Ingest used to append what it learned to ``data/entities.yml``, the file a curator
edits, and every later build trusted it: one article's "US" plus any two capitalised
words starting with U and S made "Universal Studio" an alias of the United States
for good. Learned knowledge now lives in ``data/entities.learned.yml``, a
machine-managed file, and only counts when it has evidence:

* A learned alias is a *pair* of surface forms that one article's entity grouped
  together, kept only when the two are related on their face and in the text:
  a *spelling variant* ("Qassim Suleidmani" / "Qassem Soleimani": every word close,
  in order), or an *acronym* the text itself spells out ("World Tourism Organisation
  (WTO)", "WTO, the World Tourism Organisation"). Both forms must occur in the
  article as written, so a span NER glued across a possessive ("Blair's Labour") is
  never learned.
* A name the registry already knows (an alias or acronym such as US, UK, WTO) is
  never taken as the acronym of a different name; two forms claimed by different
  known entities are never paired.
* A demonym or plural ("South Africans" beside "South Africa") is a derived word,
  not a spelling variant, so it is not an alias.
* A pair needs evidence from ``min_articles`` (default 2) different articles before
  the registry uses it; until then it waits in the file, with its evidence.

Pairs join into entities (a union of related forms); a component that contains a
curated entity's name or alias belongs to that entity, and the curator's file always
wins where the two disagree. The file is regenerated deterministically: pairs,
evidence and names are sorted, evidence is capped per pair, and the same articles
give the same bytes whatever order they were ingested in.

``forget`` drops a learned name and keeps it from being learned again (the
``forgotten`` list in the same file); ``accept`` copies a learned entity into the
curator's file (see :mod:`news_digest.vocab.edit`).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from news_digest.errors import DataFileError
from news_digest.frontmatter import FastLoader
from news_digest.model import ENTITY_TYPES
from news_digest.sets import find_root
from news_digest.text import atomic_write
from news_digest.vocab.evidence import ACRONYM, MIDDLE_INITIAL, Evidence, Pair, core_words
from news_digest.vocab.registry import key

if TYPE_CHECKING:
    from news_digest.vocab.registry import Entry, Registry

log = logging.getLogger(__name__)

LEARNED_FILE = "entities.learned.yml"
"""File name of the learned registry, beside the curator's ``entities.yml``."""

EVIDENCE_KEPT = 3
"""Evidence items kept per pair: enough to judge it; the first by article path."""

MIGRATED = "migrated"
"""Reason of a pair moved out of an old curator file: kept for review, not used until
new articles give it evidence."""

HEADER = """\
# Learned by news-digest ingest from the articles it read. Machine-managed: it is
# regenerated on every ingest, so edits here are lost. To change what the site
# believes, edit entities.yml (yours, it always wins) or use
#   news-digest entities learned | accept NAME | forget NAME
"""

@dataclass(frozen=True)
class State:
    """The learned file: pairs with evidence, and the names a curator told us to forget."""

    pairs: tuple[Pair, ...] = ()
    forgotten: tuple[str, ...] = ()
    min_articles: int = 2
    """Articles a pair needs before the registry uses it (``NEWS_DIGEST_LEARN_MIN_ARTICLES``
    when the file was last written), stored so every reader agrees without settings."""


def merge(state: State, new: Iterable[Pair], keep: int = EVIDENCE_KEPT) -> State:
    """``state`` with ``new`` evidence added: per pair, the first ``keep`` articles by path.

    Union then sort then cut, so the result does not depend on ingest order, and an
    article ingested twice is counted once.
    """
    forgotten = {key(f) for f in state.forgotten}
    pairs: dict[tuple[str, str], Pair] = {p.forms: p for p in state.pairs}
    for pair in new:
        if any(key(f) in forgotten for f in pair.forms):
            continue
        old = pairs.get(pair.forms)
        evidence = {e.article: e for e in pair.evidence}
        reason = pair.reason
        if old is not None:
            evidence = {**evidence, **{e.article: e for e in old.evidence}}
            reason = old.reason if old.reason != MIGRATED else pair.reason
        pairs[pair.forms] = Pair(pair.forms, reason,
                                 tuple(evidence[a] for a in sorted(evidence)[:keep]))
    return State(tuple(pairs[k] for k in sorted(pairs)), state.forgotten, state.min_articles)


class LearnedError(DataFileError):
    """The learned file is damaged; the message names the file and the problem."""


def load_state(path: Path, strict: bool = False) -> State:
    """The learned file, or an empty state when there is none.

    A damaged file is reported and read as empty, so a build still runs on the
    curator's registry; with ``strict`` (ingest, before it writes) it raises
    :class:`LearnedError` instead, so the file, and the names a curator told us to
    forget, are never overwritten by a fresh start.
    """
    if not path.exists():
        return State()
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=FastLoader) or {}
        pairs = []
        for item in data.get("pairs") or ():
            forms = tuple(str(f) for f in item["forms"])
            if len(forms) != 2:
                raise ValueError(f"pair {forms!r} must have two forms")
            evidence = tuple(Evidence(str(e["article"]), str(e["name"]), str(e["type"]),
                                      str(e.get("sentence") or ""))
                             for e in item.get("evidence") or ())
            pairs.append(Pair(forms, str(item["reason"]), evidence))  # type: ignore[arg-type]
        forgotten = tuple(str(f) for f in data.get("forgotten") or ())
        min_articles = int(data.get("min_articles", 2))
    except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        if strict:
            raise LearnedError(f"{path}: damaged ({exc}); fix or delete it to relearn") \
                from None
        log.warning("%s: cannot read the learned entities (%s); ignoring them", path, exc)
        return State()
    return State(tuple(sorted(pairs, key=lambda p: p.forms)), tuple(sorted(set(forgotten))),
                 min_articles)


def dump_state(state: State) -> str:
    """The file's text: a header, then sorted YAML (same state → same bytes)."""
    data: dict[str, Any] = {
        "version": 1, "min_articles": state.min_articles,
        "forgotten": sorted(set(state.forgotten)), "pairs": [
        {"forms": list(p.forms), "reason": p.reason,
         "evidence": [{"article": e.article, "name": e.name, "type": e.type,
                       "sentence": e.sentence} for e in p.evidence]}
        for p in sorted(state.pairs, key=lambda p: p.forms)]}
    return HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def save_state(path: Path, state: State) -> bool:
    """Write the learned file atomically when its text changed; True if it did."""
    return atomic_write(path, dump_state(state))


# --- from pairs to entities -----------------------------------------------------------------

@dataclass(frozen=True)
class LearnedAlias:
    """One learned alias as a reviewer sees it: which entity, why, and the evidence."""

    name: str
    type: str
    alias: str
    reason: str
    evidence: tuple[Evidence, ...]
    active: bool
    """True when it has evidence from enough articles, so the registry uses it."""
    curated: bool
    """True when ``name`` is the curator's entity (the alias is added to it)."""


def resolve(state: State, curated: Registry, active_only: bool = True) -> list[LearnedAlias]:
    """Learned aliases, grouped into entities; curated names anchor their component.

    Pairs are joined with a union-find in sorted order; a join that would put two
    curated entities (or a form a curated entity claims and another one) together is
    refused, so the curator's distinctions hold. An unanchored entity is named by the
    form articles most often chose as its name, its type by the evidence's vote.
    """
    forgotten = {key(f) for f in state.forgotten}
    min_articles = state.min_articles
    use = [p for p in state.pairs if not any(key(f) in forgotten for f in p.forms)
           and (not active_only or (p.reason != MIGRATED and p.articles >= min_articles))]
    parent: dict[str, str] = {}
    anchor: dict[str, Entry] = {}
    forms: dict[str, str] = {}  # key → form as written

    def find(k: str) -> str:
        parent.setdefault(k, k)
        return find_root(parent, k)

    # an acronym that the evidence pairs with two different names is ambiguous: none
    shorts = Counter(key(f) for p in use if p.reason == "acronym" for f in p.forms
                     if ACRONYM.fullmatch(f))
    use = [p for p in use if p.reason != "acronym"
           or not any(shorts[key(f)] > 1 for f in p.forms if ACRONYM.fullmatch(f))]
    kept: list[Pair] = []
    for pair in use:
        ka, kb = (key(f) for f in pair.forms)
        for k, f in ((ka, pair.forms[0]), (kb, pair.forms[1])):
            forms.setdefault(k, f)
            entry = curated.entry(f)
            if entry is not None and find(k) not in anchor:
                anchor[find(k)] = entry
        ra, rb = find(ka), find(kb)
        if ra == rb:
            kept.append(pair)
            continue
        aa, ab = anchor.get(ra), anchor.get(rb)
        if aa is not None and ab is not None and aa.name != ab.name:
            continue
        keep, drop = sorted((ra, rb))
        parent[drop] = keep
        if keep not in anchor and drop in anchor:
            anchor[keep] = anchor[drop]
        kept.append(pair)
    members: dict[str, list[Pair]] = {}
    for pair in kept:
        members.setdefault(find(key(pair.forms[0])), []).append(pair)
    out: list[LearnedAlias] = []
    for root in sorted(members):
        pairs = members[root]
        entry = anchor.get(root)
        names: Counter[str] = Counter()
        types: Counter[str] = Counter()
        for pair in pairs:
            for e in pair.evidence:
                if e.name in pair.forms:
                    names[e.name] += 1
                types[e.type] += 1
        every = sorted({f for p in pairs for f in p.forms}, key=lambda f: (key(f), f))
        if entry is not None:
            name, etype = entry.name, entry.type
        else:
            name = min(every, key=lambda f: (-names[f], -len(core_words(f)), f))
            etype = min(types or Counter({"organization": 1}),
                        key=lambda t: (-types[t], ENTITY_TYPES.index(t)
                                       if t in ENTITY_TYPES else len(ENTITY_TYPES)))
            if any(MIDDLE_INITIAL.fullmatch(f) for f in every):
                etype = "person"  # "Brian T. Carroll": a middle initial marks a person
        by_form: dict[str, Pair] = {}
        for pair in pairs:
            for f in pair.forms:
                if key(f) != key(name) and curated.entry(f) is None:
                    best = by_form.get(f)
                    if best is None or pair.articles > best.articles:
                        by_form[f] = pair
        for alias in sorted(by_form, key=lambda f: (key(f), f)):
            pair = by_form[alias]
            out.append(LearnedAlias(name, etype, alias, pair.reason, pair.evidence,
                                    pair.reason != MIGRATED and pair.articles >= min_articles,
                                    entry is not None))
    return out


def entries(aliases: Sequence[LearnedAlias]) -> list[tuple[str, str, tuple[str, ...]]]:
    """``(name, type, aliases)`` per learned entity, sorted: what the registry merges in."""
    grouped: dict[str, tuple[str, list[str]]] = {}
    for a in aliases:
        grouped.setdefault(a.name, (a.type, []))[1].append(a.alias)
    return [(name, t, tuple(al)) for name, (t, al) in sorted(grouped.items())]


def learned_path(curated_path: Path) -> Path:
    """``entities.learned.yml`` beside the curator's file."""
    return curated_path.with_name(LEARNED_FILE)


def learned_aliases(data_dir: Path, include_pending: bool = False) -> list[LearnedAlias]:
    """What ingest learned for the site in ``data_dir``, with evidence, for review.

    Active aliases (used by the registry) by default; ``include_pending`` adds those
    still waiting for a second article and those migrated from an old curator file.
    """
    from news_digest.vocab.registry import DEFAULT_REGISTRY, load_curated

    curated_file = Path(data_dir) / DEFAULT_REGISTRY
    state = load_state(learned_path(curated_file))
    return resolve(state, load_curated(curated_file), active_only=not include_pending)


# --- migrating an old curator file ------------------------------------------------------------


def forget(data_dir: Path, name: str) -> list[str]:
    """Drop a learned entity or alias and keep it from being learned again; the forms forgotten.

    A learned entity's name forgets the entity with all its learned aliases; an alias
    forgets that alias only. A name in the curator's file is the curator's to change
    (``block``, or edit the file), so it is refused here.
    """
    from news_digest.vocab.registry import DEFAULT_REGISTRY, load_curated

    curated_file = Path(data_dir) / DEFAULT_REGISTRY
    curated = load_curated(curated_file)
    aliases = resolve(load_state(learned_path(curated_file)), curated, active_only=False)
    k = key(name)
    if curated.entry(name) is not None and not any(key(a.alias) == k for a in aliases):
        raise ValueError(f"{curated_file}: {name!r} is in your registry, not learned; "
                         "block it or edit the file")
    gone = sorted({a.alias for a in aliases if key(a.alias) == k}
                  | {f for a in aliases if key(a.name) == k and not a.curated
                     for f in (a.name, a.alias)}, key=lambda f: (key(f), f))
    if not gone:
        raise ValueError(f"{learned_path(curated_file)}: {name!r} is not a learned entity or "
                         "alias; `news-digest entities learned --all` lists them")
    target = learned_path(curated_file)
    state = load_state(target, strict=True)
    drop = {key(f) for f in gone}
    save_state(target, State(tuple(p for p in state.pairs
                                   if not any(key(f) in drop for f in p.forms)),
                             tuple(sorted({*state.forgotten, *gone})), state.min_articles))
    return gone

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
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from rapidfuzz import fuzz

from news_digest.model import ENTITY_TYPES

if TYPE_CHECKING:
    from news_digest.model import Article
    from news_digest.vocab.registry import Entry, Registry

log = logging.getLogger(__name__)

LEARNED_FILE = "entities.learned.yml"
"""File name of the learned registry, beside the curator's ``entities.yml``."""

EVIDENCE_KEPT = 3
"""Evidence items kept per pair: enough to judge it; the first by article path."""

SENTENCE_CHARS = 300
"""Evidence sentences are cut to about this many characters."""

MIGRATED = "migrated"
"""Reason of a pair moved out of an old curator file: kept for review, not used until
new articles give it evidence."""

HEADER = """\
# Learned by news-digest ingest from the articles it read. Machine-managed: it is
# regenerated on every ingest, so edits here are lost. To change what the site
# believes, edit entities.yml (yours, it always wins) or use
#   news-digest entities learned | accept NAME | forget NAME
"""

_LINK_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "al", "&",
                         # name particles: "Hamza bin Laden", "Ursula von der Leyen"
                         "bin", "ibn", "bint", "van", "von", "der", "den", "da", "di", "del",
                         "dos", "das", "el", "ter", "y"})
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
_MIDDLE_INITIAL = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.)+ [A-Z][\w'’-]+")
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s?\s+\w")


def _key(surface: str) -> str:
    from news_digest.vocab.registry import key

    return key(surface)


# --- the evidence rules -----------------------------------------------------------------

def _name_like(form: str) -> bool:
    """Every word capitalised (or a link word inside): "a United States" and "Grand Masters
    and" are a name with a stray word, not a spelling of it."""
    words = form.replace("-", " ").split()
    if not words or any(not w[:1].isupper() and not w[:1].isdigit() for w in (words[0], words[-1])):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _LINK_WORDS for w in words)


def _core(form: str) -> list[str]:
    """The words of a name that identify it: no middle initials, no link words.

    Only a single letter *inside* a name is an initial ("Donald J. Trump"); a last one
    is part of the name ("Pech-de-l'Azé I").
    """
    words = [w for w in _key(form).split() if w]
    core = [w for i, w in enumerate(words) if w not in _LINK_WORDS
            and (len(w) > 1 or i in (0, len(words) - 1))]
    return core or words


def derived(a: str, b: str) -> bool:
    """True when one form is the other plus a suffix: a demonym or a plural.

    "South Africans"/"South Africa", "Koreans"/"Korea", "Israeli"/"Israel": a word
    that extends another word is a different word (the people, not the place), even
    though the two spell alike.
    """
    ca, cb = _core(a), _core(b)
    if len(ca) != len(cb):
        return False
    return any(x != y and (x.startswith(y) or y.startswith(x)) for x, y in zip(ca, cb, strict=True))


def variants(a: str, b: str) -> bool:
    """Spelling variants of one multi-word name: every word close (rapidfuzz ≥ 80), in order.

    Words shorter than 4 letters must match exactly ("Jon"/"John" are two people);
    middle initials and link words are ignored ("Donald J. Trump" = "Donald Trump").
    """
    ca, cb = _core(a), _core(b)
    if len(ca) < 2 or len(ca) != len(cb) or derived(a, b) or not (
            _name_like(a) and _name_like(b)):
        return False
    return all(x == y or (min(len(x), len(y)) >= 4 and x[0] == y[0] and fuzz.ratio(x, y) >= 80)
               for x, y in zip(ca, cb, strict=True))


def initials(form: str) -> str:
    """The acronym a multi-word name would have: "World Trade Organization" → "WTO"."""
    words = [w for w in re.split(r"[\s-]+", form) if w and w.lower() not in _LINK_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


def _pattern(form: str) -> str:
    return r"\s+".join(re.escape(w) for w in form.split())


def paired_in_text(short: str, long: str, text: str) -> str | None:
    """The sentence where the text spells out the acronym, else ``None``.

    Accepted pairings: "Long Name (LN)", "LN (Long Name)", "LN, the Long Name" and
    "Long Name, or LN,". Anything looser is a guess from initials.
    """
    s, lg = _pattern(short), _pattern(long)
    for rx in (rf"{lg}\s*\(\s*(?:the\s+)?{s}\s*\)", rf"{s}\s*\(\s*(?:the\s+)?{lg}\s*\)",
               rf"\b{s},\s+(?:the\s+)?{lg}\b", rf"{lg},?\s+or\s+{s}\b"):
        match = re.search(rx, text)
        if match:
            return _sentence_at(text, match.start())
    return None


def _sentence_at(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    start = start + 1 if start >= 0 else 0
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    sentence = " ".join(text[start:end].split())
    if len(sentence) > SENTENCE_CHARS:
        sentence = sentence[:SENTENCE_CHARS].rsplit(" ", 1)[0] + " …"
    return sentence


def find_sentence(form: str, text: str) -> str | None:
    """The first sentence of ``text`` where ``form`` occurs as written (whole words)."""
    match = re.search(rf"(?<!\w){_pattern(form)}(?!\w)", text)
    return _sentence_at(text, match.start()) if match else None


def relation(a: str, b: str, text: str, known: Registry) -> tuple[str, str] | None:
    """``(reason, sentence)`` when ``a`` and ``b`` name one thing by the evidence rules.

    ``reason`` is ``variant`` or ``acronym``; ``None`` means no evidence, and the pair
    is not learned. ``known`` is the registry as it stands (curated and learned).
    """
    if _key(a) == _key(b):
        return None
    if any(_POSSESSIVE_INSIDE.search(f) for f in (a, b)):
        return None  # "Blair's Labour Party" is two names
    ea, eb = known.entry(a), known.entry(b)
    if ea is not None and eb is not None:
        return None  # both known: one entry (nothing new), or two the curator keeps apart
    if variants(a, b):
        # the new forms must be ones the article actually uses, as written
        found = [find_sentence(f, text) for f, e in ((a, ea), (b, eb)) if e is None]
        if not found or any(s is None for s in found):
            return None
        return "variant", str(found[-1])
    for short, long in ((a, b), (b, a)):
        if _ACRONYM.fullmatch(short) and initials(long) == short.replace("&", ""):
            if known.entry(short) is not None:
                return None  # US, UK, WTO already name something: never a new expansion
            sentence = paired_in_text(short, long, text)
            return ("acronym", sentence) if sentence else None
    return None


# --- evidence from articles ----------------------------------------------------------------

@dataclass(frozen=True)
class Evidence:
    """Where a pair was seen: the article (seed path), the entity's name there, the sentence."""

    article: str
    name: str
    type: str
    sentence: str


@dataclass(frozen=True)
class Pair:
    """Two surface forms of one entity, with why and where; sorted by key, so unique."""

    forms: tuple[str, str]
    reason: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def articles(self) -> int:
        return len({e.article for e in self.evidence})


def article_text(article: Article) -> str:
    """Every text of an article NER read, one part per line."""
    d = article.draft
    return "\n".join(p for p in (d.title, d.dek, d.caption, *d.paragraphs) if p)


def candidates(articles: Iterable[Article], known: Registry) -> list[Pair]:
    """The pairs articles give evidence for, one evidence item per article and pair.

    Each alias of an article's entity is paired with the first other form of that
    entity (its name first) it is directly related to; a lone given name or surname of
    a person holds in one article only, so it is never learned.
    """
    found: dict[tuple[str, str], tuple[str, dict[str, Evidence]]] = {}
    for article in articles:
        text = article_text(article)
        for entity in article.entities:
            forms = [entity.name, *entity.aliases]
            for alias in entity.aliases:
                if entity.type == "person" and len(alias.split()) < 2:
                    continue
                for partner in forms:
                    if partner == alias or (entity.type == "person" and len(partner.split()) < 2):
                        continue
                    why = relation(partner, alias, text, known)
                    if why is None:
                        continue
                    pair = tuple(sorted((partner, alias), key=lambda f: (_key(f), f)))
                    _, items = found.setdefault(pair, (why[0], {}))  # type: ignore[arg-type]
                    items.setdefault(article.source.seed, Evidence(
                        article.source.seed, entity.name, entity.type, why[1]))
                    break
    return [Pair(forms, reason, tuple(items[a] for a in sorted(items)))
            for forms, (reason, items) in sorted(found.items())]


# --- the learned state and its file -------------------------------------------------------

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
    forgotten = {_key(f) for f in state.forgotten}
    pairs: dict[tuple[str, str], Pair] = {p.forms: p for p in state.pairs}
    for pair in new:
        if any(_key(f) in forgotten for f in pair.forms):
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


class LearnedError(ValueError):
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
        data = yaml.safe_load(path.read_text("utf-8")) or {}
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
    text = dump_state(state)
    if path.exists() and path.read_text("utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(path)
    return True


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
    forgotten = {_key(f) for f in state.forgotten}
    min_articles = state.min_articles
    use = [p for p in state.pairs if not any(_key(f) in forgotten for f in p.forms)
           and (not active_only or (p.reason != MIGRATED and p.articles >= min_articles))]
    parent: dict[str, str] = {}
    anchor: dict[str, Entry] = {}
    forms: dict[str, str] = {}  # key → form as written

    def find(k: str) -> str:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    # an acronym that the evidence pairs with two different names is ambiguous: none
    shorts = Counter(_key(f) for p in use if p.reason == "acronym" for f in p.forms
                     if _ACRONYM.fullmatch(f))
    use = [p for p in use if p.reason != "acronym"
           or not any(shorts[_key(f)] > 1 for f in p.forms if _ACRONYM.fullmatch(f))]
    kept: list[Pair] = []
    for pair in use:
        ka, kb = (_key(f) for f in pair.forms)
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
        members.setdefault(find(_key(pair.forms[0])), []).append(pair)
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
        every = sorted({f for p in pairs for f in p.forms}, key=lambda f: (_key(f), f))
        if entry is not None:
            name, etype = entry.name, entry.type
        else:
            name = min(every, key=lambda f: (-names[f], -len(_core(f)), f))
            etype = min(types or Counter({"organization": 1}),
                        key=lambda t: (-types[t], ENTITY_TYPES.index(t)
                                       if t in ENTITY_TYPES else len(ENTITY_TYPES)))
            if any(_MIDDLE_INITIAL.fullmatch(f) for f in every):
                etype = "person"  # "Brian T. Carroll": a middle initial marks a person
        by_form: dict[str, Pair] = {}
        for pair in pairs:
            for f in pair.forms:
                if _key(f) != _key(name) and curated.entry(f) is None:
                    best = by_form.get(f)
                    if best is None or pair.articles > best.articles:
                        by_form[f] = pair
        for alias in sorted(by_form, key=lambda f: (_key(f), f)):
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

MARKER = "# learned by news-digest ingest; edit freely (rename, merge, block)"
"""The comment older versions of ingest wrote above the entries they appended."""

BACKUP_SUFFIX = ".before-learned"
"""The curator's file as it was before migration, kept once beside it."""


def _machine_lines(name: str, etype: str, aliases: Sequence[str]) -> list[str]:
    """An entry exactly as older ingest rendered it (``apply_changes``)."""
    from news_digest.vocab.registry import _yaml_str

    lines = [f"{_yaml_str(name)}:", f"  type: {etype}"]
    if aliases:
        lines.append(f"  aliases: [{', '.join(_yaml_str(a) for a in aliases)}]")
    return lines


def split_learned(text: str) -> tuple[str, list[tuple[str, str, tuple[str, ...]]]]:
    """The curator's text without what older ingest appended, and those entries.

    Older ingest appended new entities under :data:`MARKER`. An entry below the first
    marker is taken as learned only when its lines are exactly what ingest wrote
    (name, ``type``, one ``aliases: [...]`` line); one a curator added or touched
    (a comment, a slug, ``block``, another layout) stays. Every other line, comment
    and blank line is kept byte for byte. Aliases older ingest added *inside* curated
    entries cannot be told from the curator's own and stay too.
    """
    lines = text.splitlines(keepends=True)
    bare = [ln.rstrip("\r\n") for ln in lines]
    if MARKER not in bare:
        return text, []
    first = bare.index(MARKER)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return text, []
    starts = [k.start_mark.line for k, _ in root.value]
    drop: set[int] = set()
    moved: list[tuple[str, str, tuple[str, ...]]] = []
    for i, (_, v_node) in enumerate(root.value):
        start = starts[i]
        if start < first or not isinstance(v_node, yaml.MappingNode):
            continue
        end = starts[i + 1] if i + 1 < len(starts) else len(lines)
        while end > start + 1 and (not bare[end - 1].strip() or bare[end - 1].startswith("#")):
            end -= 1
        data = yaml.safe_load("".join(lines[start:end]))
        if not isinstance(data, dict) or len(data) != 1:
            continue
        name, value = next(iter(data.items()))
        if not isinstance(value, dict) or set(value) - {"type", "aliases"}:
            continue
        aliases = tuple(str(a) for a in value.get("aliases") or ())
        etype = str(value.get("type"))
        if bare[start:end] != _machine_lines(str(name), etype, aliases):
            continue
        drop.update(range(start, end))
        moved.append((str(name), etype, aliases))
    for i, line in enumerate(bare):
        if line == MARKER:
            drop.add(i)
            if i and not bare[i - 1].strip():
                drop.add(i - 1)  # the blank line ingest put before its marker
    kept = "".join(line for i, line in enumerate(lines) if i not in drop)
    return kept, moved


def migrate(curated_path: Path) -> int:
    """Move what older ingest appended to the curator's file into the learned file.

    Runs on every ingest and does nothing once the file carries no :data:`MARKER`.
    Moved aliases become :data:`MIGRATED` pairs: kept, listed for review and
    ``accept``-able, but not used until new articles give them evidence (they were
    learned without the evidence rules). The old file is kept once as
    ``entities.yml.before-learned``. Returns the number of entries moved.
    """
    from news_digest.vocab.registry import RegistryError, parse

    if not curated_path.exists():
        return 0
    text = curated_path.read_text("utf-8")
    if MARKER not in text:
        return 0
    kept, moved = split_learned(text)
    try:
        parse(kept, curated_path)
    except RegistryError as exc:
        log.warning("%s: cannot move learned entries out (%s); left as it is", curated_path, exc)
        return 0
    target = learned_path(curated_path)
    state = load_state(target, strict=True)
    pairs = [Pair(tuple(sorted((name, alias), key=lambda f: (_key(f), f))), MIGRATED)  # type: ignore[arg-type]
             for name, _, aliases in moved for alias in aliases if _key(alias) != _key(name)]
    state = merge(state, pairs)
    backup = curated_path.with_name(curated_path.name + BACKUP_SUFFIX)
    if not backup.exists():
        backup.write_text(text, "utf-8")
    save_state(target, state)
    tmp = curated_path.with_name(f".{curated_path.name}.tmp")
    tmp.write_text(kept, "utf-8")
    tmp.replace(curated_path)
    log.warning("%s: moved %d entries that ingest had learned to %s (old file kept as %s)",
                curated_path, len(moved), target.name, backup.name)
    return len(moved)


# --- unlearning --------------------------------------------------------------------------------

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
    k = _key(name)
    if curated.entry(name) is not None and not any(_key(a.alias) == k for a in aliases):
        raise ValueError(f"{curated_file}: {name!r} is in your registry, not learned; "
                         "block it or edit the file")
    gone = sorted({a.alias for a in aliases if _key(a.alias) == k}
                  | {f for a in aliases if _key(a.name) == k and not a.curated
                     for f in (a.name, a.alias)}, key=lambda f: (_key(f), f))
    if not gone:
        raise ValueError(f"{learned_path(curated_file)}: {name!r} is not a learned entity or "
                         "alias; `news-digest entities learned --all` lists them")
    target = learned_path(curated_file)
    state = load_state(target, strict=True)
    drop = {_key(f) for f in gone}
    save_state(target, State(tuple(p for p in state.pairs
                                   if not any(_key(f) in drop for f in p.forms)),
                             tuple(sorted({*state.forgotten, *gone})), state.min_articles))
    return gone

"""Topics and entities as first-class site objects: slugs, references and pages.

Everything here is plain data over plain functions; the Pelican side (``site.py``)
hands in articles and gets frozen records back. Slugs are assigned once for the
whole site, so two names that slugify alike ("C++", "C#", "C") still get distinct,
deterministic URLs, whatever order the posts were read in.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from news_digest.frontmatter import FastLoader
from news_digest.text import GROUP_TYPES, slugify
from news_digest.vocab import knowledge
from news_digest.vocab.evidence import derived
from news_digest.vocab.registry import key as _registry_key
from news_digest.vocab.topics_file import site_topics

log = logging.getLogger(__name__)


GROUPS: tuple[str, ...] = ("people", "organizations", "places")
"""Entity groups as front matter and URLs spell them, in display order."""

GROUP_OF_TYPE: dict[str, str] = {
    "person": "people", "people": "people", "per": "people", "persons": "people",
    "organization": "organizations", "organizations": "organizations", "org": "organizations",
    "organisation": "organizations", "organisations": "organizations",
    "place": "places", "places": "places", "gpe": "places", "loc": "places",
    "location": "places", "locations": "places",
}
"""Any spelling of an entity type (front matter key, registry type, spaCy label) → group."""

GROUP_LABELS: dict[str, str] = {
    "people": "People", "organizations": "Organizations", "places": "Places",
}



# ---------------------------------------------------------------- slugs


def assign_slugs(names: Iterable[str], preferred: Mapping[str, str] | None = None,
                 seniority: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Give every name a unique slug, deterministically.

    A name keeps its natural (or registry-preferred) slug unless another name wants
    the same one; then the senior name (first seen earliest, per ``seniority``; else by
    name) keeps it and the others get ``-2``, ``-3``…, skipping any suffix another name
    already holds naturally. Seniority keeps URLs and feed addresses stable as news
    arrives: a newcomer that slugifies alike never takes an older entity's page.
    """
    preferred = preferred or {}
    seniority = seniority or {}
    wanted: dict[str, list[str]] = defaultdict(list)
    def rank(name: str) -> tuple[bool, bool, Any, str]:
        # A slug the curator chose beats one that was only computed.
        return (name not in preferred, name not in seniority, seniority.get(name, 0), name)

    for name in sorted(set(names), key=rank):
        wanted[preferred.get(name) or slugify(name)].append(name)
    taken = set(wanted)
    result: dict[str, str] = {}
    for base in sorted(wanted):
        first, *rest = wanted[base]
        result[first] = base
        n = 2
        for name in rest:
            while f"{base}-{n}" in taken:
                n += 1
            result[name] = f"{base}-{n}"
            taken.add(result[name])
            n += 1
    return result


# ---------------------------------------------------------------- references


@dataclass(frozen=True)
class TopicRef:
    """A topic as articles and templates see it."""

    id: str
    label: str
    slug: str
    url: str
    description: str = ""

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class EntityRef:
    """An entity under its canonical name, with where its page lives."""

    name: str
    group: str
    """``people``, ``organizations`` or ``places``: the front matter key and URL segment."""
    slug: str
    url: str
    aliases: tuple[str, ...] = ()
    linked: bool = True
    """False for a name that has not earned a page: shown as plain text, no URL used."""

    @property
    def type(self) -> str:
        """Singular type, as ``model.ENTITY_TYPES`` spells it."""
        return GROUP_TYPES[self.group]

    @property
    def type_label(self) -> str:
        return GROUP_TYPES[self.group].capitalize()

    def __str__(self) -> str:
        return self.name

    def __hash__(self) -> int:
        # Equal refs share group, name and slug; hashing those alone (not the aliases
        # tuple) matters when co-mentions hash refs millions of times on a 5k site. The
        # name is needed: every plain-text (unlinked) ref has the empty slug.
        return hash((self.group, self.name, self.slug))


TOPIC_URL = "topics/{slug}/"
ENTITY_URL = "entities/{group}/{slug}/"
"""Default URL patterns (``NEWS_DIGEST_TOPIC_URL``/``_ENTITY_URL`` in ``settings.py``)."""


def topic_url(slug: str, pattern: str = TOPIC_URL) -> str:
    return pattern.format(slug=slug)


def entity_url(group: str, slug: str, pattern: str = ENTITY_URL) -> str:
    return pattern.format(group=group, slug=slug)


def label_from_id(topic_id: str) -> str:
    """``conflict-war-and-peace`` → ``Conflict war and peace``: a label for unknown ids."""
    words = re.sub(r"[-_]+", " ", topic_id).strip()
    return words[:1].upper() + words[1:] if words else topic_id


# ---------------------------------------------------------------- data files


@dataclass(frozen=True)
class TopicInfo:
    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class RegistryEntry:
    """One canonical entity of the curated registry (``<data_dir>/entities.yml``)."""

    name: str
    group: str | None = None
    slug: str | None = None
    aliases: tuple[str, ...] = ()
    block: bool = False
    moved_from: tuple[str, ...] = ()
    """``group/slug`` addresses the page had before a curator's merge or retype."""


def load_yaml(path: Path) -> Any:
    """A data file's YAML, or None when there is none; one that cannot be read is named
    in a warning and ignored: a typo in a data file should not take the site down."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=FastLoader)
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        log.warning("news-digest: cannot read %s (%s); ignoring it", path, exc)
        return None


def load_topics(data_dir: Path | None) -> dict[str, TopicInfo]:
    """Topic id → label and description, from the site's taxonomy (``vocab.topics_file``,
    tolerant: a broken ``topics.yml`` is reported and the shipped one used)."""
    return {t.id: TopicInfo(t.id, t.label, t.description)
            for t in site_topics(data_dir, strict=False).topics}


def load_registry(data_dir: Path | None,
                  last_good: Path | None = None) -> dict[str, RegistryEntry]:
    """The curated entity registry: canonical name → entry.

    Read through ingest's own loader (``vocab/knowledge.py``: the curator's file plus
    what ingest learned) so pages and ingest agree on names, aliases and blocks, and
    on the shipped default when a site has no file yet. A file that does not parse is
    named once (file, line, reason) and its last good copy (``last_good``,
    ``Settings.registry_last_good``, the copy ingest reads too) is used, else the
    shipped default: a typo must neither take the site down nor publish it with every
    curated merge, rename and block undone.
    """
    path = Path(data_dir) / "entities.yml" if data_dir is not None else None
    reg = knowledge.for_build(path, last_good, remember=True) if path is not None \
        else knowledge.load_registry(None)
    return {e.name: RegistryEntry(
        name=e.name, group=GROUP_OF_TYPE.get(str(e.type).lower()),
        slug=e.slug,
        aliases=tuple(sorted(set(e.aliases) - {e.name})), block=e.block,
        moved_from=e.moved_from)
        for e in reg.entries}


LEARNED_MARKER = "# learned by news-digest ingest"
"""The comment ingest writes above the entries it learns; curated entries are above it."""


def curated_names(data_dir: Path | None, last_good: Path | None = None) -> frozenset[str]:
    """Registry names a curator wrote (or the package shipped), not ones ingest learned.

    What ingest learns lives in ``entities.learned.yml`` (not read here); a site not yet
    migrated may still have learned entries below :data:`LEARNED_MARKER` in the
    curator's file, and those do not count either. Curated entities get a page whatever
    their story count. A broken file is read as :func:`load_registry` reads it (its last
    good copy), so a typo does not take curated pages down either.
    """
    from news_digest.vocab import registry as reg_mod

    path = Path(data_dir) / "entities.yml" if data_dir is not None else None
    reg, text = reg_mod.load_for_build(path, last_good)  # said by load_registry
    cut = next((n for n, line in enumerate(text.splitlines(), 1)
                if line.startswith(LEARNED_MARKER)), None)
    return frozenset(e.name for e in reg.entries
                     if not e.block and (cut is None or e.line < cut))


def match_key(surface: str) -> str:
    """How names are compared with registry aliases: as ingest does (``registry.key``)."""
    return _registry_key(surface)


def alias_index(registry: Mapping[str, RegistryEntry]) -> dict[str, str]:
    """Alias or name (by :func:`match_key`) → canonical name."""
    index: dict[str, str] = {}
    for name in sorted(registry):
        for alias in (name, *registry[name].aliases):
            index.setdefault(match_key(alias), name)
    return index


# ---------------------------------------------------------------- site-wide resolution


@dataclass(frozen=True)
class Vocabulary:
    """Every topic and entity of the site, with final slugs: the lookup tables."""

    topics: Mapping[str, TopicRef]
    entities: Mapping[tuple[str, str], EntityRef]
    """(group, canonical name) → ref."""
    spellings: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    """(group, canonical name) → "Also known as" on the entity's front page
    (:func:`page_aliases`). Kept off the ref: a ref is on every article page that
    names the entity, and a spelling one new article adds must not re-render them."""


def canonical(group: str, name: str, registry: Mapping[str, RegistryEntry],
              aliases: Mapping[str, str], curated: frozenset[str] | None = None
              ) -> tuple[str, str] | None:
    """(group, canonical name) for a name as written, or None when it is blocked.

    The registry's type wins over the front matter's group, as it does in ingest; with
    ``curated`` given, only a curated entry's type does: a type ingest learned from one
    article is a vote, not a verdict (the corpus-level resolution counts it).
    """
    name = " ".join(str(name).split())
    found = name if name in registry else aliases.get(match_key(name))
    if found is None:
        return group, name
    entry = registry[found]
    if entry.block:
        return None
    if curated is not None and found not in curated:
        return group, found
    return entry.group or group, found


def build_vocabulary(
    topic_ids: Iterable[str],
    entity_keys: Iterable[tuple[str, str]],
    topics_data: Mapping[str, TopicInfo],
    registry: Mapping[str, RegistryEntry],
    first_seen: Mapping[tuple[str, str], Any] | None = None,
    unlinked: frozenset[tuple[str, str]] = frozenset(),
    topic_pattern: str = TOPIC_URL,
    entity_pattern: str = ENTITY_URL,
    used: Mapping[tuple[str, str], Mapping[str, int]] | None = None,
    registry_index: Mapping[str, str] | None = None,
) -> Vocabulary:
    """Final refs for every topic id and (group, name) used by some article.

    ``first_seen`` ((group, name) → date) decides who keeps a contested slug.
    ``unlinked`` (group, name) pairs get a ref with ``linked=False`` and no slug claim,
    so a name that later earns a page takes the slug it would have had. ``used``
    ((group, name) → spelling → articles that used it) gives each entity's front page
    the spellings the articles wrote beside the registry's aliases
    (:attr:`Vocabulary.spellings`, :func:`page_aliases`); refs keep the registry's.
    ``registry_index``: :func:`alias_index` of ``registry``, when the caller has it.
    """
    first_seen = first_seen or {}
    ids = sorted(set(topic_ids))
    topic_slugs = assign_slugs(ids)
    topics = {}
    for tid in ids:
        info = topics_data.get(tid) or TopicInfo(tid, label_from_id(tid))
        slug = topic_slugs[tid]
        topics[tid] = TopicRef(tid, info.label, slug, topic_url(slug, topic_pattern),
                                 info.description)
    by_group: dict[str, set[str]] = defaultdict(set)
    for group, name in entity_keys:
        by_group[group].add(name)
    used = used or {}
    names_by_key: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for group, names_of in by_group.items():
        for name in names_of:
            names_by_key[match_key(name)].add((group, name))
    index = (registry_index if registry_index is not None else alias_index(registry)) \
        if used else {}
    entities = {}
    spellings: dict[tuple[str, str], tuple[str, ...]] = {}
    for group in GROUPS:
        every = by_group.get(group, set())
        names = {n for n in every if (group, n) not in unlinked}
        preferred = {n: registry[n].slug for n in names if n in registry and registry[n].slug}
        seniority = {n: first_seen[(group, n)] for n in names if (group, n) in first_seen}
        slugs = assign_slugs(names, preferred, seniority)
        for name in sorted(every):
            aliases = registry[name].aliases if name in registry else ()
            if name not in names:
                entities[(group, name)] = EntityRef(name, group, "", "", aliases, linked=False)
                continue
            if (group, name) in used:  # only a page shows them
                spellings[(group, name)] = page_aliases(group, name, aliases,
                                                        used[(group, name)], names_by_key, index)
            entities[(group, name)] = EntityRef(
                name, group, slugs[name], entity_url(group, slugs[name], entity_pattern), aliases)
    return Vocabulary(topics, entities, spellings)


ALIASES_SHOWN = 8
"""At most this many spellings under "Also known as": the most used, so a name written
forty ways (case slips, typos of one article) does not bury the page's facts."""


def page_aliases(group: str, name: str, registry_aliases: Sequence[str],
                 used: Mapping[str, int],
                 names_by_key: Mapping[str, set[tuple[str, str]]],
                 index: Mapping[str, str], limit: int = ALIASES_SHOWN) -> tuple[str, ...]:
    """What an entity page lists as "Also known as": the registry's aliases and the
    spellings the site's articles used for it, at most ``limit``, the most used.

    A reader who searches a spelling an article used ("Suleidmani") should find it on
    the page. Spellings are compared as the registry compares names (:func:`match_key`:
    case, dots, accents), one shown per key, the one used most. The curator's word
    wins: a registry alias is always the entity's; a spelling the registry gives to
    another entry (or blocks), or that is the name of another entity of the site, is
    left out, since listing it here would say two things are one. A part of the name
    ("Trump" of "Donald Trump", "Hunter" of "Hunter Biden", "Unity Party" of "Unity Party
    of America") is a mention, not another name, and a search for it finds the page
    by the name anyway: left out too, as is a place's name with a suffix ("Hong Konger",
    "Israeli": its people, :func:`derived`). Ties by key, so the same posts give the same
    page; shown sorted by key.
    """
    own = match_key(name)
    own_words = set(own.replace(",", " ").split())
    curated = set(registry_aliases)
    best: dict[str, tuple[int, bool, str]] = {}  # key → (articles, curated, form shown)
    total: Counter[str] = Counter()
    for form in dict.fromkeys((*registry_aliases, *sorted(used))):
        k = match_key(form)
        if not k or k == own:
            continue
        if form not in curated and (index.get(k, name) != name or
                                    names_by_key.get(k, {(group, name)}) != {(group, name)}
                                    or set(k.replace(",", " ").split()) <= own_words
                                    or (group == "places" and derived(form, name))):
            continue
        n = used.get(form, 0)
        total[k] += n
        mine = (n, form in curated, form)
        held = best.get(k)
        if held is None or (mine[0], mine[1]) > (held[0], held[1]):
            best[k] = mine
    chosen = sorted(best, key=lambda k: (-total[k], not best[k][1], k))[:limit]
    return tuple(best[k][2] for k in sorted(chosen))

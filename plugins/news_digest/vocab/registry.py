"""The entity registry: a curator-edited YAML file of canonical names and their aliases.

``data/entities.yml`` maps a canonical name to its type, slug, aliases, an optional
``block: true`` and the addresses its page had before (``moved_from``). Ingest reads it
(an alias resolves to its canonical name and type, a blocked name is dropped) but never
writes it: what ingest learns goes to
``data/entities.learned.yml`` (:mod:`news_digest.vocab.learned`), which
:func:`news_digest.vocab.knowledge.load_registry` merges in under the curator's entries.
Curator edits from the
command line (merge, rename, retype, block, accept) go through
:mod:`news_digest.vocab.edit`, which keeps comments and order.

Errors name the file, the line and what is wrong, the way MkDocs reports config errors.

A build never publishes a site with the curator's decisions undone because of one typo:
:func:`load_for_build` keeps a copy of the last file that parsed (in the content
folder's ``.news-digest/`` state, which a digest commits) and uses it while the file is
broken, saying so once; without a copy it uses the shipped default and says that.

Example::

    # Countries
    United States:
      type: place
      aliases: [U.S., US, USA, United States of America]
    Islamic Revolutionary Guard Corps:
      type: organization
      aliases:
        - IRGC
        - Revolutionary Guard
    Some Spammer:
      type: person
      block: true
    Sun:
      type: place
      moved_from: [organizations/sun]   # written by `news-digest entities retype`
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from news_digest.errors import DataFileError
from news_digest.frontmatter import FastLoader
from news_digest.model import ENTITY_TYPES, Entity
from news_digest.text import atomic_write, shown_path

log = logging.getLogger(__name__)

DEFAULT_REGISTRY = "entities.yml"
"""File name of the registry, both in the package's ``data/`` and the site's ``data_dir``."""

LAST_GOOD = "entities.last-good.yml"
"""File name of the copy of the last registry that parsed, in the content folder's
``.news-digest/`` state (``Settings.registry_last_good``)."""

_KEYS = ("type", "slug", "aliases", "block", "moved_from")

MOVED_FROM = re.compile(r"(?:people|organizations|places)/(?!\.)[^/\\\s]+")
"""A ``moved_from`` item: ``group/slug``, an address the entity's page had (the page URL
and the feed path are made from it with the site's patterns). A slug opening with a dot
(``..``) or holding a slash or backslash is refused: the build writes a file there."""



class RegistryError(DataFileError):
    """The registry file is malformed; the message names file, line and the problem."""


@lru_cache(maxsize=1 << 16)
def key(surface: str) -> str:
    """The lookup key of a surface form: case, dots, accents and spacing do not matter.

    "U.S.", "US" and "u.s" share a key, as do "Al-Asad" and "Al Asad", so a curator
    lists the variants that differ in letters, not every punctuation variant.
    """
    text = unicodedata.normalize("NFKD", surface)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace(".", "").replace("-", " ")
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class Entry:
    """One canonical entity as the curator (or ingest) wrote it."""

    name: str
    type: str
    slug: str | None
    """The curator's ``slug:``, else None (the site picks one with ``text.slugify``)."""
    aliases: tuple[str, ...] = ()
    block: bool = False
    line: int = 0
    """1-based line of the entry's name, for messages and in-place edits."""
    moved_from: tuple[str, ...] = ()
    """``group/slug`` addresses the page had before a merge, retype or moved rename: the
    build leaves a redirect page and a copy of the feed there, so links and
    subscriptions made before the curator's edit keep working."""


@dataclass(frozen=True)
class Registry:
    """A read-only snapshot of the registry; lookups by surface form are case-insensitive."""

    entries: tuple[Entry, ...] = ()
    path: Path | None = None
    _index: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)
    note: str = field(default="", compare=False)
    """Empty when the curator's file was read; else the one line that says why it was
    not and what is used instead (:func:`load_for_build`)."""

    def entry(self, surface: str) -> Entry | None:
        """The entry whose name or alias matches ``surface`` (by :func:`key`), if any."""
        return self._index.get(key(surface))

    def canonical(self, surface: str) -> tuple[str, str] | None:
        """``(canonical name, type)`` for a known name or alias, else ``None``."""
        found = self.entry(surface)
        return (found.name, found.type) if found else None

    def is_blocked(self, surface: str) -> bool:
        """True when the name (or one of its aliases) belongs to a blocked entry."""
        found = self.entry(surface)
        return bool(found and found.block)

    def __len__(self) -> int:
        return len(self.entries)


def build(entries: Iterable[Entry], path: Path | None = None) -> Registry:
    """A registry from entries, checking that no surface form is claimed twice."""
    index: dict[str, Entry] = {}
    where = str(path) if path else "<registry>"
    kept: list[Entry] = []
    for entry in entries:
        for surface in (entry.name, *entry.aliases):
            k = key(surface)
            other = index.get(k)
            if other is not None and other.name != entry.name:
                raise RegistryError(
                    f"{where}:{entry.line}: {surface!r} of {entry.name!r} is already claimed "
                    f"by {other.name!r} (line {other.line}); list it under one entity only")
            index[k] = entry
        kept.append(entry)
    return Registry(tuple(kept), path, index)


def _scalar(node: yaml.Node, where: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise RegistryError(f"{where}:{node.start_mark.line + 1}: {what} must be text")
    return str(node.value).strip()


def parse(text: str, path: Path | None = None) -> Registry:
    """Parse registry text; every error carries ``file:line``."""
    where = str(path) if path else "<registry>"
    try:
        root = yaml.compose(text, Loader=FastLoader)
    except yaml.YAMLError as exc:
        raise RegistryError(yaml_problem(exc, where)) from None
    if root is None:
        return build((), path)
    if not isinstance(root, yaml.MappingNode):
        raise RegistryError(f"{where}:{root.start_mark.line + 1}: expected a mapping of "
                            "canonical name → {type, slug, aliases, block}")
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for name_node, value_node in root.value:
        line = name_node.start_mark.line + 1
        name = _scalar(name_node, where, "an entity name")
        if name in seen:
            raise RegistryError(f"{where}:{line}: {name!r} is listed twice (first on line "
                                f"{seen[name]}); merge the two entries")
        seen[name] = line
        if not isinstance(value_node, yaml.MappingNode):
            raise RegistryError(f"{where}:{line}: {name!r} needs a mapping with at least "
                                f"'type: person|organization|place'")
        fields: dict[str, yaml.Node] = {}
        for k_node, v_node in value_node.value:
            k = str(k_node.value)
            if k not in _KEYS:
                raise RegistryError(f"{where}:{k_node.start_mark.line + 1}: unknown key {k!r} "
                                    f"under {name!r}; expected one of {', '.join(_KEYS)}")
            fields[k] = v_node
        if "type" not in fields:
            raise RegistryError(f"{where}:{line}: {name!r} has no 'type' "
                                f"(one of {', '.join(ENTITY_TYPES)})")
        etype = _scalar(fields["type"], where, "type")
        if etype not in ENTITY_TYPES:
            raise RegistryError(f"{where}:{fields['type'].start_mark.line + 1}: unknown type "
                                f"{etype!r} for {name!r}; expected one of "
                                f"{', '.join(ENTITY_TYPES)}")
        aliases: list[str] = []
        if "aliases" in fields:
            node = fields["aliases"]
            if isinstance(node, yaml.ScalarNode) and node.value == "":
                pass
            elif not isinstance(node, yaml.SequenceNode):
                raise RegistryError(f"{where}:{node.start_mark.line + 1}: aliases of {name!r} "
                                    "must be a list, e.g. [U.S., USA]")
            else:
                aliases = [_scalar(a, where, f"an alias of {name!r}") for a in node.value]
        block = False
        if "block" in fields:
            raw = fields["block"]
            value = str(raw.value).lower() if isinstance(raw, yaml.ScalarNode) else ""
            if value not in ("true", "false", "yes", "no"):
                raise RegistryError(f"{where}:{raw.start_mark.line + 1}: block of {name!r} "
                                    "must be true or false")
            block = value in ("true", "yes")
        slug = _scalar(fields["slug"], where, "slug") if "slug" in fields else None
        moved: list[str] = []
        if "moved_from" in fields:
            node = fields["moved_from"]
            items = node.value if isinstance(node, yaml.SequenceNode) else [node]
            for item in items:
                value = _scalar(item, where, f"moved_from of {name!r}").strip().strip("/")
                if not MOVED_FROM.fullmatch(value):
                    raise RegistryError(
                        f"{where}:{item.start_mark.line + 1}: moved_from of {name!r} lists "
                        f"{value!r}; expected group/slug, e.g. organizations/sun")
                moved.append(value)
        own = key(name)
        unique = tuple(dict.fromkeys(a for a in aliases if key(a) != own))
        entries.append(Entry(name, etype, slug, unique, block, line,
                             tuple(dict.fromkeys(moved))))
    return build(entries, path)


def yaml_problem(exc: yaml.YAMLError, where: str) -> str:
    """One line for a YAML syntax error: ``file:line: not valid YAML (reason)``.

    PyYAML's own text runs over four lines with ``<unicode string>`` marks; a build log
    and a terminal need one line. The line named is where the parser gave up; an
    unclosed bracket or quote is usually where its context began, so that line is named
    too.
    """
    mark = getattr(exc, "problem_mark", None)
    line = f":{mark.line + 1}" if mark is not None else ""
    problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
    context = getattr(exc, "context", None)
    start = getattr(exc, "context_mark", None)
    if context and start is not None and mark is not None and start.line != mark.line:
        problem += f", {context} that starts on line {start.line + 1}"
    elif context:
        problem += f", {context}"
    return f"{where}{line}: not valid YAML ({problem})"


def default_text() -> str:
    """The registry shipped with the package: common names and abbreviations."""
    return resources.files("news_digest").joinpath("data", DEFAULT_REGISTRY).read_text("utf-8")


def load_curated(path: Path | None) -> Registry:
    """The curator's registry alone: the site's file, or the shipped default without one."""
    if path is not None and path.exists():
        return parse(path.read_text("utf-8"), path)
    return parse(default_text(), path)


def _read(path: Path) -> str:
    """The file's text; bytes that are not UTF-8 are a :class:`RegistryError` (named by
    line), as a syntax error is, not a crash."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise RegistryError(f"{path}:{line}: not UTF-8 text (byte {exc.start}: "
                            f"{exc.reason})") from None


def load_for_build(path: Path | None, last_good: Path | None,
                   remember: bool = False) -> tuple[Registry, str]:
    """The curator's registry as ingest and the site use it, and the text it came from.

    A file that parses is used, and with ``remember`` (the main process of an ingest or
    a build, never a worker) copied to ``last_good`` when it differs from the copy. A
    file that does not parse is left as it is (it is the curator's, to fix) and the last
    good copy is used instead, else the shipped default; the registry's :attr:`~Registry.
    note` says so in one line naming the file, line and reason. Ingest and the site call
    this with the same ``last_good`` (``Settings.registry_last_good``), so both read the
    same registry: posts are not written with one set of names and shown with another.
    """
    if path is None or not path.exists():
        return parse(default_text(), path), default_text()
    try:
        text = _read(path)
        registry = parse(text, path)
    except RegistryError as exc:
        return _instead(str(exc), path, last_good)
    except OSError as exc:
        return _instead(f"{path}: cannot read it ({exc.strerror or exc})", path, last_good)
    if remember and last_good is not None:
        last_good.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(last_good, text)  # no write when the copy already holds these bytes
    return registry, text


def _instead(problem: str, path: Path, last_good: Path | None) -> tuple[Registry, str]:
    """The last good copy (else the shipped default) for a file that cannot be used."""
    if last_good is not None and last_good.is_file():
        try:
            text = _read(last_good)
            copy = parse(text, path)
        except (RegistryError, OSError):
            pass  # a damaged copy is no better than none
        else:
            when = datetime.fromtimestamp(last_good.stat().st_mtime, UTC)
            return replace(copy, note=(
                f"{problem}; using the last good copy of {when:%Y-%m-%d %H:%M} UTC "
                f"({shown_path(last_good)}) until it is fixed")), text
    return replace(parse(default_text(), path), note=(
        f"{problem}; no last good copy kept, so the shipped default registry is used "
        f"until it is fixed (the curator's entries are not applied)")), default_text()


_said: set[str] = set()


def say_once(registry: Registry) -> None:
    """Warn with the registry's :attr:`~Registry.note`, once per build.

    Ingest and the site each load the registry (several times: pages, hidden posts,
    curated names); the curator needs to read the reason once, not once per load.
    """
    if registry.note and registry.note not in _said:
        _said.add(registry.note)
        log.warning("news-digest: %s", registry.note)


def new_build() -> None:
    """Forget what :func:`say_once` said: a new build (``devserver``'s next run) says
    it again while the file is still broken."""
    _said.clear()


def pool(entities: Iterable[Entity]) -> list[Entity]:
    """One entity per name across many articles: the type by a vote weighted by mentions,
    aliases united, counts summed.

    Articles disagree (NER calls "Donald Trump" an organisation in a few of forty); the
    registry must learn what most of them say, not what sorts first.
    """
    groups: dict[str, tuple[Counter[str], Counter[str], set[str]]] = {}
    for entity in entities:
        names, types, aliases = groups.setdefault(key(entity.name), (Counter(), Counter(), set()))
        names[entity.name] += entity.count
        types[entity.type] += entity.count
        aliases.update(entity.aliases)
    pooled = []
    for names, types, aliases in groups.values():
        name = min(names, key=lambda n: (-names[n], n))
        etype = min(types, key=lambda t: (-types[t], ENTITY_TYPES.index(t)
                                          if t in ENTITY_TYPES else len(ENTITY_TYPES)))
        pooled.append(Entity(name, etype, tuple(sorted(aliases - {name})),
                             sum(names.values())))
    return pooled

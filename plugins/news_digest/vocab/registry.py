"""The entity registry: a curator-edited YAML file of canonical names and their aliases.

``data/entities.yml`` maps a canonical name to its type, slug, aliases and an optional
``block: true``. Ingest reads it (an alias resolves to its canonical name and type, a
blocked name is dropped) and appends what it learns. Curators own the file, so
learning never rewrites it: new entries are appended at the end and new aliases are
added in place on the entry's own lines, leaving every other line, comment and the
curator's order untouched. That is why this module edits lines rather than dumping
YAML (PyYAML would drop comments; ruamel.yaml is not a dependency).

Errors name the file, the line and what is wrong, the way MkDocs reports config errors.

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
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from news_digest.errors import DataFileError
from news_digest.model import ENTITY_TYPES, Entity

if TYPE_CHECKING:
    from news_digest.model import Article

DEFAULT_REGISTRY = "entities.yml"
"""File name of the registry, both in the package's ``data/`` and the site's ``data_dir``."""

_KEYS = ("type", "slug", "aliases", "block")

try:  # the C loader is several times faster on a large, learned registry
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class RegistryError(DataFileError):
    """The registry file is malformed; the message names file, line and the problem."""


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


@dataclass(frozen=True)
class Registry:
    """A read-only snapshot of the registry; lookups by surface form are case-insensitive."""

    entries: tuple[Entry, ...] = ()
    path: Path | None = None
    _index: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)

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
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise RegistryError(f"{where}{line}: not valid YAML: {exc}") from None
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
        own = key(name)
        unique = tuple(dict.fromkeys(a for a in aliases if key(a) != own))
        entries.append(Entry(name, etype, slug, unique, block, line))
    return build(entries, path)


def default_text() -> str:
    """The registry shipped with the package: common names and abbreviations."""
    return resources.files("news_digest").joinpath("data", DEFAULT_REGISTRY).read_text("utf-8")


def load_registry(path: Path | None) -> Registry:
    """Read the site's registry, or the shipped default when the site has none yet.

    Reading never writes: ingest workers call this in parallel. The main process
    seeds the site's file in :func:`save_learned`.
    """
    if path is not None and path.exists():
        return parse(path.read_text("utf-8"), path)
    return parse(default_text(), path)


@dataclass(frozen=True)
class Change:
    """One thing ingest learned: a new entity, or a new alias of a known one."""

    kind: str
    """``entity`` or ``alias``."""
    name: str
    type: str
    alias: str | None = None


def _learnable_aliases(entity: Entity) -> list[str]:
    """Aliases worth keeping across articles.

    A lone surname ("Smith") or given name merged into a full name holds within one
    article but would wrongly claim every later "Smith", so single-word aliases of
    people are not learned; acronyms and spelling variants of full names are.
    """
    if entity.type != "person":
        return list(entity.aliases)
    return [a for a in entity.aliases if len(a.split()) > 1]


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


def learn(registry: Registry, entities: Iterable[Entity], min_count: int = 2) -> list[Change]:
    """What the registry does not know yet, as changes; the registry itself is unchanged.

    New entities must have been mentioned ``min_count`` times in an article (or carry
    an alias) to be learned: a one-off NER mistake should not become a canonical name
    that every later article inherits. Output is sorted, so it is deterministic.
    """
    claimed = dict(registry._index)
    entities = pool(entities)
    new_entities: dict[str, Change] = {}
    new_aliases: dict[tuple[str, str], Change] = {}
    pending: dict[str, str] = {}  # key → canonical name of entities learned in this call
    for entity in sorted(entities, key=lambda e: (e.name, e.type)):
        known = claimed.get(key(entity.name))
        if known is not None:
            if known.block:
                continue
            target_name, target_type = known.name, known.type
        elif key(entity.name) in pending:
            target_name, target_type = pending[key(entity.name)], entity.type
        else:
            if entity.count < min_count and not entity.aliases:
                continue
            target_name, target_type = entity.name, entity.type
            new_entities[entity.name] = Change("entity", entity.name, entity.type)
            pending[key(entity.name)] = entity.name
        for alias in _learnable_aliases(entity):
            k = key(alias)
            if k in claimed or k in pending:
                continue
            pending[k] = target_name
            new_aliases[(target_name, alias)] = Change("alias", target_name, target_type, alias)
    return sorted([*new_entities.values(), *new_aliases.values()],
                  key=lambda c: (c.kind != "entity", c.name, c.alias or ""))


def _yaml_str(text: str) -> str:
    """A YAML scalar for ``text``: plain when safe, double-quoted otherwise."""
    plain = yaml.safe_dump(text, default_flow_style=True, allow_unicode=True, width=10_000)
    plain = plain.removesuffix("\n...\n").strip()
    if plain == text and not re.search(r"[\[\]{},#:&*!|>'\"%@`]", text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _alias_edits(text: str, aliases: dict[str, list[str]]) -> list[str]:
    """Lines of ``text`` with new aliases added inside their entries' own lines."""
    lines = text.splitlines()
    if not aliases:
        return lines
    root = yaml.compose(text, Loader=_Loader)
    inserts: dict[int, list[str]] = {}  # insert after 0-based line index
    replace: dict[int, str] = {}
    for name_node, value_node in root.value:
        name = str(name_node.value).strip()
        if name not in aliases:
            continue
        new = [_yaml_str(a) for a in aliases[name]]
        fields = {str(k.value): (k, v) for k, v in value_node.value}
        if "aliases" in fields and isinstance(fields["aliases"][1], yaml.SequenceNode):
            seq = fields["aliases"][1]
            if seq.flow_style and seq.start_mark.line == seq.end_mark.line:
                row = seq.end_mark.line
                line = replace.get(row, lines[row])
                col = seq.end_mark.column - 1  # the closing bracket
                sep = ", " if seq.value else ""
                replace[row] = line[:col] + sep + ", ".join(new) + line[col:]
            elif seq.value:
                last = seq.value[-1]
                first = lines[seq.value[0].start_mark.line]
                indent = first[:len(first) - len(first.lstrip())]
                inserts.setdefault(last.end_mark.line, []).extend(
                    f"{indent}- {a}" for a in new)
            else:
                raise RegistryError(f"cannot add aliases to {name!r} (line "
                                    f"{name_node.start_mark.line + 1}): unusual list layout")
        elif value_node.flow_style and value_node.start_mark.line == value_node.end_mark.line:
            row = value_node.end_mark.line
            line = replace.get(row, lines[row])
            col = value_node.end_mark.column - 1  # the closing brace
            replace[row] = line[:col] + f", aliases: [{', '.join(new)}]" + line[col:]
        else:
            first_key = value_node.value[0][0]
            indent = " " * first_key.start_mark.column
            end = min(value_node.end_mark.line, len(lines) - 1)
            while end > first_key.start_mark.line and (
                    not lines[end].strip() or lines[end].lstrip().startswith("#")
                    or not lines[end][:1].isspace()):
                end -= 1
            inserts.setdefault(end, []).append(f"{indent}aliases: [{', '.join(new)}]")
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(replace.get(i, line))
        out.extend(inserts.get(i, []))
    return out


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """Registry text with ``changes`` applied, every existing line kept as it was."""
    aliases: dict[str, list[str]] = {}
    new: dict[str, tuple[str, list[str]]] = {}
    for change in changes:
        if change.kind == "entity":
            new.setdefault(change.name, (change.type, []))
    for change in changes:
        if change.kind == "alias" and change.alias:
            if change.name in new:
                new[change.name][1].append(change.alias)
            else:
                aliases.setdefault(change.name, []).append(change.alias)
    lines = _alias_edits(text, aliases)
    if new:
        if lines and lines[-1].strip():
            lines.append("")
        lines.append("# learned by news-digest ingest; edit freely (rename, merge, block)")
        for name, (etype, names) in new.items():
            lines.append(f"{_yaml_str(name)}:")
            lines.append(f"  type: {etype}")
            if names:
                lines.append(f"  aliases: [{', '.join(_yaml_str(a) for a in names)}]")
    return "\n".join(lines) + "\n"


def save_learned(path: Path, registry: Registry, changes: Sequence[Change]) -> None:
    """Append ``changes`` to the registry at ``path`` (seeded from the default), atomically.

    The result is parsed before it replaces the file, so a bad edit never lands.
    """
    text = path.read_text("utf-8") if path.exists() else default_text()
    if not changes and path.exists():
        return
    updated = apply_changes(text, changes)
    parse(updated, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(updated, "utf-8")
    tmp.replace(path)


def update_registry(path: Path, articles: Sequence[Article]) -> int:
    """Learn from enriched articles and append to the site's registry; the number of changes.

    Ingest calls this once, in the main process, after the (parallel) enrichment.
    """
    registry = load_registry(path)
    changes = learn(registry, (e for a in articles for e in a.entities))
    if changes or not path.exists():
        save_learned(path, registry, changes)
    return len(changes)

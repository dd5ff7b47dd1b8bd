"""Safe edits of the curator's ``data/entities.yml`` from the command line.

``news-digest entities merge|rename|retype|block|accept`` change the file a curator
also edits by hand, so an edit must keep everything it does not touch: comments,
order, quoting, and the curator's own line wrapping. ruamel.yaml (MIT, pure Python)
does the edit on a round-trip document, which keeps comments and order; it does,
however, re-flow long flow lists when it writes. So the written file is spliced:
every top-level entry whose data the edit did not change keeps its original bytes
(with the comments and blank lines that follow it), and only changed or new entries
take ruamel's rendering. The result is parsed by the strict loader before it
atomically replaces the file, so a bad edit never lands.

The file is created from the shipped default on the first edit, so a new site's
curator starts from the common names and their comments.
"""

from __future__ import annotations

import io
import shlex
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

import yaml
from rapidfuzz import fuzz, process
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from news_digest.model import ENTITY_TYPES
from news_digest.text import ENTITY_GROUPS, atomic_write, slugify
from news_digest.vocab.registry import (
    Registry,
    RegistryError,
    default_text,
    key,
    parse,
)


class EditError(ValueError):
    """An edit that cannot be made; the message names the file and the reason."""


def _yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 100
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _spans(text: str) -> dict[str, tuple[int, int]]:
    """Top-level name → (first line, end line) of its entry, comments after it included."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return {}
    starts = [(str(k.value), k.start_mark.line) for k, _ in root.value]
    total = len(text.splitlines())
    return {name: (start, starts[i + 1][1] if i + 1 < len(starts) else total)
            for i, (name, start) in enumerate(starts)}


def splice(original: str, edited: str) -> str:
    """``edited``, with the original bytes for every entry whose data is unchanged."""
    old_lines = original.splitlines(keepends=True)
    new_lines = edited.splitlines(keepends=True)
    old, new = _spans(original), _spans(edited)
    if not new:
        return edited
    first_old = min((s for s, _ in old.values()), default=len(old_lines))
    first_new = min(s for s, _ in new.values())
    out = old_lines[:first_old] if old else new_lines[:first_new]
    for name, (start, end) in sorted(new.items(), key=lambda kv: kv[1][0]):
        chunk = new_lines[start:end]
        if name in old:
            o_start, o_end = old[name]
            before = yaml.safe_load("".join(old_lines[o_start:o_end]))
            after = yaml.safe_load("".join(chunk))
            if before == after:
                chunk = old_lines[o_start:o_end]
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n"
        out.extend(chunk)
    return "".join(out)


class CuratedFile:
    """The curator's registry as a round-trip document; :meth:`save` validates and splices."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.original = path.read_text("utf-8") if path.exists() else default_text()
        try:
            parse(self.original, path)
        except RegistryError as exc:
            raise EditError(f"{exc}; fix the file before editing it from the command line") \
                from None
        self.doc: CommentedMap = _yaml().load(self.original) or CommentedMap()

    @property
    def registry(self) -> Registry:
        return parse(self.original, self.path)

    @cached_property
    def known(self) -> Registry:
        """The registry as the file stood when read, with what ingest learned: the names
        a curator may edit by. Read once per edit (an edit asks it up to four times)."""
        from news_digest.vocab.knowledge import load_registry

        return load_registry(self.path)

    def name_of(self, surface: str) -> str | None:
        """The entry a name or alias belongs to in the *current* document."""
        k = key(surface)
        for name, value in self.doc.items():
            if key(str(name)) == k or any(key(str(a)) == k for a in _aliases(value)):
                return str(name)
        return None

    def entry(self, name: str) -> CommentedMap:
        value = self.doc[name]
        if not isinstance(value, dict):
            raise EditError(f"{self.path}: {name!r} is not a mapping")
        return value

    def add(self, name: str, etype: str) -> CommentedMap:
        if etype not in ENTITY_TYPES:
            raise EditError(f"unknown type {etype!r}; expected one of {', '.join(ENTITY_TYPES)}")
        value = CommentedMap()
        value["type"] = etype
        self.doc[name] = value
        return value

    def add_alias(self, name: str, alias: str) -> None:
        value = self.entry(name)
        if key(alias) == key(name) or any(key(str(a)) == key(alias) for a in _aliases(value)):
            return
        seq = value.get("aliases")
        if not isinstance(seq, list):
            seq = CommentedSeq()
            seq.fa.set_flow_style()
            value["aliases"] = seq
        seq.append(alias)

    def remove_alias(self, name: str, alias: str) -> None:
        seq = self.entry(name).get("aliases")
        if isinstance(seq, list):
            for i in reversed(range(len(seq))):
                if key(str(seq[i])) == key(alias):
                    del seq[i]
            if not seq:
                del self.entry(name)["aliases"]

    def render(self) -> str:
        out = io.StringIO()
        _yaml().dump(self.doc, out)
        return splice(self.original, out.getvalue())

    def save(self) -> str:
        text = self.render()
        parse(text, self.path)  # a bad edit never lands
        atomic_write(self.path, text)
        return text


def _aliases(value: Any) -> list[Any]:
    if isinstance(value, dict) and isinstance(value.get("aliases"), list):
        return list(value["aliases"])
    return []


class PostNames(Protocol):
    """The names the site's posts give (their front matter), as the commands read them.

    The registry alone cannot tell a typo from a name: most names a curator sees on a
    page are in no registry. The edit functions ask this (``None``: no posts read, no
    checks), the commands answer from ``content/``."""

    def type_of(self, name: str) -> str | None:
        """The type most posts give ``name`` as an entity; None when none names it."""

    def articles(self, name: str) -> int:
        """How many posts name ``name`` as an entity."""

    def mentions(self, name: str) -> int:
        """How many posts name it as an entity or list it as one's other spelling."""

    def names(self) -> Iterable[str]:
        """Every entity name and spelling the posts give."""


SIMILAR = 80
"""rapidfuzz ratio (0–100) of two names' lookup keys from which one is offered as what a
curator may have meant: "Lindsey Lohan" → "Lindsay Lohan" is 92."""


def _did_you_mean(f: CuratedFile, surface: str, posts: PostNames | None,
                  exclude: Iterable[str] = ()) -> str:
    """`` (did you mean 'A' or 'B'?)`` for a name nothing knows, else empty: the closest
    registry names, aliases and post names, the most written first (``exclude``: names
    not worth offering, as the entity a merge keeps)."""
    pool: dict[str, str] = {}
    for entry in f.known.entries:
        for name in (entry.name, *entry.aliases):
            pool.setdefault(key(name), name)
    for name in posts.names() if posts is not None else ():
        pool.setdefault(key(name), name)
    for name in (surface, *exclude):
        pool.pop(key(name), None)
    keys = sorted(pool)
    found = process.extract(key(surface), keys, scorer=fuzz.ratio, score_cutoff=SIMILAR,
                            limit=None)
    weight = posts.mentions if posts is not None else (lambda _: 0)
    best = sorted(found, key=lambda m: (-m[1], -weight(pool[m[0]]), m[0]))[:3]
    if not best:
        return ""
    return f" (did you mean {' or '.join(repr(pool[k]) for k, _, _ in best)}?)"


def _need(f: CuratedFile, surface: str, etype: str | None = None,
          posts: PostNames | None = None, then: str = "") -> str:
    """The curated entry for ``surface``, created if need be with ``etype``, else the type
    ingest learned, else the type the site's posts give it. A name none of them knows is
    refused, with the closest known names (a typo must not become an entry) and
    ``then``: what the command offers instead."""
    name = f.name_of(surface)
    if name is not None:
        return name
    etype = etype or _learned_type(f, surface) or (posts.type_of(surface) if posts
                                                         else None)
    if etype is None:
        raise EditError(f"{f.path}: {surface!r} is in neither the registry nor any post"
                        f"{_did_you_mean(f, surface, posts)}{then}")
    f.add(surface, etype)
    return surface


def _learned_type(f: CuratedFile, surface: str) -> str | None:
    found = f.known.canonical(surface)
    return found[1] if found else None


Published = Callable[[str, str], str | None]
"""(name, type or "") → the address (``group/slug``) of the entity's page in the last
build, if it had one: the commands read it from the build's export."""


def _moved(f: CuratedFile, name: str, address: str | None) -> bool:
    """Record that ``name``'s page used to be at ``address`` (``moved_from``): the build
    leaves a redirect and the feed there. True when something was recorded."""
    if not address:
        return False
    value = f.entry(name)
    seq = value.get("moved_from")
    if not isinstance(seq, list):
        seq = CommentedSeq()
        seq.fa.set_flow_style()
        value["moved_from"] = seq
    if address in seq:
        return False
    seq.append(address)
    return True


def merge(path: Path, keep: str, drop: str, posts: PostNames | None = None,
          published: Published | None = None,
          warn: Callable[[str], None] | None = None) -> str:
    """``drop`` becomes an alias of ``keep``; its own aliases follow it. Returns a summary.

    ``drop``'s page (``published``) is gone after the merge: its address is recorded on
    ``keep`` (``moved_from``), so its links and feed lead to ``keep``'s page. A ``keep``
    nothing knows is refused (a typo would become an entity); a ``drop`` no post and no
    registry knows is merged (a curator may add a spelling still to come) but ``warn``
    is told, with the closest names, since a typo there is shown on the page as "Also
    known as"."""
    f = CuratedFile(path)
    target = _need(f, keep, posts=posts, then=(
        "; to give an entity a new name: news-digest entities rename OLD NEW"))
    source = f.name_of(drop)
    if source == target:
        raise EditError(f"{path}: {drop!r} is already a name of {target!r}")
    if (warn is not None and posts is not None and source is None
            and not posts.mentions(drop) and f.known.entry(drop) is None):
        near = _did_you_mean(f, drop, posts, (target, *map(str, _aliases(f.entry(target)))))
        warn(f"{path}: {drop!r} is in no post and not in the registry{near}; made an alias "
             f"of {target!r} anyway, for spellings still to come (delete it from the file "
             "if it was a typo)")
    moved = [drop]
    addresses: list[str] = []
    if source is not None and key(source) == key(drop):
        moved = [source, *(str(a) for a in _aliases(f.entry(source)))]
        if f.entry(source).get("block"):
            raise EditError(f"{path}: {source!r} is blocked; unblock it before merging")
        addresses = [str(a) for a in f.entry(source).get("moved_from") or ()]
        etype = str(f.entry(source).get("type", ""))
        del f.doc[source]
    else:
        etype = (posts.type_of(drop) if posts else None) or ""
        if source is not None:
            f.remove_alias(source, drop)
    for alias in moved:
        f.add_alias(target, alias)
    page = published(drop, etype) if published else None
    recorded = [a for a in (page, *addresses) if _moved(f, target, a)]
    f.save()
    if page and page in recorded:
        return f"{drop} → alias of {target} (its page {page} now leads to {target}'s)"
    return f"{drop} → alias of {target}"


def rename(path: Path, old: str, new: str, posts: PostNames | None = None,
           keep_url: bool = True, published: Published | None = None) -> str:
    """Rename an entry in place (same position and comments); the old name stays an alias,
    so articles that use it still find the entity.

    The page keeps its URL: its slug is pinned with ``slug:`` (unless the entry pins one
    already), because a renamed page that moved would break every link to it and
    silently end its feed for every subscriber. The slug pinned is the one the page has
    (``published``, read from the last build), not the old name's natural one: a page
    that lost its natural slug to an older namesake lives at ``…-2``, and pinning the
    natural slug would take the older page's address. ``keep_url=False`` (the command's
    ``--new-url``) lets the URL follow the new name.

    ``new`` must not be another entity's name, in the registry, in what ingest learned,
    in the posts or on the last build's pages: the rename would fold that entity into
    this one under this one's pinned slug, so the other (often larger) entity's page and
    feed would move. That is a merge, and the command says which."""
    f = CuratedFile(path)
    name = _need(f, old, posts=posts)
    if key(name) != key(old):
        raise EditError(f"{path}: {old!r} is an alias of {name!r}; rename {name!r} instead")
    other = f.name_of(new)
    if other is not None and other != name:
        raise EditError(f"{path}: {new!r} already belongs to {other!r}; merge them instead")
    if other is None and key(new) != key(name):
        learned = f.known.canonical(new)
        count = posts.articles(new) if posts is not None else 0
        page = published(new, "") if published is not None and not count else None
        if count or page or (learned and key(learned[0]) != key(name)):
            what = (f"{count} article{'s' if count != 1 else ''}" if count
                    else f"its page is {page}" if page else f"learned, as {learned[0]!r}")
            raise EditError(f"{path}: {new!r} is another entity ({what}); merge them "
                            f"instead: news-digest entities merge {shlex.join([new, name])}")
    value = f.entry(name)
    page = published(name, str(value.get("type", ""))) if published else None
    current = page.split("/", 1)[1] if page else slugify(name)
    if keep_url and "slug" not in value and current != slugify(new):
        value["slug"] = current
    elif not keep_url and current != (value.get("slug") or slugify(new)):
        _moved(f, name, page)
    position = list(f.doc).index(name)
    comment = f.doc.ca.items.pop(name, None)
    del f.doc[name]
    f.doc.insert(position, new, value)
    if comment is not None:
        f.doc.ca.items[new] = comment
    f.remove_alias(new, new)
    f.add_alias(new, name)
    f.save()
    return f"{name} → {new}"


def retype(path: Path, name: str, etype: str, posts: PostNames | None = None,
           published: Published | None = None) -> str:
    """Set an entity's type (person, organization or place).

    The type is part of the page's address (``entities/places/…``), so a retype moves
    the page (a place filed under organisations is what the curator is mending). The old
    address (``published``) is recorded (``moved_from``): the build leaves a redirect and
    the feed there, so links and subscriptions keep working, and the summary says so."""
    if etype not in ENTITY_TYPES:
        raise EditError(f"unknown type {etype!r}; expected one of {', '.join(ENTITY_TYPES)}")
    f = CuratedFile(path)
    known = f.name_of(name)
    before = (f.entry(known).get("type") if known is not None
              else _learned_type(f, name) or (posts.type_of(name) if posts else None))
    if before is None and posts is not None:  # a typo must not become a new entry
        _need(f, name, posts=posts, then="; nothing to retype")
    entry = _need(f, name, etype)
    page = published(entry, str(before or "")) if published and before != etype else None
    f.entry(entry)["type"] = etype
    recorded = _moved(f, entry, page)
    f.save()
    if before in ENTITY_GROUPS and before != etype:
        kept = (f"its old address {page} will redirect there, and its feed stays"
                if recorded else "links to the old address and its feed end")
        return (f"{entry}: {etype} (was {before}: its page moves from the "
                f"{ENTITY_GROUPS[before]} to the {ENTITY_GROUPS[etype]} section; {kept})")
    return f"{entry}: {etype}"


def block(path: Path, name: str, etype: str | None = None,
          posts: PostNames | None = None) -> str:
    """Block a name: articles drop it. An unknown name is added (type from ``etype``, from
    what ingest learned, or from the posts): a curator may block a spammer's name before
    it is ever ingested, so only a name with no type at all is refused."""
    f = CuratedFile(path)
    entry = _need(f, name, etype, posts, then=(
        f"; give its type with --type ({', '.join(ENTITY_TYPES)})"))
    f.entry(entry)["block"] = True
    f.save()
    return f"{entry}: blocked"


def accept(path: Path, name: str) -> str:
    """Copy a learned entity (or one learned alias) into the curator's file."""
    from news_digest.vocab.learned import learned_aliases

    found = [a for a in learned_aliases(path.parent, include_pending=True)
             if key(name) in (key(a.name), key(a.alias))]
    if not found:
        raise EditError(f"{path.parent}: {name!r} is not a learned entity or alias; "
                        "`news-digest entities learned --all` lists them")
    if any(key(a.alias) == key(name) for a in found):
        found = [a for a in found if key(a.alias) == key(name)]
    f = CuratedFile(path)
    target = f.name_of(found[0].name)
    if target is None:
        f.add(found[0].name, found[0].type)
        target = found[0].name
    for a in found:
        holder = f.name_of(a.alias)
        if holder is not None and holder != target:
            raise EditError(f"{path}: {a.alias!r} already belongs to {holder!r}")
        f.add_alias(target, a.alias)
    f.save()
    return f"{target}: accepted {', '.join(a.alias for a in found)}"

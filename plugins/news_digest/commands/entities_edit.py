"""``news-digest entities merge|rename|retype|block|forget|accept|learned``.

Curators fix the entity registry from the command line without hand-editing YAML:
edits of ``data/entities.yml`` go through :mod:`news_digest.vocab.edit` (comments,
order and untouched lines kept), and ``forget`` / ``learned`` work on what ingest
learned (:mod:`news_digest.vocab.learned`). Every error is one line naming the file
and the reason, exit code 2; success prints one line per change.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from news_digest.commands.entities_review import entity_pairs, front_matters
from news_digest.model import ENTITY_TYPES
from news_digest.text import ENTITY_GROUPS
from news_digest.vocab import edit, learned
from news_digest.vocab.registry import DEFAULT_REGISTRY, RegistryError, key

LoadSettings = Callable[[argparse.Namespace], Any]


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.load_settings(args).data_dir)


def _run(args: argparse.Namespace, action: Callable[[Path], str | list[str]]) -> int:
    try:
        result = action(_data_dir(args))
    except (edit.EditError, RegistryError, ValueError) as exc:
        print(f"news-digest: {exc}", file=sys.stderr)
        return 2
    for line in [result] if isinstance(result, str) else result:
        print(line)
    return 0


class _Posts:
    """The names the site's posts give (:class:`news_digest.vocab.edit.PostNames`), read
    from their front matter once, and only when an edit asks: most edits name what the
    registry knows. A post whose front matter does not parse is passed over here (the
    build names it)."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self._read: tuple[dict[str, Counter[str]], Counter[str], Counter[str],
                          dict[str, Counter[str]]] | None = None

    def _load(self) -> tuple[dict[str, Counter[str]], Counter[str], Counter[str],
                             dict[str, Counter[str]]]:
        if self._read is None:
            types: dict[str, Counter[str]] = defaultdict(Counter)
            articles: Counter[str] = Counter()
            mentions: Counter[str] = Counter()
            spelled: dict[str, Counter[str]] = defaultdict(Counter)
            for entities, spellings in _front_matter_names(self.content):
                named = {key(n): n for _, n in entities}
                for etype, name in entities:
                    types[key(name)][etype] += 1
                both = {**{key(s): s for s in spellings}, **named}
                articles.update(named.keys())
                mentions.update(both.keys())
                for k, n in both.items():
                    spelled[k][n] += 1
            self._read = (types, articles, mentions, spelled)
        return self._read

    def type_of(self, name: str) -> str | None:
        votes = self._load()[0].get(key(name))
        return min(votes, key=lambda t: (-votes[t], t)) if votes else None

    def articles(self, name: str) -> int:
        return self._load()[1][key(name)]

    def mentions(self, name: str) -> int:
        return self._load()[2][key(name)]

    def names(self) -> list[str]:
        return sorted(min(c, key=lambda n: (-c[n], n)) for c in self._load()[3].values())


def _front_matter_names(content: Path) -> Iterator[tuple[list[tuple[str, str]], list[str]]]:
    """Per post under ``content``: its ``(type, name)`` entities and the other spellings
    its ``spellings:`` lists (names a page shows as "Also known as")."""
    if not content.is_dir():
        return
    for _, fm in front_matters(content):
        if isinstance(fm, str):
            continue
        spellings = fm.get("spellings") if isinstance(fm.get("spellings"), dict) else {}
        others = [str(o) for forms in spellings.values() if isinstance(forms, list)
                  for o in forms if str(o).strip()]
        yield entity_pairs(fm), others


def _posts(args: argparse.Namespace) -> _Posts:
    return _Posts(Path(args.load_settings(args).content))


def cmd_merge(args: argparse.Namespace) -> int:
    def warn(line: str) -> None:
        print(f"news-digest: warning: {line}", file=sys.stderr)

    return _run(args, lambda d: edit.merge(d / DEFAULT_REGISTRY, args.keep, args.drop,
                                           _posts(args), _published(args), warn))


def _published(args: argparse.Namespace) -> edit.Published:
    """Where an entity's page is in the last build (``group/slug``), read from the build's
    ``export/posts.jsonl`` (the names and page URLs the site shows). Only the build knows
    it: which of two names that slugify alike was seen first and kept the plain slug,
    which names earned a page. Without an export (no build yet, or
    ``NEWS_DIGEST_EXPORT`` off) the answer is unknown. The export is read once, on the
    first question (an edit may ask for two names)."""
    pages: dict[tuple[str, str], str] | None = None

    def index() -> dict[tuple[str, str], str]:
        conf = Path(args.settings)
        output = "output"
        if conf.exists():
            from pelican.settings import read_settings

            output = read_settings(str(conf)).get("OUTPUT_PATH", output)
        export = Path(output) / "export" / "posts.jsonl"
        if not export.is_file():
            return {}
        pattern = re.escape(args.load_settings(args).entity_url)
        pattern = pattern.replace(r"\{group\}", r"[^/]+").replace(r"\{slug\}",
                                                                  r"(?P<slug>[^/]+)")
        address = re.compile(pattern + r"$")
        found: dict[tuple[str, str], str] = {}
        with export.open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    record = json.loads(line)
                except ValueError:
                    return {}
                for group, refs in (record.get("entities") or {}).items():
                    for ref in refs:
                        match = address.search(urlsplit(ref["url"]).path) \
                            if ref.get("url") else None
                        if match:
                            found.setdefault((group, str(ref.get("name", "")).casefold()),
                                             f"{group}/{match.group('slug')}")
        return found

    def find(name: str, etype: str) -> str | None:
        nonlocal pages
        if pages is None:
            pages = index()
        wanted, group = name.casefold(), ENTITY_GROUPS.get(etype)
        if group:
            return pages.get((group, wanted))
        return next((pages[(g, wanted)] for g in ENTITY_GROUPS.values()
                     if (g, wanted) in pages), None)
    return find


def cmd_rename(args: argparse.Namespace) -> int:
    return _run(args, lambda d: edit.rename(d / DEFAULT_REGISTRY, args.old, args.new,
                                            _posts(args), keep_url=not args.new_url,
                                            published=_published(args)))


def cmd_retype(args: argparse.Namespace) -> int:
    return _run(args, lambda d: edit.retype(d / DEFAULT_REGISTRY, args.name, args.type,
                                            _posts(args), _published(args)))


def cmd_block(args: argparse.Namespace) -> int:
    return _run(args, lambda d: edit.block(d / DEFAULT_REGISTRY, args.name, args.type,
                                           _posts(args)))


def cmd_accept(args: argparse.Namespace) -> int:
    return _run(args, lambda d: edit.accept(d / DEFAULT_REGISTRY, args.name))


def cmd_forget(args: argparse.Namespace) -> int:
    return _run(args, lambda d: [f"forgotten: {f}" for f in learned.forget(d, args.name)])


def learned_records(data_dir: Path, include_pending: bool = False) -> list[dict[str, Any]]:
    """What ``entities learned --json`` prints: one object per learned alias, with evidence."""
    return [{"name": a.name, "type": a.type, "alias": a.alias, "reason": a.reason,
             "active": a.active, "curated": a.curated,
             "evidence": [{"article": e.article, "sentence": e.sentence} for e in a.evidence]}
            for a in learned.learned_aliases(data_dir, include_pending)]


def cmd_learned(args: argparse.Namespace) -> int:
    try:
        records = learned_records(_data_dir(args), args.all)
    except (RegistryError, ValueError) as exc:
        print(f"news-digest: {exc}", file=sys.stderr)
        return 2
    out = sys.stdout
    for r in records:
        if args.json:
            out.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
            continue
        state = "" if r["active"] else "  [waiting for evidence]"
        out.write(f"{r['alias']} → {r['name']} ({r['type']}, {r['reason']}){state}\n")
        for e in r["evidence"]:
            out.write(f"    {e['article']}: {e['sentence']}\n")
    if not args.json:  # a count on stderr, so an empty list is not a silent one
        waiting = 0 if args.all else len(learned_records(_data_dir(args), True)) - len(records)
        more = f"; {waiting} more wait for a second article (--all lists them)" if waiting else ""
        print(f"news-digest: {len(records)} learned aliases in use{more}", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction, load_settings: LoadSettings) -> None:
    """Add the edit and learned sub-commands to ``news-digest entities``."""
    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str,
            *positional: tuple[str, str]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        for arg, arg_help in positional:
            p.add_argument(arg, help=arg_help)
        p.add_argument("--data", help="folder of entities.yml (default: data/)")
        p.add_argument("--content", help="folder of posts, read for the type of a name "
                                         "the registry lacks (default: content/)")
        p.set_defaults(func=func, load_settings=load_settings)
        return p

    add("merge", cmd_merge, "make DROP an alias of KEEP (DROP's aliases follow)",
        ("keep", "the name that stays"), ("drop", "the name that becomes its alias"))
    renamed = add("rename", cmd_rename, "rename an entity; the old name stays an alias and "
                  "its page keeps its URL", ("old", "current name"), ("new", "new canonical name"))
    renamed.add_argument("--new-url", action="store_true",
                         help="let the page's URL follow the new name (old links break)")
    retype = add("retype", cmd_retype, "set an entity's type", ("name", "entity name"))
    retype.add_argument("type", choices=ENTITY_TYPES)
    block = add("block", cmd_block, "drop a name from every article", ("name", "name to block"))
    block.add_argument("--type", choices=ENTITY_TYPES, help="type, if the name is new")
    add("forget", cmd_forget, "drop a learned entity or alias and never learn it again",
        ("name", "learned entity or alias"))
    add("accept", cmd_accept, "copy a learned entity or alias into entities.yml",
        ("name", "learned entity or alias"))
    shown = add("learned", cmd_learned, "list learned aliases with their evidence")
    shown.add_argument("--json", action="store_true", help="one JSON object per line")
    shown.add_argument("--all", action="store_true",
                       help="also those waiting for a second article or migrated")

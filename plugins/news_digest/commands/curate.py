"""``news-digest feature|hide|unhide``: the common curator edits, made safely.

Each command sets one front matter line of a post (``featured: true``,
``status: hidden``, ``status: published``) and leaves every other byte of the file as
it was: the body, the other keys, their quoting, comments, line endings. Posts are
named by slug (``iran-strikes``) or by path (``content/2020/iran-strikes.md``).

A flag is not a text edit: ingest takes these lines out, finds the rest still matches
the digest it wrote (``frontmatter.curator_flags``), and so still updates the post from
a changed seed or a newer copy, putting the lines back before ``ingest:``, where
:func:`set_key` adds them. A post whose text a curator also edited is never
overwritten. ``unhide`` writes ``status: published`` rather than deleting the line.

Exit codes: 0 all posts edited (or already so), 1 a post was not found or could not be
edited (one line each on stderr naming it and the reason), 2 usage or settings error.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from news_digest.frontmatter import FRONT_MATTER, FrontMatterError, load_front_matter
from news_digest.text import atomic_write


class CurateError(ValueError):
    """A post cannot be edited; the message names it and says why."""


@dataclass(frozen=True)
class Edit:
    """One front matter line to set: ``key: value``."""

    key: str
    value: str
    done: str
    """What the command reports, e.g. ``hidden``."""


EDITS = {
    "feature": Edit("featured", "true", "featured"),
    "unfeature": Edit("featured", "false", "no longer featured"),
    "hide": Edit("status", "hidden", "hidden"),
    "draft": Edit("status", "draft", "made a draft"),
    "unhide": Edit("status", "published", "published"),
}

SKIP_DIRS = {".news-digest"}


def set_key(text: str, key: str, value: str, path: str = "post") -> str:
    """``text`` with the top-level front matter key ``key`` set to ``value``.

    An existing ``key:`` line (any case, with any continuation lines of a block value)
    is replaced; otherwise the line is added before the ``ingest:`` line, or before the
    closing fence when there is none. Nothing else changes.
    """
    m = FRONT_MATTER.match(text)
    if m is None:
        raise CurateError(f"{path}: no YAML front matter (a --- fenced block at the top); "
                          "not changed")
    before = _check(m.group("yaml"), path)
    start, end = m.span("yaml")
    if text[end:end + 1] == "\n":
        end += 1  # the newline before the closing fence: every line then ends with one
    newline = "\r\n" if "\r\n" in text[:end] else "\n"
    lines = re.findall(r"[^\n]*\n|[^\n]+$", text[start:end])
    new_line = f"{key}: {value}{newline}"
    own = re.compile(rf"{re.escape(key)}[ \t]*:(?=\s|$)", re.IGNORECASE)
    for i, line in enumerate(lines):
        if own.match(line):
            j = i + 1
            while j < len(lines) and lines[j][:1] in (" ", "\t", "-") and \
                    not lines[j].startswith("---"):
                j += 1  # continuation lines of a block value belong to this key
            lines[i:j] = [new_line]
            break
    else:
        at = next((i for i, line in enumerate(lines) if line.startswith("ingest:")),
                  len(lines))
        lines.insert(at, new_line)
    result = text[:start] + "".join(lines) + text[end:]
    after_match = FRONT_MATTER.match(result)
    try:
        after = load_front_matter(after_match.group("yaml"), path) if after_match else None
    except FrontMatterError:
        after = None
    # The edit must mean exactly "this key, this value" and nothing else; a layout
    # this line-based edit misreads (a key inside a multi-line string…) is refused.
    expected = {k: v for k, v in before.items() if k != key.lower()}
    expected[key.lower()] = yaml.safe_load(value)
    if after != expected:
        raise CurateError(f"{path}: front matter laid out in a way this command cannot edit "
                          f"safely; set '{key}: {value}' by hand; not changed")
    return result


def _check(yaml_text: str, path: str) -> dict[str, Any]:
    try:
        return load_front_matter(yaml_text, path)
    except FrontMatterError as exc:
        raise CurateError(f"{exc}; not changed") from None


def _posts(content: Path, notes: Path) -> Iterator[Path]:
    for path in sorted(content.rglob("*.md")):
        rel = path.relative_to(content)
        if any(part.startswith(".") or part in SKIP_DIRS for part in rel.parts):
            continue
        if path.is_relative_to(notes):
            continue
        yield path


_SLUG_LINE = re.compile(r"^slug[ \t]*:[ \t]*(?P<value>.+?)[ \t]*$", re.MULTILINE | re.IGNORECASE)


def _slug_of(path: Path) -> str | None:
    try:
        head = path.read_text(encoding="utf-8-sig")[:4000]
    except (OSError, UnicodeDecodeError):
        return None
    m = FRONT_MATTER.match(head)
    found = _SLUG_LINE.search(m.group("yaml")) if m else None
    return found.group("value").strip("\"'") if found else None


def find_post(target: str, content: Path, notes: Path) -> Path:
    """The post file a target names: a path (as given, or under ``content``), else a
    slug (file name first, then ``slug:`` in the front matter)."""
    for candidate in (Path(target), content / target):
        if candidate.is_file():
            return candidate
    slug = target.removesuffix(".md")
    by_name = [p for p in _posts(content, notes) if p.stem == slug]
    found = by_name or [p for p in _posts(content, notes) if _slug_of(p) == slug]
    if not found:
        raise CurateError(f"{target}: no post with this slug or path under {content}")
    if len(found) > 1:
        raise CurateError(f"{target}: {len(found)} posts have this slug ("
                          + ", ".join(str(p) for p in found) + "); name one by its path")
    return found[0]


def apply(edit: Edit, target: str, content: Path, notes: Path) -> tuple[Path, bool]:
    """Set ``edit`` on the post ``target`` names; (its path, whether it changed)."""
    path = find_post(target, content, notes)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CurateError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}); "
                          "not changed") from None
    new = set_key(text, edit.key, edit.value, str(path))
    if new == text:
        return path, False
    atomic_write(path, new)
    return path, True


def run(command: str, args: argparse.Namespace, content: Path, notes: Path) -> int:
    edit = EDITS["unfeature" if command == "feature" and getattr(args, "off", False)
                 else command]
    status = 0
    for target in args.posts:
        try:
            path, changed = apply(edit, target, content, notes)
        except CurateError as exc:
            print(f"news-digest {command}: {exc}", file=sys.stderr)
            status = 1
            continue
        shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
        print(f"{edit.done}: {shown}" if changed else f"already {edit.done}: {shown}")
    return status


def add_parsers(sub: Any, load_settings: Callable[[argparse.Namespace], Any],
                parents: Sequence[argparse.ArgumentParser] = ()) -> None:
    """Register ``feature``, ``hide`` and ``unhide`` on the ``news-digest`` parser.

    ``load_settings`` is the command's own settings loader (``cli.py`` passes it; this
    module does not import ``cli``).
    """
    helps = {
        "feature": "put stories at the top of their edition and of the home page",
        "hide": "keep posts out of every listing, feed, sitemap and site search (status: hidden)",
        "unhide": "list hidden or draft posts again (status: published)",
    }
    for name, text in helps.items():
        parser = sub.add_parser(name, help=text, description=text + ". " + (
            "Only that front matter line changes; the post is then curated, so ingest "
            "never overwrites it."), parents=list(parents))
        parser.add_argument("posts", nargs="+", metavar="SLUG|PATH",
                            help="a post's slug or its file")
        parser.add_argument("--content", help="content folder (default: Pelican's PATH)")
        if name == "feature":
            parser.add_argument("--off", action="store_true",
                                help="stop featuring them (featured: false)")

        def func(args: argparse.Namespace, name: str = name) -> int:
            s = load_settings(args)
            return run(name, args, s.content, s.notes_path)

        parser.set_defaults(func=func)

"""The post format, written once: YAML front matter between ``---`` fences, then Markdown.

Ingest writes posts with it (``ingest/writer.py`` fills the values), the site reads them
(``site/reader.py``), and the curator commands edit them (``commands/curate.py``); all
three go through these functions, so what one writes the others read the same way. A
post ingest wrote carries a self-digest (``ingest: {version, digest}``): when the text no
longer matches it, a curator has edited the post and ingest leaves it alone, unless the
only lines added are flags (``featured``, ``status``, ``order``: :func:`curator_flags`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

import yaml

from news_digest.errors import FrontMatterError

INGEST_VERSION = 1
"""Bump when the post format or cleaning changes enough that old output should be redone."""

_DIGEST_LINE = re.compile(r"^ingest: .*\n", re.MULTILINE)

# ---------------------------------------------------------------- writing

class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Safe YAML with strings that survive any content: quoted when needed, never folded."""


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"' if _needs_quotes(data)
                                   else None)


def _needs_quotes(text: str) -> bool:
    # Quote anything YAML could read as another type or that holds a risky character;
    # titles like "No", "1.5" or "2020-01-01" must come back as the same string.
    return True if not text else not re.fullmatch(r"[A-Za-z][A-Za-z0-9_ ,.'&()/-]*", text) or \
        text.lower() in {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def _list_representer(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _dict_representer(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=False)


# One layout whatever the values: lists inline, mappings as blocks. (PyYAML's default
# picks flow or block per mapping depending on whether a value needed quotes.)
_Dumper.add_representer(str, _str_representer)
_Dumper.add_representer(list, _list_representer)
_Dumper.add_representer(dict, _dict_representer)


def dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10**9)


def render(front: Mapping[str, Any], body: str) -> str:
    """The full post text, with the self-digest line last in the front matter."""
    without_digest = "---\n" + dump(dict(front)) + "---\n\n" + body
    digest = text_digest(without_digest)
    ingest_line = f"ingest: {{version: {INGEST_VERSION}, digest: {digest}}}\n"
    head, _, rest = without_digest.partition("---\n\n")
    return head + ingest_line + "---\n\n" + rest


def text_digest(text: str) -> str:
    return hashlib.sha256(_DIGEST_LINE.sub("", text, count=1).encode("utf-8")).hexdigest()


def is_untouched(text: str) -> bool:
    """True when a post is exactly what ingest wrote (its digest still matches)."""
    match = re.search(r"^ingest: \{.*digest: ([0-9a-f]{64})", text, re.MULTILINE)
    return bool(match) and match.group(1) == text_digest(text)


FLAG_KEYS = ("featured", "order", "status")
"""Front matter keys a curator sets to place a post (``featured: true``, ``order: 2``,
``status: hidden``), never to change what it says. Ingest writes none of them."""
_FLAG_LINE = re.compile(rf"^(?:{'|'.join(FLAG_KEYS)})[ \t]*:[^\n]*\n", re.MULTILINE | re.IGNORECASE)


def curator_flags(text: str) -> tuple[str, ...] | None:
    """The flag lines (:data:`FLAG_KEYS`, each a whole top-level line) of a post that is
    ingest's text plus those lines and nothing else; ``()`` for an untouched post;
    ``None`` when a curator changed anything else (a title, a paragraph, ``story:``).

    What the ``feature``/``hide`` commands, or a hand-typed flag, add is not a text
    edit: with those lines taken out the post's digest matches again, which proves no
    other byte changed. Ingest may then write the post again from a newer seed and put
    the same lines back (:func:`with_flags`), so featuring a post does not freeze it."""
    if is_untouched(text):
        return ()
    match = FRONT_MATTER.match(text)
    if match is None:
        return None
    start, end = match.span("yaml")
    found = list(_FLAG_LINE.finditer(text, start, end + 1))
    if not found:
        return None
    kept, at = [], 0
    for flag in found:
        kept.append(text[at:flag.start()])
        at = flag.end()
    kept.append(text[at:])
    return tuple(flag.group(0) for flag in found) if is_untouched("".join(kept)) else None


def with_flags(text: str, flags: tuple[str, ...]) -> str:
    """A post ingest just rendered, with a curator's flag lines (:func:`curator_flags`)
    put back where the curation commands put them: before the ``ingest:`` line."""
    at = re.search(r"^ingest: ", text, re.MULTILINE)
    if not flags or at is None:
        return text
    return text[:at.start()] + "".join(flags) + text[at.start():]


# ---------------------------------------------------------------- reading

#: Safe YAML with the C parser when PyYAML has it: several times faster on a learned
#: registry or a thousand posts. Every reader of the site's YAML files uses it.
FastLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(FastLoader):  # type: ignore[misc,valid-type]
    """Safe YAML (the C parser when available) that refuses a key given twice.

    PyYAML keeps the last of two ``places:`` lines without a word; a curator would lose
    the first list silently. An error naming the line is better.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str | int | float | bool):
                continue  # unhashable keys are refused by PyYAML itself
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping", node.start_mark,
                    f"key {key!r} is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)(?:^|\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
"""``---`` fence, YAML, closing ``---`` (or ``...``) on a line of its own."""


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(YAML text or None, body) for a post's text."""
    m = FRONT_MATTER.match(text)
    if not m:
        return None, text
    return m.group("yaml"), text[m.end():]


def load_front_matter(yaml_text: str, path: str) -> dict[str, Any]:
    """Parse front matter into a dict with lower-cased keys, or raise FrontMatterError."""
    try:
        data = yaml.load(yaml_text, Loader=Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 2  # +1 for the fence, +1 one-based
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"{path}:{line}: invalid YAML front matter: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise FrontMatterError(f"{path}:2: front matter must be a mapping of keys to values, "
                               f"not {type(data).__name__}")
    return {str(k).strip().lower(): v for k, v in data.items()}

"""Write an Article as a Markdown post with YAML front matter, atomically.

The post is the contract between ingest, curators and the theme, so its text is
fully determined by the Article: fixed key order, no timestamps of the run. The
``ingest.digest`` field is the sha256 of the post with that line left out, which
lets a later ingest tell its own output from a curator's edit even without the
manifest.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from news_digest.model import ENTITY_TYPES, Article, Version

INGEST_VERSION = 1
"""Bump when the post format or cleaning changes enough that old output should be redone."""

ENTITY_KEYS = {"person": "people", "organization": "organizations", "place": "places"}
"""Front matter groups entities by type under these plural keys."""

_DIGEST_LINE = re.compile(r"^ingest: .*\n", re.MULTILINE)
_MD_INLINE = re.compile(r"([\\`*_{}\[\]|])")
_LINE_START = re.compile(r"^(\s*)([#+\-=:]|(?P<num>\d+)[.)])")
_SLUG_STRIP = re.compile(r"[^a-z0-9]+")


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


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII slug from any text; never empty (falls back to ``article``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _SLUG_STRIP.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-") or "article"


def escape_markdown(text: str) -> str:
    """Make seed text render as the same text: no Markdown, no HTML, no attribute lists.

    HTML specials become entities; Markdown's inline specials are backslash-escaped
    (``{`` and ``}`` too, so Markdown-extra's ``{: onclick=…}`` cannot add attributes);
    a block marker at the start of a line (``#``, ``-``, ``1.``, ``>``) is escaped.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_block_marker, text)


def _escape_block_marker(match: re.Match[str]) -> str:
    # A numeric character reference is plain text to Markdown and to the browser alike,
    # and unlike a backslash it works for every marker (":" has no Markdown escape).
    lead, marker, number = match.group(1), match.group(2), match.group("num")
    if number:  # "1." starts a list; "1&#46;" does not
        return f"{lead}{number}&#{ord(marker[-1])};"
    return f"{lead}&#{ord(marker)};"


def post_path(article: Article) -> str:
    """Where the post lives, relative to the content folder."""
    return f"{article.date:%Y}/{article.slug}.md"


def front_matter(article: Article, seeds_label: str) -> dict[str, Any]:
    """The front matter as an ordered mapping; fields not computed are left out."""
    d = article.draft
    fm: dict[str, Any] = {
        "title": d.title,
        "date": article.date.isoformat(),
        "date_source": article.date_source,
        "slug": article.slug,
    }
    optional = {
        "section": d.section,
        "summary": article.summary,
        "image_caption": d.caption,
        "byline": d.byline,
    }
    fm.update({k: v for k, v in optional.items() if v})
    source = {
        "publisher": article.source.publisher,
        "url": article.source.url,
        "seed": f"{seeds_label}/{article.source.seed}" if seeds_label else article.source.seed,
        "sha256": article.source.sha256,
    }
    fm["source"] = source
    if article.topics:
        fm["topics"] = [t.id for t in article.topics]
    if article.keywords:
        fm["keywords"] = list(article.keywords)
    if article.entities:
        grouped: dict[str, list[str]] = {}
        for etype in ENTITY_TYPES:
            names = [e.name for e in article.entities if e.type == etype]
            if names:
                grouped[ENTITY_KEYS[etype]] = names
        if grouped:
            fm["entities"] = grouped
    if article.story:
        fm["story"] = article.story
    if article.versions:
        fm["versions"] = [_version(v, seeds_label) for v in article.versions]
    return fm


def _version(v: Version, seeds_label: str) -> dict[str, Any]:
    """One copy for the ``versions`` list: who ran it, where, when, under which headline."""
    return {"title": v.title, "publisher": v.publisher, "url": v.url,
            "date": v.date.isoformat(),
            "seed": f"{seeds_label}/{v.seed}" if seeds_label else v.seed, "sha256": v.sha256}


def body(article: Article) -> str:
    """The cleaned paragraphs, one per block, escaped so they render as text."""
    paragraphs = (" ".join(p.split()) for p in article.draft.paragraphs)
    return "\n\n".join(escape_markdown(p) for p in paragraphs if p) + "\n"


def dump_yaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10**9)


def render(article: Article, seeds_label: str = "seeds") -> str:
    """The full post text, with its self-digest."""
    without_digest = "---\n" + dump_yaml(front_matter(article, seeds_label)) + "---\n\n" + \
        body(article)
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


def atomic_write(path: Path, text: str) -> bool:
    """Write via a temp file in the same folder + rename; return False if unchanged.

    A reader (or a crash) sees the old file or the new one, never half of one.
    """
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def existing_slugs(content: Path) -> set[str]:
    """Slugs already used by posts in ``content`` (file stems), curator posts included."""
    return {p.stem for p in content.rglob("*.md")}

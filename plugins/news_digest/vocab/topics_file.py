"""``topics.yml``: the topic taxonomy a curator may replace, read by one loader.

Ingest (``enrich/topics.py``) compiles the cues into its matcher; the site reads the
ids, labels and descriptions for topic pages. Both call :func:`site_topics`, so they
agree on which file counts and what it says; only what they do with a broken file
differs (``strict``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from news_digest.errors import DataFileError
from news_digest.frontmatter import FastLoader
from news_digest.text import words

log = logging.getLogger(__name__)

MAX_PHRASE = 4
"""Longest cue phrase, in words: longer ones would almost never match."""
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CODE_RE = re.compile(r"^medtop:\d{8}$")
_TOPIC_KEYS = {"id", "code", "label", "description", "strong", "cues", "weak", "weight"}


class TaxonomyError(DataFileError):
    """The topic taxonomy file is unusable; the message says file, line and what is wrong."""


@dataclass(frozen=True)
class TopicDef:
    """One taxonomy entry as loaded: cues are kept as written, for pages and docs."""

    id: str
    code: str
    """The IPTC code (``medtop:…``); empty for a site's own topics."""
    label: str
    description: str
    strong: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    weight: float = 1.0
    """Multiplier on the topic's evidence; below 1 for cross-cutting topics."""

@dataclass(frozen=True)
class TopicsFile:
    """A validated taxonomy: its topics in file order, the fallback id, and the file."""

    topics: tuple[TopicDef, ...]
    fallback: str
    source: str


# --------------------------------------------------------------------------- loading


class _LineLoader(FastLoader):  # type: ignore[misc,valid-type]
    """A safe loader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def default_taxonomy_path() -> Path:
    """The taxonomy shipped inside the package."""
    return Path(str(resources.files("news_digest") / "data" / "topics.yml"))


def taxonomy_path(data_dir: Path | None) -> Path:
    """The site's ``<data_dir>/topics.yml`` if it exists, else the shipped one."""
    site = Path(data_dir) / "topics.yml" if data_dir is not None else None
    return site if site is not None and site.is_file() else default_taxonomy_path()


def site_topics(data_dir: Path | None, *, strict: bool = True) -> TopicsFile:
    """The taxonomy a site uses: its own ``topics.yml``, else the shipped one.

    ``strict`` (ingest) raises :class:`TaxonomyError` on a broken file: articles must
    not be filed under a half-read taxonomy. Tolerant (the site build) warns once and
    uses the shipped taxonomy, so a typo in ``topics.yml`` never takes the site down.
    """
    path = taxonomy_path(data_dir)
    try:
        return load_topics_file(path)
    except TaxonomyError as exc:
        if strict or path == default_taxonomy_path():
            raise
        log.warning("news-digest: %s; using the shipped topics", exc)
        return load_topics_file(default_taxonomy_path())


def load_topics_file(path: Path | None = None) -> TopicsFile:
    """Read and validate a taxonomy file (the shipped one by default)."""
    path = Path(path) if path is not None else default_taxonomy_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read the topic taxonomy: {exc}") from None
    return parse_topics(text, str(path))


def parse_topics(text: str, source: str = "<topics.yml>") -> TopicsFile:
    """Validate taxonomy YAML text; every problem names ``source``, a line and the fix."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark is not None else source
        problem = getattr(exc, "problem", None) or str(exc)
        raise TaxonomyError(f"{where}: not valid YAML: {problem}") from None
    top_line = data.get("__line__", 1) if isinstance(data, dict) else 1
    fallback_id = None
    if isinstance(data, dict) and "topics" in data:
        items = data["topics"]
        fallback_id = data.get("fallback")
    elif isinstance(data, dict):
        # The short form curators may write: ``id: Label`` or ``id: {label: ..., ...}``.
        items = [({**v, "id": k} if isinstance(v, dict) else
                  {"id": k, "label": v, "__line__": top_line})
                 for k, v in data.items() if k != "__line__"]
    else:
        items = data
    if not isinstance(items, list) or not items:
        raise TaxonomyError(f"{source}:{top_line}: expected a non-empty list of topics "
                            "(optionally under a 'topics' key)")
    topics: list[TopicDef] = []
    seen_ids: dict[str, int] = {}
    seen_codes: dict[str, int] = {}
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise TaxonomyError(f"{source}: topic #{n} must be a mapping, got {item!r}")
        topic = _topic_from(item, source, n)
        line = item["__line__"]
        if topic.id in seen_ids:
            raise TaxonomyError(f"{source}:{line}: duplicate id {topic.id!r} "
                                f"(first at line {seen_ids[topic.id]})")
        if topic.code and topic.code in seen_codes:
            raise TaxonomyError(f"{source}:{line}: duplicate code {topic.code!r} "
                                f"(first at line {seen_codes[topic.code]})")
        seen_ids[topic.id] = line
        seen_codes[topic.code] = line
        topics.append(topic)
    fallback = fallback_id or topics[0].id
    if fallback not in seen_ids:
        raise TaxonomyError(f"{source}:{top_line}: fallback {fallback!r} is not a topic id; "
                            f"expected one of {', '.join(sorted(seen_ids))}")
    return TopicsFile(tuple(topics), fallback, source)


def _topic_from(item: dict[str, Any], source: str, n: int) -> TopicDef:
    line = item["__line__"]
    where = f"{source}:{line}: topic #{n}"
    unknown = sorted(set(item) - _TOPIC_KEYS - {"__line__"})
    if unknown:
        raise TaxonomyError(f"{where}: unknown key(s) {', '.join(unknown)}; "
                            f"expected {', '.join(sorted(_TOPIC_KEYS))}")
    for key in ("id", "label"):
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            raise TaxonomyError(f"{where}: '{key}' is missing or empty")
    topic_id = item["id"]
    where = f"{source}:{line}: topic {topic_id!r}"
    if not _ID_RE.match(topic_id):
        raise TaxonomyError(f"{where}: id must be a slug (lowercase letters, digits, "
                            f"hyphens), got {topic_id!r}")
    code = item.get("code", "")
    if "code" in item and not (isinstance(code, str) and _CODE_RE.match(code)):
        raise TaxonomyError(f"{where}: code must look like 'medtop:01000000', got {code!r}")
    description = item.get("description", "")
    if not isinstance(description, str):
        raise TaxonomyError(f"{where}: 'description' must be text")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("strong", "cues", "weak"):
        value = item.get(key, [])
        if not isinstance(value, list):
            raise TaxonomyError(f"{where}: '{key}' must be a list of words or phrases")
        for cue in value:
            if isinstance(cue, (int, float)) and not isinstance(cue, bool):
                cue = str(cue)
            if not isinstance(cue, str) or not words(cue):
                raise TaxonomyError(f"{where}: '{key}' has an entry that is not a word "
                                    f"or phrase: {cue!r}")
            if len(words(cue)) > MAX_PHRASE:
                raise TaxonomyError(f"{where}: cue {cue!r} is longer than {MAX_PHRASE} words")
        lists[key] = tuple(str(c) for c in value)
    if not lists["strong"] and not lists["cues"]:
        # A taxonomy without cues (a site's short list) still works: the label is the cue.
        lists["cues"] = (item["label"].strip(),) if words(item["label"]) else ()
    weight = item.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 10:
        raise TaxonomyError(f"{where}: 'weight' must be a number between 0 and 10, "
                            f"got {weight!r}")
    return TopicDef(topic_id, code, item["label"].strip(), " ".join(description.split()),
                    lists["strong"], lists["cues"], lists["weak"],
                    float(weight))

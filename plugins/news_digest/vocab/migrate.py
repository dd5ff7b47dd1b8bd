"""Moving what older versions of ingest appended to the curator's ``entities.yml`` into
``entities.learned.yml``, once, keeping every curated line and comment byte for byte."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from news_digest.text import atomic_write
from news_digest.vocab.evidence import Pair
from news_digest.vocab.learned import MIGRATED, learned_path, load_state, merge, save_state
from news_digest.vocab.registry import RegistryError, key, parse

log = logging.getLogger(__name__)


MARKER = "# learned by news-digest ingest; edit freely (rename, merge, block)"
"""The comment older versions of ingest wrote above the entries they appended."""

BACKUP_SUFFIX = ".before-learned"
"""The curator's file as it was before migration, kept once beside it."""


def _yaml_str(text: str) -> str:
    """A YAML scalar for ``text`` as the old ingest wrote it: plain when safe, else
    double-quoted (migration recognises its own lines by this exact format)."""
    plain = yaml.safe_dump(text, default_flow_style=True, allow_unicode=True, width=10_000)
    plain = plain.removesuffix("\n...\n").strip()
    if plain == text and not re.search(r"[\[\]{},#:&*!|>'\"%@`]", text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _machine_lines(name: str, etype: str, aliases: Sequence[str]) -> list[str]:
    """An entry exactly as older ingest rendered it (``apply_changes``)."""
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
    if not curated_path.exists():
        return 0
    text = curated_path.read_text("utf-8")
    if MARKER not in text:
        return 0
    try:
        kept, moved = split_learned(text)
    except yaml.YAMLError:
        return 0  # a broken file is reported where it is read; migrate once it is fixed
    try:
        parse(kept, curated_path)
    except RegistryError as exc:
        log.warning("%s: cannot move learned entries out (%s); left as it is", curated_path, exc)
        return 0
    target = learned_path(curated_path)
    state = load_state(target, strict=True)
    pairs = [Pair(tuple(sorted((name, alias), key=lambda f: (key(f), f))), MIGRATED)  # type: ignore[arg-type]
             for name, _, aliases in moved for alias in aliases if key(alias) != key(name)]
    state = merge(state, pairs)
    backup = curated_path.with_name(curated_path.name + BACKUP_SUFFIX)
    if not backup.exists():
        backup.write_text(text, "utf-8")
    save_state(target, state)
    atomic_write(curated_path, kept)
    log.warning("%s: moved %d entries that ingest had learned to %s (old file kept as %s)",
                curated_path, len(moved), target.name, backup.name)
    return len(moved)


# --- unlearning --------------------------------------------------------------------------------

"""Discover and read seed files: bytes in, normalised text out, or a clear reason why not.

Seeds come from scrapers, so encodings are a guess at best. We accept UTF-8 (with or
without BOM) and UTF-16/32 with a BOM, fall back to cp1252 with a warning (the usual
culprit when UTF-8 fails), and refuse binary files rather than ingest mojibake.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat as stat_mode
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from news_digest.errors import SeedError
from news_digest.frontmatter import Loader, split_front_matter
from news_digest.model import RawSeed
from news_digest.text import shown_path

log = logging.getLogger(__name__)

SEED_SUFFIXES: dict[str, str] = {".txt": "text", ".html": "html", ".htm": "html"}
"""File endings read as seeds, and the format each is cleaned as."""

CONTAINER_SUFFIXES: dict[str, str] = {
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
"""File endings read as many-article files (one seed per record or feed entry), and how
each is parsed; :mod:`news_digest.ingest.formats` reads them."""

NOT_SEEDS = frozenset({"index.tsv"})
"""Files in the seeds folder that are read, but not as seeds (a folder's metadata)."""

MAX_SEED_BYTES = 64 * 1024 * 1024
"""Larger files are skipped: no article is that long, and reading it would stall a build."""

_ZERO_WIDTH = re.compile("[\u200b\u200c\u2060\ufeff\u00ad]")
"""Zero-width space/non-joiner, word joiner, stray BOMs, soft hyphen. ZWJ (U+200D) stays:
it is part of emoji sequences."""
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Skipped:
    """A seed we could not read, and why (one line in the ingest summary)."""

    path: Path
    reason: str


def discover(root: Path, unknown: list[Path] | None = None,
             linked: list[Path] | None = None) -> Iterator[Path]:
    """Yield seed files under ``root``, recursively, sorted by relative path.

    Symlinked folders are not followed (a symlink loop would never end); symlinked
    files are read. Hidden files and folders (editor swap files, ``.git``) are skipped.
    Files of a kind that is not read (not a seed format, not ``index.tsv``) are appended
    to ``unknown``, sorted, when a list is given, so the caller can say so once; so are
    symlinked folders to ``linked``: their seeds are not read, which a curator who linked
    an archive in must be told rather than find no post and no word about it.
    """
    if root.is_file():
        yield root
        return
    found: list[tuple[str, Path]] = []
    others: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if linked is not None:
            linked.extend(Path(dirpath) / d for d in dirnames if (Path(dirpath) / d).is_symlink())
        for name in filenames:
            if name.startswith(".") or name in NOT_SEEDS:
                continue
            path = Path(dirpath) / name
            suffix = path.suffix.lower()
            if suffix in SEED_SUFFIXES or suffix in CONTAINER_SUFFIXES:
                found.append((path.relative_to(root).as_posix(), path))
            else:
                others.append((path.relative_to(root).as_posix(), path))
    if unknown is not None:
        unknown.extend(path for _, path in sorted(others))
    for _, path in sorted(found):
        yield path


def name_problem(rel: str) -> str | None:
    """Why a seed's file name cannot be used, or None.

    A name that is not UTF-8 (a Latin-1 file system, a scraper that wrote raw bytes)
    reaches Python with surrogates in it, which no post's front matter, manifest or
    URL can hold. Skipping it with a message is better than a post whose writing
    fails halfway: the curator renames the file and the next run takes it.
    """
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not valid UTF-8; rename the file (e.g. convmv -f latin1 -t utf8)"
    return None


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings); raise :class:`SeedError` for binary data."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, []
            except UnicodeDecodeError as exc:
                reason = f"invalid {codec} after its byte-order mark ({exc.reason})"
                raise SeedError(reason) from None
    if b"\x00" in data:
        raise SeedError("contains NUL bytes (binary file, or UTF-16 without a byte-order mark)")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise SeedError("not valid UTF-8, and not text in cp1252 either")
    return text, "cp1252", ["not valid UTF-8; decoded as cp1252 (Windows Latin-1)"]


def normalise(text: str) -> str:
    """Line endings to ``\\n``, Unicode NFC, no zero-width or control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def read_bytes(path: Path) -> tuple[bytes, float]:
    """A seed file's bytes and mtime, or :class:`SeedError` saying why it cannot be used:
    not a regular file (reading a FIFO would block forever), too large, unreadable, empty."""
    try:
        stat = path.stat()
        if not stat_mode.S_ISREG(stat.st_mode):
            raise SeedError("not a regular file (a pipe, socket or device)")
        if stat.st_size > MAX_SEED_BYTES:
            raise SeedError(f"larger than {MAX_SEED_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise SeedError(f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise SeedError("is empty")
    return data, stat.st_mtime


def read_seed(path: Path, root: Path | None = None) -> RawSeed:
    """Read one seed file; raise :class:`SeedError` with the reason when it cannot be used.

    A JSON, JSON Lines or feed file holds many seeds: read it with
    :func:`news_digest.ingest.formats.read_records`, not as one text (ingest and
    ``inspect`` do; this refusal only guards a caller that forgot).
    """
    if path.suffix.lower() in CONTAINER_SUFFIXES:
        raise SeedError("holds one seed per record or feed entry, not one text")
    data, mtime = read_bytes(path)
    text, encoding, warnings = decode(data)
    text = normalise(text)
    if not text.strip():
        raise SeedError("is empty")
    try:
        rel = path.relative_to(root).as_posix() if root is not None and root.is_dir() \
            else path.name
    except ValueError:
        rel = path.name
    meta: tuple[tuple[str, str], ...] = ()
    if SEED_SUFFIXES.get(path.suffix.lower(), "text") == "text":
        text, meta, more = stated_front_matter(text)
        warnings.extend(more)
    return RawSeed(
        path=path,
        rel=rel,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        mtime=mtime,
        format=SEED_SUFFIXES.get(path.suffix.lower(), "text"),
        warnings=tuple(warnings),
        meta=meta,
    )


STATED_KEYS: tuple[str, ...] = ("title", "date", "url", "publisher", "author")
"""The facts a text seed's own front matter may state, named as a JSON record's
(:mod:`.containers`): ingest trusts them as it trusts a record's fields."""

_FRONT_MATTER_KEY = re.compile(r"[a-z_][a-z0-9_-]*\Z")
"""A front-matter key: lower-case, one token ("title", "date_published"). Prose between
two rule lines that YAML reads as a mapping ("UPDATE: the council said …") has a
capitalised or spaced key, so it stays article text."""


def stated_front_matter(text: str) -> tuple[str, tuple[tuple[str, str], ...], list[str]]:
    """(text, stated facts, warnings) for a text seed that opens with a YAML front-matter
    block: a post copied from another static site, or a scraper that writes a header.

    The block is facts, not article text: read as text, its ``---`` fence became the
    post's title. A block YAML cannot read as such a mapping stays text without its
    fences, with a warning (a ``---`` line is a rule, never words of the article)."""
    head, body = split_front_matter(text)
    if head is None:
        return text, (), []
    try:
        data = yaml.load(head, Loader=Loader)
        reason = "its keys are not front matter"
    except Exception as exc:  # a seed's YAML is untrusted: a bad date
        # ("2024-13-45"), a key given twice or deep nesting must not stop the plan
        problem = getattr(exc, "problem", None) or type(exc).__name__
        data, reason = None, f"invalid YAML: {problem}"
    if not isinstance(data, dict) or not data \
            or not all(_FRONT_MATTER_KEY.match(str(key)) for key in data):
        return f"{head}\n{body}", (), [f"opens with a --- block that is not front matter "
                                       f"({reason}); its lines are read as text"]
    facts = []
    for key in STATED_KEYS:
        value = data.get(key)
        if key == "url" and value is None:
            source = data.get("source")
            value = source.get("url") if isinstance(source, dict) else source
        if isinstance(value, list) and value and key == "author":
            value = ", ".join(str(v) for v in value if isinstance(v, str | int))
        if isinstance(value, str | int | float) or hasattr(value, "isoformat"):
            shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
            if shown.strip():
                facts.append((key, " ".join(shown.split())))
    return body, tuple(facts), []


INDEX_NAME = "index.tsv"
"""A scraper's list of what it saved: ``file`` plus any of ``date``, ``url``, ``publisher``,
``title`` columns, tab-separated with a header line. Its facts beat guesses from text."""


def load_index(folder: Path) -> dict[str, dict[str, str]]:
    """Per-file metadata from ``folder/index.tsv``, keyed by file name; empty if absent.

    A malformed line is skipped with a warning naming the file and line number.
    """
    path = folder / INDEX_NAME
    try:
        text = normalise(decode(path.read_bytes())[0])
    except (OSError, SeedError):
        return {}
    lines = text.split("\n")
    header = [h.strip().lower() for h in lines[0].split("\t")]
    if "file" not in header:
        log.warning("%s: first line must name the columns, with a 'file' column",
                    shown_path(path))
        return {}
    rows: dict[str, dict[str, str]] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) > len(header):
            log.warning("%s:%d: %d columns, header has %d; line skipped",
                        shown_path(path), number, len(cells), len(header))
            continue
        row = {k: v.strip() for k, v in zip(header, cells, strict=False) if v.strip()}
        rows[row.pop("file", "")] = row
    rows.pop("", None)
    return rows

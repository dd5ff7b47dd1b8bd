"""Helpers for the hostile-input tests: settings, snapshots, ingest and build runs."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from news_digest.ingest.run import Report, ingest
from news_digest.settings import Settings

from . import corpus

REPO = Path(__file__).resolve().parents[2]

HEAVY = frozenset({"huge-single-line", "million-lines", "million-lines-with-article",
                   "many-paragraphs"})
"""Cases that cost seconds each to clean; builds that are repeated leave them out."""


def hostile_settings(root: Path) -> Settings:
    """Ingest settings for a site under ``root``: rules NER and one process, for speed."""
    return Settings(seeds=root / "seeds", content=root / "content", data_dir=root / "data",
                    ner_backend="rules", processes=1, search=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) by relative path → bytes."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@dataclass
class Run:
    """One ingest: its report and every warning it logged, as text lines."""

    report: Report
    warnings: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@contextmanager
def collect_warnings() -> Iterator[list[str]]:
    """Warnings logged by the plugin (``news_digest.*``) while the block runs."""
    handler = _Collect()
    logger = logging.getLogger("news_digest")
    logger.addHandler(handler)
    try:
        yield handler.lines
    finally:
        logger.removeHandler(handler)


def run_ingest(settings: Settings) -> Run:
    with collect_warnings() as lines:
        report = ingest(settings)
    return Run(report, lines)


def pelican_build(root: Path, output: Path, **override: Any) -> Path:
    """Build ``root``'s site with the repo's pelicanconf.py (ingest included unless told)."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(output),
        "THEME": str(REPO / "theme"),
        "PLUGIN_PATHS": [str(REPO / "plugins")],
        "NEWS_DIGEST_SEEDS": str(root / "seeds"),
        "NEWS_DIGEST_DATA_DIR": str(root / "data"),
        "NEWS_DIGEST_NER_BACKEND": "rules",
        "NEWS_DIGEST_PROCESSES": 1,
        "NEWS_DIGEST_SEARCH": False,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        **override,
    })
    Pelican(settings).run()
    return output


@dataclass
class HostileSite:
    """The whole hostile corpus, ingested and built."""

    root: Path
    output: Path
    run: Run
    cases: list[corpus.Case]
    posts: dict[str, str]
    """Case name → post path (relative to content) for cases that made a post."""


def posts_by_seed(content: Path) -> dict[str, str]:
    """Seed path (as in front matter, without the ``seeds/`` label) → post path."""
    import yaml

    from news_digest.frontmatter import split_front_matter

    found = {}
    for path in sorted(content.rglob("*.md")):
        head, _ = split_front_matter(path.read_text(encoding="utf-8"))
        if head is None:
            continue
        fm = yaml.safe_load(head)
        seed = str(fm["source"]["seed"]).removeprefix("seeds/")
        found[seed] = path.relative_to(content).as_posix()
    return found


def copy_site(src: Path, dst: Path) -> Path:
    for name in ("seeds", "content", "data"):
        if (src / name).exists():
            shutil.copytree(src / name, dst / name, symlinks=True)
    return dst

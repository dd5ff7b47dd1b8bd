"""The ``news-digest`` command: ``ingest`` seeds into posts, ``inspect`` what cleaning sees.

Exit codes: 0 all good, 1 some seeds were skipped (each named with its reason on
stderr), 2 usage or settings error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from news_digest import settings as settings_mod
from news_digest.commands import curate, entities_edit, entities_review
from news_digest.enrich.pipeline import EnrichContext
from news_digest.errors import NewsDigestError
from news_digest.model import Article
from news_digest.text import shown_path

EPILOG = """examples:
  news-digest ingest                       # seeds/ -> content/, as `make html` does
  news-digest ingest --seeds ~/scrapes --content content
  news-digest inspect seeds/000_5e547131be4d3005.txt --json
  news-digest inspect seeds/ --json > cleaned.jsonl
  news-digest inspect seeds/wire.jsonl --json   # one line per record or feed entry
  news-digest feature iran-strikes         # lead its edition and the home page
  news-digest hide content/2020/test-page.md
  news-digest unhide test-page -v
"""

INSPECT_KEYS = ("seed", "title", "date", "date_source", "section", "caption", "summary",
                "paragraphs", "removed", "topics", "entities", "keywords", "warnings")
"""The keys of one ``inspect --json`` line; stable, so scripts can rely on them."""


def load_settings(args: argparse.Namespace) -> settings_mod.Settings:
    """Settings from ``./pelicanconf.py`` when present, then the command's flags."""
    mapping: dict[str, Any] = {}
    conf = Path(args.settings)
    if conf.exists():
        from pelican.settings import read_settings

        pelican_settings = read_settings(str(conf))
        mapping.update(pelican_settings)
        mapping.setdefault("NEWS_DIGEST_CONTENT", pelican_settings.get("PATH", "content"))
        settings_mod.with_cache_default(mapping, pelican_settings)
    elif args.settings != "pelicanconf.py":
        raise settings_mod.SettingsError(f"--settings {args.settings}: file not found")
    for flag, key in (("seeds", "SEEDS"), ("content", "CONTENT"), ("data", "DATA_DIR"),
                      ("processes", "PROCESSES"), ("backend", "NER_BACKEND")):
        value = getattr(args, flag, None)
        if value is not None:
            mapping[settings_mod.PREFIX + key] = value
    return settings_mod.from_mapping(mapping, base=Path.cwd())


def cmd_ingest(args: argparse.Namespace) -> int:
    from news_digest.ingest.run import ingest, main_progress

    s = load_settings(args)
    if not s.seeds.exists():
        print(f"news-digest: seeds folder {shown_path(s.seeds)} not found", file=sys.stderr)
        return 2
    report = ingest(s, progress=None if args.quiet else main_progress())
    # Skipped seeds, kept curated posts and the warnings of each post written are logged
    # by ingest itself, one line each naming the file (Pelican's build shows the same).
    for post in report.orphaned:
        print(f"seed gone, post kept: {post}", file=sys.stderr)
    print(report.summary_line())
    return report.exit_code


def _paths(inputs: Sequence[str]) -> Iterator[tuple[str, Path, Path | None]]:
    """(as given, file, root) for each input file, folders expanded in stable order."""
    from news_digest.ingest.seeds import discover

    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for found in discover(path):
                yield str(found), found, path
        else:
            yield given, path, None


def inspect_record(given: str, article: Article) -> dict[str, Any]:
    d = article.draft
    return {
        "seed": given,
        "title": d.title,
        "date": article.date.isoformat(),
        "date_source": article.date_source,
        "section": d.section,
        "caption": d.caption,
        "summary": article.summary,
        "paragraphs": list(d.paragraphs),
        "removed": [{"text": r.text, "reason": r.reason} for r in d.removed],
        "topics": [{"id": t.id, "label": t.label, "score": t.score} for t in article.topics],
        "entities": [{"name": e.name, "type": e.type, "aliases": list(e.aliases),
                      "count": e.count} for e in article.entities],
        "keywords": list(article.keywords),
        "warnings": list(article.warnings),
    }


def cmd_inspect(args: argparse.Namespace) -> int:
    from news_digest.ingest.formats import is_container, read_records
    from news_digest.ingest.isolate import enrich_each
    from news_digest.ingest.plan import make_jobs
    from news_digest.ingest.seeds import SeedError, read_seed
    from news_digest.ingest.workers import examine

    s = load_settings(args)
    ctx = EnrichContext(s)  # one context: models load once for every seed inspected
    status = 0
    items = list(_paths(args.paths))
    raws: list[tuple[str, Any]] = []
    for given, path, root in items:
        try:
            if not is_container(path):
                raws.append((given, read_seed(path, root)))
                continue
            # A JSON, JSON Lines or feed file: one seed per record, each named as
            # ingest's lines name it (its line or index, and its URL).
            records = read_records(path, root)
            raws.extend((raw.shown, raw) for raw in records.seeds)
            for problem in records.problems:
                print(f"skipped {shown_path(problem.label)}: {problem.reason}",
                      file=sys.stderr)
                status = 1
        except SeedError as exc:
            print(f"skipped {shown_path(given)}: {exc}", file=sys.stderr)
            status = 1
    # The same boilerplate and index ingest would use: each seed's own folder, sampled.
    jobs = make_jobs([raw for _, raw in raws], s, folder_of=lambda raw: raw.path.parent,
                     cache=False)
    batch: list[tuple[str, Article]] = []

    def flush() -> None:
        nonlocal status
        enriched = enrich_each([a for _, a in batch], ctx)  # as ingest: one seed's failure
        for (given, _), article in zip(batch, enriched, strict=True):
            if isinstance(article, str):
                print(f"skipped {shown_path(given)}: {article}", file=sys.stderr)
                status = 1
                continue
            record = inspect_record(given, article)
            print(json.dumps(record, ensure_ascii=False) if args.json else _human(record))
        batch.clear()

    for (given, _), job in zip(raws, jobs, strict=True):
        article, skip = examine(job, s, keep_empty=True)  # ingest's own rules
        if skip is not None:
            status = 1
            if article is None:
                print(f"skipped {shown_path(given)}: {skip.reason}", file=sys.stderr)
                continue
            print(f"{shown_path(given)}: ingest would skip it: {skip.reason}", file=sys.stderr)
        batch.append((given, article))
        if len(batch) >= s.batch_size:
            flush()
    if batch:
        flush()
    return status


def _human(record: dict[str, Any]) -> str:
    lines = [f"== {record['seed']}", f"title:    {record['title']}",
             f"date:     {record['date']} ({record['date_source']})",
             f"section:  {record['section']}", f"caption:  {record['caption']}",
             f"summary:  {record['summary']}",
             "topics:   " + ", ".join(f"{t['label']} ({t['score']})" for t in record["topics"]),
             "keywords: " + ", ".join(record["keywords"])]
    for e in record["entities"]:
        aliases = f" (also: {', '.join(e['aliases'])})" if e["aliases"] else ""
        lines.append(f"  {e['type']:<12} {e['name']} ×{e['count']}{aliases}")
    lines.append(f"paragraphs: {len(record['paragraphs'])}")
    lines.extend(f"  removed [{r['reason']}]: {r['text'][:100]}" for r in record["removed"])
    lines.extend(f"  warning: {w}" for w in record["warnings"])
    return "\n".join(lines) + "\n"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="news-digest", description="Turn raw scraped articles into a news digest site.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--settings", default="pelicanconf.py",
                        help="Pelican settings file to read NEWS_DIGEST_* from "
                             "(default: ./pelicanconf.py when present)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    # The global options again on every sub-command, so they work before or after it;
    # SUPPRESS: an option not given after the sub-command keeps the value given before.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--settings", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="log more")
    sub = parser.add_subparsers(dest="command", required=True)

    ingest = sub.add_parser("ingest", help="write posts for new or changed seeds",
                            epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
                            parents=[common])
    ingest.add_argument("--seeds", help="seed folder (default: NEWS_DIGEST_SEEDS or seeds/)")
    ingest.add_argument("--content", help="content folder (default: Pelican's PATH)")
    ingest.add_argument("--data", help="folder of entities.yml/topics.yml (default: data/)")
    ingest.add_argument("--processes", type=int, help="worker processes (0: one per core)")
    ingest.add_argument("--backend", choices=("auto", "spacy", "rules"), help="NER backend")
    ingest.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ingest.set_defaults(func=cmd_ingest)

    inspect = sub.add_parser("inspect", help="show what cleaning and enrichment make of seeds",
                             epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
                             parents=[common])
    inspect.add_argument("paths", nargs="+", help="seed files or folders")
    inspect.add_argument("--json", action="store_true", help="one JSON object per line")
    inspect.add_argument("--data", help="folder of entities.yml/topics.yml (default: data/)")
    inspect.add_argument("--backend", choices=("auto", "spacy", "rules"), help="NER backend")
    inspect.set_defaults(func=cmd_inspect)
    curate.add_parsers(sub, load_settings, parents=[common])
    entities = sub.add_parser("entities", help="review and edit the entity registry",
                              parents=[common])
    entities_sub = entities.add_subparsers(dest="entities_command", required=True)
    entities_edit.register(entities_sub, load_settings)
    entities_review.register(entities_sub, load_settings)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(message)s")
    try:
        return args.func(args)
    except NewsDigestError as exc:
        print(f"news-digest: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

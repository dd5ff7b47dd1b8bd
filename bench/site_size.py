"""What a built site costs on static hosting: bytes and files per article, by kind of page.

Free static hosts cap a site by total size (GitHub Pages: 1 GB) and by file count
(Cloudflare Pages: 20,000 files), so the budget is per article: at most 100 KB and 4
files, which lets 10,000 articles fit both. This walks an ``output/`` folder, sorts every
file into a kind by its path, and prints, per kind, the files, the bytes and both per
article (articles = the article pages found).

    python bench/site_size.py output/            # a table
    python bench/site_size.py output/ --json     # one JSON object, for bench/run.py

Nothing is built here; point it at any build (``make html``, a ``bench/run.py`` site).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ARTICLE = re.compile(r"^\d{4}/\d{2}/\d{2}/[^/]+/index\.html$")

KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("article pages", ARTICLE),
    ("story pages", re.compile(r"^stories/")),
    ("entity pages", re.compile(r"^entities/.*\.html$")),
    ("topic pages", re.compile(r"^topics/.*\.html$")),
    ("edition pages", re.compile(r"^editions/.*\.html$")),
    ("home and listings", re.compile(r"^(index\.html|page/)")),
    ("entity feeds", re.compile(r"^feeds/entities/")),
    ("topic feeds", re.compile(r"^feeds/topics/")),
    ("site and edition feeds", re.compile(r"^feeds/")),
    ("search index", re.compile(r"^pagefind/")),
    ("sitemaps and robots", re.compile(r"^(sitemap|news-sitemap)\.xml$|^robots\.txt$")),
    ("theme", re.compile(r"^theme/")),
)
"""First match wins; anything else is ``other``."""

BUDGET_BYTES = 100_000
BUDGET_FILES = 4


def kind_of(rel: str) -> str:
    for name, pattern in KINDS:
        if pattern.search(rel):
            return name
    return "other"


def measure(files: Iterable[tuple[str, int]]) -> dict[str, object]:
    """``files``: (path relative to output, size). Returns the per-kind table as data."""
    count: Counter[str] = Counter()
    size: Counter[str] = Counter()
    for rel, n in files:
        kind = kind_of(rel)
        count[kind] += 1
        size[kind] += n
    articles = count["article pages"]
    per = max(1, articles)
    kinds = [name for name, _ in KINDS] + ["other"]
    rows = [{"kind": k, "files": count[k], "bytes": size[k],
             "files_per_article": count[k] / per, "bytes_per_article": size[k] / per}
            for k in kinds if count[k]]
    total_files, total_bytes = sum(count.values()), sum(size.values())
    return {"articles": articles, "files": total_files, "bytes": total_bytes,
            "files_per_article": total_files / per, "bytes_per_article": total_bytes / per,
            "within_budget": (total_bytes / per <= BUDGET_BYTES
                              and total_files / per <= BUDGET_FILES),
            "kinds": rows}


def walk(output: Path) -> list[tuple[str, int]]:
    return sorted((p.relative_to(output).as_posix(), p.stat().st_size)
                  for p in output.rglob("*") if p.is_file())


def table(report: dict[str, object]) -> str:
    lines = [f"{'kind':<24} {'files':>8} {'MB':>9} {'files/art':>10} {'KB/art':>8}"]
    for row in report["kinds"]:  # type: ignore[union-attr]
        lines.append(f"{row['kind']:<24} {row['files']:>8} {row['bytes'] / 1e6:>9.2f} "
                     f"{row['files_per_article']:>10.2f} {row['bytes_per_article'] / 1e3:>8.1f}")
    lines.append(f"{'total':<24} {report['files']:>8} {report['bytes'] / 1e6:>9.2f} "
                 f"{report['files_per_article']:>10.2f} {report['bytes_per_article'] / 1e3:>8.1f}")
    lines.append(f"{report['articles']} articles; budget {BUDGET_BYTES // 1000} KB and "
                 f"{BUDGET_FILES} files per article: "
                 f"{'within' if report['within_budget'] else 'OVER'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="a built site's output folder")
    parser.add_argument("--json", action="store_true", help="print JSON, not a table")
    args = parser.parse_args(argv)
    if not args.output.is_dir():
        print(f"site_size: {args.output}: not a folder", file=sys.stderr)
        return 2
    report = measure(walk(args.output))
    print(json.dumps(report, indent=1) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Entity pages of a built site: how many, how many with one story, and a sample to judge.

Reads a built output folder (no plugin code: it measures what a reader sees) and prints

- the number of entity pages per type and the share with exactly one story;
- people whose pages look like one person twice (same last word and first word, or a
  bare word that is the last word of another person page) — a *lead* for the judge,
  not a verdict;
- with ``--sample FILE``, a TSV of ``--random`` pages drawn with a fixed seed plus the
  ``--top`` most-linked pages (links counted over article pages), one line per page:
  sample, url, type, name, stories, aliases, and empty columns for the judge
  (entity, type_ok, well_formed, duplicate_of, note). The judging rules are in
  ``bench/entity_pages_judged.md``; the judging is done by a person reading the page.
- with ``--judged FILE``, the clean-page rate of a judged TSV.

    .venv/bin/python bench/entity_pages.py OUTPUT [--sample out.tsv] [--judged judged.tsv]

The Wikinews build it was written for is made as ``docs/entities.md`` says; when the
output folder is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import html
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

GROUPS = ("people", "organizations", "places")
_H1 = re.compile(r"<h1>(.*?)(?: <span|</h1>)", re.S)
_STORIES = re.compile(r"<dt>Stories</dt><dd>(\d+)</dd>")
_ALIASES = re.compile(r'<dd class="aliases">(.*?)</dd>', re.S)
_LINK = re.compile(r'href="[^"]*?/?(entities/(?:people|organizations|places)/[^"/]+/)"')


@dataclass(frozen=True)
class Page:
    url: str
    group: str
    name: str
    stories: int
    aliases: str


def _no_duplicate(value: str) -> bool:
    """An empty ``duplicate_of``, or the "-" some judges write for "none"."""
    return value.strip() in ("", "-")


def read_pages(output: Path) -> list[Page]:
    pages = []
    for group in GROUPS:
        folder = output / "entities" / group
        if not folder.is_dir():
            continue
        for index in sorted(folder.glob("*/index.html")):
            text = index.read_text("utf-8")
            name = _H1.search(text)
            stories = _STORIES.search(text)
            aliases = _ALIASES.search(text)
            pages.append(Page(f"entities/{group}/{index.parent.name}/", group,
                              html.unescape(name.group(1).strip()) if name else "?",
                              int(stories.group(1)) if stories else 0,
                              html.unescape(aliases.group(1)) if aliases else ""))
    return pages


def link_counts(output: Path) -> Counter[str]:
    """Links to each entity page from article pages (``/YYYY/MM/DD/slug/``)."""
    counts: Counter[str] = Counter()
    for path in output.glob("[12][0-9][0-9][0-9]/*/*/*/index.html"):
        counts.update(set(_LINK.findall(path.read_text("utf-8"))))
    return counts


def duplicate_people(pages: list[Page]) -> list[tuple[str, str]]:
    """Pairs of person pages that may be one person (leads for the judge)."""
    people = [p for p in pages if p.group == "people"]
    by_last: dict[str, list[Page]] = defaultdict(list)
    for p in people:
        words = p.name.split()
        if words:
            by_last[words[-1].casefold()].append(p)
    pairs = []
    for same in by_last.values():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                wa, wb = a.name.split(), b.name.split()
                if len(wa) == 1 or len(wb) == 1 or wa[0].casefold() == wb[0].casefold():
                    pairs.append((a.name, b.name))
    return sorted(pairs)


def clean_rate(judged: Path) -> None:
    with judged.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for sample in sorted({r["sample"] for r in rows}):
        got = [r for r in rows if r["sample"] == sample]
        real = [r for r in got if r["entity"] == "y"]
        typed = [r for r in real if r["type_ok"] == "y"]
        formed = [r for r in real if r["well_formed"] == "y"]
        unique = [r for r in got if _no_duplicate(r["duplicate_of"])]
        clean = [r for r in got if r["entity"] == "y" and r["type_ok"] == "y"
                 and r["well_formed"] == "y" and _no_duplicate(r["duplicate_of"])]
        n = len(got)
        print(f"{sample}: {n} pages; real entity {len(real)}/{n} ({len(real) / n:.1%}); "
              f"right type {len(typed)}/{len(real) or 1} ({len(typed) / (len(real) or 1):.1%}); "
              f"well-formed {len(formed)}/{len(real) or 1} "
              f"({len(formed) / (len(real) or 1):.1%}); not a duplicate {len(unique)}/{n}; "
              f"CLEAN {len(clean)}/{n} ({len(clean) / n:.1%})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--sample", type=Path)
    parser.add_argument("--judged", type=Path)
    parser.add_argument("--random", type=int, default=200)
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args(argv)
    if args.judged:
        clean_rate(args.judged)
        return 0
    if not (args.output / "entities").is_dir():
        print(f"skipped: no built site with entity pages at {args.output}")
        return 0
    pages = read_pages(args.output)
    n = len(pages)
    one = sum(p.stories == 1 for p in pages)
    per = Counter(p.group for p in pages)
    print(f"entity pages: {n} ({', '.join(f'{g} {per[g]}' for g in GROUPS)}); "
          f"with one story: {one} ({one / max(n, 1):.1%})")
    dups = duplicate_people(pages)
    print(f"person pages that may be one person (leads): {len(dups)}")
    for a, b in dups[:40]:
        print(f"  {a} | {b}")
    if args.sample:
        links = link_counts(args.output)
        total = sum(links.values())
        print(f"entity links from articles: {total}")
        rng = random.Random(args.seed)
        chosen = rng.sample(pages, min(args.random, n))
        by_url = {p.url: p for p in pages}
        top = [by_url[u] for u, _ in sorted(links.items(), key=lambda kv: (-kv[1], kv[0]))
               if u in by_url][:args.top]
        with args.sample.open("w", encoding="utf-8", newline="") as fh:
            out = csv.writer(fh, delimiter="\t", lineterminator="\n")
            out.writerow(["sample", "url", "type", "name", "stories", "links", "aliases",
                          "entity", "type_ok", "well_formed", "duplicate_of", "note"])
            for label, group in (("random", chosen), ("top", top)):
                for p in group:
                    out.writerow([label, p.url, p.group, p.name, p.stories, links[p.url],
                                  p.aliases, "", "", "", "", ""])
        print(f"wrote {args.sample}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

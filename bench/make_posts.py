"""Multiply a folder of ingested posts into a larger corpus for build benchmarks.

    python bench/make_posts.py --src /tmp/inc/content --out bench/work/5k/content --count 5000

Copy ``k`` of a post (k = 1, 2, …) gets ``title + " (part k)"``, ``slug + "-pk"``,
``date + k days`` and a distinct ``source.sha256``; nothing else is recomputed, so the
``ingest.digest`` no longer matches and the copies count as curated posts (which is
fine for build tests). Copy 0 is the original, byte for byte. Posts are taken round
robin in path order, so the output is the same for the same input and count.

``--data`` copies a data folder (``entities.yml``, ``topics.yml``) beside the content.
Writing is skipped for a file whose bytes are already there, so re-running is cheap.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def split(text: str) -> tuple[str, str]:
    """(front matter YAML, body) of a post written by ingest."""
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.index("\n---\n", 3)
    return text[4:end + 1], text[end + 5:]


def variant(text: str, part: int) -> tuple[str, str, str]:
    """(year, slug, text) of copy ``part`` of a post."""
    fm_text, body = split(text)
    fm = yaml.load(fm_text, Loader=Loader)
    date = datetime.fromisoformat(str(fm["date"]))
    if part:
        date += timedelta(days=part)
        fm["title"] = f"{fm['title']} (part {part})"
        fm["slug"] = f"{fm['slug']}-p{part}"
        fm["date"] = date.isoformat()
        source = dict(fm.get("source") or {})
        source["sha256"] = hashlib.sha256(
            f"{source.get('sha256')}:{fm['slug']}:{part}".encode()).hexdigest()
        fm["source"] = source
        head = yaml.dump(fm, Dumper=Dumper, sort_keys=False, allow_unicode=True,
                         width=10**9, default_flow_style=None)
        text = f"---\n{head}---\n{body}"
    return f"{date:%Y}", str(fm["slug"]), text


def make_posts(src: Path, out: Path, count: int, data: Path | None = None) -> int:
    """Write ``count`` posts under ``out``; return how many files were (re)written."""
    originals = sorted(p for p in src.rglob("*.md") if ".news-digest" not in p.parts)
    if not originals:
        raise SystemExit(f"no posts under {src}")
    texts = [p.read_text(encoding="utf-8") for p in originals]
    written = 0
    for i in range(count):
        part, k = divmod(i, len(texts))
        year, slug, text = variant(texts[k], part)
        path = out / year / f"{slug}.md"
        data_bytes = text.encode("utf-8")
        if path.exists() and path.read_bytes() == data_bytes:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data_bytes)
        written += 1
    if data is not None:
        target = out.parent / "data"
        target.mkdir(parents=True, exist_ok=True)
        for f in data.glob("*.yml"):
            shutil.copy2(f, target / f.name)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, default=Path("/tmp/inc/content"),
                    help="folder of ingested posts (default: /tmp/inc/content)")
    ap.add_argument("--out", type=Path, required=True, help="content folder to write")
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--data", type=Path, default=None,
                    help="data folder to copy to OUT/../data (entities.yml, topics.yml)")
    args = ap.parse_args(argv)
    n = make_posts(args.src, args.out, args.count, args.data)
    print(f"{args.count} posts in {args.out} ({n} written)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

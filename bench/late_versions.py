"""What looking for earlier copies costs (a copy that arrives in a later ingest).

    .venv/bin/python bench/late_versions.py --out /tmp/late --count 2000

Makes a site of ``count`` synthetic text seeds in ten source folders (rules NER backend,
four processes) once, then, with two more seeds (one new article, one copy of an
existing post with a sentence added) times :func:`late_versions.find_earlier` with the
sketch cache warm and lost, and one whole ingest of each kind. The seeds are random
sentences over a small vocabulary: only the cost is measured here, not the finding
(the tests show that). Prints one line per figure.
"""

from __future__ import annotations

import argparse
import logging
import random
import time
from pathlib import Path

from news_digest.ingest.late_versions import SKETCH_FILE, Sketches, find_earlier
from news_digest.ingest.manifest import Manifest
from news_digest.ingest.plan import copy_groups, make_jobs, plan
from news_digest.ingest.run import ingest
from news_digest.ingest.seed_stats import SeedStats
from news_digest.settings import Settings

WORD_TEXT = ("council budget school road river mill fire police court minister election vote "
         "company market price energy water hospital doctor patient weather storm flood "
         "train station airport ferry bridge museum library music film festival team match "
         "season player coach league city town village county region state nation army "
         "report study research university student teacher farmer harvest rain wind")
VERB_TEXT = "said announced voted closed opened approved rejected warned found reported"
WORDS, VERBS = WORD_TEXT.split(), VERB_TEXT.split()


def article(rng: random.Random, title: str) -> str:
    paras = []
    for _ in range(rng.randint(4, 8)):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
            words.insert(3, rng.choice(VERBS))
            sentences.append(" ".join(words).capitalize() + ".")
        paras.append(" ".join(sentences))
    return title + "\n\n" + "\n\n".join(paras) + "\n"


def settings(root: Path) -> Settings:
    return Settings(seeds=root / "seeds", content=root / "content", data_dir=root / "data",
                    ner_backend="rules", processes=4, ingest_cache=str(root / "cache"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    root, s = args.out, settings(args.out)
    if not (root / "content").exists():
        rng = random.Random(7)
        for i in range(args.count):
            folder = root / "seeds" / f"source-{i % 10}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"2024-01-{1 + i % 28:02d}-a{i:05d}.txt").write_text(
                article(rng, f"Story number {i} of the day"))
        t = time.perf_counter()
        report = ingest(s)
        print(f"cold ingest of {args.count}: {time.perf_counter() - t:.1f} s wall; "
              f"{report.summary_line()}")
    folder = root / "seeds" / "source-3"
    original = sorted(folder.glob("2024-01-*.txt"))[5].read_text()
    tag = random.randrange(10**9)
    new, copy = folder / f"2024-02-01-new-{tag}.txt", folder / f"2024-02-01-copy-{tag}.txt"
    new.write_text(article(random.Random(tag), "A new story"))
    copy.write_text(original.replace("\n\n", "\n\nThe mayor said more would follow.\n\n", 1))
    manifest = Manifest.load(s.manifest_path)
    stats = SeedStats(s.ingest_cache_dir, s.seeds, s.content)
    planned = plan(s, manifest, dict(manifest.skipped), stats.entries)
    jobs = make_jobs([p.raw for p in planned.pending], s)
    grouped, bodies = copy_groups(jobs, s)
    replaces = {p.raw.sha256: p.replaces for p in planned.pending}
    sketch_file = s.ingest_cache_dir / SKETCH_FILE if s.ingest_cache_dir else None
    if sketch_file is not None:  # made for this code (the file keys on it)
        sketches = Sketches(s.ingest_cache_dir, s.seeds, s.content)
        find_earlier(grouped, bodies, s, manifest, planned.seen, sketches, replaces,
                     lambda raws: make_jobs(raws, s))
        sketches.save(manifest)
    for label in ("sketches kept", "sketches kept, again", "sketch cache lost"):
        t = time.perf_counter()
        sketches = Sketches(s.ingest_cache_dir if "lost" not in label else None,
                            s.seeds, s.content)
        found = find_earlier(grouped, bodies, s, manifest, planned.seen, sketches, replaces,
                             lambda raws: make_jobs(raws, s))
        print(f"find_earlier, {label}: {time.perf_counter() - t:.3f} s "
              f"({len(jobs)} new seeds, {len(manifest.posts)} seeds behind posts; "
              f"{len(found.rewrite)} post found)")
    if sketch_file is not None:
        print(f"{SKETCH_FILE}: {sketch_file.stat().st_size / 1e6:.2f} MB")
    t = time.perf_counter()
    report = ingest(s)
    print(f"ingest of the two seeds: {time.perf_counter() - t:.2f} s wall; "
          f"{report.summary_line()}")


if __name__ == "__main__":
    main()

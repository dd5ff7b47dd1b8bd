"""Learned entity aliases on real text: what ingest learns, whether the curator's file stays put.

    python bench/learned_aliases.py wikinews  --work /tmp/la-wn  --out bench/work/wn.tsv
    python bench/learned_aliases.py mixed1000 --work /tmp/la-1k  --out bench/work/1k.tsv

``wikinews`` ingests the corpus's 295 Wikinews articles; ``mixed1000`` 1,000 seeds
recombined from the BBC and Wikinews texts the way ``bench/run.py`` builds its corpora
(copy *k* of an article gets a donor sentence per paragraph). Each run starts from the
shipped registry written as the site's ``data/entities.yml`` and prints:

* whether that file is byte-identical after ingest (it must be: ingest writes only
  ``entities.learned.yml``);
* how many aliases were learned and are in use, and how many wait for evidence;
* whether any never-merge pair (the table of ``tests/test_learned.py``) resolves to
  one entity;
* a TSV of the aliases in use (all of them, or a deterministic sample of ``--sample``
  by a hash of the alias), with the evidence sentence, for a human to judge. The
  judgements and the rules used are in ``bench/learned_judged.md``.

Exits 0 with "skipped: …" when the corpus is absent. Nothing here tunes anything: the
figures are measured once on the output of the code as it stands.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

CORPUS = ROOT.parent / "shared" / "corpus"

NEVER_MERGE = [("United States", "Universal Studio"), ("United States", "US Senate"),
               ("United States", "UBS Securities"),
               ("World Trade Organization", "World Tourism Organisation"),
               ("South Africa", "South Africans"), ("Tony Blair", "Labour Party"),
               ("Tony Blair", "Blair Labour")]


def seeds_for(kind: str, corpus: Path, work: Path) -> Path:
    if kind == "wikinews":
        return corpus / "wikinews" / "articles"
    from run import make_corpus  # bench/run.py

    dest = work / "seeds"
    make_corpus(corpus, 1000, dest)
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=("wikinews", "mixed1000"))
    parser.add_argument("--work", type=Path, required=True, help="scratch folder (recreated)")
    parser.add_argument("--out", type=Path, help="TSV of learned aliases in use")
    parser.add_argument("--sample", type=int, default=0, help="sample size (0: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    if not (args.corpus / "wikinews" / "articles").is_dir():
        print(f"skipped: corpus not found at {args.corpus}")
        return 0

    from news_digest.ingest.run import ingest
    from news_digest.settings import Settings
    from news_digest.vocab import learned
    from news_digest.vocab.knowledge import load_registry
    from news_digest.vocab.registry import default_text

    if args.work.exists():
        shutil.rmtree(args.work)
    (args.work / "data").mkdir(parents=True)
    seeds = seeds_for(args.kind, args.corpus, args.work)
    curated = args.work / "data" / "entities.yml"
    curated.write_text(default_text(), "utf-8")
    before = hashlib.sha256(curated.read_bytes()).hexdigest()
    settings = Settings(seeds=seeds, content=args.work / "content", data_dir=args.work / "data",
                        processes=args.processes)
    report = ingest(settings)
    after = hashlib.sha256(curated.read_bytes()).hexdigest()
    print(f"{args.kind}: {len(report.new)} posts, {len(report.skipped)} skipped")
    print(f"curator's entities.yml unchanged by ingest: {before == after}")
    used = learned.learned_aliases(settings.data_dir)
    everything = learned.learned_aliases(settings.data_dir, include_pending=True)
    print(f"learned aliases in use: {len(used)}; waiting for evidence: "
          f"{len(everything) - len(used)}")
    registry = load_registry(curated)
    merged = [(a, b) for a, b in NEVER_MERGE
              if (ca := registry.canonical(a)) and (cb := registry.canonical(b))
              and ca[0] == cb[0]]
    print(f"never-merge pairs merged: {len(merged)} {merged or ''}".rstrip())
    rows = sorted(used, key=lambda a: hashlib.sha1(f"{a.alias}\t{a.name}".encode()).hexdigest())
    if args.sample:
        rows = rows[:args.sample]
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as fh:
            fh.write("alias\tname\ttype\treason\tarticles\tevidence\n")
            for a in sorted(rows, key=lambda a: (a.name, a.alias)):
                ev = " | ".join(f"{e.article}: {e.sentence}" for e in a.evidence[:2])
                fh.write(f"{a.alias}\t{a.name}\t{a.type}\t{a.reason}\t{len(a.evidence)}\t"
                         f"{ev.replace(chr(9), ' ')}\n")
        print(f"wrote {len(rows)} rows to {args.out}")
    return 0 if before == after and not merged else 1


if __name__ == "__main__":
    sys.exit(main())

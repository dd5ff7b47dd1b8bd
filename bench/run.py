"""Speed at 1k / 5k / 10k articles: ingest, NER floor, builds, plain Pelican.

Builds seed corpora deterministically in ``bench/work/`` (gitignored) by recombining
``../shared/corpus/wikinews/articles`` and ``bbc-dev`` texts: copy *k* of an article gets
the title ``"<title> (part k+1)"``, a date spread over the archive's days (``index.tsv``
per source folder, and a rewritten dateline for Wikinews), and one sentence of a
different article appended to each prose paragraph, so no paragraph repeats verbatim
across copies (the cleaner would learn a repeated line as the source's boilerplate).

Every phase runs in its own subprocess, so wall time, CPU time (the process and the
workers it waited for, from ``wait4``) and peak RSS are real. Peak RSS is reported two
ways: the largest single process (kernel ``ru_maxrss``) and the sum over the process tree
sampled every 0.1 s from ``/proc``.

    python bench/run.py                       # 1k, 5k, 10k; writes docs/benchmarks.md
    python bench/run.py --sizes 1000,5000     # choose sizes
    python bench/run.py --quick               # 200-seed smoke run, writes nothing
    python bench/run.py --profile-build 5000  # also cProfile a cold build of 5k posts

Exits 0 with "skipped: …" when the corpus is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
WORK = ROOT / "bench" / "work"
DOC = ROOT / "docs" / "benchmarks.md"
START = "<!-- bench/run.py: speed start -->"
END = "<!-- bench/run.py: speed end -->"
PROFILE_START = "<!-- bench/run.py: build profile start -->"
PROFILE_END = "<!-- bench/run.py: build profile end -->"

sys.path.insert(0, str(ROOT / "plugins"))


def _only_importable_steps() -> list[str]:
    """Measure what runs: enrichment steps whose module is not there yet are left out.

    This runs at import time, so ingest's spawned workers (which re-import this file as
    ``__mp_main__``) apply it too. Returns the names left out, for the report.
    """
    import importlib.util

    try:
        from news_digest.enrich import pipeline as enrich
    except ImportError:
        return []
    missing = []
    for dotted in enrich.DEFAULT_STEPS:
        module = dotted.partition(":")[0]
        try:
            found = importlib.util.find_spec(module) is not None
        except ImportError:
            found = False
        if not found:
            missing.append(dotted)
    if missing:
        enrich.DEFAULT_STEPS = tuple(d for d in enrich.DEFAULT_STEPS if d not in missing)
    return missing


MISSING_STEPS = _only_importable_steps()


# --- the corpus -------------------------------------------------------------------------

@dataclass
class Base:
    source: str          # folder under seeds/: "wikinews" or "bbc/<label>"
    title: str
    lines: list[str]     # the text after the title line, as lines
    url: str | None = None
    sentences: list[str] = field(default_factory=list)


_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’]))\s+(?=[A-Z“\"])")
_DATELINE = re.compile(r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
                       r"[A-Z][a-z]+ \d{1,2}, \d{4}\s*$")


def _read(path: Path) -> str:
    """Decode as ingest does (UTF-8, BOMs, else cp1252): the corpus has Latin-1 files."""
    from news_digest.ingest.seeds import decode

    return decode(path.read_bytes())[0]


def load_bases(corpus: Path) -> list[Base]:
    bases: list[Base] = []
    wiki = corpus / "wikinews"
    urls: dict[str, str] = {}
    if (wiki / "index.tsv").exists():
        rows = (wiki / "index.tsv").read_text(encoding="utf-8").splitlines()
        header = rows[0].split("\t")
        for row in rows[1:]:
            cells = dict(zip(header, row.split("\t"), strict=False))
            if cells.get("file"):
                urls[cells["file"]] = cells.get("url", "")
    for path in sorted((wiki / "articles").glob("*.txt")):
        lines = _read(path).replace("\r\n", "\n").split("\n")
        title = lines[0].strip()
        bases.append(Base("wikinews", title, lines[1:], urls.get(path.name)))
    for folder in sorted((corpus / "bbc-dev").iterdir()):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            lines = _read(path).replace("\r\n", "\n").split("\n")
            bases.append(Base(f"bbc/{folder.name}", lines[0].strip(), lines[1:]))
    for b in bases:
        b.sentences = [s for line in b.lines if len(line.split()) >= 12
                       for s in _SENT.split(line.strip()) if len(s.split()) >= 6]
    return [b for b in bases if b.title and b.sentences]


def _dateline(day: dt.date) -> str:
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def make_corpus(corpus: Path, n: int, dest: Path, per_day: int = 25) -> dict[str, int]:
    """Write ``n`` seeds to ``dest`` (recreated), deterministically. Returns stats."""
    bases = load_bases(corpus)
    if dest.exists():
        shutil.rmtree(dest)
    m = len(bases)
    step = 37 if m % 37 else 41  # donor stride, coprime with m: donors differ per copy
    start = dt.date(2019, 1, 1)
    index: dict[str, list[str]] = {}
    words = 0
    for i in range(n):
        b, k = i % m, i // m
        base = bases[b]
        day = start + dt.timedelta(days=i // per_day)
        title = base.title if k == 0 else f"{base.title} (part {k + 1})"
        donor = bases[(b + 1 + k * step) % m]
        out = [title]
        para = 0
        for line in base.lines:
            if _DATELINE.match(line.strip()):
                out.append(_dateline(day))
                continue
            if k and len(line.split()) >= 12:
                line = f"{line.rstrip()} {donor.sentences[para % len(donor.sentences)]}"
                para += 1
            out.append(line)
        text = "\n".join(out).rstrip() + "\n"
        words += len(text.split())
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
        name = f"{i:05d}_{slug}.txt"
        folder = dest / base.source
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        url = f"{base.url}#part-{k + 1}" if base.url else ""
        index.setdefault(base.source, []).append(f"{name}\t{day.isoformat()}\t{url}")
    for source, rows in index.items():
        (dest / source / "index.tsv").write_text(
            "file\tdate\turl\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return {"seeds": n, "words": words, "bases": m, "folders": len(index)}


def extra_seed(corpus: Path, n: int, seeds: Path) -> Path:
    """One more seed, not in the corpus of size ``n``: the hourly addition."""
    bases = load_bases(corpus)
    b = bases[n % len(bases)]
    # a site measured again (--builds-only) already has the earlier runs' additions
    k = len(list(seeds.rglob("*_added-this-hour*.txt")))
    suffix = f"-{k + 1}" if k else ""
    path = seeds / b.source / f"{n:05d}_added-this-hour{suffix}.txt"
    body = [ln for ln in b.lines if not _DATELINE.match(ln.strip())]
    if k:  # a new sentence per paragraph, so it is not a copy of the earlier addition
        body = [f"{ln} Update {k + 1} of this report." if len(ln.split()) > 12 else ln
                for ln in body]
    path.write_text(f"{b.title} (added this hour{', update ' + str(k + 1) if k else ''})\n"
                    + "\n".join(body) + "\n", encoding="utf-8")
    return path


# --- measuring a subprocess --------------------------------------------------------------

def _tree(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(stat[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, ()))
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, IndexError, ValueError):
        return 0


@dataclass
class Measure:
    phase: str
    wall: float
    cpu: float
    rss_max_mb: float   # largest single process
    rss_tree_mb: float  # sampled sum over the process tree
    info: dict
    rc: int
    others: float = 0.0  # cores busy with other processes on the machine, on average


def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy (not idle, not waiting on I/O)."""
    with open("/proc/stat") as fh:
        values = [int(v) for v in fh.readline().split()[1:]]
    return (sum(values[:8]) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


def measure(phase: str, args: list[str], log: Path) -> Measure:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, *args]
    with open(log, "ab") as err:
        err.write(f"\n$ {' '.join(cmd)}\n".encode())
        err.flush()
        busy0 = _busy_seconds()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, cwd=ROOT)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.1):
                peak[0] = max(peak[0], sum(_rss_kb(p) for p in _tree(proc.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out = proc.stdout.read() if proc.stdout else b""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        busy = _busy_seconds() - busy0
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    info: dict = {}
    for line in out.decode(errors="replace").splitlines():
        if line.startswith("BENCH "):
            info.update(json.loads(line[6:]))
    cpu = usage.ru_utime + usage.ru_stime
    return Measure(phase, wall, cpu, usage.ru_maxrss / 1024,
                   max(peak[0], usage.ru_maxrss) / 1024, info, proc.returncode,
                   max(0.0, busy - cpu) / wall if wall else 0.0)


def emit(**info: object) -> None:
    print("BENCH " + json.dumps(info, default=str), flush=True)


# --- the phases (run in the child) ------------------------------------------------------

def _digest_settings(site: Path):
    from news_digest.settings import Settings

    return Settings(seeds=site / "seeds", content=site / "content", data_dir=site / "data",
                    search=False, ner_backend=os.environ.get("BENCH_NER_BACKEND", "auto"))


def phase_ingest(site: Path) -> None:
    from news_digest.ingest.run import ingest

    t0 = time.perf_counter()
    report = ingest(_digest_settings(site))
    emit(seconds=time.perf_counter() - t0, summary=report.summary_line(),
         new=len(report.new), skipped=len(report.skipped), steps_missing=MISSING_STEPS)


def phase_texts(site: Path, out: Path) -> None:
    """The texts ingest's entity step gives NER, for the NER-alone floor."""
    from news_digest.enrich import entities
    from news_digest.ingest.manifest import Manifest
    from news_digest.ingest.plan import make_jobs, plan
    from news_digest.ingest.workers import to_draft

    s = _digest_settings(site)
    pending = plan(s, Manifest()).pending
    texts: list[str] = []
    for job in make_jobs([p.raw for p in pending], s):
        draft = to_draft(job.raw, job.junk)
        if draft.paragraphs:
            texts.extend(entities._prepare([t for t, _ in entities.article_parts(draft)]))
    out.write_text(json.dumps(texts), encoding="utf-8")
    emit(texts=len(texts), words=sum(len(t.split()) for t in texts))


def _ner_share(args: tuple[list[str], int]) -> int:
    from news_digest.enrich import ner

    texts, batch_size = args
    nlp = ner.load_spacy()
    return sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=batch_size))


def phase_ner_split(texts_path: Path, processes: int) -> None:
    """The stricter floor: ``processes`` processes, each loading the model and piping its
    own contiguous share of the texts (no Doc objects shipped between processes)."""
    import multiprocessing

    texts = json.loads(texts_path.read_text(encoding="utf-8"))
    size = -(-len(texts) // processes)
    shares = [(texts[i:i + size], 256) for i in range(0, len(texts), size)]
    t0 = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        ents = sum(pool.map(_ner_share, shares))
    words = sum(len(t.split()) for t in texts)
    emit(pipe=time.perf_counter() - t0, ents=ents, words=words,
         words_per_s=words / (time.perf_counter() - t0))


def phase_ner(texts_path: Path, processes: int) -> None:
    """spaCy NER alone: same model, same components, ``nlp.pipe(n_process=…)``."""
    from news_digest.enrich import ner

    texts = json.loads(texts_path.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    nlp = ner.load_spacy()
    t1 = time.perf_counter()
    ents = 0
    for doc in nlp.pipe(texts, n_process=processes, batch_size=nlp.batch_size):
        ents += len(doc.ents)
    t2 = time.perf_counter()
    words = sum(len(t.split()) for t in texts)
    emit(load=t1 - t0, pipe=t2 - t1, ents=ents, words=words, pipes=nlp.pipe_names,
         batch_size=nlp.batch_size, words_per_s=words / (t2 - t1))


def _site_settings(site: Path, plain: bool) -> dict:
    from pelican.settings import read_settings

    if plain:
        return read_settings(str(site / "plainconf.py"))
    return read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(site / "content"),
        "OUTPUT_PATH": str(site / "output"),
        "CACHE_PATH": str(site / "cache"),
        "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "NEWS_DIGEST_SEEDS": str(site / "seeds"),
        "NEWS_DIGEST_DATA_DIR": str(site / "data"),
        "NEWS_DIGEST_SEARCH": False,
        "NEWS_DIGEST_NER_BACKEND": os.environ.get("BENCH_NER_BACKEND", "auto"),
    })


def phase_build(site: Path, plain: bool, profile: Path | None) -> None:
    import logging

    from pelican import Pelican

    logging.basicConfig(level=logging.WARNING)
    settings = _site_settings(site, plain)
    t0 = time.perf_counter()
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    Pelican(settings).run()
    if profile:
        prof.disable()
        prof.dump_stats(str(profile))
    emit(seconds=time.perf_counter() - t0, steps_missing=MISSING_STEPS)


def output_size(site: Path, plain: bool) -> dict:
    """Files and bytes of a build's output, measured by the parent after the timed run
    (walking 20,000 files is not part of the ``pelican`` command a user runs)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from site_size import measure as measure_size
    from site_size import walk

    size = measure_size(walk(site / ("plain-output" if plain else "output")))
    # per article only for our layout: site_size finds articles by their URL pattern
    per = {} if plain else {"per_article": (size["files_per_article"],
                                            size["bytes_per_article"])}
    return {"files": size["files"], "bytes": size["bytes"], **per}


def plain_copy(site: Path) -> int:
    """The generated posts as plain Pelican Markdown (no plugin, default theme): topics
    and entity names as tags, tag Atom feeds on (the baseline issue #13 names)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    dest = site / "plain-content"
    if dest.exists():
        shutil.rmtree(dest)
    n = 0
    for post in sorted((site / "content").rglob("*.md")):
        if ".news-digest" in post.parts:
            continue
        text = post.read_text(encoding="utf-8")
        _, head, body = text.split("---\n", 2)
        fm = yaml.load(head, Loader=loader)
        meta = [f"Title: {fm['title']}", f"Date: {fm['date']}", f"Slug: {fm['slug']}",
                f"Category: {fm.get('section') or 'News'}"]
        # the baseline: topics and entities as tags, with tag feeds on
        names = [n for group in ("people", "organizations", "places")
                 for n in (fm.get("entities") or {}).get(group) or ()]
        tags = [str(t) for t in [*(fm.get("topics") or ()), *names] if ";" not in str(t)]
        if tags:
            meta.append("Tags: " + "; ".join(tags))
        if fm.get("summary"):
            meta.append("Summary: " + " ".join(str(fm["summary"]).split()))
        target = dest / post.relative_to(site / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(meta) + "\n\n" + body.lstrip("\n"), encoding="utf-8")
        n += 1
    (site / "plainconf.py").write_text(
        "AUTHOR = 'bench'\nSITENAME = 'Plain Pelican'\nSITEURL = ''\nTIMEZONE = 'UTC'\n"
        "DEFAULT_LANG = 'en'\nPLUGINS = []\nTHEME = 'notmyidea'\n"
        f"PATH = {str(dest)!r}\nOUTPUT_PATH = {str(site / 'plain-output')!r}\n"
        f"CACHE_PATH = {str(site / 'plain-cache')!r}\n"
        "CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n"
        "TAG_FEED_ATOM = 'feeds/tag/{slug}.atom.xml'\n", encoding="utf-8")
    return n


# --- the orchestration --------------------------------------------------------------------

def run_size(corpus: Path, n: int, work: Path, processes: int, log: Path,
             skip_floor: bool = False, ingest_only: bool = False, builds_only: bool = False,
             ) -> tuple[list[Measure], dict]:
    site = work / f"site-{n}"
    if builds_only and (site / "content").is_dir():
        # the posts of an earlier ingest, built again with the current site code
        for folder in ("output", "cache", "plain-output", "plain-cache", "plain-content"):
            shutil.rmtree(site / folder, ignore_errors=True)
        seeds = [p for p in (site / "seeds").rglob("*") if p.is_file()]
        stats = {"seeds": len(seeds), "folders": len({p.parent for p in seeds}),
                 "words": sum(len(p.read_text("utf-8", "replace").split()) for p in seeds)}
    else:
        builds_only = False
        if site.exists():
            shutil.rmtree(site)
        site.mkdir(parents=True)
        stats = make_corpus(corpus, n, site / "seeds")
    print(f"\n== {n} seeds: {stats['words']:,} words in {stats['folders']} folders", flush=True)
    rows: list[Measure] = []

    def run(label: str, phase: str, *args: str) -> Measure:
        m = measure(phase, list(args), log)
        m.phase = label
        if phase == "build" and m.rc == 0:
            m.info.update(output_size(site, "--plain" in args))
        rows.append(m)
        status = "" if m.rc == 0 else f"  FAILED rc={m.rc} (see {log})"
        print(f"  {label:<40} wall {m.wall:7.1f} s  cpu {m.cpu:7.1f} s  "
              f"rss {m.rss_max_mb:6.0f} / {m.rss_tree_mb:6.0f} MB  "
              f"others {m.others:3.1f} cores{status}", flush=True)
        return m

    s = str(site)
    if builds_only:
        return _builds(site, run, rows, stats, corpus, n)
    run("ingest (cold)", "ingest", "--site", s)
    if not skip_floor:
        texts = site / "ner-texts.json"
        measure("texts", ["--site", s, "--out", str(texts)], log)
        run(f"spaCy NER alone (n_process={processes})", "ner", "--texts", str(texts),
            "--processes", str(processes))
        run(f"spaCy NER alone ({processes} processes × own share)", "ner-split", "--texts",
            str(texts), "--processes", str(processes))
        texts.unlink(missing_ok=True)
    run("re-ingest, nothing changed", "ingest", "--site", s)
    if ingest_only:
        return rows, _sizes(site, stats)
    return _builds(site, run, rows, stats, corpus, n)


def _builds(site: Path, run: Callable[..., Measure], rows: list[Measure], stats: dict,
            corpus: Path, n: int) -> tuple[list[Measure], dict]:
    """Cold build, the three rebuilds, plain Pelican cold and cached."""
    s = str(site)
    run("build (cold)", "build", "--site", s)
    run("rebuild, nothing changed", "build", "--site", s)
    extra_seed(corpus, n, site / "seeds")
    run("rebuild after adding 1 seed", "build", "--site", s)
    # the hourly case: the previous ingest left its caches (folder boilerplate, story
    # index), which the first addition after a cold build had to fill
    extra_seed(corpus, n, site / "seeds")
    run("rebuild after adding 1 more seed (ingest caches warm)", "build", "--site", s)
    posts = sorted(p for p in (site / "content").rglob("*.md") if ".news-digest" not in p.parts)
    if posts:
        post = posts[len(posts) // 2]
        text = post.read_text(encoding="utf-8")
        post.write_text(text.rstrip("\n") + "\n\nA curator's note added to this post.\n",
                        encoding="utf-8")
    run("rebuild after a curator edits 1 post", "build", "--site", s)
    if len(posts) > 1:  # a post taken down: its seed and its post removed
        gone = posts[len(posts) // 3]
        seed = _seed_of(gone, site)
        if seed is not None:
            seed.unlink(missing_ok=True)
        gone.unlink()
    run("rebuild after deleting 1 post", "build", "--site", s)
    stats["posts"] = plain_copy(site)
    run("plain Pelican 4.12 (cold)", "build", "--site", s, "--plain")
    run("plain Pelican 4.12 (rebuild, cache)", "build", "--site", s, "--plain")
    return rows, _sizes(site, stats)


def _seed_of(post: Path, site: Path) -> Path | None:
    """The seed a post was made from (its front matter's ``source.seed``)."""
    from news_digest.frontmatter import load_front_matter, split_front_matter

    yaml_text, _ = split_front_matter(post.read_text(encoding="utf-8"))
    source = load_front_matter(yaml_text, str(post)).get("source") if yaml_text else None
    rel = source.get("seed") if isinstance(source, dict) else None
    return site / rel if rel else None


def _sizes(site: Path, stats: dict) -> dict:
    for key, folder in (("content_bytes", "content"), ("seed_bytes", "seeds")):
        stats[key] = sum(p.stat().st_size for p in (site / folder).rglob("*") if p.is_file())
    return stats


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text()
                   .splitlines() if line.startswith("MemTotal"))
        ram = f"{mem / 1024 / 1024:.0f} GB"
    except (OSError, StopIteration):
        ram = "unknown"
    return (f"{os.cpu_count()} cores (`nproc`: {_nproc()}), CPU {cpu}, RAM {ram}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def _nproc() -> str:
    try:
        return subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def table(results: dict[int, tuple[list[Measure], dict]], header: bool = True) -> str:
    out = [] if not header else ["| seeds | phase | wall s | CPU s | peak RSS, largest process MB "
           "| peak RSS, all processes MB | other load, cores | notes |",
           "|---:|---|---:|---:|---:|---:|---:|---|"]
    for n, (rows, _stats) in results.items():
        ner = next((r for r in rows if r.phase.startswith("spaCy")), None)
        split = next((r for r in rows if r.phase.startswith("spaCy") and "share" in r.phase),
                     None)
        cold = next((r for r in rows if r.phase == "build (cold)" and not r.rc), None)
        plain = next((r for r in rows if r.phase.startswith("plain") and "cold" in r.phase
                      and not r.rc), None)
        for r in rows:
            note = ""
            if r.rc:
                note = f"FAILED (exit {r.rc})"
            elif r.phase == "ingest (cold)":
                note = r.info.get("summary", "")
                if ner and ner.wall and ner.cpu:
                    note += (f"; **{r.wall / ner.wall:.2f}× NER alone** wall "
                             f"({r.cpu / ner.cpu:.2f}× its CPU)")
                if split and split.wall and split.cpu:
                    note += (f"; {r.wall / split.wall:.2f}× the split floor wall "
                             f"({r.cpu / split.cpu:.2f}× its CPU)")
            elif r.phase.startswith("spaCy"):
                note = (f"{r.info.get('words', 0):,} words, "
                        f"{r.info.get('words_per_s', 0):,.0f} words/s"
                        + (f" in `nlp.pipe`, pipes {r.info['pipes']}, batch_size "
                           f"{r.info.get('batch_size')}" if "pipes" in r.info else
                           ", model load included"))
            elif "files" in r.info:
                note = f"{r.info['files']:,} files, {r.info['bytes'] / 1e6:,.1f} MB"
                if "per_article" in r.info:
                    files_per, bytes_per = r.info["per_article"]
                    note += f" ({files_per:.1f} files, {bytes_per / 1e3:,.0f} KB per article)"
                if r.phase == "build (cold)" and plain and plain.wall:
                    note += (f"; **{r.wall / plain.wall:.2f}× plain Pelican** wall "
                             f"({r.cpu / plain.cpu:.2f}× its CPU)")
                elif r.phase.startswith("rebuild") and cold and cold.wall:
                    note += (f"; **{r.wall / cold.wall:.2f}× the cold build** wall "
                             f"({r.cpu / cold.cpu:.2f}× its CPU)")
            out.append(f"| {n:,} | {r.phase} | {r.wall:.1f} | {r.cpu:.1f} | "
                       f"{r.rss_max_mb:,.0f} | {r.rss_tree_mb:,.0f} | {r.others:.1f} | {note} |")
    return "\n".join(out)


def render_saved(saved: dict) -> str:
    """The doc section: one table per backend, every size measured (latest run each)."""
    parts = []
    for backend in ("auto", "rules"):
        keys = sorted(k for k in saved if k.startswith(backend + ":"))
        if not keys:
            continue
        label = ("spaCy NER (the default)" if backend == "auto" else
                 "rules NER backend (to measure the other phases fast; not the default)")
        parts.append(f"### {label}\n")
        runs = sorted({(saved[k]["date"], saved[k]["command"], saved[k]["machine"])
                       for k in keys})
        for date, command, where in runs:
            parts.append(f"- {date}: `{command}` on {where}")
        results = {}
        notes = []
        for k in keys:
            entry = saved[k]
            n = int(k.split(":")[1])
            results[n] = ([Measure(**r) for r in entry["rows"]], entry["stats"])
            st = entry["stats"]
            notes.append(f"- {n:,} seeds: {st['words']:,} words, {st['seed_bytes'] / 1e6:.1f} MB "
                         f"of seeds, {st['content_bytes'] / 1e6:.1f} MB of posts + manifest"
                         + (f"; steps not in the tree yet, left out: {entry['missing_steps']}"
                            if entry.get("missing_steps") else ""))
        parts.append("\n" + table(results) + "\n\n" + "\n".join(notes) + "\n")
    return "\n".join(parts)


def write_doc(section: str, start: str = START, end: str = END, heading: str = "") -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    block = f"{start}\n{section.rstrip()}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + (heading + "\n\n" if heading else "") + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def profile_build(n: int, work: Path, log: Path, top: int = 30) -> str:
    """cProfile a cold build of an already-ingested site of ``n`` posts."""
    import io
    import pstats

    site = work / f"site-{n}"
    for folder in ("output", "cache"):
        shutil.rmtree(site / folder, ignore_errors=True)
    prof = work / f"build-{n}.prof"
    m = measure("build", ["--site", str(site), "--profile", str(prof)], log)
    buf = io.StringIO()
    stats = pstats.Stats(str(prof), stream=buf)
    stats.sort_stats("cumulative").print_stats(top)
    cum = buf.getvalue()
    buf = io.StringIO()
    stats = pstats.Stats(str(prof), stream=buf)
    stats.sort_stats("tottime").print_stats(top)
    own = buf.getvalue()

    def trim(text: str) -> str:
        lines = text.splitlines()
        i = next((k for k, ln in enumerate(lines) if "ncalls" in ln), 0)
        return "\n".join(ln.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")
                         for ln in lines[i:] if ln.strip())

    return (f"cProfile of a cold build of {n:,} posts (`python bench/run.py --profile-build "
            f"{n}`; {m.wall:.1f} s wall under the profiler).\n\nBy cumulative time:\n\n"
            f"```\n{trim(cum)}\n```\n\nBy own time:\n\n```\n{trim(own)}\n```\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", default="1000,5000,10000",
                    help="comma-separated seed counts; \"\" with --profile-build: profile only")
    ap.add_argument("--quick", action="store_true", help="200-seed smoke run; writes no doc")
    ap.add_argument("--processes", type=int, default=2, help="n_process for the NER floor")
    ap.add_argument("--no-doc", action="store_true", help="print the table only")
    ap.add_argument("--profile-build", type=int, metavar="N",
                    help="cProfile a cold build of the N-post site (after the runs)")
    ap.add_argument("--work", type=Path, default=WORK)
    ap.add_argument("--ingest-only", action="store_true",
                    help="measure ingest (and the NER floor) only, no builds")
    ap.add_argument("--no-floor", action="store_true", help="skip the NER-alone floors")
    ap.add_argument("--builds-only", action="store_true",
                    help="reuse each size's ingested posts (bench/work/site-N) and measure the "
                         "builds only; the saved ingest rows of that size are kept")
    ap.add_argument("--backend", choices=("auto", "rules"), default="auto",
                    help="NER backend; 'rules' measures the other phases fast (no NER floor)")
    # child phases
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--site", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--plain", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--profile", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.work = args.work.resolve()

    if args.phase == "ingest":
        phase_ingest(args.site)
        return 0
    if args.phase == "texts":
        phase_texts(args.site, args.out)
        return 0
    if args.phase == "ner":
        phase_ner(args.texts, args.processes)
        return 0
    if args.phase == "ner-split":
        phase_ner_split(args.texts, args.processes)
        return 0
    if args.phase == "build":
        phase_build(args.site, args.plain, args.profile)
        return 0

    corpus = args.corpus
    if not (corpus / "wikinews" / "articles").is_dir() or not (corpus / "bbc-dev").is_dir():
        print(f"skipped: corpus not found at {corpus} (needs wikinews/articles and bbc-dev)")
        return 0
    os.environ["BENCH_NER_BACKEND"] = args.backend
    sizes = [200] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    args.work.mkdir(parents=True, exist_ok=True)
    log = args.work / "run.log"
    log.write_text("")
    print(f"machine: {machine()}")
    if MISSING_STEPS:
        print(f"note: enrichment steps not importable yet, left out: {MISSING_STEPS}")
    results = {}
    started = time.perf_counter()
    for n in sizes:
        results[n] = run_size(corpus, n, args.work, args.processes, log,
                              skip_floor=args.backend == "rules" or args.no_floor,
                              ingest_only=args.ingest_only, builds_only=args.builds_only)
    if results:
        print("\n" + table(results))
    command = "python bench/run.py" + (" --quick" if args.quick else f" --sizes {args.sizes}")
    for flag in ("backend", "ingest_only", "no_floor", "builds_only"):
        value = getattr(args, flag)
        if value and value != "auto":
            command += f" --{flag.replace('_', '-')}" + ("" if value is True else f" {value}")
    if results and not args.quick and not args.no_doc:
        store = args.work / "results.json"
        saved = json.loads(store.read_text()) if store.exists() else {}
        for n, (rows, stats) in results.items():
            key = f"{args.backend}:{n:07d}"
            kept = []
            if args.builds_only and key in saved:  # the ingest rows of the earlier run
                kept = [r for r in saved[key]["rows"] if "build" not in r["phase"]
                        and "Pelican" not in r["phase"]]
                stats = {**saved[key]["stats"], **stats}
            saved[key] = {
                "rows": kept + [asdict(r) for r in rows], "stats": stats, "command": command,
                "date": dt.date.today().isoformat(), "machine": machine(),
                "missing_steps": MISSING_STEPS,
                "minutes": round((time.perf_counter() - started) / 60, 1)}
        store.write_text(json.dumps(saved, indent=1))
        write_doc(render_saved(saved))
        print(f"\nwrote {DOC.relative_to(ROOT)} (and {store.relative_to(ROOT)})")
    if args.profile_build:
        write_doc(profile_build(args.profile_build, args.work, log), PROFILE_START,
                  PROFILE_END, "## Where the build time goes")
        print(f"wrote the build profile to {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build speed: plain Pelican 4.12 against news-digest, cold and incremental.

    python bench/build.py                 # 1k and 5k posts made by bench/make_posts.py
    python bench/build.py --sizes 10000   # peak RSS at 10k
    python bench/build.py --content path/to/content --data path/to/data

Every build runs in its own subprocess; times are that process's CPU time (user +
sys, from ``wait4``), so other work on the machine matters less than for wall time;
peak RSS is its ``ru_maxrss``. Rows:

- plain cold / plain cached: Pelican without the plugin, default theme (notmyidea)
  and default settings apart from PATH/OUTPUT_PATH (run from an empty folder, so no
  pelicanconf.py); "cached" turns on Pelican's content cache and times the second run.
- ours cold: ``pelicanconf.py`` with an empty output folder and cache, Pagefind off.
- ours no change / +1 post / edit 1 post / delete 1 post: rebuilds after that change.
- pagefind: the Pagefind binary over the cold build's output, timed on its own (it is
  a separate program; builds skip it when no page changed).

Source posts: ``--src`` (default: ingest ``../shared/corpus/wikinews/articles`` with the
rules backend into bench/work/build-src once), multiplied by make_posts.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
VENV_BIN = Path(sys.executable).parent
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "articles"

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_posts  # noqa: E402


@dataclass
class Run:
    name: str
    cpu: float
    wall: float
    rss_mb: float
    ok: bool


def timed(name: str, cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    ok = proc.returncode == 0
    if not ok:
        print(f"{name}: exit {proc.returncode}\n{err.decode(errors='replace')[-3000:]}",
              file=sys.stderr)
    return Run(name, usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, ok)


def pelican_cmd(content: Path, output: Path, *extra: str) -> list[str]:
    return [str(VENV_BIN / "pelican"), str(content), "-o", str(output), "-q", *extra]


def ours_cmd(content: Path, output: Path, data: Path, cache: Path) -> list[str]:
    return pelican_cmd(
        content, output, "-s", str(ROOT / "pelicanconf.py"), "-e",
        "NEWS_DIGEST_AUTO_INGEST=false", "NEWS_DIGEST_SEARCH=false",
        f'NEWS_DIGEST_DATA_DIR="{data}"', f'CACHE_PATH="{cache}"')


def source_posts(src: Path | None) -> Path:
    if src is not None:
        return src
    target = WORK / "build-src"
    content = target / "content"
    if not any(content.rglob("*.md")):
        subprocess.run([str(VENV_BIN / "news-digest"), "ingest", "--seeds", str(CORPUS),
                        "--content", str(content), "--data", str(target / "data"),
                        "--backend", "rules", "--quiet"], check=False)
    return content


def bench(content: Path, data: Path, work: Path, src: Path | None, count: int,
          skip_plain: bool) -> list[Run]:
    runs: list[Run] = []
    empty = work / "plain-cwd"
    empty.mkdir(parents=True, exist_ok=True)
    if not skip_plain:
        for d in ("plain-out", "plain-cache"):
            shutil.rmtree(work / d, ignore_errors=True)
        runs.append(timed("plain Pelican cold", pelican_cmd(content, work / "plain-out"),
                          empty))
        cached = ("-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true",
                  f'CACHE_PATH="{work / "plain-cache"}"')
        timed("(plain, priming its cache)",
              pelican_cmd(content, work / "plain-out", *cached), empty)
        runs.append(timed("plain Pelican rebuild (content cache)",
                          pelican_cmd(content, work / "plain-out", *cached), empty))
    out, cache = work / "out", work / "cache"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    cmd = ours_cmd(content, out, data, cache)
    runs.append(timed("news-digest cold", cmd, ROOT))
    runs.append(timed("news-digest rebuild, no change", cmd, ROOT))
    # +1 post: the next copy make_posts would make
    originals = sorted(p for p in source_posts(src).rglob("*.md")
                       if ".news-digest" not in p.parts)
    part, k = divmod(count, len(originals))
    year, slug, text = make_posts.variant(originals[k].read_text(encoding="utf-8"), part + 1)
    added = content / year / f"{slug}.md"
    added.parent.mkdir(parents=True, exist_ok=True)
    added.write_text(text, encoding="utf-8")
    runs.append(timed("news-digest rebuild, +1 post", cmd, ROOT))
    # a curator edits one post: title and a paragraph
    edited = sorted(content.rglob("*.md"))[len(originals) // 2]
    saved = edited.read_text(encoding="utf-8")
    edited.write_text(saved.replace("title: ", "title: Updated: ", 1) + "\nA curator's note.\n",
                      encoding="utf-8")
    runs.append(timed("news-digest rebuild, 1 post edited", cmd, ROOT))
    added.unlink()
    runs.append(timed("news-digest rebuild, 1 post deleted", cmd, ROOT))
    edited.write_text(saved, encoding="utf-8")  # leave the corpus as it was
    exe = None
    try:
        import pagefind_bin

        exe = pagefind_bin.get_executable()
    except (ImportError, OSError):
        pass
    if exe is not None:
        runs.append(timed("Pagefind over the site (separate)",
                          [str(exe), "--site", str(out), "--silent"], ROOT))
    timed("(news-digest, restoring)", cmd, ROOT)
    return runs


def table(size: str, runs: list[Run]) -> str:
    by = {r.name: r for r in runs}
    cold = by.get("news-digest cold")
    plain = by.get("plain Pelican cold")
    lines = [f"### {size}", "",
             "| build | CPU s | wall s | peak RSS MB | ratio |", "|---|---:|---:|---:|---|"]
    for r in runs:
        ratio = ""
        if r.name == "news-digest cold" and plain:
            ratio = f"{r.cpu / plain.cpu:.2f}× plain cold (target ≤ 1.0)"
        elif r.name.startswith("news-digest rebuild") and cold:
            ratio = f"{r.cpu / cold.cpu:.2f}× our cold (target ≤ 0.2)"
        elif r.name.startswith("plain Pelican rebuild") and plain:
            ratio = f"{r.cpu / plain.cpu:.2f}× plain cold"
        flag = "" if r.ok else " (FAILED)"
        lines.append(f"| {r.name}{flag} | {r.cpu:.1f} | {r.wall:.1f} | {r.rss_mb:.0f} "
                     f"| {ratio} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    ap.add_argument("--content", type=Path, help="time this content folder instead")
    ap.add_argument("--data", type=Path, help="data folder for --content")
    ap.add_argument("--src", type=Path, help="posts to multiply (default: ingest corpus)")
    ap.add_argument("--skip-plain", action="store_true", help="only news-digest rows")
    args = ap.parse_args(argv)
    if args.content:
        data = args.data or args.content.parent / "data"
        work = WORK / "build-custom"
        n = sum(1 for _ in args.content.rglob("*.md"))
        print(table(f"{args.content} ({n} posts)",
                    bench(args.content, data, work, args.src, n, args.skip_plain)))
        return 0
    src = source_posts(args.src)
    for size in args.sizes:
        work = WORK / f"build-{size}"
        content = work / "content"
        shutil.rmtree(content, ignore_errors=True)
        make_posts.make_posts(src, content, size, src.parent / "data")
        print(table(f"{size} posts", bench(content, work / "data", work, src, size,
                                           args.skip_plain)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

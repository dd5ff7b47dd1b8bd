"""``kill -9`` an ingest at random points; nothing a curator or Pelican sees may break.

One uninterrupted run gives the reference result and the timing. Then, in episodes
from the same starting state (20 posts already ingested, one of them edited by a
curator, 6 seeds rewritten since, 180 new seeds), ingest is started and killed again
and again, a third of the time at a random moment of the whole run and otherwise at a
random moment after it began writing posts (where a crash can do harm), then run to
completion. After every kill: each post parses and is ingest's own untouched output or
the curator's edit byte for byte, the manifest is valid JSON or absent. After the final
run: no temp files, one post per seed, and the posts equal the uninterrupted run's.
The RNG is seeded, so a failure reproduces.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from news_digest import frontmatter
from news_digest.frontmatter import split_front_matter
from news_digest.ingest.run import ingest

from . import corpus
from .helpers import REPO, hostile_settings, posts_by_seed, snapshot

pytestmark = pytest.mark.slow

BUDGET_S = 50.0
KILLS_PER_EPISODE = 5
MIN_KILLS = 8
"""Kills that must land in a running ingest for the test to have tested anything."""
RNG_SEED = 20240301
CURATED_EDIT = "A curator added this sentence, which no ingest may lose."


def _command() -> list[str]:
    return [sys.executable, "-m", "news_digest.cli", "ingest", "--seeds", "seeds",
            "--content", "content", "--data", "data", "--backend", "rules",
            "--processes", "1", "-q"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "plugins")}


def _posts(content: Path) -> list[Path]:
    return [p for p in sorted(content.rglob("*.md")) if not p.name.startswith(".")]


def make_start(root: Path) -> tuple[str, bytes]:
    """The starting state; returns the curated post's path and its edited bytes."""
    seeds = root / "seeds"
    corpus.good_seeds(seeds, 20, prefix="early")
    report = ingest(hostile_settings(root))
    assert len(report.new) == 20
    curated = sorted(report.new)[3]
    path = root / "content" / curated
    edited = path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{CURATED_EDIT}\n"
    path.write_text(edited, encoding="utf-8")
    by_seed = {v: k for k, v in posts_by_seed(root / "content").items()}
    changed = [by_seed[curated], *sorted(by_seed.values())[10:15]]
    for n, seed in enumerate(changed):  # the curated post's seed changes too
        (seeds / seed).write_text(corpus.article(f"Rewritten story number {n}", f"re-{n}"))
    corpus.good_seeds(seeds, 180, prefix="late")
    return curated, edited.encode("utf-8")


def check_after_kill(root: Path, curated: str, edited: bytes) -> int:
    """Invariants that must hold at any instant; returns the number of stray temp files."""
    content = root / "content"
    for path in _posts(content):
        data = path.read_bytes()
        rel = path.relative_to(content).as_posix()
        if rel == curated:
            assert data == edited, "the curator's edit was changed"
            continue
        text = data.decode("utf-8")
        assert text.endswith("\n"), f"{rel}: partial post"
        head, _ = split_front_matter(text)
        assert head is not None and isinstance(yaml.safe_load(head), dict), rel
        assert frontmatter.is_untouched(text), f"{rel}: digest does not match its text"
    manifest = content / ".news-digest" / "manifest.json"
    if manifest.exists():
        assert isinstance(json.loads(manifest.read_text(encoding="utf-8")), dict)
    registry = root / "data" / "entities.yml"
    if registry.exists():
        yaml.safe_load(registry.read_text(encoding="utf-8"))
    return sum(1 for _ in content.rglob(".*.tmp"))


def run_to_end(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_command(), cwd=root, env=_env(), capture_output=True, text=True,
                          timeout=120)


def timed_reference(root: Path) -> float:
    """Seconds an uninterrupted run takes."""
    start = time.monotonic()
    proc = run_to_end(root)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return time.monotonic() - start


def _stamps(content: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in _posts(content)}


def kill_at_random(root: Path, rng: random.Random, total: float,
                   expected: dict[str, bytes]) -> str:
    """Start an ingest and SIGKILL it; returns where (for the failure message).

    A third of the kills land at a random moment of the run; the rest after a random
    number of the posts still to write have been written (plus up to 2 ms, to land
    inside a write), since that is where a crash could leave something broken.
    """
    content = root / "content"
    remaining = sum(1 for rel, data in expected.items()
                    if not (content / rel).exists() or (content / rel).read_bytes() != data)
    before = _stamps(content)
    proc = subprocess.Popen(_command(), cwd=root, env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    start = time.monotonic()
    if rng.random() < 1 / 3 or remaining == 0:
        delay = rng.uniform(0, total)
        time.sleep(delay)
        where = f"{delay:.2f}s after start"
    else:
        target = rng.randint(1, remaining)
        while proc.poll() is None and time.monotonic() - start < total * 3:
            now = _stamps(content)
            if sum(1 for p, t in now.items() if before.get(p) != t) >= target:
                break
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.002))
        where = f"after {target} of {remaining} posts to write"
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
        where += " (killed)"
    else:
        where += " (had finished)"
    proc.wait()
    return where


def test_kill_9_at_random_points_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(RNG_SEED)
    start_state = tmp_path / "start"
    curated, edited = make_start(start_state)

    reference = tmp_path / "reference"
    shutil.copytree(start_state, reference, symlinks=True)
    total = timed_reference(reference)
    expected = {k: v for k, v in snapshot(reference / "content").items()
                if k.endswith(".md")}
    seeds = len(list((reference / "seeds").rglob("*.txt")))
    assert len(expected) == seeds == 200

    figures = {"kills": 0, "finished_early": 0, "stray_temps": 0, "episodes": 0}
    deadline = time.monotonic() + BUDGET_S
    # a busy machine stretches the reference run, so more runs finish before their
    # kill: keep going (up to twice the budget) until enough kills really landed
    while (time.monotonic() < deadline or figures["episodes"] < 2
           or (figures["kills"] < MIN_KILLS and time.monotonic() < deadline + BUDGET_S)):
        figures["episodes"] += 1
        root = tmp_path / f"episode-{figures['episodes']}"
        shutil.copytree(start_state, root, symlinks=True)
        for _ in range(KILLS_PER_EPISODE):
            where = kill_at_random(root, rng, total, expected)
            figures["kills" if "killed" in where else "finished_early"] += 1
            try:
                figures["stray_temps"] += check_after_kill(root, curated, edited)
            except AssertionError as exc:
                raise AssertionError(f"episode {figures['episodes']}, {where}: {exc}") from exc
        final = run_to_end(root)
        assert final.returncode == 0, final.stderr[-2000:]
        check_after_kill(root, curated, edited)
        assert not list((root / "content").rglob(".*.tmp")), "temp files left after a full run"
        got = {k: v for k, v in snapshot(root / "content").items() if k.endswith(".md")}
        assert got.keys() == expected.keys(), sorted(got.keys() ^ expected.keys())
        differing = [k for k in got if got[k] != expected[k]]
        assert not differing, f"posts differ from an uninterrupted run: {differing[:5]}"
        by_seed = posts_by_seed(root / "content")
        assert len(by_seed) == seeds == len(set(by_seed.values()))
        shutil.rmtree(root)
    print(f"crash safety: {figures}, full run {total:.2f}s")
    assert figures["kills"] >= MIN_KILLS

"""``make devserver`` (``pelican --autoreload``): a seed dropped into ``seeds/`` while it
runs is ingested and shown, as a content edit would be.

Runs the real ``pelican -r`` in a subprocess over a small site (rules NER backend, search
off), waits for its first build, adds a seed, and waits for the new story on the home
page. Bounded in time; the process is stopped whatever happens.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from helpers import REPO
from test_ingest import seed_text

TIMEOUT = 90
"""Seconds to wait for each build (the first one starts Python and Pelican)."""


def wait_for(check: Callable[[], bool], proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if check():
            return
        if proc.poll() is not None:
            raise AssertionError(f"pelican exited ({proc.returncode}) before {what}")
        time.sleep(0.5)
    raise AssertionError(f"no {what} within {TIMEOUT} s")


def test_autoreload_ingests_a_seed_dropped_while_it_runs(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds" / "gazette" / "2020-01-06"
    seeds.mkdir(parents=True)
    (seeds / "first.txt").write_text(seed_text("Harbour bridge reopens after repairs"))
    (tmp_path / "content").mkdir()
    overrides = {"NEWS_DIGEST_SEEDS": str(tmp_path / "seeds"),
                 "NEWS_DIGEST_DATA_DIR": str(tmp_path / "data"),
                 "CACHE_PATH": str(tmp_path / "cache"),
                 "NEWS_DIGEST_NER_BACKEND": "rules", "NEWS_DIGEST_SEARCH": False}
    cmd = [sys.executable, "-m", "pelican", str(tmp_path / "content"), "-o",
           str(tmp_path / "output"), "-s", str(REPO / "pelicanconf.py"), "-r",
           "-e", *(f"{k}={json.dumps(v)}" for k, v in overrides.items())]
    home = tmp_path / "output" / "index.html"

    def shows(title: str) -> Callable[[], bool]:
        return lambda: home.exists() and title in home.read_text(encoding="utf-8")

    proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(shows("Harbour bridge reopens after repairs"), proc, "first build")
        time.sleep(1)  # the build is done and the watcher armed before the seed lands
        (seeds / "second.txt").write_text(seed_text("Ferry timetable changes for winter"))
        wait_for(shows("Ferry timetable changes for winter"), proc,
                 "rebuild with the new seed")
        posts = list((tmp_path / "content").rglob("ferry-timetable-changes-for-winter.md"))
        assert len(posts) == 1  # ingested into content/, as `make html` would
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

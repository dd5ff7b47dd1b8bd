"""Spawned ingest workers run their maths libraries on one thread each."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from news_digest.ingest.workers import ONE_THREAD_EACH, worker_pool
from news_digest.settings import Settings


def test_spawned_workers_get_one_thread_each_and_this_process_is_left_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ONE_THREAD_EACH:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "3")  # the user's own choice is kept
    settings = Settings(data_dir=tmp_path / "data", ner_backend="rules", processes=2,
                        batch_size=1)
    with worker_pool(settings, 8) as pool:
        assert pool is not None
        seen = {var: pool.submit(os.getenv, var).result(timeout=120)
                for var in ONE_THREAD_EACH}
    assert seen == {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
                    "MKL_NUM_THREADS": "3", "BLIS_NUM_THREADS": "1"}
    assert os.environ.get("OPENBLAS_NUM_THREADS") is None
    assert os.environ["MKL_NUM_THREADS"] == "3"

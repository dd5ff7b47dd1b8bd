"""The ingest manifest as a typed object: what ingest wrote comes back byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

from news_digest.ingest.manifest import Manifest, load_manifest
from news_digest.ingest.run import ingest
from news_digest.settings import Settings

SEED = ("Harbour bridge reopens after repairs\n\nTuesday, March 3, 2020\n\n"
        "The harbour bridge reopened to traffic on Tuesday after six weeks of repairs "
        "to its deck, the city council said in a statement.\n")


def settings(tmp_path: Path) -> Settings:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / "a.txt").write_text(SEED, encoding="utf-8")
    return Settings(seeds=seeds, content=tmp_path / "content", data_dir=tmp_path / "data",
                    ner_backend="rules", processes=1)


def test_loading_and_saving_gives_the_same_bytes(tmp_path: Path) -> None:
    s = settings(tmp_path)
    ingest(s)
    written = s.manifest_path.read_bytes()
    manifest = load_manifest(s.manifest_path)
    entry = manifest.posts[next(iter(manifest.posts))]
    assert entry["seed"] == "a.txt"
    assert entry["post"] == "2020/harbour-bridge-reopens-after-repairs.md"
    assert manifest.stat["a.txt"][2] in manifest.posts
    copy = tmp_path / "copy.json"
    manifest.save(copy)
    assert copy.read_bytes() == written


def test_keys_of_a_newer_version_survive_a_run_that_rewrites_it(tmp_path: Path) -> None:
    s = settings(tmp_path)
    ingest(s)
    data = json.loads(s.manifest_path.read_text(encoding="utf-8"))
    data["future"] = {"kept": True}
    s.manifest_path.write_text(json.dumps(data), encoding="utf-8")
    (s.seeds / "b.txt").write_text(SEED.replace("Harbour bridge", "Ferry service"),
                                   encoding="utf-8")
    report = ingest(s)
    assert report.new == ["2020/ferry-service-reopens-after-repairs.md"]
    again = json.loads(s.manifest_path.read_text(encoding="utf-8"))
    assert again["future"] == {"kept": True} and len(again["posts"]) == 2


def test_a_lost_manifest_adopts_the_posts_on_disk(tmp_path: Path) -> None:
    s = settings(tmp_path)
    ingest(s)
    s.manifest_path.unlink()
    manifest = Manifest()
    manifest.adopt_posts(s.content)
    assert [e["post"] for e in manifest.posts.values()] == [
        "2020/harbour-bridge-reopens-after-repairs.md"]
    report = ingest(s)  # the seed is recognised, not written again under a second slug
    assert not report.new and report.unchanged == 1
    assert sorted(p.name for p in s.content.rglob("*.md")) == [
        "harbour-bridge-reopens-after-repairs.md"]


def test_an_unreadable_manifest_is_rebuilt_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_manifest(path) == Manifest()
    path.write_text("[1, 2]", encoding="utf-8")
    assert load_manifest(path).posts == {}

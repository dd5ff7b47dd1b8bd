"""The ingest manifest as a typed object: what ingest wrote comes back byte for byte."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from news_digest.ingest.manifest import Manifest, load_manifest
from news_digest.ingest.plan import plan
from news_digest.ingest.run import ingest
from news_digest.ingest.seed_stats import STAT_FILE
from news_digest.settings import Settings

SEED = ("Harbour bridge reopens after repairs\n\nTuesday, March 3, 2020\n\n"
        "The harbour bridge reopened to traffic on Tuesday after six weeks of repairs "
        "to its deck, the city council said in a statement.\n")
# another article (the same text under another headline would be a copy of a.txt's post,
# one of its versions, and no post of its own)
OTHER = SEED.replace("Harbour bridge", "Ferry service").replace(
    "harbour bridge reopened to traffic", "ferry service resumed sailing").replace(
    "its deck", "both of its boats")


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
    assert "stat" not in json.loads(written)  # per-machine figures live in the cache
    copy = tmp_path / "copy.json"
    manifest.save(copy)
    assert copy.read_bytes() == written


def test_keys_of_a_newer_version_survive_a_run_that_rewrites_it(tmp_path: Path) -> None:
    s = settings(tmp_path)
    ingest(s)
    data = json.loads(s.manifest_path.read_text(encoding="utf-8"))
    data["future"] = {"kept": True}
    s.manifest_path.write_text(json.dumps(data), encoding="utf-8")
    (s.seeds / "b.txt").write_text(OTHER, encoding="utf-8")
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


NO_ARTICLE = "Home | News | Sport\n\nShare\n\n"
BOILERPLATE = "no article text found (only boilerplate or a title)"


def cached_settings(root: Path) -> Settings:
    """A site as Pelican and the command run it: with an ingest cache."""
    root.mkdir(parents=True, exist_ok=True)
    s = settings(root)
    (s.seeds / "b.txt").write_text(OTHER, encoding="utf-8")
    (s.seeds / "menu.txt").write_text(NO_ARTICLE, encoding="utf-8")
    return Settings(seeds=s.seeds, content=s.content, data_dir=s.data_dir,
                    ingest_cache=str(root / "cache"), ner_backend="rules", processes=1)


def test_a_build_from_a_fresh_clone_leaves_a_committed_manifest_unchanged(
        tmp_path: Path) -> None:
    """A digest commits its manifest; a clone gives every seed a new mtime and has no
    cache. Rebuilding there must not rewrite the committed file."""
    first = cached_settings(tmp_path / "site")
    ingest(first)
    committed = first.manifest_path.read_bytes()
    clone = tmp_path / "clone"
    shutil.copytree(tmp_path / "site", clone, ignore=shutil.ignore_patterns("cache"))
    for seed in (clone / "seeds").iterdir():
        os.utime(seed, ns=(1, 1))  # what a checkout does to mtimes
    again = cached_settings(clone)
    report = ingest(again)
    assert not report.new and report.unchanged == 2
    assert [reason for _, reason in report.skipped] == [BOILERPLATE]
    assert again.manifest_path.read_bytes() == committed
    assert (clone / "cache" / STAT_FILE).is_file()


def test_a_seed_with_no_article_is_not_cleaned_again_without_the_cache(
        tmp_path: Path) -> None:
    s = cached_settings(tmp_path)
    ingest(s)
    manifest = load_manifest(s.manifest_path)
    known = dict(manifest.skipped)
    assert list(known.values()) == [BOILERPLATE]
    planned = plan(s, manifest, known, stat_cache={})  # no sizes known: every seed read
    assert planned.pending == [] and planned.unchanged == 2
    assert planned.skipped == [(str(s.seeds / "menu.txt"), BOILERPLATE)]


def test_the_stat_cache_follows_the_seeds_folder(tmp_path: Path) -> None:
    s = cached_settings(tmp_path)
    ingest(s)
    cache = tmp_path / "cache" / STAT_FILE
    assert sorted(json.loads(cache.read_text(encoding="utf-8"))["stat"]) == [
        "a.txt", "b.txt", "menu.txt"]
    (s.seeds / "b.txt").unlink()
    ingest(s)
    assert sorted(json.loads(cache.read_text(encoding="utf-8"))["stat"]) == [
        "a.txt", "menu.txt"]  # a deleted seed's line goes with it
    other = tmp_path / "other-seeds"
    other.mkdir()
    twin = other / "a.txt"  # same name, size and mtime as the cached seed; other text
    text = ("Tram line opens in the north\n\nTuesday, March 3, 2020\n\nThe first trams "
            "ran on the new northern line on Tuesday, carrying commuters into the centre.\n")
    twin.write_text(text.ljust(len(SEED.encode("utf-8")) - 1) + "\n", encoding="utf-8")
    mtime = (s.seeds / "a.txt").stat().st_mtime_ns
    os.utime(twin, ns=(mtime, mtime))
    assert twin.stat().st_size == (s.seeds / "a.txt").stat().st_size
    moved = Settings(seeds=other, content=s.content, data_dir=s.data_dir,
                     ingest_cache=s.ingest_cache, ner_backend="rules", processes=1)
    report = ingest(moved)  # same cache folder, other seeds: their figures are not trusted
    assert report.updated == ["2020/harbour-bridge-reopens-after-repairs.md"]
    assert "Tram line" in (s.content / report.updated[0]).read_text(encoding="utf-8")


def test_an_old_manifest_gives_up_its_stat_lines_once(tmp_path: Path) -> None:
    s = cached_settings(tmp_path)
    ingest(s)
    data = json.loads(s.manifest_path.read_text(encoding="utf-8"))
    stats = json.loads((tmp_path / "cache" / STAT_FILE).read_text(encoding="utf-8"))["stat"]
    data["stat"] = stats  # as versions before the cache kept them
    s.manifest_path.write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "cache" / STAT_FILE).unlink()
    report = ingest(s)
    assert not report.new and report.unchanged == 2
    assert "stat" not in json.loads(s.manifest_path.read_text(encoding="utf-8"))
    kept = json.loads((tmp_path / "cache" / STAT_FILE).read_text(encoding="utf-8"))["stat"]
    assert kept == stats

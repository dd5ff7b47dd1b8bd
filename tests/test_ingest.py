"""Ingest: incremental, idempotent, curator-safe, deterministic, one bad seed never fatal."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from news_digest import frontmatter
from news_digest.ingest.manifest import load_manifest
from news_digest.ingest.run import ingest
from news_digest.ingest.workers import worker_count
from news_digest.settings import Settings

LONG = "written at length so that it reads as the body of a real story in the news"

ARTICLE = """{title}

World

{body}

The second paragraph of the story says more about what happened and why it matters.

Share this article on Facebook
© 2024 Example News Ltd. All Rights Reserved.
"""


def seed_text(title: str, body: str = "") -> str:
    body = body or f"The first paragraph about {title.lower()} is long enough to be prose."
    return ARTICLE.format(title=title, body=body)


@pytest.fixture
def site(tmp_path: Path) -> Settings:
    (tmp_path / "seeds").mkdir()
    return Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                    data_dir=tmp_path / "data", ner_backend="rules", processes=1)


def add(s: Settings, name: str, text: str | bytes) -> Path:
    path = s.seeds / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def snapshot(content: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(content).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(content.rglob("*")) if p.is_file()}


def test_second_run_writes_nothing(site: Settings) -> None:
    add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast"))
    add(site, "2020-01-09/b.txt", seed_text("Markets fall sharply"))
    first = ingest(site)
    assert len(first.new) == 2 and not first.skipped
    before = snapshot(site.content)
    second = ingest(site)
    assert second.new == [] and second.updated == [] and second.unchanged == 2
    assert snapshot(site.content) == before


def test_post_path_date_and_publisher(site: Settings) -> None:
    add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast"))
    ingest(site)
    text = (site.content / "2020/storm-hits-the-coast.md").read_text()
    assert 'date: "2020-01-08T00:00:00+00:00"' in text
    assert "date_source: path" in text
    assert "publisher: Example News" in text
    assert "Share this article" not in text and "All Rights Reserved" not in text


def test_curator_edit_survives_a_changed_seed(site: Settings) -> None:
    seed = add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast"))
    ingest(site)
    post = site.content / "2020/storm-hits-the-coast.md"
    edited = post.read_text().replace("is long enough", "is, a curator says, long enough")
    post.write_text(edited)
    seed.write_text(seed_text("Storm hits the coast", f"A rewritten first paragraph, {LONG}."))
    report = ingest(site)
    assert report.curated == ["2020/storm-hits-the-coast.md"]
    assert post.read_text() == edited
    assert ingest(site).curated == []  # reported once, then left alone
    assert post.read_text() == edited


def test_untouched_post_follows_its_changed_seed(site: Settings) -> None:
    seed = add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast"))
    ingest(site)
    seed.write_text(seed_text("Storm hits the coast, again", f"A new first paragraph, {LONG}."))
    report = ingest(site)
    assert report.updated == ["2020/storm-hits-the-coast.md"]
    post = (site.content / "2020/storm-hits-the-coast.md").read_text()
    assert f"A new first paragraph, {LONG}." in post and "again" in post
    assert len(list(site.content.rglob("*.md"))) == 1


def test_deleted_seed_keeps_its_post(site: Settings) -> None:
    seed = add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast"))
    ingest(site)
    seed.unlink()
    report = ingest(site)
    assert report.orphaned == ["2020/storm-hits-the-coast.md"]
    assert (site.content / "2020/storm-hits-the-coast.md").exists()


def test_bad_seed_is_skipped_with_reason_and_others_written(site: Settings) -> None:
    add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast"))
    add(site, "2020-01-08/binary.txt", b"\x00\x01\x02garbage\x00")
    add(site, "2020-01-08/empty.txt", b"")
    report = ingest(site)
    assert len(report.new) == 1
    reasons = dict((Path(p).name, r) for p, r in report.skipped)
    assert "NUL" in reasons["binary.txt"] and "empty" in reasons["empty.txt"]
    assert report.exit_code == 1


def test_duplicate_bytes_make_one_post(site: Settings) -> None:
    add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast"))
    add(site, "2020-01-08/copy-of-a.txt", seed_text("Storm hits the coast"))
    report = ingest(site)
    assert len(report.new) == 1
    assert any("duplicate of" in r for _, r in report.skipped)


def test_colliding_slugs_are_unique_and_stable(site: Settings) -> None:
    add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast!", f"Alpha text, {LONG}."))
    # a different article under the same headline (not a near-duplicate copy of a.txt)
    add(site, "2020-01-08/b.txt", seed_text("Storm hits the coast?", (
        "Beta: harbour walls gave way overnight and fishing boats were thrown onto the "
        "quay, while the ferry company cancelled every crossing until Friday evening.")))
    ingest(site)
    names = sorted(p.name for p in site.content.rglob("*.md"))
    assert names == ["storm-hits-the-coast-2.md", "storm-hits-the-coast.md"]
    assert "Alpha" in (site.content / "2020/storm-hits-the-coast.md").read_text()


def test_fresh_ingests_are_byte_identical(site: Settings, tmp_path: Path) -> None:
    for i in range(5):
        add(site, f"2020-01-0{i + 1}/s{i}.txt", seed_text(f"Story number {i} today"))
    other = Settings(seeds=site.seeds, content=tmp_path / "content2", data_dir=tmp_path / "d2",
                     ner_backend="rules", processes=1)
    ingest(site)
    ingest(other)
    a = {k: v[0] for k, v in snapshot(site.content).items()}
    b = {k: v[0] for k, v in snapshot(other.content).items()}
    assert a == b


def test_lost_manifest_adopts_posts_instead_of_duplicating(site: Settings) -> None:
    add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast"))
    ingest(site)
    site.manifest_path.unlink()
    report = ingest(site)
    assert report.new == [] and len(list(site.content.rglob("*.md"))) == 1


def test_corrupt_manifest_is_rebuilt(site: Settings, caplog: pytest.LogCaptureFixture) -> None:
    add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast"))
    ingest(site)
    site.manifest_path.write_text("{ not json")
    report = ingest(site)
    assert "unreadable manifest" in caplog.text
    assert report.new == [] and len(list(site.content.rglob("*.md"))) == 1
    assert load_manifest(site.manifest_path).posts


def test_unreadable_seed_is_skipped(site: Settings) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    seed = add(site, "a.txt", seed_text("Storm hits the coast"))
    seed.chmod(0)
    report = ingest(site)
    assert "cannot be read" in report.skipped[0][1]


def test_posts_are_untouched_by_digest(site: Settings) -> None:
    add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast"))
    ingest(site)
    for post in site.content.rglob("*.md"):
        assert frontmatter.is_untouched(post.read_text())


def test_lines_repeated_across_a_source_are_learned_as_boilerplate(site: Settings) -> None:
    chrome = "Morning Bulletin is produced by the Harbour Street team in Portsmouth each day."
    titles = ["Storm hits the coast", "Markets fall sharply", "Council approves budget",
              "Team wins the final"]
    for i, title in enumerate(titles):
        add(site, f"paper/2020-01-0{i + 1}-{i}.txt",
            f"{title}\n\n{chrome}\n\nThe story of {title.lower()}, {LONG}.\n\n"
            f"More about {title.lower()} follows here, {LONG}.\n")
    ingest(site)
    for post in site.content.rglob("*.md"):
        text = post.read_text()
        assert "Harbour Street" not in text
        assert "More about" in text


def test_a_post_the_curator_deleted_is_not_written_again(site: Settings) -> None:
    add(site, "2020-01-08/a.txt", seed_text("Storm hits the coast"))
    add(site, "2020-01-09/b.txt", seed_text("Markets fall sharply"))
    ingest(site)
    post = site.content / "2020/storm-hits-the-coast.md"
    post.unlink()
    report = ingest(site)
    assert report.removed == ["2020/storm-hits-the-coast.md"]
    assert report.new == [] and report.updated == []
    assert not post.exists()
    assert "1 deleted by a curator" in report.summary_line()


def test_a_curator_step_runs_in_worker_processes_too(
        site: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Steps named in NEWS_DIGEST_STEPS travel with the settings to every worker."""
    (tmp_path / "curator_steps.py").write_text(
        "from dataclasses import replace\n"
        "def mark(articles, ctx):\n"
        "    return [replace(a, keywords=(*a.keywords, 'curator-step')) for a in articles]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    places = ("Lisbon", "Oslo", "Quito", "Perth", "Lagos", "Hanoi", "Tunis", "Riga", "Lima",
              "Accra")
    for i, place in enumerate(places):  # ten different articles, not copies of one
        add(site, f"2020-01-0{i % 9 + 1}/s{i}.txt", seed_text(
            f"Story number {i} today", f"In {place}, {i * 7} volunteers planted {i + 3} "
            f"trees by the {place} river, and the {i}th mayor of {place} thanked them."))
    parallel = replace(site, steps=("curator_steps:mark",), processes=2, batch_size=2)
    assert worker_count(parallel, 10) == 2
    ingest(parallel)
    posts_written = list(site.content.rglob("*.md"))
    assert len(posts_written) == 10
    assert all("curator-step" in p.read_text() for p in posts_written)


def test_a_small_ingest_forks_one_worker_and_writes_what_one_process_writes(
        site: Settings, tmp_path: Path) -> None:
    """The hourly case: a few seeds are enriched by one forked worker while this process
    reads what writing needs; the posts are byte for byte those of a one-process run."""
    from news_digest.ingest.workers import overlap_worker

    for i, place in enumerate(("Lisbon", "Oslo", "Quito")):
        add(site, f"2020-01-0{i + 1}/s{i}.txt", seed_text(
            f"Volunteers plant trees in {place}",
            f"In {place}, {i * 7 + 5} volunteers planted trees by the {place} river."))
    forked = replace(site, processes=0, content=tmp_path / "forked",
                     data_dir=tmp_path / "data-forked")
    assert worker_count(forked, 3) == 1
    if not overlap_worker(forked):
        pytest.skip("this machine has one core or no fork(): the work stays in-process")
    warmed: list[bool] = []
    report = ingest(forked, while_waiting=lambda: warmed.append(True))
    assert len(report.new) == 3 and not report.skipped
    assert warmed == [True]  # called once, while the worker enriched
    assert ingest(site, while_waiting=lambda: warmed.append(False)).new  # processes=1
    assert warmed == [True]  # in one process nothing runs beside it: no warming
    one = {p.relative_to(site.content).as_posix(): p.read_bytes()
           for p in site.content.rglob("*.md")}
    two = {p.relative_to(forked.content).as_posix(): p.read_bytes()
           for p in forked.content.rglob("*.md")}
    assert one == two and len(one) == 3
    again = ingest(forked, while_waiting=lambda: warmed.append(True))
    assert again.new == [] and warmed == [True]  # nothing to enrich: no warming either


def test_a_long_lived_process_enriches_small_ingests_itself(
        site: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under ``pelican --autoreload`` the process outlives its build: a new seed is
    enriched in it, with the model it keeps, instead of by a forked worker that loads
    the model again for every seed; the post is the one a worker would write."""
    from news_digest.ingest import workers

    monkeypatch.setattr(workers, "_resident", False)  # restored after the test
    add(site, "2020-01-01/s0.txt", seed_text("Volunteers plant trees in Lisbon"))
    forked = replace(site, processes=0, content=tmp_path / "forked",
                     data_dir=tmp_path / "data-forked")
    resident = replace(forked, content=tmp_path / "resident",
                       data_dir=tmp_path / "data-resident")
    if not workers.overlap_worker(forked):
        pytest.skip("this machine has one core or no fork(): the work stays in-process")
    warmed: list[str] = []
    assert ingest(forked, while_waiting=lambda: warmed.append("forked")).new
    workers.stay_resident(resident)
    assert ingest(resident, while_waiting=lambda: warmed.append("resident")).new
    assert warmed == ["forked"]  # no worker beside the resident ingest
    one = {p.relative_to(forked.content): p.read_bytes() for p in forked.content.rglob("*.md")}
    two = {p.relative_to(resident.content): p.read_bytes()
           for p in resident.content.rglob("*.md")}
    assert one == two and len(one) == 1

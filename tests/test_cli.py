"""The ``news-digest`` command as a user runs it: a real subprocess, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from news_digest.cli import INSPECT_KEYS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_5e547131be4d3005.txt"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "news_digest.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_help_shows_an_example() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "news-digest inspect seeds/000_5e547131be4d3005.txt --json" in result.stdout


def test_usage_error_exits_2() -> None:
    assert run("frobnicate").returncode == 2
    assert run("ingest", "--processes", "many").returncode == 2


def test_inspect_json_has_the_stable_keys(tmp_path: Path) -> None:
    result = run("inspect", str(SEED), "--json", "--data", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert tuple(record) == INSPECT_KEYS
    assert record["seed"] == str(SEED)
    assert record["title"].startswith("Pentagon confirms Iran launched")
    assert record["section"] == "World"
    assert "Official White House Photo" in record["caption"]
    assert record["date"] == "2020-01-08T02:00:00+00:00"
    assert record["date_source"] == "metadata"
    assert not any("{{" in p or "All Rights Reserved" in p for p in record["paragraphs"])
    assert any(r["reason"] for r in record["removed"])


def test_inspect_many_files_and_a_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(
            f"Headline number {i}\n\nThe body of story {i} runs long enough to be a paragraph "
            "of real prose, with a subject, a verb and an object.\n")
    (folder / "bad.txt").write_bytes(b"\x00\x00\x00")
    result = run("inspect", str(folder), "--json", "--backend", "rules",
                 "--data", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "bad.txt" in result.stderr and "NUL" in result.stderr
    titles = [json.loads(line)["title"] for line in result.stdout.splitlines()]
    assert titles == ["Headline number 0", "Headline number 1", "Headline number 2"]


def test_ingest_summary_and_idempotence(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "A headline\n\nFriday, January 4, 2019\n\nThe body of the story runs long enough to be "
        "a paragraph of real prose, with a subject, a verb and an object.\n")
    args = ("ingest", "--seeds", str(seeds), "--content", str(tmp_path / "content"),
            "--data", str(tmp_path / "data"), "--backend", "rules", "--quiet")
    first = run(*args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("1 new, 0 updated, 0 unchanged")
    second = run(*args, cwd=tmp_path)
    assert second.stdout.startswith("0 new, 0 updated, 1 unchanged")
    post = tmp_path / "content" / "2019" / "a-headline.md"
    assert "date_source: dateline" in post.read_text()


@pytest.mark.parametrize("value", ["sometimes", "maybe"])
def test_bad_setting_names_key_and_value(tmp_path: Path, value: str) -> None:
    conf = tmp_path / "conf.py"
    conf.write_text(f"NEWS_DIGEST_AUTO_INGEST = {value!r}\n")
    result = run("--settings", str(conf), "ingest", "--seeds", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert f"NEWS_DIGEST_AUTO_INGEST='{value}': expected true or false" in result.stderr


def test_inspect_one_file_learns_its_folders_boilerplate(tmp_path: Path) -> None:
    """inspect shows what ingest would write, even for a single seed of a source."""
    folder = tmp_path / "paper"
    folder.mkdir()
    chrome = "Morning Bulletin is produced by the Harbour Street team in Portsmouth each day."
    for i in range(4):
        (folder / f"{i}.txt").write_text(
            f"Headline number {i}\n\n{chrome}\n\nThe body of story {i} runs long enough to be "
            "a paragraph of real prose, with a subject, a verb and an object.\n")
    result = run("inspect", str(folder / "0.txt"), "--json", "--backend", "rules",
                 "--data", str(tmp_path / "data"))
    record = json.loads(result.stdout)
    assert not any("Harbour Street" in p for p in record["paragraphs"])
    assert any(r["reason"] == "repeated across source" for r in record["removed"])


# --- curation sub-commands: feature, hide, unhide ---------------------------------------

CURATED_POST = (
    '---\r\ntitle: "Élan: a title with a colon"\r\n# a curator\'s comment\r\n'
    "date: 2020-01-08T09:30:00+00:00\r\nslug: elan\r\nsummary: 'Single   quoted'\r\n"
    "topics:\r\n- politics\r\n- conflict-war-and-peace\r\n"
    "ingest: {version: 1, digest: 0000}\r\n---\r\n\r\nBody with trailing spaces   \r\n"
    "\r\nstatus: a body line, not front matter\r\n")


def changed_lines(before: str, after: str) -> list[str]:
    import difflib

    return [d for d in difflib.ndiff(before.splitlines(keepends=True),
                                     after.splitlines(keepends=True)) if d[:1] in "+-"]


def test_curate_commands_change_one_line_and_keep_every_other_byte(tmp_path: Path) -> None:
    post = tmp_path / "content" / "2020" / "elan.md"
    post.parent.mkdir(parents=True)
    post.write_bytes(CURATED_POST.encode("utf-8"))
    content = ("--content", str(tmp_path / "content"))
    hide = run("hide", "elan", *content, cwd=tmp_path)
    assert hide.returncode == 0, hide.stderr
    assert hide.stdout.strip() == "hidden: content/2020/elan.md"
    hidden = post.read_bytes().decode("utf-8")
    assert changed_lines(CURATED_POST, hidden) == ["+ status: hidden\r\n"]
    assert hidden.index("status: hidden\r\n") < hidden.index("ingest:")  # digest line last
    # by path, with -v after the sub-command; the line is replaced, not added again
    unhide = run("unhide", str(post), "-v", *content, cwd=tmp_path)
    assert unhide.returncode == 0, unhide.stderr
    shown = post.read_bytes().decode("utf-8")
    assert changed_lines(CURATED_POST, shown) == ["+ status: published\r\n"]
    assert run("feature", "elan", *content, cwd=tmp_path).returncode == 0
    featured = post.read_bytes().decode("utf-8")
    assert changed_lines(shown, featured) == ["+ featured: true\r\n"]
    again = run("-v", "feature", "elan", *content, cwd=tmp_path)
    assert again.stdout.startswith("already featured") and post.read_bytes().decode() == featured
    off = run("feature", "--off", "elan", *content, cwd=tmp_path)
    assert off.returncode == 0
    assert changed_lines(featured, post.read_bytes().decode("utf-8")) == [
        "- featured: true\r\n", "+ featured: false\r\n"]


def test_curate_names_what_it_cannot_edit(tmp_path: Path) -> None:
    content = tmp_path / "content"
    for folder in ("2019", "2020"):
        (content / folder).mkdir(parents=True)
        (content / folder / "twin.md").write_text("---\ntitle: Twin\n---\nBody.\n")
    broken = content / "2020" / "broken.md"
    broken.write_text('---\ntitle: "unclosed\n---\nBody.\n')
    plain = content / "2020" / "plain.md"
    plain.write_text("Title: A Pelican post\n\nBody.\n")
    before = {p: p.read_bytes() for p in content.rglob("*.md")}
    result = run("hide", "twin", "broken", "plain", "nothing-here", "--content", str(content),
                 cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 4, lines
    assert "2 posts have this slug" in lines[0] and "2019/twin.md" in lines[0]
    assert "broken.md:" in lines[1] and "not changed" in lines[1]
    assert "plain.md: no YAML front matter" in lines[2]
    assert "nothing-here: no post with this slug or path" in lines[3]
    assert {p: p.read_bytes() for p in content.rglob("*.md")} == before


def test_a_hidden_post_is_updated_from_its_seed_and_stays_hidden(tmp_path: Path) -> None:
    """Hiding is a flag, not a text edit (trial 3, finding 4): the seed's update reaches
    the post, and the post stays hidden."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = seeds / "a.txt"
    seed.write_text(
        "A headline\n\nFriday, January 4, 2019\n\nThe body of the story runs long enough to be "
        "a paragraph of real prose, with a subject, a verb and an object.\n")
    args = ("--seeds", str(seeds), "--content", str(tmp_path / "content"),
            "--data", str(tmp_path / "data"), "--backend", "rules", "--quiet")
    assert run("ingest", *args, cwd=tmp_path).returncode == 0
    post = tmp_path / "content" / "2019" / "a-headline.md"
    assert run("hide", "a-headline", "--content", str(tmp_path / "content"),
               cwd=tmp_path).returncode == 0
    hidden = post.read_bytes()
    seed.write_text(seed.read_text() + "\nA second paragraph the seed gained later, long "
                    "enough to count as real prose for the cleaner to keep it.\n")
    again = run("ingest", *args, "-v", cwd=tmp_path)
    assert "1 updated" in again.stdout and "0 kept because curated" in again.stdout, \
        again.stdout + again.stderr
    assert "the curator's status: hidden kept" in again.stderr
    text = post.read_text()
    assert "A second paragraph the seed gained later" in text
    assert "status: hidden\n" in text and hidden != post.read_bytes()
    assert run("ingest", *args, "-v", cwd=tmp_path).stdout.count("1 unchanged") == 1


def test_inspect_and_ingest_skip_a_seed_for_the_same_reason(tmp_path: Path) -> None:
    """inspect applies ingest's own rules: same skip, same words, and still shows the seed."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(
        "A headline\n\nThe body of the story runs long enough to be a paragraph of real "
        "prose, with a subject, a verb and an object.\n")
    (seeds / "empty.txt").write_text("Only a title\n")
    ingested = run("ingest", "--seeds", str(seeds), "--content", str(tmp_path / "content"),
                   "--data", str(tmp_path / "data"), "--backend", "rules", "--quiet",
                   cwd=tmp_path)
    assert ingested.returncode == 1
    reason = "no article text found (only boilerplate or a title)"
    assert f"empty.txt: skipped: {reason}" in ingested.stderr
    inspected = run("inspect", str(seeds), "--json", "--backend", "rules",
                    "--data", str(tmp_path / "data"), cwd=tmp_path)
    assert inspected.returncode == 1
    assert f"empty.txt: ingest would skip it: {reason}" in inspected.stderr
    titles = [json.loads(line)["title"] for line in inspected.stdout.splitlines()]
    assert titles == ["Only a title", "A headline"]


def test_seed_lines_name_seeds_relative_to_the_working_directory(tmp_path: Path) -> None:
    """A skipped seed is printed as ``seeds/empty.txt``, as the README shows, even when
    the seeds folder was given as an absolute path; outside the working directory the
    path stays as given."""
    site = tmp_path.resolve() / "site"
    seeds = site / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "empty.txt").write_text("Only a title\n")
    (seeds / "good.txt").write_text(
        "A headline\n\nThe body of the story runs long enough to be a paragraph of real "
        "prose, with a subject, a verb and an object.\n")
    args = ("--seeds", str(seeds), "--content", str(site / "content"),
            "--data", str(site / "data"), "--backend", "rules")
    ingested = run("ingest", *args, "--quiet", cwd=site)
    assert ingested.returncode == 1
    skip_lines = [line for line in ingested.stderr.splitlines() if "skipped:" in line]
    assert len(skip_lines) == 1
    assert "seeds/empty.txt: skipped: no article text" in skip_lines[0]
    assert str(site) not in skip_lines[0]
    inspected = run("inspect", str(seeds / "empty.txt"), "--backend", "rules",
                    "--data", str(site / "data"), cwd=site)
    assert "\nseeds/empty.txt: ingest would skip it" in "\n" + inspected.stderr
    elsewhere = tmp_path.resolve() / "elsewhere"
    elsewhere.mkdir()
    again = run("ingest", *args, "--quiet", cwd=elsewhere)
    assert f"{seeds / 'empty.txt'}: skipped: no article text" in again.stderr

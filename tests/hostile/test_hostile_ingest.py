"""Every hostile seed, one at a time, added to an ordinary site: ingest completes, the
seed gives a post or exactly one warning line naming it and the reason, and no other
post changes by a byte.

Then the whole corpus at once, through the ``news-digest`` command, which is what a
curator runs: one stderr line per skipped seed, exit code 1, nothing else broken.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from news_digest import frontmatter
from news_digest.frontmatter import load_front_matter, split_front_matter

from . import corpus
from .helpers import HEAVY, Run, copy_site, hostile_settings, run_ingest, snapshot

MANIFEST = ".news-digest/manifest.json"


def _posts_changed(before: dict[str, bytes], after: dict[str, bytes]) -> tuple[set[str], set[str]]:
    """(new files, changed files) between two snapshots of content/, manifest aside."""
    new = set(after) - set(before) - {MANIFEST}
    changed = {k for k in before if k != MANIFEST and after.get(k) != before[k]}
    return new, changed


def check_post(content: Path, rel: str, case: corpus.Case) -> dict:
    """The post parses, is ingest's own untouched output, and keeps the seed's title."""
    text = (content / rel).read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert frontmatter.is_untouched(text), f"{case.name}: digest does not match"
    head, body = split_front_matter(text)
    assert head is not None, f"{case.name}: no front matter"
    fm = load_front_matter(head, rel)
    assert fm == {str(k).lower(): v for k, v in yaml.safe_load(head).items()}
    assert isinstance(fm["title"], str) and fm["title"].strip()
    if case.title is not None:
        assert case.title in fm["title"], (case.name, fm["title"])
    assert body.strip(), f"{case.name}: empty body"
    url = fm["source"].get("url")
    assert url is None or url.startswith(("http://", "https://")), f"{case.name}: url {url!r}"
    return fm


def check_outcome(case: corpus.Case, root: Path, before: dict[str, bytes], run: Run,
                  ) -> str | None:
    """Assert the case's expected outcome; return the new post's path, if any."""
    content = root / "content"
    seed = str(root / "seeds" / case.rel)
    new, changed = _posts_changed(before, snapshot(content))
    assert not changed, f"{case.name}: other posts changed: {sorted(changed)}"
    naming = [w for w in run.warnings if seed in w]
    if case.expect == "post":
        assert not run.report.skipped, run.report.skipped
        assert len(new) == 1 and next(iter(new)).endswith(".md"), (case.name, new)
        rel = next(iter(new))
        check_post(content, rel, case)
        assert run.report.new == [rel]
        return rel
    assert not new, f"{case.name}: unexpected files {sorted(new)}"
    if case.expect == "ignored":
        assert not run.report.skipped and not naming, (run.report.skipped, naming)
        return None
    reason = case.skipped_reason
    assert reason is not None
    assert [p for p, _ in run.report.skipped] == [seed], run.report.skipped
    assert reason in run.report.skipped[0][1]
    assert len(naming) == 1 and reason in naming[0], naming
    return None


@pytest.mark.parametrize("case", corpus.CASES, ids=[c.name for c in corpus.CASES])
def test_hostile_seed_alone(case: corpus.Case, hostile_baseline: Path, tmp_path: Path) -> None:
    root = copy_site(hostile_baseline, tmp_path)
    settings = hostile_settings(root)
    corpus.PWNED.unlink(missing_ok=True)
    try:
        if case.after:
            corpus.write_case(settings.seeds, corpus.by_name()[case.after])
            run_ingest(settings)
        before = snapshot(settings.content)
        corpus.write_case(settings.seeds, case)
        run = run_ingest(settings)
        post = check_outcome(case, root, before, run)
        assert not corpus.PWNED.exists(), "a title ran a shell command"

        # Idempotent, hostile or not: a second run writes nothing.
        again = snapshot(settings.content)
        rerun = run_ingest(settings)
        assert snapshot(settings.content) == again
        assert rerun.report.new == rerun.report.updated == []

        if case.then:
            assert post is not None
            corpus.second_act(case, settings.seeds)
            third = run_ingest(settings)
            new, changed = _posts_changed(again, snapshot(settings.content))
            assert not new
            if case.then == "delete":
                assert not changed and third.report.orphaned == [post]
            else:
                assert changed == {post} and third.report.updated == [post]
                text = (settings.content / post).read_text(encoding="utf-8")
                assert "A seed that has changed" in text and frontmatter.is_untouched(text)
    finally:
        corpus.restore_permissions(root)


def test_corpus_has_every_kind_of_case() -> None:
    """The brief's list, by name, so a case cannot silently disappear."""
    names = set(corpus.by_name())
    assert len(corpus.CASES) >= 40 and len(names) == len(corpus.CASES)
    for required in ("empty", "whitespace-only", "boilerplate-only", "binary-nul",
                     "invalid-utf8", "latin-1", "utf-16-bom", "utf-16-no-bom",
                     "huge-single-line", "million-lines", "long-title", "title-yaml-fence",
                     "title-colons", "title-hash", "title-quotes", "title-yaml-tag",
                     "title-nel", "script-tag", "img-onerror", "javascript-links", "iframe",
                     "style", "svg-onload", "markdown-remote", "attr-list", "raw-html-block",
                     "template-syntax", "rtl-arabic", "rtl-hebrew-rlo", "emoji-zwj",
                     "duplicate-b", "slug-twin-b", "nested", "symlink-dir-loop",
                     "symlink-self-loop", "fifo", "unreadable", "deleted-between-runs",
                     "changed-between-runs"):
        assert required in names, required


def test_whole_corpus_outcomes(hostile_site) -> None:
    """All cases in one folder at once (junk learning across them included): each case
    still gets its own outcome, and slug twins get distinct slugs."""
    run, root = hostile_site.run, hostile_site.root
    skipped = {p: r for p, r in run.report.skipped}
    for case in hostile_site.cases:
        seed = str(root / "seeds" / case.rel)
        if case.expect == "post":
            assert case.name in hostile_site.posts, f"{case.name}: no post ({skipped.get(seed)})"
            check_post(root / "content", hostile_site.posts[case.name], case)
        elif case.expect == "ignored":
            assert seed not in skipped and case.name not in hostile_site.posts
        else:
            assert case.skipped_reason in skipped.get(seed, ""), (case.name, skipped.get(seed))
            assert sum(seed in w for w in run.warnings) == 1, case.name
    slugs = [Path(p).stem for p in hostile_site.posts.values()]
    assert len(slugs) == len(set(slugs))
    assert not corpus.PWNED.exists()


def cli_ingest(site: Path) -> subprocess.CompletedProcess[str]:
    """``news-digest ingest`` as a curator runs it, in the site folder ``site``."""
    return subprocess.run(
        [sys.executable, "-m", "news_digest.cli", "ingest", "--seeds", "seeds",
         "--content", "content", "--data", "data", "--backend", "rules",
         "--processes", "1", "-q"],
        cwd=site, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "plugins")})


def test_cli_names_each_skipped_seed_once(tmp_path: Path) -> None:
    """``news-digest ingest`` over the corpus (heavy cases aside): exit 1, and each skipped
    seed on exactly one stderr line with its reason."""
    cases = [c for c in corpus.CASES if c.name not in HEAVY]
    corpus.write_corpus(tmp_path / "seeds", cases)
    try:
        proc = cli_ingest(tmp_path)
    finally:
        corpus.restore_permissions(tmp_path)
    assert proc.returncode == 1, proc.stderr[-3000:]
    lines = proc.stderr.splitlines()
    assert not any("Traceback" in line for line in lines), proc.stderr[-3000:]
    for case in cases:
        if case.skipped_reason is None:
            continue
        seed = str(Path("seeds") / case.rel)
        naming = [line for line in lines if seed in line]
        assert len(naming) == 1 and case.skipped_reason in naming[0], (case.name, naming)


def test_a_file_name_that_is_not_utf8_is_named_and_skipped(tmp_path: Path) -> None:
    """A Latin-1 file name (bytes no post, manifest or URL can hold) is one readable
    stderr line naming the file, run after run; the seed beside it is a post."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(corpus.article("Ferry talks resume", "good"),
                                    encoding="utf-8")
    bad = os.fsencode(seeds) + b"/caf\xe9-menu.txt"
    with open(bad, "wb") as fh:
        fh.write(corpus.article("Cafe owners meet", "latin-name").encode("utf-8"))
    for _ in range(2):  # the second run has the manifest and stat cache of the first
        proc = cli_ingest(tmp_path)
        assert proc.returncode == 1, proc.stderr[-3000:]
        assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
        naming = [line for line in proc.stderr.splitlines() if "caf\\xe9-menu.txt" in line]
        assert len(naming) == 1 and "file name is not valid UTF-8" in naming[0], proc.stderr
    posts = [p.name for p in (tmp_path / "content").rglob("*.md")]
    assert posts == ["ferry-talks-resume.md"]

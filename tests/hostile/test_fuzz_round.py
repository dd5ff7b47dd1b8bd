"""Hostile seeds and seed-folder changes found by a fuzzing round (JSON Lines, saved
pages, dates, URLs, Markdown fences, symlinked folders, renamed and deleted seeds), each
built into a real site with plain Pelican beside ordinary seeds: the build goes on, the
good posts are there, and the hostile seed gives its post or one line naming it."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import yaml

from news_digest.frontmatter import split_front_matter

from . import corpus
from .helpers import collect_warnings, pelican_build


def _site(root: Path) -> Path:
    corpus.good_seeds(root / "seeds", 3, prefix="fuzz")
    (root / "content").mkdir()
    return root


def _posts(content: Path) -> dict[str, dict]:
    """Seed (front matter ``source.seed``) → front matter, for every post."""
    found = {}
    for path in sorted(content.rglob("*.md")):
        head, _ = split_front_matter(path.read_text(encoding="utf-8"))
        fm = yaml.safe_load(head)
        found[str(fm["source"]["seed"])] = fm
    return found


def _good_pages(output: Path) -> list[Path]:
    return sorted(p for p in output.glob("2024/02/*/*/index.html") if "fuzz" in p.parent.name)


def test_jsonl_record_with_a_raw_line_separator_in_a_string_is_one_record(tmp_path: Path,
                                                                           ) -> None:
    """U+2028, U+2029 and NEL are legal raw inside a JSON string (``json.dumps(...,
    ensure_ascii=False)`` writes them so); splitting the file at them cut each such
    record into two lines that are not JSON, and the story was lost."""
    root = _site(tmp_path)
    records = []
    for n, sep in enumerate(("\u2028", "\u2029", "\x85")):
        paragraphs = corpus.prose(f"jsonl-separator-{n}", 2)
        records.append({"title": f"Harbour report part{sep}{n}",
                        "maintext": paragraphs[0] + sep + paragraphs[1],
                        "url": f"https://wire.example/{n}",
                        "date_publish": f"2024-03-0{n + 1} 10:00:00"})
    wire = root / "seeds" / "wire.jsonl"
    wire.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    with collect_warnings() as lines:
        output = pelican_build(root, root / "output")
    assert not [line for line in lines if "wire.jsonl" in line and "skipped" in line], lines
    posts = _posts(root / "content")
    urls = sorted(fm["source"]["url"] for fm in posts.values()
                  if str(fm["source"]["seed"]).startswith("seeds/wire.jsonl#"))
    assert urls == [f"https://wire.example/{n}" for n in range(3)]
    assert len(_good_pages(output)) == 3


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_html_seeds_trafilatura_gives_up_on_log_only_lines_naming_the_file(tmp_path: Path,
                                                                          ) -> None:
    """A frameset page, an empty body and a record that is only a script: trafilatura
    logged "ERROR empty HTML tree: None", "ERROR parsed tree length: 1, …" and "WARNING
    discarding data: None" into the build's output, lines naming no file (and, at ERROR,
    alarming) beside ingest's own line saying which seed was skipped and why."""
    root = _site(tmp_path)
    seeds = root / "seeds"
    (seeds / "frames.htm").write_text('<frameset><frame src="x"></frameset>', encoding="utf-8")
    (seeds / "empty.html").write_text("<html><head><title>Nothing</title></head><body></body>"
                                      "</html>", encoding="utf-8")
    (seeds / "script.json").write_text(json.dumps({
        "title": "Only a script", "url": "https://wire.example/script",
        "maintext": "<div><script>alert(1)</script></div>"}), encoding="utf-8")
    handler = _Records()
    logging.getLogger().addHandler(handler)
    try:
        output = pelican_build(root, root / "output")
    finally:
        logging.getLogger().removeHandler(handler)
    lines = [(r.name, r.levelname, r.getMessage()) for r in handler.records]
    about_seeds = [line for line in lines if not line[0].startswith("pelican")]
    unnamed = [line for line in about_seeds
               if str(seeds) not in line[2] and not line[2].startswith("news-digest: ingest:")]
    assert unnamed == [], unnamed
    for name in ("frames.htm", "empty.html", "script.json"):
        assert len([line for line in about_seeds if f"{name}" in line[2]]) == 1, about_seeds
    assert len(_good_pages(output)) == 3


def test_a_renamed_seed_keeps_its_post(tmp_path: Path) -> None:
    """A seed renamed between builds (a text dump, and a JSON Lines file) is the same
    seed: it was reported as "seed gone, post kept" on every build, and when the renamed
    seed then changed, ingest made a second post of the same article beside the first."""
    root = _site(tmp_path)
    seeds = root / "seeds"
    dump = seeds / "2024-03-05" / "council.txt"
    dump.parent.mkdir(parents=True)
    dump.write_text(corpus.article("Council renames the harbour fund", "renamed-dump"),
                    encoding="utf-8")
    record = {"title": "Ferry timetable changes for the winter",
              "maintext": "\n".join(corpus.prose("renamed-record", 3)),
              "url": "https://wire.example/ferry", "date_publish": "2024-03-06 09:00:00"}
    (seeds / "wire.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    pelican_build(root, root / "output")
    before = sorted(p.relative_to(root / "content").as_posix()
                    for p in (root / "content").rglob("*.md"))
    assert len(before) == 5

    dump.rename(dump.with_name("council-renamed.txt"))
    (seeds / "wire.jsonl").rename(seeds / "wire-2024.jsonl")
    with collect_warnings() as lines:
        pelican_build(root, root / "output")
    assert not [line for line in lines if "gone" in line], lines

    (seeds / "2024-03-05" / "council-renamed.txt").write_text(
        corpus.article("Council renames the harbour fund", "renamed-dump",
                       extra=[corpus.in_prose("renamed-dump-late", "a late correction")]),
        encoding="utf-8")
    record["maintext"] += "\nThe company added a late sailing on Fridays, it said."
    (seeds / "wire-2024.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with collect_warnings() as lines:
        output = pelican_build(root, root / "output")
    after = sorted(p.relative_to(root / "content").as_posix()
                   for p in (root / "content").rglob("*.md"))
    assert after == before, lines
    seeds_named = sorted(str(fm["source"]["seed"]) for fm in _posts(root / "content").values())
    assert "seeds/2024-03-05/council-renamed.txt" in seeds_named
    assert any(s.startswith("seeds/wire-2024.jsonl#") for s in seeds_named), seeds_named
    assert len(_good_pages(output)) == 3


def test_a_stated_date_past_year_9999_in_utc_is_named_not_called_missing(tmp_path: Path,
                                                                          ) -> None:
    """A record's ``date_publish`` of 9999-12-31 23:30 -05:00 (or 0001-01-01 00:30
    +05:00) parses but has no UTC datetime: the post is dated by the file's mtime, and
    its warning said "no date in the seed", about a seed that states one."""
    root = _site(tmp_path)
    records = [{"title": f"Calendar edge story {n}", "maintext": "\n".join(
                    corpus.prose(f"calendar-edge-{n}", 2)),
                "url": f"https://wire.example/edge-{n}", "date_publish": date}
               for n, date in enumerate(("9999-12-31T23:30:00-05:00",
                                         "0001-01-01T00:30:00+05:00"))]
    (root / "seeds" / "edge.json").write_text(json.dumps(records), encoding="utf-8")
    with collect_warnings() as lines:
        output = pelican_build(root, root / "output")
    for record in records:
        named = [line for line in lines if record["url"] in line]
        assert len(named) == 1, lines
        assert f"date_publish '{record['date_publish']}' is outside" in named[0], named
        assert "no date in the seed" not in named[0]
    assert len(_good_pages(output)) == 3


def test_a_url_that_does_not_parse_does_not_stop_the_build(tmp_path: Path) -> None:
    """``http://[invalid/x`` (an unclosed IPv6 bracket) passed the http(s) check, and
    the article template's ``host`` filter (the link text when no publisher is named)
    raised ValueError from urlsplit: Pelican exited 1 and no page of the site was
    written. From a record's URL, and from a curator's front matter alike."""
    root = _site(tmp_path)
    (root / "seeds" / "odd.json").write_text(json.dumps({
        "title": "Bridge inspection finds loose bolts",
        "maintext": "\n".join(corpus.prose("odd-url", 2)),
        "url": "http://[invalid/x", "date_publish": "2024-03-08 08:00:00"}), encoding="utf-8")
    curated = root / "content" / "2024" / "by-hand.md"
    curated.parent.mkdir(parents=True)
    curated.write_text(
        "---\ntitle: Written by hand\ndate: 2024-03-09T12:00:00+00:00\nslug: by-hand\n"
        "source: {url: \"https://[::1/\", seed: seeds/none.txt, sha256: null}\n---\n\n"
        "A curator wrote this body.\n", encoding="utf-8")
    with collect_warnings() as lines:
        output = pelican_build(root, root / "output")
    assert [line for line in lines if "odd.json" in line and "http://[invalid/x" in line
            and "not an http(s) URL" in line], lines
    page = output / "2024" / "03" / "08" / "bridge-inspection-finds-loose-bolts" / "index.html"
    assert page.exists()
    assert "[invalid" not in page.read_text(encoding="utf-8").split("<main", 1)[-1]
    assert (output / "2024" / "03" / "09" / "by-hand" / "index.html").exists()
    assert len(_good_pages(output)) == 3


def test_a_tilde_fence_in_seed_text_does_not_make_a_code_block(tmp_path: Path) -> None:
    """A record's text with ``~~~`` lines around a paragraph: Markdown's fenced code
    opened there, and the page showed the escapes as the text ("5 &amp; 6
    \\*were\\* \\[paid\\]") in a code block instead of the paragraph as written."""
    import html5lib

    root = _site(tmp_path)
    first, second = corpus.prose("tilde-fence", 2)
    (root / "seeds" / "fence.json").write_text(json.dumps({
        "title": "Harbour fees settled after long dispute",
        "maintext": "\n".join([first, "~~~", "Fees of 5 & 6 *were* [paid] by the council",
                               "~~~", second]),
        "url": "https://wire.example/fence", "date_publish": "2024-03-08 08:00:00"}),
        encoding="utf-8")
    output = pelican_build(root, root / "output")
    page = output / "2024" / "03" / "08" / "harbour-fees-settled-after-long-dispute" / \
        "index.html"
    doc = html5lib.parse(page.read_bytes(), treebuilder="lxml", namespaceHTMLElements=False)
    main = doc.find(".//main")
    assert main.find(".//pre") is None and main.find(".//code") is None
    shown = ["".join(p.itertext()) for p in main.iter("p")]
    assert "Fees of 5 & 6 *were* [paid] by the council" in shown, shown
    assert "~~~" in shown
    assert len(_good_pages(output)) == 3


def test_a_symlinked_folder_of_seeds_is_named_not_silently_passed_over(tmp_path: Path,
                                                                        ) -> None:
    """Symlinked folders are not followed (a loop would never end), so an archive linked
    into the seeds folder gave no post and no line at all: the build looked complete."""
    root = _site(tmp_path)
    archive = tmp_path / "archive"
    corpus.good_seeds(archive, 2, prefix="archived")
    (root / "seeds" / "linked-archive").symlink_to(archive, target_is_directory=True)
    with collect_warnings() as lines:
        output = pelican_build(root, root / "output")
    named = [line for line in lines if str(root / "seeds" / "linked-archive") in line]
    assert len(named) == 1 and "symlink" in named[0], lines
    assert len(_good_pages(output)) == 3


def test_a_seed_and_its_post_both_deleted_are_not_reported_as_kept(tmp_path: Path) -> None:
    """A curator deletes a seed and the post made of it: every later build warned "seed
    gone, post kept: <post>" about a post that is not there."""
    root = _site(tmp_path)
    seed = root / "seeds" / "2024-03-05" / "withdrawn.txt"
    seed.parent.mkdir(parents=True)
    seed.write_text(corpus.article("Ferry strike called off at the last minute", "withdrawn"),
                    encoding="utf-8")
    pelican_build(root, root / "output")
    post = root / "content" / "2024" / "ferry-strike-called-off-at-the-last-minute.md"
    assert post.exists()
    seed.unlink()
    post.unlink()
    for _ in range(2):
        with collect_warnings() as lines:
            output = pelican_build(root, root / "output")
        assert not [line for line in lines if "ferry-strike" in line], lines
    assert not post.exists()
    assert not list(output.glob("2024/*/*/ferry-strike-called-off-at-the-last-minute"))
    assert len(_good_pages(output)) == 3


def test_a_text_seed_with_its_own_front_matter_takes_its_facts_not_its_fences(
        tmp_path: Path) -> None:
    """A text seed opening with a YAML front-matter block (a post copied from another
    static site) took the ``---`` fence as its title and printed the block as article
    text. Its title, date and URL are now the post's; prose between two rule lines that
    only looks like YAML ("UPDATE: …") stays text, and its fences are not a title."""
    root = _site(tmp_path)
    seeds = root / "seeds"
    head = ("---\ntitle: Harbour board approves the winter night ferry\n"
            "date: 2024-02-09 07:30:00+00:00\nurl: https://harbour.example/night-ferry\n"
            "layout: post\ntags: [ferry, harbour]\n---\n")
    (seeds / "copied-post.txt").write_text(
        head + corpus.article("Harbour board approves the winter night ferry", "fm-post"),
        encoding="utf-8")
    update = corpus.in_prose("fm-update", "about the pier lights")
    (seeds / "2024-02-11").mkdir(exist_ok=True)
    (seeds / "2024-02-11" / "ruled.txt").write_text(
        f"---\nUPDATE: {update}\n---\n"
        + corpus.article("Pier lights to stay on through the storm season", "fm-ruled"),
        encoding="utf-8")
    with collect_warnings() as lines:
        output = pelican_build(root, root / "output")
    posts = _posts(root / "content")
    post = posts["seeds/copied-post.txt"]
    assert post["title"] == "Harbour board approves the winter night ferry"
    assert str(post["date"]).startswith("2024-02-09"), post["date"]
    assert post["source"]["url"] == "https://harbour.example/night-ferry"
    text = next(p for p in (root / "content").rglob("*.md")
                if "copied-post.txt" in p.read_text(encoding="utf-8")).read_text(
                    encoding="utf-8")
    body = split_front_matter(text)[1]
    assert "layout" not in body and "---" not in body and "fm-post" not in body
    ruled = posts["seeds/2024-02-11/ruled.txt"]
    assert not ruled["title"].startswith("-"), ruled["title"]
    ruled_text = next(p for p in (root / "content").rglob("*.md")
                      if "ruled.txt" in p.read_text(encoding="utf-8")).read_text(
                          encoding="utf-8")
    assert "pier lights" in ruled_text
    assert [line for line in lines if "ruled.txt" in line and "not front matter" in line]
    assert len(_good_pages(output)) == 3


def test_a_byte_identical_copy_is_named_whichever_name_sorts_first(tmp_path: Path) -> None:
    """A copy of a published seed under a name sorting *before* it was passed over in
    silence (only a copy read after its seed was named); the post keeps its seed."""
    root = _site(tmp_path)
    seeds = root / "seeds"
    original = seeds / "2024-02-12" / "m-harbour.txt"
    original.parent.mkdir(parents=True, exist_ok=True)
    original.write_text(corpus.article("Harbour fees rise for visiting yachts", "copy-first"),
                        encoding="utf-8")
    pelican_build(root, root / "output")
    before = sorted((root / "content").rglob("*.md"))
    (original.parent / "a-harbour-copy.txt").write_bytes(original.read_bytes())
    with collect_warnings() as lines:
        pelican_build(root, root / "output")
    named = [line for line in lines if "a-harbour-copy.txt" in line]
    assert len(named) == 1 and "duplicate of" in named[0] and "m-harbour.txt" in named[0], lines
    assert sorted((root / "content").rglob("*.md")) == before
    seeds_named = {str(fm["source"]["seed"]) for fm in _posts(root / "content").values()}
    assert "seeds/2024-02-12/m-harbour.txt" in seeds_named


def test_a_json_seed_in_cp1252_says_it_was_decoded_so(tmp_path: Path) -> None:
    """A JSON seed that is not UTF-8 is read as cp1252, like a text seed, but only the
    text seed said so: the curator of the JSON seed's posts was not told to check them."""
    root = _site(tmp_path)
    record = {"title": "Café owners back the harbour market plan",
              "maintext": "\n".join(corpus.prose("cp1252-json", 3)),
              "url": "https://wire.example/cafe", "date_publish": "2024-02-14 09:00:00"}
    (root / "seeds" / "wire.json").write_bytes(
        json.dumps(record, ensure_ascii=False).encode("cp1252"))
    with collect_warnings() as lines:
        pelican_build(root, root / "output")
    posts = _posts(root / "content")
    post = next(fm for seed, fm in posts.items() if seed.startswith("seeds/wire.json"))
    assert post["title"] == "Café owners back the harbour market plan"
    assert [line for line in lines if "wire.json" in line and "cp1252" in line], lines

"""JSON, JSON Lines and RSS/Atom seeds (issue #15), through plain Pelican with the shipped
pelicanconf.py: one post per record, the format's metadata in front matter, appends
and edits ingested incrementally, bad input reported per file and record."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import yaml
from helpers import build_from_seeds

from news_digest.ingest.containers import SUMMARY_ONLY
from news_digest.ingest.formats import read_records, record_draft
from news_digest.ingest.run import ingest
from news_digest.ingest.seeds import SeedError
from news_digest.settings import Settings

ROOT = Path(__file__).resolve().parents[1]

NEWS_PLEASE = {  # the fields news-please writes, in its order
    "authors": ["Ann Lee", "Bo Chen"],
    "date_download": "2020-01-10 10:00:00",
    "date_modify": None,
    "date_publish": "2020-01-07 14:07:00",
    "description": "The council passed the budget by seven votes to two.",
    "filename": "https%3A%2F%2Fcity.example%2Fbudget.json",
    "image_url": "https://city.example/budget.jpg",
    "language": "en",
    "localpath": None,
    "source_domain": "city.example",
    "maintext": "WASHINGTON (AP) — The city council approved the new budget on Tuesday "
                "evening after a debate that lasted well into the night.\n"
                "Two members said the plan spends too much on roads; one called it "
                "<script>alert('x')</script> a fair compromise.",
    "title": "City council approves the budget",
    "title_page": None,
    "title_rss": None,
    "url": "https://city.example/budget",
}

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<description>Local news</description>
<item><title>Harbour bridge reopens after repairs</title>
<link>https://gazette.example/bridge</link>
<guid isPermaLink="false">gazette-1001</guid>
<pubDate>Tue, 07 Jan 2020 09:30:00 +0100</pubDate><dc:creator>Jane Doe</dc:creator>
<description>A short teaser that is not the article.</description>
<content:encoded><![CDATA[<p>The harbour bridge reopened on Tuesday after {months} months of
repairs that cost the city more than it had planned.</p><p>Engineers replaced the cables and
the deck, and traffic moved again by noon, officials said.</p>
<script>alert('feed')</script>]]></content:encoded></item>
<item><title>Ferry timetable changes in February</title>
<link>https://gazette.example/ferry</link>
<pubDate>Wed, 08 Jan 2020 10:00:00 GMT</pubDate>
<description>The ferry company will run fewer boats on Sundays from February, it said on
Wednesday, citing a shortage of crew.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Times</title><id>urn:vt</id>
<updated>2020-01-09T00:00:00Z</updated>
<entry><title>Valley school opens a new library</title><id>urn:vt:42</id>
<link href="https://vt.example/library"/>
<published>2020-01-09T08:00:00-05:00</published><updated>2020-01-09T09:00:00-05:00</updated>
<author><name>Sam Roe</name></author>
<content type="html">&lt;p&gt;The valley school opened a new library on Thursday, with room
for twelve thousand books and a reading garden.&lt;/p&gt;&lt;p&gt;Parents raised most of the
money over three years, the head teacher said.&lt;/p&gt;</content></entry>
</feed>
"""


def record(n: int, **extra: object) -> dict[str, object]:
    """A JSON Lines record with the common alternative field names."""
    words = ["first", "second", "third", "fourth", "fifth"][n - 1]
    return {"headline": f"Report number {n} on the {words} harbour study",
            "text": f"The {words} harbour study was published on Monday and it says the "
                    f"water is cleaner than it was ten years ago.\n\nIts authors want "
                    f"more money for the {words} phase of the work.",
            "published": f"2020-02-0{n}T12:00:00+02:00", "link": f"https://study.example/{n}",
            "author": "Kim Park", "publisher": "Study Wire",
            "image_caption": f"Divers at work during the {words} survey.", **extra}


def jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def build(site: Path) -> None:
    """Plain Pelican with the shipped settings: it ingests seeds/ first, then builds."""
    build_from_seeds(site, NEWS_DIGEST_NER_BACKEND="rules", NEWS_DIGEST_PROCESSES=1)


def new_site(tmp_path: Path, seeds: dict[str, str]) -> Path:
    for name, text in seeds.items():
        path = tmp_path / "seeds" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "content").mkdir()
    return tmp_path


def posts(site: Path) -> dict[str, tuple[dict, str]]:
    """Post path → (front matter, body)."""
    out = {}
    for path in sorted((site / "content").rglob("*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
        out[path.relative_to(site / "content").as_posix()] = (yaml.safe_load(head),
                                                              body.strip("\n"))
    return out


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*.md"))}


# --- through Pelican ----------------------------------------------------------------------

def test_news_please_json(tmp_path: Path) -> None:
    site = new_site(tmp_path, {"city/budget.json": json.dumps(NEWS_PLEASE, indent=4)})
    build(site)
    (post,) = posts(site).items()
    path, (fm, body) = post
    assert path == "2020/city-council-approves-the-budget.md"
    assert fm["title"] == "City council approves the budget"
    # the format's date, not the "WASHINGTON (AP)" dateline or the download date
    assert fm["date"] == "2020-01-07T14:07:00+00:00" and fm["date_source"] == "metadata"
    assert fm["byline"] == "By Ann Lee and Bo Chen"
    assert fm["source"]["url"] == "https://city.example/budget"
    assert fm["source"]["publisher"] == "city.example"
    assert fm["source"]["seed"].startswith("seeds/city/budget.json#url-")
    # maintext is the article already: kept whole, paragraph by paragraph, not re-cleaned
    assert body.startswith("WASHINGTON (AP) — The city council approved")
    assert len(body.split("\n\n")) == 2
    page = (site / "output/2020/01/07/city-council-approves-the-budget/index.html").read_text()
    assert "Two members said the plan spends too much on roads" in page
    assert "<script>alert('x')" not in page and "&lt;script&gt;" in page

    # Re-indenting the file or a new download date is not a new version of the story.
    before = snapshot(site / "content")
    again = dict(NEWS_PLEASE, date_download="2020-03-01 08:00:00")
    (site / "seeds/city/budget.json").write_text(json.dumps(again), encoding="utf-8")
    build(site)
    assert snapshot(site / "content") == before


def test_json_lines_file_that_grows(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    seeds = tmp_path / "seeds" / "wire.jsonl"
    site = new_site(tmp_path, {"wire.jsonl": jsonl(record(1), record(2))})
    build(site)
    first = posts(site)
    assert sorted(first) == ["2020/report-number-1-on-the-first-harbour-study.md",
                             "2020/report-number-2-on-the-second-harbour-study.md"]
    fm, body = first["2020/report-number-1-on-the-first-harbour-study.md"]
    assert fm["date"] == "2020-02-01T10:00:00+00:00" and fm["date_source"] == "metadata"
    assert fm["image_caption"] == "Divers at work during the first survey."
    assert fm["byline"] == "By Kim Park"
    assert fm["source"]["publisher"] == "Study Wire"
    assert fm["source"]["url"] == "https://study.example/1"
    assert "Its authors want more money for the first phase" in body

    # The scraper appends a record: only it is ingested; the old posts are not touched.
    before = snapshot(site / "content")
    seeds.write_text(jsonl(record(1), record(2), record(3)), encoding="utf-8")
    caplog.clear()
    build(site)
    after = snapshot(site / "content")
    assert set(after) - set(before) == {"2020/report-number-3-on-the-third-harbour-study.md"}
    assert all(after[name] == before[name] for name in before)

    # Records reordered and record 2 edited in place (same URL): its post is updated at the
    # same path; a record's identity is its URL, not its line.
    changed = record(2, text="The second harbour study was corrected on Tuesday: the water "
                             "is cleaner than it was twenty years ago, its authors said.")
    seeds.write_text(jsonl(record(3), changed, record(1)), encoding="utf-8")
    build(site)
    third = posts(site)
    assert len(third) == 3
    _, body2 = third["2020/report-number-2-on-the-second-harbour-study.md"]
    assert "was corrected on Tuesday" in body2
    assert snapshot(site / "content")["2020/report-number-1-on-the-first-harbour-study.md"] \
        == before["2020/report-number-1-on-the-first-harbour-study.md"]

    # Idempotent: building again writes nothing.
    settled = snapshot(site / "content")
    build(site)
    assert snapshot(site / "content") == settled


def test_rss_and_atom_feeds(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    site = new_site(tmp_path, {"gazette.rss": RSS.replace("{months}", "eight"),
                               "valley/feed.atom": ATOM})
    with caplog.at_level(logging.WARNING):
        build(site)
    found = posts(site)
    assert sorted(found) == ["2020/ferry-timetable-changes-in-february.md",
                             "2020/harbour-bridge-reopens-after-repairs.md",
                             "2020/valley-school-opens-a-new-library.md"]
    fm, body = found["2020/harbour-bridge-reopens-after-repairs.md"]
    assert fm["date"] == "2020-01-07T08:30:00+00:00" and fm["date_source"] == "metadata"
    assert fm["byline"] == "By Jane Doe"
    assert fm["source"]["publisher"] == "Harbour Gazette"
    assert fm["source"]["url"] == "https://gazette.example/bridge"
    # content:encoded is the article (not the teaser), through the HTML path, script gone
    assert "after eight months of repairs" in body and "teaser" not in body
    assert "alert" not in body
    fm, body = found["2020/valley-school-opens-a-new-library.md"]
    assert fm["date"] == "2020-01-09T13:00:00+00:00" and fm["byline"] == "By Sam Roe"
    assert fm["source"]["publisher"] == "Valley Times"
    assert fm["source"]["url"] == "https://vt.example/library"
    assert "Parents raised most of the money" in body
    # an entry with only a summary is ingested, and flagged as such
    fm, body = found["2020/ferry-timetable-changes-in-february.md"]
    assert "fewer boats on Sundays" in body
    flagged = [r.getMessage() for r in caplog.records if "only its summary" in r.getMessage()
               or "built from its summary" in r.getMessage()]
    assert len(flagged) == 1 and "gazette.rss#2 (https://gazette.example/ferry):" in flagged[0]
    assert (site / "output/2020/01/09/valley-school-opens-a-new-library/index.html").exists()

    # Rebuilding writes nothing; a corrected entry (same guid) updates its own post.
    before = snapshot(site / "content")
    build(site)
    assert snapshot(site / "content") == before
    (site / "seeds/gazette.rss").write_text(RSS.replace("{months}", "nine"), encoding="utf-8")
    build(site)
    after = posts(site)
    assert sorted(after) == sorted(found)
    _, bridge = after["2020/harbour-bridge-reopens-after-repairs.md"]
    assert "after nine months of repairs" in bridge
    assert snapshot(site / "content")["2020/valley-school-opens-a-new-library.md"] == \
        before["2020/valley-school-opens-a-new-library.md"]


def test_bad_input_is_named_and_the_rest_goes_on(tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    site = new_site(tmp_path, {
        "good.jsonl": jsonl(record(1)) + "{not json\n" + json.dumps({"headline": "Empty"})
                      + "\n" + jsonl(record(2)),
        "broken.json": '{"title": "Cut off", "text": "The file ends',
        # feedparser salvages the first entry of this truncated feed; none is ingested
        "cut.xml": RSS.replace("{months}", "six").split("<item><title>Ferry")[0],
        "photo.bin": "\x00binary",
        "notes.md": "# not a seed",
    })
    with caplog.at_level(logging.WARNING):
        build(site)
    assert sorted(posts(site)) == ["2020/report-number-1-on-the-first-harbour-study.md",
                                   "2020/report-number-2-on-the-second-harbour-study.md"]
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    seeds = site / "seeds"

    def one(*parts: str) -> str:
        hits = [line for line in lines if all(p in line for p in parts)]
        assert len(hits) == 1, (parts, lines)
        return hits[0]

    one(f"{seeds / 'good.jsonl'}:2", "not valid JSON")
    one(f"{seeds / 'good.jsonl'}:3", "no article text")
    one(f"{seeds / 'broken.json'}:", "not valid JSON")
    one(f"{seeds / 'cut.xml'}:", "not a well-formed RSS or Atom feed")
    one("not a seed format", str(seeds / "photo.bin"))
    one("not a seed format", str(seeds / "notes.md"))

    # Every build says it again, once; nothing is written the second time. (Pelican drops
    # a warning it already logged in this process; a new `pelican` run starts afresh.)
    from pelican.log import LimitFilter

    LimitFilter._raised_messages.clear()
    before = snapshot(site / "content")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        build(site)
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    one("not a seed format", str(seeds / "photo.bin"))
    one(f"{seeds / 'good.jsonl'}:2", "not valid JSON")
    assert snapshot(site / "content") == before


# --- the reader on its own ------------------------------------------------------------------

def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_identity_comes_from_the_url_or_the_content_not_the_position(tmp_path: Path) -> None:
    no_url = {"title": "Notice", "content": "The library is closed on Monday for repairs."}
    a = read_records(write(tmp_path / "a.jsonl", jsonl(record(1), no_url, record(2))), tmp_path)
    b = read_records(write(tmp_path / "a.jsonl", jsonl(record(2), record(1), no_url)), tmp_path)
    assert sorted((s.rel, s.sha256) for s in a.seeds) == sorted((s.rel, s.sha256)
                                                                for s in b.seeds)
    rels = sorted(s.rel for s in a.seeds)
    assert sum(r.startswith("a.jsonl#url-") for r in rels) == 2
    assert sum(r.startswith("a.jsonl#sha-") for r in rels) == 1


def test_a_hostile_json_lines_line_does_not_stop_the_others(tmp_path: Path) -> None:
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    got = read_records(write(tmp_path / "a.jsonl", jsonl(record(1)) + deep + "\n"), tmp_path)
    assert len(got.seeds) == 1
    assert [(p.label, p.reason) for p in got.problems] == [
        (f"{tmp_path / 'a.jsonl'}:2", "JSON nested too deeply to be an article record")]


def test_a_later_copy_of_a_record_wins(tmp_path: Path) -> None:
    newer = record(1, text="The first harbour study, corrected, says the water is clean.")
    got = read_records(write(tmp_path / "a.jsonl", jsonl(record(1), record(2), newer)), tmp_path)
    assert len(got.seeds) == 2 and not got.problems
    assert [s.text for s in got.seeds][-1].startswith("The first harbour study, corrected")


def test_json_list_and_refusals(tmp_path: Path) -> None:
    got = read_records(write(tmp_path / "a.json", json.dumps([record(1), 7, record(2)])),
                       tmp_path)
    assert len(got.seeds) == 2
    assert [(p.label, p.reason) for p in got.problems] == [
        (f"{tmp_path / 'a.json'}#2", "a record must be a JSON object, not int")]
    for name, text, reason in [("b.json", '"just a string"', "object or a list"),
                               ("c.json", "[]", "no JSON records"),
                               ("d.xml", "<html><body>not a feed</body></html>", "feed"),
                               ("e.jsonl", "\n\n", "empty"),
                               ("f.json", "[" * 100_000 + "]" * 100_000, "nested too deeply")]:
        with pytest.raises(SeedError, match=reason):
            read_records(write(tmp_path / name, text), tmp_path)


def test_html_in_a_json_text_field_goes_the_html_path(tmp_path: Path) -> None:
    html = {"title": "Museum reopens", "url": "https://m.example/1",
            "content": "<p>The museum reopened on Friday after a year of work on its roof "
                       "and its galleries.</p><p>Entry is free for the first month, the "
                       "director said.</p>"}
    (seed,) = read_records(write(tmp_path / "m.json", json.dumps(html)), tmp_path).seeds
    assert seed.format == "record-html"
    draft = record_draft(seed)
    assert draft.title == "Museum reopens"
    assert draft.paragraphs[-1] == "Entry is free for the first month, the director said."
    assert not any("<p>" in p for p in draft.paragraphs)


def test_a_feed_with_a_wrong_encoding_declaration_is_read_with_a_warning(tmp_path: Path) -> None:
    text = RSS.replace("{months}", "ten").replace('encoding="UTF-8"', 'encoding="us-ascii"')
    path = tmp_path / "g.rss"
    path.write_bytes(text.replace("Harbour Gazette", "Hårbour Gazette").encode("utf-8"))
    got = read_records(path, tmp_path)
    assert [dict(s.meta)["publisher"] for s in got.seeds] == ["Hårbour Gazette"] * 2
    assert all("declared as us-ascii" in s.warnings[0] for s in got.seeds)
    assert SUMMARY_ONLY in got.seeds[1].warnings and SUMMARY_ONLY not in got.seeds[0].warnings


def test_overlapping_feed_snapshots_give_one_post_per_entry(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    s = Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                 data_dir=tmp_path / "data", ner_backend="rules", processes=1)
    write(s.seeds / "monday.rss", RSS.replace("{months}", "eight"))
    write(s.seeds / "tuesday.rss", RSS.replace("{months}", "eight"))
    first = ingest(s)
    assert len(first.new) == 2 and first.unchanged == 2 and not first.skipped
    second = ingest(s)
    assert second.new == [] and second.updated == [] and second.unchanged == 4
    assert not second.skipped and not second.orphaned


def test_the_formats_date_beats_a_dateline_and_script_urls_are_dropped(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    s = Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                 data_dir=tmp_path / "data", ner_backend="rules", processes=1)
    feed = RSS.replace("{months}", "eight").replace(
        "<p>The harbour bridge", "<p>Friday, January 4, 2019</p><p>The harbour bridge")
    write(s.seeds / "gazette.rss", feed)
    write(s.seeds / "wire.jsonl", jsonl(record(1, link="javascript:alert(1)")))
    report = ingest(s)
    assert len(report.new) == 3 and not report.skipped
    fm, _ = posts(tmp_path)["2020/harbour-bridge-reopens-after-repairs.md"]
    assert fm["date"] == "2020-01-07T08:30:00+00:00" and fm["date_source"] == "metadata"
    fm, _ = posts(tmp_path)["2020/report-number-1-on-the-first-harbour-study.md"]
    assert fm["source"]["url"] is None
    assert fm["source"]["seed"].startswith("seeds/wire.jsonl#url-")


def test_a_record_removed_from_its_file_keeps_its_post(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    s = Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                 data_dir=tmp_path / "data", ner_backend="rules", processes=1)
    write(s.seeds / "wire.jsonl", jsonl(record(1), record(2)))
    assert len(ingest(s).new) == 2
    write(s.seeds / "wire.jsonl", jsonl(record(1)))
    report = ingest(s)
    gone = "2020/report-number-2-on-the-second-harbour-study.md"
    assert report.orphaned == [gone] and report.unchanged == 1 and not report.new
    assert (s.content / gone).exists()

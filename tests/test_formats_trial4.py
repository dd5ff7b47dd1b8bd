"""Trial 4's seed-format findings, as a researcher met them: entities in titles, dates a
record states but ingest could not read, ``inspect`` on many-article files, the names
per-record lines give, a NewsAPI response, news-please's ``description``, and a saved
page's title carrying the site's name. Through the real ingest, Pelican and command."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import build_from_seeds

from news_digest.ingest.formats import read_records
from news_digest.ingest.run import ingest
from news_digest.settings import Settings

ROOT = Path(__file__).resolve().parents[1]

BODY = ("The harbour study was published on Monday and it says the water is cleaner than it "
        "was ten years ago.\nIts authors want more money for the next phase of the work, "
        "which starts in the spring.")


def record(n: int, **fields: object) -> dict[str, object]:
    """A JSON Lines record; ``fields`` replace or add to the common ones."""
    return {"headline": f"Harbour report number {n}", "text": f"Report {n}. {BODY}",
            "published": f"2020-02-0{n}T12:00:00+00:00", "link": f"https://wire.example/{n}",
            **fields}


def jsonl(*records: dict[str, object] | str) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def settings(tmp_path: Path) -> Settings:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    return Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                    data_dir=tmp_path / "data", ingest_cache=str(tmp_path / "cache"),
                    ner_backend="rules", processes=1)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def posts(content: Path) -> dict[str, dict]:
    """Post path → front matter."""
    return {p.relative_to(content).as_posix():
            yaml.safe_load(p.read_text(encoding="utf-8").split("---\n", 2)[1])
            for p in sorted(content.rglob("*.md"))}


def by_title(content: Path) -> dict[str, dict]:
    return {fm["title"]: fm for fm in posts(content).values()}


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


# --- 1. entities in titles ---------------------------------------------------------------

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Harbour Gazette &amp;amp; Times</title><link>https://gazette.example/</link>
<item><title><![CDATA[Bridge &amp; ferry fares rise]]></title>
<link>https://gazette.example/fares</link><pubDate>Tue, 07 Jan 2020 09:30:00 GMT</pubDate>
<dc:creator>Ann Lee &amp;amp; Bo Chen</dc:creator>
<description>Fares on the bridge and the ferry rise in March, the city said on Tuesday,
after two years without a change.</description></item>
</channel></rss>
"""


def test_entities_in_titles_reach_readers_as_the_characters(tmp_path: Path) -> None:
    site = tmp_path
    write(site / "seeds" / "wire.jsonl", jsonl(record(
        1, headline="Profits &amp; losses: Ask Jeeves tips online ad revival",
        author="Kim &amp; Lee", description="Ask Jeeves &#8217;s revenue &amp; profit rose."),
        record(2, headline="Pay&notice rules change at the harbour")))
    write(site / "seeds" / "gazette.rss", FEED)
    write(site / "seeds" / "notes.txt",
          "A note on ampersands in markup\n\nIn HTML the entity &amp; stands for an "
          "ampersand, and a page that escapes it twice shows the five characters to its "
          "readers, which is what the editors want to avoid from now on.\n")
    (site / "content").mkdir()
    build_from_seeds(site, NEWS_DIGEST_NER_BACKEND="rules", NEWS_DIGEST_PROCESSES=1)
    found = posts(site / "content")
    assert "2020/profits-and-losses-ask-jeeves-tips-online-ad-revival.md" in found
    fm = found["2020/profits-and-losses-ask-jeeves-tips-online-ad-revival.md"]
    assert fm["title"] == "Profits & losses: Ask Jeeves tips online ad revival"
    assert fm["byline"] == "By Kim & Lee"
    assert fm["summary"] == "Ask Jeeves ’s revenue & profit rose."
    page = (site / "output" / "2020" / "02" / "01" /
            "profits-and-losses-ask-jeeves-tips-online-ad-revival" / "index.html").read_text()
    assert "<h1>Profits &amp; losses: Ask Jeeves" in page and "&amp;amp;" not in page
    # only a reference closed by ";" is one: HTML's legacy "&not" is not read here
    assert "Pay&notice rules change at the harbour" in by_title(site / "content")
    fares = by_title(site / "content")["Bridge & ferry fares rise"]
    assert fares["byline"] == "By Ann Lee & Bo Chen"
    assert fares["source"]["publisher"] == "Harbour Gazette & Times"
    # a plain-text seed's prose means what it writes: "&amp;" stays five characters
    note = next((site / "output").rglob("a-note-on-ampersands-in-markup/index.html"))
    assert "the entity &amp;amp; stands for" in note.read_text()


# --- 2. dates a record states -------------------------------------------------------------

def test_stated_dates_in_milliseconds_or_one_numeric_order_are_read_others_named(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    s = settings(tmp_path)
    write(s.seeds / "edge.jsonl", jsonl(
        record(1, published="yesterday"),
        record(2, published=1106438400000),
        record(3, published="1106438400000"),
        record(4, published="27/01/2005"),
        record(5, published=None, date_publish="03/04/2005"),
        record(6, published=1106438400),
    ))
    with caplog.at_level(logging.WARNING):
        report = ingest(s)
    assert len(report.new) == 6 and not report.skipped
    got = {fm["title"]: (fm["date"], fm["date_source"]) for fm in posts(s.content).values()}
    assert got["Harbour report number 2"] == ("2005-01-23T00:00:00+00:00", "metadata")
    assert got["Harbour report number 3"] == ("2005-01-23T00:00:00+00:00", "metadata")
    assert got["Harbour report number 4"] == ("2005-01-27T00:00:00+00:00", "metadata")
    assert got["Harbour report number 6"] == ("2005-01-23T00:00:00+00:00", "metadata")
    assert got["Harbour report number 1"][1] == got["Harbour report number 5"][1] == \
        "file-mtime"
    lines = warnings(caplog)
    edge = s.seeds / "edge.jsonl"
    assert (f"{edge}:1 (https://wire.example/1): published 'yesterday' is not a date; "
            "dated by the file's modification time") in lines
    assert (f"{edge}:5 (https://wire.example/5): date_publish '03/04/2005' is ambiguous "
            "(day or month first?); dated by the file's modification time") in lines
    assert not any("no date in the seed" in line for line in lines)


def test_upgrading_rewrites_only_the_records_whose_date_now_reads_differently(
        tmp_path: Path) -> None:
    """A record's sha256 is what the manifest knows it by: one whose date was read before
    keeps it (its post is not rewritten on upgrade); one dated by the mtime before gets a
    new one, so its post is written again with its date. The first value is what the
    code before these fixes gave."""
    path = write(tmp_path / "a.json", json.dumps([
        {"title": "Council approves the budget", "maintext": BODY,
         "date_publish": "2019-10-31 18:30:00", "url": "https://city.example/budget",
         "authors": ["Ann Lee"], "source_domain": "city.example"},
        {"title": "Council approves the budget", "maintext": BODY,
         "date_publish": "27/01/2005", "url": "https://city.example/tax"}]))
    kept, changed = (seed.sha256 for seed in read_records(path, tmp_path).seeds)
    assert kept == "3c1423ee3f65b07bd1ff81c4381adce10aae8ad745b9e857da297be631b9f9c3"
    assert changed != "6062eb772341950d9ef51cc6257d1d3e26b45784bc87db5565be8c7a0cbe254c"


def test_an_index_date_that_cannot_be_read_is_named_too(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    s = settings(tmp_path)
    write(s.seeds / "story.txt", "Harbour report\n\n" + BODY.replace("\n", "\n\n") + "\n")
    write(s.seeds / "index.tsv", "file\tdate\nstory.txt\tlast Tuesday\n")
    with caplog.at_level(logging.WARNING):
        ingest(s)
    assert any(line.endswith("story.txt: index.tsv date 'last Tuesday' is not a date; "
                             "dated by the file's modification time")
               for line in warnings(caplog))


# --- 3 and 4. inspect on many-article files; records named alike in every line ----------

def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "news_digest.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_inspect_previews_each_record_of_a_json_lines_file_and_a_feed(tmp_path: Path) -> None:
    write(tmp_path / "seeds" / "wire.jsonl",
          jsonl(record(1), '{"headline": "Broken line", "text": "oops"', record(2),
                {"headline": "No text", "link": "https://wire.example/none"}))
    write(tmp_path / "seeds" / "gazette.rss", FEED)
    result = run("inspect", "seeds/wire.jsonl", "seeds/gazette.rss", "--json",
                 "--backend", "rules", "--data", str(tmp_path / "data"), cwd=tmp_path)
    assert result.returncode == 1  # some records would be skipped
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["seed"], r["title"]) for r in lines] == [
        ("seeds/wire.jsonl:1 (https://wire.example/1)", "Harbour report number 1"),
        ("seeds/wire.jsonl:3 (https://wire.example/2)", "Harbour report number 2"),
        ("seeds/gazette.rss#1 (https://gazette.example/fares)", "Bridge & ferry fares rise"),
    ]
    assert lines[0]["date"] == "2020-02-01T12:00:00+00:00"
    assert lines[0]["date_source"] == "metadata"
    assert lines[0]["paragraphs"][0].startswith("Report 1. The harbour study")
    assert "skipped seeds/wire.jsonl:2: not valid JSON" in result.stderr
    assert ("skipped seeds/wire.jsonl:4 (https://wire.example/none): no article text"
            in result.stderr)
    assert "read_records" not in result.stderr


def test_every_line_about_a_record_names_it_by_line_and_url(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    s = settings(tmp_path)
    write(s.seeds / "edge.jsonl", jsonl(
        record(1), '{"headline": "Broken', record(3, headline=""),
        {"headline": "No text here", "link": "https://wire.example/none"}))
    with caplog.at_level(logging.WARNING):
        report = ingest(s)
    assert len(report.new) == 2
    edge = s.seeds / "edge.jsonl"
    expected = [f"{edge}:2: skipped: not valid JSON",
                f"{edge}:4 (https://wire.example/none): skipped: no article text",
                f"{edge}:3 (https://wire.example/3): the record has no title"]
    for start in expected:
        assert any(line.startswith(start) for line in warnings(caplog)), (start, caplog.text)
    assert "#url-" not in caplog.text
    # the record's identity is unchanged: front matter names it by its key, as before
    seeds = sorted(fm["source"]["seed"] for fm in posts(s.content).values())
    assert all(seed.startswith("seeds/edge.jsonl#url-") for seed in seeds)
    # an unchanged file is not parsed again; its skips are still named the same way
    again = ingest(s)
    assert again.unchanged == 2 and not again.new
    assert sorted(where for where, _ in again.skipped) == [
        f"{edge}:2", f"{edge}:4 (https://wire.example/none)"]


# --- 5. an API response wrapping its articles ------------------------------------------------

def test_a_newsapi_response_is_read_as_its_articles(tmp_path: Path) -> None:
    s = settings(tmp_path)
    write(s.seeds / "newsapi.json", json.dumps({
        "status": "ok", "totalResults": 2, "articles": [
            {"source": {"id": None, "name": "Irish Wire"}, "author": "Sean Roe",
             "title": "Irish markets reach all-time high",
             "description": "Irish shares rose to a record on Thursday.",
             "url": "https://irish.example/markets", "publishedAt": "2005-01-28T08:00:00Z",
             "content": "Irish shares have risen to a record high, with investors persuaded "
                        "to buy into the market by low inflation.\nThe index closed up 23 "
                        "points on Thursday, led by banking stocks."},
            {"source": {"name": "Irish Wire"}, "title": "Empty", "url": "https://irish.example/e"},
        ]}))
    write(s.seeds / "empty.json", json.dumps({"status": "ok", "articles": []}))
    report = ingest(s)
    assert len(report.new) == 1
    fm = by_title(s.content)["Irish markets reach all-time high"]
    assert fm["date"] == "2005-01-28T08:00:00+00:00" and fm["date_source"] == "metadata"
    assert fm["source"]["publisher"] == "Irish Wire"
    assert fm["byline"] == "By Sean Roe"
    reasons = dict(report.skipped)
    assert reasons[f"{s.seeds / 'newsapi.json'}#2 (https://irish.example/e)"].startswith(
        "no article text")
    assert reasons[str(s.seeds / "empty.json")].endswith(
        "; the list under 'articles' holds no article objects")


# --- 6. news-please's description -----------------------------------------------------------

def test_a_records_description_is_its_summary(tmp_path: Path) -> None:
    s = settings(tmp_path)
    write(s.seeds / "one.json", json.dumps({
        "title": "Council approves the budget", "maintext": BODY,
        "description": "Summary from news-please.", "date_publish": "2019-10-31 18:30:00",
        "url": "https://city.example/budget"}))
    write(s.seeds / "two.json", json.dumps({
        "title": "Council rejects the tax", "maintext": BODY,
        "description": "Council rejects the tax", "url": "https://city.example/tax"}))
    ingest(s)
    found = by_title(s.content)
    assert found["Council approves the budget"]["summary"] == "Summary from news-please."
    # a description that only repeats the headline is no summary: one is extracted
    assert found["Council rejects the tax"]["summary"].startswith("The harbour study")


# --- 7. the site's name after a saved page's title -------------------------------------------

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} - Business Insider</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Business Insider">
<meta property="article:published_time" content="2014-11-04T21:00:00Z"></head><body>
<article><h1>{h1}</h1>
<p>The UK may be forced to review its Falkland Islands air defenses to face a renewed threat
in the South Atlantic, according to a report in a London newspaper on Tuesday.</p>
<p>The air force is set to get a dozen attack planes in return for foodstuff, the report said,
and the ministry is reviewing the islands' defenses in the light of the deal.</p>
<p>Officials in London declined to comment on the report when asked about it on Tuesday.</p>
</article></body></html>"""


def test_the_site_name_is_taken_off_a_saved_pages_title(tmp_path: Path) -> None:
    s = settings(tmp_path)
    headline = "Argentina's Fighter Purchase May Threaten Britain"
    write(s.seeds / "suffixed.html", PAGE.format(title=f"{headline} - Business Insider",
                                                 h1=f"{headline} - Business Insider"))
    write(s.seeds / "wire.jsonl", jsonl(record(1, headline="Harbour report | STUDY WIRE",
                                               publisher="Study Wire")))
    ingest(s)
    found = posts(s.content)
    fm = found["2014/argentinas-fighter-purchase-may-threaten-britain.md"]
    assert fm["title"] == headline
    assert fm["summary"].startswith("The UK may be forced")
    body = (s.content / "2014/argentinas-fighter-purchase-may-threaten-britain.md").read_text()
    assert "Business Insider" not in body.split("---\n", 2)[2]
    assert by_title(s.content)["Harbour report"]["source"]["publisher"] == "Study Wire"


def test_a_lone_surrogate_in_a_record_costs_one_character_not_the_article(
        tmp_path: Path) -> None:
    """JSON may spell half an emoji (``"\\ud83d"``): a scraper that cut a string between
    the halves writes it. It cannot be written as UTF-8; before, the whole record was
    skipped at the last step ("writing failed: UnicodeEncodeError")."""
    s = settings(tmp_path)
    line = json.dumps(record(1, headline="Harbour report \ud83d number one",
                             link="https://wire.example/\ud800x"))
    assert "\\ud83d" in line  # the seed holds the escape, as such a scraper writes it
    write(s.seeds / "wire.jsonl", line + "\n")
    report = ingest(s)
    assert len(report.new) == 1 and not report.skipped
    (front,) = posts(s.content).values()
    assert front["title"] == "Harbour report \ufffd number one"
    assert front["source"]["url"] == "https://wire.example/\ufffdx"

"""``news-digest entities`` edit commands on a real registry file: comments and lines kept."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from news_digest.cli import main
from news_digest.model import Article, Draft, Entity, Source
from news_digest.vocab import learned
from news_digest.vocab.knowledge import load_registry, update_registry
from news_digest.vocab.registry import default_text, parse

CURATED = """\
# Curated by the desk. Keep this comment.
Revolutionary Guards:   # renamed by the curator
  type: organization
  aliases: [IRGC, Islamic Revolutionary Guard Corps,
            Iranian Revolution Guard Corps]

# people
Qassem Soleimani:
  type: person
  aliases:
    - Qasem Soleimani   # spelling used by Reuters
Zeta Org:
  type: organization
Acme Corp: {type: organization}
Zeta Organisation:
  type: organization
  aliases: [ZO]
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "entities.yml").write_text(CURATED, "utf-8")
    return tmp_path


def run(data: Path, *argv: str) -> int:
    return main(["entities", *argv, "--data", str(data)])


def lines_kept(before: str, after: str, touched: set[str]) -> None:
    """Every line of ``before`` that is not in a touched entry is in ``after``, in order."""
    rest = iter(after.splitlines())
    current = None
    for line in before.splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            current = line.split(":")[0]
        if current in touched:
            continue
        assert any(line == new for new in rest), line


def test_merge_moves_name_and_aliases_and_keeps_the_rest(data: Path) -> None:
    path = data / "entities.yml"
    assert run(data, "merge", "Zeta Org", "Zeta Organisation") == 0
    after = path.read_text("utf-8")
    lines_kept(CURATED, after, {"Zeta Org", "Zeta Organisation"})
    registry = load_registry(path)
    assert registry.canonical("ZO") == ("Zeta Org", "organization")
    assert registry.canonical("Zeta Organisation") == ("Zeta Org", "organization")
    assert "Zeta Organisation:" not in after
    # the curator's wrapped flow list and comments survive byte for byte
    assert "  aliases: [IRGC, Islamic Revolutionary Guard Corps,\n            Iranian" in after
    assert "    - Qasem Soleimani   # spelling used by Reuters" in after


def test_rename_keeps_position_comment_and_old_name_as_alias(data: Path) -> None:
    path = data / "entities.yml"
    assert run(data, "rename", "Revolutionary Guards", "IRGC Forces") == 0
    after = path.read_text("utf-8")
    assert after.splitlines()[1].startswith("IRGC Forces:")
    assert "# renamed by the curator" in after.splitlines()[1]
    registry = load_registry(path)
    assert registry.canonical("Revolutionary Guards") == ("IRGC Forces", "organization")
    assert [e.name for e in registry.entries][:2] == ["IRGC Forces", "Qassem Soleimani"]
    # the page keeps its URL (links and feed subscribers): the old slug is pinned
    assert registry.entries[0].slug == "revolutionary-guards"
    lines_kept(CURATED, after, {"Revolutionary Guards"})


def test_rename_with_new_url_lets_the_page_move(data: Path) -> None:
    assert run(data, "rename", "Zeta Org", "Zeta Group", "--new-url") == 0
    entry = next(e for e in load_registry(data / "entities.yml").entries
                 if e.name == "Zeta Group")
    assert entry.slug is None


def test_retype_and_block(data: Path) -> None:
    path = data / "entities.yml"
    assert run(data, "retype", "Acme Corp", "place") == 0
    assert run(data, "block", "Spam Inc", "--type", "organization") == 0
    registry = load_registry(path)
    assert registry.canonical("Acme Corp") == ("Acme Corp", "place")
    assert registry.is_blocked("Spam Inc")
    lines_kept(CURATED, path.read_text("utf-8"), {"Acme Corp"})


def test_retype_says_the_page_moves(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The type is in the page's address: a curator must hear that links and the feed
    end, as a rename tells them the address is kept."""
    assert run(data, "retype", "Acme Corp", "place") == 0
    said = capsys.readouterr().out
    assert "was organization" in said and "organizations to the places section" in said
    assert run(data, "retype", "Acme Corp", "place") == 0  # no change, nothing moves
    assert "moves" not in capsys.readouterr().out


def test_errors_are_one_line_and_leave_the_file(data: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = data / "entities.yml"
    assert run(data, "block", "Nobody Known") == 2
    assert run(data, "rename", "Zeta Org", "ZO") == 2  # ZO belongs to another entity
    assert run(data, "merge", "Zeta Org", "Zeta Org") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(str(path) in e for e in err)
    assert path.read_text("utf-8") == CURATED


def test_first_edit_starts_from_the_shipped_registry(tmp_path: Path) -> None:
    assert run(tmp_path, "block", "Spam Inc", "--type", "organization") == 0
    text = (tmp_path / "entities.yml").read_text("utf-8")
    assert text.startswith(default_text())  # shipped lines and comments, then the new entry
    assert parse(text).is_blocked("Spam Inc")


def _article(seed: str) -> Article:
    text = ("The Acme Widget Company (AWC) grew. Mikhail Gorbachev, or Mikhail Gorbachov, "
            "spoke.")
    return Article(draft=Draft(title="t", paragraphs=(text,)), source=Source(seed, "0" * 64),
                   date=datetime(2020, 1, 1, tzinfo=UTC), date_source="metadata", slug="t",
                   entities=(Entity("Acme Widget Company", "organization", ("AWC",)),
                             Entity("Mikhail Gorbachev", "person", ("Mikhail Gorbachov",))))


def test_learned_forget_and_accept(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data / "entities.yml"
    update_registry(path, [_article("a.txt"), _article("b.txt")])
    capsys.readouterr()
    assert run(data, "learned", "--json") == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["alias"], r["name"], r["reason"]) for r in records] == [
        ("AWC", "Acme Widget Company", "acronym"),
        ("Mikhail Gorbachov", "Mikhail Gorbachev", "variant")]
    assert records[0]["evidence"][0] == {
        "article": "a.txt", "sentence": "The Acme Widget Company (AWC) grew."}

    assert run(data, "forget", "AWC") == 0
    assert load_registry(path).canonical("AWC") is None
    update_registry(path, [_article("c.txt"), _article("d.txt")])  # seen again: stays forgotten
    assert load_registry(path).canonical("AWC") is None
    assert "AWC" in learned.load_state(data / learned.LEARNED_FILE).forgotten

    assert run(data, "accept", "Mikhail Gorbachev") == 0
    after = path.read_text("utf-8")
    assert after.startswith(CURATED)
    assert parse(after).canonical("Mikhail Gorbachov") == ("Mikhail Gorbachev", "person")
    assert run(data, "forget", "Mikhail Gorbachov") == 2  # now the curator's: refused


def test_merge_and_accept_bring_learned_entities_into_the_curated_file(data: Path) -> None:
    path = data / "entities.yml"
    update_registry(path, [_article("a.txt"), _article("b.txt")])
    # a learned entity as the one that stays: it is added to the curator's file first
    assert run(data, "merge", "Acme Widget Company", "Acme Corp") == 0
    registry = parse(path.read_text("utf-8"))
    assert registry.canonical("Acme Corp") == ("Acme Widget Company", "organization")
    assert load_registry(path).canonical("AWC") == ("Acme Widget Company", "organization")
    # accepting one learned alias adds just that alias
    assert run(data, "accept", "AWC") == 0
    assert parse(path.read_text("utf-8")).canonical("AWC") == (
        "Acme Widget Company", "organization")
    assert parse(path.read_text("utf-8")).canonical("Mikhail Gorbachov") is None


def test_a_name_seen_only_in_the_posts_takes_the_posts_type(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A curator blocks or merges what a page showed them; the registry often does not
    list that name, but the posts say what type it was given."""
    content = data / "content"
    (content / "2020").mkdir(parents=True)
    (content / "2020" / "fire.md").write_text(
        "---\ntitle: Fire in the port\ndate: 2020-03-01\n"
        "entities:\n  organizations: [Millions, Harbour Trust]\n  people: [Walter Munk]\n"
        "---\n\nMillions watched.\n", "utf-8")
    path = data / "entities.yml"
    assert run(data, "block", "Millions", "--content", str(content)) == 0
    assert parse(path.read_text("utf-8")).is_blocked("Millions")
    assert parse(path.read_text("utf-8")).canonical("Millions") == ("Millions", "organization")
    assert run(data, "merge", "Walter Munk", "Munk", "--content", str(content)) == 0
    assert parse(path.read_text("utf-8")).canonical("Munk") == ("Walter Munk", "person")
    capsys.readouterr()
    assert run(data, "block", "Nowhere Named", "--content", str(content)) == 2
    err = capsys.readouterr().err
    assert "'Nowhere Named' is in neither the registry nor any post" in err
    assert "--type (person, organization, place)" in err


def test_learned_says_how_many_wait_when_it_lists_none(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    update_registry(data / "entities.yml", [_article("a.txt")])  # one article: not yet used
    capsys.readouterr()
    assert run(data, "learned") == 0
    out = capsys.readouterr()
    assert out.out == ""
    assert "0 learned aliases in use; 2 more wait for a second article (--all lists them)" \
        in out.err


def test_rename_keeps_the_address_the_page_has_not_its_names_natural_one(
        tmp_path: Path) -> None:
    """"People's Party" and "Peoples' Party" (two parties) both slugify to
    ``peoples-party``: the one seen first has it, the other ``peoples-party-2``. Renaming
    the latter must keep its own address; pinning its name's natural slug would take the
    older party's URL and feed."""
    from helpers import Post, build, write_content

    posts = [Post("first", "First party story", 0, 9, ("politics",), (), ("People's Party",),
                  summary="One.", sha="1" * 64),
             Post("second", "Second party story", 2, 9, ("politics",), (),
                  ("Peoples' Party",), summary="Two.", sha="2" * 64)]
    content = write_content(tmp_path, posts)

    def pages(out: Path) -> dict[str, str]:
        text = (out / "export" / "posts.jsonl").read_text("utf-8")
        return {e["name"]: e["url"].split("/entities/", 1)[1]
                for line in text.splitlines()
                for e in json.loads(line)["entities"].get("organizations", []) if e["url"]}

    before = pages(build(tmp_path, content, tmp_path / "output"))
    assert before == {"People's Party": "organizations/peoples-party/",
                      "Peoples' Party": "organizations/peoples-party-2/"}
    conf = tmp_path / "conf.py"
    conf.write_text(f"PATH = {str(content)!r}\nOUTPUT_PATH = {str(tmp_path / 'output')!r}\n",
                    "utf-8")
    assert main(["--settings", str(conf), "entities", "rename", "Peoples' Party",
                 "Popular Party", "--data", str(tmp_path / "data")]) == 0
    after = pages(build(tmp_path, content, tmp_path / "output2"))
    assert after == {"People's Party": "organizations/peoples-party/",
                     "Popular Party": "organizations/peoples-party-2/"}

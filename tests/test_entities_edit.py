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


def _lohan_posts(data: Path) -> Path:
    content = data / "content"
    (content / "2013").mkdir(parents=True)
    for n, (name, spelled) in enumerate([("Lindsay Lohan", "Lohan"), ("Lindsay Lohan", ""),
                                         ("Lindsey Lohan", ""), ("Betty Ford Center", "")]):
        spellings = f"spellings:\n  {name}: [{spelled}]\n" if spelled else ""
        (content / "2013" / f"post-{n}.md").write_text(
            f"---\ntitle: Post {n}\ndate: 2013-05-0{n + 1}\n"
            f"entities:\n  people: [{name}]\n{spellings}---\n\nText.\n", "utf-8")
    return content


def test_a_typo_in_the_name_merge_keeps_is_refused_with_the_closest_names(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The trial's `merge "Lindsey Lohan" …`: the message offered a --type option merge
    does not have, and steered towards creating the misspelled name."""
    content = _lohan_posts(data)
    capsys.readouterr()
    assert run(data, "merge", "Lindsay Lohen", "Lindsey Lohan", "--content", str(content)) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(data / "entities.yml") in err
    assert "'Lindsay Lohen' is in neither the registry nor any post " \
           "(did you mean 'Lindsay Lohan' or 'Lindsey Lohan'?)" in err
    assert "--type" not in err and "news-digest entities rename OLD NEW" in err
    assert (data / "entities.yml").read_text("utf-8") == CURATED


def test_a_merged_name_no_post_knows_is_merged_with_a_warning(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A spelling still to come is the curator's call; a typo would be shown on the page
    as "Also known as", so the command says so, on stderr, with what was meant."""
    content = _lohan_posts(data)
    capsys.readouterr()
    assert run(data, "merge", "Lindsay Lohan", "Lindsay Lohann", "--content", str(content)) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "Lindsay Lohann → alias of Lindsay Lohan"
    assert out.err.count("\n") == 1 and "news-digest: warning: " in out.err
    assert "'Lindsay Lohann' is in no post and not in the registry " \
           "(did you mean 'Lindsey Lohan'?); made an alias of 'Lindsay Lohan' anyway" in out.err
    assert parse((data / "entities.yml").read_text("utf-8")).canonical("Lindsay Lohann") == (
        "Lindsay Lohan", "person")
    # a name the posts know, even only as another spelling, merges without a word
    assert run(data, "merge", "Lindsay Lohan", "Lindsey Lohan", "--content", str(content)) == 0
    assert run(data, "merge", "Lindsay Lohan", "Lohan", "--content", str(content)) == 0
    assert capsys.readouterr().err == ""


def test_retype_of_a_name_nothing_knows_is_refused(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _lohan_posts(data)
    capsys.readouterr()
    assert run(data, "retype", "Nobody Atall", "place", "--content", str(content)) == 2
    assert run(data, "retype", "Lindsay Lohen", "place", "--content", str(content)) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].endswith("'Nobody Atall' is in neither the registry nor any post; "
                           "nothing to retype")
    assert "(did you mean 'Lindsay Lohan' or 'Lindsey Lohan'?); nothing to retype" in err[1]
    assert (data / "entities.yml").read_text("utf-8") == CURATED
    # a name in the posts is retyped (an entry made for it), as before
    assert run(data, "retype", "Betty Ford Center", "organization",
               "--content", str(content)) == 0
    assert parse((data / "entities.yml").read_text("utf-8")).canonical(
        "Betty Ford Center") == ("Betty Ford Center", "organization")


def test_rename_to_the_name_of_an_entity_the_posts_have_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The trial's `rename "Betty Ford Clinic" "Betty Ford Center"`: the larger entity,
    known from the posts only, lost its page and feed to the renamed one. It is a merge,
    and the suggested merge keeps the larger entity's page and feed where they were."""
    from helpers import Post, build, write_content

    def post(n: int, org: str) -> Post:
        return Post(f"story-{n}", f"Story {n}", n, 9, ("politics",), (), (org,),
                    summary=f"Story {n}.", sha=f"{n:064x}")

    content = write_content(tmp_path, [post(1, "Betty Ford Center"), post(2, "Betty Ford Center"),
                                       post(3, "Betty Ford Center"), post(4, "Betty Ford Clinic")])
    out = build(tmp_path, content, tmp_path / "output")
    feed = out / "feeds/entities/organizations/betty-ford-center.atom.xml"
    assert feed.is_file() and (out / "entities/organizations/betty-ford-clinic").is_dir()
    conf = tmp_path / "conf.py"
    conf.write_text(f"PATH = {str(content)!r}\nOUTPUT_PATH = {str(out)!r}\n", "utf-8")
    registry = tmp_path / "data" / "entities.yml"
    before = registry.read_text("utf-8")

    def cli(*argv: str) -> int:
        return main(["--settings", str(conf), "entities", *argv, "--data", str(tmp_path / "data")])

    capsys.readouterr()
    assert cli("rename", "Betty Ford Clinic", "Betty Ford Center") == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"news-digest: {registry}: 'Betty Ford Center' is another entity "
                   "(3 articles); merge them instead: news-digest entities merge "
                   "'Betty Ford Center' 'Betty Ford Clinic'")
    assert registry.read_text("utf-8") == before
    assert cli("rename", "Betty Ford Clinic", "betty ford clinic") == 0  # its own name: fine

    assert cli("merge", "Betty Ford Center", "betty ford clinic") == 0
    build(tmp_path, content, out)
    assert feed.is_file() and (out / "entities/organizations/betty-ford-center/index.html")
    clinic = (out / "entities/organizations/betty-ford-clinic/index.html").read_text("utf-8")
    assert "http-equiv=\"refresh\"" in clinic and "betty-ford-center/" in clinic

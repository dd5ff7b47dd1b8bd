"""Learned entity knowledge: evidence before merging, its own file, migration, never-merge pairs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from news_digest.ingest.run import ingest
from news_digest.model import Article, Draft, Entity, Source
from news_digest.settings import Settings
from news_digest.vocab import evidence as ev
from news_digest.vocab import learned, migrate
from news_digest.vocab.knowledge import load_registry, update_registry
from news_digest.vocab.registry import default_text, parse

KNOWN = parse(default_text())


def article(seed: str, text: str, *found: Entity) -> Article:
    return Article(draft=Draft(title="Title", paragraphs=tuple(text.split("\n"))),
                   source=Source(seed, "0" * 64), date=datetime(2020, 1, 1, tzinfo=UTC),
                   date_source="metadata", slug="t", entities=found)


# --- the evidence rules ----------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b", "text", "reason"), [
    ("Mikhail Gorbachev", "Mikhail Gorbachov", "Mikhail Gorbachev (or Mikhail Gorbachov) spoke.",
     "variant"),
    ("Mikhail Gorbachev", "Mikhail Gorbachov", "Mikhail Gorbachov spoke.", None),
    ("Acme Widget Company", "AWC", "The Acme Widget Company (AWC) grew.", "acronym"),
    ("Acme Widget Company", "AWC", "AWC, the Acme Widget Company, grew.", "acronym"),
    # initials alone are a guess, not evidence
    ("Acme Widget Company", "AWC", "The Acme Widget Company grew. AWC said so.", None),
    # US and WTO already name something: never the acronym of another name
    ("US", "Universal Studio", "Universal Studio (US) said so.", None),
    ("WTO", "World Tourism Organisation", "The World Tourism Organisation (WTO) met.", None),
    # a demonym or plural is not a spelling of the place
    ("South Africa", "South Africans", "South Africans voted in South Africa.", None),
    # a span across a possessive is two names
    ("Blair's Labour Party", "Blair Labour Party", "Mr Blair's Labour Party won.", None),
    # the new form must occur in the article as written
    ("Acme Widget Company", "Acme Widgit Company", "The Acme Widget Company grew.", None),
    # a name with a stray word is not a spelling of it
    ("Jane Roe", "a Jane Roe", "He met a Jane Roe and Jane Roe.", None),
    ("Grand Masters", "Grand Masters and", "Grand Masters and Grand Masters met.", None),
    ("Hamza bin Laden", "Hamza bin Ladin", "Hamza bin Laden, or Hamza bin Ladin.", "variant"),
    # different first names are different people, however alike
    ("John Smith", "Jon Smith", "John Smith and Jon Smith met.", None),
])
def test_relation_needs_evidence(a: str, b: str, text: str, reason: str | None) -> None:
    found = ev.relation(a, b, text, KNOWN)
    assert (found[0] if found else None) == reason
    if found:
        assert b in found[1] or a in found[1]  # the sentence is the evidence


def test_alias_needs_two_articles_and_curated_file_is_untouched(tmp_path: Path) -> None:
    curated = tmp_path / "entities.yml"
    curated.write_text("# mine\nZeta Org:   # keep\n  type: organization\n", "utf-8")
    before = curated.read_bytes()
    text = "The Acme Widget Company (AWC) grew."
    found = Entity("Acme Widget Company", "organization", ("AWC",), 2)
    assert update_registry(curated, [article("a.txt", text, found)]) == 0
    assert load_registry(curated).canonical("AWC") is None  # one article is not enough
    assert update_registry(curated, [article("b.txt", text, found)]) == 1
    assert load_registry(curated).canonical("AWC") == ("Acme Widget Company", "organization")
    assert update_registry(curated, [article("b.txt", text, found)]) == 0  # counted once
    assert curated.read_bytes() == before
    assert load_registry(curated).canonical("Zeta Org") == ("Zeta Org", "organization")


def test_learned_file_is_deterministic_whatever_the_order(tmp_path: Path) -> None:
    arts = [article(f"{n}.txt", "Mikhail Gorbachev and Jane Q. Roe met the press. Mikhail "
                    "Gorbachov, as some spell it, and Jane Roe smiled.",
                    Entity("Mikhail Gorbachev", "person", ("Mikhail Gorbachov",)),
                    Entity("Jane Roe", "person", ("Jane Q. Roe",)))
            for n in "dcba"]
    texts = []
    for order in (arts, arts[::-1], [arts[2], arts[0], arts[3], arts[1]]):
        folder = tmp_path / str(len(texts))
        folder.mkdir()
        for one in order:
            update_registry(folder / "entities.yml", [one])
        texts.append((folder / learned.LEARNED_FILE).read_bytes())
        assert not (folder / "entities.yml").exists()  # ingest never creates the curator's file
    assert texts[0] == texts[1] == texts[2]
    state = learned.load_state(tmp_path / "0" / learned.LEARNED_FILE)
    assert [len(p.evidence) for p in state.pairs] == [learned.EVIDENCE_KEPT] * 2


def test_curated_file_wins_over_learned(tmp_path: Path) -> None:
    curated = tmp_path / "entities.yml"
    text = "The Acme Widget Company (AWC) grew."
    found = Entity("Acme Widget Company", "organization", ("AWC",))
    update_registry(curated, [article(f"{n}.txt", text, found) for n in "ab"])
    curated.write_text("Awesome Web Consortium:\n  type: organization\n  aliases: [AWC]\n")
    assert load_registry(curated).canonical("AWC") == ("Awesome Web Consortium", "organization")


def test_learned_aliases_list_evidence_and_forgotten_names(tmp_path: Path) -> None:
    curated = tmp_path / "entities.yml"
    text = "The Acme Widget Company (AWC) grew.\nVladimir Putin, or Vladimir Poutine, spoke."
    found = (Entity("Acme Widget Company", "organization", ("AWC",)),
             Entity("Vladimir Putin", "person", ("Vladimir Poutine",)))
    update_registry(curated, [article("a.txt", text, *found)])
    assert learned.learned_aliases(tmp_path) == []
    pending = learned.learned_aliases(tmp_path, include_pending=True)
    assert [(a.name, a.alias, a.active) for a in pending] == [
        ("Acme Widget Company", "AWC", False), ("Vladimir Putin", "Vladimir Poutine", False)]
    assert pending[0].evidence[0].article == "a.txt"
    assert pending[0].evidence[0].sentence == "The Acme Widget Company (AWC) grew."
    assert not pending[1].curated  # a new entity, not one of the curator's


def test_a_middle_initial_makes_a_learned_entity_a_person() -> None:
    """NER called him an organisation twice; the registry would force that on every article."""
    evidence = tuple(ev.Evidence(f"{n}.txt", "Brian T. Carroll", "organization", "s")
                     for n in "ab")
    state = learned.State((ev.Pair(("Brian Carroll", "Brian T. Carroll"), "variant",
                                        evidence),))
    (alias,) = learned.resolve(state, KNOWN)
    assert (alias.name, alias.type, alias.alias) == ("Brian T. Carroll", "person", "Brian Carroll")


# --- migration of old sites ---------------------------------------------------------------------

OLD = """\
# Curated by the desk. Keep this comment.
United States:
  type: place
  aliases: [U.S., US]
Zeta Org:   # the curator's
  type: organization

# learned by news-digest ingest; edit freely (rename, merge, block)
Universal Studio:
  type: organization
  aliases: [Universal Studios]
Jane Roe:
  type: person
Kept By Curator:
  type: person
  block: true

# learned by news-digest ingest; edit freely (rename, merge, block)
"South Africa: Land":
  type: place
  aliases: [South Africans]
# a curator's comment after a learned block
"""


def test_migration_moves_learned_entries_and_keeps_curated_lines(tmp_path: Path) -> None:
    curated = tmp_path / "entities.yml"
    curated.write_text(OLD, "utf-8")
    assert migrate.migrate(curated) == 3
    kept = curated.read_text("utf-8")
    assert kept == (
        "# Curated by the desk. Keep this comment.\nUnited States:\n  type: place\n"
        "  aliases: [U.S., US]\nZeta Org:   # the curator's\n  type: organization\n"
        "Kept By Curator:\n  type: person\n  block: true\n"
        "# a curator's comment after a learned block\n")
    assert (tmp_path / "entities.yml.before-learned").read_text("utf-8") == OLD
    registry = load_registry(curated)
    assert registry.canonical("Universal Studios") is None  # no evidence yet: not used
    review = learned.learned_aliases(tmp_path, include_pending=True)
    assert {(a.name, a.alias, a.reason) for a in review} >= {
        ("Universal Studio", "Universal Studios", learned.MIGRATED)}
    assert migrate.migrate(curated) == 0  # once
    assert curated.read_text("utf-8") == kept


# --- pairs that must never merge, each through ingest twice -------------------------------------

NEVER_MERGE = [
    # a country and a company with the same initials
    ("United States", "Universal Studio",
     "Universal Studio said on Monday that its US sales rose sharply. "
     "Universal Studio hired staff in the US."),
    ("United States", "UBS Securities",
     "UBS Securities said US markets were calm. UBS Securities expects US growth."),
    # two organisations that share an acronym
    ("World Trade Organization", "World Tourism Organisation",
     "The World Tourism Organisation (WTO) met in Madrid. The World Tourism Organisation "
     "said the WTO figures showed growth."),
    # a place and its demonym
    ("South Africa", "South Africans",
     "South Africans voted on Wednesday. Many South Africans queued across South Africa."),
    # a person and their party
    ("Tony Blair", "Labour Party",
     "Tony Blair spoke on Thursday. Mr Blair's Labour Party won the vote, and "
     "Mr Blair's Labour Party will form the government, Tony Blair said."),
]


OWN_REPORTING = [
    "Our correspondent in the capital counted long queues outside the offices before dawn.",
    "Officials declined to give figures, saying a full account would follow next week.",
    "Analysts in three banks wrote to clients that the outlook had barely changed at all.",
    "Residents interviewed near the harbour described a calm morning and a busy afternoon.",
    "A spokeswoman promised that every question raised by the auditors would be answered.",
    "Archive records show that a similar dispute ended in a compromise eleven years ago.",
]
"""One paragraph of each outlet's own reporting: three reports of one event are three
articles (evidence from three), not copies of one (which ingest folds into versions)."""


def _seed(title: str, body: str, own: str) -> str:
    return (f"{title}\n\nWorld\n\n{body}\n\n{own} {own}\n\nThe second paragraph of the story "
            "says more about what happened and why it matters.\n\nShare this article on "
            "Facebook\n© 2024 Example News Ltd. All Rights Reserved.\n")


def _names(content: Path) -> list[set[str]]:
    out = []
    for post in sorted(content.rglob("*.md")):
        fm = yaml.safe_load(post.read_text("utf-8").split("---\n")[1])
        out.append({n for names in (fm.get("entities") or {}).values() for n in names})
    return out


@pytest.mark.parametrize(("a", "b", "text"), NEVER_MERGE, ids=[p[1] for p in NEVER_MERGE])
def test_pairs_never_merge_through_ingest_twice(tmp_path: Path, a: str, b: str,
                                                text: str) -> None:
    site = Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                    data_dir=tmp_path / "data", ner_backend="rules", processes=1)
    site.data_dir.mkdir()
    curated = site.data_dir / "entities.yml"
    curated.write_text(default_text(), "utf-8")
    for run in (1, 2):  # the second run reads what the first one learned
        for n in range(3):
            path = site.seeds / f"source-{run}-{n}" / "2020-01-01.txt"  # one per source
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_seed(f"Story {run}-{n} about {b.split()[0]} news", text,
                                  OWN_REPORTING[(run - 1) * 3 + n]), "utf-8")
        report = ingest(site)
        assert len(report.new) == 3 and not report.skipped
        registry = load_registry(curated)
        ca, cb = registry.canonical(a), registry.canonical(b)
        assert ca is None or cb is None or ca[0] != cb[0], (run, ca, cb)
        posts = _names(site.content)
        assert len(posts) == 3 * run
        for names in posts:
            # both stay their own entity (the rules backend reads no demonym as a name)
            assert {a, b} - {"South Africans"} <= names, names
            assert not any("'" in n or "’" in n or "Blair Labour" in n for n in names), names
    assert curated.read_text("utf-8") == default_text()


def test_an_existing_site_migrates_on_its_first_ingest(tmp_path: Path) -> None:
    site = Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                    data_dir=tmp_path / "data", ner_backend="rules", processes=1)
    site.seeds.mkdir()
    site.data_dir.mkdir()
    (site.data_dir / "entities.yml").write_text(OLD, "utf-8")
    ingest(site)  # no seeds at all: the migration still runs
    kept = (site.data_dir / "entities.yml").read_text("utf-8")
    assert "Universal Studio" not in kept and "# Curated by the desk" in kept
    assert (site.data_dir / learned.LEARNED_FILE).exists()
    ingest(site)
    assert (site.data_dir / "entities.yml").read_text("utf-8") == kept


def test_a_damaged_learned_file_is_never_overwritten(tmp_path: Path) -> None:
    curated = tmp_path / "entities.yml"
    damaged = tmp_path / learned.LEARNED_FILE
    damaged.write_text("pairs: [{forms: [only one]}]\nforgotten: [Universal Studio]\n")
    text = "The Acme Widget Company (AWC) grew."
    found = Entity("Acme Widget Company", "organization", ("AWC",))
    with pytest.raises(learned.LearnedError, match=str(damaged)):
        update_registry(curated, [article(f"{n}.txt", text, found) for n in "ab"])
    assert "Universal Studio" in damaged.read_text()
    assert load_registry(curated).canonical("US") == ("United States", "place")  # still builds


@pytest.mark.parametrize(("mention", "label", "pieces"), [
    ("Blair's Labour Party", "person", [("Blair", "person"), ("Labour Party", "organization")]),
    ("Britain's Labour Party", "organization",
     [("Britain", None), ("Labour Party", "organization")]),
    ("Tony Blair's", "person", [("Tony Blair's", "person")]),  # a final possessive stays
    ("O'Brien Group", "organization", [("O'Brien Group", "organization")]),
])
def test_a_possessive_inside_a_span_splits_it(mention: str, label: str,
                                              pieces: list[tuple[str, str | None]]) -> None:
    from news_digest.enrich.canonical import split_possessive

    assert split_possessive(mention, label) == pieces

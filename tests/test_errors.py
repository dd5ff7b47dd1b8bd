"""One error family: a broken data file is one line naming it, never a failed build."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from helpers import REPO, build

from news_digest.errors import NewsDigestError
from news_digest.settings import Settings, SettingsError
from news_digest.vocab.registry import RegistryError
from news_digest.vocab.topics_file import TaxonomyError


def test_every_user_facing_error_is_a_news_digest_error() -> None:
    for kind in (SettingsError, RegistryError, TaxonomyError):
        assert issubclass(kind, NewsDigestError)


@pytest.mark.parametrize("name, text, where, said, level", [
    ("topics.yml", "topics:\n  - id: politics\n    label: Politics\n    colour: red\n",
     "topics.yml:2", "ingest skipped", logging.ERROR),
    # the registry does not skip ingest: ingest and site use its last good copy, here
    # none, so the shipped default (tests/test_registry_last_good.py)
    ("entities.yml", "Acme:\n  type: planet\n", "entities.yml:2",
     "shipped default registry is used", logging.WARNING),
])
def test_a_broken_data_file_skips_ingest_with_one_line_and_the_site_is_built(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, text: str,
        where: str, said: str, level: int) -> None:
    """A curator's typo in ``topics.yml`` used to stop the whole ``pelican`` run with a
    traceback from one side of the build while the other side accepted the file."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(REPO / "seeds" / "000_5e547131be4d3005.txt", tmp_path / "seeds")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / name).write_text(text, encoding="utf-8")
    (tmp_path / "content").mkdir()
    with caplog.at_level(level, logger="news_digest"):
        out = build(tmp_path, tmp_path / "content", tmp_path / "output",
                    NEWS_DIGEST_AUTO_INGEST=True,
                    NEWS_DIGEST_SEEDS=str(tmp_path / "seeds"), NEWS_DIGEST_SEARCH=False,
                    NEWS_DIGEST_NER_BACKEND="rules")
    errors = [r.getMessage() for r in caplog.records
              if r.levelno >= level and name in r.getMessage()]
    assert len(errors) == 1, errors
    assert said in errors[0] and where in errors[0], errors[0]
    assert (out / "index.html").is_file(), "the site is built from the posts already there"


def test_settings_from_pelican_resolve_content_from_path(tmp_path: Path) -> None:
    s = Settings.from_pelican({"PATH": str(tmp_path / "posts"), "NEWS_DIGEST_SEEDS": "raw"})
    assert s.content == tmp_path / "posts"
    assert s.seeds == Path.cwd() / "raw"

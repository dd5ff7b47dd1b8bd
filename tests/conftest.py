"""Session fixtures: the fixture site, built once with Pelican (see ``helpers.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import REPO, build, write_content


@pytest.fixture(scope="session")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    write_content(root)
    return root


@pytest.fixture(scope="session")
def site(site_root: Path) -> Path:
    """The built fixture site (output folder)."""
    return build(site_root, site_root / "content", site_root / "output")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = REPO / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path

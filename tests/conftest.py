"""Shared test options and fixtures.

`--update-golden` rewrites the expected files under golden/<case>/expected/
instead of comparing against them; review the diff before committing.
"""

from __future__ import annotations

import fixtures
import pytest

from converter.model import Filing


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="write golden expected files instead of comparing against them",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def filing() -> Filing:
    """The hand-built filing of tests/fixtures.py."""
    return fixtures.filing()

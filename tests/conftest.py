"""Shared fixtures: every case under lessons/ (found, never listed, so a new case is tested the
moment its folder is added), the two built-in cases by name, and a hypothesis profile fit for
CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from mootcourt import Case, load_case
from mootcourt.lessons import case_ids

# CI: no deadline (a shared 2-core machine), derandomised (a failure reproduces), bounded.
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    max_examples=150,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=300)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
CASE_IDS: tuple[str, ...] = tuple(case_ids(LESSONS))
"""Every case folder under lessons/ (folders starting with `_` are templates)."""


@pytest.fixture(scope="session")
def liu() -> Case:
    return load_case("liu-v-platform-2024")


@pytest.fixture(scope="session")
def pang() -> Case:
    return load_case("pang-v-qunar-2017")


@pytest.fixture(scope="session", params=CASE_IDS)
def case(request: pytest.FixtureRequest) -> Case:
    return load_case(request.param)

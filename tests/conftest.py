"""Shared fixtures: the two real cases, and a hypothesis profile fit for CI."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from mootcourt import Case, load_case

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

CASE_IDS = ("liu-v-platform-2024", "pang-v-qunar-2017")


@pytest.fixture(scope="session")
def liu() -> Case:
    return load_case("liu-v-platform-2024")


@pytest.fixture(scope="session")
def pang() -> Case:
    return load_case("pang-v-qunar-2017")


@pytest.fixture(scope="session", params=CASE_IDS)
def case(request: pytest.FixtureRequest) -> Case:
    return load_case(request.param)

"""Shared fixtures: every case under lessons/ (found, never listed, so a new case is tested the
moment its folder is added), the two built-in cases by name, and a hypothesis profile fit for
CI."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from mootcourt import Case, load_case
from mootcourt.lessons import case_ids
from mootcourt.moot import Point

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


@pytest.fixture(scope="session")
def guo() -> Case:
    return load_case("guo-v-hangzhou-wildlife-world-2021")


@pytest.fixture(scope="session", params=CASE_IDS)
def case(request: pytest.FixtureRequest) -> Case:
    return load_case(request.param)


def case_variant(tmp_path: Path, case_id: str, new_id: str, edit: Callable[[str], str]) -> Path:
    """A built-in case's `case.yaml` renamed `new_id` and changed by `edit` (text in, text
    out), in a lessons root of its own under `tmp_path` with a copy of the statute book.
    Returns the new `case.yaml` (a test that expects the edit to be refused loads it itself)."""
    root = tmp_path / "lessons"
    if not (root / "law").exists():
        shutil.copytree(LESSONS / "law", root / "law")
    folder = root / new_id
    folder.mkdir()
    text = (LESSONS / case_id / "case.yaml").read_text(encoding="utf-8")
    text = text.replace(f"id: {case_id}", f"id: {new_id}", 1)
    path = folder / "case.yaml"
    path.write_text(edit(text), encoding="utf-8")
    return path


def liu_fault_rebuttal(text: str) -> Point:
    """Liu, the platform's point on fault: the presumption rebutted by general compliance."""
    return Point(
        "fault",
        "rebutted",
        rules=("pipl-69(1)",),
        evidence=("mlps_level3_filings", "security_policies"),
        doctrine={"rebuttal": "general_compliance"},
        text=text,
    )

"""The committed JSON Schemas are what the models generate, and the real files follow them."""

from __future__ import annotations

import jsonschema
import pytest

from mootcourt.lessons import installed_root
from mootcourt.schemas import GENERATORS, committed, generate
from mootcourt.yamlsource import read_yaml

from .conftest import CASE_IDS


@pytest.mark.parametrize("kind", list(GENERATORS))
def test_committed_schema_is_up_to_date(kind: str) -> None:
    assert committed(kind) == generate(kind), (
        f"schemas/{kind}.schema.json is stale: run `python -m mootcourt.schemas`"
    )


def test_real_files_follow_their_schemas() -> None:
    root = installed_root()
    assert root is not None
    jsonschema.Draft202012Validator(committed("statutes")).validate(
        read_yaml(root / "law" / "statutes.yaml").data
    )
    for case_id in CASE_IDS:
        case_data = read_yaml(root / case_id / "case.yaml").data
        jsonschema.Draft202012Validator(committed("case")).validate(case_data)
        if not (root / case_id / "scenarios.yaml").is_file():
            continue  # scenarios are optional
        scenario_data = read_yaml(root / case_id / "scenarios.yaml").data
        jsonschema.Draft202012Validator(committed("scenarios")).validate(scenario_data)

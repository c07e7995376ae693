"""Committed JSON Schemas: the case file, scenarios, the statute book, `evaluate --json` and
`explain --json`, moot-court briefs and `brief check --json`.

They are generated from the pydantic models and committed so that authors' editors and other
tools can use them; a test fails when a model changes without regenerating them
(`python -m mootcourt.schemas`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from typing import Any


def _case() -> dict[str, Any]:
    from ..casefile import CaseFile

    return CaseFile.model_json_schema(by_alias=True)


def _scenarios() -> dict[str, Any]:
    from ..scenarios import ScenarioFile

    return ScenarioFile.model_json_schema(by_alias=True)


def _statutes() -> dict[str, Any]:
    from ..law import StatuteFile

    return StatuteFile.model_json_schema(by_alias=True)


def _judgment() -> dict[str, Any]:
    from ..report import JudgmentReport

    return JudgmentReport.model_json_schema(by_alias=True)


def _explain() -> dict[str, Any]:
    from ..analysis.schema import ExplainReport

    return ExplainReport.model_json_schema(by_alias=True)


def _brief() -> dict[str, Any]:
    from ..moot.brief import BriefFile

    return BriefFile.model_json_schema(by_alias=True)


def _feedback() -> dict[str, Any]:
    from ..moot.schema import FeedbackReport

    return FeedbackReport.model_json_schema(by_alias=True)


GENERATORS: dict[str, Callable[[], dict[str, Any]]] = {
    "case": _case,
    "scenarios": _scenarios,
    "statutes": _statutes,
    "judgment": _judgment,
    "explain": _explain,
    "brief": _brief,
    "feedback": _feedback,
}


def generate(kind: str) -> dict[str, Any]:
    schema = GENERATORS[kind]()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://mootcourt.invalid/schemas/{kind}.schema.json"
    return schema


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def committed(kind: str) -> dict[str, Any]:
    """The schema as committed in the package."""
    text = resources.files(__package__).joinpath(f"{kind}.schema.json").read_text("utf-8")
    return json.loads(text)


def write_all() -> None:
    folder = resources.files(__package__)
    for kind in GENERATORS:
        path = folder.joinpath(f"{kind}.schema.json")
        with resources.as_file(path) as real:
            real.write_text(dumps(generate(kind)), encoding="utf-8")

"""The author's guide in both languages stays true to the format and the commands: every field
of the case and scenario files appears with an example, every doctrine value is named, and
every command it shows exists."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from mootcourt.casefile import (
    CaseFile,
    CaseKind,
    EvidenceKind,
    Processing,
    Role,
    SourceBasis,
)
from mootcourt.cli import _parser
from mootcourt.scenarios import Scenario

from .leak_vocabulary import FACTS, PARAMETERS, REMEDIES

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
GUIDES = [LESSONS / "AUTHORING.md", LESSONS / "AUTHORING.zh-CN.md"]


def _keys(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every key an author can write under `model`, walking nested models."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    keys: set[str] = set()
    for name, field in model.model_fields.items():
        keys.add(field.alias or name)
        for arg in _models(field.annotation):
            keys |= _keys(arg, seen)
    return keys


def _models(tp: object) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for arg in typing.get_args(tp) for m in _models(arg)]


@pytest.fixture(params=GUIDES, ids=lambda p: p.name)
def guide(request: pytest.FixtureRequest) -> str:
    return request.param.read_text(encoding="utf-8")


def test_every_field_of_the_format_is_shown(guide: str) -> None:
    keys = _keys(CaseFile) | _keys(Scenario) - {"zh-CN", "en"}
    missing = sorted(k for k in keys if not re.search(rf"(^|[\s{{`]){re.escape(k)}:", guide, re.M))
    assert not missing, f"fields never shown as `key:` in the guide: {missing}"


def test_every_doctrine_value_and_vocabulary_word_is_named(guide: str) -> None:
    words = {p.name for p in PARAMETERS.values()}
    words |= {v for p in PARAMETERS.values() for v in p.values}
    words |= set(FACTS) | set(REMEDIES)  # the leak pack's, now the pack's own vocabulary
    for literal in (EvidenceKind, Processing, Role, CaseKind, SourceBasis):
        words |= set(typing.get_args(literal))
    missing = sorted(w for w in words if f"`{w}`" not in guide and f" {w}" not in guide)
    assert not missing, missing


def test_every_command_shown_exists(guide: str) -> None:
    commands = set(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    shown = set(re.findall(r"mootcourt ([a-z]+)", guide))
    assert shown <= commands, shown - commands
    assert {"new", "check", "validate", "doctrine", "present"} <= shown


def test_both_guides_show_the_same_code() -> None:
    """The YAML examples differ only in their comments: same keys, same values."""

    def code(text: str) -> list[str]:
        blocks = re.findall(r"```(?:yaml|sh|text)\n(.*?)```", text, flags=re.S)
        return [re.sub(r"\s+#.*", "", b).strip() for b in blocks]

    en, zh = (code(p.read_text(encoding="utf-8")) for p in GUIDES)
    assert len(en) == len(zh)
    for a, b in zip(en, zh, strict=True):
        if "zh-CN: ..." in a or "label:" in a:
            assert [ln.split(":")[0] for ln in a.splitlines()] == [
                ln.split(":")[0] for ln in b.splitlines()
            ]

"""`mootcourt brief` and `mootcourt schema brief|feedback`: exit codes, the JSON against the
committed schema, a class folder with one broken brief, exports."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from mootcourt.cli import main
from mootcourt.moot import Brief, Point, save_brief
from mootcourt.schemas import committed, generate

from .conftest import liu_fault_rebuttal

BROKEN = Path(__file__).parent / "broken_briefs"


def _liu_platform(folder: Path, name: str = "team3.yaml", lang: str = "en") -> Path:
    brief = Brief(
        "liu-v-platform-2024",
        "platform",
        "second_instance",
        lang,
        "Team 3",
        (
            liu_fault_rebuttal("The platform proved it met its duty."),
            Point("attribution", "not_established", rules=("pipl-69",), evidence=("logistics",)),
        ),
    )
    return save_brief(brief, folder / name)


def test_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _liu_platform(tmp_path)
    assert main(["brief", "check", str(path)]) == 0
    assert "Does not hold" in capsys.readouterr().out
    assert main(["brief", "check", str(path), "--lang", "zh-CN"]) == 0
    assert "不成立" in capsys.readouterr().out
    assert main(["brief", "check", str(BROKEN / "bad_claim.yaml")]) == 1
    assert "bad_claim.yaml:8: points[0].claim" in capsys.readouterr().err
    assert main(["brief", "check", str(tmp_path / "missing.yaml")]) == 2
    with pytest.raises(SystemExit) as exit_:
        main(["brief", "check", str(path), "--lang", "fr"])
    assert exit_.value.code == 2


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_check_json_follows_the_committed_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    path = _liu_platform(tmp_path)
    assert main(["brief", "check", str(path), "--json", "--lang", lang]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, committed("feedback"))
    first = data["points"][0]
    assert first["holds"] is False and first["decisive"] is True
    assert first["answers"][0]["id"] == "rebuttal=general_compliance"
    assert "moot.misconception.rule_not_for_issue" in data["points"][1]["misconceptions"]
    assert all(q["text"] for q in first["questions"])


def test_the_committed_schemas_are_current() -> None:
    for kind in ("brief", "feedback"):
        assert committed(kind) == generate(kind), f"run python -m mootcourt.schemas ({kind})"


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "brief"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "BriefFile"


def test_new_writes_a_brief_that_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pang.yaml"
    args = [
        "brief",
        "new",
        "pang-v-qunar-2017",
        "--side",
        "china_eastern",
        "--court",
        "second_instance",
    ]
    assert main([*args, "--out", str(out), "--lang", "zh-CN"]) == 0
    assert main(["brief", "check", str(out)]) == 0
    assert main([*args, "--out", str(out)]) == 2  # never overwritten
    assert (
        main(
            ["brief", "new", "pang-v-qunar-2017", "--side", "nobody", "--court", "second_instance"]
        )
        == 2
    )
    assert "valid: pang, qunar, china_eastern, court" in capsys.readouterr().err


def test_collect_a_class_folder_with_one_broken_brief(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _liu_platform(tmp_path, "a.yaml")
    _liu_platform(tmp_path, "b.yaml", lang="zh-CN")
    shutil.copy(BROKEN / "unknown_side.yaml", tmp_path / "c.yaml")
    table = tmp_path / "out" / "table.csv"
    table.parent.mkdir()
    assert main(["brief", "collect", str(tmp_path), "--csv", str(table)]) == 0
    out = capsys.readouterr().out
    assert "Team 3" in out and "c.yaml:4: side" in out
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert [r["file"] for r in rows] == ["a.yaml", "b.yaml", "c.yaml"]
    assert rows[0]["score"] == rows[1]["score"] and rows[2]["error"]
    assert main(["brief", "collect", str(tmp_path / "nowhere")]) == 2


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_export(tmp_path: Path, fmt: str) -> None:
    path = _liu_platform(tmp_path)
    out = tmp_path / f"brief.{fmt}"
    assert main(["brief", "export", str(path), "--format", fmt, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Who bears the burden" in text and "Score" in text
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "<script" not in text

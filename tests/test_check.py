"""`mootcourt check`: every case under lessons/ checks clean, and a wrong expectation (in
`as_decided` or in a scenario) is reported at its line, with what the engine found and where.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mootcourt import Case, load_case
from mootcourt.checking import check_case
from mootcourt.cli import main

from .conftest import CASE_IDS, LESSONS

LIU = LESSONS / "liu-v-platform-2024"


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_every_case_under_lessons_checks_clean(case_id: str) -> None:
    report = check_case(load_case(case_id))
    assert report.ok, "\n".join(str(f) for f in report.failures)
    assert report.levels == len(load_case(case_id).levels)


def test_the_cli_checks_every_case_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *CASE_IDS]) == 0
    out = capsys.readouterr().out
    assert out.count("checked (the record as decided") == len(CASE_IDS)


def _copy(tmp_path: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """The Liu case copied to tmp_path with `file -> (old, new)` replacements (each once)."""
    folder = tmp_path / "liu-copy"
    folder.mkdir()
    for name in ("case.yaml", "scenarios.yaml"):
        shutil.copy(LIU / name, folder / name)
    for name, (old, new) in edits.items():
        text = (folder / name).read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        (folder / name).write_text(text.replace(old, new), encoding="utf-8")
    return folder


def _line(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_a_wrong_as_decided_is_reported_at_its_line_with_the_issue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = "platform: {liable: true, remedies: [apology]}  # wrong on purpose"
    folder = _copy(
        tmp_path,
        {
            "case.yaml": ("platform: {liable: false, remedies: []}", wrong),
        },
    )
    case_file = folder / "case.yaml"
    text = case_file.read_text(encoding="utf-8")
    # the level's own flag must agree with its defendants, or validate refuses the file first
    text = text.replace(
        "    as_decided:\n      liable: false", "    as_decided:\n      liable: true"
    )
    case_file.write_text(text, encoding="utf-8")

    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    line = _line(case_file, "wrong on purpose")
    assert (
        f"{case_file}:{line}: expected first_instance/platform liable (as decided), "
        "the engine found not liable, at issue attribution (not_established)"
    ) in err
    assert "1 expectation(s) not met" in err


def test_a_wrong_scenario_expectation_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy(
        tmp_path,
        {
            "scenarios.yaml": (
                "      attribution: not_established\n      fault: not_reached\n"
                "      remedy: not_reached\n    second_instance:\n      liable: true\n"
                "      remedies: [apology]\n      processor: established\n"
                "      leak: established\n      attribution: established\n"
                "      fault: presumed\n",
                "      attribution: established  # wrong on purpose\n      fault: not_reached\n"
                "      remedy: not_reached\n    second_instance:\n      liable: true\n"
                "      remedies: [apology]\n      processor: established\n"
                "      leak: established\n      attribution: established\n"
                "      fault: presumed\n",
            )
        },
    )
    assert main(["check", "--json", str(folder)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    (failure,) = data["cases"][0]["failures"]
    assert failure == {
        "file": str(folder / "scenarios.yaml"),
        "line": _line(folder / "scenarios.yaml", "wrong on purpose"),
        "expected": "first_instance/platform attribution established",
        "found": "not_established",
        "issue": "attribution",
        "scenario": "the record as reported",
    }


def test_a_broken_case_file_is_reported_like_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy(
        tmp_path, {"case.yaml": ("liable: false\n      outcome:", "liable: nope\n      outcome:")}
    )
    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'case.yaml'}:" in err and "write true or false" in err


def test_an_unknown_case_lists_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "no-such-case"]) == 2
    assert "liu-v-platform-2024" in capsys.readouterr().err


def test_warnings_for_an_id_unlike_its_folder_and_a_toggle_nothing_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "my-case"
    folder.mkdir()
    shutil.copy(LESSONS / "_template" / "case.yaml", folder / "case.yaml")
    text = (folder / "case.yaml").read_text(encoding="utf-8")
    idle = (
        "  - id: idle_item\n"
        "    offered_by: plaintiff\n"
        "    on_record: false\n"
        "    kind: fact\n"
        "    label: {zh-CN: 假设：无关的材料, en: 'hypothetical: an unrelated paper'}\n"
        "claims:\n"
    )
    (folder / "case.yaml").write_text(text.replace("claims:\n", idle, 1), encoding="utf-8")

    assert main(["check", str(folder)]) == 0, "warnings never fail a check"
    err = capsys.readouterr().err
    case_file = folder / "case.yaml"
    assert (
        f"{case_file}:{_line(case_file, 'id: template-case')}: warning: the case id "
        "'template-case' differs from its folder 'my-case'"
    ) in err
    assert (
        f"{case_file}:{_line(case_file, 'id: idle_item')}: warning: no reasoning step reads "
        "the toggle 'idle_item'"
    ) in err
    assert err.count("warning:") == 2


def test_the_built_in_cases_raise_no_warning(liu: Case, pang: Case) -> None:
    """No false alarm on real cases (Liu's pleaded internal investigation is an assertion,
    never weighed by design)."""
    assert check_case(liu).warnings == ()
    assert check_case(pang).warnings == ()


def test_a_level_wide_remedy_that_names_no_claim_is_refused_at_its_line(tmp_path: Path) -> None:
    from mootcourt.errors import CaseError

    folder = _copy(
        tmp_path,
        {"scenarios.yaml": ("      remedies: [apology]", "      remedies: [apologise]")},
    )
    with pytest.raises(CaseError) as err:
        _ = load_case(folder).scenarios
    message = str(err.value)
    assert "scenarios.yaml:" in message and "unknown claim 'apologise'" in message, message

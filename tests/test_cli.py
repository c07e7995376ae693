"""The `mootcourt` command through a real subprocess: output, JSON and every exit code."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from mootcourt.schemas import committed

from .conftest import CASE_IDS


def mootcourt(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mootcourt", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"COLUMNS": "140", "PATH": ""},
    )


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr


def test_evaluate_prints_both_courts_side_by_side_in_english() -> None:
    result = mootcourt("evaluate", "liu-v-platform-2024")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Beijing Internet Court" in out and "Beijing No. 4 Intermediate" in out
    assert "NOT ESTABLISHED" in out and "PRESUMED" in out
    assert "Where the courts part ways" in out
    assert out.count("(matches") == 2
    assert "differs from the reported outcome" not in out


def test_evaluate_prints_both_courts_in_chinese() -> None:
    result = mootcourt("evaluate", "liu-v-platform-2024", "--lang", "zh-CN")
    assert result.returncode == 0, result.stderr
    assert "北京互联网法院" in result.stdout and "推定成立" in result.stdout
    assert "两审分歧所在" in result.stdout


def test_evaluate_pang_prints_each_defendant() -> None:
    result = mootcourt("evaluate", "pang-v-qunar-2017", "--lang", "zh-CN")
    assert result.returncode == 0, result.stderr
    assert "被告：东航" in result.stdout and "被告：去哪儿网" in result.stdout


def test_set_and_doctrine_change_the_result() -> None:
    record = json.loads(mootcourt("evaluate", "liu-v-platform-2024", "--json").stdout)
    assert record["levels"][1]["liable"] is True
    flipped = json.loads(
        mootcourt(
            "evaluate", "liu-v-platform-2024", "--json", "--set", "alias_on_waybills=off"
        ).stdout
    )
    assert flipped["levels"][1]["liable"] is False
    assert flipped["world"]["alias_on_waybills"] is False
    changed = json.loads(
        mootcourt(
            "evaluate",
            "liu-v-platform-2024",
            "--json",
            "--doctrine",
            "second_instance.rebuttal=general_compliance",
        ).stdout
    )
    assert changed["levels"][1]["liable"] is False
    assert changed["levels"][1]["doctrine"]["rebuttal"]["basis"] == "override"


def test_json_follows_the_committed_schema_in_both_languages() -> None:
    validator = jsonschema.Draft202012Validator(committed("judgment"))
    for case_id in CASE_IDS:
        for lang in ("en", "zh-CN"):
            result = mootcourt("evaluate", case_id, "--json", "--lang", lang)
            assert result.returncode == 0, result.stderr
            data = json.loads(result.stdout)
            validator.validate(data)
            assert data["lang"] == lang


BAD_ARGUMENTS = {
    "unknown toggle": (["--set", "alias=off"], ["unknown toggle 'alias'", "alias_on_waybills"]),
    "bad toggle value": (["--set", "alias_on_waybills=false"], ["on, off"]),
    "unknown doctrine value": (
        ["--doctrine", "second_instance.attribution=strict"],
        ["party_level, field_level"],
    ),
    "unknown level": (["--doctrine", "retrial.rebuttal=x"], ["first_instance, second_instance"]),
    "unknown parameter": (["--doctrine", "second_instance.burden=plaintiff"], ["temporal_anchor"]),
    "broken requirement": (
        ["--set", "fraud_calls=off"],
        ["'callers_named_platform' requires 'fraud_calls'"],
    ),
}


@pytest.mark.parametrize("name", list(BAD_ARGUMENTS))
def test_bad_argument_exits_2_listing_the_valid_values(name: str) -> None:
    args, expected = BAD_ARGUMENTS[name]
    result = mootcourt("evaluate", "liu-v-platform-2024", *args)
    assert result.returncode == 2, result.stdout
    for text in expected:
        assert text in result.stderr, result.stderr
    assert_clean(result)


def test_bad_language_and_unknown_case_exit_2() -> None:
    lang = mootcourt("evaluate", "liu-v-platform-2024", "--lang", "fr")
    assert lang.returncode == 2 and "zh-CN" in lang.stderr
    missing = mootcourt("evaluate", "no-such-case")
    assert missing.returncode == 2 and "liu-v-platform-2024" in missing.stderr
    assert_clean(missing)


def test_validate_real_cases_exits_0() -> None:
    result = mootcourt("validate", *CASE_IDS)
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_schema_prints_json() -> None:
    result = mootcourt("schema", "judgment")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "JudgmentReport"


BROKEN_FILES = {
    "case.yaml": (
        "schema_version: 1\nid: x\ntitel: {zh-CN: 甲, en: A}\n",
        "3: titel: unknown key 'titel'; did you mean 'title'?",
    ),
    "statutes.yaml": (
        "laws: []\narticles:\n  - id: x-1\n    law: nope\n",
        "3: articles[0].text: missing required key 'text'",
    ),
}


@pytest.mark.parametrize("name", list(BROKEN_FILES))
def test_validate_broken_file_exits_1_with_file_and_line(tmp_path, name: str) -> None:
    text, expected = BROKEN_FILES[name]
    broken = tmp_path / name
    broken.write_text(text, encoding="utf-8")
    result = mootcourt("validate", str(broken))
    assert result.returncode == 1
    assert f"{broken}:{expected}" in result.stderr
    assert_clean(result)


def test_validate_accepts_the_statute_book() -> None:
    from mootcourt.lessons import installed_root

    root = installed_root()
    assert root is not None
    good = mootcourt("validate", str(root / "law" / "statutes.yaml"))
    assert good.returncode == 0 and "articles" in good.stdout, good.stderr

"""`mootcourt explain`: the analysis in both languages, JSON that follows its committed
schema, bad flags that list the valid values (exit 2), and no sympy at start-up."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from mootcourt.cli import main
from mootcourt.schemas import committed

KEYS = {
    "sensitivity",
    "worlds",
    "irrelevant",
    "influence",
    "conditions",
    "settled",
    "decomposition",
}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case_id", ["liu-v-platform-2024", "pang-v-qunar-2017"])
def test_json_follows_the_committed_schema(capsys, case_id: str) -> None:
    for lang in ("en", "zh-CN"):
        code, out, _ = run(capsys, "explain", case_id, "--json", "--lang", lang)
        assert code == 0
        data = json.loads(out)
        jsonschema.Draft202012Validator(committed("explain")).validate(data)
        assert set(data) >= KEYS
        assert data["lang"] == lang


def test_record_case_prints_sensitivity_conditions_and_decomposition(capsys) -> None:
    code, out, _ = run(capsys, "explain", "liu-v-platform-2024")
    assert code == 0
    assert "One flip from this world" in out
    assert "finds the platform liable exactly when:" in out
    assert "What the reversal needed" in out
    code, out, _ = run(capsys, "explain", "liu-v-platform-2024", "--lang", "zh-CN")
    assert code == 0
    assert "当且仅当" in out and "改判需要什么" in out


def test_unknown_facts_and_one_level(capsys) -> None:
    code, out, _ = run(
        capsys,
        "explain",
        "liu-v-platform-2024",
        "--level",
        "second_instance",
        "--set",
        "data_flow_statement=unknown",
        "--set",
        "alias_on_waybills=off",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["levels"] == ["second_instance"]
    assert data["world"]["data_flow_statement"] == "unknown"
    assert data["world"]["alias_on_waybills"] is False
    assert set(data["settled"]) == {"second_instance"}
    assert set(data["conditions"]) == {"second_instance"}


def test_doctrine_override_changes_the_analysis(capsys) -> None:
    _, out, _ = run(capsys, "explain", "liu-v-platform-2024", "--json")
    plain = json.loads(out)
    _, out, _ = run(
        capsys,
        "explain",
        "liu-v-platform-2024",
        "--json",
        "--doctrine",
        "second_instance.attribution=party_level",
    )
    changed = json.loads(out)
    assert changed["conditions"]["second_instance"] != plain["conditions"]["second_instance"]


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--set", "nope=on"], "valid: "),
        (["--set", "fraud_calls=maybe"], "value must be one of: on, off, unknown"),
        (["--level", "supreme"], "valid: first_instance, second_instance"),
        (["--doctrine", "second_instance.attribution=sideways"], "valid: "),
        (
            ["--set", "fraud_calls=off", "--set", "callers_named_platform=on"],
            "'callers_named_platform' requires 'fraud_calls'",
        ),
    ],
)
def test_bad_flags_exit_2_with_the_valid_values(capsys, argv: list[str], needle: str) -> None:
    code, _, err = run(capsys, "explain", "liu-v-platform-2024", *argv)
    assert code == 2
    assert needle in err


def test_unknown_is_for_explain_only(capsys) -> None:
    code, _, err = run(capsys, "evaluate", "liu-v-platform-2024", "--set", "fraud_calls=unknown")
    assert code == 2
    assert "value must be one of: on, off" in err and "unknown" not in err.split("one of:")[1]


def test_sympy_is_not_imported_at_start_up() -> None:
    """The minimiser is imported when a condition is first asked for, never by the kernel
    start-up (`import mootcourt`, the widgets) nor by importing the analysis."""
    code = (
        "import sys, mootcourt, mootcourt.analysis\n"
        "import importlib.util\n"
        "if importlib.util.find_spec('mootcourt.ui'):\n"
        "    import mootcourt.ui\n"
        "print('sympy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

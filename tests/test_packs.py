"""Dispute packs: loading (from the kit and from a course folder), the rule language, the
remedy computations, errors at their line, and the CLI's `packs`, `doctrine --pack/--case` and
`new --pack`. The fixture `tests/packs_fixture/refund_demo` is a fictional pack written
without Python; `cases/demo-v-shop` a fictional case of it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from mootcourt import evaluate, load_case
from mootcourt.checking import check_case
from mootcourt.cli import main
from mootcourt.engine import Result
from mootcourt.errors import CaseError
from mootcourt.packs import find_pack, installed_packs
from mootcourt.yamlsource import read_yaml

FIXTURE = Path(__file__).parent / "packs_fixture"
DEMO = FIXTURE / "cases" / "demo-v-shop"


@pytest.fixture
def course(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture's packs on the search path, as a course folder would put them."""
    monkeypatch.setenv("MOOTCOURT_PACKS", str(FIXTURE))
    return FIXTURE


def _copy_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the fixture pack, alone on the search path."""
    folder = tmp_path / "packs" / "refund_demo"
    shutil.copytree(FIXTURE / "refund_demo", folder)
    monkeypatch.setenv("MOOTCOURT_PACKS", str(tmp_path / "packs"))
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(CaseError) as caught:
        find_pack(folder.name)
    return [str(p) for p in caught.value.problems]


def test_the_leak_pack_is_installed_with_its_five_issues() -> None:
    leak = find_pack("leak")
    assert leak.issues == ("processor", "leak", "attribution", "fault", "remedy")
    assert leak.money_remedies == ("compensation", "distress")
    assert leak.messages("zh-CN")("issue.fault") == "过错"


def test_an_unknown_pack_names_the_installed_ones() -> None:
    with pytest.raises(KeyError, match=r"installed: .*leak"):
        find_pack("leek")


def test_a_course_pack_loads_and_its_case_checks(course: Path) -> None:
    pack = find_pack("refund_demo")
    assert pack.issues == ("contract", "breach", "relief")
    case = load_case(DEMO)
    assert case.pack is pack
    report = check_case(case)
    assert report.ok, report.failures


def test_rule_language_steps_record_their_reads_like_python_tests(course: Path) -> None:
    case = load_case(DEMO)
    judgment = evaluate(case, case.record_world())
    first, second = judgment.levels
    breach = first.step("breach")
    assert breach.result is Result.NOT_ESTABLISHED
    assert {"terms_changed", "change_material"} <= breach.reads
    assert breach.doctrine_reads == {"breach_test"}
    assert second.step("breach").rules == ("cc-577",)
    # an earlier issue's result read by a later rule: its reads are the later step's too
    assert "terms_changed" in second.step("relief").reads
    assert first.step("relief").result is Result.NOT_REACHED
    divergence = judgment.divergence
    assert divergence is not None and divergence.issue == "breach"
    assert [p for p, _, _ in divergence.parameters] == ["breach_test"]


def test_claims_are_granted_by_their_kinds_computation(course: Path) -> None:
    case = load_case(DEMO)
    second = evaluate(case, case.record_world()).level("second_instance")
    awarded = second.defendants["shop"].awarded
    assert awarded["refund"] == 100  # proven loss 100, claimed 150
    assert awarded["treble"] == 300  # 3 x 100 = 300, minimum 500, but only 300 claimed
    text = second.step("relief").text("en")
    assert text.startswith("Granted: a refund of the price and three times the price.")


def test_a_pack_error_names_file_line_and_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_pack(tmp_path, monkeypatch)
    rules = folder / "rules.yaml"
    text = rules.read_text("utf-8")
    text = text.replace("- when: ticket_bought", "- when: ticket_bougth")
    text = text.replace(
        "{param: breach_test, is: any_change}", "{param: breach_test, is: anything}"
    )
    text = text.replace("{issue: breach, is: established}", "{issue: relief, is: established}")
    rules.write_text(text, "utf-8")
    problems = _problems(folder)
    assert any(
        p.startswith(f"{rules}:2: contract[0].when: unknown toggle 'ticket_bougth'")
        and "did you mean 'ticket_bought'" in p
        for p in problems
    ), problems
    assert any(
        ":11: breach[0].when.all[1].any[0].is: unknown value 'anything'" in p for p in problems
    ), problems
    assert any("unknown earlier issue 'relief'" in p for p in problems), problems


def test_the_last_rule_must_be_otherwise_and_texts_fill_only_what_a_rule_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_pack(tmp_path, monkeypatch)
    rules = folder / "rules.yaml"
    rules.write_text(
        rules.read_text("utf-8").replace(
            "  - otherwise: {result: not_established, text: contract.none}\n", ""
        ),
        "utf-8",
    )
    en = folder / "texts" / "en.yaml"
    en.write_text(en.read_text("utf-8").replace("{plaintiff} bought", "{buyer} bought"), "utf-8")
    problems = _problems(folder)
    assert any("contract[0]: the last rule must be otherwise" in p for p in problems), problems
    assert any("'contract.made' uses {buyer}" in p for p in problems), problems


def test_a_broken_pack_is_reported_and_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy_pack(tmp_path, monkeypatch)
    pack_yaml = folder / "pack.yaml"
    pack_yaml.write_text(
        pack_yaml.read_text("utf-8").replace("computation: proven_loss", "computation: lots"),
        "utf-8",
    )
    packs, broken = installed_packs()
    assert "leak" in [p.id for p in packs] and "refund_demo" not in [p.id for p in packs]
    assert broken and str(pack_yaml) in str(broken[0])
    assert main(["packs"]) == 1
    out, err = capsys.readouterr()
    assert "\nleak: " in "\n" + out and "remedies[0].computation" in err


def test_a_python_test_that_does_not_exist_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_pack(tmp_path, monkeypatch)
    pack_yaml = folder / "pack.yaml"
    pack_yaml.write_text(
        pack_yaml.read_text("utf-8").replace("    test: rules\n", "    test: {python: made}\n", 1),
        "utf-8",
    )
    rules = folder / "rules.yaml"
    text = rules.read_text("utf-8")
    rules.write_text(text[text.index("breach:") :], "utf-8")
    problems = _problems(folder)
    assert any(
        "issues[0].test.python: no function 'made' in no issues.py" in p for p in problems
    ), problems


def test_cli_packs_json_lists_each_pack_with_its_issues(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["packs", "--json"]) == 0
    found = {p["id"]: p for p in json.loads(capsys.readouterr().out)}
    assert [i["id"] for i in found["refund_demo"]["issues"]] == ["contract", "breach", "relief"]
    assert found["leak"]["title"] == "personal-information leak"


def test_cli_doctrine_of_a_case_or_a_pack(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctrine", "--case", str(DEMO), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pack"] == "refund_demo"
    assert [p["name"] for p in data["parameters"]] == ["breach_test"]
    assert main(["doctrine", "--pack", "refund_demo"]) == 0
    assert "material_change: only a material change" in capsys.readouterr().out
    assert main(["doctrine", "--pack", "nope"]) == 2
    assert "installed: " in capsys.readouterr().err


def test_cli_new_with_a_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "zhang-v-shop-2023"), "--pack", "leak"]) == 0
    assert (tmp_path / "zhang-v-shop-2023" / "case.yaml").is_file()
    capsys.readouterr()
    assert main(["new", str(tmp_path / "other-case"), "--pack", "nope"]) == 2
    assert "unknown pack 'nope'" in capsys.readouterr().err


def test_evaluate_json_names_the_pack(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "liu-v-platform-2024", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pack"] == "leak"


def test_the_schema_of_a_packs_case_knows_its_vocabulary(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "case", "--pack", "refund_demo"]) == 0
    schema = json.loads(capsys.readouterr().out)
    data = read_yaml(DEMO / "case.yaml").data
    jsonschema.validate(data, schema)
    data["claims"][0]["remedy"] = "apology"  # a leak remedy: not this pack's
    with pytest.raises(jsonschema.ValidationError, match="apology"):
        jsonschema.validate(data, schema)
    assert main(["schema", "case", "--pack", "leak"]) == 0
    leak = json.loads(capsys.readouterr().out)
    jsonschema.validate(read_yaml(load_case("liu-v-platform-2024").path).data, leak)
    assert main(["schema", "judgment", "--pack", "leak"]) == 2

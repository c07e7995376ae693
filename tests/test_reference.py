"""`mootcourt doctrine`: the case format's vocabulary from the pack's own declarations (the
leak pack by default), and errors that name a wrong rule slot or text key list the valid
ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mootcourt.cli import main
from mootcourt.i18n import LANGUAGES

from .leak_vocabulary import PARAMETERS, RULE_SLOTS, TEMPLATE_KEYS

BROKEN = Path(__file__).parent / "broken"


def test_json_lists_every_parameter_value_slot_and_key_in_both_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["doctrine", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    params = {p["name"]: p for p in data["parameters"]}
    assert list(params) == list(PARAMETERS)
    for name, p in params.items():
        assert [v["value"] for v in p["values"]] == list(PARAMETERS[name].values)
        for v in p["values"]:
            assert set(v["meaning"]) == set(LANGUAGES) and all(v["meaning"].values())
        assert set(p["label"]) == set(LANGUAGES)
        assert p["default"] == PARAMETERS[name].default, name
    assert params["several_defendants"]["default"] == "as_reported"
    assert {s["slot"]: s["default"] for s in data["rule_slots"]} == {
        k: list(v) for k, v in RULE_SLOTS.items()
    }
    keys = {k["key"]: k for k in data["text_keys"]}
    assert set(keys) == set(TEMPLATE_KEYS)
    assert "defendant" in keys["processor.no_data"]["placeholders"]
    assert set(keys["processor.no_data"]["template"]) == set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_names_every_parameter_value_slot_and_key(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["doctrine", "--lang", lang]) == 0
    out = capsys.readouterr().out
    for p in PARAMETERS.values():
        assert f"{p.name}: " in out
        for v in p.values:
            assert f"  {v}: {p.meaning[v][lang]}" in out
    for slot in RULE_SLOTS:
        assert f"  {slot}: [" in out
    assert "  processor.no_data: {defendant} {plaintiff}" in out


def test_an_unknown_rule_slot_lists_every_valid_slot(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BROKEN / "30-unknown-rule-slot.yaml")]) == 1
    err = capsys.readouterr().err
    assert "unknown rule slot 'remedy.apologies'" in err
    assert "valid slots: " + ", ".join(RULE_SLOTS) in err


def test_an_unknown_text_key_lists_its_group_with_placeholders(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(BROKEN / "31-text-unknown-key.yaml")]) == 1
    err = capsys.readouterr().err
    assert "unknown text key" in err
    assert "valid keys starting with 'leak.'" in err
    assert "leak.no_leak ({plaintiff})" in err
    assert "all keys: mootcourt doctrine" in err

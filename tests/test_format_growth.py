"""The case format's growth (issue 10): a party's role per level and joint processing (PIPL 20),
sensitive personal information (PIPL 28, 51), sums of money, and joint and several liability.

Each case here is the template with one change, written to a temporary folder, so every test
shows what that one change does to the engine's reasoning.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from mootcourt import evaluate, load_case
from mootcourt.case import Case
from mootcourt.checking import check_case
from mootcourt.errors import CaseError

from .conftest import LESSONS

TEMPLATE = LESSONS / "_template" / "case.yaml"
Edit = Callable[[dict], None]


class _NoAnchors(yaml.SafeDumper):
    """A case file may not use anchors (the loader refuses them): write repeats out."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _case(tmp_path: Path, edit: Edit, name: str = "growth-case") -> Case:
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    data["id"] = name
    edit(data)
    folder = tmp_path / name
    folder.mkdir()
    (folder / "case.yaml").write_text(
        yaml.dump(data, Dumper=_NoAnchors, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return load_case(folder)


def _party(data: dict, party_id: str) -> dict:
    return next(p for p in data["parties"] if p["id"] == party_id)


def _courier_joint_on_appeal(data: dict) -> None:
    _party(data, "courier")["roles"] = {
        "second_instance": {"processing": "joint", "joint_with": ["defendant"], "basis": "inferred"}
    }


def test_a_role_can_differ_from_one_court_to_the_next(tmp_path: Path) -> None:
    case = _case(tmp_path, _courier_joint_on_appeal)
    assert case.role("courier", "first_instance").processing == "entrusted"
    assert case.role("courier", "second_instance").processing == "joint"
    assert case.joint_partners("defendant", "second_instance") == ("courier",)
    assert case.joint_partners("defendant", "first_instance") == ()
    judgment = evaluate(case, case.record_world())
    appeal = judgment.level("second_instance").step("attribution")
    assert "pipl-20(2)" in appeal.rules
    assert "jointly" in appeal.text("en") and "共同处理" in appeal.text("zh-CN")
    first = judgment.level("first_instance").step("attribution")
    assert "pipl-20(2)" not in first.rules, "the first court saw the courier as entrusted"
    # without the per-level role, the appeal court's step says nothing of joint processing
    plain = load_case(LESSONS / "_template")
    before = evaluate(plain, plain.record_world()).level("second_instance").step("attribution")
    assert "pipl-20(2)" not in before.rules


def _joint_defendants(data: dict) -> None:
    """The courier becomes a second defendant that processed jointly with the first and
    holds every field (so both stay possible sources)."""
    courier = _party(data, "courier")
    courier.update(role="defendant", processing="joint", joint_with=["defendant"])
    courier.pop("entrusted_by")
    courier.pop("named_by")
    courier["holds"] = {"rules": [{"fields": ["name", "phone", "order_no", "id_number"]}]}
    for level in data["levels"]:
        decided = level["as_decided"]["defendants"]
        decided["courier"] = {
            k: list(v) if isinstance(v, list) else v for k, v in decided["defendant"].items()
        }


def test_joint_processors_are_liable_jointly_and_severally_for_money(tmp_path: Path) -> None:
    case = _case(tmp_path, _joint_defendants)
    assert case.joint_partners("defendant", "second_instance") == ("courier",)
    world = case.record_world().with_toggles({"scam_loss": True})
    appeal = evaluate(case, world).level("second_instance")
    for d, other in (("defendant", "courier"), ("courier", "defendant")):
        judged = appeal.defendants[d]
        assert judged.liable and "damages" in judged.remedies
        assert judged.jointly_with == (other,)
        assert judged.awarded == {"damages": 2300.0}
        remedy = appeal.step("remedy", d)
        assert "pipl-20(2)" in remedy.rules
        assert "jointly and severally" in remedy.text("en")
        assert "连带责任" in remedy.text("zh-CN")
        processor = appeal.step("processor", d)
        assert "pipl-20(1)" in processor.rules
        attribution = appeal.step("attribution", d)
        assert str(attribution.result) == "established"
        assert "pipl-20(2)" in attribution.rules, "the source lies within the joint processing"
    # an apology alone is each defendant's own: nothing joint in the record world
    record = evaluate(case, case.record_world()).level("second_instance")
    assert record.defendants["defendant"].jointly_with == ()
    assert "连带责任" not in record.step("remedy", "defendant").text("zh-CN")


def test_declared_joint_liability_and_sums_are_checked_against_the_engine(tmp_path: Path) -> None:
    def declare(data: dict) -> None:
        _joint_defendants(data)
        for d in ("defendant", "courier"):
            outcome = data["levels"][1]["as_decided"]["defendants"][d]
            outcome.update(remedies=["apology", "damages"], awarded={"damages": 2300})
        data["levels"][1]["as_decided"]["defendants"]["defendant"]["jointly_with"] = ["courier"]
        data["levels"][1]["as_decided"]["defendants"]["courier"]["jointly_with"] = ["defendant"]
        # the first court: the certificate clears the defendant, the courier offered none
        first = data["levels"][0]["as_decided"]
        first["liable"] = True
        first["defendants"]["courier"] = {
            "liable": True,
            "remedies": ["apology", "damages"],
            "awarded": {"damages": 2300},
        }
        next(e for e in data["evidence"] if e["id"] == "scam_loss").update(
            on_record=True, source={"ref": "template-source", "passage": "facts"}
        )

    case = _case(tmp_path, declare)
    report = check_case(case)
    assert report.ok, str(report)

    def wrong_sum(data: dict) -> None:
        declare(data)
        data["levels"][1]["as_decided"]["defendants"]["courier"]["awarded"] = {"damages": 5000}

    report = check_case(_case(tmp_path, wrong_sum, "wrong-sum"))
    assert not report.ok
    assert "5000" in str(report) and "2300" in str(report)


def test_a_sensitive_leak_raises_the_bar_for_no_fault(tmp_path: Path) -> None:
    case = load_case(LESSONS / "_template")
    lenient = {"second_instance": {"rebuttal": "general_compliance"}}
    plain = evaluate(case, case.record_world(), lenient).level("second_instance")
    assert not plain.liable, "a certificate answers under general compliance"
    world = case.record_world().with_toggles({"leaked_id_number": True})
    strict = evaluate(case, world, lenient).level("second_instance")
    fault = strict.step("fault")
    assert strict.liable and str(fault.result) == "presumed"
    assert {"pipl-28(2)", "pipl-51"} <= set(fault.rules)
    assert "sensitive" in fault.text("en") and "敏感个人信息" in fault.text("zh-CN")

    def not_sensitive(data: dict) -> None:
        next(f for f in data["fields"] if f["id"] == "id_number").pop("sensitive")

    unmarked = _case(tmp_path, not_sensitive)
    same = evaluate(
        unmarked, unmarked.record_world().with_toggles({"leaked_id_number": True}), lenient
    )
    assert not same.level("second_instance").liable, "only the mark makes the difference"


def test_sums_follow_the_loss_proven_never_above_the_claim(tmp_path: Path) -> None:
    case = load_case(LESSONS / "_template")
    world = case.record_world().with_toggles({"scam_loss": True})
    appeal = evaluate(case, world).level("second_instance")
    assert appeal.defendants["defendant"].awarded == {"damages": 2300.0}
    assert "RMB 2,300" in appeal.step("remedy").text("en")
    assert "2300元" in appeal.step("remedy").text("zh-CN")

    def small_claim(data: dict) -> None:
        next(c for c in data["claims"] if c["id"] == "damages")["amount"] = 1000

    capped = _case(tmp_path, small_claim)
    judged = evaluate(capped, capped.record_world().with_toggles({"scam_loss": True}))
    remedy = judged.level("second_instance").step("remedy")
    assert judged.level("second_instance").defendants["defendant"].awarded == {"damages": 1000.0}
    assert "claimed" in remedy.text("en")

    def no_sum(data: dict) -> None:
        next(e for e in data["evidence"] if e["id"] == "scam_loss").pop("amount")

    open_sum = _case(tmp_path, no_sum, "open-sum")
    judged = evaluate(open_sum, open_sum.record_world().with_toggles({"scam_loss": True}))
    assert judged.level("second_instance").defendants["defendant"].awarded == {"damages": None}
    assert "actual circumstances" in judged.level("second_instance").step("remedy").text("en")


@pytest.mark.parametrize(
    ("edit", "field", "words"),
    [
        (
            lambda d: _party(d, "courier").update(
                roles={"appeal": {"processing": "none", "basis": "inferred"}}
            ),
            "roles.appeal",
            "unknown level 'appeal'",
        ),
        (
            lambda d: _party(d, "defendant").update(processing="joint"),
            "joint_with",
            "must name the parties it processes with",
        ),
        (
            lambda d: _party(d, "defendant").update(joint_with=["courier"]),
            "joint_with",
            "only a joint processor",
        ),
        (
            lambda d: next(c for c in d["claims"] if c["id"] == "apology").update(amount=10),
            "amount",
            "only a claim for money",
        ),
        (
            lambda d: d["levels"][1]["as_decided"]["defendants"]["defendant"].update(
                awarded={"apology": 10}
            ),
            "awarded",
            "must be a money claim",
        ),
        (
            lambda d: next(f for f in d["fields"] if f["id"] == "id_number").update(
                sensitive={"category": "address", "basis": "inferred"}
            ),
            "category",
            "specific_identity",
        ),
    ],
)
def test_bad_new_fields_are_named_at_their_line(
    tmp_path: Path, edit: Edit, field: str, words: str
) -> None:
    with pytest.raises(CaseError) as err:
        _case(tmp_path, edit)
    message = str(err.value)
    assert "case.yaml:" in message and field in message and words in message, message


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "jointly and severally"), ("zh-CN", "连带责任")]
)
def test_the_explorer_banner_shows_the_sum_and_who_owes_it_jointly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    import sys

    from mootcourt.ui import Explorer

    from .test_ui_explorer import checkbox, one

    monkeypatch.setitem(sys.modules, "mootcourt.ui.whatif", None)  # the courts only
    x = Explorer(_case(tmp_path, _joint_defendants), lang=lang)
    banner = one(x, "mc-outcome-second_instance")
    assert words not in banner.value
    checkbox(x, "scam_loss").value = True
    banner = one(x, "mc-outcome-second_instance")
    assert words in banner.value
    assert ("RMB 2,300" if lang == "en" else "2300元") in banner.value

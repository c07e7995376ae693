"""The pack format's extensions for disputes of other shapes (issue 18, the contract pack):
a walk that decides every issue, dates in rules.yaml, claims with grounds and pleaded only in
some worlds, declared appellants, and an appeal that keeps the orders below and adds one.

Each is generic (no pack's word in the engine), so each is tested on the fictional fixture
pack `refund_demo` and its case, changed in a temporary copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mootcourt import evaluate, load_case
from mootcourt.engine import Result
from mootcourt.errors import CaseError
from mootcourt.packs import find_pack

FIXTURE = Path(__file__).parent / "packs_fixture"


@pytest.fixture
def copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Writable copies of the fixture pack and its case, the pack alone on the search path."""
    pack = tmp_path / "packs" / "refund_demo"
    shutil.copytree(FIXTURE / "refund_demo", pack)
    case = tmp_path / "cases" / "demo-v-shop"
    shutil.copytree(FIXTURE / "cases" / "demo-v-shop", case)
    monkeypatch.setenv("MOOTCOURT_PACKS", str(tmp_path / "packs"))
    return pack, case


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _problems(load) -> list[str]:
    with pytest.raises(CaseError) as caught:
        load()
    return [str(p) for p in caught.value.problems]


def test_a_chain_walk_stops_and_an_independent_walk_decides_every_issue(
    copies: tuple[Path, Path],
) -> None:
    pack, case = copies
    first = evaluate(load_case(case), load_case(case).record_world()).level("first_instance")
    assert first.step("breach").result is Result.NOT_ESTABLISHED
    assert first.step("relief").result is Result.NOT_REACHED  # chain: the default
    _edit(pack / "pack.yaml", "issues:\n", "walk: independent\nissues:\n")
    assert find_pack("refund_demo").walk == "independent"
    c = load_case(case)
    first = evaluate(c, c.record_world()).level("first_instance")
    relief = first.step("relief")
    assert relief.result is Result.NOT_ESTABLISHED  # decided by its own rules
    assert relief.messages[0].key == "relief.none"


def test_a_rule_date_may_be_written_as_the_safe_loader_reads_it(
    copies: tuple[Path, Path],
) -> None:
    pack, case = copies
    rules = pack / "rules.yaml"
    _edit(
        rules,
        "  - when: ticket_bought\n",
        "  - when: {all: [ticket_bought, {not: {date: decided, before: 2000-01-01}}]}\n",
    )
    c = load_case(case)  # the pack loads: the date string is read as a date
    assert evaluate(c, c.record_world()).level("first_instance").step("contract").result is (
        Result.ESTABLISHED
    )
    _edit(rules, "before: 2000-01-01", "before: 2000-13-45")
    problems = _problems(lambda: find_pack("refund_demo"))
    assert any("rules.yaml" in p and "YYYY-MM-DD" in p for p in problems), problems


def test_a_claim_is_granted_only_where_its_grounds_hold_and_it_is_pleaded(
    copies: tuple[Path, Path],
) -> None:
    _, case = copies
    path = case / "case.yaml"
    _edit(
        path,
        "    remedy: treble\n",
        "    remedy: treble\n    grounds: {param: breach_test, is: material_change}\n",
    )
    c = load_case(case)
    second = evaluate(c, c.record_world()).level("second_instance")
    shop = second.defendants["shop"]
    assert shop.remedies == ("refund",)  # the grounds fail under any_change
    assert "treble" not in shop.awarded
    assert "three times the price" in second.step("relief").text("en")  # named as refused
    # a claim pleaded only where an item is on: absent from the world, neither granted nor
    # refused
    _edit(path, "    grounds: {param", "    when: [change_material]\n    grounds: {param")
    c = load_case(case)
    relief = evaluate(c, c.record_world()).level("second_instance").step("relief")
    assert "three times the price" not in relief.text("en")
    world = c.record_world().with_toggles({"change_material": True})
    c_doctrine = {"second_instance": {"breach_test": "material_change"}}
    shop = evaluate(c, world, c_doctrine).level("second_instance").defendants["shop"]
    assert set(shop.remedies) == {"refund", "treble"}


def test_a_claims_grounds_are_checked_at_their_line(copies: tuple[Path, Path]) -> None:
    _, case = copies
    path = case / "case.yaml"
    _edit(
        path,
        "    remedy: treble\n",
        "    remedy: treble\n    grounds: {issue: relief, is: established}\n",
    )
    problems = _problems(lambda: load_case(case))
    # the issue that grants claims cannot be a claim's ground (it reads the grounds itself)
    assert any("claims[1].grounds.issue" in p and "relief" in p for p in problems), problems
    _edit(path, "{issue: relief, is: established}", "{all: [ticket_bouhgt]}")
    problems = _problems(lambda: load_case(case))
    assert any("ticket_bought" in p for p in problems), problems  # did you mean


def _two_orders_then_three(case: Path) -> None:
    """Both levels grant the refund; only the second grants the treble (its grounds hold
    only under the second court's doctrine)."""
    path = case / "case.yaml"
    _edit(
        path,
        "    on_record: false\n    kind: fact\n",
        "    on_record: true\n    kind: fact\n    source: {ref: sheet}\n",
    )
    _edit(
        path,
        "    remedy: treble\n",
        "    remedy: treble\n    grounds: {param: breach_test, is: any_change}\n",
    )
    _edit(
        path,
        "      liable: false\n      outcome: {zh-CN: 驳回, en: Dismissed}\n      defendants:\n"
        "        shop: {liable: false, remedies: []}",
        "      liable: true\n      outcome: {zh-CN: 退款, en: Refund}\n      defendants:\n"
        "        shop: {liable: true, remedies: [refund], awarded: {refund: 100}}",
    )


def test_an_appeal_that_keeps_the_orders_below_and_adds_one_is_varied(
    copies: tuple[Path, Path],
) -> None:
    _, case = copies
    _two_orders_then_three(case)
    c = load_case(case)
    judgment = evaluate(c, c.record_world())
    text = judgment.disposition("second_instance", "en")
    assert text is not None
    assert "the first-instance orders for a refund of the price are maintained" in text
    assert "in addition, order against the shop: three times the price" in text
    assert "set aside" not in text
    zh = judgment.disposition("second_instance", "zh-CN")
    assert zh is not None and "维持一审判决中退款的判项" in zh


def test_declared_appellants_on_both_sides_are_named_and_no_appeal_is_called_allowed(
    copies: tuple[Path, Path],
) -> None:
    _, case = copies
    _two_orders_then_three(case)
    path = case / "case.yaml"
    _edit(
        path,
        "    court: {zh-CN: 某中级法院, en: An intermediate court}\n",
        "    court: {zh-CN: 某中级法院, en: An intermediate court}\n"
        "    appellants: {parties: [demo, shop], basis: given}\n",
    )
    c = load_case(case)
    text = evaluate(c, c.record_world()).disposition("second_instance", "en")
    assert text is not None
    assert text.startswith("Demo and the shop appealed.")
    assert "allowed" not in text
    # a first-instance court has no appellants
    _edit(
        path,
        "    court: {zh-CN: 某法院, en: A court}\n",
        "    court: {zh-CN: 某法院, en: A court}\n"
        "    appellants: {parties: [shop], basis: given}\n",
    )
    problems = _problems(lambda: load_case(case))
    assert any("levels[0].appellants" in p for p in problems), problems

"""Hot reload: an author edits a case file while the explorer is open, presses reload (or lets
the watch see the save), and the explorer shows the edit with the student's choices kept; a
broken edit shows its `path:line` and leaves the last good case working.

Each test works on a copy of the Liu case in a temporary folder, edited as an author would.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from mootcourt import evaluate, load_case
from mootcourt.case import stamp
from mootcourt.ui import Explorer
from mootcourt.ui.reload import carry_over, reread

from .conftest import LESSONS
from .leak_vocabulary import ISSUES
from .test_ui_explorer import checkbox, one, result_of, visible_texts, with_class
from .threads import in_a_fresh_thread

LIU = LESSONS / "liu-v-platform-2024"

RELABEL = (
    "      en: fraud calls that knew his order number, real name, phone and address\n",
    "      en: fraud calls that knew his order number, name, phone and address (relabelled)\n",
)
REMOVE = (  # an on-record item no rule and no scenario names
    """  - id: internal_investigation
    offered_by: platform
    on_record: true
    kind: assertion
    defeats: [source_is_defendant]
    label:
      zh-CN: 平台称内部调查未发现信息泄露
      en: the platform's assertion that its internal investigation found no leak
    detail:
      zh-CN: 仅为答辩主张；报道未显示一审或二审法院对此作出评价。
      en: Pleaded only; neither court is reported to have weighed it.
    source: {ref: news-2024-01-23, passage: defence}
""",
    "",
)
ADD = (  # a new hypothetical item, labelled as one
    "  - id: order_access_audit\n",
    """  - id: added_while_open
    offered_by: platform
    on_record: false
    kind: specific_processing
    rung: processing_logs
    defeats: [fault]
    label:
      zh-CN: 假设：预览时新加的一项证据
      en: "hypothetical: an item added while the explorer was open"
  - id: order_access_audit
""",
)
AUDIT = "    rung: processing_logs\n    defeats: [fault]\n    label:\n      zh-CN: 假设：刘某"
SECOND_PARTY_LEVEL = (  # the second court's preset, edited: party by party
    "        value: field_level\n        basis: reported\n",
    "        value: party_level\n        basis: reported\n",
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The Liu case copied where an author would edit it (the statute book is found through
    the installed lessons root, as for any case outside `lessons/`)."""
    target = tmp_path / "liu-copy"
    target.mkdir()
    for name in ("case.yaml", "scenarios.yaml"):
        shutil.copy(LIU / name, target / name)
    return target


def edit(path: Path, *changes: tuple[str, str]) -> None:
    """Replace each `old` (found exactly once) by `new` and save, as an editor would.

    The saved file's modification time moves forward by at least a millisecond, as two saves
    by a person always do; without it, two saves within one tick of a coarse file-system
    clock could look like one."""
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    later = max(path.stat().st_mtime_ns, before + 1_000_000)
    os.utime(path, ns=(later, later))


def changed_line(path: Path, old: str, new: str) -> int:
    """The line number, in the saved file, of the first line where `new` differs from `old`."""
    text = path.read_text(encoding="utf-8")
    start = text[: text.index(new)].count("\n") + 1
    pairs = zip(old.split("\n"), new.split("\n"), strict=False)
    return start + next(i for i, (a, b) in enumerate(pairs) if a != b)


def results(x: Explorer) -> dict[tuple[str, str, str], str]:
    return {
        (level, d, issue): result_of(x, level, d, issue)
        for level in x.case.levels
        for d in x.case.defendants
        for issue in ISSUES
    }


# the carry-over on its own (no widgets)


def test_carry_over_keeps_the_students_changes_and_takes_the_edit(folder: Path) -> None:
    old = load_case(folder)
    world = old.record_world().with_toggles(
        {"order_access_audit": True, "alias_on_waybills": False}
    )
    doctrine = {"first_instance": {"attribution": "field_level"}}
    edit(folder / "case.yaml", RELABEL, REMOVE, ADD)
    new = reread(old)
    carried = carry_over(old, world, doctrine, new)
    assert new is not old
    assert "internal_investigation" not in carried.world
    assert carried.world["order_access_audit"] is True
    assert carried.world["alias_on_waybills"] is False
    assert carried.world["added_while_open"] is new.toggles["added_while_open"].default is False
    assert carried.world["real_name_only_to_platform"] is True  # untouched: the record's
    assert sorted(carried.kept) == ["alias_on_waybills", "order_access_audit"]
    assert carried.added == ("added_while_open",)
    assert carried.dropped == ("internal_investigation",)
    assert carried.switched_off == ()
    assert carried.doctrine == doctrine
    assert carried.world.is_valid


def test_carry_over_applies_the_requires_cascade(folder: Path) -> None:
    """The edit makes an item the student turned on require one the student turned off: the
    world stays valid, the item goes off, and the summary says so."""
    old = load_case(folder)
    world = old.record_world().with_toggles(
        {"order_access_audit": True, "fraud_calls": False}, cascade=True
    )
    edit(
        folder / "case.yaml",
        (AUDIT, AUDIT.replace("    label:", "    requires: [fraud_calls]\n    label:")),
    )
    carried = carry_over(old, world, {}, reread(old))
    assert carried.world.is_valid
    assert carried.world["order_access_audit"] is False
    assert carried.switched_off == ("order_access_audit",)
    assert "order_access_audit" not in carried.kept
    assert "fraud_calls" in carried.kept


def test_carry_over_drops_doctrine_whose_level_or_value_is_gone(folder: Path) -> None:
    old = load_case(folder)
    doctrine = {
        "first_instance": {"attribution": "field_level"},
        "retrial": {"attribution": "field_level"},  # a level this case never had
    }
    carried = carry_over(old, old.record_world(), doctrine, old)
    assert carried.doctrine == {"first_instance": {"attribution": "field_level"}}
    assert carried.doctrine_dropped == (("retrial", "attribution"),)
    # an override equal to the (edited) court's own value is no override any more
    same = carry_over(
        old, old.record_world(), {"second_instance": {"attribution": "field_level"}}, old
    )
    assert same.doctrine == {} and same.doctrine_dropped == ()


def test_an_edit_to_the_scenarios_alone_is_read_without_touching_the_cached_case(
    folder: Path,
) -> None:
    old = load_case(folder)
    title = old.scenarios[0].title("en")
    edit(folder / "scenarios.yaml", (f'en: "{title}"', 'en: "The record, as the reports give it"'))
    new = reread(old)
    assert new.scenarios[0].title("en") == "The record, as the reports give it"
    assert old.scenarios[0].title("en") == title, "the shared cached case is left alone"
    assert stamp(new.path) != () and stamp(new.path) == stamp(old.path)


# the explorer


def test_reload_keeps_the_students_world_and_shows_the_edit(folder: Path) -> None:
    x = Explorer(load_case(folder), lang="en")
    checkbox(x, "mlps_assessment_report").value = True
    x.inputs.set_doctrine("first_instance", "attribution", "field_level")
    assert result_of(x, "second_instance", "platform", "attribution") == "established"
    evaluations = x.state.evaluations

    edit(folder / "case.yaml", RELABEL, REMOVE, ADD, SECOND_PARTY_LEVEL)
    assert x.reload() is True

    assert x.state.evaluations == evaluations + 1, "a reload is one evaluation"
    assert x.case is x.state.case is x.state.judgment.case
    assert checkbox(x, "mlps_assessment_report").value is True, "the student's toggle survived"
    assert x.state.doctrine == {"first_instance": {"attribution": "field_level"}}
    texts = " ".join(visible_texts(x).values())
    assert "name, phone and address (relabelled)" in texts
    assert checkbox(x, "added_while_open").value is False, "a new toggle takes its default"
    assert not with_class(x, "mc-toggle-internal_investigation"), "a removed toggle is gone"
    # the judgment is the new case's: the edited second court now judges party by party
    assert result_of(x, "second_instance", "platform", "attribution") == "not_established"
    fresh = evaluate(x.case, x.state.world, x.state.doctrine)
    assert results(x) == {
        (lv.id, s.defendant, s.issue): str(s.result) for lv in fresh.levels for s in lv.steps
    }
    # what the reload did, in the state and next to the button, in both languages
    summary = x.state.last_reload
    assert summary is not None and x.state.reloads == 1
    assert summary.added == ("added_while_open",)
    assert summary.dropped == ("internal_investigation",)
    assert "mlps_assessment_report" in summary.kept
    note = one(x, "mc-reload-note")
    assert "an item added while the explorer was open" in note.value
    assert note.layout.display != "none"
    one(x, "mc-lang").value = "zh-CN"
    assert one(x, "mc-reload").description == "⟳ 重新载入案例"
    assert "预览时新加的一项证据" in one(x, "mc-reload-note").value
    # the next input clears the note: it says what the reload did, not what the world is
    checkbox(x, "added_while_open").value = True
    assert x.state.last_reload is None
    assert one(x, "mc-reload-note").layout.display == "none"


BREAKS = {
    "unknown field": ("    kind: assertion\n", "    kinds: assertion\n"),
    "bad indentation": (
        "    defeats: [source_is_defendant]\n    label:\n      zh-CN: 平台称",
        "    defeats: [source_is_defendant]\n   label:\n      zh-CN: 平台称",
    ),
}


@pytest.mark.parametrize("kind", list(BREAKS))
def test_a_broken_edit_keeps_the_last_good_case_and_shows_where(folder: Path, kind: str) -> None:
    old, new = BREAKS[kind]
    x = Explorer(load_case(folder), lang="en")
    edit(folder / "case.yaml", RELABEL)
    assert x.reload() is True
    good = x.case
    box = one(x, "mc-reload-error")
    assert box.layout.display == "none" and not box.value

    edit(folder / "case.yaml", (old, new))
    line = changed_line(folder / "case.yaml", old, new)
    assert x.reload() is False
    assert x.case is good and x.state.case is good, "the last good case stays"
    assert x.state.reload_error
    assert box.layout.display != "none"
    assert 'role="alert"' in box.value
    assert str(folder / "case.yaml") in box.value
    assert any(f"case.yaml:{n}" in box.value for n in (line - 1, line, line + 1)), (
        f"no line near {line} in {box.value}"
    )
    assert "name, phone and address (relabelled)" in " ".join(visible_texts(x).values())
    # the last good case still answers a click
    evaluations = x.state.evaluations
    checkbox(x, "alias_on_waybills").value = False
    assert x.state.evaluations == evaluations + 1
    assert result_of(x, "second_instance", "platform", "attribution") == "not_established"

    edit(folder / "case.yaml", (new, old))
    assert x.reload() is True
    assert x.state.reload_error == ""
    assert box.layout.display == "none" and not box.value
    assert checkbox(x, "alias_on_waybills").value is False, "the click made meanwhile is kept"


def test_the_error_box_escapes_what_the_file_says(folder: Path) -> None:
    x = Explorer(load_case(folder), lang="zh-CN")
    edit(folder / "case.yaml", ("    kind: assertion\n", "    <b>kind</b>: assertion\n"))
    assert x.reload() is False
    box = one(x, "mc-reload-error")
    assert "<b>kind</b>" not in box.value and "&lt;b&gt;kind&lt;/b&gt;" in box.value
    assert "修改后的案例文件无法读取" in box.value


def test_a_broken_scenarios_file_is_a_reload_error_too(folder: Path) -> None:
    x = Explorer(load_case(folder), lang="en")
    edit(
        folder / "scenarios.yaml",
        ("  toggles: {order_access_audit: true}", "  toggles: {no_such_toggle: true}"),
    )
    assert x.reload() is False
    assert "scenarios.yaml:" in one(x, "mc-reload-error").value
    assert x.case.scenarios, "the last good scenarios stay"


def test_a_scenario_on_show_stays_on_show_unless_the_edit_changed_it(folder: Path) -> None:
    x = Explorer(load_case(folder), lang="en")
    index = next(
        i for i, s in enumerate(x.case.scenarios) if s.toggles == {"order_access_audit": True}
    )
    one(x, "mc-scenarios").value = index
    edit(folder / "case.yaml", RELABEL)
    assert x.reload() and x.state.scenario == index
    assert one(x, "mc-scenarios").value == index
    edit(
        folder / "scenarios.yaml",
        (
            "  toggles: {order_access_audit: true}",
            "  toggles: {order_access_audit: true, alias_on_waybills: false}",
        ),
    )
    assert x.reload() and x.state.scenario == -1, "the world shown is no longer that scenario"
    assert x.state.world["order_access_audit"] is True and x.state.world["alias_on_waybills"]


def test_check_for_changes_reloads_once_per_save(folder: Path) -> None:
    x = Explorer(load_case(folder), lang="en")
    assert x.check_for_changes() is None, "nothing saved, nothing done"
    edit(folder / "case.yaml", ("    kind: assertion\n", "    kinds: assertion\n"))
    assert x.check_for_changes() is False
    error, evaluations = x.state.reload_error, x.state.evaluations
    assert x.check_for_changes() is None, "a broken file is not re-read on every tick"
    assert x.state.reload_error == error and x.state.evaluations == evaluations
    edit(folder / "case.yaml", ("    kinds: assertion\n", "    kind: assertion\n"))
    assert x.check_for_changes() is True
    assert x.state.reload_error == "" and x.state.reloads == 1


def test_the_watch_runs_on_the_event_loop_and_reloads_a_save(folder: Path) -> None:
    async def scenario() -> tuple[int, bool]:
        x = Explorer(load_case(folder), lang="en", watch=True, interval=0)
        assert x.watching
        edit(folder / "case.yaml", RELABEL)
        for _ in range(5):  # let the watch take a few turns of the loop (no clock involved)
            await asyncio.sleep(0)
        reloads = x.state.reloads
        x.close()
        return reloads, x.watching

    reloads, watching = in_a_fresh_thread(lambda: asyncio.run(scenario()))
    assert reloads == 1
    assert not watching, "closing the explorer ends its watch"


def test_watch_outside_an_event_loop_says_what_to_do_instead(folder: Path) -> None:
    with pytest.raises(RuntimeError, match="reload"):
        in_a_fresh_thread(lambda: Explorer(load_case(folder), lang="en", watch=True))


# the presenter (mootcourt present) shares the state and the control


def test_the_presenter_reloads_keeping_the_room_where_it_was(folder: Path) -> None:
    from mootcourt.ui.presenter import Presenter

    p = Presenter(load_case(folder), lang="en")
    p.next_button.click()
    p.next_button.click()
    position = p.steps.position
    p.open_inputs.value = True
    checkbox(p, "order_access_audit").value = True
    scenario = next(s for s in p.case.scenarios if s.changes == 1)
    title = scenario.title("en")
    edit(folder / "case.yaml", RELABEL, SECOND_PARTY_LEVEL)
    edit(folder / "scenarios.yaml", (f'en: "{title}"', 'en: "A retitled hypothetical"'))
    assert p.reload() is True
    assert p.case is p.state.case and p.steps.position == position
    assert checkbox(p, "order_access_audit").value is True, "the open inputs, rebuilt"
    assert "(relabelled)" in checkbox(p, "fraud_calls").description
    assert "A retitled hypothetical" in [b.description for b in p.hypotheticals.values()]
    assert p.bar.children == tuple(p.hypotheticals.values())
    assert p.grid_box.children == (p.grid,)
    assert p.grid.cells and all(key[0] in p.case.levels for key in p.grid.cells)
    p.all_button.click()
    attribution = p.grid.cells[("second_instance", "platform", "attribution")]
    assert "mc-result-not_established" in attribution._dom_classes, "the edited court's doctrine"
    assert one(p, "mc-reload-note").layout.display != "none"

    edit(folder / "case.yaml", ("    kind: assertion\n", "    kinds: assertion\n"))
    assert p.reload() is False
    box = one(p, "mc-reload-error")
    assert box.layout.display != "none" and "case.yaml:" in box.value
    # the inputs of the last good case still work
    checkbox(p, "alias_on_waybills").value = False
    assert p.state.world["alias_on_waybills"] is False

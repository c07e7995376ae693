"""Every view on every pack: the explorer (evidence, parties, doctrine, What-if), the presenter,
the moot court (argue, bench, judge) and the lesson outputs, built on a case of a pack other
than the leak's, with no pack-specific code.

The fictional rules-only fixture `demo-v-shop` (pack `refund_demo`) is always here; the Guo
case (pack `contract_processing`) joins once it is installed. Each test sets a value as a
student would (a checkbox, a dropdown, a button) and checks what the widgets then hold against
the engine's own evaluation of the same world: nothing here is a stored answer.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import ipywidgets as widgets
import pytest

from mootcourt import Case, evaluate, load_case
from mootcourt.cli import main
from mootcourt.engine import Result
from mootcourt.lessons import installed_root
from mootcourt.ui import Explorer, MootCourt, hooks
from mootcourt.ui.presenter import Presenter

from .test_ui_explorer import checkbox, result_of, verdict, visible_texts

FIXTURE = Path(__file__).parent / "packs_fixture"
DEMO = FIXTURE / "cases" / "demo-v-shop"
GUO = "guo-v-hangzhou-wildlife-world-2021"
ROOT = installed_root()
CASES = ["demo"] + (["guo"] if ROOT and (ROOT / GUO / "case.yaml").is_file() else [])
LANGS = ("en", "zh-CN")
RAW_KEY = re.compile(r"\b(ui|cli|course|moot|value|param|issue|result)\.[a-z_]+\.?[a-z_]*\b")


@pytest.fixture(autouse=True)
def _packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture pack on the search path; briefs written into a folder of the test's own."""
    monkeypatch.setenv("MOOTCOURT_PACKS", str(FIXTURE))
    monkeypatch.setenv("MOOTCOURT_BRIEFS", str(tmp_path / "briefs"))


@pytest.fixture(params=CASES)
def case(request: pytest.FixtureRequest) -> Case:
    return load_case(DEMO) if request.param == "demo" else load_case(GUO)


def _flippable(case: Case, explorer: Explorer) -> list[str]:
    """The toggles a student can click now (not blocked by another), evidence or party."""
    return [t for t in case.toggles if not explorer.state.world.blocked_by(t)]


def _box(explorer: Explorer, toggle: str) -> widgets.Checkbox:
    return checkbox(explorer, toggle)


def _shows_the_engine(explorer: Explorer, case: Case) -> None:
    """Every court's banner and every step's mark are what the engine finds for the world and
    doctrine the explorer now holds."""
    judgment = evaluate(case, explorer.state.world, explorer.state.doctrine)
    for lv in judgment.levels:
        assert verdict(explorer, lv.id) == lv.liable, lv.id
        for step in lv.steps:
            assert result_of(explorer, lv.id, step.defendant, step.issue) == step.result.value


# --- the explorer --------------------------------------------------------------------------


def test_the_explorer_follows_every_checkbox(case: Case) -> None:
    explorer = Explorer(case, lang="en")
    _shows_the_engine(explorer, case)
    moved = 0
    for toggle in _flippable(case, explorer):
        before = {lv.id: lv.liable for lv in explorer.judgment.levels}
        box = _box(explorer, toggle)
        box.value = not box.value
        assert explorer.state.world[toggle] == box.value
        _shows_the_engine(explorer, case)
        moved += before != {lv.id: lv.liable for lv in explorer.judgment.levels}
        box.value = not box.value
    assert moved, "some item of evidence turns some court's outcome"
    _shows_the_engine(explorer, case)


def test_the_explorer_follows_a_doctrine_dropdown(case: Case) -> None:
    explorer = Explorer(case, lang="zh-CN")
    changed = 0
    for level in explorer.doctrine.levels:
        for choice in level.choices:
            values = [v for _, v in choice.choice.options if v != choice.choice.value]
            if not values:
                continue
            choice.choice.value = values[0]
            assert explorer.state.doctrine[level.level_id][choice.param] == values[0]
            _shows_the_engine(explorer, case)
            changed += 1
            level.reset.click()
    assert changed, "some court has a parameter with another value"
    assert not any(explorer.state.doctrine.values())


def test_the_parties_tab_shows_what_the_pack_has(case: Case) -> None:
    """A pack without a data-flow hook: the tab lists the parties with their role and the
    attributes its rules read, and draws no matrix and no sources (and never raises)."""
    explorer = Explorer(case, lang="en")
    flows = [lv.sources for lv in explorer.judgment.levels]
    panel = explorer.parties
    if any(flow is not None for flow in flows):
        assert "mc-matrix" in panel.matrix.value
        return
    assert "mc-matrix" not in panel.matrix.value
    assert all(box.value == "" for box in panel.sources.values())
    for party in case.file.parties:
        assert case.label(party.id, "en") in panel.matrix.value
        for attribute in party.attributes:
            assert case.messages("en")(f"attribute.{attribute}") in panel.matrix.value
    explorer.language.value = "zh-CN"
    for party in case.file.parties:
        assert case.label(party.id, "zh-CN") in panel.matrix.value


def test_the_whatif_tab_matches_the_cli(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    """On every pack's case, Guo's included: its 11-toggle blocks are minimised from the
    diagram (`analysis.cover`), so its whole analysis takes about 2 s, not 16."""
    explorer = Explorer(case, lang="en")
    explorer.tabs.selected_index = len(explorer.tabs.children) - 1  # the What-if tab
    explorer.settle()
    assert main(["explain", str(case.path.parent), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    expected = {
        e["toggle"]: tuple(lv for lv, c in e["levels"].items() if c["changes"])
        for e in data["sensitivity"]
    }
    assert explorer.flips == expected
    assert any(expected.values()), "some toggle moves some court"
    assert "mc-wi-flip-" in explorer.whatif.now.value


@pytest.mark.parametrize("lang", LANGS)
def test_the_explorer_speaks_each_language_without_raw_keys(case: Case, lang: str) -> None:
    explorer = Explorer(case, lang="en" if lang == "zh-CN" else "zh-CN")
    explorer.language.value = lang
    for address, text in visible_texts(explorer).items():
        assert not RAW_KEY.search(text), f"{address}: {text[:120]}"
        assert "{" not in text, f"{address}: {text[:120]}"


# --- the presenter --------------------------------------------------------------------------


def test_the_presenter_reveals_the_record_and_each_hypothetical(case: Case) -> None:
    p = Presenter(case, "en")
    assert not p.next_button.disabled
    p.all_button.click()
    record = evaluate(case, case.record_world())
    for lv in record.levels:
        want = hooks.LIABLE if lv.liable else hooks.NOT_LIABLE
        assert want in p.grid.banners[lv.id]._dom_classes, lv.id
    assert p.hypotheticals, "single-change scenarios are one click away"
    for index, button in p.hypotheticals.items():
        button.click()
        chosen = case.scenarios[index]
        world = case.record_world().with_toggles(chosen.toggles)
        for lv in evaluate(case, world, chosen.doctrine).levels:
            want = hooks.LIABLE if lv.liable else hooks.NOT_LIABLE
            assert want in p.grid.banners[lv.id]._dom_classes, (chosen.name, lv.id)
        assert p.why.value
    p.record.click()
    assert not p.why.value


def test_the_presenters_inputs_flip_a_court(case: Case) -> None:
    p = Presenter(case, "zh-CN")
    p.all_button.click()
    p.open_inputs.value = True
    assert p.inputs is not None
    record = evaluate(case, case.record_world())
    for toggle in case.toggles:
        if p.state.world.blocked_by(toggle):
            continue
        p._toggle(toggle, not p.state.world[toggle])
        now = evaluate(case, p.state.world)
        for lv in now.levels:
            want = hooks.LIABLE if lv.liable else hooks.NOT_LIABLE
            assert want in p.grid.banners[lv.id]._dom_classes
        if [lv.liable for lv in now.levels] != [lv.liable for lv in record.levels]:
            return
        p._toggle(toggle, not p.state.world[toggle])
    pytest.fail("no single toggle moved a court in the presenter")


# --- the moot court -------------------------------------------------------------------------


def _other_result(results: tuple[str, ...], found: str) -> str:
    return next(r for r in results if r != found and r != Result.NOT_REACHED.value)


@pytest.mark.parametrize("lang", LANGS)
def test_a_point_holds_where_the_court_found_it_and_fails_elsewhere(case: Case, lang: str) -> None:
    record = evaluate(case, case.record_world())
    defendant = case.defendants[0]
    moot = MootCourt(case, lang=lang, side=case.plaintiff)
    moot.add.click()
    for lv in record.levels:
        moot.court.value = lv.id
        for issue in case.pack.issues:
            found = lv.step(issue, defendant).result.value
            if found == Result.NOT_REACHED.value:
                continue
            moot.editor.issue.value = issue
            moot.editor.claim.value = found
            assert moot.state.brief.points[0].issue == issue
            assert "mc-moot-holds" in moot.feedback.value, (lv.id, issue)
            moot.editor.claim.value = _other_result(case.pack.issue[issue].results, found)
            assert "mc-moot-fails" in moot.feedback.value, (lv.id, issue)
    assert Path(moot.state.saved_to).is_file(), "the brief is saved as it changes"


def test_the_bench_and_judge_modes_on_any_pack(case: Case) -> None:
    moot = MootCourt(case, lang="en", side=case.defendants[0])
    moot.add.click()
    moot.editor.issue.value = case.pack.issues[-1]
    moot.mode.value = "bench"
    assert moot._answers, "the bench asks about the point"
    key = next(iter(moot._answers))
    moot._answers[key].value = "Because the record shows it."
    assert moot.state.brief.answer_to(key) == "Because the record shows it."
    level = next(iter(case.levels))
    moot.court.value = level
    moot.mode.value = "judge"
    moot.add.click()
    issue = case.pack.issues[0]
    found = evaluate(case, case.record_world()).level(level).step(issue, case.defendants[0])
    moot.editor.issue.value = issue
    moot.editor.claim.value = found.result.value
    assert moot.state.judgment.side == "court"
    assert "mc-moot-holds" in moot.report.value
    for lang in LANGS:
        moot.language.value = lang
        text = moot.report.value + moot.feedback.value + moot.title.value
        assert "ui.moot." not in text and not RAW_KEY.search(text)


def test_a_brief_exports_and_plays_on_the_projector(case: Case, tmp_path: Path) -> None:
    moot = MootCourt(case, lang="zh-CN", side=case.plaintiff)
    moot.add.click()
    moot.editor.issue.value = case.pack.issues[-1]
    written = moot.export("md")
    assert written is not None and written.read_text(encoding="utf-8").strip()
    html = moot.export("html")
    assert html is not None and html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    projector = MootCourt(case, lang="en", path=Path(moot.state.saved_to), projector=True)
    for _ in range(10):
        projector.next_button.click()
    assert projector.next_button.disabled and "mc-moot-slide-summary" in projector.stage.value
    assert not RAW_KEY.search(projector.stage.value)


# --- the lesson outputs ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_lesson_output_prints_for_any_pack(case: Case, lang: str) -> None:
    from mootcourt import course

    record = evaluate(case, case.record_world())
    printed = [
        course.outcomes(case, lang),
        course.divergence(case, lang),
        course.timeline(case, lang),
        *(course.reasoning(case, lv, lang) for lv in case.levels),
        *(course.outcome_changers(case, lv, lang) for lv in case.levels),
        *(course.hypothetical(case, s.name, lang) for s in case.scenarios),
        *(course.data_flow(case, lv, lang) for lv in case.levels),
    ]
    for text in printed:
        assert text and not RAW_KEY.search(text), text[:200]
    last = record.levels[-1]
    for step in last.steps:
        assert step.text(lang) in course.reasoning(case, last.id, lang)

"""The moot court widget: set a value as a student would, check the state and what is drawn.

No browser: ipywidgets run in Python, so setting a control's value runs the same observers a
click does. Every test works in a folder of its own (`MOOTCOURT_BRIEFS`), so nothing is ever
written into a real student's folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from mootcourt import Case
from mootcourt.moot import Brief, Point, default_path, load_brief, save_brief
from mootcourt.ui import MootCourt
from mootcourt.ui.moot_views import slide_count


@pytest.fixture(autouse=True)
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    briefs = tmp_path / "briefs"
    monkeypatch.setenv("MOOTCOURT_BRIEFS", str(briefs))
    return briefs


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _text(moot: MootCourt) -> str:
    """Everything the widget shows as text: HTML values, labels, options, placeholders."""
    import ipywidgets as widgets

    out: list[str] = []

    def walk(w: widgets.Widget) -> None:
        shown = ("value",) if isinstance(w, widgets.HTML | widgets.Text | widgets.Textarea) else ()
        for name in (*shown, "description", "placeholder", "tooltip"):
            v = getattr(w, name, None)
            if isinstance(v, str) and "<style>" not in v:
                out.append(v)
        for label in getattr(w, "_options_labels", ()) or ():
            out.append(label)
        for child in getattr(w, "children", ()):
            walk(child)

    walk(moot)
    return "\n".join(out)


def test_building_the_widget_writes_nothing(liu: Case, folder: Path) -> None:
    moot = MootCourt(liu, lang="en")
    assert _files(folder) == []
    assert moot.state.saved_to == "" and moot.state.checks == 1
    assert "mc-moot" in moot._dom_classes


def test_choosing_a_side_and_a_court_by_their_labels(liu: Case) -> None:
    moot = MootCourt(liu, lang="en")
    labels = dict((v, k) for k, v in moot.side.options)
    assert labels["platform"].startswith(liu.label("platform", "en"))
    assert all(label != value for label, value in moot.side.options + moot.court.options)
    moot.side.value = "platform"
    moot.court.value = "first_instance"
    assert (moot.state.brief.side, moot.state.brief.court) == ("platform", "first_instance")
    assert liu.label("platform", "en") in moot.points_head.value


def test_adding_a_point_and_the_feedback_after_a_change(liu: Case, folder: Path) -> None:
    moot = MootCourt(liu, lang="en", side="platform", court="second_instance")
    moot.add.click()
    assert moot.state.selected == 0 and moot.editor.layout.display != "none"
    checks = moot.state.checks
    moot.editor.issue.value = "attribution"
    assert moot.state.checks == checks + 1, "one input, one check"
    assert moot.state.brief.points[0].claim == "not_established"
    # the appeal court found the platform the source: the point fails there ...
    assert "mc-moot-fails" in moot.feedback.value
    assert "◆" in moot.feedback.value, "attribution is where the courts part ways"
    # ... and holds before the first court
    moot.court.value = "first_instance"
    assert "mc-moot-holds" in moot.feedback.value
    assert load_brief(moot.state.saved_to) == moot.state.brief, "the points carried are saved"
    assert moot.state.saved_to.endswith("--platform--first_instance.yaml")
    moot.editor.rules.value = ("cpl-interp-108",)
    moot.editor.evidence["logistics"].value = True
    assert moot.state.brief.points[0].rules == ("cpl-interp-108",)
    assert moot.state.brief.points[0].evidence == ("logistics",)
    moot.state.select(0)
    assert moot.points.options[0][0].startswith("1. " + liu.issue_label("attribution", "en"))


def test_every_change_is_saved_atomically_and_loads_again(
    liu: Case, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mootcourt.moot.files as files

    replaced: list[tuple[str, str]] = []
    real = os.replace

    def spy(src: str, dst: str) -> None:
        replaced.append((str(src), str(dst)))
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", spy)
    moot = MootCourt(liu, lang="en", side="platform")
    moot.add.click()
    moot.editor.text.value = "The platform met its duty."
    saved = Path(moot.state.saved_to)
    assert saved == default_path(moot.state.brief)
    assert load_brief(saved) == moot.state.brief
    assert len(replaced) == 2, "two changes, two atomic replacements"
    assert all(Path(src).parent == saved.parent and dst == str(saved) for src, dst in replaced)
    assert _files(folder) == [saved.name], "no temporary file is left behind"
    assert "Saved" in moot.status.value and str(saved) in moot.status.value


def test_a_broken_brief_on_disk_is_never_overwritten(liu: Case, folder: Path) -> None:
    folder.mkdir(parents=True)
    broken = default_path(Brief(case=liu.id, side="liu", court="second_instance"), folder)
    text = "schema_version: 1\ncase: liu-v-platform-2024\nside: liu\ncourt: nowhere\n"
    broken.write_text(text, encoding="utf-8")
    moot = MootCourt(liu, lang="en")
    assert re.search(rf"{re.escape(str(broken))}:4: court", moot.state.load_error)
    assert f"{broken}:4" in moot.status.value, "the page shows file:line"
    moot.add.click()
    assert broken.read_text(encoding="utf-8") == text, "the broken file is untouched"
    beside = Path(moot.state.saved_to)
    assert beside.name.endswith(".autosave.yaml") and beside != broken
    assert load_brief(beside) == moot.state.brief
    assert f"{broken}:4" in moot.state.save_error
    moot.editor.text.value = "again"
    assert broken.read_text(encoding="utf-8") == text
    assert load_brief(beside).points[0].text == "again"


def test_a_refused_change_keeps_the_brief_and_says_why(liu: Case) -> None:
    moot = MootCourt(liu, lang="en")
    moot.add.click()
    before = moot.state.brief
    moot.state.update_point(0, rules=("no-such-law-1",))
    assert moot.state.brief == before
    assert "no-such-law-1" in moot.state.error
    assert "mc-moot-problem" in moot.status.value


def test_the_bench_asks_and_the_answers_are_saved(liu: Case) -> None:
    moot = MootCourt(liu, lang="en", side="platform")
    moot.add.click()
    moot.editor.issue.value = "fault"
    moot.editor.claim.value = "rebutted"
    moot.mode.value = "bench"
    assert moot.editor.layout.display == "none"
    keys = list(moot._answers)
    assert keys, "the bench asks about the point"
    assert any(k.startswith("fault.burden") for k in keys)
    moot._answers[keys[0]].value = "The platform, to a high probability."
    assert moot.state.brief.answer_to(keys[0]) == "The platform, to a high probability."
    assert load_brief(moot.state.saved_to).answer_to(keys[0]).startswith("The platform")


def test_judge_mode_compares_the_students_judgment_with_the_court(liu: Case) -> None:
    moot = MootCourt(liu, lang="en", court="first_instance")
    moot.mode.value = "judge"
    assert moot.side.layout.display == "none" and moot.state.report is None
    moot.add.click()
    moot.editor.issue.value = "attribution"
    moot.editor.claim.value = "established"
    judgment = moot.state.judgment
    assert judgment.side == "court" and judgment.court == "first_instance"
    assert "mc-moot-fails" in moot.report.value, "the first court did not find the source"
    moot.editor.claim.value = "not_established"
    assert "mc-moot-holds" in moot.report.value
    assert load_brief(moot.state.saved_to) == moot.state.judgment
    moot.mode.value = "argue"
    assert moot.state.brief.side == "liu" and moot.report.value == ""


def test_the_other_sides_brief_is_shown(liu: Case) -> None:
    moot = MootCourt(liu, lang="en", side="liu")
    assert liu.label("platform", "en") in moot.opposing.value
    assert "<details" in moot.opposing.value


@pytest.mark.parametrize("side", ["qunar", "china_eastern"])
def test_either_defendant_in_pang(pang: Case, side: str) -> None:
    moot = MootCourt(pang, lang="zh-CN", side=side)
    moot.add.click()
    assert moot.editor.against.layout.display == "none", "a defendant argues its own case"
    assert moot.state.brief.points[0].claim == "not_established"
    assert "mc-moot-verdict" in moot.feedback.value
    plaintiff = MootCourt(pang, lang="zh-CN", side="pang")
    plaintiff.add.click()
    assert plaintiff.editor.against.layout.display != "none"
    plaintiff.editor.against.value = side
    assert plaintiff.state.brief.points[0].against == side


@pytest.mark.parametrize("case_id", ["liu", "pang"])
def test_a_language_switch_leaves_no_raw_key_and_no_bare_id(
    request: pytest.FixtureRequest, case_id: str
) -> None:
    case: Case = request.getfixturevalue(case_id)
    moot = MootCourt(case, lang="en")
    moot.add.click()
    for mode in ("bench", "judge", "argue"):
        moot.mode.value = mode
        if mode == "judge":
            moot.add.click()
        for lang in ("zh-CN", "en"):
            moot.language.value = lang
            text = re.sub(r"<code>.*?</code>", "", _text(moot))  # the saved file's path
            text = re.sub(r'href="[^"]*"', "", text)
            assert "ui.moot." not in text and "moot." not in text, "a catalogue key leaked"
            ids = [*case.toggles, *case.levels, *case.defendants, "not_established"]
            leaked = [i for i in ids if "_" in i and re.search(rf"\b{i}\b", text)]
            assert not leaked, f"bare ids in the page ({mode}, {lang}): {leaked}"
    moot.language.value = "zh-CN"
    assert re.search(r"[\u4e00-\u9fff]", moot.title.value)


def test_the_round_on_the_projector_steps_through_and_writes_nothing(
    liu: Case, folder: Path
) -> None:
    brief = Brief(
        case=liu.id,
        side="platform",
        court="second_instance",
        lang="en",
        author="Team 3",
        points=(
            Point(issue="attribution", claim="not_established", evidence=("logistics",)),
            Point(issue="fault", claim="rebutted", evidence=("mlps_level3_filings",)),
        ),
    )
    path = save_brief(brief, folder / "team3.yaml")
    stamp = path.stat().st_mtime_ns
    moot = MootCourt(liu, lang="en", path=path, projector=True)
    assert "mc-moot-projector" in moot._dom_classes
    assert "Team 3" in moot.title.value
    assert slide_count(moot.state) == 7
    assert "mc-moot-slide-point" in moot.stage.value
    assert "mc-moot-slide-bench" not in moot.stage.value and moot.previous_button.disabled
    moot.arrows.next += 1
    assert moot.slide == 1 and "mc-moot-slide-bench" in moot.stage.value
    moot.arrows.next += 1
    assert "mc-moot-slide-reply" in moot.stage.value and "mc-moot-verdict" in moot.stage.value
    moot.arrows.previous += 1
    assert moot.slide == 1
    for _ in range(10):
        moot.next_button.click()
    assert moot.slide == 6 and moot.next_button.disabled
    assert "mc-moot-slide-summary" in moot.stage.value
    assert moot.choose.options[0][0].startswith("Team 3")
    moot.language.value = "zh-CN"
    assert "ui.moot" not in moot.stage.value
    assert path.stat().st_mtime_ns == stamp and _files(folder) == ["team3.yaml"]


def test_export_offers_markdown_and_html(liu: Case, folder: Path) -> None:
    moot = MootCourt(liu, lang="en", side="platform")
    moot.add.click()
    written = moot.export("md")
    assert written is not None and written.suffix == ".md" and written.is_file()
    assert 'download="' in moot.exported.value
    html = moot.export("html")
    assert html is not None and html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_repr_is_deterministic(liu: Case) -> None:
    assert repr(MootCourt(liu, lang="en")) == (
        "<MootCourt liu-v-platform-2024 argue side=liu court=second_instance lang=en>"
    )


def test_switching_to_a_saved_brief_with_fewer_points_resumes_it(liu: Case) -> None:
    """Found by the browser test: the selection must follow the resumed brief at once."""
    first = MootCourt(liu, lang="en")
    first.add.click()
    first.editor.issue.value = "attribution"
    first.court.value = "first_instance"  # the point is carried over, and saved there
    again = MootCourt(liu, lang="zh-CN")  # resumes the appeal brief: one point
    assert len(again.state.brief.points) == 1
    again.add.click()
    assert again.state.selected == 1
    again.court.value = "first_instance"  # resumes that brief: one point again
    assert len(again.state.brief.points) == 1 and again.state.selected == 0
    assert again.points.value == 0 and "mc-moot-fails" in again.feedback.value
    assert again.state.saved_to.endswith("--liu--first_instance.yaml")

"""Briefs on disk: the round trip, every way a brief breaks (with file:line), atomic saves
that never overwrite a broken brief, and a process killed mid-save that never leaves a brief
that fails to load."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mootcourt.moot import (
    Answer,
    Brief,
    BriefError,
    Point,
    autosave_path,
    default_path,
    list_briefs,
    load_brief,
    save_brief,
    student_folder,
)
from mootcourt.moot.files import dumps

from .conftest import liu_fault_rebuttal

BROKEN = Path(__file__).parent / "broken_briefs"
LIU = "liu-v-platform-2024"


def _brief(text: str = "The platform met its duty.") -> Brief:
    return Brief(
        LIU,
        "platform",
        "second_instance",
        "zh-CN",
        "第三组",
        (liu_fault_rebuttal(text),),
        (Answer("fault.burden", "平台，高度可能性"),),
    )


@pytest.mark.parametrize(
    "text",
    [
        "one line",
        "two\nlines",
        "yes",
        "on",
        "2024-01-01",
        "- a\n# b: c",
        " lead\n\ttab ",
        "中文：冒号",
        "",
    ],
)
def test_round_trip(tmp_path: Path, text: str) -> None:
    brief = _brief(text)
    path = save_brief(brief, tmp_path / "b.yaml")
    assert load_brief(path) == brief


def test_the_file_is_readable_by_an_instructor(tmp_path: Path) -> None:
    text = dumps(_brief("first paragraph\nsecond"))
    assert text.startswith("schema_version: 1\ncase: liu-v-platform-2024\nside: platform\n")
    assert "text: |-\n" in text and "第三组" in text


def test_immutable_updates() -> None:
    brief = _brief()
    more = brief.with_point(Point("attribution", "not_established"))
    assert len(brief.points) == 1 and len(more.points) == 2
    assert more.without_point(0).points[0].issue == "attribution"
    assert more.replace_point(1, Point("leak", "not_established")).points[1].issue == "leak"
    answered = brief.with_answer(Answer("fault.burden", "again"))
    assert answered.answer_to("fault.burden") == "again" and len(answered.answers) == 1


def _expected(path: Path) -> tuple[int, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.match(r"# line: (\d+) ?(\S*)", first)
    assert match, path
    return int(match[1]), match[2]


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_broken_brief_gives_file_and_line(path: Path) -> None:
    line, field = _expected(path)
    with pytest.raises(BriefError) as raised:
        load_brief(path)
    first = raised.value.problems[0]
    assert first.file == str(path)
    assert first.line == line, str(raised.value)
    if field:
        assert first.field == field, str(raised.value)
    assert str(first).startswith(f"{path}:{line}: ")


def test_unknown_ids_list_the_valid_ones() -> None:
    with pytest.raises(BriefError, match=r"valid: liu, platform, court"):
        load_brief(BROKEN / "unknown_side.yaml")
    with pytest.raises(BriefError, match=r"valid: qunar, china_eastern"):
        load_brief(BROKEN / "missing_against.yaml")


def test_a_broken_brief_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "b.yaml"
    broken = (BROKEN / "bad_claim.yaml").read_bytes()
    target.write_bytes(broken)
    with pytest.raises(BriefError, match=r"b.yaml:8: points\[0\].claim.*\n.*not overwritten"):
        save_brief(_brief(), target)
    assert target.read_bytes() == broken
    beside = save_brief(_brief(), autosave_path(target))
    assert beside.name == "b.autosave.yaml" and load_brief(beside) == _brief()


def test_a_brief_that_does_not_check_is_not_written(tmp_path: Path) -> None:
    target = save_brief(_brief(), tmp_path / "b.yaml")
    before = target.read_bytes()
    wrong = _brief().with_point(Point("fault", "rebutted", evidence=("nothing_like_it",)))
    with pytest.raises(BriefError, match=r"<brief>: points\[1\]\.evidence\[0\]: unknown item"):
        save_brief(wrong, target)
    assert target.read_bytes() == before


def test_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    for i in range(5):
        save_brief(_brief(f"version {i}"), tmp_path / "b.yaml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.yaml"]
    assert list_briefs(tmp_path) == [tmp_path / "b.yaml"]


def test_student_folder_and_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOOTCOURT_BRIEFS", str(tmp_path / "class"))
    assert student_folder() == tmp_path / "class" and (tmp_path / "class").is_dir()
    assert default_path(_brief()).name == "liu-v-platform-2024--platform--second_instance.yaml"
    monkeypatch.delenv("MOOTCOURT_BRIEFS")
    assert student_folder(create=False).parts[-2:] == ("mootcourt", "briefs")


SAVER = """
import sys
from mootcourt.moot import Brief, Point, save_brief
from mootcourt.moot.files import case_of
path = sys.argv[1]
brief = Brief("liu-v-platform-2024", "platform", "second_instance", "en")
case = case_of(brief)
print("ready", flush=True)
i = 0
while True:
    i += 1
    text = ("paragraph %d " % i) * (1 + i % 300)
    save_brief(brief.with_point(Point("fault", "rebutted", text=text)), path, case)
"""


@pytest.mark.slow
def test_killing_the_process_mid_save_never_leaves_a_broken_brief(tmp_path: Path) -> None:
    """A subprocess saves a growing brief in a loop; it is SIGKILLed at random moments, 30
    times. After every kill the brief on disk loads (the last good save, or the new one)."""
    import random

    rng = random.Random(14)
    target = tmp_path / "brief.yaml"
    save_brief(Brief(LIU, "platform", "second_instance", "en"), target)
    for _ in range(30):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(target)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        brief = load_brief(target)  # never raises
        assert brief.case == LIU
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    assert all(p.name.startswith(".brief.yaml.") for p in leftovers)
    assert list_briefs(tmp_path) == [target]

"""Student work on a hub: pulling a new version of the course never overwrites it.

nbgitpuller (run in-process here, exactly the code a hub's `git-pull` link runs) clones the
course into the student's home, then on every later click commits the student's changes
locally and merges the course with `-Xours`: where the student and the instructor changed
the same lines the student's side wins; the instructor's other changes come in. A lesson the
student deleted or renamed comes back fresh, which is how a student gets the instructor's new
version of a lesson they had edited. Briefs are not in the course folder at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .course import LESSON_FILE, NOTES_CELL, TITLE_CELL, Course, cell_text, edit_notebook, set_cell

nbgitpuller = pytest.importorskip("nbgitpuller")


def pull(course: Course, folder: Path) -> list[str]:
    """What a student's click on the course link does to their copy."""
    return list(nbgitpuller.GitPuller(course.url, str(folder)).pull())


@pytest.fixture
def course(tmp_path: Path) -> Course:
    return Course(tmp_path)


@pytest.fixture
def student_copy(course: Course, tmp_path: Path) -> Path:
    """The course as a student's first click leaves it in their home."""
    folder = tmp_path / "home" / "alice" / "mootcourt"
    pull(course, folder)
    assert (folder / LESSON_FILE).is_file()
    return folder


def test_a_new_version_of_a_lesson_keeps_the_students_edit(
    course: Course, student_copy: Path
) -> None:
    mine = student_copy / LESSON_FILE
    edit_notebook(mine, set_cell(NOTES_CELL, "My notes: attribution, not fault."))
    course.publish(LESSON_FILE, set_cell(TITLE_CELL, "# Lesson 5 · Where the courts part (v2)"))

    pull(course, student_copy)

    assert cell_text(mine, NOTES_CELL) == "My notes: attribution, not fault."
    # the instructor's change elsewhere in the lesson came in, and the notebook is valid
    assert cell_text(mine, TITLE_CELL) == "# Lesson 5 · Where the courts part (v2)"


def test_the_students_side_wins_where_both_changed_the_same_cell(
    course: Course, student_copy: Path
) -> None:
    mine = student_copy / LESSON_FILE
    edit_notebook(mine, set_cell(NOTES_CELL, "My notes, in my words."))
    course.publish(LESSON_FILE, set_cell(NOTES_CELL, "The instructor's new explanation."))

    pull(course, student_copy)

    assert cell_text(mine, NOTES_CELL) == "My notes, in my words."
    # The new version is not lost: the student keeps theirs under another name and clicks
    # the link again; nbgitpuller restores the lesson as the course has it now.
    kept = mine.with_name("05-mine.ipynb")
    mine.rename(kept)
    pull(course, student_copy)
    assert mine.read_text(encoding="utf-8") == course.upstream(LESSON_FILE)
    assert cell_text(kept, NOTES_CELL) == "My notes, in my words."


def test_briefs_live_in_the_students_data_folder_never_in_the_course(
    course: Course, student_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mootcourt.moot import Brief, Point, load_brief, save_brief

    home = tmp_path / "home" / "alice"
    monkeypatch.setenv("HOME", str(home))  # what the hub's spawner gives each student
    monkeypatch.delenv("MOOTCOURT_BRIEFS", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    brief = Brief("liu-v-platform-2024", "platform", "second_instance", "en", author="alice")
    saved = save_brief(brief.with_point(Point("fault", "rebutted", text="Audit logs.")))

    assert saved.is_relative_to(home / ".local" / "share" / "mootcourt" / "briefs")
    assert not saved.is_relative_to(student_copy)
    course.publish(LESSON_FILE, set_cell(TITLE_CELL, "# v3"))
    pull(course, student_copy)
    assert load_brief(saved) == brief.with_point(Point("fault", "rebutted", text="Audit logs."))
    assert not list(student_copy.rglob("*--*--*.yaml"))

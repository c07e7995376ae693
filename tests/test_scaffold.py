"""`mootcourt new`: a new case folder validates and checks before the author changes a line,
and the template it comes from stays a working case."""

from __future__ import annotations

from pathlib import Path

import pytest

from mootcourt import load_case
from mootcourt.cli import main

from .conftest import CASE_IDS, LESSONS


def test_new_from_the_template_validates_and_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "zhang-v-shop-2023"
    assert main(["new", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "checked (the record as decided at 2 levels, 5 scenarios)" in out
    assert f"mootcourt check {folder}" in out
    assert str(LESSONS / "AUTHORING.md") in out, "the guide, where this installation keeps it"
    case = load_case(folder)
    assert case.id == "zhang-v-shop-2023", "the folder name is the case id"
    assert len(case.scenarios) == 5
    assert main(["check", str(folder)]) == 0
    # the template's comments come along: they are the author's first documentation
    assert "mootcourt doctrine" in (folder / "case.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_new_from_a_case_copies_it_under_the_new_id(case_id: str, tmp_path: Path) -> None:
    folder = tmp_path / "my-copy"
    assert main(["new", str(folder), "--from", case_id]) == 0
    copy, model = load_case(folder), load_case(case_id)
    assert copy.id == "my-copy"
    assert list(copy.levels) == list(model.levels)
    assert [s.name for s in copy.scenarios] == [s.name for s in model.scenarios]
    assert not (folder / "quizzes.yaml").exists(), "quizzes belong to the model's lessons"


def test_new_refuses_a_folder_with_files_and_a_name_that_is_no_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = tmp_path / "taken-case"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(taken)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert (taken / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert not (taken / "case.yaml").exists()

    assert main(["new", str(tmp_path / "Zhang v Shop")]) == 2
    assert "cannot be a case id" in capsys.readouterr().err
    assert not (tmp_path / "Zhang v Shop").exists()

    assert main(["new", str(tmp_path / "x-case"), "--from", "no-such-case"]) == 2
    err = capsys.readouterr().err
    assert "--from" in err and "liu-v-platform-2024" in err


def test_the_template_itself_checks() -> None:
    assert main(["check", str(LESSONS / "_template")]) == 0

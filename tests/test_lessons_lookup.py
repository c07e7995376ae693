"""Cases are found by id, folder or file, from any working directory (ARCHITECTURE 4)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mootcourt import CaseError, CaseNotFound, evaluate, load_case
from mootcourt.lessons import installed_root

ROOT = installed_root()


def test_by_id_folder_and_file_from_elsewhere(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert ROOT is not None
    by_id = load_case("liu-v-platform-2024")
    by_folder = load_case(ROOT / "liu-v-platform-2024")
    by_file = load_case(ROOT / "liu-v-platform-2024" / "case.yaml")
    assert by_id.path == by_folder.path == by_file.path
    assert load_case("lessons/liu-v-platform-2024").id == "liu-v-platform-2024"


def test_unknown_case_lists_the_known_ones() -> None:
    with pytest.raises(CaseNotFound, match="pang-v-qunar-2017"):
        load_case("no-such-case")


def _copy_root(tmp_path: Path) -> Path:
    assert ROOT is not None
    root = tmp_path / "my-lessons"
    shutil.copytree(ROOT / "law", root / "law")
    shutil.copytree(ROOT / "liu-v-platform-2024", root / "my-case")
    text = (root / "my-case" / "case.yaml").read_text(encoding="utf-8")
    (root / "my-case" / "case.yaml").write_text(
        text.replace("id: liu-v-platform-2024", "id: my-case", 1), encoding="utf-8"
    )
    return root


def test_environment_variable_adds_a_lessons_root(tmp_path, monkeypatch) -> None:
    root = _copy_root(tmp_path)
    monkeypatch.setenv("MOOTCOURT_LESSONS", str(root))
    case = load_case("my-case")
    assert case.root == root.resolve()
    assert evaluate(case, case.record_world()).level("second_instance").liable


def test_case_folder_statute_overlay_adds_articles(tmp_path) -> None:
    root = _copy_root(tmp_path)
    folder = root / "my-case"
    (folder / "statutes.yaml").write_text(
        "articles:\n"
        "  - id: test-1\n"
        "    law: pipl\n"
        "    article: {zh-CN: 第一条, en: Art. 1}\n"
        "    text: {zh-CN: 测试条文。, en: A test article.}\n",
        encoding="utf-8",
    )
    text = (folder / "case.yaml").read_text(encoding="utf-8")
    (folder / "case.yaml").write_text(text + "rules:\n  leak: [test-1]\n", encoding="utf-8")
    case = load_case(folder)
    assert "test-1" in case.law
    step = evaluate(case, case.record_world()).level("first_instance").step("leak")
    assert step.rules == ("test-1",)


def test_a_case_may_cite_only_existing_statutes(tmp_path) -> None:
    root = _copy_root(tmp_path)
    case_file = root / "my-case" / "case.yaml"
    text = case_file.read_text(encoding="utf-8")
    case_file.write_text(text + "rules:\n  leak: [pipl-999]\n", encoding="utf-8")
    with pytest.raises(CaseError, match=r"case.yaml:\d+: rules.leak\[0\]: unknown statute id"):
        load_case(case_file)


def test_author_template_is_valid_and_evaluates() -> None:
    assert ROOT is not None
    case = load_case(ROOT / "_template")
    judgment = evaluate(case, case.record_world())
    assert [lv.liable for lv in judgment.levels] == [False, True]

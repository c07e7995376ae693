"""An issue is named in the law of its case: Pang (2014-17) never shows PIPL's
"personal-information processor" (issue 6, item 3), in any view."""

from __future__ import annotations

from mootcourt import evaluate
from mootcourt.ui import Explorer
from mootcourt.ui.presenter import Presenter

PIPL_TERMS = ("个人信息处理者", "Processor")


def test_pang_names_the_first_issue_in_its_own_law(pang, liu) -> None:
    for lang in ("zh-CN", "en"):
        assert pang.issue_label("processor", lang) not in PIPL_TERMS
        assert liu.issue_label("processor", lang) == liu.messages(lang).t("issue.processor")


def test_no_view_of_pang_speaks_of_a_pipl_processor(pang) -> None:
    x = Explorer(pang, lang="zh-CN")
    heads = [h.button.description for h in x.courts.issue_heads.values()]
    assert "个人信息处理者" not in heads and pang.issue_label("processor", "zh-CN") in heads
    p = Presenter(pang, "en")
    assert all(h.button.description != "Processor" for h in p.grid.issue_heads.values())


def test_the_terminal_uses_the_cases_label(pang, capsys, monkeypatch) -> None:
    from mootcourt.cli import main

    monkeypatch.setenv("COLUMNS", "300")  # a wide table: the label on one line
    assert main(["evaluate", pang.id, "--lang", "zh-CN"]) == 0
    out = capsys.readouterr().out
    assert pang.issue_label("processor", "zh-CN") in out
    assert evaluate(pang, pang.record_world()).level("second_instance").liable

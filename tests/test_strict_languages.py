"""No raw catalogue key, bare id or other language ever stands in for a missing text."""

from __future__ import annotations

import pytest

from mootcourt import Case
from mootcourt.i18n import MissingText, messages


def test_a_missing_catalogue_key_raises() -> None:
    with pytest.raises(MissingText, match=r"no 'ui\.nothing' in the en message catalogue"):
        messages("en")("ui.nothing")
    assert messages("zh-CN")("result.established") != "result.established"


def test_a_missing_label_raises(liu: Case) -> None:
    with pytest.raises(KeyError, match="no label for 'nobody'"):
        liu.label("nobody", "en")


def test_an_unknown_language_raises(liu: Case) -> None:
    with pytest.raises(ValueError, match="valid: zh-CN, en"):
        liu.title("fr")
    with pytest.raises(ValueError, match="valid: zh-CN, en"):
        messages("fr")


def test_every_scenario_has_a_title_in_both_languages(case: Case) -> None:
    titles = {lang: [s.title(lang) for s in case.scenarios] for lang in ("en", "zh-CN")}
    for lang, found in titles.items():
        assert len(set(found)) == len(found), f"{case.id}: two scenarios share a {lang} title"
    assert all(en != zh for en, zh in zip(titles["en"], titles["zh-CN"], strict=True))

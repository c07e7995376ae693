"""Everything a view writes, in one language: catalogue strings, the case's labels, result
icons, and HTML escaping. Views build text only through `Words`, so a language switch
re-renders every string and a missing key or label raises instead of showing a raw key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from ..engine import Result
from ..engine.texts import join
from ..i18n import Messages

if TYPE_CHECKING:
    from ..case import Case

RESULT_ICONS = {
    Result.ESTABLISHED: "✓",
    Result.NOT_ESTABLISHED: "✗",
    Result.PRESUMED: "⚖",
    Result.REBUTTED: "↩",
    Result.UNCERTAIN: "?",
    Result.NOT_REACHED: "·",
}
"""an icon beside every result word: colour is never the only carrier of meaning"""


@dataclass(frozen=True, slots=True)
class Words:
    """One language's words for one case."""

    case: Case
    lang: str

    @property
    def t(self) -> Messages:
        return self.case.messages(self.lang)

    def __call__(self, key: str, **params: object) -> str:
        """A catalogue string for an HTML widget: the template and every parameter escaped
        (case texts may hold '<' or '&'; nothing a case file says is ever read as markup)."""
        return escape(self.t(key, **{k: _plain(v) for k, v in params.items()}), quote=False)

    def raw(self, key: str, **params: object) -> str:
        """A catalogue string for a widget's plain-text property (a description, an option)."""
        return self.t(key, **params)

    def label(self, item_id: str) -> str:
        """The case's name for a party, field, item of evidence, claim or level (plain)."""
        return self.case.label(item_id, self.lang)

    def labels(self, ids: Iterable[str], *, items: bool = False) -> str:
        """Several labels read as a list ('logistics and payment' / '物流和支付'), plain."""
        return join([self.label(i) for i in ids], self.lang, long=items)

    def result(self, result: Result) -> str:
        """Icon and word: '✓ established' / '✓ 成立' (plain)."""
        return f"{RESULT_ICONS[result]} {self.t(f'result.{result}')}"

    def colon(self) -> str:
        return "：" if self.lang == "zh-CN" else ": "


def _plain(value: object) -> str:
    return escape(str(value), quote=False)


def e(text: str) -> str:
    """Escape plain text for an HTML widget."""
    return escape(text, quote=True)

"""The language switch: zh-CN / EN. Switching re-renders every string from the case data and
the catalogue; it never re-evaluates."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from ..i18n import LANGUAGES, messages
from . import hooks


class LanguageSwitch(widgets.ToggleButtons):
    """Two buttons, each language named in itself (中文, EN), so anyone can find theirs."""

    def __init__(self, lang: str, on_change: Callable[[str], None]) -> None:
        options = [(messages(lang).t(f"ui.lang.{code}"), code) for code in LANGUAGES]
        super().__init__(options=options, value=lang, style={"button_width": "auto"})
        self.add_class(hooks.LANG)
        self._on_change = on_change
        self.observe(self._switched, "value")

    def __repr__(self) -> str:
        return f"<LanguageSwitch {self.value}>"

    def _switched(self, change: dict) -> None:
        self._on_change(change["new"])

    def show(self, lang: str) -> None:
        self.tooltips = [messages(lang).t("ui.lang.label")] * len(LANGUAGES)

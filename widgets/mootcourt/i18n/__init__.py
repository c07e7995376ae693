"""The message catalogue: every UI and CLI string in zh-CN and en, in one place per language.

Widgets and the CLI never hard-code a sentence a person reads; they ask `messages(lang)`.
A test keeps the two catalogues' keys identical.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml

Lang = Literal["zh-CN", "en"]
LANGUAGES: tuple[Lang, ...] = ("zh-CN", "en")


class Messages:
    """One language's strings: `t("cli.burden", party="Liu")`."""

    def __init__(self, lang: Lang, table: dict[str, object]) -> None:
        self.lang = lang
        self.table = table

    def t(self, key: str, **params: object) -> str:
        text = str(self.table.get(key, key))
        return text.format(**params) if params else text

    __call__ = t


@cache
def messages(lang: str) -> Messages:
    """The catalogue for `lang`; raises ValueError naming the languages the kit has."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}'; valid: {', '.join(LANGUAGES)}")
    text = resources.files(__package__).joinpath(f"{lang}.yaml").read_text(encoding="utf-8")
    return Messages(lang, yaml.safe_load(text))  # type: ignore[arg-type]

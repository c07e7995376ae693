"""The message catalogue: every UI and CLI string in zh-CN and en, in one place per language.

Widgets and the CLI never hard-code a sentence a person reads; they ask `messages(lang)`.
A test keeps the two catalogues' keys identical.

Strict by design, in production as in tests: a key missing from the catalogue raises
`MissingText` instead of showing the raw key (or another language) to a student. That is
safe because the catalogues are checked to have the same keys, and the tests render every
view in both languages, so a missing key fails a test before it can reach a classroom.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Literal

import yaml

Lang = Literal["zh-CN", "en"]
LANGUAGES: tuple[Lang, ...] = ("zh-CN", "en")


KIND_VARIANTS: tuple[str, ...] = ("reconstructed", "fictional")
"""Case kinds (`kind:` in case.yaml) that may word a string differently: `KEY.fictional` is
how `KEY` reads for a fictional case, which never says 'reported'. A kind with no variant of a
key uses `KEY` itself (a reported case always does)."""


def kind_key(table: Mapping[str, object], key: str, kind: str) -> str:
    """The key that words `key` for a case of this kind: `KEY.<kind>` where `table` (a message
    catalogue or the engine's templates) has that variant, else `key`.

    The one place that decides wording by a case's kind: views ask `Case.record_key`, the
    engine's `render` asks this, and neither tests the kind itself. A test holds every string
    that says 'reported' to having a fictional variant.
    """
    variant = f"{key}.{kind}"
    return variant if kind in KIND_VARIANTS and variant in table else key


class MissingText(KeyError):
    """A catalogue key or a label the kit was asked for and does not have."""

    def __str__(self) -> str:
        return str(self.args[0])


class Messages:
    """One language's strings: `t("cli.burden", party="Liu")`."""

    def __init__(self, lang: Lang, table: dict[str, object]) -> None:
        self.lang = lang
        self.table = table

    def t(self, key: str, **params: object) -> str:
        """The string for `key`, filled with `params`; a missing key raises `MissingText`."""
        try:
            text = str(self.table[key])
        except KeyError:
            raise MissingText(f"no '{key}' in the {self.lang} message catalogue") from None
        return text.format(**params) if params else text

    def has(self, key: str) -> bool:
        return key in self.table

    __call__ = t


@cache
def messages(lang: str) -> Messages:
    """The catalogue for `lang`; raises ValueError naming the languages the kit has."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}'; valid: {', '.join(LANGUAGES)}")
    text = resources.files(__package__).joinpath(f"{lang}.yaml").read_text(encoding="utf-8")
    return Messages(lang, yaml.safe_load(text))  # type: ignore[arg-type]

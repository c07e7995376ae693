"""The statute book: verified article text, each under the id the engine cites.

The text lives once, in `lessons/law/statutes.yaml` (a case folder may add a
`statutes.yaml` overlay). The Chinese is the official text; the English is a working
rendering, labelled as such wherever it is shown. Every reasoning step cites ids from here,
and a case may cite only ids that exist.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from .casefile import DashedId, Model, Text
from .errors import Problem
from .validation import problem_at, raise_if
from .yamlsource import Located


class Law(Model):
    id: DashedId
    title: Text
    short: Text
    in_force: dt.date | None = None
    repealed: dt.date | None = None
    note: Text | None = None


class Article(Model):
    id: DashedId
    law: DashedId
    article: Text
    excerpt: Text | None = None
    text: Text
    translation: Literal["working", "official"] = "working"
    verification: Literal["two_sources", "one_source"] = "two_sources"
    in_force: dt.date | None = None
    note: Text | None = None
    """commentary on the article (not part of its text)"""


class StatuteFile(Model):
    laws: list[Law] = Field(default_factory=list)
    articles: list[Article] = Field(default_factory=list)


_POINTER = re.compile(r"^(?P<id>[a-z][a-z0-9-]*?)(?P<parts>(?:\(\d+\))+)$")
_ITEM = re.compile(r"（[一二三四五六七八九十]+）")
_NUMERALS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一: how 款 and 项 are numbered."""
    if n < 10:
        return _NUMERALS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[units] if units else "")


@dataclass(frozen=True, slots=True)
class Pointer:
    """A citation finer than an article: `cc-1165(1)` is paragraph 1 of Art. 1165.

    Where an article has one paragraph and that paragraph lists items, `(n)` is item n
    (`cc-1033(1)`: 第一千零三十三条第一项); otherwise `(n)` is paragraph n and `(n)(m)` item m
    of it (`evidence-10(1)(4)`: 第十条第一款第四项), as Chinese courts cite.
    """

    article: str
    paragraph: int | None = None
    item: int | None = None


def _structure(text: str) -> list[int]:
    """The number of items in each paragraph of an article's Chinese text."""
    paragraphs: list[int] = []
    for line in text.split("\n"):
        items = len(_ITEM.findall(line))
        if line.startswith("（") and items and paragraphs:
            paragraphs[-1] += items
        else:
            paragraphs.append(items)
    return paragraphs


class StatuteBook(Mapping[str, Article]):
    """Articles by id, with their laws; overlays add to (never silently replace) the base."""

    def __init__(self, files: list[tuple[Located, StatuteFile]]) -> None:
        self.laws: dict[str, Law] = {}
        self._articles: dict[str, Article] = {}
        self._pointers: dict[str, Pointer] = {}
        self.files = tuple(located.path for located, _ in files)
        problems: list[Problem] = []
        for located, book in files:
            for i, law in enumerate(book.laws):
                if law.id in self.laws:
                    problems.append(
                        problem_at(located, ("laws", i, "id"), f"duplicate law id '{law.id}'")
                    )
                self.laws[law.id] = law
            for i, article in enumerate(book.articles):
                if article.id in self._articles:
                    problems.append(
                        problem_at(located, ("articles", i, "id"), f"duplicate id '{article.id}'")
                    )
                if article.law not in self.laws:
                    problems.append(
                        problem_at(
                            located,
                            ("articles", i, "law"),
                            f"unknown law '{article.law}'; known: {', '.join(self.laws)}",
                        )
                    )
                self._articles[article.id] = article
        raise_if(problems)

    def __getitem__(self, article_id: str) -> Article:
        return self._articles[article_id]

    def __contains__(self, cited: object) -> bool:
        """An article id, or a pointer into an existing paragraph or item of one."""
        if not isinstance(cited, str):
            return False
        try:
            self.pointer(cited)
        except KeyError:
            return False
        return True

    def pointer(self, cited: str) -> Pointer:
        """Resolve `cc-1165` or `cc-1165(1)` or `evidence-10(1)(4)`; `KeyError` (saying why)
        if the article, paragraph or item does not exist in the text the book holds.

        Resolved pointers are kept: the book never changes, and every reasoning step asks
        for the dates of what it cites (the analysis runs the steps thousands of times)."""
        known = self._pointers.get(cited)
        if known is None:
            known = self._pointers[cited] = self._resolve(cited)
        return known

    def _resolve(self, cited: str) -> Pointer:
        if cited in self._articles:
            return Pointer(cited)
        match = _POINTER.match(cited)
        if match is None or match["id"] not in self._articles:
            raise KeyError(f"unknown statute id '{cited}'")
        article = self._articles[match["id"]]
        numbers = [int(n) for n in re.findall(r"\d+", match["parts"])]
        shape = _structure(article.text.zh_CN)
        if article.excerpt is not None and len(numbers) > 0 and len(shape) == 1 and shape[0] == 0:
            raise KeyError(f"'{cited}': the book holds only an excerpt of {article.id}")
        if len(shape) == 1 and shape[0] and len(numbers) == 1:
            paragraph, item = None, numbers[0]
            if item > shape[0]:
                raise KeyError(f"'{cited}': {article.id} has {shape[0]} items")
            return Pointer(article.id, None, item)
        if len(numbers) > 2:
            raise KeyError(f"'{cited}': cite at most a paragraph and an item")
        paragraph = numbers[0]
        item = numbers[1] if len(numbers) == 2 else None
        if not 1 <= paragraph <= len(shape):
            raise KeyError(f"'{cited}': {article.id} has {len(shape)} paragraph(s)")
        if item is not None and not 1 <= item <= shape[paragraph - 1]:
            raise KeyError(
                f"'{cited}': paragraph {paragraph} of {article.id} has {shape[paragraph - 1]} items"
            )
        return Pointer(article.id, paragraph, item)

    def article(self, cited: str) -> Article:
        """The article a citation (id or pointer) points into."""
        return self._articles[self.pointer(cited).article]

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)

    def in_force(self, article_id: str) -> dt.date | None:
        """The date an article took effect: its own, else its law's (pointers: the article's)."""
        article = self.article(article_id)
        return article.in_force or self.laws[article.law].in_force

    def citation(self, article_id: str, lang: str) -> str:
        """`个人信息保护法第六十九条第一款` / `PIPL Art. 69(1)`: how a lesson names it."""
        ptr = self.pointer(article_id)
        article = self._articles[ptr.article]
        law = self.laws[article.law]
        if lang == "zh-CN":
            finer = (f"第{chinese_number(ptr.paragraph)}款" if ptr.paragraph else "") + (
                f"第{chinese_number(ptr.item)}项" if ptr.item else ""
            )
            return f"{law.short(lang)}{article.article(lang)}{finer}"
        finer = "".join(f"({n})" for n in (ptr.paragraph, ptr.item) if n)
        return f"{law.short(lang)} {article.article(lang)}{finer}"

    def formal_citation(self, article_id: str, lang: str) -> str:
        """As a judgment cites: `《中华人民共和国个人信息保护法》第六十九条第一款` (the full title
        in book-title marks, inner marks as 〈〉); in English as `citation`."""
        if lang != "zh-CN":
            return self.citation(article_id, lang)
        ptr = self.pointer(article_id)
        law = self.laws[self._articles[ptr.article].law]
        title = law.title(lang).replace("《", "〈").replace("》", "〉")
        short = self.citation(article_id, lang)
        return f"《{title}》{short[len(law.short(lang)) :]}"

"""The statute book: verified article text, each under the id the engine cites.

The text lives once, in `lessons/law/statutes.yaml` (a case folder may add a
`statutes.yaml` overlay). The Chinese is the official text; the English is a working
rendering, labelled as such wherever it is shown. Every reasoning step cites ids from here,
and a case may cite only ids that exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
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


class StatuteBook(Mapping[str, Article]):
    """Articles by id, with their laws; overlays add to (never silently replace) the base."""

    def __init__(self, files: list[tuple[Located, StatuteFile]]) -> None:
        self.laws: dict[str, Law] = {}
        self._articles: dict[str, Article] = {}
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

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)

    def in_force(self, article_id: str) -> dt.date | None:
        """The date an article took effect: its own, else its law's."""
        article = self._articles[article_id]
        return article.in_force or self.laws[article.law].in_force

    def citation(self, article_id: str, lang: str) -> str:
        """`个人信息保护法第六十九条` / `PIPL Art. 69`: how a lesson names the article."""
        article = self._articles[article_id]
        law = self.laws[article.law]
        if lang == "zh-CN":
            return f"{law.short(lang)}{article.article(lang)}"
        return f"{law.short(lang)} {article.article(lang)}"

"""A loaded dispute pack: the one owner of a kind of dispute's vocabulary.

Everything else (the engine, the case loader, the views, the CLI, the analysis) asks a
`Pack` for issues, doctrine parameters, rule slots, texts, terms and remedy kinds; none of
them names a pack's ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any

from ..casefile import Text
from ..doctrine import Parameter, Parameters, check_value
from ..engine.rules import CORE_SLOTS
from ..engine.steps import IssueTest
from ..engine.texts import overridable, templates
from ..i18n import LANGUAGES, Messages, messages
from .model import IssueDecl, PackFile, RemedyDecl


class Pack:
    """A validated pack: its declarations, its issue tests, its templates and terms."""

    def __init__(
        self,
        file: PackFile,
        folder: Path,
        tests: Mapping[str, IssueTest],
        texts: Mapping[str, Mapping[str, str]],
        module: ModuleType | None,
        granting: frozenset[str] = frozenset(),
    ) -> None:
        self.file = file
        self.granting = granting
        """the issues whose rules grant claims (a claim's grounds may not name them)"""
        self.folder = folder
        self.id = file.id
        self.issues: tuple[str, ...] = tuple(i.id for i in file.issues)
        """the issue ids, in the order a court walks them"""
        self.walk: str = file.walk
        """chain (stop at the first issue not made out) or independent (decide every issue)"""
        self.issue: Mapping[str, IssueDecl] = MappingProxyType({i.id: i for i in file.issues})
        self.tests: Mapping[str, IssueTest] = MappingProxyType(dict(tests))
        self.parameters: Parameters = MappingProxyType(
            {
                p.name: Parameter(
                    name=p.name,
                    values=tuple(v.value for v in p.values),
                    meaning=MappingProxyType(
                        {
                            v.value: MappingProxyType({lang: v.meaning(lang) for lang in LANGUAGES})
                            for v in p.values
                        }
                    ),
                    label=MappingProxyType({lang: p.label(lang) for lang in LANGUAGES}),
                    default=p.default,
                    several_defendants_only=p.several_defendants_only,
                    ours=frozenset(v.value for v in p.values if v.basis == "ours"),
                )
                for p in file.parameters
            }
        )
        self.rule_slots: Mapping[str, tuple[str, ...]] = MappingProxyType(
            {**CORE_SLOTS, **{k: tuple(v) for k, v in file.rule_slots.items()}}
        )
        """slot -> default statute ids: the engine's own slots, then the pack's"""
        self.remedies: Mapping[str, RemedyDecl] = MappingProxyType({r.id: r for r in file.remedies})
        self.money_remedies: tuple[str, ...] = tuple(r.id for r in file.remedies if r.money)
        """remedy kinds paid in money: only these carry an amount, and only these are owed
        jointly"""
        self.facts: tuple[str, ...] = tuple(f.id for f in file.facts)
        self.amount_facts: frozenset[str] = frozenset(
            need
            for r in file.remedies
            if r.computation in ("proven_loss", "multiple")
            for need in r.needs
        )
        """facts whose evidence may prove a sum (`amount:`): what a money remedy computed
        from proof needs"""
        self._texts = texts
        self._module = module

    def __repr__(self) -> str:
        return f"<Pack {self.id}: issues {list(self.issues)}>"

    @property
    def title(self) -> Text:
        return self.file.title

    def templates(self, lang: str) -> Mapping[str, str]:
        """Every template a step of this pack may use: the engine's own, then the pack's."""
        return self._templates[lang]

    @cached_property
    def _templates(self) -> Mapping[str, Mapping[str, str]]:
        return {
            lang: MappingProxyType({**templates(lang), **self._texts.get(lang, {})})
            for lang in LANGUAGES
        }

    @cached_property
    def template_keys(self) -> frozenset[str]:
        """The keys a case may override (the kind variants are the kit's, never an
        author's)."""
        return overridable(self.templates("en"))

    def terms(self, lang: str) -> Mapping[str, str]:
        """The pack's words as catalogue keys: `issue.<id>`, `param.<name>`, `value.<value>`,
        `fact.<id>`, `remedy_kind.<id>`, `attribute.<id>` (a party's), `date.<id>` (a case's
        named date), and the `terms:` it declares."""
        return self._terms[lang]

    @cached_property
    def _terms(self) -> Mapping[str, Mapping[str, str]]:
        out: dict[str, dict[str, str]] = {}
        f = self.file
        for lang in LANGUAGES:
            table: dict[str, str] = {}
            table.update({f"issue.{i.id}": i.label(lang) for i in f.issues})
            for p in f.parameters:
                table[f"param.{p.name}"] = p.label(lang)
                table.update({f"value.{v.value}": v.label(lang) for v in p.values})
            table.update({f"fact.{x.id}": x.label(lang) for x in f.facts})
            table.update({f"remedy_kind.{r.id}": r.label(lang) for r in f.remedies})
            table.update({f"attribute.{a.id}": a.label(lang) for a in f.case.party_attributes})
            table.update({f"date.{d.id}": d.label(lang) for d in f.case.dates})
            table.update({key: text(lang) for key, text in f.terms.items()})
            out[lang] = table
        return out

    def messages(self, lang: str) -> Messages:
        """The kit's message catalogue in `lang` with this pack's terms on top: what every
        view and the CLI read a pack's words through (`param.x`, `value.y`, `issue.z`)."""
        return self._messages[lang]

    @cached_property
    def _messages(self) -> Mapping[str, Messages]:
        return {
            lang: Messages(lang, {**messages(lang).table, **self.terms(lang)})  # type: ignore[arg-type]
            for lang in LANGUAGES
        }

    def check_value(self, param: str, value: str, *, where: str = "") -> None:
        """Raise `DoctrineError` naming this pack's valid parameters or values."""
        check_value(self.parameters, param, value, where=where)

    def applies(self, param: str, defendants: int) -> bool:
        """Does this parameter decide anything in a case with this many defendants?"""
        return self.parameters[param].applies(defendants)

    def hook(self, name: str) -> Callable[..., Any] | None:
        """The pack's function for a hook (`whole_level`, `data_flow`), or None."""
        function = getattr(self.file.hooks, name)
        if function is None or self._module is None:
            return None
        return getattr(self._module, function)

    def describe(self, lang: str) -> dict[str, Any]:
        """What `mootcourt packs --json` says of this pack."""
        return {
            "id": self.id,
            "title": self.title(lang),
            "folder": str(self.folder),
            "issues": [{"id": i.id, "label": i.label(lang)} for i in self.file.issues],
        }

"""The author's reference: the words a case file may use where the engine gives the choices.

An instructor writing `case.yaml` needs three vocabularies that live in Python: the doctrine
parameters and their values (what a court is), the rule slots (which articles a step cites),
and the reasoning text keys with their placeholders (how a step speaks). `mootcourt doctrine`
prints them from the same tables the engine and the validator read, so the reference cannot
drift from the code; and an error that names a wrong slot or key lists the valid ones here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from .casefile import DoctrinePreset
from .doctrine import PARAMETERS
from .engine.rules import RULE_SLOTS
from .engine.texts import TEMPLATE_KEYS, placeholders, templates
from .errors import Problem
from .i18n import LANGUAGES, messages


def preset_default(param: str) -> str | None:
    """The value a level gets when its `doctrine:` leaves this parameter out (None: required)."""
    field = DoctrinePreset.model_fields[param]
    if field.default_factory is None:
        return None
    return field.default_factory().value  # type: ignore[call-arg]


def text_keys() -> dict[str, list[str]]:
    """Every reasoning text key -> the placeholders its template may use, sorted."""
    return {key: sorted(placeholders(templates("en")[key])) for key in sorted(TEMPLATE_KEYS)}


def reference() -> dict[str, Any]:
    """Everything `mootcourt doctrine --json` prints, in both languages."""
    return {
        "parameters": [
            {
                "name": p.name,
                "label": {lang: messages(lang)(f"param.{p.name}") for lang in LANGUAGES},
                "default": preset_default(p.name),
                "values": [{"value": v, "meaning": dict(p.meaning[v])} for v in p.values],
            }
            for p in PARAMETERS.values()
        ],
        "rule_slots": [{"slot": slot, "default": list(ids)} for slot, ids in RULE_SLOTS.items()],
        "text_keys": [
            {
                "key": key,
                "placeholders": names,
                "template": {lang: templates(lang)[key] for lang in LANGUAGES},
            }
            for key, names in text_keys().items()
        ],
    }


def render(lang: str) -> str:
    """The reference as text an author reads in a terminal, in `lang`."""
    t = messages(lang)
    out = [t("cli.reference.parameters"), ""]
    for p in PARAMETERS.values():
        default = preset_default(p.name)
        extra = f"  [{t('cli.reference.default', value=default)}]" if default else ""
        out.append(f"{p.name}: {t(f'param.{p.name}')}{extra}")
        out.extend(f"  {v}: {p.meaning[v][lang]}" for v in p.values)
        out.append("")
    out += [t("cli.reference.rule_slots"), ""]
    out.extend(f"  {slot}: [{', '.join(ids)}]" for slot, ids in RULE_SLOTS.items())
    out += ["", t("cli.reference.text_keys"), ""]
    for key, names in text_keys().items():
        out.append(f"  {key}: {' '.join('{' + n + '}' for n in names) or '-'}")
    return "\n".join(out) + "\n"


def annotate(problem: Problem) -> Problem:
    """A problem that names a wrong rule slot or text key, with the valid ones appended.

    The validator says what is wrong and suggests a close spelling; here the author also gets
    the list to choose from (all slots; for a text key, those in the same group with their
    placeholders), and where to find the whole vocabulary.
    """
    message = problem.message
    if _under(problem.field, "rules") and message.startswith("unknown rule slot"):
        valid = ", ".join(RULE_SLOTS)
        return replace(problem, message=f"{message}; valid slots: {valid}")
    if _under(problem.field, "texts") and message.startswith("unknown text key"):
        wrong = message.split("'")[1] if "'" in message else ""
        group = wrong.split(".", 1)[0]
        keys = _keys_in_group(group, text_keys()) or text_keys()
        listed = "; ".join(
            f"{k} ({' '.join('{' + n + '}' for n in names) or 'no placeholders'})"
            for k, names in keys.items()
        )
        where = f"keys starting with '{group}.'" if _keys_in_group(group, keys) else "keys"
        return replace(
            problem,
            message=f"{message}; valid {where}: {listed} (all keys: mootcourt doctrine)",
        )
    return problem


def _under(field: str, section: str) -> bool:
    """Is this field in the case's `rules`/`texts`, or in one level's (`levels[1].rules.x`)?"""
    return re.match(rf"^(levels\[\d+\]\.)?{section}\.", field) is not None


def _keys_in_group(group: str, keys: Mapping[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in keys.items() if k.split(".", 1)[0] == group}

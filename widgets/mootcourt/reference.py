"""The author's reference: the words a case file may use where its pack gives the choices.

An instructor writing `case.yaml` needs the vocabulary of the case's dispute pack: its
issues, the doctrine parameters and their values (what a court is), the remedy kinds, the
rule slots (which articles a step cites), and the reasoning text keys with their placeholders
(how a step speaks). `mootcourt doctrine --case CASE` (or `--pack PACK`) prints them from the
pack the engine and the validator read, so the reference cannot drift from them; and an error
that names a wrong slot or key lists the valid ones here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from .engine.texts import placeholders
from .errors import CaseError, Problem
from .i18n import LANGUAGES
from .packs import DEFAULT_PACK, Pack, find_pack
from .yamlsource import read_yaml


def preset_default(pack: Pack, param: str) -> str | None:
    """The value a level gets when its `doctrine:` leaves this parameter out (None: required)."""
    return pack.parameters[param].default


def text_keys(pack: Pack) -> dict[str, list[str]]:
    """Every reasoning text key of the pack -> the placeholders its template may use, sorted."""
    table = pack.templates("en")
    return {key: sorted(placeholders(table[key])) for key in sorted(pack.template_keys)}


def reference(pack: Pack) -> dict[str, Any]:
    """Everything `mootcourt doctrine --json` prints of one pack, in both languages."""
    return {
        "pack": pack.id,
        "title": {lang: pack.title(lang) for lang in LANGUAGES},
        "issues": [
            {"id": i.id, "label": {lang: i.label(lang) for lang in LANGUAGES}}
            for i in pack.file.issues
        ],
        "parameters": [
            {
                "name": p.name,
                "label": dict(p.label),
                "default": p.default,
                "values": [
                    {
                        "value": v,
                        "meaning": dict(p.meaning[v]),
                        "basis": "ours" if v in p.ours else "law",
                    }
                    for v in p.values
                ],
            }
            for p in pack.parameters.values()
        ],
        "remedies": [
            {
                "id": r.id,
                "label": {lang: r.label(lang) for lang in LANGUAGES},
                "computation": r.computation,
            }
            for r in pack.file.remedies
        ],
        "facts": list(pack.facts),
        "rule_slots": [
            {"slot": slot, "default": list(ids)} for slot, ids in pack.rule_slots.items()
        ],
        "text_keys": [
            {
                "key": key,
                "placeholders": names,
                "template": {lang: pack.templates(lang)[key] for lang in LANGUAGES},
            }
            for key, names in text_keys(pack).items()
        ],
    }


def render(pack: Pack, lang: str) -> str:
    """The pack's vocabulary as text an author reads in a terminal, in `lang`."""
    t = pack.messages(lang)
    out = [f"{pack.id}: {pack.title(lang)}", "", t("cli.reference.issues"), ""]
    out.extend(f"  {i}: {t(f'issue.{i}')}" for i in pack.issues)
    out += ["", t("cli.reference.parameters"), ""]
    for p in pack.parameters.values():
        default = p.default
        extra = f"  [{t('cli.reference.default', value=default)}]" if default else ""
        out.append(f"{p.name}: {p.label[lang]}{extra}")
        out.extend(f"  {v}: {p.meaning[v][lang]}" for v in p.values)
        out.append("")
    out += [t("cli.reference.remedies"), ""]
    out.extend(f"  {r.id}: {r.label(lang)} ({r.computation})" for r in pack.file.remedies)
    out += ["", t("cli.reference.rule_slots"), ""]
    out.extend(f"  {slot}: [{', '.join(ids)}]" for slot, ids in pack.rule_slots.items())
    out += ["", t("cli.reference.text_keys"), ""]
    for key, names in text_keys(pack).items():
        out.append(f"  {key}: {' '.join('{' + n + '}' for n in names) or '-'}")
    return "\n".join(out) + "\n"


def pack_of_file(path: str) -> Pack | None:
    """The pack a case file names (`pack:`, default the kit's first), or None where the file
    or its pack cannot be read (the problem is reported as it is)."""
    try:
        data = read_yaml(path).data
        name = data.get("pack", DEFAULT_PACK) if isinstance(data, dict) else DEFAULT_PACK
        return find_pack(str(name))
    except (CaseError, KeyError, OSError):
        return None


def annotate(problem: Problem, pack: Pack | None = None) -> Problem:
    """A problem that names a wrong rule slot or text key, with the valid ones appended.

    The validator says what is wrong and suggests a close spelling; here the author also gets
    the list to choose from (all slots; for a text key, those in the same group with their
    placeholders), and where to find the whole vocabulary.
    """
    message = problem.message
    wrong_slot = _under(problem.field, "rules") and message.startswith("unknown rule slot")
    wrong_key = _under(problem.field, "texts") and message.startswith("unknown text key")
    if not (wrong_slot or wrong_key):
        return problem
    pack = pack or pack_of_file(problem.file)
    if pack is None:
        return problem
    if wrong_slot:
        valid = ", ".join(pack.rule_slots)
        return replace(problem, message=f"{message}; valid slots: {valid}")
    if wrong_key:
        wrong = message.split("'")[1] if "'" in message else ""
        group = wrong.split(".", 1)[0]
        keys = _keys_in_group(group, text_keys(pack)) or text_keys(pack)
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

"""The engine names no case: every id a case file defines stays out of the engine's code and
templates, so a new case (Pang, or an author's own) needs no engine change."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import mootcourt.engine
from mootcourt import load_case
from mootcourt.casefile import EvidenceKind, Processing, Role

from .conftest import CASE_IDS
from .leak_vocabulary import FACTS, ISSUES, PARAMETERS, REMEDIES, RULE_SLOTS

ENGINE = Path(mootcourt.engine.__file__).parent


def _case_ids() -> set[str]:
    ids: set[str] = set()
    for case_id in CASE_IDS:
        case = load_case(case_id)
        ids |= set(case.parties) | set(case.evidence) | set(case.claims) | set(case.field_ids)
        ids.add(case.id)
    # ids that are also ordinary words of the law, or the engine's own vocabulary (a claim
    # called `compensation` names the remedy the engine knows, not a case)
    return ids - {"apology", "payment", "phone", "address", "name", "itinerary"} - _vocabulary()


def _vocabulary() -> set[str]:
    """Every word the case format itself defines: issues, facts, remedies, kinds, roles, and
    the parts of the rule slots and doctrine parameters and values."""
    words: set[str] = set()
    for literal in (EvidenceKind, Role, Processing):
        words |= set(typing.get_args(literal))
    words |= set(ISSUES) | set(PARAMETERS) | set(FACTS) | set(REMEDIES)
    for parameter in PARAMETERS.values():
        words |= set(parameter.values)
    for slot in RULE_SLOTS:
        words |= set(slot.split("."))
    return words


def test_an_ordinary_claim_id_is_no_case_id() -> None:
    assert "compensation" in _vocabulary() and "fault" in _vocabulary()


def test_engine_code_and_templates_name_no_case_id() -> None:
    words = _case_ids()
    for path in [*ENGINE.rglob("*.py"), *ENGINE.rglob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        found = {w for w in words if re.search(rf"\b{re.escape(w)}\b", text)}
        assert not found, f"{path.name} names case ids {sorted(found)}"


def test_every_default_rule_cites_an_existing_article() -> None:
    law = load_case(CASE_IDS[0]).law
    for slot, ids in RULE_SLOTS.items():
        for article in ids:
            assert article in law, (slot, article)

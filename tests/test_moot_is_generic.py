"""The moot court names no case: no party, toggle, level or case id, no issue and no doctrine
parameter or value appears in the code of `mootcourt.moot` (outside comments and docstrings),
so a new case or dispute pack needs no change there."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

import mootcourt.moot
from mootcourt import load_case

from .conftest import CASE_IDS
from .leak_vocabulary import ISSUES, PARAMETERS

MOOT = Path(mootcourt.moot.__file__).parent


def _forbidden() -> tuple[set[str], set[str]]:
    """Names no code token may be, and values no string literal may be."""
    names: set[str] = set(ISSUES) | set(PARAMETERS)
    for case_id in CASE_IDS:
        case = load_case(case_id)
        names |= set(case.parties) | set(case.toggles) | set(case.levels) | {case.id}
        names |= set(case.field_ids) | set(case.claims)
    # ids that are also ordinary words (as the engine's own test allows)
    names -= {"apology", "payment", "phone", "address", "name", "itinerary"}
    values = {v for p in PARAMETERS.values() for v in p.values}
    return names, values


def _code_tokens(path: Path) -> list[tuple[int, str, str]]:
    """(line, kind, text) of every name and string that is not a docstring."""
    found = []
    previous = tokenize.NEWLINE
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type == tokenize.NAME:
            found.append((tok.start[0], "name", tok.string))
        elif tok.type == tokenize.STRING:
            docstring = previous in (
                tokenize.NEWLINE,
                tokenize.INDENT,
                tokenize.DEDENT,
                tokenize.NL,
            )
            if not docstring:
                found.append((tok.start[0], "string", tok.string.strip("\"'rfb")))
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            previous = tok.type
    return found


def test_moot_code_names_no_case_issue_or_parameter() -> None:
    names, values = _forbidden()
    for path in MOOT.rglob("*.py"):
        for line, kind, text in _code_tokens(path):
            assert text not in names, f"{path.name}:{line} names '{text}'"
            if kind == "string":
                assert text not in values, f"{path.name}:{line} names the value '{text}'"


def test_the_rubric_names_no_case() -> None:
    names, _ = _forbidden()
    text = (MOOT / "rubric.yaml").read_text(encoding="utf-8")
    assert not {n for n in names - set(ISSUES) if f" {n}" in text}

"""Errors an author or a student can read: where the problem is, and what to do about it.

A broken case file must never end in a traceback. Every problem is a `Problem` with the
file, the line and the field path, and a `CaseError` carries all the problems found in one
pass, so that an author fixes a file in one round rather than one error at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file, at one place."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class CaseError(Exception):
    """A case (or statute, or scenario) file that cannot be used, with every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str | Path, line: int | None, field: str, message: str) -> CaseError:
        return cls([Problem(str(file), line, field, message)])

    @classmethod
    def combine(cls, errors: Iterable[CaseError]) -> CaseError:
        return cls([p for e in errors for p in e.problems])


class WorldError(ValueError):
    """A world the engine refuses: an unknown toggle, a bad value, or a broken `requires`."""


class DoctrineError(ValueError):
    """An unknown doctrine parameter, level or value; the message lists the valid ones."""


class CaseNotFound(LookupError):
    """A case id, folder or file that does not lead to a case.yaml."""

"""Broken case files get a clear `path:line: field.path: message`, never a traceback.

Every `tests/broken/NN-*.yaml` is `tests/broken/_base.yaml` broken in exactly one way. Its
header says what the error must say and which line its first problem must name:

    # expect: <a substring of the error message, compared case-insensitively>
    # line: <the line of the first problem, or `none`>

A header-less zero-byte file is the empty file: "file is empty" at line 1. The corpus found
fourteen loader bugs when it was written (tracebacks on bad dates, huge integers, control
characters and deep nesting; lenient booleans; poor lines and messages); all are fixed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import mootcourt.yamlsource
from mootcourt import CaseError, evaluate, load_case
from mootcourt.yamlsource import MAX_BYTES

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "broken"
BASE = BROKEN / "_base.yaml"
LESSONS = HERE.parent / "lessons"
REAL_CASES = (
    LESSONS / "liu-v-platform-2024" / "case.yaml",
    LESSONS / "pang-v-qunar-2017" / "case.yaml",
)
HEADER = re.compile(rb"^# (expect|line): (.*)$")


@dataclass(frozen=True)
class Broken:
    path: Path
    expect: str
    line: int | None

    @property
    def where(self) -> str:
        """How the first problem's location starts when printed: `path:line:` or `path:`."""
        return f"{self.path}:{self.line}:" if self.line is not None else f"{self.path}:"


def _read_header(path: Path) -> Broken:
    raw = path.read_bytes()
    if not raw:
        return Broken(path, "file is empty", 1)
    header: dict[str, str] = {}
    for line in raw.splitlines():
        match = HEADER.match(line)
        if match is None:
            break
        header[match[1].decode()] = match[2].decode("utf-8", "replace").strip()
    if "expect" not in header or "line" not in header:
        raise ValueError(f"{path}: starts with no '# expect:' and '# line:' header")
    line = None if header["line"] == "none" else int(header["line"])
    return Broken(path, header["expect"], line)


CORPUS = [_read_header(p) for p in sorted(BROKEN.glob("[0-9]*"))]


def _cli(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mootcourt", "validate", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def _assert_loader_error(broken: Broken) -> CaseError:
    with pytest.raises(CaseError) as info:
        load_case(broken.path)
    error = info.value
    text = str(error)
    assert text.startswith(str(broken.path)), text
    assert broken.expect.lower() in text.lower(), text
    assert error.problems[0].line == broken.line, text
    assert all(p.file == str(broken.path) for p in error.problems), text
    return error


def _assert_cli_output(broken: Broken, output: str) -> None:
    """The CLI's lines for this file: the first names the expected line, one says `expect`."""
    mine = [line for line in output.splitlines() if line.startswith(f"{broken.path}:")]
    assert mine, f"nothing printed for {broken.path}"
    assert mine[0].startswith(broken.where), mine
    assert broken.expect.lower() in "\n".join(mine).lower(), mine


# --- the fixture itself ---------------------------------------------------------------------


def test_corpus_is_there() -> None:
    assert len(CORPUS) >= 30
    assert len({b.path.name[:2] for b in CORPUS}) == len(CORPUS), "two files share a number"


def test_base_loads_and_evaluates() -> None:
    case = load_case(BASE)
    judgment = evaluate(case, case.record_world())
    assert judgment.level("first_instance").liable is False
    assert judgment.level("second_instance").liable is True
    for lang in ("en", "zh-CN"):
        assert judgment.to_dict(lang)  # renders the case's own text override too


# --- the loader -----------------------------------------------------------------------------


@pytest.mark.parametrize("broken", CORPUS, ids=lambda b: b.path.name)
def test_broken_file_raises_case_error(broken: Broken) -> None:
    _assert_loader_error(broken)


def test_whole_corpus_raises() -> None:
    """Every file raises `CaseError` (the whole loop is quick)."""
    for broken in CORPUS:
        with pytest.raises(CaseError):
            load_case(broken.path)


def test_oversized_file_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(b"# " + b"x" * (MAX_BYTES - 1))  # MAX_BYTES + 1 bytes of a comment
    assert path.stat().st_size == MAX_BYTES + 1

    def never(*args: object) -> None:
        raise AssertionError("an oversized file was parsed")

    monkeypatch.setattr(mootcourt.yamlsource, "parse_yaml", never)
    with pytest.raises(CaseError) as info:
        load_case(path)
    text = str(info.value)
    assert text.startswith(str(path.resolve())), text
    assert str(MAX_BYTES) in text and "limit" in text, text


def test_file_at_the_size_cap_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(b"# " + b"x" * (MAX_BYTES - 2))
    with pytest.raises(CaseError, match="no YAML document"):
        load_case(path)


# --- the command line -----------------------------------------------------------------------


def test_cli_reports_every_broken_file_in_one_call() -> None:
    result = _cli(*(b.path for b in CORPUS))
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    for broken in CORPUS:
        _assert_cli_output(broken, output)


def test_cli_single_broken_file() -> None:
    broken = next(b for b in CORPUS if "unknown-top-level-key" in b.path.name)
    result = _cli(broken.path)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert result.stderr.startswith(f"{broken.where} judge: unknown key 'judge'"), result.stderr


@pytest.mark.parametrize("path", [BASE, *REAL_CASES], ids=lambda p: p.parent.name + "/" + p.name)
def test_cli_accepts_valid_files(path: Path) -> None:
    result = _cli(path)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr

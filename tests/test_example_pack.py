"""The author's guide's worked example, "Writing a new pack": the fictional pack
`statutory_multiple` and its fictional starter case are shown in full in both guides, and
exactly those files (read from the guides, not from the repository) load, check and evaluate;
the errors the guide shows are what the kit prints for the typos it describes; and the
shipped copy in `lessons/packs/` is where `mootcourt packs` and `mootcourt new --pack` find it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from mootcourt import evaluate, load_case
from mootcourt.checking import check_case
from mootcourt.cli import main
from mootcourt.packs import find_pack, installed_packs

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "lessons" / "packs" / "statutory_multiple"
PREFIX = "lessons/packs/statutory_multiple/"
GUIDES = [ROOT / "lessons" / "AUTHORING.md", ROOT / "lessons" / "AUTHORING.zh-CN.md"]
SHOWN = re.compile(rf"`{re.escape(PREFIX)}([^`]+)`:\n\n```yaml\n(.*?)```", re.S)
ERRORS = re.compile(r"```text\n((?:lessons/packs/statutory_multiple/.*\n)+)```")


def _shown(guide: Path) -> dict[str, str]:
    """path inside the pack -> the file's text, as the guide shows it."""
    return {path: text for path, text in SHOWN.findall(guide.read_text(encoding="utf-8"))}


@pytest.fixture(params=GUIDES, ids=lambda p: p.name)
def guide(request: pytest.FixtureRequest) -> Path:
    return request.param


def test_the_guide_shows_every_file_of_the_pack_exactly(guide: Path) -> None:
    shown = _shown(guide)
    shipped = {
        str(p.relative_to(SHIPPED))
        for p in SHIPPED.rglob("*")
        if p.is_file() and p.name != "README.md" and "__pycache__" not in p.parts
    }
    assert set(shown) == shipped
    for path, text in shown.items():
        assert (SHIPPED / path).read_text(encoding="utf-8") == text, path
    assert not (SHIPPED / "issues.py").exists(), "the example is written without Python"


def _from_guide(guide: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The pack and its case written from the guide's text alone; the pack alone on the
    search path ahead of the shipped copy. Returns the case folder."""
    pack = tmp_path / "packs" / "statutory_multiple"
    for path, text in _shown(guide).items():
        target = pack / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    monkeypatch.setenv("MOOTCOURT_PACKS", str(tmp_path / "packs"))
    case = tmp_path / "wu-v-honey-shop"
    shutil.move(pack / "template", case)
    return case


def test_the_files_shown_load_check_and_evaluate(
    guide: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _from_guide(guide, tmp_path, monkeypatch)
    pack = find_pack("statutory_multiple")
    assert pack.folder == (tmp_path / "packs" / "statutory_multiple").resolve()
    assert pack.issues == ("consumer_status", "seller_fraud", "increased_compensation")
    case = load_case(folder)
    report = check_case(case)
    assert report.ok, [str(f) for f in report.failures]
    judgment = evaluate(case, case.record_world())
    first, second = judgment.levels
    assert not first.liable and second.liable
    shop = case.defendants[0]
    assert second.defendants[shop].awarded == {"multiple": 500}, "3 x 120 = 360, below 500"
    assert judgment.divergence is not None
    assert [p[0] for d in judgment.divergences for p in d.parameters] == ["knowing_buyer"]


def test_the_errors_shown_are_what_the_kit_prints(
    guide: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """The guide's typos (a value and a toggle in rules.yaml, a key in pack.yaml), made in a
    copy: each error line the guide shows is printed, at its file and line."""
    _from_guide(guide, tmp_path, monkeypatch)
    pack = tmp_path / "packs" / "statutory_multiple"
    rules = pack / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    text = text.replace("is: not_a_consumer}", "is: not_consumer}")
    rules.write_text(text.replace("[label_false, seller_knew]", "[label_false, seler_knew]"))
    pack_yaml = pack / "pack.yaml"
    text = pack_yaml.read_text(encoding="utf-8")
    pack_yaml.write_text(
        text.replace("    computation: multiple\n", "    computation: multiple\n    factr: 3\n")
    )
    shown = ERRORS.findall(guide.read_text(encoding="utf-8"))
    assert len(shown) == 1
    printed = ""
    for _ in range(2):  # pack.yaml's shape is checked first, then the rules: fix and rerun
        assert main(["packs"]) == 1
        printed += capsys.readouterr().err
        pack_yaml.write_text(text)
    for line in shown[0].splitlines():
        assert str(pack / line.removeprefix(PREFIX)) in printed, line


def test_the_shipped_pack_is_found_where_authors_look(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.delenv("MOOTCOURT_PACKS", raising=False)
    packs, broken = installed_packs()
    assert "statutory_multiple" in [p.id for p in packs] and not broken
    target = tmp_path / "wu-v-honey-shop"
    assert main(["new", str(target), "--pack", "statutory_multiple"]) == 0
    assert "checked" in capsys.readouterr().out
    assert load_case(target).pack.folder == SHIPPED.resolve()

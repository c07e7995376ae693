"""`mootcourt new DIR [--from CASE]`: start a case folder that already validates and checks.

An instructor should begin from something that works and change it one field at a time,
running `mootcourt check` after each change, rather than from an empty file that fails in
forty places. The new folder gets the template's (or another case's) `case.yaml`,
`scenarios.yaml` and any `statutes.yaml` overlay, with the case id set to the folder's name;
the result is loaded and checked before the command reports success.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .checking import CheckReport, check_case
from .lessons import CASE_FILE, SCENARIOS_FILE, find_case_file, installed_root
from .packs import DEFAULT_PACK, find_pack, installed_packs

TEMPLATE = "_template"
TEMPLATE_IN_PACK = "template"
"""a pack's own starter case: `packs/<id>/template/case.yaml`"""
_PACK_LINE = re.compile(r"^pack: *([a-z][a-z0-9_]*)", re.MULTILINE)
CASE_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
_ID_LINE = re.compile(r"^id: *\S+", re.MULTILINE)
COPIED = (CASE_FILE, SCENARIOS_FILE, "statutes.yaml")
"""what a new case takes from its model: quizzes and teaching points belong to their lessons"""


class ScaffoldError(ValueError):
    """A folder that cannot become a case (a bad name, or one that already has files)."""


def guide_path(lang: str) -> Path:
    """The author's guide in `lang`, where this installation keeps it (the wheel ships it
    with the lessons, so a `pip install` author has it too)."""
    folder = template_folder().parent
    return folder / ("AUTHORING.zh-CN.md" if lang == "zh-CN" else "AUTHORING.md")


def template_folder() -> Path:
    root = installed_root()
    if root is None or not (root / TEMPLATE / CASE_FILE).is_file():
        raise ScaffoldError(f"no case template ({TEMPLATE}/{CASE_FILE}) is installed")
    return root / TEMPLATE


def pack_template(pack_id: str) -> Path:
    """The starter case of a dispute pack: the pack's own `template/` folder, else the kit's
    `_template` where that is a case of this pack. `ScaffoldError` names the packs that have
    one."""
    try:
        pack = find_pack(pack_id)
    except KeyError as exc:
        raise ScaffoldError(f"--pack: {exc.args[0]}") from None
    own = pack.folder / TEMPLATE_IN_PACK
    if (own / CASE_FILE).is_file():
        return own
    kit = template_folder()
    if _pack_named(kit / CASE_FILE) == pack.id:
        return kit
    having = [
        p.id
        for p in installed_packs()[0]
        if (p.folder / TEMPLATE_IN_PACK / CASE_FILE).is_file()
        or _pack_named(kit / CASE_FILE) == p.id
    ]
    raise ScaffoldError(
        f"pack '{pack.id}' has no starter case ({TEMPLATE_IN_PACK}/{CASE_FILE}); "
        f"packs with one: {', '.join(having) or 'none'}"
    )


def _pack_named(case_file: Path) -> str:
    """The pack a case file names (`pack:`), or the default for one that names none."""
    found = _PACK_LINE.search(case_file.read_text(encoding="utf-8"))
    return found.group(1) if found else DEFAULT_PACK


def new_case(
    target: str | Path, model: str | None = None, *, pack: str | None = None
) -> tuple[Path, CheckReport]:
    """Create `target/case.yaml` (and scenarios) from the template, `model`, or the starter
    case of `pack`; check it.

    Raises `ScaffoldError` before writing anything if the folder's name is not a valid case
    id or the folder is not empty; after writing, a `CaseError` or `ScaffoldError` means the
    model itself does not validate or check (the folder is left for the author to see).
    """
    folder = Path(target).expanduser()
    case_id = folder.resolve().name
    if not CASE_ID.match(case_id):
        raise ScaffoldError(
            f"'{case_id}' cannot be a case id: the folder name is the id, so use lower-case "
            "letters, digits and hyphens, starting with a letter (e.g. zhang-v-shop-2023)"
        )
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ScaffoldError(f"{folder} already exists and is not empty: choose a new folder")
    if model:
        source = find_case_file(model).parent
    elif pack:
        source = pack_template(pack)
    else:
        source = template_folder()
    folder.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        if (source / name).is_file():
            shutil.copyfile(source / name, folder / name)
    case_file = folder / CASE_FILE
    text = case_file.read_text(encoding="utf-8")
    case_file.write_text(_ID_LINE.sub(f"id: {case_id}", text, count=1), encoding="utf-8")

    from .case import load_case

    case = load_case(folder)
    report = check_case(case)
    if not report.ok:  # a model that does not check is no model: say where
        failures = "\n".join(str(f) for f in report.failures)
        raise ScaffoldError(f"{source} does not check, so it cannot be a model:\n{failures}")
    return case.path, report

"""Dispute packs: a kind of dispute (its issues, doctrine, rule slots, texts and remedy kinds)
as a folder of data, not as engine code.

`packs/<id>/pack.yaml` declares the vocabulary (`model.PackFile`); `texts/` words its steps;
`rules.yaml` (the rule language, `rules.py`) or `issues.py` (Python) decides its issues. The
loader (`loader.py`) finds packs in the wheel and in a course folder and checks them like case
files. The first pack, `leak`, is the personal-information leak the kit was built on.
"""

from ..casefile import DEFAULT_PACK
from .loader import find_pack, installed_packs, load_pack, pack_folders
from .pack import Pack

__all__ = ["DEFAULT_PACK", "Pack", "find_pack", "installed_packs", "load_pack", "pack_folders"]

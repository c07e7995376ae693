"""The kit's statute text (`lessons/law/statutes.yaml`) is complete and quotes its source exactly.

The Chinese text of every article must be the text in `shared/legal/STATUTES.md` (checked
there against two public copies of the official texts), paragraph by paragraph, byte for byte.
When that file is present (the shared folder sits next to the repository), this test compares
the two; elsewhere only the structural checks run.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
STATUTES_YAML = REPO / "lessons/law/statutes.yaml"
STATUTES_MD = Path(__file__).resolve().parents[2] / "shared/legal/STATUTES.md"

LANGS = ("zh-CN", "en")
LAW_KEYS = {"id", "title", "short", "in_force", "repealed", "note"}
LAW_REQUIRED = LAW_KEYS - {"note"}
ARTICLE_KEYS = {"id", "law", "article", "excerpt", "text", "translation", "verification"}
ARTICLE_OPTIONAL = {"in_force", "note"}  # an article's own date, when it differs from its law's
VERIFICATION = {"two_sources", "one_source"}

# An article id: `pipl-69`, `cc-1165`, `cpl-interp-108`, `npcsc-2012-4`, `legislation-law-104`.
_ID = r"[a-z]+(?:-[a-z0-9]+)*-\d+"
# A heading naming one or more ids (`#### cc-time-1, cc-time-2, cc-time-3 (...)`).
_HEADING = re.compile(rf"^#{{3,4}}\s+({_ID}(?:\s*,\s*{_ID})*)")


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a repeated key (plain `safe_load` silently keeps the last)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load() -> dict[str, Any]:
    with STATUTES_YAML.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_UniqueKeyLoader)
    assert isinstance(data, dict), "statutes.yaml must be a mapping"
    assert set(data) == {"laws", "articles"}, f"top-level keys: {sorted(data)}"
    return data


DATA = _load()
LAWS: list[dict[str, Any]] = DATA["laws"]
ARTICLES: list[dict[str, Any]] = DATA["articles"]


def _source_text() -> str:
    if not STATUTES_MD.is_file():
        pytest.skip(f"source not available: {STATUTES_MD} is absent (shared folder not mounted)")
    return STATUTES_MD.read_text(encoding="utf-8")


def _assert_bilingual(value: Any, where: str) -> None:
    assert isinstance(value, dict), f"{where}: expected {{zh-CN: ..., en: ...}}, got {value!r}"
    assert set(value) == set(LANGS), f"{where}: keys must be exactly {LANGS}, got {sorted(value)}"
    for lang in LANGS:
        text = value[lang]
        assert isinstance(text, str), f"{where}.{lang}: expected text, got {text!r}"
        assert text.strip(), f"{where}.{lang} is empty"


def test_ids_are_unique() -> None:
    law_ids = [law["id"] for law in LAWS]
    article_ids = [art["id"] for art in ARTICLES]
    assert len(law_ids) == len(set(law_ids)), f"duplicate law ids: {law_ids}"
    dupes = sorted({i for i in article_ids if article_ids.count(i) > 1})
    assert not dupes, f"duplicate article ids: {dupes}"


@pytest.mark.parametrize("law", LAWS, ids=lambda law: str(law.get("id")))
def test_law_entry(law: dict[str, Any]) -> None:
    assert set(law) <= LAW_KEYS, f"unknown keys: {sorted(set(law) - LAW_KEYS)}"
    assert set(law) >= LAW_REQUIRED, f"missing keys: {sorted(LAW_REQUIRED - set(law))}"
    assert re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)*", law["id"]), law["id"]
    for key in ("title", "short"):
        _assert_bilingual(law[key], f"{law['id']}.{key}")
    if law.get("note") is not None:
        _assert_bilingual(law["note"], f"{law['id']}.note")
    for key in ("in_force", "repealed"):
        value = law[key]
        assert value is None or isinstance(value, dt.date), f"{law['id']}.{key}: {value!r}"
    if law["in_force"] is None:
        assert law.get("note"), f"{law['id']}: in_force is null; the note must say why"


@pytest.mark.parametrize("art", ARTICLES, ids=lambda art: str(art.get("id")))
def test_article_entry(art: dict[str, Any]) -> None:
    law_ids = {law["id"] for law in LAWS}
    assert set(art) >= ARTICLE_KEYS, f"missing keys: {sorted(ARTICLE_KEYS - set(art))}"
    unknown = set(art) - ARTICLE_KEYS - ARTICLE_OPTIONAL
    assert not unknown, f"unknown keys: {sorted(unknown)}"
    value = art.get("in_force")
    assert value is None or isinstance(value, dt.date), f"{art['id']}.in_force: {value!r}"
    assert art["law"] in law_ids, f"{art['id']}: unknown law {art['law']!r}"
    assert art["id"].startswith(f"{art['law']}-"), f"{art['id']} does not belong to {art['law']}"
    _assert_bilingual(art["article"], f"{art['id']}.article")
    _assert_bilingual(art["text"], f"{art['id']}.text")
    if art["excerpt"] is not None:
        _assert_bilingual(art["excerpt"], f"{art['id']}.excerpt")
    assert art["translation"] == "working", f"{art['id']}: English is a working rendering"
    assert art["verification"] in VERIFICATION, f"{art['id']}: {art['verification']!r}"
    assert re.fullmatch(r"第[〇零一二三四五六七八九十百千]+条", art["article"]["zh-CN"])
    assert re.fullmatch(r"Art\. \d+", art["article"]["en"])
    for lang in LANGS:
        text = art["text"][lang]
        assert "\r" not in text, f"{art['id']}.text.{lang}: carriage return"
        assert "\n\n" not in text, f"{art['id']}.text.{lang}: paragraphs are separated by one \\n"
        assert text == text.strip(), f"{art['id']}.text.{lang}: leading or trailing whitespace"


@pytest.mark.parametrize("art", ARTICLES, ids=lambda art: str(art.get("id")))
def test_chinese_text_is_verbatim(art: dict[str, Any]) -> None:
    source = _source_text()
    lines = source.split("\n")
    for number, paragraph in enumerate(art["text"]["zh-CN"].split("\n"), start=1):
        assert paragraph in source, (
            f"{art['id']} paragraph {number} is not in STATUTES.md verbatim: {paragraph!r}"
        )
        # A paragraph is a whole line of the source, or the end of one (`第一条 ` stripped).
        assert any(line.endswith(paragraph) for line in lines), (
            f"{art['id']} paragraph {number} is only part of a line of STATUTES.md"
        )


def test_every_source_heading_is_in_yaml() -> None:
    source = _source_text()
    heading_ids: list[str] = []
    for line in source.split("\n"):
        match = _HEADING.match(line)
        if match:
            heading_ids += [part.strip() for part in match.group(1).split(",")]
    assert heading_ids, "no article headings found in STATUTES.md: has its format changed?"
    yaml_ids = {art["id"] for art in ARTICLES}
    missing = [i for i in dict.fromkeys(heading_ids) if i not in yaml_ids]
    assert not missing, f"in STATUTES.md but not in statutes.yaml: {missing}"
    extra = sorted(yaml_ids - set(heading_ids))
    assert not extra, f"in statutes.yaml but not in STATUTES.md: {extra}"

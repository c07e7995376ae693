"""A case's `kind`: a fictional case never says "reported", anywhere a person or a program reads
it; a reconstructed one says "as reconstructed" of its record; a reported one is unchanged.

The fictional case is the author's template turned fictional as the guide says (kind, bases
`given`, a `case_file` source), then every output is read in both languages: `evaluate` text
and JSON, `explain`, `check`, the explorer's and the presenter's widgets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as widgets
import pytest
import yaml

from mootcourt import Case, CaseError, evaluate, load_case
from mootcourt.cli import main
from mootcourt.engine.texts import placeholders
from mootcourt.i18n import KIND_VARIANTS, LANGUAGES, messages
from mootcourt.scaffold import new_case
from mootcourt.ui import Explorer
from mootcourt.ui.presenter import Presenter

from .leak_vocabulary import TEMPLATE_KEYS, templates

LANGS = ("en", "zh-CN")
REPORTED = re.compile(r"report|报道|所载|据报", re.IGNORECASE)
"""What a fictional case's output must never say."""
DOCUMENT = re.compile(r"assessment report", re.IGNORECASE)
"""A kind of document (a security assessment report), not a claim that something was reported:
the name of a doctrine value a dropdown offers whatever the case."""


def _fictional(folder: Path) -> Path:
    """The template, made fictional the way AUTHORING.md tells an author to."""
    new_case(folder)
    case_yaml = folder / "case.yaml"
    text = case_yaml.read_text(encoding="utf-8")
    text = re.sub(r"^kind: reported\b", "kind: fictional", text, count=1, flags=re.M)
    text = re.sub(r"(basis: )reported\b", r"\1given", text)
    text = text.replace("kind: news_report", "kind: case_file")
    # the author states the appeal court's doctrine, and says what the first court decided
    text = text.replace(
        "rebuttal: {value: specific_processing, basis: inferred}",
        "rebuttal: {value: specific_processing, basis: given}",
    )
    text = text.replace(  # the appeal court's reasoning on fault is ours: note.unreported
        "    court: {zh-CN: 某中级人民法院, en: An intermediate people's court}\n",
        "    court: {zh-CN: 某中级人民法院, en: An intermediate people's court}\n"
        "    reported_issues: [processor, leak, attribution, remedy]\n",
    )
    case_yaml.write_text(text, encoding="utf-8")
    scenarios = folder / "scenarios.yaml"
    words = scenarios.read_text(encoding="utf-8")
    words = words.replace("name: the record as reported", "name: the case file's record")
    words = words.replace("The record as reported", "The case file's record")
    words = words.replace("按报道所载的案情", "案例设定的案情")
    scenarios.write_text(words, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def fictional(tmp_path_factory: pytest.TempPathFactory) -> Case:
    case = load_case(_fictional(tmp_path_factory.mktemp("kind") / "invented-v-shop-2025"))
    assert case.kind == "fictional"
    return case


def _said(text: str) -> list[str]:
    """Each place `text` says reported (a document's name aside), with some context."""
    text = DOCUMENT.sub("", text)
    return [text[max(0, m.start() - 60) : m.end() + 30] for m in REPORTED.finditer(text)]


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(list(args))
    out = capsys.readouterr()
    return out.out + out.err


def _strings(node: object, skip_doctrine_ids: bool = False) -> Iterator[str]:
    """Every key and string value of a JSON document, except the doctrine values' ids."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            if skip_doctrine_ids and key == "doctrine" and isinstance(value, dict):
                # `several_defendants: as_reported` is an id of the CLI's contract
                # (`--doctrine LEVEL.several_defendants=as_reported`), not wording; its
                # basis is still checked
                yield from (str(v.get("basis")) for v in value.values())
                continue
            yield from _strings(value, skip_doctrine_ids)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, skip_doctrine_ids)
    elif isinstance(node, str):
        yield node


def _walk(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _widget_texts(root: widgets.Widget) -> str:
    """Everything the widgets show: HTML values, labels, tooltips and dropdown options."""
    out = []
    for w in _walk(root):
        for attr in ("value", "description", "tooltip", "placeholder"):
            value = getattr(w, attr, None)
            if isinstance(value, str):
                out.append(value)
        for option in getattr(w, "options", ()) or ():
            out.append(str(option[0] if isinstance(option, tuple) else option))
    return "\n".join(out)


# --- a fictional case ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_evaluate_never_says_reported(
    fictional: Case, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(fictional.path.parent)
    record = _cli(capsys, "evaluate", folder, "--lang", lang)
    changed = _cli(capsys, "evaluate", folder, "--lang", lang, "--set", "access_logs=on")
    assert messages(lang)("cli.record_world.fictional") in record
    assert not _said(record + changed)


@pytest.mark.parametrize("lang", LANGS)
def test_evaluate_json_never_says_reported(
    fictional: Case, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _cli(capsys, "evaluate", str(fictional.path.parent), "--lang", lang, "--json")
    data = json.loads(out)
    steps = [s for lv in data["levels"] for s in lv["steps"]]
    assert {s["basis"] for s in steps} == {"given", "inferred"}, "the appeal's fault is ours"
    assert any(v["basis"] == "given" for lv in data["levels"] for v in lv["doctrine"].values())
    assert not _said("\n".join(_strings(data, skip_doctrine_ids=True)))


@pytest.mark.parametrize("lang", LANGS)
def test_explain_and_check_never_say_reported(
    fictional: Case, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(fictional.path.parent)
    assert main(["check", folder, "--lang", lang]) == 0
    checked = capsys.readouterr()
    explained = _cli(capsys, "explain", folder, "--lang", lang)
    assert not _said(checked.out + checked.err + explained)


@pytest.mark.parametrize("lang", LANGS)
def test_explorer_never_says_reported(fictional: Case, lang: str) -> None:
    x = Explorer(fictional, lang=lang)
    shown = [_widget_texts(x)]
    x.state.apply_scenario(1)  # a hypothetical: the courts' marks and the What-if change
    shown.append(_widget_texts(x))
    x.state.reset()
    assert not _said("\n".join(shown))
    assert messages(lang)("ui.courts.matches.fictional").split("{")[0] in shown[0]


@pytest.mark.parametrize("lang", LANGS)
def test_presenter_never_says_reported(fictional: Case, lang: str) -> None:
    p = Presenter(fictional, lang=lang)
    before = _widget_texts(p)
    p.all_button.click()  # every step revealed
    assert not _said(before + _widget_texts(p))


def test_the_engine_steps_speak_of_the_case_file(fictional: Case) -> None:
    """A step the case file's court does not decide is ours, opened by the fictional wording
    of note.unreported; the others are the court's, `given`."""
    judgment = evaluate(fictional, fictional.record_world())
    appeal = judgment.level("second_instance")
    fault, attribution = appeal.step("fault", "defendant"), appeal.step("attribution", "defendant")
    assert (fault.basis, attribution.basis) == ("inferred", "given")
    for lang in LANGS:
        opening = templates(lang)["note.unreported.fictional"]
        assert fault.text(lang).startswith(opening[:12]), fault.text(lang)
        for lv in judgment.levels:
            for step in lv.steps:
                assert not _said(step.text(lang)), step.text(lang)


# --- the wording rule --------------------------------------------------------------------------


def test_one_function_chooses_the_words(fictional: Case, liu: Case) -> None:
    assert liu.record_key("cli.record_world") == "cli.record_world"
    assert fictional.record_key("cli.record_world") == "cli.record_world.fictional"
    assert fictional.record_key("cli.outcome") == "cli.outcome", "no variant: the key itself"
    assert liu.record_basis == "reported" and fictional.record_basis == "given"


def _tables() -> Iterator[tuple[str, dict[str, str]]]:
    for lang in LANGUAGES:
        yield f"catalogue {lang}", {k: str(v) for k, v in messages(lang).table.items()}
        yield f"templates {lang}", dict(templates(lang))


@pytest.mark.parametrize(
    "name,table", list(_tables()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_string_that_says_reported_has_a_fictional_wording(
    name: str, table: dict[str, str]
) -> None:
    """A new string that says "reported" fails here until it has a `.fictional` variant (in
    both languages: the catalogues and the templates are held to the same keys elsewhere)."""
    variant_of = {k.rsplit(".", 1)[0] for k in table if k.rsplit(".", 1)[-1] in KIND_VARIANTS}
    missing = [
        key
        for key, text in table.items()
        if key.rsplit(".", 1)[-1] not in KIND_VARIANTS
        and _said(text)
        and key not in variant_of
        and not key.startswith(("cli.reference.", "value.", "basis.reported"))
    ]
    assert not missing, f"{name}: say 'reported' with no fictional wording: {missing}"
    for key in variant_of:
        assert key in table, f"{name}: a variant of '{key}', which does not exist"
        fictional = table.get(f"{key}.fictional")
        if fictional is not None:
            assert not _said(fictional), f"{name}: {key}.fictional says reported"
        for kind in KIND_VARIANTS:
            variant = table.get(f"{key}.{kind}")
            if variant is not None:
                assert placeholders(variant) == placeholders(table[key]), f"{key}.{kind}"


def test_kind_variants_are_not_keys_an_author_overrides() -> None:
    assert not [k for k in TEMPLATE_KEYS if k.rsplit(".", 1)[-1] in KIND_VARIANTS]
    assert "note.unreported" in TEMPLATE_KEYS


# --- reported and reconstructed cases ------------------------------------------------------------


def test_a_reported_case_still_says_reported(liu: Case, capsys: pytest.CaptureFixture[str]) -> None:
    assert liu.kind == "reported"
    en = _cli(capsys, "evaluate", "liu-v-platform-2024", "--lang", "en")
    zh = _cli(capsys, "evaluate", "liu-v-platform-2024", "--lang", "zh-CN")
    assert "The record as reported" in en and "matches the reported outcome" in en
    assert "报道所载的案卷" in zh and "与报道的裁判结果一致" in zh
    data = json.loads(_cli(capsys, "evaluate", "liu-v-platform-2024", "--json"))
    assert {s["basis"] for lv in data["levels"] for s in lv["steps"]} <= {"reported", "inferred"}


def test_a_reconstructed_case_says_its_record_is_reconstructed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "rebuilt-v-shop-2022"
    new_case(folder)
    case_yaml = folder / "case.yaml"
    text = case_yaml.read_text(encoding="utf-8")
    case_yaml.write_text(text.replace("\nkind: reported", "\nkind: reconstructed", 1), "utf-8")
    assert load_case(folder).kind == "reconstructed"
    en = _cli(capsys, "evaluate", str(folder), "--lang", "en")
    assert "The record as reconstructed" in en
    assert "matches the reported outcome" in en, "the outcomes are still as reported"


# --- validation ----------------------------------------------------------------------------------


def _problems(path: Path) -> list[str]:
    with pytest.raises(CaseError) as info:
        load_case(path)
    return [f"{p.line}: {p.field}: {p.message}" for p in info.value.problems]


def test_a_case_file_source_is_for_fiction_only(tmp_path: Path) -> None:
    folder = tmp_path / "mixed-v-shop-2024"
    new_case(folder)
    case_yaml = folder / "case.yaml"
    text = case_yaml.read_text(encoding="utf-8").replace("kind: news_report", "kind: case_file")
    case_yaml.write_text(text, encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "kind: case_file" in ln)
    found = _problems(case_yaml)
    assert any(p.startswith(f"{line}: sources[0].kind: a case_file source") for p in found), found


def test_the_kind_is_in_the_schema_and_defaults_to_reported() -> None:
    from mootcourt.casefile import CaseFile

    assert CaseFile.model_fields["kind"].default == "reported"
    base = Path(__file__).parent / "broken" / "_base.yaml"
    assert "\nkind:" not in base.read_text(encoding="utf-8"), "the default, not written"
    assert load_case(base).kind == "reported"
    assert (
        yaml.safe_load(
            (Path(__file__).parents[1] / "lessons/_template/case.yaml").read_text(encoding="utf-8")
        )["kind"]
        == "reported"
    )

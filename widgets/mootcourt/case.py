"""Load a case: find its files, read them safely, check every reference, and offer its worlds.

`load_case` is the one entry point (a case id, a folder or a `case.yaml` path). What it
returns is immutable; the engine and every widget read the case through it. Any problem in
the case file, its statute book or its scenarios is a `CaseError` listing every
`file:line: field.path: message` found, never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel

from .casefile import (
    OPTIONAL_SECTIONS,
    CaseFile,
    Claim,
    Evidence,
    Interval,
    LeakSpec,
    Level,
    Party,
    RoleAtLevel,
    Sensitivity,
    SourceRef,
    Text,
)
from .doctrine import Doctrine
from .engine.texts import check_overrides
from .errors import CaseError, DoctrineError, Problem
from .i18n import Messages, kind_key, messages
from .law import StatuteBook, StatuteFile
from .lessons import SCENARIOS_FILE, STATUTES, find_case_file, root_for
from .packs import Pack, find_pack, load_pack
from .packs.rules import Condition, read_condition
from .scenarios import load_scenarios
from .validation import did_you_mean, problem_at, raise_if, validate_file
from .world import Toggle, World
from .yamlsource import Located, read_yaml


class Case:
    """A validated case with its statute book: the object every part of the kit reads."""

    def __init__(
        self, file: CaseFile, located: Located, law: StatuteBook, root: Path, pack: Pack
    ) -> None:
        self.file = file
        self.path = located.path
        self.root = root
        self.law = law
        self.pack = pack
        """the dispute pack: the issues, doctrine, rule slots, texts and remedy kinds"""
        self.id = file.id
        self.dates: Mapping[str, Interval] = MappingProxyType(dict(file.dates))
        self.parties: Mapping[str, Party] = MappingProxyType({p.id: p for p in file.parties})
        self.evidence: Mapping[str, Evidence] = MappingProxyType({e.id: e for e in file.evidence})
        self.claims: Mapping[str, Claim] = MappingProxyType({c.id: c for c in file.claims})
        self.claim_grounds: Mapping[str, Condition] = MappingProxyType(
            claim_grounds(file, located, pack)[0]
        )
        """claim id -> its `grounds`, parsed in the pack's rule language (claims with none
        are left out)"""
        self.levels: Mapping[str, Level] = MappingProxyType({lv.id: lv for lv in file.levels})
        self.field_ids: tuple[str, ...] = tuple(f.id for f in file.fields)
        self.plaintiff = next(p.id for p in file.parties if p.role == "plaintiff")
        self.defendants: tuple[str, ...] = tuple(
            p.id for p in file.parties if p.role == "defendant"
        )
        self.handlers: tuple[str, ...] = tuple(p.id for p in file.parties if p.role == "handler")
        self.toggles: Mapping[str, Toggle] = MappingProxyType(_toggles(file))
        self._labels: dict[str, Text] = {
            item.id: item.label
            for item in (*file.parties, *file.fields, *file.evidence, *file.claims, *file.levels)
        }

    def __repr__(self) -> str:
        return f"<Case {self.id}: {len(self.toggles)} toggles, levels {list(self.levels)}>"

    @property
    def title(self) -> Text:
        return self.file.title

    @property
    def kind(self) -> str:
        """reported, reconstructed or fictional: how the kit may speak of the record."""
        return self.file.kind

    @property
    def record_basis(self) -> str:
        """The basis of what the case's courts are said to have decided: `reported`, or for a
        fictional case `given` (stated by its author; nothing in it is reported)."""
        return "given" if self.file.kind == "fictional" else "reported"

    def layers(self, level_id: str | None) -> tuple[Level | CaseFile, ...]:
        """Where the case file's own `rules` and `texts` for one court are found, the most
        specific first: the level's, then the whole case's (`level_id` None: the case's
        alone). The pack's defaults come after both."""
        if level_id is None:
            return (self.file,)
        return (self.levels[level_id], self.file)

    def record_key(self, key: str) -> str:
        """The catalogue key that words `key` for this case's kind (`cli.record_world` reads
        "The record as reported", "... as reconstructed" or "The case file's record"). Views
        ask here and never test the kind themselves."""
        return kind_key(messages("en").table, key, self.file.kind)

    def label(self, item_id: str, lang: str) -> str:
        """The readable name of a party, field, item of evidence, claim or level.

        An id without a label raises `KeyError`: a reader must never see a bare id.
        """
        text = self._labels.get(item_id)
        if text is None:
            raise KeyError(f"case '{self.id}' has no label for '{item_id}'")
        return text(lang)

    def issue_label(self, issue: str, lang: str) -> str:
        """An issue's name as this case's law puts it: the case file's own label where it has
        one (a case decided before PIPL does not speak of a personal-information processor),
        else the pack's."""
        own = self.file.issue_labels.get(issue)
        return own(lang) if own is not None else self.pack.issue[issue].label(lang)

    def messages(self, lang: str) -> Messages:
        """The kit's catalogue with this case's pack's words (`param.x`, `value.y`): what a
        view or the CLI reads a parameter's, value's, issue's or fact's name through."""
        return self.pack.messages(lang)

    def role(self, party_id: str, level_id: str) -> RoleAtLevel:
        """A party's part in the processing as one court saw it: the level's own entry in
        `roles` where the case file gives one, else the party's `processing`. Every step that
        asks who processed on whose behalf asks here, so two courts can see it differently."""
        return self._roles[party_id, level_id]

    def joint_partners(self, party_id: str, level_id: str) -> tuple[str, ...]:
        """The parties that process jointly with this one at this level (PIPL 20), whichever of
        the two names the other in `joint_with`: joint processing is mutual, so a defendant a
        joint processor names is a joint processor too, even where its own entry says
        `own_account`."""
        return self._partners[party_id, level_id]

    @cached_property
    def _roles(self) -> Mapping[tuple[str, str], RoleAtLevel]:
        roles = {}
        for party in self.file.parties:
            own = RoleAtLevel(
                processing=party.processing,
                entrusted_by=party.entrusted_by,
                joint_with=list(party.joint_with),
                basis=party.processing_basis or "reported",
            )
            for level_id in self.levels:
                roles[party.id, level_id] = party.roles.get(level_id, own)
        return MappingProxyType(roles)

    @cached_property
    def _partners(self) -> Mapping[tuple[str, str], tuple[str, ...]]:
        def named(p: str, level_id: str) -> list[str]:
            role = self._roles[p, level_id]
            return role.joint_with if role.processing == "joint" else []

        return MappingProxyType(
            {
                (p, level_id): tuple(
                    q
                    for q in self.parties
                    if q != p and (q in named(p, level_id) or p in named(q, level_id))
                )
                for p in self.parties
                for level_id in self.levels
            }
        )

    @cached_property
    def sensitive_fields(self) -> Mapping[str, Sensitivity]:
        """The fields the case file marks as sensitive personal information (PIPL 28), with
        their category and basis, in case order."""
        return MappingProxyType(
            {f.id: f.sensitive for f in self.file.fields if f.sensitive is not None}
        )

    def record_world(self) -> World:
        """What the courts had before them: record evidence in, record parties present."""
        return World(self.toggles, {t.id: t.default for t in self.toggles.values()})

    def doctrine(self, level_id: str) -> Doctrine:
        """A level's preset as a `Doctrine` (value and basis for each parameter)."""
        return self._doctrines[level_id]

    @cached_property
    def _doctrines(self) -> Mapping[str, Doctrine]:
        """Each level's preset over the pack's parameters, in the pack's order; a parameter
        the preset leaves out has the pack's default, marked as our reading."""
        out = {}
        for level_id, level in self.levels.items():
            values, bases = {}, {}
            for name, param in self.pack.parameters.items():
                setting = level.doctrine.get(name)
                values[name] = setting.value if setting is not None else param.default
                bases[name] = setting.basis if setting is not None else "inferred"
            out[level_id] = Doctrine(
                MappingProxyType(values), MappingProxyType(bases), self.pack.parameters
            )
        return MappingProxyType(out)

    def doctrine_overrides(
        self, overrides: Mapping[str, Mapping[str, str]] | None
    ) -> dict[str, dict[str, str]]:
        """Checked doctrine overrides (level id -> {parameter: value}) keeping only the values
        that differ from each level's preset; a level left with none is dropped, so an
        override never claims to change what the court already held.

        Raises `DoctrineError` naming the valid levels, parameters or values.
        """
        kept: dict[str, dict[str, str]] = {}
        for level_id, changes in (overrides or {}).items():
            self.check_level(level_id)
            differing = self.doctrine(level_id).differing(changes)
            if differing:
                kept[level_id] = differing
        return kept

    def check_level(self, level_id: str) -> None:
        """Raise `DoctrineError` for a level this case does not have, naming those it has."""
        if level_id not in self.levels:
            raise DoctrineError(f"unknown level '{level_id}'; valid: {', '.join(self.levels)}")

    @cached_property
    def supporting(self) -> Mapping[str, tuple[Evidence, ...]]:
        """fact -> the items of evidence that support it (an index the engine reads)."""
        return _index(self.file.evidence, "supports")

    @cached_property
    def defeating(self) -> Mapping[str, tuple[Evidence, ...]]:
        """fact -> the items of evidence that defeat it."""
        return _index(self.file.evidence, "defeats")

    @cached_property
    def scenarios(self) -> list:
        """The case's `scenarios.yaml`, validated (an empty list if the case has none)."""
        path = self.path.parent / SCENARIOS_FILE
        return load_scenarios(path, self) if path.is_file() else []


def _index(evidence: Iterable[Evidence], attr: str) -> Mapping[str, tuple[Evidence, ...]]:
    index: dict[str, list[Evidence]] = {}
    for e in evidence:
        for fact in getattr(e, attr):
            index.setdefault(fact, []).append(e)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


Stamp = tuple[tuple[int, int] | None, ...]
"""(mtime in ns, size) of each file a case is read from; None for one that is absent"""


def stamp(case_file: Path) -> Stamp:
    """What changes when an author saves a case: its `case.yaml` and its `scenarios.yaml`.
    The loader caches on it (an edited file is read again), and the explorer's watch compares
    it (a stat costs nothing; a reload re-validates and re-evaluates)."""
    return tuple(_stat(p) for p in (case_file, case_file.parent / SCENARIOS_FILE))


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def load_case(spec: str | os.PathLike[str]) -> Case:
    """Load a case by id (`liu-v-platform-2024`), folder, or `case.yaml` path."""
    path = find_case_file(spec)
    case = _load(path, stamp(path))
    if not _pack_is_current(case):  # its pack was edited since: read the case again with it
        _load.cache_clear()
        case = _load(path, stamp(path))
    return case


def _pack_is_current(case: Case) -> bool:
    """Is the pack the case was read with still the pack on disk (its files unchanged)?
    A stat of the pack's few files: the cached pack comes back only if none changed."""
    try:
        return load_pack(case.pack.folder) is case.pack
    except (KeyError, CaseError):
        return False


@lru_cache(maxsize=32)
def _load(path: Path, stamped: Stamp) -> Case:
    del stamped  # a cache key only: a case whose files were saved again is read again
    located = read_yaml(path)
    file = validate_file(located, CaseFile)
    root = root_for(path)
    pack = pack_of(file, located, root)
    law = load_statutes(root, path.parent)
    raise_if(check_references(file, located, law, pack))
    return Case(file, located, law, root, pack)


def pack_of(file: CaseFile, located: Located, root: Path) -> Pack:
    """The case's pack (`pack:`, default leak); an unknown pack is a problem at that line,
    and a broken pack's own problems are the case's too (the case cannot be read without
    it)."""
    try:
        return find_pack(file.pack, root)
    except KeyError as exc:
        raise CaseError([problem_at(located, ("pack",), str(exc.args[0]))]) from None


def load_statutes(root: Path, case_folder: Path | None = None) -> StatuteBook:
    """The lessons root's statute book, plus a case folder's own `statutes.yaml` overlay."""
    paths = [root / STATUTES]
    if case_folder is not None and (case_folder / "statutes.yaml").is_file():
        paths.append(case_folder / "statutes.yaml")
    keys = tuple((p, p.stat().st_mtime_ns) for p in paths)
    return _statutes(keys)


def load_statute_file(path: Path) -> StatuteBook:
    """One statute file on its own (`mootcourt validate lessons/law/statutes.yaml`)."""
    located = read_yaml(path)
    return StatuteBook([(located, validate_file(located, StatuteFile))])


@lru_cache(maxsize=8)
def _statutes(keys: tuple[tuple[Path, int], ...]) -> StatuteBook:
    files = []
    errors: list[CaseError] = []
    for path, _ in keys:
        try:
            located = read_yaml(path)
            files.append((located, validate_file(located, StatuteFile)))
        except CaseError as exc:
            errors.append(exc)
    if errors:
        raise CaseError.combine(errors)
    return StatuteBook(files)


def _hint(item: str, known: Iterable[str]) -> str:
    """'; did you mean X?' or, for short lists, '; known: a, b, c'."""
    known = list(known)
    close = did_you_mean(item, known)
    if close:
        return f"; did you mean '{close}'?"
    if len(known) <= 12:
        return f"; known: {', '.join(known) or 'none'}"
    return ""


def _toggles(file: CaseFile) -> dict[str, Toggle]:
    toggles: dict[str, Toggle] = {}
    for e in file.evidence:
        toggles[e.id] = Toggle(
            id=e.id,
            kind="evidence",
            label=e.label,
            offered_by=tuple(e.offered_by),
            hypothetical=not e.on_record,
            default=e.on_record,
            requires=tuple(e.requires),
        )
    for p in file.parties:
        if p.role == "handler":
            toggles[p.id] = Toggle(
                id=p.id,
                kind="party",
                label=p.label,
                offered_by=(),
                hypothetical=p.hypothetical,
                default=not p.hypothetical,
            )
    return toggles


def claim_grounds(
    file: CaseFile, located: Located, pack: Pack
) -> tuple[dict[str, Condition], list[Problem]]:
    """Each claim's `grounds`, parsed as a rule's condition against the case's pack, and the
    problems found at their lines."""
    found: dict[str, Condition] = {}
    problems: list[Problem] = []
    for i, claim in enumerate(file.claims):
        if claim.grounds is None:
            continue
        condition, bad = read_condition(
            located, ("claims", i, "grounds"), claim.grounds, pack.file, pack.granting
        )
        problems += bad
        if condition is not None:
            found[claim.id] = condition
    return found, problems


def check_references(
    file: CaseFile, located: Located, law: StatuteBook, pack: Pack
) -> list[Problem]:
    """Every id a case file names must exist (in the case, or in its pack's vocabulary), and
    every level must be complete."""
    problems: list[Problem] = []

    def bad(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(problem_at(located, loc, message))

    def refs(loc: tuple[str | int, ...], ids: Iterable[str], known: Iterable[str], what: str):
        known = list(known)
        for i, item in enumerate(ids):
            if item not in known:
                bad((*loc, i), f"unknown {what} '{item}'{_hint(item, known)}")

    # one namespace for everything a toggle, label or remedy can name
    seen: dict[str, tuple[str | int, ...]] = {}
    for section in ("parties", "fields", "evidence", "claims", "levels"):
        for i, item in enumerate(getattr(file, section)):
            if item.id in seen:
                first = located.line_of(seen[item.id])
                bad((section, i, "id"), f"duplicate id '{item.id}' (first at line {first})")
            else:
                seen[item.id] = (section, i, "id")

    roles = [p.role for p in file.parties]
    if roles.count("plaintiff") != 1:
        bad(("parties",), f"a case needs exactly one plaintiff, found {roles.count('plaintiff')}")
    defendants = [p.id for p in file.parties if p.role == "defendant"]
    if not defendants:
        bad(("parties",), "a case needs at least one defendant")
    party_ids = [p.id for p in file.parties]
    field_ids = [f.id for f in file.fields]
    toggle_ids = [e.id for e in file.evidence] + [p.id for p in file.parties if p.role == "handler"]
    claim_ids = [c.id for c in file.claims]
    sources = {s.id: [p.id for p in s.passages] for s in file.sources}

    def source_ref(loc: tuple[str | int, ...], ref) -> None:
        if ref is None:
            return
        if ref.ref not in sources:
            bad((*loc, "ref"), f"unknown source '{ref.ref}'; known: {', '.join(sources)}")
        elif ref.passage is not None and ref.passage not in sources[ref.ref]:
            bad(
                (*loc, "passage"),
                f"unknown passage '{ref.passage}' of source '{ref.ref}'; "
                f"known: {', '.join(sources[ref.ref])}",
            )

    def field_rules(loc: tuple[str | int, ...], rules) -> None:
        for j, rule in enumerate(rules):
            refs((*loc, j, "fields"), rule.fields, field_ids, "field")
            refs((*loc, j, "when"), rule.when, toggle_ids, "toggle")
            refs((*loc, j, "unless"), rule.unless, toggle_ids, "toggle")

    level_ids = [lv.id for lv in file.levels]

    def processing_role(loc: tuple[str | int, ...], party: str, role) -> None:
        """One processing role (the party's own, or one court's): entrusted names its
        principal, joint names its partners, and nothing else names either."""
        if role.processing == "entrusted" and role.entrusted_by is None:
            bad((*loc, "entrusted_by"), "an entrusted party must name who entrusted it")
        if role.entrusted_by is not None:
            if role.processing != "entrusted":
                bad((*loc, "entrusted_by"), "only an entrusted party has entrusted_by")
            refs(loc, [role.entrusted_by], defendants, "defendant in entrusted_by")
        if role.processing == "joint" and not role.joint_with:
            bad(
                (*loc, "joint_with"),
                "a joint processor must name the parties it processes with (PIPL 20)",
            )
        if role.joint_with:
            if role.processing != "joint":
                bad(
                    (*loc, "joint_with"),
                    "only a joint processor (processing: joint) has joint_with",
                )
            others = [q for q in party_ids if q != party]
            refs((*loc, "joint_with"), role.joint_with, others, "party in joint_with")

    for i, p in enumerate(file.parties):
        loc = ("parties", i)
        if p.role == "plaintiff" and p.hypothetical:
            bad((*loc, "hypothetical"), "the plaintiff cannot be hypothetical")
        if p.role == "defendant" and p.hypothetical:
            bad((*loc, "hypothetical"), "a defendant cannot be hypothetical: add a handler")
        processing_role(loc, p.id, p)
        for level_id, role in p.roles.items():
            if level_id not in level_ids:
                bad(
                    (*loc, "roles", level_id),
                    f"unknown level '{level_id}'{_hint(level_id, level_ids)}",
                )
            processing_role((*loc, "roles", level_id), p.id, role)
        refs((*loc, "holds", "known_through"), p.holds.known_through, toggle_ids, "toggle")
        field_rules((*loc, "holds", "rules"), p.holds.rules)
        source_ref((*loc, "source"), p.source)
    for section in OPTIONAL_SECTIONS:  # what outsiders knew: field rules like a party's
        spec = getattr(file, section)
        if isinstance(spec, LeakSpec):
            field_rules((section, "fields"), spec.fields)
    for section in pack.file.case.sections:
        if getattr(file, section) is None:
            bad((), f"a case of pack '{pack.id}' needs a '{section}' section")
    attributes = [a.id for a in pack.file.case.party_attributes]
    for i, p in enumerate(file.parties):
        refs(("parties", i, "attributes"), p.attributes, attributes, "party attribute")
    named_dates = [d.id for d in pack.file.case.dates]
    for name in file.dates:
        if name not in named_dates:
            bad(("dates", name), f"unknown date '{name}'{_hint(name, named_dates)}")
    for declared in pack.file.case.toggles:
        if declared.required and declared.id not in toggle_ids:
            bad(
                ("evidence",),
                f"a case of pack '{pack.id}' needs the item '{declared.id}' ({declared.label.en})",
            )

    for i, e in enumerate(file.evidence):
        loc = ("evidence", i)
        refs((*loc, "supports"), e.supports, pack.facts, "fact")
        refs((*loc, "defeats"), e.defeats, pack.facts, "fact")
        refs((*loc, "offered_by"), e.offered_by, party_ids, "party")
        refs((*loc, "about"), e.about, defendants, "defendant")
        refs((*loc, "requires"), e.requires, toggle_ids, "toggle")
        if e.id in e.requires:
            bad((*loc, "requires"), f"'{e.id}' cannot require itself")
        refs((*loc, "before"), e.before, [lv.id for lv in file.levels], "level")
        if e.confines is not None:
            refs((*loc, "confines", "items"), e.confines.items, toggle_ids, "toggle")
            refs(
                (*loc, "confines", "levels"),
                e.confines.levels,
                [lv.id for lv in file.levels],
                "level",
            )
        if e.stands_for is not None:
            refs((*loc, "stands_for"), [e.stands_for], toggle_ids, "toggle")
        refs((*loc, "preconditions"), e.preconditions, toggle_ids, "toggle")
        if e.on_record and e.source is None:
            bad(
                (*loc, "source"),
                "on-record evidence must cite its case file (a source of kind case_file)"
                if file.kind == "fictional"
                else "on-record evidence must cite the source that reports it",
            )
        source_ref((*loc, "source"), e.source)

    problems += claim_grounds(file, located, pack)[1]
    money_kinds = pack.money_remedies
    money = {c.id for c in file.claims if c.kind in money_kinds}
    kind_key = Claim.model_fields["kind"].alias or "kind"
    for i, c in enumerate(file.claims):
        refs(("claims", i, kind_key), [c.kind], pack.remedies, f"remedy kind of pack {pack.id}")
        refs(("claims", i, "needs"), c.needs, pack.facts, "fact")
        refs(("claims", i, "against"), c.against, defendants, "defendant")
        refs(("claims", i, "when"), c.when, toggle_ids, "toggle")
        refs(("claims", i, "data"), c.data, field_ids, "field")
        source_ref(("claims", i, "source"), c.source)
        if c.amount is not None and c.id not in money:
            bad(
                ("claims", i, "amount"),
                f"only a claim for money ({', '.join(money_kinds)}) has an amount",
            )
    priced = pack.amount_facts
    for i, e in enumerate(file.evidence):
        if e.amount is not None and not priced.intersection(e.supports):
            bad(
                ("evidence", i, "amount"),
                f"only evidence that supports {' or '.join(sorted(priced)) or 'a sum'} proves an "
                "amount",
            )

    for i, lv in enumerate(file.levels):
        loc = ("levels", i)
        params = pack.parameters
        for name, setting in lv.doctrine.items():
            if name not in params:
                bad(
                    (*loc, "doctrine", name),
                    f"unknown doctrine parameter '{name}'{_hint(name, params)}",
                )
                continue
            try:
                pack.check_value(name, setting.value)
            except DoctrineError as exc:
                bad((*loc, "doctrine", name, "value"), str(exc))
        for name, param in params.items():
            if name not in lv.doctrine and param.default is None:
                bad((*loc, "doctrine"), f"missing required key '{name}'")
        decided = lv.as_decided
        for d in decided.defendants:
            if d not in defendants:
                bad(
                    (*loc, "as_decided", "defendants", d),
                    f"unknown defendant '{d}'; known: {', '.join(defendants)}",
                )
        for d in defendants:
            if d not in decided.defendants:
                bad((*loc, "as_decided", "defendants"), f"no outcome given for defendant '{d}'")
        for d, outcome in decided.defendants.items():
            refs(
                (*loc, "as_decided", "defendants", d, "remedies"),
                outcome.remedies,
                claim_ids,
                "claim",
            )
            if outcome.liable != bool(outcome.remedies):
                bad(
                    (*loc, "as_decided", "defendants", d, "liable"),
                    "liable must be true exactly when a remedy is granted",
                )
            for claim in outcome.awarded:
                if claim not in outcome.remedies or claim not in money:
                    bad(
                        (*loc, "as_decided", "defendants", d, "awarded", claim),
                        f"'{claim}' must be a money claim ({', '.join(money_kinds)}) listed "
                        "in this defendant's remedies",
                    )
            others = [q for q in defendants if q != d]
            refs(
                (*loc, "as_decided", "defendants", d, "jointly_with"),
                outcome.jointly_with,
                others,
                "defendant",
            )
            for q in outcome.jointly_with:
                partner = decided.defendants.get(q)
                if partner is not None and d not in partner.jointly_with:
                    bad(
                        (*loc, "as_decided", "defendants", d, "jointly_with"),
                        f"joint and several liability is mutual: '{q}' must list '{d}' too",
                    )
        if decided.liable != any(o.liable for o in decided.defendants.values()):
            bad((*loc, "as_decided", "liable"), "must be true exactly when a defendant is liable")
        issues = pack.issues
        refs((*loc, "reasoning_order"), lv.reasoning_order or [], issues, "issue")
        refs((*loc, "reported_issues"), lv.reported_issues or [], issues, "issue")
        if lv.reasoning_order is not None and sorted(lv.reasoning_order) != sorted(issues):
            missing = [i for i in issues if i not in lv.reasoning_order]
            twice = sorted({i for i in lv.reasoning_order if lv.reasoning_order.count(i) > 1})
            detail = "; ".join(
                part
                for part in (
                    f"missing {', '.join(missing)}" if missing else "",
                    f"repeated {', '.join(twice)}" if twice else "",
                )
                if part
            )
            bad(
                (*loc, "reasoning_order"),
                f"must list each issue once ({', '.join(issues)}): {detail}",
            )
        source_ref((*loc, "source"), lv.source)
        source_ref((*loc, "as_decided", "source"), decided.source)
        if lv.appellants is not None:
            if i == 0:
                bad((*loc, "appellants"), "a first-instance level has no appellants")
            refs((*loc, "appellants", "parties"), lv.appellants.parties, party_ids, "party")

    for i, change in enumerate(file.timeline.changes if file.timeline is not None else []):
        refs(("timeline", "changes", i, "when"), change.when, toggle_ids, "toggle")
    for issue in file.issue_labels:
        if issue not in pack.issues:
            bad(("issue_labels", issue), f"unknown issue '{issue}'{_hint(issue, pack.issues)}")

    all_ids = list(seen)
    for i, a in enumerate(file.assumptions):
        refs(("assumptions", i, "concerns"), a.concerns, all_ids, "id")

    # rule and text overrides: the case's, then each level's own (same checks, own path)
    overridden: list[tuple[tuple[str | int, ...], Level | CaseFile]] = [((), file)]
    overridden += [(("levels", i), lv) for i, lv in enumerate(file.levels)]
    for at, owner in overridden:
        for slot, ids in owner.rules.items():
            if slot not in pack.rule_slots:
                bad(
                    (*at, "rules", slot),
                    f"unknown rule slot '{slot}'{_hint(slot, pack.rule_slots)}",
                )
            for j, cited in enumerate(ids):
                if cited not in law:  # an article id, or a pointer into one: cc-1165(1)
                    try:
                        law.pointer(cited)
                    except KeyError as exc:
                        bad((*at, "rules", slot, j), str(exc.args[0]))
        for lang, overrides in owner.texts.items():
            for key, message in check_overrides(
                overrides, pack.templates("en"), pack.template_keys
            ):
                bad((*at, "texts", lang, key), message)
    problems += kind_problems(file, located)
    return problems


def kind_problems(file: CaseFile, located: Located) -> list[Problem]:
    """What a case's `kind` forbids. A fictional case reports nothing: no `basis: reported`
    anywhere (its author's statements are `given`), and every `source:` cites its case file (a
    source of kind `case_file`). A case from real sources has no `given` and no case file."""
    problems: list[Problem] = []
    fictional = file.kind == "fictional"
    for loc, basis in _bases(file, ()):
        if fictional and basis == "reported":
            problems.append(
                problem_at(
                    located,
                    loc,
                    "a fictional case reports nothing: write given (stated by the case's "
                    "author) or inferred (our reading)",
                )
            )
        elif not fictional and basis == "given":
            problems.append(
                problem_at(
                    located,
                    loc,
                    f"given (stated by the case's author) is for a fictional case, and this "
                    f"one is {file.kind}: write reported or inferred, or set kind: fictional",
                )
            )
    kinds = {src.id: src.kind for src in file.sources}
    for i, src in enumerate(file.sources):
        if src.kind == "case_file" and not fictional:
            problems.append(
                problem_at(
                    located,
                    ("sources", i, "kind"),
                    f"a case_file source is a fictional case's own record, and this case is "
                    f"{file.kind}: name the published source (news_report, judgment or "
                    f"commentary), or set kind: fictional",
                )
            )
    if fictional:
        for loc, ref in _source_refs(file, ()):
            if kinds.get(ref) not in (None, "case_file"):
                problems.append(
                    problem_at(
                        located,
                        (*loc, "ref"),
                        f"a fictional case cites its case file, not a {kinds[ref]}: give "
                        f"'{ref}' kind: case_file, or cite a source of that kind",
                    )
                )
    return problems


def _walk(node: object, loc: tuple[str | int, ...]) -> Iterable[tuple[tuple, str, object]]:
    """Every (path, key, value) under a validated model, keys as the author wrote them."""
    if isinstance(node, BaseModel):
        for name, spec in type(node).model_fields.items():
            if name not in node.model_fields_set:
                continue  # a default: nothing the author wrote
            key = spec.alias or name
            value = getattr(node, name)
            yield (*loc, key), key, value
            yield from _walk(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, (*loc, i))
    elif isinstance(node, dict):
        for k, value in node.items():
            yield from _walk(value, (*loc, k))


def _bases(file: CaseFile, loc: tuple) -> Iterable[tuple[tuple, str]]:
    for path, key, value in _walk(file, loc):
        if key in ("basis", "processing_basis") and isinstance(value, str):
            yield path, value


def _source_refs(file: CaseFile, loc: tuple) -> Iterable[tuple[tuple, str]]:
    for path, key, value in _walk(file, loc):
        if key == "source" and isinstance(value, SourceRef):
            yield path, value.ref

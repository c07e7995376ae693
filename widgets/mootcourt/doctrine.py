"""The doctrinal switches on which courts can differ, as named parameters.

After Carneades: the two courts are not two programs but two audiences judging one
argument structure. A court is a preset of these parameters; a new court (a retrial, a
hypothetical review) is a new preset, never new code. Parameter and value names are part of
the CLI contract (`--doctrine LEVEL.PARAM=VALUE`), so they change only with a major version.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from .errors import DoctrineError

Basis = Literal["reported", "inferred", "given", "override"]
"""Where a preset value comes from: the report says so, it is our reading, the author of a
fictional case set it, or a user set it."""
RECORD_BASES: frozenset[str] = frozenset({"reported", "given"})
"""The bases that are the court's own in the case's record (reported, or set by the author of
a fictional case), as against our reading or a user's change."""


@dataclass(frozen=True, slots=True)
class Parameter:
    """One doctrinal switch: its values and what each means, in both languages."""

    name: str
    values: tuple[str, ...]
    meaning: Mapping[str, Mapping[str, str]]
    """value -> {lang: one line a student can read}"""


def _param(name: str, **values: tuple[str, str]) -> Parameter:
    meaning = {v: MappingProxyType({"en": en, "zh-CN": zh}) for v, (en, zh) in values.items()}
    return Parameter(name, tuple(values), MappingProxyType(meaning))


PARAMETERS: Mapping[str, Parameter] = MappingProxyType(
    {
        p.name: p
        for p in (
            _param(
                "attribution",
                party_level=(
                    "judged party by party: any other party handling the plaintiff's data "
                    "keeps a leak by the defendant below high probability",
                    "逐一审视各方主体：只要还有其他主体接触原告信息，被告泄露的事实即达不到高度可能性",
                ),
                field_level=(
                    "a party stays a possible source only if it holds every leaked field",
                    "只有掌握全部被泄露信息的主体才仍是可能的泄露来源",
                ),
            ),
            _param(
                "measures_relevance",
                against_leak=(
                    "the defendant's general-compliance evidence counts against attribution: "
                    "elimination alone is not enough, a positive link to the defendant is needed",
                    "被告的一般合规证据对归因有反驳作用：仅靠排除法不够，还须有指向被告的积极联系",
                ),
                fault_only=(
                    "compliance evidence plays no part in attribution; it goes to fault only",
                    "合规证据不影响归因，只在过错问题上考虑",
                ),
            ),
            _param(
                "fault_rule",
                plaintiff_proves=(
                    "the plaintiff proves fault (fault liability, Civil Code 1165(1) or before "
                    "2021 Tort Liability Law 6(1); the burden from CPL Interpretation Art. 91); "
                    "where PIPL Art. 69 reaches the facts in time, a counterfactual departure "
                    "from the law, labelled as such",
                    "由原告证明过错（过错责任：民法典第一千一百六十五条第一款，2021年以前为侵权责任法"
                    "第六条第一款；举证责任依民诉法解释第九十一条）；个人信息保护法第六十九条在时间上"
                    "适用于本案事实时，此为背离现行法律的反事实假设，并标明",
                ),
                presumed=(
                    "fault is presumed where PIPL Art. 69 applies in time (Civil Code 1165(2)); "
                    "otherwise the plaintiff proves it",
                    "个人信息保护法第六十九条在时间上适用时推定过错（民法典第一千一百六十五条第二款），"
                    "否则由原告证明",
                ),
                fairness_allocation=(
                    "while the 2001 Evidence Provisions were in force (2002-04-01 to 2020-05-01): "
                    "where no law allocates the burden, the court may put the burden of proving no "
                    "fault on the defendant by fairness and each side's ability to prove (Art. 7); "
                    "not a presumption: the defendant loses for want of proof (our reading of the "
                    "Pang appeal's stress on unequal information; contested); a court deciding "
                    "outside that time applies the law in force instead",
                    "2001年民事证据规定施行期间（2002年4月1日至2020年5月1日）：法律没有具体规定时，"
                    "法院可以根据公平原则和诚实信用原则，综合当事人举证能力确定由被告证明自己没有过错"
                    "（第七条）；此非过错推定，被告承担举证不能的不利后果（本套件对庞理鹏案二审强调信息"
                    "不对等的解读，存在争议）；在此期间以外裁判的法院改为适用现行有效的规定",
                ),
            ),
            _param(
                "rebuttal",
                general_compliance=(
                    "filings, policies and certificates can answer a presumed or inferred fault "
                    "(the kit applies one test to both; the law distinguishes proof of no fault "
                    "from counter-evidence)",
                    "备案证明、制度文件、认证等一般合规证据即可推翻推定或反驳推断的过错"
                    "（本套件对两者适用同一标准；法律上证明没有过错与提出反驳证据有别）",
                ),
                assessment_report=(
                    "our teaching ladder: an assessment report on the systems answers it, a "
                    "filing certificate or a policy does not",
                    "本套件的教学阶梯：系统测评报告即可推翻，备案证明或制度文件不能",
                ),
                specific_processing=(
                    "only evidence about the processing of this plaintiff's data answers it",
                    "只有关于处理本案原告信息的具体证据才能推翻",
                ),
            ),
            _param(
                "fault_inference",
                none=(
                    "where the plaintiff proves fault, fault needs its own evidence",
                    "由原告证明过错时，过错须有独立证据",
                ),
                from_custody=(
                    "once the leak is attributed to the defendant, a leak from its custody "
                    "supports "
                    "the inference that it failed to keep the data secure (an inference of fact, "
                    "Evidence Provisions Art. 10(1)(4), open to counter-evidence)",
                    "泄露一旦归于被告，信息从其保管中泄露可据以推断其未尽安全保障义务（事实推定，"
                    "民事证据规定第十条第一款第四项，可被相反证据反驳）",
                ),
            ),
            _param(
                "entrusted_channels",
                separate=(
                    "a party processing on the defendant's behalf is another possible source",
                    "受托处理者是另一个可能的泄露来源",
                ),
                within_platform=(
                    "a leak through a party processing on the defendant's behalf stays inside "
                    "the defendant's processing (our reading of PIPL 21, 59; contested)",
                    "经受托处理者发生的泄露仍属于被告自身的处理活动（本套件对个人信息保护法"
                    "第二十一条、第五十九条的解读，存在争议）",
                ),
            ),
            _param(
                "temporal_anchor",
                act=(
                    "PIPL applies if in force at the leak (between the collection of the leaked "
                    "data and the first harmful contact)",
                    "泄露行为发生时个人信息保护法已施行的，即适用（泄露时间介于被泄露信息的收集与首次侵害之间）",
                ),
                harm=(
                    "PIPL applies if in force at the first harmful contact",
                    "首次侵害发生时个人信息保护法已施行的，即适用",
                ),
                continuing=(
                    "PIPL applies if the defendant still held the data once it was in force and "
                    "harm occurred on or after that date",
                    "被告在个人信息保护法施行后仍持有该信息，且侵害发生在施行之日或之后的，即适用",
                ),
                storage=(
                    "a competing reading of ours: storing is processing (PIPL Art. 4) and the "
                    "security duty continues, so data still held on 2021-11-01 fall under PIPL "
                    "where some harm came, or may have come, on or after that date (the Civil "
                    "Code's rules on time, Art. 1(3), by analogy); harm complete before it stays "
                    "outside, since the continued storage did not cause it",
                    "本套件提出的另一种读法：存储即属处理（个人信息保护法第四条），安全保障义务持续存在，"
                    "故2021年11月1日仍持有的信息，在侵害发生或可能发生在该日或此后时适用个人信息保护法"
                    "（类推民法典时间效力规定第一条第三款）；此前已经完成的损害并非持续存储所致，不在其列",
                ),
            ),
            _param(
                "several_defendants",
                as_reported=(
                    "the court finds it highly probable that the leak came from the defendants, "
                    "names no leaker, and judges each on ordinary fault (as reported of the 2017 "
                    "Pang appeal, which is not reported to have ruled out other holders first)",
                    "认定泄露出自被告具有高度可能性，不认定具体泄露者，按一般过错责任分别判断"
                    "（据报道，2017年庞理鹏案二审即如此；报道未载其先行排除其他持有者）",
                ),
                joint_danger_affirmative=(
                    "our reconstruction: joint dangerous conduct by analogy (Tort Liability Law "
                    "Art. 10; Civil Code Art. 1170 for facts after 2020); a defendant escapes by "
                    "proving that it did not cause the harm (the affirmative view, 肯定说)",
                    "本套件的重构：类推共同危险行为（侵权责任法第十条；2021年以后的事实为民法典"
                    "第一千一百七十条）；被告证明自己的行为与损害无因果关系即可免责（肯定说）",
                ),
                joint_danger_negative=(
                    "our reconstruction: joint dangerous conduct by analogy; a defendant escapes "
                    "only if the actual tortfeasor is identified (the negative view, 否定说: the "
                    "statute's wording and the prevailing commentary)",
                    "本套件的重构：类推共同危险行为；只有确定具体侵权人，其余被告才能免责"
                    "（否定说：法条文义及通说）",
                ),
            ),
            _param(
                "withheld_document",
                content_accepted=(
                    "where the opponent refuses without good reason to produce a document the "
                    "court ordered it to produce, the court accepts the applicant's account of "
                    "the document's content (a discretion: 'may')",
                    "对方当事人无正当理由拒不提交法院责令提交的书证的，法院认定申请人所主张的书证内容"
                    "为真实（“可以”：属法院裁量）",
                ),
                not_accepted=(
                    "the court does not exercise that discretion: the refusal leaves the content "
                    "of the document unproven",
                    "法院未行使该裁量权：拒不提交并不使书证内容得到证明",
                ),
            ),
        )
    }
)


SEVERAL_DEFENDANTS_ONLY = frozenset({"several_defendants"})
"""parameters that decide nothing in a case with one defendant"""


def applies(param: str, defendants: int) -> bool:
    """Does this parameter decide anything in a case with this many defendants? (Where there
    is one defendant, no text, row or control speaks of other defendants.)"""
    return defendants > 1 or param not in SEVERAL_DEFENDANTS_ONLY


def check_value(param: str, value: str, *, where: str = "") -> None:
    """Raise `DoctrineError` naming the valid parameters or values.

    The one place doctrine values are checked: a level's preset in a case file, a scenario's
    `doctrine`, the CLI's `--doctrine` and the explorer all come here.
    """
    prefix = f"{where}: " if where else ""
    if param not in PARAMETERS:
        raise DoctrineError(
            f"{prefix}unknown doctrine parameter '{param}'; valid: {', '.join(PARAMETERS)}"
        )
    values = PARAMETERS[param].values
    if value not in values:
        raise DoctrineError(
            f"{prefix}unknown value '{value}' for {param}; valid: {', '.join(values)}"
        )


@dataclass(frozen=True, slots=True)
class Doctrine:
    """One level's doctrine: a value and its basis for every parameter."""

    values: Mapping[str, str]
    basis: Mapping[str, Basis]

    def __getitem__(self, param: str) -> str:
        return self.values[param]

    def differing(self, changes: Mapping[str, str]) -> dict[str, str]:
        """The changes (checked) whose value differs from this doctrine's: setting a
        parameter to its preset value is no override, so it is never marked as one."""
        for param, value in changes.items():
            check_value(param, value)
        return {p: v for p, v in changes.items() if self.values[p] != v}

    def with_values(self, changes: Mapping[str, str]) -> Doctrine:
        """A copy with some parameters set by the user; only values that differ from this
        doctrine are marked `override` (the rest keep their basis, reported or inferred)."""
        changed = self.differing(changes)
        return Doctrine(
            MappingProxyType({**self.values, **changed}),
            MappingProxyType({**self.basis, **dict.fromkeys(changed, "override")}),
        )

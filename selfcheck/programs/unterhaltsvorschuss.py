"""Unterhaltsvorschuss (UVG), paid by the Jugendamt (Unterhaltsvorschusskasse).

For a child under 18 living with one parent who is not married to (or living with) the
other parent (a child whose ``parent2`` lives in the household gets nothing): Mindestunterhalt of the age group minus the full Kindergeld (§ 2 Abs. 2 UVG),
minus maintenance the other parent pays (§ 2 Abs. 3). From age 12 (§ 1 Abs. 1a) the child
must not depend on SGB II, or the UVG must end that need, or the parent must have at least
600 € of income (all income but Kindergeld, before § 11b deductions, § 1 Abs. 1a Satz 1 Nr. 2);
that condition is applied in priority.py once the SGB II result is known.
The amount paid is rounded up to whole euros; under 5 € nothing is paid (§ 9 Abs. 3 UVG).

Not modelled: the child's own income after leaving school (§ 2 Abs. 4), whether the other
parent is known or has died (Waisenrente), and backdating. A parent living with a partner
who is not married to them: ``needs_advice`` (no UVG if the partner is the other parent).
GETTSIM computes UVG on the same Mindestunterhalt basis; it does not ask about partners, and
from age 12 it applies only the 600 € rule, not "the UVG ends the child's SGB II need".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal

from ..household import ZERO, D, Household
from ..params import Params
from ..result import program_result, LIKELY, NEEDS_ADVICE, NOT_ENTITLED, POSSIBLE, ProgramResult, Step

PROGRAM = "unterhaltsvorschuss"
OFFICE = "jugendamt"


@dataclass
class Assessment:
    status: str
    amount: Decimal = ZERO
    per_child: dict = field(default_factory=dict)
    older: list = field(default_factory=list)   # ids of children from the § 1 Abs. 1a age
    steps: list = field(default_factory=list)
    reasons: list = field(default_factory=list)


def assess(hh: Household, params: Params, local=None) -> Assessment:
    res = Assessment(status=NOT_ENTITLED)
    limit = params.get(PROGRAM, "altersgrenze").value
    children = [c for c in hh.children() if c["age"] < limit]
    if not children:
        res.reasons.append(Step("uvg.no_child", None, "§ 1 Abs. 1 Nr. 1 UVG", {"age": limit}))
        return res
    partner = hh.partner()
    if partner is not None and (partner.get("married") or hh.applicant.get("married")):
        res.reasons.append(Step("uvg.parent_married", None, "§ 1 Abs. 1 Nr. 2, Abs. 3 UVG", {}))
        return res
    advice = []
    if partner is not None and not all(c.get("parent2") in hh.by_id for c in children):
        advice.append(Step("uvg.partner_advice", None, "§ 1 Abs. 3 UVG", {}))
    table = params.get(PROGRAM, "mindestunterhalt")
    bands = sorted((int(k), D(v)) for k, v in table.value.items())
    kg = D(params.get("kindergeld", "betrag_je_kind").value)
    older_from = params.get(PROGRAM, "alter_einkommensregel").value
    smallest = params.get(PROGRAM, "mindestauszahlung")
    for c in children:
        if c.get("parent2") in hh.by_id:
            res.steps.append(Step("uvg.lives_with_both_parents", ZERO, "§ 1 Abs. 1 Nr. 2 UVG", {"person": c["id"]}))
            continue
        mindest = [v for age, v in bands if c["age"] >= age][-1]
        paid = D(c.get("other_income", {}).get("unterhalt", 0))
        amount = max(mindest - kg - paid, ZERO).to_integral_value(rounding=ROUND_CEILING)
        res.steps.append(Step("uvg.child", amount, "§ 2 UVG, § 9 Abs. 3 Satz 2 UVG",
                              {"person": c["id"], "mindestunterhalt": float(mindest),
                               "kindergeld": float(kg), "unterhalt": float(paid)}))
        if ZERO < amount < D(smallest.value):
            res.steps.append(Step("uvg.below_smallest_payout", amount, smallest.legal_basis,
                                  {"person": c["id"], "minimum": float(smallest.value)}))
            amount = ZERO
        if amount > 0:
            res.per_child[c["id"]] = amount
            if c["age"] >= older_from:
                res.older.append(c["id"])
    res.amount = sum(res.per_child.values(), ZERO)
    if res.amount <= 0:
        both = all(c.get("parent2") in hh.by_id for c in children)
        res.reasons.append(Step("uvg.lives_with_both_parents" if both else "uvg.maintenance_paid", None,
                                "§ 1 Abs. 1 Nr. 2 UVG" if both else "§ 2 Abs. 3 UVG", {"person": ""}))
        return res
    res.reasons.extend(advice)
    res.status = NEEDS_ADVICE if advice else (POSSIBLE if res.older else LIKELY)
    return res


def to_result(a: Assessment) -> ProgramResult:
    return program_result(PROGRAM, OFFICE, a, a.amount)


def evaluate(hh: Household, params: Params, local=None) -> ProgramResult:
    return to_result(assess(hh, params, local))

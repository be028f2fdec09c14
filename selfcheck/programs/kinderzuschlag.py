"""Kinderzuschlag (§ 6a BKGG), paid by the Familienkasse.

Per child the Höchstbetrag minus 45 % of the child's own income (Unterhalt,
Unterhaltsvorschuss, counted earnings); from the sum, 45 % of the parents' income above
their Bemessungsgrenze is withdrawn. The Bemessungsgrenze is the parents' SGB II need:
their Regelbedarfe and Mehrbedarfe plus their share of the housing costs, the share taken
from the Existenzminimumbericht (§ 6a Abs. 5 BKGG). Parents need a gross income of at
least 900 € (single parents 600 €). Whether the Kinderzuschlag together with the Wohngeld
ends the SGB II need (§ 6a Abs. 1 Nr. 3, Abs. 1a) is decided in priority.py.

Where we knowingly differ from GETTSIM:
- parents' housing costs are the actual warm costs (no check of their reasonableness);
- the 2025 Existenzminimum housing figures were not found: months in 2025 are
  ``needs_advice`` (GETTSIM has them);
- the asset rule after 1.7.2026 keeps the former 40,000/15,000 € (not confirmed);
  excess assets reduce the amount, as in GETTSIM;
- parents' income follows income.py (no negative counted income; 1,500 € band only with a
  minor child), so where GETTSIM lets a negative income offset the partner's, our amount is
  slightly lower;
- the extended access with a gap of at most 100 € (§ 6a Abs. 1a) is modelled in
  priority.py; GETTSIM does not model it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .. import bedarf, income
from ..household import ZERO, D, Household
from ..params import Params
from ..result import program_result, LIKELY, NOT_ENTITLED, POSSIBLE, ProgramResult, Step
from . import kindergeld

PROGRAM = "kinderzuschlag"
OFFICE = "familienkasse"
NOT_PARENT_INCOME = ("kinderzuschlag", "wohngeld", "kindergeld_uebertrag")


@dataclass
class Assessment:
    status: str
    amount: Decimal = ZERO
    per_child: dict = field(default_factory=dict)
    steps: list = field(default_factory=list)
    reasons: list = field(default_factory=list)
    earned_deductions: Decimal = ZERO  # parents' § 11b Abs. 2, 3 deductions (for § 6a Abs. 1a)


def assess(hh: Household, params: Params, local=None) -> Assessment:
    res = Assessment(status=NOT_ENTITLED)
    parents = hh.adults_core()
    children = [c for c in hh.children() if kindergeld.counts(c, params) and not c.get("married", False)
                and hh.parent_of(c) in parents]
    if not children:
        res.reasons.append(Step("kinderzuschlag.no_child", None, "§ 6a Abs. 1 BKGG", {}))
        return res
    if hh.applicant.get("residence_status") in ("asylum_procedure", "toleration"):
        res.reasons.append(Step("kinderzuschlag.residence", None, "§ 1 BKGG, § 62 Abs. 2 EStG", {}))
        return res

    # Minimum income (gross, § 11b deductions not subtracted).
    minimum = params.get(PROGRAM, "mindesteinkommen")
    single = hh.partner() is None
    needed = D(minimum.value["alleinerziehend" if single else "paar"])
    gross = sum((hh.gross(p) + sum((v for k, v in hh.other_income(p).items() if k not in NOT_PARENT_INCOME), ZERO)
                 for p in parents), ZERO)
    res.steps.append(Step("kinderzuschlag.parents_gross", gross, minimum.legal_basis, {"minimum": float(needed)}))
    if gross < needed:
        res.reasons.append(Step("kinderzuschlag.below_minimum_income", gross, minimum.legal_basis,
                                {"minimum": float(needed)}))
        return res

    # Children: Höchstbetrag minus 45 % of their own income.
    top = params.get(PROGRAM, "hoechstbetrag")
    rate_child = D(params.get(PROGRAM, "entzugsrate_kind").value)
    total = ZERO
    for c in children:
        own, _ = income.counted(hh, c, params, skip=("kinderzuschlag", "wohngeld"))
        amount = max(D(top.value) - rate_child * own, ZERO)
        res.per_child[c["id"]] = amount
        res.steps.append(Step("kinderzuschlag.child", amount, top.legal_basis,
                              {"person": c["id"], "child_income": float(own)}))
        total += amount

    # Parents: Bemessungsgrenze = their needs + their share of the housing costs.
    exm = params.get(PROGRAM, "wohnkosten_existenzminimum").value
    kind = "alleinstehend" if single else "paar"
    parent_part = D(exm["kdu"][kind]) + D(exm["heizung"][kind])
    child_part = D(exm["kdu"]["kind"]) + D(exm["heizung"]["kind"])
    share = parent_part / (parent_part + child_part * len(children))
    family = len(parents) + len(children)
    housing = hh.warm_costs * D(family) / D(len(hh.persons))
    needs = ZERO
    for p in parents:
        need, _, _ = bedarf.person_needs(hh, p, params)
        needs += need
    limit = needs + housing * share
    res.steps.append(Step("kinderzuschlag.bemessungsgrenze", limit, "§ 6a Abs. 5 BKGG",
                          {"housing_share_percent": float((share * 100).quantize(Decimal("0.01")))}))
    parents_income = ZERO
    for p in parents:
        own, _ = income.counted(hh, p, params, skip=NOT_PARENT_INCOME)
        parents_income += own
        res.earned_deductions += income.erwerbstaetigen_absetzung(
            hh.gross(p), hh.net(p), income.has_minor_child(hh, p, params), params)
    res.steps.append(Step("kinderzuschlag.parents_income", parents_income, "§ 6a Abs. 6 BKGG, § 11b SGB II", {}))
    excess = max(parents_income - limit, ZERO)
    if excess > 0:
        rate = D(params.get(PROGRAM, "entzugsrate_eltern").value)
        cut = rate * excess
        res.steps.append(Step("kinderzuschlag.parents_withdrawal", -min(cut, total), "§ 6a Abs. 6 BKGG",
                              {"excess": float(excess)}))
        total = max(total - cut, ZERO)

    vermoegen = params.get(PROGRAM, "vermoegen")
    allowance = D(vermoegen.value["erste_person"]) + D(vermoegen.value["weitere_person"]) * (family - 1)
    if hh.assets > allowance:
        cut = hh.assets - allowance
        res.steps.append(Step("kinderzuschlag.assets_withdrawal", -min(cut, total), vermoegen.legal_basis,
                              {"allowance": float(allowance)}))
        total = max(total - cut, ZERO)

    if total <= 0:
        res.reasons.append(Step("kinderzuschlag.income_too_high", None, "§ 6a Abs. 6 BKGG", {}))
        return res
    # Spread the final amount over the children in proportion (needed as the child's income in SGB II).
    base = sum(res.per_child.values(), ZERO)
    res.per_child = {k: (v * total / base if base else ZERO) for k, v in res.per_child.items()}
    res.amount = total
    res.steps.append(Step("kinderzuschlag.amount", total, "§ 6a BKGG", {}))
    res.status = LIKELY if hh.applicant.get("residence_status", "german") in ("german", "eu", "settled") else POSSIBLE
    return res


def to_result(a: Assessment) -> ProgramResult:
    return program_result(PROGRAM, OFFICE, a, a.amount)


def evaluate(hh: Household, params: Params, local=None) -> ProgramResult:
    return to_result(assess(hh, params, local))

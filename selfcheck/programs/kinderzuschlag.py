"""Kinderzuschlag (§ 6a BKGG), paid by the Familienkasse.

Per child the Höchstbetrag minus 45 % of the child's own income (Unterhalt,
Unterhaltsvorschuss, counted earnings, § 6a Abs. 3). From the sum the parents' income above
their Bemessungsgrenze is withdrawn (§ 6a Abs. 6): the excess is taken to come from the
earnings (45 % withdrawn) unless the other income (ALG I, Elterngeld, pension, ...) on its own
exceeds the Bemessungsgrenze; that part is withdrawn in full. The Bemessungsgrenze is the
parents' SGB II need: their Regelbedarfe and Mehrbedarfe plus their share of the housing
costs, the share fixed by the 12th Existenzminimumbericht (§ 6a Abs. 5 Satz 4 BKGG). Parents
need an income of at least 900 € (single parents 600 €), § 11b deductions not subtracted.
Assets above 40,000 € plus 15,000 € per further member (§ 6a Abs. 3 Satz 5) end the claim when
they are at least one month's Kinderzuschlag; smaller excess assets reduce only the first
month of the approval period (§ 6a Abs. 3 Satz 6-7, Abs. 6 Satz 5): the monthly amount shown is
the one paid from the second month. Whether the Kinderzuschlag together with the Wohngeld ends
the SGB II need (§ 6a Abs. 1 Nr. 3, Abs. 1a) is decided in priority.py.

Where we knowingly differ from GETTSIM:
- parents' housing costs are the actual warm costs (no check of their reasonableness);
- the housing share uses the 12th Existenzminimumbericht as § 6a Abs. 5 Satz 4 BKGG says;
  GETTSIM uses the latest report (the shares differ by less than 0.1 percentage points in 2026);
- parents' other income is withdrawn at 100 % as § 6a Abs. 6 Satz 4 says; GETTSIM withdraws
  all parental income at 45 %;
- excess assets: first month only or no claim (§ 6a Abs. 3 Satz 6-7); GETTSIM reduces every
  month by the excess;
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
    earned = other = ZERO
    for p in parents:
        parts = income.counted_parts(hh, p, params, skip=NOT_PARENT_INCOME)
        earned += parts.earned
        other += parts.other
        res.earned_deductions += income.erwerbstaetigen_absetzung(
            hh.gross(p), hh.net(p), income.has_minor_child(hh, p, params), params, p)
    parents_income = earned + other
    res.steps.append(Step("kinderzuschlag.parents_income", parents_income, "§ 6a Abs. 6 BKGG, § 11b SGB II",
                          {"earned": float(earned), "other": float(other)}))
    excess = max(parents_income - limit, ZERO)
    if excess > 0:
        # § 6a Abs. 6 Satz 2-4: the excess comes from the earnings (45 %) unless the other income
        # alone exceeds the limit; that part is withdrawn in full.
        rate = D(params.get(PROGRAM, "entzugsrate_eltern").value)
        from_other = max(other - limit, ZERO)
        from_earned = excess - from_other
        cut = rate * from_earned + from_other
        res.steps.append(Step("kinderzuschlag.parents_withdrawal", -min(cut, total), "§ 6a Abs. 6 BKGG",
                              {"excess": float(excess), "earned_excess": float(from_earned),
                               "other_excess": float(from_other), "percent": float(rate * 100)}))
        total = max(total - cut, ZERO)

    if total <= 0:
        res.reasons.append(Step("kinderzuschlag.income_too_high", None, "§ 6a Abs. 6 BKGG", {}))
        return res

    vermoegen = params.get(PROGRAM, "vermoegen")
    allowance = D(vermoegen.value["erste_person"]) + D(vermoegen.value["weitere_person"]) * (family - 1)
    if hh.assets > allowance:
        excess_assets = hh.assets - allowance
        if excess_assets >= total:
            res.reasons.append(Step("kinderzuschlag.assets_end_claim", excess_assets, "§ 6a Abs. 3 Satz 6 BKGG",
                                    {"allowance": float(allowance), "amount": float(total)}))
            return res
        res.steps.append(Step("kinderzuschlag.assets_first_month", total - excess_assets, "§ 6a Abs. 3 Satz 7 BKGG",
                              {"allowance": float(allowance), "excess": float(excess_assets)}))
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

"""Income as the SGB II counts it (§§ 11, 11b SGB II), per person.

Used by the Grundsicherungsgeld program and by the Kinderzuschlag (parents' and child's
income). Kindergeld is handled by the caller (it is the child's income, § 11 Abs. 1 SGB II).

Simplifications (documented, see also programs/grundsicherungsgeld.py):
- the Grundabsetzbetrag is the flat 100 € (§ 11b Abs. 2 Satz 1); higher proven costs and the
  special allowance for pupils and students under 25 (§ 11b Abs. 2b) are not modelled;
- the 30 € Versicherungspauschale is deducted for adults with income but no earnings (with
  earnings it is part of the 100 €);
- Elterngeld: only the § 10 Abs. 5 BEEG allowance (earnings before the birth, at most 300 €,
  Plus half) stays free, when the person's ``elterngeld`` entry gives those earnings; Kinderzuschlag and Wohngeld added by the priority check
  count in full.
"""
from __future__ import annotations

from decimal import Decimal

from .household import ZERO, D, Household
from .params import Params
from .result import Step

PROGRAM = "grundsicherungsgeld"


def erwerbstaetigen_absetzung(gross: Decimal, net: Decimal, with_child: bool, params: Params) -> Decimal:
    """Grundabsetzbetrag plus Erwerbstätigenfreibetrag, never more than the net income."""
    if gross <= 0 and net <= 0:
        return ZERO
    base = D(params.get(PROGRAM, "grundabsetzbetrag").value)
    rule = params.get(PROGRAM, "erwerbstaetigenfreibetrag").value
    free = ZERO
    for band in rule["stufen"]:
        upper = D(band["bis"])
        if band is rule["stufen"][-1] and with_child:
            upper = D(rule["obergrenze_mit_kind"])
        low = D(band["von"])
        if gross > low:
            free += (min(gross, upper) - low) * D(band["anteil"])
    return min(base + free, net)


def adult_age(params: Params) -> int:
    return params.get("allgemein", "volljaehrigkeit").value


def has_minor_child(hh: Household, person: dict, params: Params) -> bool:
    """§ 11b Abs. 3 Satz 3: the person lives with a minor child or has one."""
    if person not in hh.adults_core():
        return False
    return any(c["age"] < adult_age(params) for c in hh.children())


def counted(hh: Household, person: dict, params: Params, skip: tuple[str, ...] = ()) -> tuple[Decimal, list[Step]]:
    """Counted monthly income of one person (without Kindergeld), with explanation steps."""
    steps: list[Step] = []
    pid = person["id"]
    gross, net = hh.gross(person), hh.net(person)
    total = ZERO
    if gross > 0 or net > 0:
        deduction = erwerbstaetigen_absetzung(gross, net, has_minor_child(hh, person, params), params)
        total += net - deduction
        steps.append(Step("income.earned", net, "§ 11 Abs. 1 SGB II", {"person": pid, "gross": float(gross)}))
        steps.append(Step("income.earned_allowance", -deduction, "§ 11b Abs. 2, 3 SGB II", {"person": pid}))
    other = {k: v for k, v in hh.other_income(person).items() if k not in skip and v > 0}
    if "elterngeld" in other:
        # § 10 Abs. 5 BEEG: free only as much as the earnings before the birth, at most 300 € (Plus: half).
        from .programs.elterngeld import free_amount
        free = free_amount(person, other["elterngeld"], params, True)
        if free > 0:
            steps.append(Step("income.elterngeld_free", -free, "§ 10 Abs. 5 BEEG", {"person": pid}))
            other["elterngeld"] -= free
        other = {k: v for k, v in other.items() if v > 0}
    if other:
        amount = sum(other.values(), ZERO)
        total += amount
        shown = {k: v for k, v in other.items() if k != "kindergeld"}
        if "kindergeld" in other:
            steps.append(Step("sgb2.kindergeld_child_income", other["kindergeld"], "§ 11 Abs. 1 Satz 5 SGB II",
                              {"person": pid}))
        if shown:
            steps.append(Step("income.other", sum(shown.values(), ZERO), "§ 11 Abs. 1 SGB II",
                              {"person": pid, "kinds": sorted(shown)}))
        if person["age"] >= adult_age(params) and not (gross > 0 or net > 0):
            pauschale = min(D(params.get(PROGRAM, "versicherungspauschale").value), amount)
            total -= pauschale
            steps.append(Step("income.insurance_allowance", -pauschale,
                              params.get(PROGRAM, "versicherungspauschale").legal_basis, {"person": pid}))
    return max(total, ZERO), steps

"""Bildung und Teilhabe (BuT): school supplies, participation and items paid at actual cost.

Who: children of households that get Grundsicherungsgeld (§ 28 SGB II), Sozialhilfe (§ 34
SGB XII), AsylbLG (§ 2 AsylbLG with § 34 SGB XII, § 3 Abs. 4 AsylbLG), or Kinderzuschlag or
Wohngeld (§ 6b BKGG, for children with Kindergeld). It is decided after the priority check,
from the programs the household gets; when that is open, BuT is "possible".

What (per child, amounts in params/bildung_und_teilhabe.yaml):
- Schulbedarf for pupils under 25 without a training allowance: the first half-year's amount
  in August, the second's in February (§ 28 Abs. 3 SGB II, § 34 Abs. 3, 3a SGB XII); pupils are
  the children entered as at school, and children of full-time school age (assumed);
- Teilhabe up to 15 € a month under 18 when there are actual costs (club, music lessons,
  holiday camps; § 28 Abs. 7); not in the Grundsicherung im Alter (§ 42 Nr. 3 SGB XII);
- at actual cost, named only: school trips and class trips, school transport, tutoring, the
  shared lunch (§ 28 Abs. 2, 4, 5, 6); trips and lunch also for children in a Kita.
The amount is the monthly Teilhabe budget; the Schulbedarf is shown with the month it is paid.
BuT is never part of the combination's total: it is mostly paid to the school, club or caterer,
or on application.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..household import ZERO, D, Household
from ..params import Params
from ..result import LIKELY, NOT_ENTITLED, POSSIBLE, ProgramResult, Step, program_result
from . import kindergeld

PROGRAM = "bildung_und_teilhabe"  # parameter file
ID = "bildung-und-teilhabe"

# The benefit a household gets -> (legal basis of BuT, office that grants it)
BASES = (
    ("grundsicherungsgeld", "§ 28 SGB II", "jobcenter"),
    ("hilfe-zum-lebensunterhalt", "§ 34 SGB XII", "sozialamt"),
    ("grundsicherung-im-alter", "§ 34 SGB XII, § 42 Nr. 3 SGB XII", "sozialamt"),
    ("asylbewerberleistungen", "§ 2, § 3 Abs. 4 AsylbLG", "sozialamt"),
    ("kinderzuschlag", "§ 6b Abs. 1 Nr. 1 BKGG", "sozialamt"),
    ("wohngeld", "§ 6b Abs. 1 Nr. 2 BKGG", "sozialamt"),
)


@dataclass
class Assessment:
    status: str
    amount: Decimal = ZERO
    office: str = ""
    steps: list = field(default_factory=list)
    reasons: list = field(default_factory=list)


def _is_pupil(child: dict, params: Params) -> tuple[bool, bool]:
    """(pupil?, only assumed from the age?)"""
    if child.get("in_education"):
        return child.get("education", "school") == "school", False
    ages = params.get(PROGRAM, "schulalter_angenommen").value
    return ages["ab"] <= child["age"] < ages["bis"], True


def assess(hh: Household, params: Params, gets: list[str], open_: list[str]) -> Assessment:
    """``gets``: programs in the combination; ``open_``: programs in its alternatives."""
    res = Assessment(NOT_ENTITLED)
    limits = params.get(PROGRAM, "altersgrenzen").value
    basis = next((b for b in BASES if b[0] in gets), None)
    maybe = basis is None and next((b for b in BASES if b[0] in open_), None)
    chosen = basis or maybe
    if not chosen:
        res.reasons.append(Step("but.no_basis", None, "§ 28 SGB II, § 34 SGB XII, § 6b BKGG", {}))
        return res
    program, law, office = chosen
    res.office = office
    wohngeld_family = program in ("wohngeld", "kinderzuschlag")
    children = [c for c in hh.children() if c["age"] < limits["bildung"]
                and (not wohngeld_family or kindergeld.counts(c, params))]
    if not children:
        res.reasons.append(Step("but.no_child", None, law, {"age": limits["bildung"]}))
        return res
    res.steps.append(Step("but.basis", None, law, {"program": program}))
    month = hh.day.month
    months = params.get(PROGRAM, "schulbedarf_monate").value
    first = params.get(PROGRAM, "schulbedarf_erstes_schulhalbjahr")
    second = params.get(PROGRAM, "schulbedarf_zweites_schulhalbjahr")
    teilhabe = params.get(PROGRAM, "teilhabe_monatlich")
    assumed_any = False
    for c in children:
        pid = c["id"]
        pupil, assumed = _is_pupil(c, params)
        if pupil:
            assumed_any = assumed_any or assumed
            res.steps.append(Step("but.schulbedarf_year", D(first.value) + D(second.value), first.legal_basis,
                                  {"person": pid, "first": float(first.value), "second": float(second.value)}))
            if assumed:
                res.steps.append(Step("but.school_assumed", None, first.legal_basis, {"person": pid}))
            # Paid once per half-year (August, February): shown, not part of the monthly amount.
            if month == months["erstes_schulhalbjahr"]:
                res.steps.append(Step("but.schulbedarf_now", D(first.value), first.legal_basis, {"person": pid}))
            elif month == months["zweites_schulhalbjahr"]:
                res.steps.append(Step("but.schulbedarf_now", D(second.value), second.legal_basis, {"person": pid}))
        if c["age"] < limits["teilhabe"] and program != "grundsicherung-im-alter":
            res.amount += D(teilhabe.value)
            res.steps.append(Step("but.teilhabe", D(teilhabe.value), teilhabe.legal_basis, {"person": pid}))
        if pupil:
            res.steps.append(Step("but.actual_cost_school", None, "§ 28 Abs. 2, 4, 5, 6 SGB II", {"person": pid}))
        else:
            res.steps.append(Step("but.actual_cost_kita", None, "§ 28 Abs. 2 Satz 2, Abs. 6 Nr. 2 SGB II",
                                  {"person": pid}))
    if wohngeld_family:
        res.reasons.append(Step("but.apply", None, "§ 6b Abs. 3 BKGG, § 37 SGB II", {}))
    res.status = LIKELY if basis and not assumed_any and not wohngeld_family else POSSIBLE
    if maybe:
        res.reasons.append(Step("but.depends_on_combination", None, law, {"program": program}))
    res.steps.append(Step("but.amount", res.amount, teilhabe.legal_basis, {}))
    return res


def to_result(a: Assessment) -> ProgramResult:
    return program_result(ID, a.office, a, a.amount)

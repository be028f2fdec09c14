"""Elterngeld (BEEG): Basiselterngeld and Elterngeld Plus from the earnings before the birth.

Computed for each person with an ``elterngeld`` entry (child's month of birth, average monthly
net earnings in the 12 months before the birth, earnings while receiving it, variant):
- rate 67 %, rising by 0.1 points per 2 € below 1,000 € up to 100 %, falling by 0.1 points per
  2 € above 1,200 € down to 65 % (§ 2 Abs. 1, 2); at most 2,770 € of earnings count (§ 2 Abs. 3);
  with earnings after the birth the rate applies to the difference (§ 2 Abs. 3);
- Basiselterngeld at least 300 €, at most 1,800 € (§ 2 Abs. 1, 4); Elterngeld Plus at most half
  the Basiselterngeld without earnings after the birth, minimum halved (§ 4a Abs. 2);
- Geschwisterbonus 10 %, at least 75 € (Plus: halved) with two children under 3 or three under 6
  in the household, the newborn included, multiple-birth siblings not (§ 2a Abs. 1); Mehrlings-
  zuschlag 300 € (Plus: halved) per further child of the same birth (§ 2a Abs. 4);
- no claim if the taxable income of the year before the birth is above the limit in force at
  the birth (§ 1 Abs. 8) -- asked as an amount, unknown when not entered;
- months (§ 4): paid for Lebensmonate; Basiselterngeld up to the 14th, Elterngeld Plus up to the
  32nd; 12 months for the parents together plus 2 Partnermonate, at most 12 for one parent;
  the household's chosen months (``first_month`` .. ``last_month``) decide whether the month
  assessed is paid; without them the amount is shown as what a month of receipt pays.
The "Einkommen aus Erwerbstätigkeit" is computed by the Elterngeldstelle from the gross with flat
deductions (§§ 2c-2f); we take the net earnings the household enters, so the amount is ``possible``.
Mutterschaftsgeld and the employer's supplement in the first weeks are deducted (§ 3): not
modelled, said in the steps. As income for other programs: § 10 BEEG, see ``free_amount``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ..household import ZERO, D, Household
from ..params import Params
from ..result import NOT_ENTITLED, POSSIBLE, ProgramResult, Step, program_result

PROGRAM = "elterngeld"
OFFICE = "elterngeldstelle"
CENT = Decimal("0.01")


@dataclass
class Assessment:
    status: str
    amount: Decimal = ZERO
    per_person: dict = field(default_factory=dict)   # id -> amount paid in the month assessed
    steps: list = field(default_factory=list)
    reasons: list = field(default_factory=list)

    def as_income(self, hh: Household) -> dict:
        """Elterngeld paid this month as income of its recipient, unless already entered."""
        return {pid: {"elterngeld": amount} for pid, amount in self.per_person.items()
                if amount > 0 and "elterngeld" not in hh.by_id[pid].get("other_income", {})}


def _birth(entry: dict) -> date:
    year, month = (int(x) for x in entry["child_birth"].split("-"))
    return date(year, month, 1)


def lebensmonat(entry: dict, day: date) -> int:
    """Lebensmonat of the child that mostly falls into the month assessed (1 = month of birth)."""
    birth = _birth(entry)
    return (day.year - birth.year) * 12 + day.month - birth.month + 1


def rate(before: Decimal, params: Params) -> Decimal:
    """Replacement rate in percent (§ 2 Abs. 1, 2 BEEG)."""
    base = D(params.get(PROGRAM, "ersatzrate").value)
    rule = params.get(PROGRAM, "ersatzrate_stufen").value
    lowest = D(params.get(PROGRAM, "ersatzrate_mindestens").value)
    low, high = D(rule["untere_grenze"]), D(rule["obere_grenze"])
    step = D(rule["schritt_prozentpunkte"]) / D(rule["schritt_euro"])
    if before < low:
        return min(base + (low - before) * step, D(rule["hoechstens_prozent"]))
    if before > high:
        return max(base - (before - high) * step, lowest)
    return base


def monthly(entry: dict, hh: Household, params: Params) -> tuple[Decimal, list[Step]]:
    """The monthly Elterngeld of one parent in a month of receipt, with its steps."""
    steps = []
    before = D(entry.get("net_before", 0))
    after = D(entry.get("net_after", 0))
    plus = entry.get("variant", "basis") == "plus"
    cap_income = D(params.get(PROGRAM, "bemessung_hoechstens").value)
    counted = min(before, cap_income)
    pct = rate(before, params)
    steps.append(Step("elterngeld.income_before", before, "§ 2 Abs. 1, § 2b BEEG", {"counted": float(counted)}))
    steps.append(Step("elterngeld.rate", None, "§ 2 Abs. 1, 2 BEEG", {"percent": float(pct)}))
    minimum = D(params.get(PROGRAM, "mindestbetrag").value)
    maximum = D(params.get(PROGRAM, "hoechstbetrag").value)
    without_work = min(max(counted * pct / 100, minimum), maximum)
    diff = max(counted - after, ZERO)
    basis = min(max(diff * pct / 100, minimum), maximum)
    if after > 0:
        steps.append(Step("elterngeld.income_after", after, "§ 2 Abs. 3 BEEG", {"difference": float(diff)}))
    half = D(params.get(PROGRAM, "elterngeldplus_anteil").value)
    if plus:
        plus_min = D(params.get(PROGRAM, "elterngeldplus_mindestbetrag").value)
        plus_max = D(params.get(PROGRAM, "elterngeldplus_hoechstbetrag").value)
        amount = min(max(min(diff * pct / 100, without_work * half), plus_min), plus_max)
        steps.append(Step("elterngeld.plus", amount, "§ 4a Abs. 2 BEEG", {"basis_without_work": float(without_work)}))
    else:
        amount = basis
        steps.append(Step("elterngeld.basis", amount, "§ 2 Abs. 1, 3, 4 BEEG", {}))
    share = half if plus else D(1)

    # § 2a Abs. 1: siblings. The newborn(s) are the children aged 0; only one of them counts.
    born = int(entry.get("children_born", 1))
    ages = sorted(c["age"] for c in hh.children())
    newborn_extra = max(born - 1, 0)
    for _ in range(newborn_extra):
        if 0 in ages:
            ages.remove(0)
    rule = params.get(PROGRAM, "geschwisterbonus_alter").value
    if sum(1 for a in ages if a < rule["zwei_kinder_unter"]) >= 2 or sum(1 for a in ages if a < rule["drei_kinder_unter"]) >= 3:
        bonus = max(amount * D(params.get(PROGRAM, "geschwisterbonus_prozent").value) / 100,
                    D(params.get(PROGRAM, "geschwisterbonus_mindestens").value) * share)
        steps.append(Step("elterngeld.geschwisterbonus", bonus, "§ 2a Abs. 1 BEEG", {}))
        amount += bonus
    if newborn_extra:
        extra = D(params.get(PROGRAM, "mehrlingszuschlag").value) * share * newborn_extra
        steps.append(Step("elterngeld.mehrlingszuschlag", extra, "§ 2a Abs. 4 BEEG", {"children": born}))
        amount += extra
    return amount.quantize(CENT, rounding=ROUND_HALF_UP), steps


def free_amount(person: dict, amount: Decimal, params: Params, means_tested_sgb: bool) -> Decimal:
    """Part of the Elterngeld not counted as income (§ 10 BEEG).

    Wohngeld and other income-tested benefits: 300 € (Plus: half), times the children of the birth
    (§ 10 Abs. 1, 3, 4). SGB II, SGB XII, Kinderzuschlag, AsylbLG (``means_tested_sgb``): only as
    much as the earnings before the birth, at most 300 € (Plus: half) (§ 10 Abs. 5); without an
    ``elterngeld`` entry the earnings before the birth are unknown and nothing is left free there.
    """
    entry = person.get("elterngeld") or {}
    base = D(params.get("allgemein", "elterngeld_freibetrag").value)
    half = D(params.get(PROGRAM, "elterngeldplus_anteil").value)
    share = half if entry.get("variant") == "plus" else D(1)
    if means_tested_sgb:
        before = D(entry.get("net_before", 0))
        free = min(before, base) * share
    else:
        free = base * share * int(entry.get("children_born", 1))
    return min(free, amount)


def assess(hh: Household, params: Params, local=None) -> Assessment:
    res = Assessment(NOT_ENTITLED)
    claimants = [p for p in hh.persons if p.get("elterngeld")]
    if not claimants:
        res.reasons.append(Step("elterngeld.not_asked", None, "§ 1 BEEG", {}))
        return res
    months = params.get(PROGRAM, "bezugsmonate")
    advice = []
    for p in claimants:
        entry = p["elterngeld"]
        pid = p["id"]
        birth = _birth(entry)
        birth_params = Params(birth, params.data)
        limit = birth_params.get(PROGRAM, "einkommensgrenze")
        zve = entry.get("taxable_income_year_before")
        if zve is not None and D(zve) > D(limit.value):
            res.reasons.append(Step("elterngeld.income_limit", None, limit.legal_basis,
                                    {"person": pid, "limit": float(limit.value)}))
            continue
        amount, steps = monthly(entry, hh, params)
        res.steps.extend(steps)
        if zve is None:
            advice.append(Step("elterngeld.income_limit_unknown", None, limit.legal_basis,
                               {"person": pid, "limit": float(limit.value)}))
        lm = lebensmonat(entry, hh.day)
        plus = entry.get("variant", "basis") == "plus"
        last_possible = months.value["plus_bis_lebensmonat" if plus else "basis_bis_lebensmonat"]
        first = entry.get("first_month", 1)
        last = entry.get("last_month", last_possible)
        res.steps.append(Step("elterngeld.lebensmonat", None, "§ 4 Abs. 1, 2 BEEG",
                              {"person": pid, "month": lm, "last": last_possible}))
        res.steps.append(Step("elterngeld.months", None, months.legal_basis,
                              {"together": months.value["gemeinsam"], "partner": months.value["partnermonate"],
                               "per_parent": months.value["je_elternteil"], "plus": months.value["plus_je_basismonat"]}))
        if lm < 1 or lm > last_possible or not (first <= lm <= last):
            res.steps.append(Step("elterngeld.not_this_month", amount, "§ 4 BEEG", {"person": pid, "month": lm}))
            continue
        res.per_person[pid] = amount
        res.steps.append(Step("elterngeld.paid", amount, "§ 2, § 4 BEEG", {"person": pid}))
        if lm <= 2:
            res.reasons.append(Step("elterngeld.mutterschaftsgeld", None, "§ 3 Abs. 1 BEEG", {"person": pid}))
    res.amount = sum(res.per_person.values(), ZERO)
    if res.amount <= 0:
        return res
    res.reasons.extend(advice)
    res.reasons.append(Step("elterngeld.estimate", None, "§ 2c-2f BEEG", {}))
    res.status = POSSIBLE  # an estimate from the net pay (see elterngeld.estimate)
    return res


def to_result(a: Assessment) -> ProgramResult:
    return program_result(PROGRAM, OFFICE, a, a.amount)

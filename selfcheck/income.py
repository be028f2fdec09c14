"""Income as the SGB II counts it (§§ 11, 11b SGB II), per person.

Used by the Grundsicherungsgeld program and by the Kinderzuschlag (parents' and child's
income). Kindergeld is handled by the caller (it is the child's income, § 11 Abs. 1 SGB II).

Rules applied:
- earnings: the Grundabsetzbetrag of 100 € (§ 11b Abs. 2 Satz 1) plus the Erwerbstätigen-
  freibetrag (§ 11b Abs. 3); for people under 25 at school, in training that can be funded, or
  in a voluntary service, the Minijob limit instead of 100 € and no 20 % band (§ 11b Abs. 2b,
  Abs. 3 Satz 3); volunteers aged 25 or over deduct 250 €;
- maintenance paid under a title or notarised agreement is deducted (§ 11b Abs. 1 Satz 1 Nr. 7);
  maintenance paid without one is not (it is named in the explanation);
- the 30 € Versicherungspauschale is deducted for adults with income but no earnings (with
  earnings it is part of the 100 €).

Simplifications (documented, see also programs/grundsicherungsgeld.py):
- higher proven costs than the 100 € (§ 11b Abs. 2 Satz 2) are not asked;
- Elterngeld: only the § 10 Abs. 5 BEEG allowance (earnings before the birth, at most 300 €,
  Plus half) stays free, when the person's ``elterngeld`` entry gives those earnings (otherwise
  it counts in full); Kinderzuschlag and Wohngeld added by the priority check
  count in full.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .household import ZERO, D, Household
from .params import Params
from .result import Step

PROGRAM = "grundsicherungsgeld"
EDUCATION_2B = ("school", "vocational", "university", "voluntary_service")


@dataclass
class Counted:
    """A person's counted income, split as the Kinderzuschlag needs it (§ 6a Abs. 6 BKGG)."""

    earned: Decimal
    other: Decimal
    steps: list

    @property
    def total(self) -> Decimal:
        return self.earned + self.other


def absetzbetrag_2b(person: dict, params: Params) -> Decimal | None:
    """§ 11b Abs. 2b: the deduction replacing the 100 €, or None when the rule does not apply."""
    if not person.get("in_education") or person.get("education") not in EDUCATION_2B:
        return None
    rule = params.get(PROGRAM, "absetzbetrag_schueler_azubis").value
    if person["age"] < rule["altersgrenze"]:
        return D(params.get("allgemein", "minijob_grenze").value)
    if person.get("education") == "voluntary_service":
        return D(rule["freiwilligendienst_ab_25"])
    return None


def erwerbstaetigen_absetzung(gross: Decimal, net: Decimal, with_child: bool, params: Params,
                              person: dict | None = None) -> Decimal:
    """Grundabsetzbetrag plus Erwerbstätigenfreibetrag, never more than the net income."""
    if gross <= 0 and net <= 0:
        return ZERO
    special = absetzbetrag_2b(person, params) if person is not None else None
    base = special if special is not None else D(params.get(PROGRAM, "grundabsetzbetrag").value)
    rule = params.get(PROGRAM, "erwerbstaetigenfreibetrag").value
    free = ZERO
    for i, band in enumerate(rule["stufen"]):
        if i == 0 and special is not None:
            continue  # § 11b Abs. 3 Satz 3: in the cases of Abs. 2b the 20 % band does not apply
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


def maintenance_paid(person: dict) -> tuple[Decimal, bool, str]:
    """(monthly amount, fixed in a title?, recipient) of the maintenance the person pays."""
    paid = person.get("maintenance_paid") or {}
    return D(paid.get("amount", 0)), bool(paid.get("titled", False)), paid.get("recipient", "other")


def counted_parts(hh: Household, person: dict, params: Params, skip: tuple[str, ...] = ()) -> Counted:
    """Counted monthly income of one person (without Kindergeld), earnings and other income apart."""
    steps: list[Step] = []
    pid = person["id"]
    gross, net = hh.gross(person), hh.net(person)
    earned = ZERO
    if gross > 0 or net > 0:
        deduction = erwerbstaetigen_absetzung(gross, net, has_minor_child(hh, person, params), params, person)
        earned = net - deduction
        steps.append(Step("income.earned", net, "§ 11 Abs. 1 SGB II", {"person": pid, "gross": float(gross)}))
        law = "§ 11b Abs. 2b, 3 SGB II" if absetzbetrag_2b(person, params) is not None else "§ 11b Abs. 2, 3 SGB II"
        steps.append(Step("income.earned_allowance", -deduction, law, {"person": pid}))
    other_total = ZERO
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
        other_total = sum(other.values(), ZERO)
        shown = {k: v for k, v in other.items() if k != "kindergeld"}
        if "kindergeld" in other:
            steps.append(Step("sgb2.kindergeld_child_income", other["kindergeld"], "§ 11 Abs. 1 Satz 5 SGB II",
                              {"person": pid}))
        if shown:
            steps.append(Step("income.other", sum(shown.values(), ZERO), "§ 11 Abs. 1 SGB II",
                              {"person": pid, "kinds": sorted(shown)}))
        if person["age"] >= adult_age(params) and not (gross > 0 or net > 0):
            pauschale = min(D(params.get(PROGRAM, "versicherungspauschale").value), other_total)
            other_total -= pauschale
            steps.append(Step("income.insurance_allowance", -pauschale,
                              params.get(PROGRAM, "versicherungspauschale").legal_basis, {"person": pid}))
    amount, titled, _ = maintenance_paid(person)
    if amount > 0 and titled:
        # Taken from the other income first (for the Kinderzuschlag it is withdrawn in full there).
        from_other = min(amount, other_total)
        from_earned = min(amount - from_other, earned)
        other_total -= from_other
        earned -= from_earned
        steps.append(Step("income.maintenance_paid", -(from_other + from_earned), "§ 11b Abs. 1 Satz 1 Nr. 7 SGB II",
                          {"person": pid}))
    elif amount > 0:
        steps.append(Step("income.maintenance_paid_untitled", amount, "§ 11b Abs. 1 Satz 1 Nr. 7 SGB II",
                          {"person": pid}))
    return Counted(max(earned, ZERO), max(other_total, ZERO), steps)


def counted(hh: Household, person: dict, params: Params, skip: tuple[str, ...] = ()) -> tuple[Decimal, list[Step]]:
    """Counted monthly income of one person (without Kindergeld), with explanation steps."""
    parts = counted_parts(hh, person, params, skip)
    return parts.total, parts.steps

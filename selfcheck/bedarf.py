"""SGB II needs of one person: Regelbedarfsstufe, Regelbedarf and Mehrbedarfe (§§ 20, 21, 23 SGB II).

The Mehrbedarfe of § 21 Abs. 2-5 are capped at the person's Regelbedarf (§ 21 Abs. 8).

Shared by the Grundsicherungsgeld program and by the Kinderzuschlag (whose Bemessungsgrenze
is the parents' SGB II need). Decentral hot water (§ 21 Abs. 7) is part of the Mehrbedarfe.
"""
from __future__ import annotations

from decimal import Decimal

from .household import ZERO, D, Household
from .params import Params
from .result import Step

PROGRAM = "grundsicherungsgeld"


def bedarfsgemeinschaft(hh: Household, params: Params) -> list[dict]:
    """Applicant, partner and the unmarried children under 25 (§ 7 Abs. 3 SGB II)."""
    limit = params.get(PROGRAM, "regelbedarf_altersgrenzen").value["rbs3"]
    kids = [c for c in hh.children() if c["age"] < limit and not c.get("married", False)]
    return hh.adults_core() + kids


def stufe(hh: Household, person: dict, params: Params) -> str:
    ages = params.get(PROGRAM, "regelbedarf_altersgrenzen").value
    if person in hh.adults_core() and person["age"] >= ages["rbs4"]:
        return "rbs2" if hh.partner() is not None else "rbs1"
    age = person["age"]
    if age < ages["rbs6"]:
        return "rbs6"
    if age < ages["rbs5"]:
        return "rbs5"
    if age < ages["rbs4"]:
        return "rbs4"
    return "rbs3"


def single_parent_share(hh: Household, params: Params, program: str = PROGRAM) -> Decimal:
    """Mehrbedarf for single parents as a share of the Regelbedarf (§ 21 Abs. 3 SGB II; § 30 Abs. 3
    SGB XII has the same rule, with its own parameter file)."""
    rule = params.get(program, "mehrbedarf_alleinerziehend").value
    minors = [c for c in hh.children() if c["age"] < rule["alter_kind_max"]]
    if hh.partner() is not None or not minors:
        return ZERO
    share = ZERO
    young = [c for c in minors if c["age"] < rule["alter_ein_kind"]]
    under16 = [c for c in minors if c["age"] < rule["alter_mehrere_kinder"]]
    if young or rule["anzahl_mehrere_min"] <= len(under16) <= rule["anzahl_mehrere_max"]:
        share = D(rule["anteil_hoch"])
    share = max(share, D(rule["anteil_je_kind"]) * len(minors))
    return min(share, D(rule["anteil_max"]))


def person_needs(hh: Household, person: dict, params: Params) -> tuple[Decimal, list[Step], list[Step]]:
    """Return (Regelbedarf + Mehrbedarfe, steps, advice reasons) for one member of the BG."""
    steps: list[Step] = []
    advice: list[Step] = []
    rb_param = params.get(PROGRAM, "regelbedarf")
    level = stufe(hh, person, params)
    rb = D(rb_param.value[level])
    pid = person["id"]
    steps.append(Step("sgb2.regelbedarf", rb, rb_param.legal_basis, {"person": pid, "stufe": level[-1]}))
    total = rb

    preg = params.get(PROGRAM, "mehrbedarf_schwangerschaft")
    if person.get("pregnancy_week", 0) >= preg.value["ab_woche"]:
        amount = rb * D(preg.value["anteil"])
        steps.append(Step("sgb2.mehrbedarf_schwangerschaft", amount, preg.legal_basis, {"person": pid}))
        total += amount

    if person is hh.applicant:
        share = single_parent_share(hh, params)
        if share > 0:
            rb1 = D(rb_param.value["rbs1"])
            amount = rb1 * share
            law = params.get(PROGRAM, "mehrbedarf_alleinerziehend").legal_basis
            steps.append(Step("sgb2.mehrbedarf_alleinerziehend", amount, law,
                              {"person": pid, "percent": float(share * 100)}))
            total += amount

    disability = person.get("disability", {})
    able = person.get("able_to_work", True)
    min_age = params.get(PROGRAM, "erwerbsfaehigkeit_alter").value["mindestalter"]
    if disability.get("eingliederungsleistungen") and able and person["age"] >= min_age:
        mb = params.get(PROGRAM, "mehrbedarf_behinderung")
        amount = rb * D(mb.value)
        steps.append(Step("sgb2.mehrbedarf_behinderung", amount, mb.legal_basis, {"person": pid}))
        total += amount
    elif disability.get("merkzeichen_g") and not able and person["age"] >= min_age:
        mb = params.get(PROGRAM, "mehrbedarf_merkzeichen_g")
        amount = rb * D(mb.value)
        steps.append(Step("sgb2.mehrbedarf_merkzeichen_g", amount, mb.legal_basis, {"person": pid}))
        total += amount

    if person.get("costly_diet"):
        advice.append(Step("sgb2.mehrbedarf_ernaehrung_advice", None, "§ 21 Abs. 5 SGB II", {"person": pid}))

    # § 21 Abs. 8: the Mehrbedarfe of Abs. 2-5 together at most the person's Regelbedarf
    # (the hot-water Mehrbedarf of Abs. 7 is outside this cap).
    capped = ("sgb2.mehrbedarf_schwangerschaft", "sgb2.mehrbedarf_alleinerziehend", "sgb2.mehrbedarf_behinderung")
    extra = sum((s.amount for s in steps if s.key in capped), ZERO)
    if extra > rb:
        steps.append(Step("sgb2.mehrbedarf_cap", rb - extra, "§ 21 Abs. 8 SGB II", {"person": pid, "cap": float(rb)}))
        total -= extra - rb

    if hh.hot_water_decentral:
        ww = params.get(PROGRAM, "mehrbedarf_warmwasser")
        amount = rb * D(ww.value[level])
        steps.append(Step("sgb2.mehrbedarf_warmwasser", amount, ww.legal_basis, {"person": pid}))
        total += amount
    return total, steps, advice

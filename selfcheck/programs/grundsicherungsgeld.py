"""Grundsicherung für Arbeitsuchende (SGB II): Bürgergeld, from 1.7.2026 Grundsicherungsgeld.

``assess`` computes the monthly shortfall of the Bedarfsgemeinschaft (BG):
needs (Regelbedarfe, Mehrbedarfe, Kindersofortzuschlag, housing) minus counted income
(§§ 11, 11b; Kindergeld as the child's income, the surplus as the parent's income,
"Kindergeldübertrag"), after the asset test (§ 12). The priority check (priority.py) calls
it again with Wohngeld and Kinderzuschlag as income (§ 12a SGB II).

Rules by date (all values in params/grundsicherungsgeld.yaml):
- until 30.6.2026: asset Karenzzeit (40,000 € + 15,000 € per further person in the first
  12 months, then 15,000 € per person); housing costs in full during the 12-month Karenzzeit;
- from 1.7.2026 (13. SGB II-ÄndG, G. v. 16.04.2026, BGBl. 2026 I Nr. 107): no asset Karenzzeit,
  allowances by age per person (5,000 € under 30, 10,000 € from 30, 12,500 € from 40, 20,000 €
  from 50; unused allowances pass within the BG); an approval period that began before
  1.7.2026 keeps the old § 12 until it ends (§ 65a Abs. 1: asked only of current recipients,
  ``sgb2_approval_start``; without the answer both are checked and a disagreement is
  ``needs_advice``); housing costs during the Karenzzeit only up to 1.5 × the local limit, and
  in a BG with children ``needs_advice`` above it (§ 22 Abs. 1 Satz 7).

Where we knowingly differ from GETTSIM (ttsim-dev/gettsim, which stops in mid-2025):
- GETTSIM does not model the 13. SGB II-ÄndG (new name, asset allowances by age, no asset
  Karenzzeit, the 1.5× KdU cap); for months from 7/2026 our results differ by design;
- GETTSIM takes housing costs as given (placeholder limits); we take the town's limit from
  the site data and answer ``needs_advice`` when it is unknown and needed;
- GETTSIM has no § 21 Abs. 4 disability Mehrbedarf; we add it when integration benefits are
  received (35 %), and the § 23 Nr. 4 Merkzeichen G Mehrbedarf for non-employable members;
- housing costs are split per head among everyone living in the flat (Kopfteilprinzip);
- heating costs are taken as reported (their reasonableness is not checked); the Elterngeld
  allowance is not modelled (see income.py); GETTSIM has no § 11b Abs. 2b allowance for pupils,
  trainees and volunteers under 25 and no § 21 Abs. 8 cap;
- age limit: the Regelaltersgrenze by year of birth (§ 7a SGB II, the same table as § 41 Abs. 2
  SGB XII, see programs/sozialhilfe.py); with only the age given, people aged 66 may or may not
  have reached it: ``needs_advice`` unless the birth year and month are entered;
- the Absetzbeträge of § 11b reduce a person's income at most to zero; GETTSIM lets a
  negative counted income of one partner (e.g. a mini-job taxed as a second job) reduce the
  other's income;
- the Erwerbstätigenfreibetrag band up to 1,500 € applies only with a MINOR child
  (§ 11b Abs. 3 Satz 3); GETTSIM also applies it for adult children in education;
- the 30 € Versicherungspauschale is deducted from the income of every adult member without
  earnings, including adult children whose income is only Kindergeld or Kinderzuschlag
  (§ 6 Abs. 1 Nr. 1 Bürgergeld-V, as in the BA's Fachliche Weisungen); GETTSIM does not;
- Unterhaltsvorschuss for children aged 12-17 stays income of the child when it ends the
  child's own need (§ 1 Abs. 1a Satz 1 Nr. 1 UVG); GETTSIM applies only the 600 € rule (Nr. 2),
  so its SGB II amount is higher by that UVG (see priority.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from .. import bedarf, income
from ..household import ZERO, D, Household
from ..local import kdu_limit_info, kdu_missing_reason
from ..params import Params
from ..result import program_result, LIKELY, NEEDS_ADVICE, NOT_ENTITLED, POSSIBLE, ProgramResult, Step
from . import kindergeld
from .sozialhilfe import age_limit_reached

PROGRAM = "grundsicherungsgeld"
OFFICE = "jobcenter"


@dataclass
class Assessment:
    status: str
    shortfall: Decimal = ZERO
    exact: bool = True           # False when the KdU limit was needed but unknown (upper bound)
    blocked: bool = False        # not entitled for a reason other than income (assets, status ...)
    steps: list = field(default_factory=list)
    reasons: list = field(default_factory=list)
    members: list = field(default_factory=list)
    child_uncovered: dict = field(default_factory=dict)


def _eligibility(hh: Household, bg: list[dict], params: Params) -> tuple[list[Step], list[Step]]:
    """Return (hard exclusions, reasons needing advice)."""
    hard, advice = [], []
    ages = params.get(PROGRAM, "erwerbsfaehigkeit_alter").value
    adult = income.adult_age(params)
    adults = hh.adults_core()
    for p in adults:
        status = p.get("residence_status", "german")
        if status in ("asylum_procedure", "toleration"):
            hard.append(Step("sgb2.asylblg", None, "§ 7 Abs. 1 Satz 2 Nr. 3 SGB II", {"person": p["id"]}))
        elif status in ("residence_permit", "other") or (status == "eu" and hh.gross(p) <= 0):
            advice.append(Step("sgb2.residence_advice", None, "§ 7 Abs. 1 Satz 2 SGB II", {"person": p["id"]}))
        # § 7a SGB II: the age limit by year of birth (birth month tried when only the age is known).
        reached = age_limit_reached(p, hh.day, params)
        if reached:
            advice.append(Step("sgb2.retirement_age", None, "§ 7a SGB II, § 41 SGB XII", {"person": p["id"]}))
        elif reached is None:
            advice.append(Step("sgb2.retirement_age_maybe", None, "§ 7a SGB II", {"person": p["id"]}))
        if p["age"] < adult:
            advice.append(Step("sgb2.minor_applicant", None, "§ 7 Abs. 1 SGB II", {"person": p["id"]}))
    for p in bg:
        # § 7 Abs. 5: students and trainees whose training can be funded by BAföG/BAB are mostly excluded.
        if (p["age"] >= adult and p.get("in_education") and p.get("education") in ("vocational", "university")) \
                or D(p.get("other_income", {}).get("bafoeg", 0)) > 0:
            advice.append(Step("sgb2.student_advice", None, "§ 7 Abs. 5 SGB II", {"person": p["id"]}))
    employable = [p for p in bg if ages["mindestalter"] <= p["age"] and age_limit_reached(p, hh.day, params) is not True
                  and p.get("able_to_work", True)]
    if not employable:
        hard.append(Step("sgb2.nobody_employable", None, "§ 7 Abs. 1 Satz 1 Nr. 2, § 8 SGB II", {}))
    return hard, advice


def _housing(hh: Household, bg: list[dict], params: Params, local) -> tuple[Decimal, bool, list[Step], list[Step]]:
    """Recognised housing costs of the BG (§ 22 SGB II): amount, exact?, steps, advice."""
    steps, advice = [], []
    if hh.warm_costs <= 0:
        return ZERO, True, steps, advice
    share = D(len(bg)) / D(len(hh.persons))
    brutto = hh.bruttokaltmiete * share
    heating = hh.heizung * share
    if share < 1:
        steps.append(Step("sgb2.kdu_head_share", hh.warm_costs * share, "§ 22 Abs. 1 SGB II",
                          {"members": len(bg), "persons": len(hh.persons)}))
    rule = params.get(PROGRAM, "kdu_karenzzeit")
    in_karenz = hh.sgb2_months < rule.value["monate"]
    factor = rule.value["deckel_faktor"]
    info = kdu_limit_info(local, hh.town, len(bg))
    limit = info.amount if info else None
    exact = True
    if in_karenz and factor is None:
        recognised = brutto
        steps.append(Step("sgb2.kdu_karenzzeit_full", brutto, rule.legal_basis, {"months": rule.value["monate"]}))
    elif limit is None:
        recognised = brutto
        exact = False
        # Kreis Offenbach publishes only warm-rent limits: nothing to compare a cold rent with.
        key = "sgb2.kdu_limit_warm_only" if kdu_missing_reason(local, hh.town) == "warm_only" else "sgb2.kdu_limit_unknown"
        advice.append(Step(key, brutto, "§ 22 Abs. 1 SGB II", {"town": hh.town or ""}))
    elif in_karenz:
        cap = limit * D(factor)
        recognised = min(brutto, cap)
        steps.append(Step("sgb2.kdu_karenzzeit_cap", recognised, rule.legal_basis,
                          {"limit": float(limit), "factor": float(factor), "cap": float(cap),
                           "actual": float(brutto)}))
        if brutto > cap and any(p not in hh.adults_core() for p in bg):
            # § 22 Abs. 1 Satz 7: in a BG with children higher costs may be recognised in the
            # individual case; the self-check cannot judge that: the capped amount is a lower bound.
            advice.append(Step("sgb2.kdu_cap_children_advice", brutto - cap, "§ 22 Abs. 1 Satz 7 SGB II",
                               {"cap": float(cap), "actual": float(brutto)}))
    else:
        recognised = min(brutto, limit)
        steps.append(Step("sgb2.kdu_limit", recognised, "§ 22 Abs. 1 Satz 1 SGB II",
                          {"limit": float(limit), "actual": float(brutto)}))
        if brutto > limit:
            advice.append(Step("sgb2.kdu_above_limit", brutto - limit, "§ 22 Abs. 1 Satz 7 SGB II", {}))
    if limit is not None and not (in_karenz and factor is None):
        # Which limit and whose: the Jobcenter decides on the individual case.
        steps.append(Step("sgb2.kdu_limit_derived" if info.derived else "sgb2.kdu_limit_source", limit,
                          "§ 22 Abs. 1 SGB II", {**info.args(), "persons": len(bg)}))
    steps.append(Step("sgb2.heating", heating, "§ 22 Abs. 1 SGB II", {}))
    return recognised + heating, exact, steps, advice


def _asset_rules(hh: Household, params: Params) -> tuple[list[Params], Step | None]:
    """The § 12 rules to apply: today's, or (§ 65a Abs. 1) those before the 13. SGB II-ÄndG for an
    approval period that began before 1.7.2026; both when a current recipient did not say."""
    try:
        cutoff = params.get(PROGRAM, "vermoegen_uebergang")
    except LookupError:
        return [params], None
    day = date.fromisoformat(cutoff.value)
    if hh.sgb2_months <= 0 or hh.day < day:
        return [params], None
    before = Params(day - timedelta(days=1), params.data)
    start = hh.data.get("sgb2_approval_start")
    if start is None:
        return [params, before], Step("sgb2.assets_transition_unknown", None, cutoff.legal_basis,
                                      {"date": cutoff.value})
    if start < cutoff.value[:7]:
        return [before], Step("sgb2.assets_transition", None, cutoff.legal_basis,
                              {"date": cutoff.value, "start": start})
    return [params], None


def _asset_allowance(hh: Household, bg: list[dict], params: Params) -> tuple[Decimal, Step]:
    karenz = params.get(PROGRAM, "vermoegen_karenzzeit")
    if karenz.value is not None and hh.sgb2_months < karenz.value["monate"]:
        allowance = D(karenz.value["erste_person"]) + D(karenz.value["weitere_person"]) * (len(bg) - 1)
        return allowance, Step("sgb2.assets_allowance_karenzzeit", allowance, karenz.legal_basis,
                               {"persons": len(bg)})
    table = params.get(PROGRAM, "vermoegen_freibetrag_nach_alter")
    bands = sorted((int(k), D(v)) for k, v in table.value.items())
    allowance = ZERO
    for p in bg:
        allowance += [v for age, v in bands if p["age"] >= age][-1]
    key = "sgb2.assets_allowance_by_age" if len(bands) > 1 else "sgb2.assets_allowance"
    return allowance, Step(key, allowance, table.legal_basis, {"persons": len(bg)})


def assess(hh: Household, params: Params, local=None) -> Assessment:
    bg = bedarf.bedarfsgemeinschaft(hh, params)
    result = Assessment(status=NOT_ENTITLED, members=[p["id"] for p in bg])
    name = params.get(PROGRAM, "leistungsname").value
    result.steps.append(Step("sgb2.benefit_name", None, "§ 19 SGB II", {"name": name}))

    hard, advice = _eligibility(hh, bg, params)
    if hard:
        result.reasons.extend(hard)
        result.blocked = True
        return result

    # Assets (§ 12): above the allowance there is no need until they are used up. Unused
    # allowances pass to other members (§ 12 Abs. 2 Satz 3): the household's assets are one sum.
    rules, transition = _asset_rules(hh, params)
    if transition is not None:
        result.steps.append(transition)
    outcomes = []
    for rule_params in rules:
        allowance, step = _asset_allowance(hh, bg, rule_params)
        result.steps.append(step)
        outcomes.append(hh.assets > allowance)
    if all(outcomes):
        result.reasons.append(Step("sgb2.assets_above", hh.assets - allowance, "§ 12 SGB II",
                                   {"assets": float(hh.assets), "allowance": float(allowance)}))
        result.blocked = True
        return result
    if any(outcomes):
        # Old and new § 12 disagree and we do not know which applies.
        advice.append(Step("sgb2.assets_transition_advice", None, "§ 65a Abs. 1 SGB II", {}))

    housing, exact, hsteps, hadvice = _housing(hh, bg, params, local)
    result.steps.extend(hsteps)
    advice.extend(hadvice)
    result.exact = exact
    housing_each = housing / len(bg)

    # Needs and income of the children: Kindergeld and own income cover their own need first.
    kg = params.get("kindergeld", "betrag_je_kind")
    sofort = params.get(PROGRAM, "kindersofortzuschlag")
    uncovered_children = ZERO
    transfer: dict[str, Decimal] = {}
    adults = hh.adults_core()
    for p in bg:
        need, nsteps, nadvice = bedarf.person_needs(hh, p, params)
        result.steps.extend(nsteps)
        advice.extend(nadvice)
        need += housing_each
        if p in adults:
            continue
        need += D(sofort.value)
        result.steps.append(Step("sgb2.kindersofortzuschlag", D(sofort.value), sofort.legal_basis, {"person": p["id"]}))
        kg_amount = D(kg.value) if kindergeld.counts(p, params) else ZERO
        # Kindergeld is the child's income; for an adult child the 30 € Pauschale applies to it too.
        own, isteps = income.counted(hh.with_extra_income({p["id"]: {"kindergeld": kg_amount}}), p, params)
        result.steps.extend(isteps)
        covered = own
        uncovered = max(need - covered, ZERO)
        result.child_uncovered[p["id"]] = uncovered
        uncovered_children += uncovered
        surplus_kg = min(kg_amount, max(covered - need, ZERO))
        if surplus_kg > 0:
            parent = hh.parent_of(p)
            parent = parent if parent in adults else hh.applicant
            transfer[parent["id"]] = transfer.get(parent["id"], ZERO) + surplus_kg
            result.steps.append(Step("sgb2.kindergeld_transfer", surplus_kg, "§ 11 Abs. 1 Satz 5 SGB II",
                                     {"person": p["id"], "parent": parent["id"]}))

    adults_need = ZERO
    adults_income = ZERO
    view = hh.with_extra_income({pid: {"kindergeld_uebertrag": amt} for pid, amt in transfer.items()})
    for p in adults:
        need, _, _ = bedarf.person_needs(hh, p, params)
        adults_need += need + housing_each
        own, isteps = income.counted(view, p, params)
        result.steps.extend(isteps)
        adults_income += own

    total_need = adults_need + uncovered_children
    result.steps.append(Step("sgb2.total_need", total_need, "§ 19 SGB II", {}))
    result.steps.append(Step("sgb2.total_income", adults_income, "§ 9 Abs. 2 SGB II", {}))
    result.shortfall = max(total_need - adults_income, ZERO)
    if result.shortfall <= 0:
        result.reasons.append(Step("sgb2.income_covers_need", None, "§ 9 Abs. 1 SGB II", {}))
        result.status = NOT_ENTITLED
        return result
    result.steps.append(Step("sgb2.amount", result.shortfall, "§ 19 SGB II", {"name": name}))
    if advice:
        result.reasons.extend(advice)
        hard_advice = [a for a in advice if a.key != "sgb2.kdu_above_limit"]
        result.status = NEEDS_ADVICE if hard_advice else POSSIBLE
    else:
        result.status = LIKELY
    return result


def evaluate(hh: Household, params: Params, local=None) -> ProgramResult:
    a = assess(hh, params, local)
    return to_result(a)


def to_result(a: Assessment) -> ProgramResult:
    return program_result(PROGRAM, OFFICE, a, a.shortfall)

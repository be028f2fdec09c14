"""Asylbewerberleistungsgesetz (AsylbLG): Grundleistungen and Analogleistungen, from the Sozialamt.

Who: the applicant or partner is in the asylum procedure (Aufenthaltsgestattung) or has a
Duldung (§ 1 Abs. 1 Nr. 1, 4), with spouse and minor children (Nr. 6); such households are
outside SGB II (§ 7 Abs. 1 Satz 2 Nr. 3 SGB II), SGB XII (§ 23 Abs. 2 SGB XII) and Wohngeld
(§ 7 Abs. 1 Nr. 8 WoGG). Other residence permits that fall under § 1 (e.g. § 25 Abs. 5 AufenthG)
are not asked: those households see "needs advice" in SGB II already.

- Grundleistungen (§§ 3, 3a): the amount of the person's Bedarfsstufe (notwendiger Bedarf plus
  notwendiger persönlicher Bedarf; 1 alone or single parent, 2 partners or shared
  accommodation, 3 unmarried adults under 25 with a parent, 4-6 children by age), plus housing
  and heating as paid (§ 3 Abs. 3 Satz 2, capped at the town's limit where we know it) and
  household electricity, which we do not ask (named, not added).
- Analogleistungen (§ 2) after 36 months in Germany: the SGB XII rules (Regelbedarfe, § 30
  Mehrbedarfe, § 82 income, § 90 assets) as in programs/sozialhilfe.py; adults in shared
  accommodation get Regelbedarfsstufe 2 (§ 2 Abs. 1 Satz 4 Nr. 1). Whether the stay was
  "rechtsmissbräuchlich" prolonged is not asked.
- Income (§ 7): all income; earnings net of tax and contributions (§ 7 Abs. 3 Satz 3), of which
  25 % of the gross stays free, at most 50 % of the person's Bedarfsstufe (§ 7 Abs. 3 Satz 1);
  Elterngeld above 300 € (§ 10 BEEG).
- Assets (§ 7 Abs. 5): 200 € per person of the household.
Not modelled: § 1a reductions, benefits in kind in reception centres (§ 3 Abs. 2), the Bezahlkarte
(the form of payment, not its amount), § 4/§ 6 health and other benefits.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..household import ZERO, D, Household
from ..local import kdu_limit
from ..params import Params
from ..result import LIKELY, NEEDS_ADVICE, NOT_ENTITLED, POSSIBLE, ProgramResult, Step, program_result
from . import elterngeld, sozialhilfe

PROGRAM = "asylblg"  # parameter file
ID = "asylbewerberleistungen"
OFFICE = "sozialamt"
STATUSES = ("asylum_procedure", "toleration")


@dataclass
class Assessment:
    status: str
    amount: Decimal = ZERO
    analog: bool = False
    exact: bool = True
    steps: list = field(default_factory=list)
    reasons: list = field(default_factory=list)


def applies(hh: Household) -> bool:
    return any(p.get("residence_status") in STATUSES for p in hh.adults_core())


def _members(hh: Household, params: Params) -> list[dict]:
    adult = params.get("allgemein", "volljaehrigkeit").value
    return hh.adults_core() + [c for c in hh.children() if c["age"] < adult or c.get("residence_status") in STATUSES]


def _stufe(hh: Household, p: dict, params: Params, shared: bool) -> str:
    ages = params.get(PROGRAM, "bedarfsstufen_alter").value
    adult = params.get("allgemein", "volljaehrigkeit").value
    if p in hh.adults_core():
        return "bs2" if hh.partner() is not None or shared else "bs1"
    if p["age"] >= adult:
        if shared:
            return "bs2"
        return "bs3" if p["age"] < ages["bs3"] and not p.get("married") else "bs1"
    if p["age"] < ages["bs6"]:
        return "bs6"
    if p["age"] < ages["bs5"]:
        return "bs5"
    return "bs4"


def _housing(hh: Household, members: list[dict], local, law: str) -> tuple[Decimal, bool, list, list]:
    steps, advice = [], []
    if hh.warm_costs <= 0:
        return ZERO, True, steps, advice
    share = D(len(members)) / D(len(hh.persons))
    brutto = hh.bruttokaltmiete * share
    heating = hh.heizung * share
    full = kdu_limit(local, hh.town, len(hh.persons))
    exact = True
    if full is None:
        recognised = brutto
        exact = False
        advice.append(Step("asylblg.kdu_limit_unknown", brutto, law, {"town": hh.town or ""}))
    else:
        limit = full * share
        recognised = min(brutto, limit)
        steps.append(Step("asylblg.kdu_limit", recognised, law, {"limit": float(limit), "actual": float(brutto)}))
        if brutto > limit:
            advice.append(Step("asylblg.kdu_above_limit", brutto - limit, law, {}))
    steps.append(Step("asylblg.heating", heating, law, {}))
    return recognised + heating, exact, steps, advice


def _income(hh: Household, p: dict, params: Params, level_amount: Decimal) -> tuple[Decimal, list[Step]]:
    steps = []
    pid = p["id"]
    total = ZERO
    gross, net = hh.gross(p), hh.net(p)
    if net > 0:
        rule = params.get(PROGRAM, "freibetrag_erwerbseinkommen")
        free = min(max(gross, net) * D(rule.value["anteil"]), level_amount * D(rule.value["hoechstens_anteil_bedarfsstufe"]),
                   net)
        steps.append(Step("asylblg.earned", net, "§ 7 Abs. 1, Abs. 3 Satz 3 AsylbLG", {"person": pid, "gross": float(gross)}))
        steps.append(Step("asylblg.earned_allowance", -free, rule.legal_basis, {"person": pid}))
        total += net - free
    other = {k: v for k, v in hh.other_income(p).items() if v > 0 and k not in ("kindergeld_uebertrag",)}
    if "elterngeld" in other:
        free = elterngeld.free_amount(p, other["elterngeld"], params, True)  # § 10 Abs. 5 BEEG
        other["elterngeld"] -= free
        steps.append(Step("asylblg.elterngeld_free", -free, "§ 10 Abs. 5 BEEG", {"person": pid}))
    amount = sum(other.values(), ZERO)
    if amount > 0:
        steps.append(Step("asylblg.other_income", amount, "§ 7 Abs. 1 AsylbLG", {"person": pid}))
        total += amount
    return max(total, ZERO), steps


def assess(hh: Household, params: Params, local=None) -> Assessment:
    res = Assessment(NOT_ENTITLED)
    if not applies(hh):
        res.reasons.append(Step("asylblg.not_applicable", None, "§ 1 Abs. 1 AsylbLG", {}))
        return res
    members = _members(hh, params)
    shared = bool(hh.data.get("housing", {}).get("gemeinschaftsunterkunft"))
    months = hh.data.get("months_in_germany")
    limit = params.get(PROGRAM, "analogleistungen_monate").value
    res.analog = months is not None and months >= limit
    if res.analog:
        return _analog(hh, params, local, members, shared, res)
    res.steps.append(Step("asylblg.grundleistungen", None, "§ 3, § 3a AsylbLG", {"months": limit}))
    if months is None:
        res.reasons.append(Step("asylblg.months_unknown", None, "§ 2 Abs. 1 AsylbLG", {"months": limit}))

    allowance = D(params.get(PROGRAM, "vermoegen_freibetrag").value) * len(members)
    res.steps.append(Step("asylblg.assets_allowance", allowance, "§ 7 Abs. 5 AsylbLG", {"persons": len(members)}))
    if hh.assets > allowance:
        res.reasons.append(Step("asylblg.assets_above", hh.assets - allowance, "§ 7 Abs. 1, 5 AsylbLG",
                                {"assets": float(hh.assets), "allowance": float(allowance)}))
        return res
    table = params.get(PROGRAM, "grundleistung")
    need = ZERO
    income_total = ZERO
    for p in members:
        level = _stufe(hh, p, params, shared)
        amount = D(table.value[level])
        need += amount
        res.steps.append(Step("asylblg.grundleistung", amount, table.legal_basis, {"person": p["id"], "stufe": level[-1]}))
        own, isteps = _income(hh, p, params, amount)
        res.steps.extend(isteps)
        income_total += own
    housing, exact, hsteps, advice = _housing(hh, members, local, "§ 3 Abs. 3 Satz 2 AsylbLG")
    res.steps.extend(hsteps)
    res.exact = exact
    need += housing
    res.steps.append(Step("asylblg.haushaltsenergie", None, "§ 3 Abs. 3 Satz 2 AsylbLG", {}))
    res.steps.append(Step("asylblg.total_need", need, "§ 3 AsylbLG", {}))
    res.steps.append(Step("asylblg.total_income", income_total, "§ 7 AsylbLG", {}))
    res.amount = max(need - income_total, ZERO)
    return _finish(res, advice, months is None)


def _analog(hh: Household, params: Params, local, members, shared, res: Assessment) -> Assessment:
    """§ 2 AsylbLG: the SGB XII rules apply, with Regelbedarfsstufe 2 in shared accommodation."""
    res.steps.append(Step("asylblg.analogleistungen", None, "§ 2 Abs. 1 AsylbLG",
                          {"months": params.get(PROGRAM, "analogleistungen_monate").value}))
    eg = sozialhilfe.members(hh, params)
    adult = params.get("allgemein", "volljaehrigkeit").value
    adults_n = sum(1 for p in eg if p["age"] >= adult)
    allowance = D(params.get("sozialhilfe", "vermoegensschonbetrag").value) * adults_n + D(
        params.get("sozialhilfe", "vermoegensschonbetrag_unterhaltene_person").value) * (len(eg) - adults_n)
    res.steps.append(Step("asylblg.assets_allowance", allowance, "§ 2 AsylbLG, § 90 SGB XII", {"persons": len(eg)}))
    if hh.assets > allowance:
        res.reasons.append(Step("asylblg.assets_above", hh.assets - allowance, "§ 2 AsylbLG, § 90 SGB XII",
                                {"assets": float(hh.assets), "allowance": float(allowance)}))
        return res
    if shared:
        # § 2 Abs. 1 Satz 4 Nr. 1: every adult in shared accommodation gets Regelbedarfsstufe 2;
        # housing there is provided, not paid to the household.
        rbs2 = D(params.get("grundsicherungsgeld", "regelbedarf").value["rbs2"])
        need = ZERO
        for p in eg:
            if p["age"] >= adult:
                need += rbs2
                res.steps.append(Step("sozialhilfe.regelbedarf", rbs2, "§ 2 Abs. 1 Satz 4 Nr. 1 AsylbLG",
                                      {"person": p["id"], "stufe": "2"}))
            else:
                amount, nsteps, _ = sozialhilfe._needs(hh, p, params, "kap3")
                need += amount
                res.steps.extend(nsteps)
        income_total = ZERO
        for p in eg:
            own, isteps = sozialhilfe._income(hh, p, params, False)
            res.steps.extend(isteps)
            income_total += own
        res.steps.append(Step("sozialhilfe.total_need", need, "§ 2 AsylbLG, § 27a SGB XII", {}))
        res.steps.append(Step("sozialhilfe.total_income", income_total, "§ 2 AsylbLG, § 82 SGB XII", {}))
        res.amount = max(need - income_total, ZERO)
        return _finish(res, [], False)
    shortfall, exact, steps, advice = sozialhilfe._shortfall(hh, params, local, "kap3", {})
    res.steps.extend(steps)
    res.exact = exact
    res.amount = shortfall
    return _finish(res, advice, False)


def _finish(res: Assessment, advice: list, months_unknown: bool) -> Assessment:
    if res.amount <= 0:
        res.reasons.append(Step("asylblg.income_covers_need", None, "§ 7 Abs. 1 AsylbLG", {}))
        res.status = NOT_ENTITLED
        return res
    res.steps.append(Step("asylblg.amount", res.amount, "§ 3 AsylbLG" if not res.analog else "§ 2 AsylbLG", {}))
    hard = [a for a in advice if not a.key.endswith("kdu_above_limit")]
    res.reasons.extend(advice)
    res.status = NEEDS_ADVICE if hard else (POSSIBLE if advice or months_unknown else LIKELY)
    return res


def to_result(a: Assessment) -> ProgramResult:
    return program_result(ID, OFFICE, a, a.amount)

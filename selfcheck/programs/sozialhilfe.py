"""Sozialhilfe (SGB XII): Grundsicherung im Alter und bei Erwerbsminderung (4. Kapitel) and
Hilfe zum Lebensunterhalt (3. Kapitel), paid by the town's Sozialamt.

Who belongs here (``classify``): nobody in the household can be in SGB II. A person has
reached the Regelaltersgrenze by year of birth (§ 41 Abs. 2); with only the age given, every
birth month that fits the age is tried and the answer is "needs advice" when they disagree.
A person of at least 18 who cannot work 3 hours a day is voll erwerbsgemindert: 4. Kapitel
if that is permanent (§ 41 Abs. 3), otherwise 3. Kapitel (§ 27, § 21 SGB XII). As soon as an
employable person lives in the Bedarfsgemeinschaft, SGB II applies (§ 21 SGB XII); households
mixing both are "needs advice".

``assess`` computes the monthly shortfall of the Einsatzgemeinschaft (applicant, partner,
minor unmarried children, § 27 Abs. 2, § 43 Abs. 1):
- Regelbedarfe (Anlage zu § 28; adults alone RBS 1, partners RBS 2, children RBS 4-6) and the
  Mehrbedarfe of § 30 (Merkzeichen G, pregnancy, single parents, decentral hot water; Abs. 1-5
  capped at the Regelbedarf, Abs. 6); a costly diet (Abs. 5) needs advice;
- housing (§ 35, § 42a Abs. 4 head share): actual costs in the one-year Karenzzeit, from
  1.7.2026 at most 1.5 × the town's limit (more possible with children: advice); afterwards the
  town's limit (above it: actual costs only for a transition, § 35 Abs. 3); heating as paid;
- income (§§ 82, 82a): earnings net of tax and contributions minus 30 % of the gross (at most
  50 % of RBS 1, § 82 Abs. 3); pensions in full minus the Grundrente allowance if at least 33 years of
  Grundrentenzeiten (§ 82a; when unknown both results are shown); Elterngeld above 300 €
  (§ 10 BEEG); Kindergeld as the minor child's income as far as needed, the rest the parent's
  (§ 82 Abs. 1 Satz 4); insurance premiums only when entered (§ 82 Abs. 2 Nr. 3; no flat rate);
- assets: 10,000 € per adult plus 500 € per minor child (§ 90 Abs. 2 Nr. 9 with § 1 DVO).

Not modelled (stated, not guessed): Werbungskosten of § 82 Abs. 2 Nr. 4 (DVO § 3), the § 82
Abs. 4 allowance for private and occupational pensions (the pension field is taken as the
statutory pension), § 82 Abs. 6, § 39 (presumed support by others in the flat), § 42a Abs. 3
(adults living with their parents), relatives' maintenance (§ 94), Bildung und Teilhabe (its own
program), institutions (§ 27b).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..bedarf import single_parent_share
from ..household import ZERO, D, Household
from ..local import kdu_limit
from ..params import Params
from ..result import LIKELY, NEEDS_ADVICE, NOT_ENTITLED, POSSIBLE, ProgramResult, Step, program_result
from . import elterngeld, kindergeld

PROGRAM = "sozialhilfe"  # parameter file
GRUNDSICHERUNG = "grundsicherung-im-alter"  # 4. Kapitel (im Alter und bei Erwerbsminderung)
HLU = "hilfe-zum-lebensunterhalt"  # 3. Kapitel
OFFICE = "sozialamt"
RBS = "grundsicherungsgeld"  # the Regelbedarfe are shared with SGB II (Anlage zu § 28 SGB XII)
NOT_INCOME = ("kindergeld_uebertrag", "kinderzuschlag")


@dataclass
class Assessment:
    status: str
    program: str = HLU
    shortfall: Decimal = ZERO
    exact: bool = True
    blocked: bool = False        # not entitled for a reason other than income
    group: str = "sgb2"          # classify(): sgb2, kap4, kap3, mixed, unknown, asylblg
    alt_shortfall: Decimal | None = None  # with the Grundrente allowance, when it is unknown
    steps: list = field(default_factory=list)
    reasons: list = field(default_factory=list)


# --- who belongs where --------------------------------------------------------------
def _limit_months(params: Params, birth_year: int) -> int:
    table = params.get(PROGRAM, "regelaltersgrenze").value
    first = max(int(k) for k in table if int(k) <= birth_year)
    entry = table[str(first)]
    return entry["jahre"] * 12 + entry["monate"]


def age_limit_reached(person: dict, day, params: Params) -> bool | None:
    """Has the person reached the § 41 Abs. 2 age limit before the month assessed?

    The limit is reached at the end of the month in which the age is completed; from the next
    month on the person counts as having reached it. With only ``age`` known, every birth
    month consistent with it is tried: None when the candidates disagree.
    """
    now = day.year * 12 + day.month - 1
    if person.get("birth_year") and person.get("birth_month"):
        candidates = [(person["birth_year"], person["birth_month"])]
    else:
        age = person["age"]
        candidates = []
        for year in (day.year - age - 1, day.year - age):
            for month in range(1, 13):
                # completed years on the first of the month assessed (birthday on the 1st or later)
                born = year * 12 + month - 1
                if (now - born) // 12 == age and (person.get("birth_year") in (None, year)):
                    candidates.append((year, month))
    answers = {now > (y * 12 + m - 1) + _limit_months(params, y) for y, m in candidates}
    return answers.pop() if len(answers) == 1 else None


def _person_group(hh: Household, p: dict, params: Params) -> str:
    reached = age_limit_reached(p, hh.day, params)
    if reached is None:
        return "unknown"
    if reached:
        return "alter"
    if not p.get("able_to_work", True):
        if p["age"] >= params.get(PROGRAM, "erwerbsminderung_mindestalter").value:
            return "em4" if p.get("reduced_earning_capacity_permanent") else "em3"
        return "child"
    minimum = params.get(RBS, "erwerbsfaehigkeit_alter").value["mindestalter"]
    return "sgb2" if p["age"] >= minimum else "child"


def classify(hh: Household, params: Params) -> tuple[str, list[Step]]:
    """Return the group of the household and the steps that explain it."""
    adults = hh.adults_core()
    steps: list[Step] = []
    for p in adults:
        if p.get("residence_status") in ("asylum_procedure", "toleration"):
            return "asylblg", [Step("sozialhilfe.asylblg", None, "§ 23 Abs. 2 SGB XII", {"person": p["id"]})]
    groups = {p["id"]: _person_group(hh, p, params) for p in adults}
    minimum = params.get(RBS, "erwerbsfaehigkeit_alter").value["mindestalter"]
    ages = params.get(RBS, "regelbedarf_altersgrenzen").value
    # Children aged 15 to 24 who can work form an SGB II Bedarfsgemeinschaft with their parents.
    workers = [c for c in hh.children() if minimum <= c["age"] < ages["rbs3"] and c.get("able_to_work", True)
               and not c.get("married") and age_limit_reached(c, hh.day, params) is False]
    for pid, group in groups.items():
        if group == "alter":
            steps.append(Step("sozialhilfe.age_limit_reached", None, "§ 41 Abs. 2 SGB XII", {"person": pid}))
        elif group == "unknown":
            steps.append(Step("sozialhilfe.age_limit_unknown", None, "§ 41 Abs. 2 SGB XII", {"person": pid}))
        elif group == "em4":
            steps.append(Step("sozialhilfe.erwerbsminderung_dauerhaft", None, "§ 41 Abs. 3 SGB XII", {"person": pid}))
        elif group == "em3":
            steps.append(Step("sozialhilfe.erwerbsminderung", None, "§ 27 SGB XII, § 41 Abs. 3 SGB XII",
                              {"person": pid}))
    values = set(groups.values())
    if "unknown" in values:
        return "unknown", steps
    employable = "sgb2" in values or (workers and values <= {"em3", "child"})
    if employable and values - {"sgb2", "em3", "child"}:
        return "mixed", steps + [Step("sozialhilfe.mixed_household", None, "§ 21 SGB XII, § 7 SGB II", {})]
    if employable:
        return "sgb2", [Step("sozialhilfe.sgb2_instead", None, "§ 21 SGB XII, § 7 SGB II", {})]
    if "child" in values and not values - {"child"}:
        # only minors without an employable person: Hilfe zum Lebensunterhalt (§ 27 Abs. 1)
        return "kap3", steps
    if groups[hh.applicant["id"]] in ("alter", "em4"):
        return "kap4", steps
    return "kap3", steps


# --- needs -----------------------------------------------------------------------------
def members(hh: Household, params: Params) -> list[dict]:
    """Einsatzgemeinschaft: applicant, partner and minor unmarried children (§ 27 Abs. 2)."""
    adult = params.get("allgemein", "volljaehrigkeit").value
    return hh.adults_core() + [c for c in hh.children() if c["age"] < adult and not c.get("married")]


def _stufe(hh: Household, p: dict, params: Params) -> str:
    if p in hh.adults_core():
        return "rbs2" if hh.partner() is not None else "rbs1"
    ages = params.get(PROGRAM, "regelbedarf_altersgrenzen").value
    if p["age"] < ages["rbs6"]:
        return "rbs6"
    if p["age"] < ages["rbs5"]:
        return "rbs5"
    return "rbs4"


def _needs(hh: Household, p: dict, params: Params, group: str) -> tuple[Decimal, list[Step], list[Step]]:
    steps, advice = [], []
    rbs = params.get(RBS, "regelbedarf").value
    level = _stufe(hh, p, params)
    rb = D(rbs[level])
    pid = p["id"]
    steps.append(Step("sozialhilfe.regelbedarf", rb, "§ 27a Abs. 3, § 42 Nr. 1 SGB XII, Anlage zu § 28 SGB XII",
                      {"person": pid, "stufe": level[-1]}))
    extra = ZERO
    g = params.get(PROGRAM, "mehrbedarf_merkzeichen_g")
    if p.get("disability", {}).get("merkzeichen_g") and p in hh.adults_core() and group in ("kap4", "kap3") \
            and (age_limit_reached(p, hh.day, params) or not p.get("able_to_work", True)):
        amount = rb * D(g.value)
        steps.append(Step("sozialhilfe.mehrbedarf_merkzeichen_g", amount, g.legal_basis, {"person": pid}))
        extra += amount
    preg = params.get(PROGRAM, "mehrbedarf_schwangerschaft")
    if p.get("pregnancy_week", 0) >= preg.value["ab_woche"]:
        amount = rb * D(preg.value["anteil"])
        steps.append(Step("sozialhilfe.mehrbedarf_schwangerschaft", amount, preg.legal_basis, {"person": pid}))
        extra += amount
    if p is hh.applicant:
        share = single_parent_share(hh, params, PROGRAM)
        if share > 0:
            amount = D(rbs["rbs1"]) * share
            steps.append(Step("sozialhilfe.mehrbedarf_alleinerziehend", amount,
                              params.get(PROGRAM, "mehrbedarf_alleinerziehend").legal_basis,
                              {"person": pid, "percent": float(share * 100)}))
            extra += amount
    cap = rb * D(params.get(PROGRAM, "mehrbedarf_hoechstens").value)
    if extra > cap:
        steps.append(Step("sozialhilfe.mehrbedarf_cap", cap, "§ 30 Abs. 6 SGB XII", {"person": pid}))
        extra = cap
    if p.get("costly_diet"):
        advice.append(Step("sozialhilfe.mehrbedarf_ernaehrung_advice", None, "§ 30 Abs. 5 SGB XII", {"person": pid}))
    if hh.hot_water_decentral:
        ww = params.get(PROGRAM, "mehrbedarf_warmwasser")
        amount = rb * D(ww.value.get(level, 0))
        steps.append(Step("sozialhilfe.mehrbedarf_warmwasser", amount, ww.legal_basis, {"person": pid}))
        extra += amount
    return rb + extra, steps, advice


def _housing(hh: Household, group_members: list[dict], params: Params, local) -> tuple[Decimal, bool, list, list]:
    """Recognised housing costs of the Einsatzgemeinschaft (§ 35, § 42a SGB XII)."""
    steps, advice = [], []
    if hh.warm_costs <= 0:
        return ZERO, True, steps, advice
    share = D(len(group_members)) / D(len(hh.persons))
    brutto = hh.bruttokaltmiete * share
    heating = hh.heizung * share
    if share < 1:
        steps.append(Step("sozialhilfe.kdu_head_share", hh.warm_costs * share, "§ 42a Abs. 4 SGB XII",
                          {"members": len(group_members), "persons": len(hh.persons)}))
    rule = params.get(PROGRAM, "kdu_karenzzeit")
    used = int(hh.data.get("sgb12_months", 0)) + hh.sgb2_months  # § 35 Abs. 1 Satz 6: SGB II months count
    in_karenz = used < rule.value["monate"]
    factor = rule.value["deckel_faktor"]
    full = kdu_limit(local, hh.town, len(hh.persons))
    limit = full * share if full is not None else None
    exact = True
    if in_karenz and factor is None:
        recognised = brutto
        steps.append(Step("sozialhilfe.kdu_karenzzeit_full", brutto, rule.legal_basis, {"months": rule.value["monate"]}))
    elif limit is None:
        recognised = brutto
        exact = False
        advice.append(Step("sozialhilfe.kdu_limit_unknown", brutto, "§ 35 Abs. 1 SGB XII", {"town": hh.town or ""}))
    elif in_karenz:
        cap = limit * D(factor)
        recognised = min(brutto, cap)
        steps.append(Step("sozialhilfe.kdu_karenzzeit_cap", recognised, rule.legal_basis,
                          {"limit": float(limit), "factor": float(factor), "cap": float(cap), "actual": float(brutto)}))
        if brutto > cap and hh.children():
            advice.append(Step("sozialhilfe.kdu_cap_children_advice", brutto - cap, "§ 35 Abs. 1 Satz 8 SGB XII", {}))
    else:
        recognised = min(brutto, limit)
        steps.append(Step("sozialhilfe.kdu_limit", recognised, "§ 35 Abs. 1 Satz 1 SGB XII",
                          {"limit": float(limit), "actual": float(brutto)}))
        if brutto > limit:
            advice.append(Step("sozialhilfe.kdu_above_limit", brutto - limit, "§ 35 Abs. 3 SGB XII", {}))
    steps.append(Step("sozialhilfe.heating", heating, "§ 35 Abs. 1 und 5 SGB XII", {}))
    return recognised + heating, exact, steps, advice


# --- income ----------------------------------------------------------------------------
def _grundrente_allowance(pension: Decimal, params: Params) -> Decimal:
    base = D(params.get("grundrente", "freibetrag_grundbetrag").value)
    share = D(params.get("grundrente", "freibetrag_anteil").value) / 100
    cap = D(params.get(RBS, "regelbedarf").value["rbs1"]) * D(params.get("grundrente", "freibetrag_hoechstens_anteil_rbs1").value)
    return min(min(pension, base) + max(pension - base, ZERO) * share, cap)


def _income(hh: Household, p: dict, params: Params, grundrente: bool) -> tuple[Decimal, list[Step]]:
    steps = []
    pid = p["id"]
    total = ZERO
    gross, net = hh.gross(p), hh.net(p)
    if net > 0:
        rule = params.get(PROGRAM, "freibetrag_erwerbseinkommen_anteil")
        cap = D(params.get(RBS, "regelbedarf").value["rbs1"]) * D(
            params.get(PROGRAM, "freibetrag_erwerbseinkommen_hoechstens_anteil_rbs1").value)
        # § 82 Abs. 3: 30 % of the gross income from work (Jung in: SGB Office, § 82 SGB XII Rz. 76),
        # deducted from the net income that § 82 Abs. 2 Nr. 1-2 leave.
        free = min(max(gross, net) * D(rule.value) / 100, cap, net)
        steps.append(Step("sozialhilfe.earned", net, "§ 82 Abs. 1, Abs. 2 Nr. 1 und 2 SGB XII",
                          {"person": pid, "gross": float(gross)}))
        steps.append(Step("sozialhilfe.earned_allowance", -free, rule.legal_basis, {"person": pid, "cap": float(cap)}))
        total += net - free
    other = {k: v for k, v in hh.other_income(p).items() if v > 0 and k not in NOT_INCOME}
    pension = other.pop("pension", ZERO)
    if pension > 0:
        steps.append(Step("sozialhilfe.pension", pension, "§ 82 Abs. 1 SGB XII", {"person": pid}))
        total += pension
        if grundrente:
            free = _grundrente_allowance(pension, params)
            steps.append(Step("sozialhilfe.grundrente_allowance", -free, "§ 82a Abs. 1 SGB XII", {"person": pid}))
            total -= free
    if "elterngeld" in other:
        free = elterngeld.free_amount(p, other["elterngeld"], params, True)  # § 10 Abs. 5 BEEG
        other["elterngeld"] -= free
        steps.append(Step("sozialhilfe.elterngeld_free", -free, "§ 10 Abs. 5 BEEG", {"person": pid}))
    kg = other.pop("kindergeld", ZERO)
    rest = {k: v for k, v in other.items() if v > 0}
    if rest:
        amount = sum(rest.values(), ZERO)
        steps.append(Step("sozialhilfe.other_income", amount, "§ 82 Abs. 1 SGB XII", {"person": pid, "kinds": sorted(rest)}))
        total += amount
    if kg > 0:
        total += kg
    insurance = D(p.get("insurance_costs", 0))
    if insurance > 0 and total > 0:
        deducted = min(insurance, total)
        steps.append(Step("sozialhilfe.insurance", -deducted, "§ 82 Abs. 2 Satz 1 Nr. 3 SGB XII", {"person": pid}))
        total -= deducted
    return max(total, ZERO), steps


def _shortfall(hh: Household, params: Params, local, group: str, grundrente: dict) -> tuple[Decimal, bool, list, list]:
    """(shortfall, exact, steps, advice) for the Einsatzgemeinschaft; ``grundrente``: id -> allowance?"""
    steps, advice = [], []
    eg = members(hh, params)
    housing, exact, hsteps, hadvice = _housing(hh, eg, params, local)
    steps += hsteps
    advice += hadvice
    each = housing / len(eg)
    adults = hh.adults_core()
    kg_amount = D(params.get("kindergeld", "betrag_je_kind").value)
    transfer: dict[str, Decimal] = {}
    uncovered = ZERO
    for c in [p for p in eg if p not in adults]:
        need, nsteps, nadvice = _needs(hh, c, params, group)
        steps += nsteps
        advice += nadvice
        need += each
        kg = kg_amount if kindergeld.counts(c, params) else ZERO
        own, isteps = _income(hh, c, params, False)
        steps += isteps
        if kg > 0:
            steps.append(Step("sozialhilfe.kindergeld_child", kg, "§ 82 Abs. 1 Satz 4 SGB XII", {"person": c["id"]}))
        surplus = min(kg, max(own + kg - need, ZERO))
        uncovered += max(need - own - kg, ZERO)
        if surplus > 0:
            parent = hh.parent_of(c)
            parent = parent if parent in adults else hh.applicant
            transfer[parent["id"]] = transfer.get(parent["id"], ZERO) + surplus
            steps.append(Step("sozialhilfe.kindergeld_transfer", surplus, "§ 82 Abs. 1 Satz 4 SGB XII",
                              {"person": c["id"], "parent": parent["id"]}))
    need_total, income_total = uncovered, ZERO
    for p in adults:
        need, nsteps, nadvice = _needs(hh, p, params, group)
        steps += nsteps
        advice += nadvice
        need_total += need + each
        own, isteps = _income(hh, p, params, grundrente.get(p["id"], False))
        steps += isteps
        income_total += own + transfer.get(p["id"], ZERO)
    steps.append(Step("sozialhilfe.total_need", need_total, "§ 27a, § 42, § 43a Abs. 1 SGB XII", {}))
    steps.append(Step("sozialhilfe.total_income", income_total, "§ 82, § 43 Abs. 1 SGB XII", {}))
    return max(need_total - income_total, ZERO), exact, steps, advice


def assess(hh: Household, params: Params, local=None) -> Assessment:
    group, steps = classify(hh, params)
    res = Assessment(NOT_ENTITLED, program=GRUNDSICHERUNG if group in ("kap4", "unknown") else HLU, group=group)
    res.steps.extend(steps)
    if group in ("sgb2", "asylblg"):
        res.reasons.extend(steps)
        res.steps = []
        res.blocked = True
        return res
    eg = members(hh, params)
    # Assets (§ 90 Abs. 2 Nr. 9 with § 1 DVO): 10,000 € per adult, 500 € per minor child supported.
    adult = params.get("allgemein", "volljaehrigkeit").value
    per_adult = params.get(PROGRAM, "vermoegensschonbetrag")
    per_child = params.get(PROGRAM, "vermoegensschonbetrag_unterhaltene_person")
    adults_n = sum(1 for p in eg if p["age"] >= adult)
    allowance = D(per_adult.value) * adults_n + D(per_child.value) * (len(eg) - adults_n)
    res.steps.append(Step("sozialhilfe.assets_allowance", allowance, per_adult.legal_basis,
                          {"adults": adults_n, "children": len(eg) - adults_n}))
    if hh.assets > allowance:
        res.reasons.append(Step("sozialhilfe.assets_above", hh.assets - allowance, "§ 90 SGB XII",
                                {"assets": float(hh.assets), "allowance": float(allowance)}))
        res.blocked = True
        return res

    pensioners = [p for p in hh.adults_core() if D(p.get("other_income", {}).get("pension", 0)) > 0]
    answers = {p["id"]: p.get("grundrentenzeiten", "no") for p in pensioners}  # schema default: no
    main = {pid: a == "yes" for pid, a in answers.items()}
    shortfall, exact, nsteps, advice = _shortfall(hh, params, local, group, main)
    res.steps.extend(nsteps)
    res.exact = exact
    res.shortfall = shortfall
    unknown = [pid for pid, a in answers.items() if a == "unknown"]
    if unknown:
        # § 82a: shown both ways; the amount without the allowance is the safe one.
        alt, _, _, _ = _shortfall(hh, params, local, group, {pid: a != "no" for pid, a in answers.items()})
        res.alt_shortfall = alt
        res.reasons.append(Step("sozialhilfe.grundrente_unknown", alt, "§ 82a SGB XII",
                                {"person": unknown[0], "without": float(shortfall), "with": float(alt)}))
    if group in ("mixed", "unknown"):
        res.reasons.extend(s for s in steps if s.key in ("sozialhilfe.mixed_household", "sozialhilfe.age_limit_unknown"))
        res.status = NEEDS_ADVICE
        res.blocked = shortfall <= 0
        return res
    if shortfall <= 0 and not (res.alt_shortfall or ZERO) > 0:
        res.reasons.append(Step("sozialhilfe.income_covers_need", None, "§ 19 Abs. 1 und 2 SGB XII", {}))
        return res
    res.steps.append(Step("sozialhilfe.amount", shortfall, "§ 43a Abs. 2 SGB XII" if group == "kap4" else "§ 27 SGB XII",
                          {"program": res.program}))
    if res.program == HLU and any(s.key == "sozialhilfe.erwerbsminderung" for s in steps):
        res.reasons.append(Step("sozialhilfe.maybe_kapitel4", None, "§ 41 Abs. 3 SGB XII", {}))
    hard = [a for a in advice if a.key not in ("sozialhilfe.kdu_above_limit",)]
    res.reasons.extend(advice)
    if hard:
        res.status = NEEDS_ADVICE
    elif advice or unknown:
        res.status = POSSIBLE
    else:
        res.status = LIKELY
    return res


def with_income(hh: Household, params: Params, local, extra: dict) -> Assessment:
    """The same check with other benefits (Wohngeld, Kinderzuschlag) counted as income (§ 2 SGB XII)."""
    return assess(hh.with_extra_income(extra), params, local)


def to_result(a: Assessment) -> ProgramResult:
    return program_result(a.program, OFFICE, a, a.shortfall)


def combine(hh: Household, params: Params, local, wg, kiz, chosen: list[str], steps: list[Step]) -> tuple[Assessment, bool]:
    """Priority between Wohngeld (and Kinderzuschlag) and Sozialhilfe; edits ``chosen`` and ``steps``.

    § 2 Abs. 1 SGB XII: Sozialhilfe is last. Wohngeld goes first where, counted as income, it ends
    the need (§ 7 Abs. 1 Satz 3 Nr. 2 WoGG); if a need remains, the household gets Sozialhilfe
    instead, which covers the housing costs, and no Wohngeld (§ 7 Abs. 1 Satz 1 Nr. 5, 6 WoGG).
    Returns the assessment on its own and whether the answer depends on the unknown Mietstufe.
    """
    a = assess(hh, params, local)
    if a.status == NOT_ENTITLED or a.blocked:
        return a, False
    name = {"program": a.program}
    if a.group in ("mixed", "unknown"):
        steps.append(Step("priority.sgb12_advice", None, "§ 21 SGB XII, § 41 Abs. 2 SGB XII", name))
        return a, True
    wg_ok = wg.status != NOT_ENTITLED and wg.amount_max > 0
    kiz_ok = kiz.status != NOT_ENTITLED and kiz.amount > 0

    def extra(wg_amount: Decimal) -> dict:
        out: dict = {}
        if wg_ok and wg_amount > 0:
            out[hh.applicant["id"]] = {"wohngeld": wg_amount}
        if kiz_ok:
            for cid, amount in kiz.per_child.items():
                out.setdefault(cid, {})["kinderzuschlag"] = amount
        return out

    if not wg_ok and not kiz_ok:
        steps.append(Step("priority.sgb12_no_prior", a.shortfall, "§ 2 Abs. 1 SGB XII", name))
        chosen.append(a.program)
        return a, False
    low = with_income(hh, params, local, extra(wg.amount))
    if low.shortfall <= 0 and (low.alt_shortfall or ZERO) > 0:
        # Only with the § 82a allowance does a need remain: the answer to the Grundrente question decides.
        steps.append(Step("priority.sgb12_depends_on_grundrente", low.alt_shortfall, "§ 82a SGB XII, § 2 Abs. 1 SGB XII",
                          name))
        return a, True
    if low.shortfall <= 0:
        step = Step("priority.wg_ends_sgb12_need", a.shortfall, "§ 2 Abs. 1 SGB XII, § 7 Abs. 1 Satz 3 Nr. 2 WoGG", name)
        steps.append(step)
        a.reasons.append(step)
        if not wg.exact and wg_ok:
            steps.append(Step("priority.even_lowest_mietstufe", wg.amount, "§ 12 WoGG", {}))
        return a, False
    if not wg.exact and wg_ok and with_income(hh, params, local, extra(wg.amount_max)).shortfall <= 0:
        steps.append(Step("priority.sgb12_depends_on_mietstufe", None, "§ 2 Abs. 1 SGB XII, § 12 WoGG", name))
        return a, True
    steps.append(Step("priority.sgb12_need_remains", low.shortfall, "§ 2 Abs. 1 SGB XII, § 7 Abs. 1 Satz 1 Nr. 5 und 6 WoGG",
                      name))
    for program in ("wohngeld", "kinderzuschlag"):
        if program in chosen:
            chosen.remove(program)
    if wg_ok:
        wg.reasons.append(Step("priority.sgb12_instead_of_wohngeld", None, "§ 7 Abs. 1 Satz 1 Nr. 5 und 6 WoGG", name))
    chosen.append(a.program)
    return a, False

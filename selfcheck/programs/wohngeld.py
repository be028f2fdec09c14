"""Wohngeld (WoGG): rent subsidy, § 19 WoGG formula with Anlagen 1-3.

M (rent) = min(Bruttokaltmiete, Höchstbetrag + Klimakomponente), at least the minimum M,
plus the heating relief; Y (income) = Σ yearly income per member (§ 14: earnings minus the
Arbeitnehmer-Pauschbetrag, transfers), minus 10 % each for taxes, health and pension
contributions (§ 16), minus the § 17 allowances, per month, at least the minimum Y.
Wohngeld = 1.15 · (M − (a + b·M + c·Y) · Y), rounded to the euro, nothing below 10 €.

The Mietstufe comes from the town's site data. Without it the result is ``needs_advice``
and the amount is the LOWEST Wohngeld over all Mietstufen (a safe lower bound; ``amount_max``
keeps the highest), so the priority check can still decide when the bound is enough.

Income rules (§§ 14-18 WoGG): earnings minus the 1,230 € Arbeitnehmer-Pauschbetrag, except
flat-taxed Minijobs (no Pauschbetrag, § 14 Abs. 1 Satz 3); pensions minus 102 € a year (§ 9a
Satz 1 Nr. 3 EStG); a child's earnings allowance (§ 17 Nr. 4) at most what the child's earnings
still count after those deductions; the Grundrente allowance of § 17a for members with at
least 33 years of Grundrentenzeiten (asked; "don't know" shows both results); maintenance paid
to someone outside the household (§ 18: up to a titled amount, else 3,000 €/6,000 € a year).

Where we knowingly differ from GETTSIM:
- whether taxes and contributions are paid (§ 16) is asked (``pays_*``) or, if not given,
  derived: contributions above the Minijob limit; income tax when 12 × net earnings minus
  the Pauschbetrag (single parents also the § 24b EStG relief) exceed the Grundfreibetrag
  (married couples: jointly, twice it); GETTSIM
  computes the taxes, so near the threshold the defaults can differ from it;
- owners (Lastenzuschuss) are ``needs_advice``; a household of students or trainees only is
  excluded (§ 20 Abs. 2), a household with some is ``needs_advice`` (how much BAföG counts);
  people living in the flat who are not family are left out and the rent is split per head;
- the disability allowance (§ 17 Nr. 1) is applied for GdB 100 only; GdB below 100 with
  home care is not asked (GETTSIM applies it for any GdB > 0 since 2016);
- Elterngeld counts above 300 € (§ 10 BEEG); Kindergeld and Kinderzuschlag are not income;
- Wohngeld below 10 € is not paid (§ 21 Nr. 1 WoGG); GETTSIM pays it;
- the single-parent allowance (§ 17 Nr. 3) needs a child under 18 with Kindergeld and no other
  adult in the flat; GETTSIM grants it to any single parent.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .. import income
from ..household import ZERO, D, Household
from ..local import mietstufe as town_mietstufe
from ..params import Params
from ..result import program_result, LIKELY, NEEDS_ADVICE, NOT_ENTITLED, ProgramResult, Step
from . import elterngeld as elterngeld_program
from . import kindergeld

PROGRAM = "wohngeld"
OFFICE = "wohngeldstelle"
NOT_INCOME = ("kinderzuschlag", "wohngeld", "kindergeld_uebertrag", "bafoeg")


@dataclass
class Assessment:
    status: str
    amount: Decimal = ZERO          # exact amount, or the lower bound when the Mietstufe is unknown
    amount_max: Decimal = ZERO
    exact: bool = True
    blocked: bool = False
    steps: list = field(default_factory=list)
    reasons: list = field(default_factory=list)


def _members(hh: Household) -> list[dict]:
    return [p for p in hh.persons if p is hh.applicant or p.get("relation") in ("partner", "child")]


def _by_size(table: dict, n: int) -> Decimal:
    if n <= 5:
        return D(table[str(n)])
    return D(table["5"]) + D(table["je_weitere"]) * (n - 5)


def flat_taxed(hh: Household, p: dict, params: Params) -> bool:
    """Earnings from a Minijob whose tax the employer pays at a flat rate (§ 40a EStG).

    Asked (``minijob_flat_tax``); by default every job up to the Minijob limit, as most are."""
    gross = hh.gross(p)
    if gross <= 0:
        return False
    if "minijob_flat_tax" in p:
        return bool(p["minijob_flat_tax"])
    return gross <= D(params.get("allgemein", "minijob_grenze").value)


def _pays_tax_default(hh: Household, p: dict, params: Params) -> bool:
    """Guess whether income tax is paid when the household does not say (§ 16 Nr. 1 WoGG).

    The taxable income is approximated by 12 × NET earnings − Arbeitnehmer-Pauschbetrag: net
    earnings already lack the social-insurance contributions that are mostly deductible as
    Vorsorgeaufwendungen, and with no tax net is gross minus exactly those. Married partners
    living together are assessed jointly: their sum is compared with twice the Grundfreibetrag.
    Single parents deduct the Entlastungsbetrag (§ 24b EStG).
    Flat-taxed Minijobs count as no tax, and a spouse's flat-taxed Minijob stays out of the
    couple's estimate (it is not part of the taxable income, § 40a EStG).
    """
    minijob = D(params.get("allgemein", "minijob_grenze").value)
    if hh.gross(p) <= minijob or flat_taxed(hh, p, params):
        return False
    pauschbetrag = D(params.get("allgemein", "werbungskosten_pauschbetrag").value)
    grundfreibetrag = D(params.get("allgemein", "grundfreibetrag").value)
    couple = [p]
    partner = hh.partner()
    if partner is not None and p in hh.adults_core() and (p.get("married") or partner.get("married")):
        couple = hh.adults_core()
    taxable = sum((max(hh.net(q) * 12 - pauschbetrag, ZERO) for q in couple
                   if hh.gross(q) > 0 and not flat_taxed(hh, q, params)), ZERO)
    if partner is None and p is hh.applicant:
        kids = [c for c in hh.children() if kindergeld.counts(c, params)]
        if kids:  # § 24b EStG: single parents' relief
            relief = params.get("allgemein", "entlastungsbetrag_alleinerziehende").value
            taxable -= D(relief["erstes_kind"]) + D(relief["weiteres_kind"]) * (len(kids) - 1)
    return taxable > grundfreibetrag * len(couple)


def _deduction_share(hh: Household, p: dict, params: Params) -> Decimal:
    gross = hh.gross(p)
    minijob = D(params.get("allgemein", "minijob_grenze").value)
    other = hh.other_income(p)
    above = gross > minijob
    tax = p["pays_income_tax"] if "pays_income_tax" in p else _pays_tax_default(hh, p, params)
    kinds = [
        tax,
        p.get("pays_health_insurance", above or other.get("pension", ZERO) > 0),
        p.get("pays_pension_insurance", above),
    ]
    return D(params.get(PROGRAM, "abzug_je_beitragsart").value) * sum(1 for k in kinds if k)


def _yearly_income(hh: Household, p: dict, params: Params) -> tuple[Decimal, Decimal]:
    """Return (yearly income after § 16 deductions, the part of it that comes from earnings).

    Earnings: minus the Arbeitnehmer-Pauschbetrag (§ 9a Satz 1 Nr. 1 EStG), except a flat-taxed
    Minijob, which counts without it (§ 14 Abs. 1 Satz 3 Nr. 2 WoGG: only actual expenses, which
    we do not ask). Pensions: minus the 102 € Pauschbetrag (§ 9a Satz 1 Nr. 3 EStG); the part
    that is tax-free is added back by § 14 Abs. 2 Nr. 3, so the whole pension counts.
    """
    pauschbetrag = D(params.get("allgemein", "werbungskosten_pauschbetrag").value)
    gross = hh.gross(p)
    if gross <= 0:
        earned = ZERO
    elif flat_taxed(hh, p, params):
        earned = gross * 12
    else:
        earned = max(gross * 12 - pauschbetrag, ZERO)
    other = ZERO
    for kind, amount in hh.other_income(p).items():
        if kind in NOT_INCOME:
            continue
        if kind == "elterngeld":
            amount -= elterngeld_program.free_amount(p, amount, params, False)  # § 10 Abs. 1, 3, 4 BEEG
        yearly = amount * 12
        if kind == "pension":
            yearly = max(yearly - D(params.get("allgemein", "werbungskosten_pauschbetrag_renten").value), ZERO)
        other += yearly
    keep = 1 - _deduction_share(hh, p, params)
    return (earned + other) * keep, earned * keep


def _grundrente_allowance(hh: Household, p: dict, params: Params) -> Decimal:
    """§ 17a WoGG: 1,200 € of the yearly statutory pension plus 30 % of the rest, at most
    12 × 50 % of Regelbedarfsstufe 1 (for 33 years of Grundrentenzeiten)."""
    pension = D(p.get("other_income", {}).get("pension", 0)) * 12
    if pension <= 0:
        return ZERO
    base = D(params.get("grundrente", "freibetrag_grundbetrag").value) * 12
    share = D(params.get("grundrente", "freibetrag_anteil").value) / 100
    cap = D(params.get("grundsicherungsgeld", "regelbedarf").value["rbs1"]) * 12 * \
        D(params.get(PROGRAM, "grundrente_freibetrag_deckel").value)
    return min(min(pension, base) + max(pension - base, ZERO) * share, cap)


def _maintenance_deduction(p: dict, params: Params) -> Decimal:
    """§ 18 WoGG: statutory maintenance paid to someone outside the household, per year: up to
    the amount fixed in a title, else up to 3,000 € (6,000 € for a former spouse)."""
    amount, titled, recipient = income.maintenance_paid(p)
    if amount <= 0:
        return ZERO
    if titled:
        return amount * 12
    caps = params.get(PROGRAM, "unterhalt_abzug").value
    return min(amount * 12, D(caps.get(recipient, caps["other"])))


def _formula(m: Decimal, y: Decimal, n: int, params: Params) -> Decimal:
    coeff = params.get(PROGRAM, "koeffizienten").value
    k = coeff[min(n, len(coeff)) - 1]
    a, b, c = D(k["a"]), D(k["b"]), D(k["c"])
    factor = D(params.get(PROGRAM, "skalierungsfaktor").value)
    raw = factor * (m - (a + b * m + c * y) * y)
    if n > len(coeff):
        raw += D(params.get(PROGRAM, "zusatzbetrag_grosse_haushalte").value) * (n - len(coeff))
    raw = min(max(raw, ZERO), m)
    return raw.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _rent(hh: Household, n: int, stufe: int, share: Decimal, params: Params) -> Decimal:
    hb = _by_size_list(params.get(PROGRAM, "hoechstbetraege").value, n, stufe)
    cap = hb + _by_size(params.get(PROGRAM, "klimakomponente").value, n)
    minimum = params.get(PROGRAM, "mindestmiete").value
    m = max(min(hh.bruttokaltmiete * share, cap), D(minimum[min(n, len(minimum)) - 1]))
    return m + _by_size(params.get(PROGRAM, "heizkostenentlastung").value, n)


def _by_size_list(table: dict, n: int, stufe: int) -> Decimal:
    i = stufe - 1
    if n <= 5:
        return D(table[str(n)][i])
    return D(table["5"][i]) + D(table["je_weitere"][i]) * (n - 5)


def assess(hh: Household, params: Params, local=None) -> Assessment:
    res = Assessment(status=NOT_ENTITLED)
    members = _members(hh)
    n = len(members)
    applicant = hh.applicant
    if applicant.get("residence_status") in ("asylum_procedure", "toleration"):
        res.reasons.append(Step("wohngeld.asylblg", None, "§ 7 Abs. 1 Satz 1 Nr. 7 WoGG", {}))
        res.blocked = True
        return res
    if hh.bruttokaltmiete <= 0:
        res.reasons.append(Step("wohngeld.no_rent", None, "§ 9 WoGG", {}))
        res.blocked = True
        return res
    vermoegen = params.get(PROGRAM, "vermoegen")
    limit = D(vermoegen.value["erste_person"]) + D(vermoegen.value["weitere_person"]) * (n - 1)
    if hh.assets > limit:
        res.reasons.append(Step("wohngeld.assets_above", hh.assets - limit, vermoegen.legal_basis,
                                {"assets": float(hh.assets), "allowance": float(limit)}))
        res.blocked = True
        return res
    advice = []
    if hh.owner:
        advice.append(Step("wohngeld.owner_advice", None, "§ 3 Abs. 2, § 10 WoGG", {}))
    adult = params.get("allgemein", "volljaehrigkeit").value
    students = [p for p in members if D(p.get("other_income", {}).get("bafoeg", 0)) > 0 or (
        p["age"] >= adult and p.get("in_education") and p.get("education") in ("vocational", "university"))]
    if students and len(students) == n:
        # § 20 Abs. 2 WoGG: no Wohngeld when every member could get BAföG or BAB.
        res.reasons.append(Step("wohngeld.all_students", None, "§ 20 Abs. 2 WoGG", {}))
        res.blocked = True
        return res
    if students:
        advice.append(Step("wohngeld.student_advice", None, "§ 20 Abs. 2 WoGG, § 14 WoGG",
                           {"person": students[0]["id"]}))

    share = D(n) / D(len(hh.persons))
    res.steps.append(Step("wohngeld.members", None, "§ 5 WoGG", {"members": n}))
    res.steps.append(Step("wohngeld.rent", hh.bruttokaltmiete * share, "§ 9 WoGG", {}))

    # Income Y (§§ 13-18 WoGG)
    yearly = ZERO
    free = params.get(PROGRAM, "freibetraege").value
    allowances = ZERO
    grundrente_unknown = ZERO
    for p in members:
        counted, earned = _yearly_income(hh, p, params)
        if counted > 0:
            res.steps.append(Step("wohngeld.income_person", counted / 12, "§§ 14-16 WoGG", {"person": p["id"]}))
        yearly += counted
        if p.get("disability", {}).get("gdb", 0) >= 100:
            allowances += D(free["schwerbehindert"])
        if p.get("relation") == "child" and p["age"] < free["kind_erwerb_alter"] and earned > 0:
            # § 17 Nr. 4: at most the child's earnings as they were counted, so the Pauschbetrag
            # and the allowance never take away more than the child earned.
            allowances += min(earned, D(free["kind_erwerb"]))
        grundrente = _grundrente_allowance(hh, p, params)
        if grundrente > 0 and p.get("grundrentenzeiten") == "yes":
            allowances += grundrente
            res.steps.append(Step("wohngeld.grundrente_allowance", grundrente / 12, "§ 17a WoGG", {"person": p["id"]}))
        elif grundrente > 0 and p.get("grundrentenzeiten") == "unknown":
            grundrente_unknown += grundrente
        maintenance = _maintenance_deduction(p, params)
        if maintenance > 0:
            allowances += maintenance
            res.steps.append(Step("wohngeld.maintenance_paid", maintenance / 12, "§ 18 WoGG", {"person": p["id"]}))
    if hh.partner() is None and hh.only_family() and any(
            c["age"] < free["alleinerziehend_kind_alter"] for c in hh.children()):
        allowances += D(free["alleinerziehend"])
    if allowances:
        res.steps.append(Step("wohngeld.allowances", allowances / 12, "§ 17 WoGG", {}))
    minimum_y = params.get(PROGRAM, "mindesteinkommen").value

    def total_income(extra_allowance: Decimal) -> Decimal:
        y = max((yearly - allowances - extra_allowance) / 12, ZERO)
        return max(y, D(minimum_y[min(n, len(minimum_y)) - 1]))

    y = total_income(ZERO)
    res.steps.append(Step("wohngeld.income_total", y, "§ 13 WoGG, Anlage 3", {}))

    stufe = town_mietstufe(local, hh.town, params)
    minimum_paid = D(params.get(PROGRAM, "mindestbetrag").value)

    def paid(amount: Decimal) -> Decimal:
        return amount if amount >= minimum_paid else ZERO

    if stufe is not None:
        m = _rent(hh, n, stufe, share, params)
        res.steps.append(Step("wohngeld.rent_counted", m, "§§ 11, 12 WoGG", {"mietstufe": stufe}))
        res.amount = res.amount_max = paid(_formula(m, y, n, params))
        if grundrente_unknown > 0:
            # "Don't know" about 33 years of Grundrentenzeiten: both answers, the lower one counted.
            with_allowance = paid(_formula(m, total_income(grundrente_unknown), n, params))
            res.steps.append(Step("wohngeld.grundrente_unknown", with_allowance, "§ 17a WoGG",
                                  {"without": float(res.amount), "with": float(with_allowance)}))
    else:
        stufen = range(1, len(params.get(PROGRAM, "hoechstbetraege").value["1"]) + 1)
        amounts = [paid(_formula(_rent(hh, n, s, share, params), y, n, params)) for s in stufen]
        res.amount, res.amount_max = min(amounts), max(amounts)
        res.exact = False
        advice.append(Step("wohngeld.mietstufe_unknown", res.amount, "§ 12 WoGG, WoGV Anlage",
                           {"town": hh.town or "", "min": float(res.amount), "max": float(res.amount_max)}))
    if res.amount_max <= 0:
        res.reasons.append(Step("wohngeld.income_too_high", None, "§ 19 WoGG, § 21 Nr. 1 WoGG", {}))
        res.status = NOT_ENTITLED
        return res
    res.steps.append(Step("wohngeld.amount", res.amount, "§ 19 WoGG", {}))
    res.reasons.extend(advice)
    res.status = NEEDS_ADVICE if advice else LIKELY
    return res


def to_result(a: Assessment) -> ProgramResult:
    return program_result(PROGRAM, OFFICE, a, a.amount)


def evaluate(hh: Household, params: Params, local=None) -> ProgramResult:
    return to_result(assess(hh, params, local))

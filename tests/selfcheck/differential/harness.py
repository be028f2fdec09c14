"""Run both models on the generated households and line their results up.

Flow: ``generate`` makes model-neutral scenarios; ``gettsim_model.run`` computes
GETTSIM's results *and* the net earned income of each person (GETTSIM's own income
tax, solidarity surcharge and employee social-insurance contributions); ``our_household``
turns a scenario plus that net into a household dict for ``selfcheck.evaluate``; and
``compare`` returns one row per household and program.

Which GETTSIM quantity is compared with which of our programs, and on what domain,
is set in ``PROGRAMS`` below; the reasons are in the test module's docstring.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass

from .generate import Scenario, generate

TOLERANCE = 1.0  # euros per month and program (acceptance criterion)

# Fixed test towns: one per Mietstufe. SGB II housing-cost limits are set so high that
# every generated rent and heating cost counts in full, as it does in GETTSIM during
# the Karenzzeit (GETTSIM: bürgergeld__bezug_im_vorjahr = False; ours: sgb2_months 0).
# Format as in selfcheck/local.py (``kdu.bruttokaltmiete`` by persons, ``je_weitere_person``).
GENEROUS_KDU = {
    "bruttokaltmiete": {str(n): 100000.0 for n in range(1, 6)},
    "je_weitere_person": 10000.0,
}


def _schema_has_parent2() -> bool:
    """``parent2`` (other parent in the household) arrived in the schema with 8cb0836."""
    import json
    from pathlib import Path

    import selfcheck

    schema = Path(selfcheck.__file__).with_name("household.schema.json")
    props = json.loads(schema.read_text(encoding="utf-8"))["properties"]["persons"]["items"]["properties"]
    return "parent2" in props


HAS_PARENT2 = _schema_has_parent2()


def local_towns() -> dict:
    return {"towns": {f"diff-ms{m}": {"name": f"Testort Mietstufe {m}",
                                      "wohngeld_mietstufe": m, "kdu": GENEROUS_KDU}
                      for m in range(1, 8)}}


SV_TARGETS = (
    "sozialversicherung__rente__beitrag__betrag_versicherter_y",
    "sozialversicherung__kranken__beitrag__betrag_versicherter_y",
    "sozialversicherung__arbeitslosen__beitrag__betrag_versicherter_y",
    "sozialversicherung__pflege__beitrag__betrag_versicherter_y",
)


def _split_tax(sc: Scenario, g_persons: dict) -> dict[str, float]:
    """Net earned income per person from GETTSIM's computation.

    GETTSIM's SGB II net is gross minus the person's own contributions minus an equal
    share of the Steuersubjekt's income tax and Soli. For a jointly assessed couple that
    gives a non-earning spouse a negative net. Our schema wants a net per earner, so the
    couple's tax is re-split in proportion to gross earnings; each person keeps their own
    social-insurance contributions. The couple's total net is unchanged.
    """
    nets = {pid: float(row["bürgergeld__nettoeinkommen_vor_abzug_freibetrag_m"])
            for pid, row in g_persons.items()}
    adults = sc.adults
    if sc.married and len(adults) == 2:
        total_gross = sum(p.gross for p in adults)
        if total_gross > 0:
            sv = {p.id: sum(float(g_persons[p.id][t]) for t in SV_TARGETS) / 12 for p in adults}
            tax = sum(p.gross - nets[p.id] - sv[p.id] for p in adults)
            for p in adults:
                nets[p.id] = p.gross - sv[p.id] - tax * (p.gross / total_gross)
    return {pid: round(max(0.0, v), 2) for pid, v in nets.items()}


def our_household(sc: Scenario, g: dict, flags: bool = True) -> dict:
    """Our household dict for one scenario, with GETTSIM's net incomes and (unless
    ``flags`` is False) the ``pays_*`` flags taken from GETTSIM's tax and contributions."""
    g_persons = g["persons"]
    nets = _split_tax(sc, g_persons)
    persons = []
    for p in sc.persons:
        row = g_persons[p.id]
        d: dict = {"id": p.id, "age": p.age}
        if p.role == "adult":
            d["relation"] = "self" if p.id == "p1" else "partner"
            if len(sc.adults) == 2:
                d["married"] = sc.married
        else:
            d["relation"] = "child"
            d["parent"] = "p1"
            if len(sc.adults) == 2 and HAS_PARENT2:
                d["parent2"] = "p2"  # the generated couples are both parents of the children
        if p.in_education:
            d["in_education"] = True
            d["education"] = "school" if p.age < 20 else "university"
        if p.gross > 0:
            d["earned_income_gross"] = p.gross
            d["earned_income_net"] = nets[p.id]
        if p.gross > 0 and flags:
            d["pays_income_tax"] = float(row["einkommensteuer__betrag_y_sn"]) > 0
            d["pays_health_insurance"] = float(
                row["sozialversicherung__kranken__beitrag__betrag_versicherter_y"]) > 0
            d["pays_pension_insurance"] = float(
                row["sozialversicherung__rente__beitrag__betrag_versicherter_y"]) > 0
        persons.append(d)
    return {
        "month": sc.month,
        "town": f"diff-ms{sc.mietstufe}",
        "persons": persons,
        "housing": {
            "kaltmiete": sc.kaltmiete,
            "nebenkosten": sc.nebenkosten,
            "heizung": sc.heizung,
            "hot_water_decentral": False,
            "owner": False,
        },
        "assets": 0,
        "sgb2_months": 0,
    }


def evaluate_ours(household: dict) -> dict:
    from selfcheck import evaluate

    if "local" in inspect.signature(evaluate).parameters:
        return evaluate(household, local=local_towns())
    return evaluate(household)


@dataclass
class Row:
    """One household and program. ``ours``/``gettsim``: what the household gets after the
    priority checks (the acceptance comparison). ``ours_claim``/``gettsim_claim``: each
    program's own entitlement before the priority check (diagnostic layer)."""

    key: str
    program: str
    ours: float | None  # None: the program is not (yet) in our result
    ours_status: str
    gettsim: float
    in_domain: bool
    note: str  # why a case is outside the domain, or the GETTSIM quantity used
    ours_claim: float | None = None
    gettsim_claim: float = 0.0
    reasons: tuple = ()

    @property
    def claim_agrees(self) -> bool:
        return self.ours_claim is not None and abs(self.ours_claim - self.gettsim_claim) <= TOLERANCE

    @property
    def diff(self) -> float | None:
        return None if self.ours is None else self.ours - self.gettsim

    @property
    def agrees(self) -> bool:
        return self.ours is not None and abs(self.ours - self.gettsim) <= TOLERANCE


# Domain predicates: return "" when both models apply, else the reason (a rule one
# model lacks or implements differently); see the test module docstring and NOTES.md.
def _always(sc: Scenario, g: dict) -> str:
    return ""


def _adult_children_only(sc: Scenario) -> bool:
    return bool(sc.children) and all(c.age >= 18 for c in sc.children)


def _gettsim_1500_limit(sc: Scenario) -> str:
    # § 11b Abs. 3 Satz 3 SGB II: the 10 % band runs to 1,500 € only for a person living
    # with (or having) a MINOR child. GETTSIM also raises it for any child with a
    # Kinderfreibetrag (adult children in education up to 25).
    if _adult_children_only(sc) and any(a.gross > 1200 for a in sc.adults):
        return "GETTSIM: § 11b Abs. 3 S. 3 SGB II 1,500 € limit for adult children"
    return ""


def _uvg_ambiguous(sc: Scenario) -> str:
    # Our schema has one "parent" per child and cannot say that the unmarried partner is
    # the child's other parent; the engine then grants UVG (needs_advice) and counts it as
    # the child's income. GETTSIM pays UVG only to single parents. See NOTES.md, F1.
    if not HAS_PARENT2 and len(sc.adults) == 2 and not sc.married \
            and any(c.age < 18 for c in sc.children):
        return "schema: unmarried partner not known as the other parent (UVG)"
    return ""


def _uvg_age12(sc: Scenario) -> str:
    # § 1 Abs. 1a UVG: from 12, UVG if the child gets no SGB II, or UVG ends the child's
    # need (Nr. 1), or the parent earns >= 600 € gross (Nr. 2). GETTSIM has only Nr. 2.
    if sc.kind == "single_parent" and any(12 <= c.age < 18 for c in sc.children) \
            and sc.adults[0].gross < 600:
        return "GETTSIM: § 1 Abs. 1a UVG without Nr. 1 (only the 600 € rule)"
    return ""


def _versicherungspauschale(sc: Scenario, g: dict) -> str:
    # § 11b Abs. 1 Nr. 3 SGB II, § 6 Abs. 1 Nr. 1 Bürgergeld-V: 30 € from the income of
    # every adult in the BG -- for an adult child (18-24) also from the Kindergeld counted
    # as its income (engine since 31e7163). GETTSIM has no Versicherungspauschale.
    if any(c.age >= 18 for c in sc.children):
        return "GETTSIM: no 30 € Versicherungspauschale (adult child in the BG)"
    return ""


def _common(sc: Scenario, g: dict) -> str:
    return (_uvg_ambiguous(sc) or _uvg_age12(sc) or _gettsim_1500_limit(sc)
            or _versicherungspauschale(sc, g))


def _kiz_domain(sc: Scenario, g: dict) -> str:
    if not sc.children:
        return "no child"
    if _common(sc, g):
        return _common(sc, g)
    if g["n_bg"] != 1:
        return "GETTSIM splits the household into several Bedarfsgemeinschaften"
    return ""


def _sgb2_domain(sc: Scenario, g: dict) -> str:
    if _common(sc, g):
        return _common(sc, g)
    if g["n_bg"] != 1:
        return "GETTSIM splits the household into several Bedarfsgemeinschaften"
    return ""


def _flat_taxed_minijob(sc: Scenario) -> str:
    # § 14 Abs. 1 Satz 3 Nr. 2 WoGG: earnings from a Minijob taxed at a flat rate by the
    # employer count without the 1,230 € Arbeitnehmer-Pauschbetrag (engine default for
    # earnings up to the Minijob limit, issue #10). GETTSIM deducts the Pauschbetrag from
    # every wage, so its Wohngeld is higher by about 1,230 € × (1 - § 16 share) / 12 × slope.
    from datetime import date

    from selfcheck.params import Params

    year, month = (int(x) for x in sc.month.split("-"))
    limit = Params(date(year, month, 1)).get("allgemein", "minijob_grenze").value
    if any(0 < p.gross <= limit for p in sc.persons):
        return "GETTSIM: Arbeitnehmer-Pauschbetrag on a flat-taxed Minijob (§ 14 Abs. 1 S. 3 WoGG)"
    return ""


def _wohngeld_domain(sc: Scenario, g: dict) -> str:
    if g["n_wthh"] != 1:
        return "GETTSIM splits the household into several Wohngeld households"
    if _common(sc, g):
        return _common(sc, g)
    if _flat_taxed_minijob(sc):
        return _flat_taxed_minijob(sc)
    if 0 < g["wohngeld_formula"] < 10:
        return "GETTSIM: no § 21 Nr. 1 WoGG (no Wohngeld below 10 €)"
    if sc.kind == "single_parent" and _adult_children_only(sc):
        return "GETTSIM: § 17 Nr. 3 WoGG allowance without the under-18 condition"
    return ""


def _uvg_domain(sc: Scenario, g: dict) -> str:
    if not any(c.age < 18 for c in sc.children):
        return "no minor child"
    return _uvg_ambiguous(sc) or _uvg_age12(sc)


# our program id -> (GETTSIM summary key compared, domain predicate). Our public result
# is after the priority check (§ 12a SGB II, § 7 Abs. 1 WoGG, § 6a Abs. 1 Nr. 3 BKGG),
# so it is compared with GETTSIM's amounts after its Vorrangprüfung ("paid").
# Third item: the GETTSIM quantity for the claim layer (Wohngeld: the formula amount,
# because GETTSIM's claim already includes its Mindesteinkommen check, see NOTES.md).
PROGRAMS = {
    "kindergeld": ("kindergeld", _always, "kindergeld"),
    "kinderzuschlag": ("kinderzuschlag_paid", _kiz_domain, "kinderzuschlag_claim"),
    "wohngeld": ("wohngeld_paid", _wohngeld_domain, "wohngeld_formula"),
    "grundsicherungsgeld": ("buergergeld_paid", _sgb2_domain, "buergergeld_claim"),
    "unterhaltsvorschuss": ("unterhaltsvorschuss", _uvg_domain, "unterhaltsvorschuss"),
}
PRIORITY_PROGRAMS = ("kinderzuschlag", "wohngeld", "grundsicherungsgeld")
# The four programs of the acceptance criterion; UVG is compared for information.
ACCEPTANCE = ("kindergeld", "kinderzuschlag", "wohngeld", "grundsicherungsgeld")


def compare(n: int | None = None, scenarios: list[Scenario] | None = None,
            flags: bool = True) -> list[Row]:
    from . import gettsim_model

    if scenarios is None:
        scenarios = generate() if n is None else generate(n)
    gres = gettsim_model.run(scenarios)
    rows: list[Row] = []
    for sc in scenarios:
        g = gres[sc.key]
        result = evaluate_ours(our_household(sc, g, flags))
        by_prog = {p["program"]: p for p in result["programs"]}
        # The engine lists every program's own entitlement and, in "combination", the
        # programs the household gets after the priority check.
        chosen = result.get("combination", {}).get("programs")
        small_gap = any("kinderzuschlag.small_gap" == r["key"]
                        for p in result["programs"] for r in p.get("reasons", []))
        for prog, (gkey, domain, gclaim) in PROGRAMS.items():
            ours = by_prog.get(prog)
            reason = domain(sc, g)
            if not reason and small_gap and prog in PRIORITY_PROGRAMS:
                # § 6a Abs. 1a BKGG (KiZ although up to 100 € of SGB II need remain): the
                # engine offers/chooses it; GETTSIM does not have the rule.
                reason = "GETTSIM: no § 6a Abs. 1a BKGG (KiZ with a gap up to 100 €)"
            claim = None if ours is None else float(ours["amount"])
            paid = claim if (claim is None or chosen is None or prog in chosen) else 0.0
            rows.append(Row(
                key=sc.key,
                program=prog,
                ours=paid,
                ours_status="" if ours is None else ours["status"],
                gettsim=round(float(g[gkey]), 2),
                in_domain=reason == "",
                note=reason or gkey,
                ours_claim=claim,
                gettsim_claim=round(float(g[gclaim]), 2),
                reasons=() if ours is None else tuple(r["key"] for r in ours.get("reasons", [])),
            ))
    return rows


def table(rows: list[Row]) -> list[dict]:
    """Agreement table: per program, n compared, n within 1 €, max |difference|."""
    out = []
    for prog in PROGRAMS:
        mine = [r for r in rows if r.program == prog]
        compared = [r for r in mine if r.in_domain and r.ours is not None]
        diffs = [abs(r.diff) for r in compared]
        out.append({
            "program": prog,
            "households": len(mine),
            "in_domain": sum(r.in_domain for r in mine),
            "compared": len(compared),
            "agree": sum(r.agrees for r in compared),
            "max_abs_diff": max(diffs) if diffs else None,
            "claim_agree": sum(r.claim_agrees for r in compared),
            "not_in_engine": sum(r.ours is None for r in mine),
        })
    return out

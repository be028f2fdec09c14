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
GENEROUS_KDU = {
    "bruttokaltmiete": {str(n): 100000 for n in range(1, 13)},
    "heizung": {str(n): 100000 for n in range(1, 13)},
}


def test_towns() -> dict:
    return {"towns": {f"diff-ms{m}": {"wohngeld_mietstufe": m, "kdu": GENEROUS_KDU}
                      for m in range(1, 8)}}


def _split_tax(sc: Scenario, g_persons: dict) -> dict[str, float]:
    """Net earned income per person from GETTSIM's computation.

    GETTSIM splits a jointly assessed couple's income tax equally between the spouses
    (``einkommensteuer__betrag_y_sn`` / persons in the Steuersubjekt), which gives a
    non-earning spouse a negative net. Our schema wants a net per earner, so the
    couple's total tax is re-split in proportion to gross earnings; each person's own
    social-insurance contributions stay with them. The couple's total net is unchanged,
    and SGB II, Kinderzuschlag and Wohngeld only ever use the couple's total.
    """
    nets = {pid: float(row["bürgergeld__nettoeinkommen_vor_abzug_freibetrag_m"])
            for pid, row in g_persons.items()}
    adults = [p for p in sc.adults]
    if sc.married and len(adults) == 2:
        total_gross = sum(p.gross for p in adults)
        total_net = sum(nets[p.id] for p in adults)
        if total_gross > 0:
            # tax+soli+contributions of the couple, re-split: contributions are
            # personal and proportional enough; use gross shares for the whole wedge.
            wedge = total_gross - total_net
            for p in adults:
                nets[p.id] = p.gross - wedge * (p.gross / total_gross)
    return {pid: round(max(0.0, v), 2) for pid, v in nets.items()}


def our_household(sc: Scenario, g: dict) -> dict:
    """Our household dict for one scenario, with GETTSIM's net incomes and flags."""
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
        if p.in_education:
            d["in_education"] = True
            d["education"] = "school" if p.age < 20 else "university"
        if p.gross > 0:
            d["earned_income_gross"] = p.gross
            d["earned_income_net"] = nets[p.id]
            d["pays_income_tax"] = float(row["einkommensteuer__betrag_y_sn"]) > 0
            d["pays_health_insurance"] = float(
                row["sozialversicherung__kranken__beitrag__betrag_versicherter_y"]) > 0
            d["pays_pension_insurance"] = float(
                row["sozialversicherung__rente__beitrag__betrag_versicherter_y"]) > 0
        uvg = float(row["unterhaltsvorschuss__betrag_m"])
        if uvg > 0:
            # GETTSIM pays UVG to children of single parents and counts it as the
            # child's income everywhere; our household states it as already received.
            d["other_income"] = {"unterhaltsvorschuss": round(uvg, 2)}
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
        return evaluate(household, local=test_towns())
    return evaluate(household)


@dataclass
class Row:
    key: str
    program: str
    ours: float | None  # None: the program is not (yet) in our result
    ours_status: str
    gettsim: float
    in_domain: bool
    note: str  # why a case is outside the domain, or the GETTSIM quantity used

    @property
    def diff(self) -> float | None:
        return None if self.ours is None else self.ours - self.gettsim

    @property
    def agrees(self) -> bool:
        return self.ours is not None and abs(self.ours - self.gettsim) <= TOLERANCE


# our program id -> (GETTSIM summary key, domain predicate returning "" or a reason)
def _always(sc: Scenario, g: dict) -> str:
    return ""


def _kiz_domain(sc: Scenario, g: dict) -> str:
    if not sc.children:
        return "no child"
    return ""


def _sgb2_domain(sc: Scenario, g: dict) -> str:
    if g["n_bg"] != 1:
        return "GETTSIM splits the household into several Bedarfsgemeinschaften"
    return ""


def _wohngeld_domain(sc: Scenario, g: dict) -> str:
    if g["n_wthh"] != 1:
        return "GETTSIM splits the household into several Wohngeld households"
    return ""


PROGRAMS = {
    "kindergeld": ("kindergeld", _always),
    "kinderzuschlag": ("kinderzuschlag_claim", _kiz_domain),
    "wohngeld": ("wohngeld_claim", _wohngeld_domain),
    "grundsicherungsgeld": ("buergergeld_claim", _sgb2_domain),
}


def compare(n: int | None = None, scenarios: list[Scenario] | None = None) -> list[Row]:
    from . import gettsim_model

    if scenarios is None:
        scenarios = generate() if n is None else generate(n)
    gres = gettsim_model.run(scenarios)
    rows: list[Row] = []
    for sc in scenarios:
        g = gres[sc.key]
        result = evaluate_ours(our_household(sc, g))
        by_prog = {p["program"]: p for p in result["programs"]}
        for prog, (gkey, domain) in PROGRAMS.items():
            ours = by_prog.get(prog)
            reason = domain(sc, g)
            rows.append(Row(
                key=sc.key,
                program=prog,
                ours=None if ours is None else float(ours["amount"]),
                ours_status="" if ours is None else ours["status"],
                gettsim=round(float(g[gkey]), 2),
                in_domain=reason == "",
                note=reason or gkey,
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
            "not_in_engine": sum(r.ours is None for r in mine),
        })
    return out

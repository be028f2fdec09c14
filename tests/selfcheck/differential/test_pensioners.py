"""Differential test for pensioners: Grundsicherung im Alter against GETTSIM 1.3.1.

GETTSIM models the 4. Kapitel SGB XII (``grundsicherung__im_alter``) for our inputs: a
person past the Regelaltersgrenze with a statutory pension, rent and heating. It has no
priority check between Wohngeld and Grundsicherung im Alter (its ``vorrangprüfungen`` cover
only Wohngeld/Kinderzuschlag against Bürgergeld), so what is compared is the claim before
any priority check: GETTSIM's ``grundsicherung__im_alter__anspruchshöhe_m`` against our
``grundsicherung-im-alter`` amount. Called through GETTSIM's public API only (AGPL, test
dependency); no GETTSIM code is copied.

How both models see the same household: GETTSIM takes the pension as gross and deducts the
pensioner's health and care contributions; our input is the pension paid out. So GETTSIM's
counted income (``grundsicherung__im_alter__einkommen_m``) is written into our household as
the pension. Households: singles and married couples aged 67-85 (past every age limit),
pensions 0-1,700 € gross, no assets, no Grundrentenzeiten, no disability, first month of
Sozialhilfe (Karenzzeit: housing in full on both sides), March 2026 (before the 13. SGB II-
ÄndG changed § 35 SGB XII). Run: ``pytest -m differential``.
"""
from __future__ import annotations

import copy
import random
import warnings

import pytest

gettsim = pytest.importorskip("gettsim")

from selfcheck import evaluate  # noqa: E402

from . import gettsim_model  # noqa: E402

pytestmark = pytest.mark.differential

MONTH = "2026-03"
SEED = 20261201
N = 120


def _households() -> list[dict]:
    rnd = random.Random(SEED)
    out = []
    for i in range(N):
        couple = rnd.random() < 0.35
        n = 2 if couple else 1
        area = 40 + 15 * (n - 1) + rnd.randint(-5, 10)
        out.append({
            "key": f"p{i:03d}",
            "ages": [rnd.randint(67, 85) for _ in range(n)],
            "pensions": [rnd.choice((0, rnd.randint(100, 1700))) for _ in range(n)],
            "bruttokaltmiete": round(area * rnd.uniform(7.0, 12.0), 2),
            "heizung": round(area * rnd.uniform(0.8, 2.0), 2),
            "area": area,
        })
    return out


def _gettsim(households: list[dict]):
    import pandas as pd

    mapper = copy.deepcopy(gettsim_model.MAPPER)
    mapper["einnahmen"]["renten"]["gesetzliche_m"] = "rente_m"
    mapper["sozialversicherung"]["rente"]["bezieht_rente"] = "bezieht_rente"
    rows, pid = [], 0
    year, month = (int(x) for x in MONTH.split("-"))
    for h_num, h in enumerate(households):
        ids = list(range(pid, pid + len(h["ages"])))
        pid += len(ids)
        for j, (age, pension) in enumerate(zip(h["ages"], h["pensions"])):
            other = ids[1 - j] if len(ids) == 2 else -1
            by, bm, months = gettsim_model._birth(age, year, month)
            rows.append({
                "p_id": ids[j], "hh_id": h_num, "alter": age, "alter_monate": months, "geburtsjahr": by,
                "geburtsmonat": bm, "arbeitsstunden_w": 0.0, "behinderungsgrad": 0, "schwerbehindert_grad_g": False,
                "bezug_im_vorjahr": False, "einstandspartner": other, "ehepartner": other,
                "elternteil_1": -1, "elternteil_2": -1, "alleinerziehend": False, "gemeinsam_veranlagt": other >= 0,
                "in_ausbildung": False, "kindergeld_empfaenger": -1, "steuerklasse": 4 if other >= 0 else 1,
                "hat_kinder": False, "bruttolohn_m": 0.0, "zero_f": 0.0, "zero_i": 0, "minus_one": -1, "false": False,
                "rentenalter_private_vorsorge": 67, "jahr_renteneintritt": by + 67, "monat_renteneintritt": bm,
                "pflichtbeitragsmonate": 480.0, "vermoegen": 0.0,
                "bruttokaltmiete_m_hh": h["bruttokaltmiete"], "heizkosten_m_hh": h["heizung"],
                "wohnflaeche_hh": float(h["area"]), "mietstufe_hh": 3,
                "rente_m": float(pension), "bezieht_rente": pension > 0,
            })
    df = pd.DataFrame(rows)
    targets = {"grundsicherung": {"im_alter": {"anspruchshöhe_m": None, "einkommen_m": None, "bedarf_m": None}}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        out = gettsim.main(main_target=gettsim.MainTarget.results.df_with_qname_columns,
                           policy_date_str=f"{MONTH}-01",
                           input_data=gettsim.InputData.df_and_mapper(df=df, mapper=mapper),
                           tt_targets=gettsim.TTTargets(tree=targets), include_warn_nodes=False)
    out = out.reset_index().set_index("p_id").loc[df["p_id"]].reset_index()
    return df, out


def _ours(h: dict, incomes: list[float]) -> dict:
    persons = []
    for j, (age, income) in enumerate(zip(h["ages"], incomes)):
        p = {"id": f"p{j + 1}", "age": age, "relation": "self" if j == 0 else "partner"}
        if len(h["ages"]) == 2:
            p["married"] = True
        if income > 0:
            p["other_income"] = {"pension": round(income, 2)}
            p["grundrentenzeiten"] = "no"
        persons.append(p)
    household = {"month": MONTH, "town": "diff-kdu", "persons": persons,
                 "housing": {"kaltmiete": h["bruttokaltmiete"], "nebenkosten": 0, "heizung": h["heizung"]}}
    local = {"towns": {"diff-kdu": {"name": "diff", "wohngeld_mietstufe": 3,
                                    "kdu": {"bruttokaltmiete": {"1": 5000}, "je_weitere_person": 5000}}}}
    return evaluate(household, local)


@pytest.fixture(scope="module")
def rows():
    households = _households()
    df, out = _gettsim(households)
    result = []
    for h_num, h in enumerate(households):
        part = out[df["hh_id"].to_numpy() == h_num].to_dict("records")
        incomes = [float(r["grundsicherung__im_alter__einkommen_m"]) for r in part]
        theirs = sum(float(r["grundsicherung__im_alter__anspruchshöhe_m"]) for r in part)
        ours = next(p for p in _ours(h, incomes)["programs"] if p["program"] == "grundsicherung-im-alter")
        result.append((h["key"], ours["amount"], round(theirs, 2), ours["status"]))
    return result


def test_grundsicherung_im_alter_claims_agree(rows):
    compared = [r for r in rows if r[2] > 0 or r[1] > 0]
    assert len(compared) >= 60
    bad = [f"{key}: ours {mine} ({status}) vs GETTSIM {theirs}" for key, mine, theirs, status in compared
           if abs(mine - theirs) > 1]
    assert not bad, f"{len(bad)} of {len(compared)} disagree:\n" + "\n".join(bad[:20])

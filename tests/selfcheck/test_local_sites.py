"""The self-check with the real local data of both sites: one Wohngeld amount in every town of
Kreis Recklinghausen, and the Kreis's housing-cost limits (KdU) with their source."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from selfcheck import evaluate
from selfcheck.local import from_towns_yaml

ROOT = Path(__file__).resolve().parents[2]


def local(site: str) -> dict:
    return from_towns_yaml(yaml.safe_load((ROOT / "sites" / site / "towns.yml").read_text(encoding="utf-8")))


def program(result: dict, name: str) -> dict:
    return next(p for p in result["programs"] if p["program"] == name)


def step(prog: dict, key: str) -> dict:
    return next(s for s in prog["steps"] + prog["reasons"] if s["key"] == key)


PENSIONER = {"month": "2026-04", "persons": [{"id": "p1", "age": 70, "relation": "self",
                                              "other_income": {"pension": 1100}}],
             "housing": {"kaltmiete": 400, "nebenkosten": 80, "heizung": 70}}
# Hand calculations, §§ 12, 14, 16, 19 WoGG with Anlagen 1-3 as of 1.1.2025 (BGBl. 2024 I Nr. 314):
# the pension minus the 102 € Pauschbetrag (§ 9a Satz 1 Nr. 3 EStG), minus 10 % (§ 16 Nr. 2):
# Y = (13,200 − 102) × 0.9 / 12 = 982.35 €; Bruttokaltmiete 480 € above both caps.
# Mietstufe III: M = 456 + 19.20 + 110.40 = 585.60; 1.15 × (585.60 − (0.04 + 4.797e-4 × 585.60
#   + 4.080e-5 × 982.35) × 982.35) = 1.15 × 230.98 = 265.63 → 266 € (case wohngeld/pensioner-mietstufe3-2026).
# Mietstufe II: M = 408 + 19.20 + 110.40 = 537.60; 1.15 × (537.60 − (0.04 + 4.797e-4 × 537.60
#   + 4.080e-5 × 982.35) × 982.35) = 1.15 × (537.60 − 332.00) = 1.15 × 205.60 = 236.44 → 236 €.
WOHNGELD_BY_STUFE = {2: 236.0, 3: 266.0}
RE_STUFE = {"castrop-rauxel": 3, "datteln": 2, "dorsten": 2, "gladbeck": 2, "haltern-am-see": 3, "herten": 2,
            "marl": 3, "oer-erkenschwick": 2, "recklinghausen": 3, "waltrop": 2}  # WoGV Anlage, NRW


@pytest.mark.parametrize("town", sorted(RE_STUFE))
def test_one_person_wohngeld_is_one_amount_in_every_town(town):
    wohngeld = program(evaluate({**PENSIONER, "town": town}, local("kreis-recklinghausen")), "wohngeld")
    assert wohngeld["status"] == "likely"
    assert wohngeld["amount"] == WOHNGELD_BY_STUFE[RE_STUFE[town]]
    assert not any(r["key"] == "wohngeld.mietstufe_unknown" for r in wohngeld["reasons"])
    assert step(wohngeld, "wohngeld.rent_counted")["args"]["mietstufe"] == RE_STUFE[town]


def single(town: str, months: int, kaltmiete: float, month: str = "2026-08") -> dict:
    return {"month": month, "town": town, "sgb2_months": months,
            "persons": [{"id": "p1", "age": 30, "relation": "self"}],
            "housing": {"kaltmiete": kaltmiete, "nebenkosten": 100, "heizung": 60}}


def test_marl_after_the_karenzzeit_uses_the_kreis_limit_and_names_its_source():
    # § 22 Abs. 1 Satz 1 SGB II: 24 months of receipt, only the reasonable Bruttokaltmiete counts.
    # Kreis RE, 1 person: Bruttokaltmiete 458 € (KdU-Richtlinie Anlage 1, from 1.8.2025). Regelbedarf
    # 563 € + 458 € + heating 60 € = 1,081.00 €; rent 500 € is above the limit: "possible".
    sgb2 = program(evaluate(single("marl", 24, 400), local("kreis-recklinghausen")), "grundsicherungsgeld")
    assert (sgb2["status"], sgb2["amount"]) == ("possible", 1081.0)
    assert step(sgb2, "sgb2.kdu_limit")["args"] == {"limit": 458.0, "actual": 500.0}
    source = step(sgb2, "sgb2.kdu_limit_source")["args"]
    assert source["valid_from"] == "2025-08-01" and source["persons"] == 1
    assert "KdU-Richtlinie des Kreises Recklinghausen, Anlage 1" in source["source"]
    assert "Sekundärquelle" in source["source"] and "KdU Recklinghausen - 01.08.2025" in source["source"]


def test_marl_in_the_karenzzeit_from_july_2026_caps_at_one_and_a_half_times_the_limit():
    # § 22 Abs. 1 Satz 2 SGB II as of 1.7.2026: 3 months of receipt, actual rent 650 + 100 = 750 €,
    # at most 1.5 × 458 = 687 €. 563 + 687 + 60 = 1,310.00 €.
    sgb2 = program(evaluate(single("marl", 3, 650), local("kreis-recklinghausen")), "grundsicherungsgeld")
    assert sgb2["amount"] == 1310.0
    assert step(sgb2, "sgb2.kdu_karenzzeit_cap")["args"]["cap"] == 687.0
    assert step(sgb2, "sgb2.kdu_limit_source")["args"]["persons"] == 1


def test_a_derived_limit_says_so():
    # Two persons in Marl: only the Nettokaltmiete 420 € is printed; 420 + 2.16 × 65 = 560.40 € is derived.
    household = single("marl", 24, 400)
    household["persons"].append({"id": "p2", "age": 31, "relation": "partner"})
    sgb2 = program(evaluate(household, local("kreis-recklinghausen")), "grundsicherungsgeld")
    derived = step(sgb2, "sgb2.kdu_limit_derived")
    assert derived["amount"] == 560.4 and derived["args"]["persons"] == 2
    assert not any(s["key"] == "sgb2.kdu_limit_source" for s in sgb2["steps"])


def test_haltern_has_its_own_printed_limit():
    sgb2 = program(evaluate(single("haltern-am-see", 24, 400), local("kreis-recklinghausen")), "grundsicherungsgeld")
    assert step(sgb2, "sgb2.kdu_limit")["args"] == {"limit": 543.0, "actual": 500.0}
    assert step(sgb2, "sgb2.kdu_limit_source")["amount"] == 543.0


def test_kreis_offenbach_needs_advice_because_only_warm_rent_limits_exist():
    sgb2 = program(evaluate(single("dietzenbach", 24, 400), local("kreis-offenbach")), "grundsicherungsgeld")
    assert sgb2["status"] == "needs_advice"
    assert step(sgb2, "sgb2.kdu_limit_warm_only")["args"] == {"town": "dietzenbach"}

"""The Wohngeld Mietstufen as law data: the parameter equals the official WoGV XML, and every town
of both sites resolves to the Mietstufe the WoGV Anlage gives it.

The expected values are read here from the official XML (gesetze-im-internet.de, build 2025-05-19,
copied to selfcheck/params/data/) with a parser of this test's own, and cross-checked against the
table of the December 2026 local-facts review.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import yaml

from selfcheck import evaluate
from selfcheck.local import from_towns_yaml, mietstufe, resolve_mietstufe
from selfcheck.params import Params, load_data

ROOT = Path(__file__).resolve().parents[2]
XML = ROOT / "selfcheck" / "params" / "data" / "wogv-2025-05-19.xml"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")

# Local-facts review December 2026, table "Kreis Recklinghausen / Kreis Offenbach" (read off the Anlage).
REVIEW = {
    "castrop-rauxel": 3, "datteln": 2, "dorsten": 2, "gladbeck": 2, "haltern-am-see": 3, "herten": 2,
    "marl": 3, "oer-erkenschwick": 2, "recklinghausen": 3, "waltrop": 2,
    "dietzenbach": 6, "dreieich": 6, "egelsbach": 4, "hainburg": 3, "heusenstamm": 6, "langen": 6,
    "muehlheim-am-main": 5, "neu-isenburg": 6, "obertshausen": 5, "rodgau": 5, "roedermark": 5,
    "seligenstadt": 3, "mainhausen": 3,
}


def official_tables() -> dict[tuple[str, str], dict[str, int]]:
    """{(Land, "Gemeinde" | "Kreis" | "Gemeinsame Mietenstufe:"): {name: Stufe}} from the XML."""
    anlage = next(n for n in ET.parse(XML).getroot().iter("norm")
                  if n.findtext("metadaten/enbez") == "Anlage" and "2023" in "".join(n.find("metadaten/titel").itertext()))
    out: dict = {}
    land = None
    for el in anlage.iter():
        if el.tag == "Title":
            land = "".join(el.itertext()).split(":", 1)[1].strip()
        if el.tag == "row":
            cells = [" ".join("".join(e.itertext()).split()) for e in el.findall("entry")]
            if cells[1] in ("Mietenstufe",):
                kind = cells[0]
                continue
            out.setdefault((land, kind), {})[cells[0]] = ROMAN.index(cells[1]) + 1
    return out


def site_towns(site: str) -> dict:
    return yaml.safe_load((ROOT / "sites" / site / "towns.yml").read_text(encoding="utf-8"))


def test_parameter_equals_the_official_xml():
    tables = official_tables()
    value = load_data()["mietenstufen"]["mietenstufen"]["values"]["2023-01-01"]["value"]
    assert value["inseln_ohne_festlandanschluss"] == tables[("Thüringen", "Gemeinsame Mietenstufe:")][
        "Inseln ohne Festlandanschluss"] == 5
    for (land, kind), entries in tables.items():
        if kind.startswith("Gemeinsame"):
            continue
        assert value["laender"][land][{"Gemeinde": "gemeinden", "Kreis": "kreise"}[kind]] == entries, (land, kind)
    assert len(value["laender"]) == 16
    assert sum(len(e) for (_, k), e in tables.items() if not k.startswith("Gemeinsame")) == sum(
        len(t) for land in value["laender"].values() for t in land.values())


def test_every_town_of_both_sites_resolves_to_the_wogv_mietstufe():
    tables = official_tables()
    params = Params(date(2026, 4, 1))
    land_of = {"05": "Nordrhein-Westfalen", "06": "Hessen"}
    for site in ("kreis-recklinghausen", "kreis-offenbach"):
        data = site_towns(site)
        local = from_towns_yaml(data)
        for town in data["towns"]:
            land = land_of[town["ags"][:2]]
            listed = {n: s for n, s in tables[(land, "Gemeinde")].items()
                      if n == town["name"] or n.split(",")[0] == town["name"]}
            expected = next(iter(listed.values())) if listed else tables[(land, "Kreis")][data["wogv_kreis"]]
            assert mietstufe(local, town["id"], params) == expected == REVIEW[town["id"]], town["id"]


def test_a_town_under_10000_takes_the_kreis_value_and_islands_their_common_value():
    table = load_data()["mietenstufen"]["mietenstufen"]["values"]["2023-01-01"]["value"]
    # Mainhausen (under 10,000) is not in Hessen's Gemeinde table: Kreis Offenbach's value, III.
    assert resolve_mietstufe({"land": "Hessen", "name": None, "kreis": "Offenbach"}, table) == (3, "kreis")
    # Juist is an island without a mainland connection in Kreis Aurich (Kreis value I): Stufe V.
    assert "Juist" not in table["laender"]["Niedersachsen"]["gemeinden"]
    assert resolve_mietstufe({"land": "Niedersachsen", "name": "Juist", "kreis": "Aurich", "insel": True}, table) == (5, "insel")
    # A misspelt name is never guessed into a value.
    stufe, why = resolve_mietstufe({"land": "Nordrhein-Westfalen", "name": "Marll"}, table)
    assert stufe is None and "Marll" in why


def test_2027_warns_like_other_values_of_2027():
    household = {"month": "2027-01", "town": "marl", "persons": [{"id": "p1", "age": 70, "relation": "self",
                 "other_income": {"pension": 1100}}], "housing": {"kaltmiete": 400, "nebenkosten": 80, "heizung": 70}}
    result = evaluate(household, from_towns_yaml(site_towns("kreis-recklinghausen")))
    warned = {w["args"]["program"] for w in result["warnings"] if w["key"] == "law_as_of"}
    assert "mietenstufen" in warned and "wohngeld" in warned


def test_check_fails_for_a_town_that_cannot_be_resolved(tmp_path):
    from sitebuild import localdata
    from sitebuild.check import Problems

    (tmp_path / "towns.yml").write_text(
        'towns:\n  - {id: marl, name: Marll, ags: "05562024"}\n  - {id: x, name: X, ags: 5562024}\n', encoding="utf-8")
    problems = Problems()
    localdata.validate(tmp_path, problems)
    assert len(problems) == 2
    assert "towns.yml:2: town 'marl': Wohngeld Mietstufe" in problems[0] and "'Marll'" in problems[0]
    assert "towns.yml:3: town 'x': ags must be the 8-digit" in problems[1]

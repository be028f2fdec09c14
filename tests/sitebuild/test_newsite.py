"""build.py new-site: a site for a real Kreis of another Land passes check, builds, and its towns carry
the Mietstufen of the WoGV Anlage.

Ostalbkreis (Baden-Württemberg) with three real towns: Aalen and Ellwangen (Jagst) have their own line
in the Anlage, Stödtlen (under 10,000 inhabitants) is not listed and takes the Kreis value. The AGS are
the official Gemeindeschlüssel (Kreis 08 1 36) as published in public municipal lists; they are input
here, the Mietstufen are what the test checks. The expected values are read from the official XML of
the WoGV (gesetze-im-internet.de), independently of the code under test, when it is available, and
are the printed Anlage values otherwise: Aalen, Stadt III; Ellwangen (Jagst), Stadt III; Ostalbkreis II.
"""
from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
import yaml

from sitebuild import ROOT, check, newsite

TOWNS = ["Aalen:08136088", "Ellwangen (Jagst):08136019", "Stödtlen:08136068"]
PRINTED = {"Aalen, Stadt": 3, "Ellwangen (Jagst), Stadt": 3, "Ostalbkreis": 2}  # WoGV Anlage, Land BW
XML = ROOT / "selfcheck" / "params" / "data" / "wogv-2025-05-19.xml"  # official XML, kept with the parameter
SITE_ID = "test-ostalbkreis"


def anlage_rows(path: Path) -> dict[str, int]:
    """Every 'name -> Mietstufe' row of Baden-Württemberg in the XML, read without the code under test."""
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7}
    rows, land = {}, None
    for norm in ET.parse(path).getroot().iter("norm"):
        if norm.findtext("metadaten/enbez") != "Anlage":
            continue
        for el in norm.iter():
            if el.tag == "Title":
                land = " ".join("".join(el.itertext()).split())
            elif el.tag == "row" and land and "Baden-Württemberg" in land:
                cells = [" ".join("".join(e.itertext()).split()) for e in el.iter("entry")]
                if len(cells) == 2 and cells[1] in roman:
                    rows[cells[0]] = roman[cells[1]]
    return rows


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    sites_dir = ROOT / "sites"
    target = sites_dir / SITE_ID
    shutil.rmtree(target, ignore_errors=True)
    result = newsite.create("Ostalbkreis", "DE-BW", [newsite.Town.parse(t) for t in TOWNS], ["de", "en", "ar"],
                            kreis="Ostalbkreis", site_id=SITE_ID, today=date(2026, 12, 1))
    yield result
    shutil.rmtree(target, ignore_errors=True)
    shutil.rmtree(ROOT / "site" / SITE_ID, ignore_errors=True)
    shutil.rmtree(ROOT / "build" / SITE_ID, ignore_errors=True)


def test_mietstufen_equal_the_wogv_anlage(made):
    expected = PRINTED
    if XML.is_file():
        rows = anlage_rows(XML)
        expected = {name: rows[name] for name in PRINTED}
        assert expected == PRINTED  # the printed values quoted above are the XML's
    got = {t: (f.listed_as, f.value, f.how) for t, f in made.lookups.items()}
    assert got == {"Aalen": ("Aalen, Stadt", expected["Aalen, Stadt"], "gemeinde"),
                   "Ellwangen (Jagst)": ("Ellwangen (Jagst), Stadt", expected["Ellwangen (Jagst), Stadt"], "gemeinde"),
                   "Stödtlen": ("Ostalbkreis", expected["Ostalbkreis"], "kreis")}


def test_the_engine_reads_those_mietstufen_from_towns_yml(made):
    from selfcheck.local import from_towns_yaml, mietstufe
    from selfcheck.params import Params

    local = from_towns_yaml(yaml.safe_load((made.dir / "towns.yml").read_text(encoding="utf-8")))
    params = Params(date(2026, 12, 1))  # the Anlage in force in December 2026
    got = {town: mietstufe(local, town, params) for town in ("aalen", "ellwangen-jagst", "stoedtlen")}
    assert got == {"aalen": 3, "ellwangen-jagst": 3, "stoedtlen": 2}


def test_files_and_checklist(made):
    site = yaml.safe_load((made.dir / "site.yml").read_text(encoding="utf-8"))
    assert (site["id"], site["land"], site["languages"]) == (SITE_ID, "DE-BW", ["de", "en", "ar"])
    towns = yaml.safe_load((made.dir / "towns.yml").read_text(encoding="utf-8"))["towns"]
    assert [(t["id"], t["ags"], t["kdu"]) for t in towns] == [
        ("aalen", "08136088", None), ("ellwangen-jagst", "08136019", None), ("stoedtlen", "08136068", None)]
    offices = (made.dir / "offices.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(offices)["offices"] == []  # nothing invented: pages say "please ask"
    for kind in ("jobcenter", "sozialamt", "wohngeldstelle", "jugendamt", "lotse"):
        assert f"# - id: {kind}\n" in offices and kind in made.office_types
    assert "lwl" not in made.office_types  # a Landschaftsverband of NRW, not of Baden-Württemberg
    research = (made.dir / "RESEARCH.md").read_text(encoding="utf-8")
    assert "- [ ] Stödtlen: not listed itself, so the Kreis value of \"Ostalbkreis\" (Mietstufe 2)" in research
    assert "- [ ] `jobcenter`" in research


def test_check_passes(made):
    problems = check.run(str(made.dir))
    assert [p for p in problems if SITE_ID in str(p)] == []


def test_build_makes_a_working_site(made):
    import build
    from sitebuild import pyodide

    try:
        out = build.build(str(made.dir))
    except pyodide.PyodideMissing:
        pytest.fail("Pyodide runtime missing: run make setup")
    for page in ("index.html", "en/index.html", "ar/index.html", "leistungen/wohngeld/index.html",
                 "orte/aalen/index.html", "orte/stoedtlen/index.html", "selbstcheck/index.html",
                 "wegweiser/stoedtlen/index.html"):
        assert (out / page).is_file(), page
    wohngeld = (out / "leistungen" / "wohngeld" / "index.html").read_text(encoding="utf-8")
    assert "Ellwangen (Jagst)" in wohngeld and "Ostalbkreis" in (out / "index.html").read_text(encoding="utf-8")


def test_cli_refuses_an_incomplete_or_unknown_input(capsys):
    import build

    assert build.main(["new-site", "--name", "Ostalbkreis", "--land", "DE-BW"]) == 2  # no town (stdin is no terminal)
    assert build.main(["new-site", "--name", "Ostalbkreis", "--land", "BW", "--town", "Aalen"]) == 2
    assert "Land must be one of" in capsys.readouterr().err
    assert not (ROOT / "sites" / "ostalbkreis").exists()


def test_town_needs_an_eight_digit_ags():
    with pytest.raises(ValueError, match="8 digits"):
        newsite.Town.parse("Aalen:8136088")

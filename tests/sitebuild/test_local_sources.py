"""Local data as citizens see it: public sources only, no machine paths, per-town rules of
responsibilities.yml, nationwide carriers for every site, and contacts from old sources flagged."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sitebuild import localdata
from sitebuild.check import Problems
from sitebuild.localdata import LocalData, is_stale, source_stand
from sitebuild.sites import DEFAULT_SITE

ROOT = Path(__file__).resolve().parents[2]
MACHINE_PATH = re.compile(r"""(?:^|[\s"'`(\[=])(?:/work|/home|/tmp|/root|/Users|[A-Z]:\\)[/\\]""", re.M)
INTERNAL_SOURCE = re.compile(r"\bseed \d{3}\b|\bL\d{3,4}-\d{3,4}\b")


def test_no_data_file_names_a_machine_path():
    files = [*ROOT.glob("sites/**/*.yml"), *ROOT.glob("sites/**/*.md"), *ROOT.glob("selfcheck/params/*.yaml")]
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in files
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if MACHINE_PATH.search(line)]
    assert files and offenders == []


def test_no_page_shows_an_internal_reference_or_a_machine_path(built_site):
    offenders = []
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if INTERNAL_SOURCE.search(text) or "/work/" in text:
            offenders.append(str(page.relative_to(built_site)))
    assert offenders == []


def office(**over) -> dict:
    base = {"id": "amt", "name": "Amt", "type": "sozialamt", "towns": ["alpha", "beta"], "benefits": [],
            "source": "https://example.org/amt", "verified": date(2026, 11, 21)}
    base.update(over)
    return base


def test_a_per_town_entry_of_responsibilities_takes_effect():
    data = LocalData(towns=[{"id": "alpha", "name": "Alpha"}, {"id": "beta", "name": "Beta"}],
                     offices=[office(id="wgs", type="wohngeldstelle"), office(id="soz-beta", towns=["beta"])],
                     responsibilities={"wohnberechtigungsschein": {
                         "default": "wohngeldstelle", "towns": {"beta": {"office": "sozialamt", "id": "soz-beta"}}}})
    assert [o["id"] for o in data.responsible("wohnberechtigungsschein", "alpha").offices] == ["wgs"]
    assert [o["id"] for o in data.responsible("wohnberechtigungsschein", "beta").offices] == ["soz-beta"]


def test_the_real_per_town_entries_take_effect():
    data = LocalData.load(DEFAULT_SITE)
    for benefit, rule in data.responsibilities.items():
        for town, entry in (rule.get("towns") or {}).items():
            if entry.get("id") and data.office(entry["id"]):
                assert [o["id"] for o in data.responsible(benefit, town).offices] == [entry["id"]], (benefit, town)


def test_nationwide_carriers_serve_every_town_of_every_site_but_after_local_offices(tmp_path):
    common = tmp_path / "_common"
    common.mkdir()
    (common / "offices.yml").write_text(
        "offices:\n- {id: beitragsservice, name: Beitragsservice, type: beitragsservice, towns: null,"
        " benefits: [rundfunkbeitrag-befreiung], source: 'https://www.rundfunkbeitrag.de', verified: 2026-12-01}\n"
        "- {id: familienkasse-ba, name: Familienkasse, type: familienkasse, towns: null, benefits: [kindergeld],"
        " source: 'https://www.arbeitsagentur.de', verified: 2026-12-01}\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "towns.yml").write_text("towns:\n- {id: alpha, name: Alpha}\n", encoding="utf-8")
    (site / "offices.yml").write_text(
        "offices:\n- {id: fk-local, name: Familienkasse NRW, type: familienkasse, towns: [alpha], benefits: [kindergeld],"
        " source: 'https://example.org', verified: 2026-12-01}\n", encoding="utf-8")
    (site / "responsibilities.yml").write_text(
        "responsibilities:\n  rundfunkbeitrag-befreiung: {default: null}\n  kindergeld: {default: familienkasse}\n",
        encoding="utf-8")
    data = LocalData.load(site, common_dir=common, today=date(2026, 12, 1))
    assert [o["id"] for o in data.responsible("rundfunkbeitrag-befreiung", "alpha").offices] == ["beitragsservice"]
    assert [o["id"] for o in data.responsible("kindergeld", "alpha").offices] == ["fk-local"]


def test_both_sites_load_the_common_carriers():
    for site in ("kreis-recklinghausen", "kreis-offenbach"):
        data = LocalData.load(ROOT / "sites" / site)
        found = data.responsible("rundfunkbeitrag-befreiung", data.towns[0]["id"])
        assert found.known and all(o.get("nationwide") for o in found.offices), site


def test_a_contact_from_a_source_older_than_24_months_is_stale():
    today = date(2026, 12, 1)
    assert source_stand({"source_date": "2023/2024 (homepage versions)"}) == (2024, None)
    assert source_stand({"source_date": date(2024, 11, 30)}) == (2024, 11)
    assert is_stale({"source_date": "2024-11"}, today)            # 25 months
    assert not is_stale({"source_date": "2024-12"}, today)        # 24 months: still fresh
    assert not is_stale({"source_date": "2024 (Jahresbericht)"}, today)  # counts from December 2024
    assert is_stale({"source_date": "2023"}, today)
    assert not is_stale({"source_date": None}, today)


def test_check_warns_about_stale_contacts_without_failing(tmp_path):
    (tmp_path / "towns.yml").write_text('towns:\n- {id: marl, name: Marl, ags: "05562024"}\n', encoding="utf-8")
    (tmp_path / "offices.yml").write_text(
        "offices:\n- {id: alt, name: Alt, type: sozialamt, towns: [marl], source: 'https://example.org',"
        " source_date: 2020-07, verified: 2026-11-21}\n", encoding="utf-8")
    problems = Problems()
    localdata.validate(tmp_path, problems, date(2026, 12, 1))
    assert problems.errors() == []  # a warning is listed with its rule but does not fail the check
    assert len(problems.warnings) == 1 and "offices.yml:2: warning: office 'alt': source of 2020-07" in problems.warnings[0]


def test_nationwide_cards_never_say_please_ask_and_old_contacts_say_call_first(built_site):
    from sitebuild.localpages import office_card

    data = LocalData.load(DEFAULT_SITE, today=date(2026, 12, 1))
    common = [o for o in data.offices if o.get("nationwide")]
    assert {o["type"] for o in common} >= {"beitragsservice", "pflegekasse", "rentenversicherung", "krankenkasse",
                                          "familienkasse"}
    for o in common:
        for lang in ("de", "en", "ar"):
            assert 'class="sl-ask"' not in office_card(o, lang), (o["id"], lang)
    old = {**common[0], "source_date": "2019-11"}
    old.update(localdata._stale_mark(old, date(2026, 12, 1)))
    assert "Stand November 2019 – bitte vor dem Besuch anrufen" in office_card(old, "de")
    assert "As of November 2019 – please call before you visit" in office_card(old, "en")
    # the built Rundfunkbeitrag page names the Beitragsservice for every town, never "please ask" for it
    html = (built_site / "leistungen" / "rundfunkbeitrag-befreiung" / "index.html").read_text(encoding="utf-8")
    assert html.count('id="office-beitragsservice"') == len(data.towns)

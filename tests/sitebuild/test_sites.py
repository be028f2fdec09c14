"""Branded copies: two municipalities from the same content, and nothing of one in the other."""
import functools
import re

import pytest
import yaml

from sitebuild.localdata import LocalData
from tests.conftest import ROOT, SECOND_SITE

DEFAULT_SITE = ROOT / "sites" / "kreis-recklinghausen"


@functools.lru_cache(maxsize=None)
def site_text(out):
    """Every distinct line of the site's pages: no name spans a line, and the menu and footer that
    every page repeats are searched once instead of a thousand times."""
    lines = set()
    for page in out.rglob("*.html"):
        lines.update(page.read_text(encoding="utf-8").splitlines())
    return "\n".join(sorted(lines))


def test_sites_differ_in_branding(built_site, second_site):
    first = (built_site / "index.html").read_text(encoding="utf-8")
    second = (second_site / "index.html").read_text(encoding="utf-8")
    assert "Soziallotse Kreis Recklinghausen" in first and "Soziallotse Kreis Offenbach" in second
    colours = [yaml.safe_load((d / "site.yml").read_text())["colours"]["primary"] for d in (DEFAULT_SITE, SECOND_SITE)]
    assert colours[0] != colours[1]
    assert colours[0] in (built_site / "assets/css/brand.css").read_text()
    assert colours[1] in (second_site / "assets/css/brand.css").read_text()


def test_each_site_has_exactly_its_own_towns(built_site, second_site):
    for out, site_dir in ((built_site, DEFAULT_SITE), (second_site, SECOND_SITE)):
        towns = {t["id"] for t in LocalData.load(site_dir).towns}
        pages = {p.name for p in (out / "orte").iterdir() if p.is_dir()}
        assert pages == towns
    assert len({t["id"] for t in LocalData.load(DEFAULT_SITE).towns}) == 10


@pytest.mark.parametrize("source,other", [("default", "second"), ("second", "default")])
def test_no_office_or_town_of_one_site_appears_in_the_other(built_site, second_site, source, other):
    dirs = {"default": (DEFAULT_SITE, built_site), "second": (SECOND_SITE, second_site)}
    data = LocalData.load(dirs[source][0])
    data.offices = [o for o in data.offices if not o.get("nationwide")]  # sites/_common serves every site
    text = site_text(dirs[other][1])
    leaked = [o["name"] for o in data.offices if o["name"] in text]
    leaked += [f"office-{o['id']}" for o in data.offices if f'id="office-{o["id"]}"' in text]
    leaked += [t["name"] for t in data.towns if re.search(rf"\b{re.escape(t['name'])}\b", text)]
    assert leaked == []


def test_kreis_names_stay_in_their_own_site(built_site, second_site):
    assert "Offenbach" not in site_text(built_site)
    assert "Recklinghausen" not in site_text(second_site)


def test_every_benefit_in_every_town_names_an_office_or_whom_to_ask(built_site):
    data = LocalData.load(DEFAULT_SITE)
    for town in data.towns:
        html = (built_site / "orte" / town["id"] / "index.html").read_text(encoding="utf-8")
        sections = re.split(r"<h2 ", html)[1:]
        assert len(sections) >= 32, town["id"]
        for section in sections:
            title = re.search(r">([^<]+)</a>", section).group(1)
            answered = 'class="sl-office"' in section or (
                'class="sl-none"' in section and "Stadtverwaltung" in section)
            assert answered, f"{town['id']}: {title}"


def test_benefit_page_lists_the_office_of_each_town(built_site):
    html = (built_site / "leistungen/wohngeld/index.html").read_text(encoding="utf-8")
    data = LocalData.load(DEFAULT_SITE)
    for town in data.towns:
        assert f'data-town="{town["id"]}"' in html
    # Dorsten's Wohngeldstelle is on record: its card is on the Wohngeld page
    dorsten = data.responsible("wohngeld", "dorsten").offices
    assert dorsten and f'id="office-{dorsten[0]["id"]}"' in html


def test_land_law_pages_of_another_land_become_a_notice(second_site, built_site):
    notice = (second_site / "leistungen/sozialticket/index.html").read_text(encoding="utf-8")
    assert "Landesrecht" in notice and "Hessen" in notice and "VRR" not in notice
    assert "VRR" in (built_site / "leistungen/sozialticket/index.html").read_text(encoding="utf-8")

"""The editors' coverage page: built with the site, outside the citizens' navigation, and its
cells are the office data's (town × office type: full / partial / missing)."""
from __future__ import annotations

import re

from sitebuild import coverage
from sitebuild.localdata import LocalData
from sitebuild.sites import DEFAULT_SITE


def office(**over) -> dict:
    base = {"id": "a", "name": "Amt", "type": "sozialamt", "towns": ["alpha"], "source": "https://example.org/a",
            "address": {"street": "Markt 1", "postcode": "12345", "city": "Alpha"}, "phone": "01234 5",
            "opening_hours": [{"days": ["mo"], "opens": "08:00", "closes": "12:00"}]}
    base.update(over)
    return base


def test_cells_follow_the_rule():
    data = LocalData(towns=[{"id": "alpha", "name": "Alpha"}, {"id": "beta", "name": "Beta"}], responsibilities={},
                     offices=[office(), office(id="b", type="jobcenter", phone=None),
                              office(id="c", type="jugendamt", opening_hours=[]),  # by appointment only: complete
                              office(id="d", type="lotse", source="seed 000 L12"),  # no public source
                              office(id="mbe", type="migrationsberatung"),
                              office(id="sb", type="beratungsstelle", benefits=["schuldnerberatung"])])
    cells = coverage.matrix(data)[0]["cells"]
    assert {t: c["status"] for t, c in cells.items()} == {
        "sozialamt": "full", "jobcenter": "partial", "jugendamt": "full", "lotse": "partial",
        "wohngeldstelle": "missing", "pflegeberatung": "missing", "schuldnerberatung": "full",
        "migrationsberatung": "partial"}  # adult service complete, youth service (JMD) missing
    assert cells["jobcenter"]["gaps"] == ["phone"] and cells["lotse"]["gaps"] == ["source"]
    assert cells["migrationsberatung"]["gaps"] == ["jugendmigrationsdienst"]
    assert all(c["status"] == "missing" for c in coverage.matrix(data)[1]["cells"].values())


def test_the_built_page_matches_the_data_and_is_not_in_the_navigation(built_site):
    html = (built_site / coverage.PAGE / "index.html").read_text(encoding="utf-8")
    shown = {(town, kind): status for town, row in re.findall(r'<tr data-town="([^"]+)">(.*?)</tr>', html, re.S)
             for kind, status in re.findall(r'data-type="([^"]+)" data-status="([^"]+)"', row)}
    data = LocalData.load(DEFAULT_SITE)
    expected = {(row["town"]["id"], kind): cell["status"] for row in coverage.matrix(data) for kind, cell in row["cells"].items()}
    assert shown == expected and len(shown) == 10 * 8
    start = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{coverage.PAGE}/"' not in start and "abdeckung" not in start

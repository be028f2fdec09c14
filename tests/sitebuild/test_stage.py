"""Staging: a municipality's own pages override shared ones; another Land's law becomes a notice."""
from pathlib import Path

from sitebuild.sites import Site
from sitebuild.stage import generate

PAGE = """---
id: sozialticket
title: Sozialticket
summary: Nur in NRW.
office_type: sozialamt
land: DE-NW
stand: 2026-11-01
---
# Sozialticket

Regeln des VRR.
"""


def make(tmp_path: Path, land: str, own_page: str | None = None) -> Path:
    content = tmp_path / "content"
    (content / "leistungen").mkdir(parents=True)
    (content / "lebenslagen").mkdir()
    (content / "leistungen" / "sozialticket.de.md").write_text(PAGE, encoding="utf-8")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    if own_page:
        (site_dir / "pages" / "leistungen").mkdir(parents=True)
        (site_dir / "pages" / "leistungen" / "sozialticket.de.md").write_text(own_page, encoding="utf-8")
    site = Site(site_dir, {"id": "test", "languages": ["de"], "land": land})
    return generate(site, tmp_path / "docs", content_dir=content)  # before placeholders are resolved


def staged(docs: Path) -> str:
    return (docs / "leistungen" / "sozialticket.de.md").read_text(encoding="utf-8")


def test_a_page_of_the_sites_own_land_stays(tmp_path):
    assert "Regeln des VRR." in staged(make(tmp_path, "DE-NW"))


def test_a_page_of_another_land_becomes_a_notice_without_its_rules(tmp_path):
    text = staged(make(tmp_path, "DE-HE"))
    assert "Landesrecht" in text and "Hessen" in text and "Nordrhein-Westfalen" in text
    assert "VRR" not in text and "Nur in NRW." not in text
    assert "{{ zustaendig }}" in text  # the local office is still named


def test_the_sites_own_page_replaces_the_shared_one(tmp_path):
    own = PAGE.replace("land: DE-NW", "land: DE-HE").replace("Regeln des VRR.", "Regeln des RMV.")
    assert "Regeln des RMV." in staged(make(tmp_path, "DE-HE", own_page=own))


def test_overview_pages_list_every_page_with_its_summary(tmp_path):
    overview = (make(tmp_path, "DE-NW") / "leistungen" / "index.de.md").read_text(encoding="utf-8")
    assert "[Sozialticket](sozialticket.md)" in overview and "Nur in NRW." in overview

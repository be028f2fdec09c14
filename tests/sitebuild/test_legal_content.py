"""The corrections of the legal review (shared/reference/content-review-2026-12.md) stay on the pages,
and ``build.py check`` insists on a legal review record.

Each expected statement names the § it comes from; the statute texts are the consolidated versions
of 19.08.2026.
"""
import re
from datetime import date

import pytest

from sitebuild import check
from sitebuild.placeholders import TABLE_RE, age_table, fill_params
from tests.conftest import ROOT

CONTENT = ROOT / "content"
TODAY = date(2026, 12, 1)


def page(rel: str) -> str:
    """The page as readers see it: parameters filled in with the values in force on TODAY."""
    return fill_params((CONTENT / rel).read_text(encoding="utf-8"), "de", TODAY)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# (page, text that must be there, text that must be gone, origin)
STATEMENTS = [
    ("leistungen/grundsicherungsgeld.de.md", "der Miete, die am Ort als angemessen gilt (das Eineinhalbfache)",
     "meistens erst ab dem nächsten Bewilligungszeitraum", "W2/M1: § 22 Abs. 1 S. 6 SGB II, no § 65a transition"),
    ("leistungen/grundsicherungsgeld.de.md", "in der Regel höchstens 6 Monate",
     "von Anfang an nur in angemessener Höhe", "W3: § 22 Abs. 1 S. 9 SGB II"),
    ("leistungen/grundsicherungsgeld.de.md", "Den Kauf zahlt das Jobcenter nicht",
     "Orthopädische Schuhe und therapeutische Geräte", "W4: § 24 Abs. 3 Nr. 3 SGB II"),
    ("leistungen/grundsicherungsgeld.de.md", "gilt diese alte Regel für Sie weiter",
     "Seit dem 1. Juli 2026 prüft das Jobcenter das Vermögen von Anfang an", "O2: § 65a Abs. 1 SGB II"),
    ("leistungen/grundsicherungsgeld.de.md", "zu 3 Terminen hintereinander",
     "auch das Geld für die Miete", "M2: § 7b Abs. 4 SGB II"),
    ("leistungen/grundsicherungsgeld.de.md", "nur für 1 Jahr zurück", "meistens nur für eine begrenzte Zeit",
     "§ 40 Abs. 1 S. 2 Nr. 2 SGB II"),
    ("leistungen/grundsicherungsgeld.de.md", "BGBl. 2026 I Nr. 107", "Bundestag 05.03.2026", "O4"),
    ("leistungen/bildung-und-teilhabe.de.md", "Nur die **Nachhilfe** müssen Sie extra beantragen",
     "Wohngeld, Kinderzuschlag, Sozialhilfe oder Leistungen nach dem Asylbewerberleistungsgesetz?**",
     "W5: § 34a Abs. 1 S. 1 SGB XII, § 3 Abs. 4 AsylbLG"),
    ("leistungen/grundsicherung-im-alter.de.md", "§ 94 Abs. 1a SGB XII", "§ 43 Abs. 5 SGB XII (Unterhalt",
     "W6: § 94 Abs. 1a SGB XII"),
    ("leistungen/mietschulden.de.md", "Das Gesetz sieht hier keinen festen Abzug vom Regelbedarf vor",
     "Grundsicherungsgeld oder Sozialhilfe, behält das Amt", "W7: § 36 Abs. 1 S. 3 SGB XII"),
    ("leistungen/asylbewerberleistungen.de.md", "Aufenthaltserlaubnis nach § 24 Aufenthaltsgesetz",
     "ab dem 1. April 2025", "O1: § 1 Abs. 1 Nr. 1b AsylbLG, § 74 SGB II"),
    ("leistungen/hilfe-zum-lebensunterhalt.de.md", "150% der Miete, die am Ort als angemessen gilt", None, "O3: § 35 Abs. 1 SGB XII"),
    ("leistungen/kinderzuschlag.de.md", "im **letzten Monat** dieses Zeitraums", "Stellen Sie dann rechtzeitig",
     "M3: § 6a Abs. 7 S. 2 BKGG"),
    ("leistungen/kinderzuschlag.de.md", "nur im **ersten Monat**", None, "§ 6a Abs. 3 S. 6-7 BKGG"),
    ("leistungen/wohngeld.de.md", "Sie erhöht nur die Grenze", "ein Betrag für das **Klima**", "M6: § 12 Abs. 7 WoGG"),
    ("leistungen/wohngeld.de.md", "bis zum Ende des Monats ankommt, der auf den Monat folgt", None, "§ 25 Abs. 3 WoGG"),
    ("leistungen/elterngeld.de.md", "vor dem Lebensmonat", "vor dem Monat gezahlt", "M13: § 7 Abs. 1 S. 2 BEEG"),
    ("leistungen/kindergeld.de.md", "höchstens 20 Stunden", "arbeitslos gemeldet", "M14: § 2 Abs. 2 BKGG"),
    ("leistungen/unterhaltsvorschuss.de.md", "hätten wissen müssen", "wenn Ihre Angaben richtig waren",
     "M11: § 5 Abs. 1 Nr. 2 UVG"),
    ("leistungen/mutterschaftsgeld.de.md", "zählt das Mutterschaftsgeld **nicht** als Einkommen",
     "Bei Grundsicherungsgeld zählt das Mutterschaftsgeld als Einkommen",
     "§ 11a Abs. 1 Nr. 6 SGB II, § 82 Abs. 1 S. 2 Nr. 5 SGB XII"),
    ("leichte-sprache/grundsicherungsgeld.de.md", "3 Mal hintereinander", "Auch das Geld für die Miete.",
     "M2: § 7b Abs. 4 SGB II"),
]


@pytest.mark.parametrize("rel,present,absent,origin", STATEMENTS, ids=[s[3] for s in STATEMENTS])
def test_corrected_statement_is_in_place(rel, present, absent, origin):
    text = flat(page(rel))
    assert flat(present) in text
    if absent:
        assert flat(absent) not in text


def test_no_page_reports_a_change_as_news():
    # Item 4 of issue 19: "soll/sollte … in Kraft treten" turns false the day after; say before/after.
    news = re.compile(r"\b(soll|sollte|sollen|sollten)\b[^.\n]*\bin Kraft treten", re.IGNORECASE)
    offenders = [str(p.relative_to(ROOT)) for p in CONTENT.rglob("*.md")
                 if not p.name.startswith("TODO") and news.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_asset_table_of_grundsicherungsgeld_is_rendered_from_the_parameter():
    source = (CONTENT / "leistungen" / "grundsicherungsgeld.de.md").read_text(encoding="utf-8")
    refs = [m[0] for m in TABLE_RE.findall(source)]
    assert refs == ["grundsicherungsgeld.vermoegen_freibetrag_nach_alter"]
    assert "| ab 40 |" not in source and "| ab 40 Jahren |" not in source  # no band typed by hand


def test_age_table_shows_the_bands_of_paragraph_12_sgb_ii():
    # § 12 Abs. 2 SGB II (version from 1.7.2026): up to the 30th birthday 5,000 €, from the 31st year
    # of life 10,000 €, from the 41st 12,500 €, from the 51st 20,000 €.
    data = {"grundsicherungsgeld": {"freibetrag": {
        "name": {"de": "Freibetrag", "en": "Allowance"}, "unit": "EUR", "legal_basis": "§ 12 Abs. 2 SGB II",
        "values": {"2026-07-01": {"value": {"0": 5000, "30": 10000, "40": 12500, "50": 20000},
                                  "reference": [{"title": "§ 12 Abs. 2 SGB II"}]}}}}}
    table = age_table("grundsicherungsgeld.freibetrag", "de", TODAY, ("Alter", "Betrag"), data=data)
    assert table.splitlines() == [
        "| Alter | Betrag |", "|---|---|",
        "| unter 30 | 5.000\xa0€ |", "| ab 30 | 10.000\xa0€ |",
        "| ab 40 | 12.500\xa0€ |", "| ab 50 | 20.000\xa0€ |"]


def test_asset_table_shows_the_statutory_bands_from_the_parameter_file():
    # W1 of the review: the page showed "unter 20 / ab 20 / ab 40 / ab 50" and 15,000 €; § 12 Abs. 2 SGB II
    # (in force since 1.7.2026) has 5,000 / 10,000 from 30 / 12,500 from 40 / 20,000 from 50.
    rows = [line for line in page("leistungen/grundsicherungsgeld.de.md").splitlines() if line.startswith(("| unter ", "| ab ")) and "€ |" in line]
    # the column says "Alter der Person"; a row is the band of § 12 Abs. 2 SGB II: "unter 30", "ab 30", …
    assert rows == ["| unter 30 | 5.000\xa0€ |", "| ab 30 | 10.000\xa0€ |",
                    "| ab 40 | 12.500\xa0€ |", "| ab 50 | 20.000\xa0€ |"]


BENEFIT = """---
id: beispiel
title: Beispiel
summary: Kurz.
legal_basis: ["§ 1 SGB II"]
office_type: jobcenter
documents: [Ausweis]
deadlines: Ab dem Antragsmonat.
stand: 2026-11-01
sources: [{title: SGB II, url: "https://www.gesetze-im-internet.de/sgb_2/"}]
{review}---
## Was ist das?
## Wer kann es bekommen?
## Wie viel?
{{ param("kindergeld.betrag_je_kind") }}
## Wie beantrage ich es?
{{ zustaendig }}
## Unterlagen
{{ unterlagen }}
## Rechte und Pflichten
## Rechtsgrundlage
"""


def run(tmp_path, folder, review):
    path = tmp_path / folder / "beispiel.de.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BENEFIT.replace("{review}", review), encoding="utf-8")
    problems = check.run(content_dir=tmp_path, today=TODAY)
    # only this page's messages: the site data checked alongside may warn on its own
    return path, [p for p in problems.errors() if p.startswith(str(path))], \
        [w for w in getattr(problems, "warnings", []) if w.startswith(str(path))]


@pytest.mark.parametrize("folder", ["leistungen", "lebenslagen"])
def test_check_fails_without_legal_review(tmp_path, folder):
    path, problems, _ = run(tmp_path, folder, "")
    assert any(p.startswith(f"{path}:1: front matter field 'legal_review' is missing") for p in problems)


def test_legal_review_basis_must_name_paragraphs(tmp_path):
    path, problems, _ = run(tmp_path, "leistungen", "legal_review: {date: 2026-12-01, basis: [SGB II]}\n")
    assert f"{path}:11: legal_review.basis must list the checked rules, each with its §" in problems


def test_a_review_before_the_last_parameter_change_warns(tmp_path):
    # kindergeld.betrag_je_kind has a value valid from 2026-01-01 (259 €, § 66 EStG / § 6 BKGG),
    # so a review dated 2025-12-01 predates it.
    path, problems, warnings = run(tmp_path, "leistungen", "legal_review: {date: 2025-12-01, basis: [\"§ 6 BKGG\"]}\n")
    assert problems == []
    assert warnings == [f"{path}:11: warning: legal_review 2025-12-01 is older than the value of "
                        "kindergeld.betrag_je_kind valid from 2026-01-01: check the page against the changed law"]


def test_a_current_review_passes_quietly(tmp_path):
    _, problems, warnings = run(tmp_path, "leistungen", "legal_review: {date: 2026-12-01, basis: [\"§ 6 BKGG\"]}\n")
    assert problems == [] and warnings == []


def test_every_benefit_and_life_situation_page_records_its_review():
    pages = sorted((CONTENT / "leistungen").glob("*.de.md")) + sorted((CONTENT / "lebenslagen").glob("*.de.md"))
    missing = [p.name for p in pages if "\nlegal_review:" not in p.read_text(encoding="utf-8")]
    assert len(pages) >= 40 and missing == []


# Numbers of the law come from parameters (issue 19, item 3), each with its § in selfcheck/params/.
LAW_NUMBERS = [
    ("leistungen/unterhaltsvorschuss.de.md", "unterhaltsvorschuss.rueckwirkung_monate", "1 Monat"),      # § 4 Abs. 2 UVG
    ("leistungen/kindergeld.de.md", "kindergeld.rueckwirkung_monate", "6 Monate"),                      # § 70 Abs. 1 EStG
    ("leistungen/elterngeld.de.md", "elterngeld.rueckwirkung_lebensmonate", "3 Monate"),                # § 7 Abs. 1 BEEG
    ("leistungen/asylbewerberleistungen.de.md", "asylblg.analogleistungen_wartezeit_monate", "36 Monate"),  # § 2 AsylbLG
    ("leistungen/grundsicherungsgeld.de.md", "grundsicherungsgeld.kdu_karenzzeit_deckel_prozent", "150"),   # § 22 Abs. 1 S. 6
    ("leistungen/kinderzuschlag.de.md", "kinderzuschlag.sofortzuschlag", "25"),                         # M4: § 6a Abs. 2 S. 4 BKGG
]


@pytest.mark.parametrize("rel,ref,shown", LAW_NUMBERS, ids=[n[1] for n in LAW_NUMBERS])
def test_numbers_of_the_law_are_placeholders(rel, ref, shown):
    source = (CONTENT / rel).read_text(encoding="utf-8")
    assert re.search(r"param\(\s*[\"']" + re.escape(ref) + r"[\"']\s*\)", source)
    assert shown in page(rel)


def test_kinderzuschlag_no_longer_cites_the_sgb_ii_sofortzuschlag():
    # M4: the Kinderzuschlag's own Sofortzuschlag is § 6a Abs. 2 S. 4 BKGG, not § 72 SGB II
    assert "grundsicherungsgeld.kindersofortzuschlag" not in (CONTENT / "leistungen" / "kinderzuschlag.de.md").read_text(encoding="utf-8")

"""build.py check enforces the benefit-page schema: every required item, reported with file:line."""
from datetime import date

import pytest

from sitebuild import check

TODAY = date(2026, 11, 21)

VALID = """---
id: beispiel
title: Beispiel
summary: Eine kurze Zusammenfassung.
legal_basis:
  - § 1 SGB II
office_type: jobcenter
documents:
  - Personalausweis
deadlines: Ab dem Antragsmonat.
stand: 2026-11-01
sources:
  - title: SGB II
    url: https://www.gesetze-im-internet.de/sgb_2/
legal_review: {date: 2026-11-01, basis: ["§ 1 SGB II"]}
---
# Beispiel

## Was ist das?
Text.

## Wer kann es bekommen?
Text.

## Wie viel?
{{ param("kindergeld.betrag_je_kind") }}

## Wie beantrage ich es?
{{ zustaendig }}

## Unterlagen
{{ unterlagen }}

## Rechte und Pflichten
Text.

## Rechtsgrundlage
Text.
"""


def run_on(tmp_path, text):
    page = tmp_path / "leistungen" / "beispiel.de.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    return page, check.run(content_dir=tmp_path, today=TODAY).without("stale-source")


def drop_field(text, key):
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    return "".join(lines[:start] + lines[end:])


def test_the_valid_page_passes(tmp_path):
    assert run_on(tmp_path, VALID)[1] == []


@pytest.mark.parametrize("field", check.BENEFIT_FIELDS)
def test_each_missing_front_matter_field_is_reported(tmp_path, field):
    page, problems = run_on(tmp_path, drop_field(VALID, field))
    assert f"{page}:1: front matter field '{field}' is missing or empty" in problems


@pytest.mark.parametrize("section", check.BENEFIT_SECTIONS)
def test_each_missing_section_is_reported(tmp_path, section):
    page, problems = run_on(tmp_path, VALID.replace(f"## {section}\n", ""))
    assert any(p.startswith(f"{page}:") and f"section '## {section}' is missing" in p for p in problems)


@pytest.mark.parametrize("placeholder,message", [
    ("{{ zustaendig }}", "needs the line {{ zustaendig }}"),
    ("{{ unterlagen }}", "needs the line {{ unterlagen }}"),
])
def test_missing_local_office_or_documents_placeholder_is_reported(tmp_path, placeholder, message):
    page, problems = run_on(tmp_path, VALID.replace(placeholder, "Text."))
    assert any(message in p for p in problems)


def test_a_stand_older_than_12_months_is_reported_on_its_line(tmp_path):
    page, problems = run_on(tmp_path, VALID.replace("stand: 2026-11-01", "stand: 2025-11-01"))
    assert problems == [f"{page}:11: stand 2025-11-01 is older than 12 months: "
                        "check the page against current law and update it"]


def test_a_source_without_an_https_url_is_reported(tmp_path):
    page, problems = run_on(tmp_path, VALID.replace("https://www.gesetze-im-internet.de/sgb_2/", "Gesetzblatt"))
    assert problems == [f"{page}:14: front matter: sources > 0 > url: url must be an https:// address"]


def test_sections_out_of_order_are_reported(tmp_path):
    swapped = VALID.replace("## Was ist das?", "## TMP").replace("## Wie viel?", "## Was ist das?").replace("## TMP", "## Wie viel?")
    page, problems = run_on(tmp_path, swapped)
    assert any("sections must come in this order" in p for p in problems)


def test_an_unknown_office_type_is_reported_on_its_line(tmp_path):
    page, problems = run_on(tmp_path, VALID.replace("office_type: jobcenter", "office_type: rathaus"))
    assert len(problems) == 1 and problems[0].startswith(f"{page}:7: office_type 'rathaus' is not one of")


def test_a_typed_amount_placeholder_must_resolve(tmp_path):
    page, problems = run_on(tmp_path, VALID.replace("kindergeld.betrag_je_kind", "kindergeld.betrag"))
    assert problems == [f"{page}:26: unknown parameter 'kindergeld.betrag': see selfcheck/params/"]

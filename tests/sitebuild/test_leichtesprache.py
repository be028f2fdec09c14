"""Leichte Sprache pages: the rules of sitebuild/leichtesprache.py, each at its line, and the real pages."""
from datetime import date

import pytest

from sitebuild import ROOT, check, leichtesprache
from sitebuild.frontmatter import split_front_matter

LS_DIR = ROOT / "content" / "leichte-sprache"
GOOD = """---
id: wohngeld
title: Wohn-Geld in Leichter Sprache
summary: Geld vom Staat für die Miete.
kind: leichte-sprache
stand: 2026-12-02
---

# Wohn-Geld

## Was ist Wohn-Geld?

Wohn-Geld ist Geld vom Staat.
Sie bekommen das Geld für die Miete.
Sie bekommen das Geld vom Amt.
Das Amt heißt: **Wohn-Geld-Stelle**.
Prüfen Sie es mit dem [Selbst-Check](../selbstcheck.md).
Der Bescheid kommt nach 3 Monaten.
"""


def rules_at(text: str) -> list[tuple[int, str]]:
    _, _, body, body_line = split_front_matter(text)
    lines = list(enumerate(body.splitlines(), start=body_line))
    return [(line, message.split(":")[0]) for line, _, message in leichtesprache.page_findings(lines)]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_a_page_that_follows_the_rules_passes():
    assert rules_at(GOOD) == []


@pytest.mark.parametrize("bad, rule", [
    ("Sie bekommen das Geld vom Amt, wenn Ihr Einkommen klein ist und wenn Ihre Miete im Monat sehr hoch ist.",
     "sentence of 20 words"),
    ("Sie bekommen das Geld, wenn Sie Miete zahlen, und wenn Sie wenig Geld haben.", "more than one comma"),
    ("Sie bekommen das Geld z. B. für die Miete.", "abbreviation 'z. B.'"),
    ("Das steht in § 25 WoGG.", "§ in the text"),
    ("Sie bekommen das Geld; dann zahlen Sie.", "semicolon"),
    ("Sie bekommen das Geld (für die Miete).", "brackets"),
    ("Der Bescheid kommt nach drei Monaten.", "number as a word 'drei'"),
    ("Das Amt heißt: **Wohngeldbewilligungsstelle**.", "long word 'Wohngeldbewilligungsstelle'"),
    ("Das Amt heißt: Wohn\u00adGeld-Stelle.", "soft hyphen"),
])
def test_each_rule_is_reported_at_its_line(bad, rule):
    text = GOOD.replace("Sie bekommen das Geld vom Amt.", bad)
    assert rules_at(text) == [(line_of(text, bad), rule)]


def test_a_page_without_the_self_check_link_is_reported():
    text = GOOD.replace("Prüfen Sie es mit dem [Selbst-Check](../selbstcheck.md).\n", "")
    assert rules_at(text) == [(line_of(text, "# Wohn-Geld"), "no link to the self-check")]


def test_links_placeholders_and_addresses_count_as_what_the_reader_sees():
    """A link's target, a placeholder and a web address are not words of the sentence."""
    text = GOOD.replace("Sie bekommen das Geld vom Amt.",
                        "Sie bekommen {{ param(\"kindergeld.betrag_je_kind\") }} im Monat.\n"
                        "Das geht im Internet: [arbeitsagentur.de](https://www.arbeitsagentur.de/familie-und-kinder/kindergeld)")
    assert rules_at(text) == []


def test_check_reports_leichte_sprache_findings_with_file_and_line(tmp_path):
    folder = tmp_path / "leichte-sprache"
    folder.mkdir()
    page = folder / "wohngeld.de.md"
    page.write_text(GOOD.replace("Sie bekommen das Geld vom Amt.", "Sie bekommen das Geld z. B. vom Amt."),
                    encoding="utf-8")
    problems = check.Problems()
    check.check_page(page, date(2026, 12, 2), problems)
    found = [(p.line, p.rule) for p in problems.errors()]
    assert found == [(line_of(page.read_text(), "z. B."), "leichte-sprache")]


# What issue #15 asks for: every life situation and the ten most-used benefits in Leichte Sprache.
LIFE_SITUATIONS = sorted(p.name.split(".")[0] for p in (ROOT / "content" / "lebenslagen").glob("*.de.md"))
TEN_BENEFITS = ("grundsicherungsgeld", "wohngeld", "kinderzuschlag", "kindergeld", "unterhaltsvorschuss",
                "grundsicherung-im-alter", "bildung-und-teilhabe", "elterngeld", "pflegegeld", "schuldnerberatung")


@pytest.mark.parametrize("page_id", [*LIFE_SITUATIONS, *TEN_BENEFITS])
def test_the_page_exists_in_leichte_sprache_and_follows_the_rules(page_id):
    path = LS_DIR / f"{page_id}.de.md"
    assert path.exists(), f"{path.relative_to(ROOT)} is missing"
    problems = check.Problems()
    check.check_page(path, date(2026, 12, 2), problems)
    assert [str(p) for p in problems.errors()] == []
    text = path.read_text(encoding="utf-8")
    assert "kind: leichte-sprache" in text
    assert "](index.md)" in text, "a way back to the Leichte Sprache start page"


def test_there_are_eleven_life_situations():
    assert len(LIFE_SITUATIONS) == 11


def test_each_line_stays_a_line_when_rendered():
    """Leichte Sprache puts one sentence on each line; Markdown would join them into one paragraph."""
    import markdown

    body = "# Wohn-Geld\n\nWohn-Geld ist Geld vom Staat.\nSie bekommen das Geld für die Miete.\n\n- die Miete,\n- der Strom.\n"
    html = markdown.markdown(leichtesprache.line_breaks(body))
    assert "<p>Wohn-Geld ist Geld vom Staat.<br />\nSie bekommen das Geld für die Miete.</p>" in html
    assert "<li>die Miete,</li>" in html and "<h1>Wohn-Geld</h1>" in html

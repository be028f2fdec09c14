"""Translations against their German pages: provenance, staleness, machinery, glossary."""
import hashlib
from pathlib import Path

import pytest

from sitebuild import check, translations

GERMAN = """---
id: wohngeld
title: Wohngeld
summary: Ein Zuschuss zur Miete.
stand: 2026-11-21
---

## Was ist das?

Wohngeld ist ein Zuschuss. Es wird für {{ param('wohngeld.bewilligungszeitraum_monate') }} bewilligt.
Prüfen Sie es mit dem [Selbstcheck](../selbstcheck.md).

## Wie beantrage ich es?

Stellen Sie den Antrag 2 Monate vor dem Ende (§ 25 WoGG).

{{ zustaendig }}
"""


def english(source_hash: str, method: str = "machine") -> str:
    reviewed = "\n  reviewed_by: A. Lotse" if method == "reviewed" else ""
    return f"""---
id: wohngeld
title: Housing benefit
summary: A subsidy towards the rent.
stand: 2026-11-21
translation:
  source_hash: {source_hash}
  method: {method}
  date: 2026-12-02{reviewed}
---

## What is it?

Housing benefit (Wohngeld) is a subsidy. It is granted for {{{{ param('wohngeld.bewilligungszeitraum_monate') }}}}.
Check it with the [self-check](../selbstcheck.md).

## How do I apply?

Submit the application (Antrag) 2 months before the end (§ 25 WoGG).

{{{{ zustaendig }}}}
"""


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@pytest.fixture
def pages(tmp_path):
    german = tmp_path / "wohngeld.de.md"
    german.write_text(GERMAN, encoding="utf-8")
    return german, tmp_path / "wohngeld.en.md"


def findings(pages, text):
    german, target = pages
    target.write_text(text, encoding="utf-8")
    return [(line, rule, message) for line, rule, message in translations.check(target)]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_a_faithful_translation_passes(pages):
    assert findings(pages, english(digest(GERMAN))) == []


def test_a_broken_placeholder_is_reported_at_its_line(pages):
    text = english(digest(GERMAN)).replace("bewilligungszeitraum_monate') }}", "bewilligungszeitraum_monate') }")
    found = findings(pages, text)
    assert found, "a broken placeholder must be found"
    broken = {line for line, _, message in found if "broken placeholder" in message}
    assert broken == {line_of(text, "It is granted for")}


def test_a_changed_link_target_is_reported_at_its_line(pages):
    text = english(digest(GERMAN)).replace("](../selbstcheck.md)", "](../self-check.md)")
    found = findings(pages, text)
    lines = {line for line, _, message in found if "link target '../self-check.md'" in message}
    assert lines == {line_of(text, "Check it with")}


def test_a_missing_section_is_reported_where_it_should_start(pages):
    text = english(digest(GERMAN)).replace("## How do I apply?\n\n", "")
    found = findings(pages, text)
    headings = [(line, message) for line, _, message in found if message.startswith("heading level")]
    german_line = line_of(GERMAN, "## Wie beantrage ich es?")
    assert headings and f"of the German page (line {german_line}) is missing here" in headings[0][1]
    # the translation ends before the German page's second section would: the report is at its end
    assert headings[0][0] == len(text.splitlines())


def test_a_changed_number_and_section_reference_are_reported(pages):
    text = english(digest(GERMAN)).replace("2 months before the end (§ 25 WoGG)", "3 months before the end (§ 26 WoGG)")
    found = findings(pages, text)
    line = line_of(text, "months before the end")
    assert (line, "translation", "number '3' is not in the German page (or more often than there) "
                                 "(numbers stay as in the German page)") in found
    assert any(message.startswith("§ reference '§ 26'") and at == line for at, _, message in found)


def test_arabic_indic_digits_do_not_pass_for_the_same_number(tmp_path):
    german = tmp_path / "x.de.md"
    german.write_text("---\ntitle: X\n---\n\nEs dauert 2 Monate.\n", encoding="utf-8")
    arabic = tmp_path / "x.ar.md"
    arabic.write_text("---\ntitle: س\ntranslation: {source_hash: %s, method: machine, date: 2026-12-02}\n---\n\n"
                      "يستغرق ذلك ٢ شهرين.\n" % translations.source_hash(german), encoding="utf-8")
    assert any("number '2' of the German page" in message for _, _, message in translations.check(arabic))


def test_a_glossary_term_rendered_otherwise_is_flagged_at_its_line(pages):
    text = english(digest(GERMAN)).replace("Housing benefit (Wohngeld) is", "Housing allowance (Wohngeld) is")
    found = findings(pages, text)
    assert (line_of(text, "Housing allowance"), "glossary",
            "'housing allowance' renders 'Wohngeld' otherwise than the glossary: write 'housing benefit'") in found


def test_the_german_term_must_stay_beside_the_translation(pages):
    text = english(digest(GERMAN)).replace("Housing benefit (Wohngeld) is", "Housing benefit is")
    assert any("keep the German word, e.g. 'housing benefit (Wohngeld)'" in m for _, _, m in findings(pages, text))


def test_a_changed_german_source_marks_its_translation_stale(pages):
    german, target = pages
    target.write_text(english(translations.source_hash(german)), encoding="utf-8")
    assert translations.status(german.parent, ["de", "en"]) == [{"page": "wohngeld", "en": "machine"}]
    german.write_text(GERMAN.replace("2 Monate", "2 Monate (neu)"), encoding="utf-8")
    found = list(translations.check(target))
    assert [(line, rule) for line, rule, _ in found] == [(line_of(target.read_text(), "translation:"), "stale-translation")]
    assert translations.status(german.parent, ["de", "en"]) == [{"page": "wohngeld", "en": "stale"}]
    # check warns and goes on: a German fix must not wait for every translation
    problems = check.Problems()
    check.check_translation(target, problems)
    assert problems.warnings and not problems.errors()


def test_a_translation_without_provenance_is_an_error(pages):
    text = english("x").replace("translation:\n  source_hash: x\n  method: machine\n  date: 2026-12-02\n", "")
    found = findings(pages, text)
    assert [(line, rule) for line, rule, _ in found] == [(1, "translation")]


def test_every_translation_in_content_keeps_its_german_machinery():
    """The real pages: every translation passes (stale ones are allowed, they are shown as stale)."""
    content = Path(translations.ROOT / "content")
    bad = []
    for path in sorted(content.rglob("*.md")):
        if translations.source_of(path) is None:
            continue
        bad += [f"{path.relative_to(content)}:{line}: {message}"
                for line, rule, message in translations.check(path) if rule != "stale-translation"]
    assert bad == []


def test_a_catalog_string_that_renders_a_glossary_term_otherwise_is_flagged(tmp_path):
    po = tmp_path / "messages.po"
    po.write_text('msgid "x"\nmsgstr "Apply for housing allowance (Wohngeld)"\n', encoding="utf-8")
    assert list(translations.catalog_findings(po, "en")) == [
        (2, "glossary", "'housing allowance' renders 'Wohngeld' otherwise than the glossary: write 'housing benefit'")]


def test_the_catalogs_follow_the_glossary():
    bad = [f"{po}:{line}: {message}" for po in sorted((translations.ROOT / "locales").glob("*/LC_MESSAGES/messages.po"))
           for line, _, message in translations.catalog_findings(po, po.parents[1].name)]
    assert bad == []


def test_an_idiom_with_the_word_is_not_the_glossary_term():
    # locales/glossary.yml, idioms: "Bescheid sagen" means "to let someone know", not the letter
    assert not translations.uses_term("Sagen Sie Ihrem Arbeitgeber sofort Bescheid, dass Sie krank sind.", "Bescheid")
    assert not translations.uses_term("Bitte geben Sie uns Bescheid.", "Bescheid")
    assert translations.uses_term("Geben Sie den Bescheid beim Jobcenter ab.", "Bescheid")
    assert translations.uses_term("Sagen Sie Bescheid. Prüfen Sie den Bescheid.", "Bescheid")
    page = translations.Page("---\ntitle: Ill\n---\n\nTell your employer straight away.\n")
    german = "Sagen Sie Ihrem Arbeitgeber sofort Bescheid."
    assert not [m for _, _kind, m in translations.glossary_findings(german, page, "en") if "Bescheid" in m]
    assert [m for _, _kind, m in translations.glossary_findings("Prüfen Sie den Bescheid.", page, "en") if "Bescheid" in m]

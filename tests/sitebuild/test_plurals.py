"""msgid_plural in the catalogs: no "1 Stellen gefunden" / "1 offices found".

Expected forms: CLDR plural rules (de/en one = 1; ar zero 0, one 1, two 2, few 3-10, many 11-99, other 100-102),
as encoded by each messages.po's Plural-Forms header.
"""
import re

from babel.messages.pofile import read_po

from sitebuild.catalogs import catalog_path, ngettext, plurals, translator


def test_german_and_english_singular_and_plural():
    assert ngettext("de", "local.filter_count", 1) == "1 Stelle gefunden"
    assert ngettext("de", "local.filter_count", 2) == "2 Stellen gefunden"
    assert ngettext("de", "local.filter_count", 0) == "0 Stellen gefunden"
    assert ngettext("en", "local.filter_count", 1) == "1 office found"
    assert ngettext("en", "local.filter_count", 7) == "7 offices found"


def test_arabic_has_six_forms():
    forms = plurals("ar")["local.filter_count"]
    assert set(forms) == {"zero", "one", "two", "few", "many", "other"}
    assert ngettext("ar", "local.filter_count", 0) == forms["zero"]
    assert ngettext("ar", "local.filter_count", 1) == forms["one"]
    assert ngettext("ar", "local.filter_count", 2) == forms["two"]
    assert ngettext("ar", "local.filter_count", 5) == "تم العثور على 5 جهات"      # few: plural noun
    assert ngettext("ar", "local.filter_count", 11) == "تم العثور على 11 جهة"     # many: singular noun
    assert ngettext("ar", "local.filter_count", 100) == forms["other"].format(n=100)


def test_component_hands_the_forms_to_the_page_script():
    import html
    import json
    import re

    from sitebuild.components import examples, render

    example = examples("office_filter")[0]
    out = str(render("office_filter", lang="ar", **example["context"]))
    forms = json.loads(html.unescape(re.search(r"data-forms='([^']*)'", out).group(1)))
    assert forms == plurals("ar")["local.filter_count"]


# -- the self-check's messages --------------------------------------------------------------------

from babel import Locale

from sitebuild.catalogs import CLDR_ORDER
from tests.catalogs import LANGUAGES

# every catalog: as many forms as CLDR has plural categories for its language (Polish 4, Arabic 6),
# which is not always gettext's count (Babel's Plural-Forms says 1 for Persian, 2 for Italian)
FORMS = {lang: len([c for c in CLDR_ORDER if c in Locale.parse(lang).plural_form.tags | {"other"}]) for lang in LANGUAGES}
assert FORMS["de"] == 2 and FORMS["ar"] == 6 and FORMS["pl"] == 4


def _entries(lang):
    with catalog_path(lang).open("rb") as fh:
        return [m for m in read_po(fh, locale=lang) if m.id]


def _names(text):
    return set(re.findall(r"{(\w+)}", text))


def test_each_catalogs_plural_forms_header_counts_the_cldr_categories():
    for lang in LANGUAGES:
        with catalog_path(lang).open("rb") as fh:
            assert read_po(fh, locale=lang).num_plurals == FORMS[lang], lang


def test_every_plural_entry_has_its_languages_forms_with_the_same_placeholders():
    keys = {lang: {m.id[0]: m for m in _entries(lang) if m.pluralizable} for lang in FORMS}
    assert len(keys["de"]) > 20
    for lang, entries in keys.items():
        assert set(entries) == set(keys["de"]), lang   # a key is a plural entry in every language
        for key, m in entries.items():
            assert m.id == (key, key), (lang, key)
            assert len(m.string) == FORMS[lang], (lang, key)
            other = _names(m.string[-1])
            assert other == _names(keys["de"][key].string[-1]), (lang, key)
            for i, form in enumerate(m.string):
                # Arabic's zero, one and two forms may say the number in words ("طفلان") instead of {count}
                missing = other - _names(form)
                assert not (_names(form) - other), (lang, key, i)
                assert not missing or (lang == "ar" and i <= 2 and len(missing) == 1), (lang, key, i, missing)


# A count followed by a noun that has a singular: only in a msgid_plural entry.
COUNTED = {
    "de": r"\{\w+\} (Kinder|Kind|Personen|Person|Erwachsene|Monate|Monaten|Monat|Jahre|Jahren|Jahr|Ebenen|Stellen)\b",
    "en": r"\{\w+\} (children|child|people|persons|person|adults|months|month|years|year|levels|offices)\b",
}


def test_no_counted_noun_outside_a_plural_entry():
    for lang, pattern in COUNTED.items():
        found = [(m.id, m.string) for m in _entries(lang)
                 if not m.pluralizable and re.search(pattern, m.string)]
        assert found == [], lang


def test_python_translator_chooses_the_form_by_the_count():
    de, en, ar = translator("de"), translator("en"), translator("ar")
    assert de("kindergeld.total", children=1) == "Kindergeld für 1 Kind"
    assert de("kindergeld.total", children=2) == "Kindergeld für 2 Kinder zusammen"
    assert en("kindergeld.total", children=1) == "Child benefit for 1 child"
    assert en("kindergeld.total", children=4) == "Child benefit for 4 children together"
    assert ar("kindergeld.total", children=2) == "إعانة الأطفال لطفلين معًا"            # two: dual
    assert ar("kindergeld.total", children=3) == "إعانة الأطفال لـ 3 أطفال معًا"        # few: plural
    assert ar("kindergeld.total", children=11) == "إعانة الأطفال لـ 11 طفلًا معًا"      # many: singular accusative
    assert ar("kindergeld.total", children=100) == "إعانة الأطفال لـ 100 طفل معًا"      # other: singular
    # the count is the first placeholder with a number; a label passed as text does not count
    assert de("selfcheck.person_child", n="3", age=1) == "Kind 3 (1 Jahr)"
    assert de("sgb2.kdu_limit_source", persons=1, limit=500.0, valid_from="2026-01-01", source="Stadt").startswith(
        "Mietobergrenze für 1 Person: 500.0 €")
    assert "True Monate" in de("selfcheck.paid_back", months=True)  # a bool is no count: the "other" form
    assert de("kindergeld.total") == "Kindergeld für {children} Kinder zusammen"


def test_the_self_check_page_gets_the_forms():
    from sitebuild.selfcheckpage import catalog

    table = catalog("ar")
    assert table["kindergeld.total"] == plurals("ar")["kindergeld.total"]
    assert set(table["kindergeld.total"]) == {"zero", "one", "two", "few", "many", "other"}
    assert isinstance(table["selfcheck.submit"], str)

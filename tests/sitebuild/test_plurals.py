"""msgid_plural in the catalogs: no "1 Stellen gefunden" / "1 offices found".

Expected forms: CLDR plural rules (de/en one = 1; ar zero 0, one 1, two 2, few 3-10, many 11-99, other 100-102),
as encoded by each messages.po's Plural-Forms header.
"""
from sitebuild.catalogs import ngettext, plurals


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

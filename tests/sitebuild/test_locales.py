"""Every language a site offers is a locale Babel knows and a language the theme has strings for
(Material's own, or overrides/partials/languages/<code>.html where Material has none: ku, ti),
and its amounts and dates come out with digits 0-9 as the German letters people get have them."""
import re
from datetime import date
from pathlib import Path

import material
import pytest
from babel import Locale
from babel.dates import format_date

from sitebuild import fonts, sites
from sitebuild.placeholders import format_value
from tests.conftest import ROOT

LANGUAGES = sorted({lang for site in (None, "sites/kreis-offenbach") for lang in sites.load_site(site).languages}
                   | {"ku", "ti", "it"})
THEME = Path(material.__file__).parent / "templates" / "partials" / "languages"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_babel_knows_the_language_and_writes_western_digits(lang):
    locale = Locale.parse(lang)
    assert locale.get_display_name(lang)
    # as the pages write amounts (sitebuild/placeholders.py): 1234.5 € and 563 € in this language
    for value, digits in ((1234.5, "123450"), (563, "563")):
        amount = format_value(value, "EUR", lang)
        assert re.sub(r"[^0-9]", "", amount) == digits, amount   # digits 0-9 and no others
        assert "€" in amount or "EUR" in amount, amount
    day = format_date(date(2026, 12, 2), "long", locale=lang)
    assert "2026" in day and "2" in day.replace("2026", ""), day  # Gregorian, digits 0-9
    assert not re.search(r"[\u0660-\u0669\u06f0-\u06f9\u1369-\u137c]", amount + day)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_theme_has_strings_for_the_language(lang):
    own = ROOT / "overrides" / "partials" / "languages" / f"{lang}.html"
    assert (THEME / f"{lang}.html").exists() or own.exists()
    if own.exists():  # translated, not Material's English
        text = own.read_text(encoding="utf-8")
        assert f'"language": "{lang}"' in text and '"search.placeholder": "Search"' not in text


def test_right_to_left_languages_get_the_arabic_font_and_tigrinya_the_ethiopic():
    for lang in LANGUAGES:
        if Locale.parse(lang).character_order == "right-to-left":
            assert fonts.font_for(lang) == "noto-sans-arabic", lang
    assert fonts.font_for("ti") == "noto-sans-ethiopic"
    assert fonts.font_for("de") is None and fonts.font_for("bg") is None

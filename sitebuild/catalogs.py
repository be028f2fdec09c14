"""User-interface strings from Babel message catalogs (locales/<lang>/LC_MESSAGES/messages.po).

msgids are stable keys (``selfcheck.submit``, ``kindergeld.child``). Templates use the
translator at build time; the self-check page embeds its language's strings as JSON for
the browser. A missing translation falls back to German, never to an empty string.

Plurals: a message with a noun after a count is a msgid_plural entry (``msgid_plural`` repeats the key),
with a language's forms in gettext order (de/en one, other; ar zero, one, two, few, many, other).
The count is the first ``{name}`` placeholder of the "other" form whose value is a number (not a
bool); a number that only labels ("Kind {n}") is passed as text. The form is chosen by Babel's
plural rule for the language (``Locale.parse(lang).plural_form(n)``) here and by ``Intl.PluralRules``
in the page scripts (overrides/assets/js/selfcheck/text.js ``translator``), which get the forms as
``{CLDR category: text}`` in place of the key's text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from numbers import Number
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

from . import ROOT

LOCALES_DIR = ROOT / "locales"
SOURCE_LANGUAGE = "de"


def catalog_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"


@lru_cache(maxsize=None)
def messages(lang: str) -> dict[str, str]:
    """All translated strings of a language, German filling the gaps."""
    merged = {} if lang == SOURCE_LANGUAGE else dict(messages(SOURCE_LANGUAGE))
    path = catalog_path(lang)
    if path.exists():
        with path.open("rb") as fh:
            for msg in read_po(fh, locale=lang):
                if msg.pluralizable and not msg.fuzzy and all(msg.string):
                    merged[msg.id[0]] = msg.string[-1]  # the plain key reads the "other" form
                elif msg.id and msg.string and not msg.fuzzy:
                    merged[msg.id] = msg.string
    return merged


# gettext numbers a language's plural forms in CLDR's order of categories
CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


@lru_cache(maxsize=None)
def plurals(lang: str) -> dict[str, dict[str, str]]:
    """msgid_plural entries as {key: {CLDR category: text}}, for ngettext and Intl.PluralRules."""
    merged = {} if lang == SOURCE_LANGUAGE else {k: dict(v) for k, v in plurals(SOURCE_LANGUAGE).items()}
    path = catalog_path(lang)
    if path.exists():
        tags = Locale.parse(lang).plural_form.tags | {"other"}
        categories = [c for c in CLDR_ORDER if c in tags]
        with path.open("rb") as fh:
            for msg in read_po(fh, locale=lang):
                if msg.pluralizable and not msg.fuzzy and all(msg.string):
                    merged[msg.id[0]] = dict(zip(categories, msg.string))
    return merged


def count_of(forms: dict[str, str], args: dict):
    """The count of a plural message: its "other" form's first placeholder whose value is a number."""
    for name in re.findall(r"{(\w+)}", forms["other"]):
        value = args.get(name)
        if isinstance(value, Number) and not isinstance(value, bool):
            return value
    return None


def form_for(lang: str, forms: dict[str, str], n) -> str:
    """The form of a plural message for the count ``n`` by Babel's plural rule for ``lang``."""
    return forms.get(Locale.parse(lang).plural_form(n)) or forms["other"]


def ngettext(lang: str, key: str, n: int, **args) -> str:
    """The form of ``key`` for the count ``n`` in ``lang`` ("1 Stelle", "2 Stellen"), ``{n}`` filled in."""
    forms = plurals(lang).get(key)
    if not forms:
        return translator(lang)(key, n=n, **args)
    return form_for(lang, forms, n).format(n=n, **args)


def translator(lang: str):
    table = messages(lang)
    forms_of = plurals(lang)

    def t(key: str, **args) -> str:
        text = table.get(key, key)
        if key in forms_of:  # a plural entry: the form for its count (see the module's docstring)
            n = count_of(forms_of[key], args)
            if n is not None:
                text = form_for(lang, forms_of[key], n)
        return text.format(**args) if args else text

    t.forms = lambda key: plurals(lang).get(key, {})  # for a page script's Intl.PluralRules
    t.n = lambda key, n, **args: ngettext(lang, key, n, **args)
    return t

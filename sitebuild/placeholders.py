"""Fill the placeholders editors write in Markdown, so no amount or office is typed twice.

- ``{{ param("kindergeld.betrag_je_kind") }}``: the value in force on the build date,
  formatted for the page's language (file.key, or file.key.subkey inside a table).
- ``{{ param_table("grundsicherungsgeld.vermoegen_freibetrag_nach_alter", "Alter", "Betrag") }}``:
  a parameter keyed by age ("0", "30", ...) as a two-column Markdown table, one row per age band,
  so a table of the law never repeats the parameter's numbers by hand.
- ``{{ unterlagen }}``: the page's ``documents`` front matter as a list.
- ``{{ zustaendig }}``: the local offices responsible for this page's benefit.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency, format_decimal, format_percent
from babel.units import format_unit

from selfcheck.params import Params

PARAM_RE = re.compile(r"\{\{\s*param\(\s*[\"']([a-z0-9_.-]+)[\"']\s*\)\s*\}\}")
UNTERLAGEN_RE = re.compile(r"\{\{\s*unterlagen\s*\}\}")
TABLE_RE = re.compile(r"\{\{\s*param_table\(\s*[\"']([a-z0-9_.-]+)[\"']\s*,\s*[\"']([^\"']+)[\"']"
                      r"\s*,\s*[\"']([^\"']+)[\"']\s*\)\s*\}\}")
ZUSTAENDIG_RE = re.compile(r"\{\{\s*zustaendig\s*\}\}")


class PlaceholderError(LookupError):
    pass


def resolve(ref: str, day: date, data: dict | None = None):
    """Return (value, parameter Value) for ``file.key[.sub...]`` on ``day``."""
    parts = ref.split(".")
    if len(parts) < 2:
        raise PlaceholderError(f"param reference '{ref}' needs file.key")
    try:
        found = Params(day, data).get(parts[0], parts[1])
    except (KeyError, LookupError) as exc:
        raise PlaceholderError(f"unknown parameter '{ref}'") from exc
    value = found.value
    for sub in parts[2:]:
        if isinstance(value, dict) and sub in value:
            value = value[sub]
        elif isinstance(value, dict) and sub.isdigit() and int(sub) in value:
            value = value[int(sub)]
        elif isinstance(value, list) and sub.isdigit() and int(sub) < len(value):
            value = value[int(sub)]
        else:
            raise PlaceholderError(f"unknown parameter '{ref}' (no '{sub}')")
    if not isinstance(value, (int, float)):
        raise PlaceholderError(f"parameter '{ref}' is a table, not a single value")
    return value, found


def format_value(value, unit: str, lang: str) -> str:
    number = Decimal(str(value))
    if unit.startswith("EUR"):
        pattern = None
        if number == number.to_integral_value():
            # whole euros read better without ",00"
            pattern = Locale.parse(lang).currency_formats["standard"].pattern.replace(".00", "")
        return format_currency(number, "EUR", format=pattern, locale=lang, currency_digits=pattern is None)
    if unit == "percent":
        return format_percent(number / 100, locale=lang, format="#,##0.##%")
    if unit == "share":  # 0.17 in the law's arithmetic, "17 %" for readers
        return format_percent(number, locale=lang, format="#,##0.##%")
    text = format_decimal(number, locale=lang)
    if unit in ("", "number"):
        return text
    return format_unit_value(number, unit, lang) or f"{text} {unit}"


# Our units as CLDR units (babel.units): plural forms per language come from CLDR
# ("1 Monat", "6 Monate"; Arabic "شهر", "6 أشهر", "11 شهرًا"), not from a table of our own.
CLDR_UNITS = {"years": ("duration-year", "long"), "months": ("duration-month", "long"),
              "weeks": ("duration-week", "long"), "days": ("duration-day", "long"),
              "hours": ("duration-hour", "long"), "m2": ("area-square-meter", "short")}


def format_unit_value(number: Decimal, unit: str, lang: str) -> str | None:
    """``number`` with its unit in ``lang``, or None for a unit CLDR does not name."""
    if unit not in CLDR_UNITS:
        return None
    cldr, length = CLDR_UNITS[unit]
    for form in (length, "short"):  # Babel's data lacks some long forms (Arabic months, days)
        text = format_unit(number, cldr, length=form, locale=lang)
        if cldr not in text:
            return text
    return None


def fill_params(markdown: str, lang: str, day: date) -> str:
    def repl(match: re.Match) -> str:
        value, found = resolve(match.group(1), day)
        return format_value(value, found.unit, lang)

    return PARAM_RE.sub(repl, fill_tables(markdown, lang, day))




def age_table(ref: str, lang: str, day: date, heads: tuple[str, str], data: dict | None = None) -> str:
    """Markdown table of an age-keyed parameter: "under 30 / from 30 / ..."."""
    parts = ref.split(".")
    try:
        found = Params(day, data).get(parts[0], parts[1]) if len(parts) == 2 else None
    except (KeyError, LookupError) as exc:
        raise PlaceholderError(f"unknown parameter '{ref}'") from exc
    if found is None or not isinstance(found.value, dict) \
            or not all(str(k).isdigit() for k in found.value):
        raise PlaceholderError(f"parameter '{ref}' is not a table keyed by age")
    ages = sorted(int(k) for k in found.value)
    from .catalogs import translator  # the age bands are interface strings of every language

    t = translator(lang)
    rows = [f"| {heads[0]} | {heads[1]} |", "|---|---|"]
    for i, age in enumerate(ages):
        label = t("table.age_under", age=ages[1]) if age == 0 and len(ages) > 1 else t("table.age_from", age=age)
        rows.append(f"| {label} | {format_value(found.value[str(age)], found.unit, lang)} |")
    return "\n".join(rows)


def fill_tables(markdown: str, lang: str, day: date) -> str:
    return TABLE_RE.sub(lambda m: age_table(m.group(1), lang, day, (m.group(2), m.group(3))), markdown)


def fill_documents(markdown: str, documents: list[str]) -> str:
    listing = "\n".join(f"- {doc}" for doc in documents or [])
    return UNTERLAGEN_RE.sub(lambda _: "\n" + listing + "\n", markdown)


def fill_offices(markdown: str, render) -> str:
    return ZUSTAENDIG_RE.sub(lambda _: render(), markdown)

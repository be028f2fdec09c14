"""What one guide says, as plain data: the same dict feeds the Typst templates (as JSON) and the
HTML components, so the PDF, the web page and the QR target say the same thing.

Every text is a pair ``{"text", "lang", "de"}``: the guide's language (German where a page is
not translated yet, marked so) and, in a bilingual guide, the German beside it. Office facts
stay as published (German); unknown facts read "please ask" in the guide's language.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, get_day_names

from .. import ROOT
from ..catalogs import messages, translator
from ..frontmatter import split_front_matter
from ..localdata import DAY_CODES, LocalData
from .. import yamlio

CONTENT_DIR = ROOT / "content"
RTL = {"ar", "fa", "he", "ur", "ps", "ckb"}
# Runs that must read left to right inside right-to-left text: § references, times (ranges),
# phone numbers, postcodes. Wrapped in Unicode isolates (LRI … PDI), which both Typst's and the
# browser's bidi algorithm honour; otherwise "02365 123-456" prints as "456-123 02365".
LTR_RUN = re.compile(
    r"§§?\s?\d+[a-z]?(?:\s?(?:Abs\.|Satz|Nr\.)\s?\d+)*(?:\s(?:SGB\s[IVX]+|[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*G\b))?"
    r"|\d{1,2}:\d{2}(?:\s?\u2060?[–-]\u2060?\s?\d{1,2}:\d{2})?"
    r"|\+?\d[\d /()-]{4,}\d"
    r"|\b\d{5}\b")
LRI, PDI = "\u2066", "\u2069"


def isolate_ltr(text: str, lang: str) -> str:
    if lang not in RTL or not text:
        return text
    return LTR_RUN.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", text)


def load_config(site) -> dict:
    path = site.dir / "wegweiser.yml"
    return yamlio.load(path.read_text(encoding="utf-8")) if path.exists() else {"audiences": []}


def page_meta(site, topic: str, lang: str) -> tuple[dict, str] | None:
    return _page_meta(site.dir, site.data.get("land"), topic, lang)


@lru_cache(maxsize=None)
def _page_meta(site_dir: Path, site_land: str | None, topic: str, lang: str) -> tuple[dict, str] | None:
    """Front matter of a benefit page in ``lang`` if translated, else German; a municipality's own
    page (sites/<id>/pages/) wins. None for a page that does not exist or is another Land's law."""
    for lg in dict.fromkeys((lang, "de")):
        for base in (site_dir / "pages", CONTENT_DIR):
            path = base / "leistungen" / f"{topic}.{lg}.md"
            if path.exists():
                parts = split_front_matter(path.read_text(encoding="utf-8"))
                meta = (yamlio.load(parts[0]) if parts else None) or {}
                land = meta.get("land")
                if land and site_land and land != site_land and base == CONTENT_DIR:
                    return None
                return meta, lg
    return None


def page_url(site, town_id: str, lang: str) -> str | None:
    """The town page in ``lang``: what the QR code opens. None without a base_url (a copy not yet
    hosted): the guide then prints neither a QR code nor an address, rather than one of this machine."""
    base = site.data.get("base_url")
    if not base:
        return None
    base = base if base.endswith("/") else base + "/"
    prefix = "" if lang == "de" else f"{lang}/"
    return f"{base}{prefix}orte/{town_id}/"


class Texts:
    """Catalog strings of the guide's language with the German beside them when bilingual."""

    def __init__(self, lang: str, bilingual: bool):
        self.lang, self.bilingual = lang, bilingual and lang != "de"
        self.t, self.de = translator(lang), translator("de")

    def pair(self, text: str, text_lang: str, german: str | None) -> dict:
        # German beside it, unless it says the same (or is already in it, as in "… (Wohngeld)")
        de = german if self.bilingual and german and german not in text else None
        if de and self.lang in RTL:  # the German beside right-to-left text keeps its own order ("Wohin gehen?")
            de = f"{LRI}{de}{PDI}"
        return {"text": isolate_ltr(text, text_lang), "lang": text_lang,
                "dir": "rtl" if text_lang in RTL else "ltr", "de": de}

    def __call__(self, key: str, **args) -> dict:
        text_lang = self.lang if key in messages(self.lang) else "de"
        return self.pair(self.t(key, **args), text_lang, self.de(key, **args))

    def one(self, key: str, **args) -> str:
        return self.t(key, **args)


def _hours(entries, lang: str) -> str | None:
    if not entries:
        return None
    names = get_day_names("abbreviated", locale=lang)
    days = {code: names[i] for i, code in enumerate(DAY_CODES)}
    sep = "، " if lang == "ar" else ", "
    # word joiners keep "09:00–12:00" on one line
    return "; ".join(f"{sep.join(days[d] for d in e['days'])} {e['opens']}\u2060–\u2060{e['closes']}" for e in entries)


def _short_web(url: str) -> str:
    """A web address short enough to print: the whole address, or its host when that is long."""
    bare = re.sub(r"^https?://", "", url).rstrip("/")
    return bare if len(bare) <= 40 else bare.split("/")[0]


def office_rows(office: dict, tx: Texts) -> tuple[list[dict], dict | None]:
    """Label/value rows of the facts known about an office, and one "please ask" row naming the
    facts that are not (so an unknown address reads "Address … please ask")."""
    lang = tx.lang
    label = lambda key: tx.pair(tx.one(key), lang if key in messages(lang) else "de", None)  # noqa: E731
    value = lambda text: {"text": isolate_ltr(text, lang), "lang": "de", "dir": "ltr", "de": None}  # noqa: E731
    rows, unknown = [], []

    def row(key: str, val: dict | None):
        if val is None:
            unknown.append(tx.one(key))
        else:
            rows.append({"label": label(key), "value": val})

    addr = office.get("address") or {}
    city = f"{addr.get('postcode') or ''} {addr.get('city') or ''}".strip()
    lines = [x for x in (addr.get("street"), city) if x]
    row("office.address", value(", ".join(lines)) if lines else None)
    appointment = office.get("appointment") or {}
    hours = _hours(office.get("opening_hours"), lang)
    if office.get("opening_hours") == [] or appointment.get("required"):
        hours = (hours + "; " if hours else "") + tx.one("office.appointment_only")
    row("office.hours", tx.pair(hours, lang, None) if hours else None)
    row("office.phone", value(office["phone"]) if office.get("phone") else None)
    phone_hours = _hours(office.get("phone_hours"), lang)
    if phone_hours:
        row("office.phone_hours", tx.pair(phone_hours, lang, None))
    if office.get("email"):
        row("office.email", value(office["email"]))
    elif office.get("website"):
        row("office.website", value(_short_web(office["website"])))
    if office.get("languages"):
        names = Locale.parse(lang).languages
        row("office.languages", tx.pair(", ".join(names.get(c, c) for c in office["languages"]), lang, None))
    free = office.get("barrier_free")
    row("office.barrier_free", tx("office.yes" if free else "office.no") if free is not None else None)
    ask = None
    if unknown:
        sep = "، " if lang in RTL else ", "
        ask = {"label": tx("office.ask"), "value": tx.pair(sep.join(unknown), lang, None)}
    return rows, ask


def guide(site, local: LocalData, town: dict, audience: dict, lang: str, bilingual: bool) -> dict:
    tx = Texts(lang, bilingual)
    offices: list[dict] = []  # in order of first mention
    numbers: dict[str, int] = {}

    def number(office: dict) -> int:
        if office["id"] not in numbers:
            numbers[office["id"]] = len(numbers) + 1
            offices.append(office)
        return numbers[office["id"]]

    dates: list[date] = []
    groups = []
    for group in audience["groups"]:
        topics = []
        for topic in group["topics"]:
            found = page_meta(site, topic, lang)
            if not found:
                continue
            meta, meta_lang = found
            german = page_meta(site, topic, "de")[0]
            if isinstance(german.get("stand"), date):
                dates.append(german["stand"])
            key = f"wegweiser.topic.{topic}"
            if meta_lang == lang:
                title = tx.pair(str(meta["title"]), lang, str(german["title"]))
            else:
                title = tx(key) if key in messages("de") else tx.pair(str(german["title"]), "de", None)
            summary = tx.pair(str(meta.get("summary") or ""), meta_lang, str(german.get("summary") or ""))
            docs = [str(d) for d in (meta.get("documents") or [])]
            resolution = local.responsible(topic, town["id"])
            topics.append({
                "id": topic, "title": title, "summary": summary,
                "documents": tx.pair("; ".join(docs), meta_lang, None) if docs else None,
                "offices": [number(o) for o in resolution.offices],
                "ask": None if resolution.known else tx("wegweiser.ask_town", town=town["name"]),
                "general": [number(o) for o in resolution.general],
                "german_only": meta_lang != lang,
            })
        if topics:
            groups.append({"title": tx(f"wegweiser.group.{group['id']}"), "topics": topics})

    lotse = [number(o) for o in local.general_contacts(town["id"])] if audience.get("lotse") else []
    served = {n: [] for n in numbers.values()}
    for group in groups:
        for topic in group["topics"]:
            for n in topic["offices"]:
                served[n].append(topic["title"]["text"])
    office_list = []
    for office in offices:
        if isinstance(office.get("verified"), date):
            dates.append(office["verified"])
        rows, ask = office_rows(office, tx)
        office_list.append({
            "no": numbers[office["id"]], "name": office["name"],
            "type": tx(f"officetype.{office['type']}"),
            "rows": rows, "ask": ask,
            "topics": served[numbers[office["id"]]],
        })
    stand = max(dates) if dates else None
    name = site.data["name"]
    imprint = tx.pair(tx.one("wegweiser.imprint", name=name.get(lang, name["de"])), lang,
                      tx.de("wegweiser.imprint", name=name["de"]))
    url = page_url(site, town["id"], lang)
    return {
        "lang": lang, "dir": "rtl" if lang in RTL else "ltr", "bilingual": tx.bilingual,
        "town": town["name"], "audience_id": audience["id"],
        "title": tx("wegweiser.title", town=town["name"]),
        "audience": tx(f"wegweiser.audience.{audience['id']}"),
        "groups": groups, "offices": office_list, "lotse": lotse,
        "labels": {k: tx(f"wegweiser.{k}") for k in ("offices", "documents", "where", "lotse",
                                                     "qr", "no_advice", "in_german")},
        "stand": tx.pair(tx.one("wegweiser.stand", date=format_date(stand, "long", locale=lang)), lang,
                         tx.de("wegweiser.stand", date=format_date(stand, "long", locale="de")))
        if stand else tx("wegweiser.stand", date=tx.one("office.ask")),
        "stand_iso": stand.isoformat() if stand else None,
        "imprint": imprint,
        "imprint_url": site.data.get("imprint_url"),
        "url": url,
    }


def variants(site) -> list[tuple[str, bool]]:
    """(language, bilingual) of every guide: German alone, and each other language beside German."""
    return [("de", False)] + [(lang, True) for lang in site.languages if lang != "de"]


def language_name(code: str, in_lang: str) -> str:
    return Locale.parse(in_lang).languages.get(code, code)


def stem(audience_id: str, lang: str, bilingual: bool) -> str:
    return f"{audience_id}-{lang}-de" if bilingual else f"{audience_id}-de"



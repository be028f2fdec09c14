"""Render the local offices responsible for a benefit from the site's office data.

Unknown facts stay unknown: a missing phone or opening time renders as "please ask",
never as a guess.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

TEXT = {
    "de": {"ask": "bitte erfragen", "phone": "Telefon", "hours": "Öffnungszeiten", "none":
           "Für diese Leistung haben wir noch keine geprüfte Stelle vor Ort. Bitte fragen Sie bei Ihrer Stadtverwaltung nach.",
           "source": "Quelle", "checked": "geprüft am"},
    "en": {"ask": "please ask", "phone": "Phone", "hours": "Opening hours", "none":
           "We have no verified local office for this benefit yet. Please ask your town hall.",
           "source": "Source", "checked": "checked on"},
    "ar": {"ask": "يرجى الاستفسار", "phone": "الهاتف", "hours": "ساعات العمل", "none":
           "لا توجد لدينا بعد جهة محلية موثقة لهذه المساعدة. يرجى السؤال في البلدية.",
           "source": "المصدر", "checked": "تم التحقق في"},
}
DAYS = {"mo": "Mo", "tu": "Di", "we": "Mi", "th": "Do", "fr": "Fr", "sa": "Sa", "su": "So"}


@lru_cache(maxsize=8)
def load(site_dir: str | None) -> list[dict]:
    if not site_dir:
        return []
    path = Path(site_dir) / "offices.yml"
    if not path.exists():
        return []
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("offices", []) or []


def responsible(offices: list[dict], benefit: str | None, office_type: str | None) -> list[dict]:
    return [o for o in offices
            if benefit in (o.get("benefits") or []) or (office_type and o.get("type") == office_type
                                                         and not o.get("benefits"))]


def _hours(entries) -> str | None:
    if not entries:
        return None
    return "; ".join(f"{'/'.join(DAYS.get(d, d) for d in e['days'])} {e['opens']}–{e['closes']}" for e in entries)


def render_responsible(site_dir: str | None, meta: dict, lang: str) -> str:
    text = TEXT.get(lang, TEXT["de"])
    found = responsible(load(site_dir), meta.get("id"), meta.get("office_type"))
    if not found:
        return f"\n!!! info \"\"\n    {text['none']}\n"
    lines = []
    for office in found:
        addr = office.get("address") or {}
        address = ", ".join(x for x in (addr.get("street"), f"{addr.get('postcode', '')} {addr.get('city', '')}".strip()) if x)
        lines.append(f"- **{office['name']}**  ")
        lines.append(f"  {address or text['ask']}  ")
        lines.append(f"  {text['phone']}: {office.get('phone') or text['ask']}  ")
        lines.append(f"  {text['hours']}: {_hours(office.get('opening_hours')) or text['ask']}  ")
        lines.append(f"  <small>{text['source']}: <{office['source']}>, {text['checked']} {office['verified']}</small>")
    return "\n" + "\n".join(lines) + "\n"

"""Local (municipal) data: Wohngeld Mietstufe and SGB II housing-cost limits per town.

``from_towns_yaml`` turns a site's ``towns.yml`` (already parsed) into the plain dict the
engine takes; ``town_data`` and ``kdu_limit`` answer the programs' questions. A missing
value stays missing: the programs then answer ``needs_advice``, never a guessed number.
"""
from __future__ import annotations

from decimal import Decimal


def _value(entry):
    """``{value: 2, valid_from: ...}`` -> 2; a bare value passes; null stays None."""
    if isinstance(entry, dict) and "value" in entry:
        return entry["value"]
    return entry


def from_towns_yaml(data: dict) -> dict:
    """Convert ``{towns: [{id, name, wohngeld_mietstufe, kdu}, ...]}`` to ``{"towns": {id: {...}}}``."""
    towns = {}
    for entry in (data or {}).get("towns", []) or []:
        if not isinstance(entry, dict) or not entry.get("id"):
            continue
        mietstufe = _value(entry.get("wohngeld_mietstufe"))
        kdu = entry.get("kdu")
        kdu_out = None
        if isinstance(kdu, dict) and isinstance(kdu.get("bruttokaltmiete"), dict):
            kdu_out = {
                "bruttokaltmiete": {str(k): float(v) for k, v in kdu["bruttokaltmiete"].items()
                                    if v is not None},
                "je_weitere_person": (float(kdu["je_weitere_person"])
                                      if kdu.get("je_weitere_person") is not None else None),
            }
            if kdu.get("heizkosten") is not None:
                kdu_out["heizkosten"] = kdu["heizkosten"]
            if not kdu_out["bruttokaltmiete"]:
                kdu_out = None
        towns[str(entry["id"])] = {
            "name": entry.get("name", entry["id"]),
            "wohngeld_mietstufe": int(mietstufe) if isinstance(mietstufe, (int, float)) else None,
            "kdu": kdu_out,
        }
    return {"towns": towns}


def town_data(local: dict | None, town: str | None) -> dict | None:
    if not local or not town:
        return None
    return (local.get("towns") or {}).get(town)


def mietstufe(local: dict | None, town: str | None) -> int | None:
    data = town_data(local, town)
    value = data.get("wohngeld_mietstufe") if data else None
    return value if isinstance(value, int) and 1 <= value <= 7 else None


def kdu_limit(local: dict | None, town: str | None, persons: int) -> Decimal | None:
    """Reasonable Bruttokaltmiete for ``persons`` people, or None when the town has no limit."""
    data = town_data(local, town)
    kdu = data.get("kdu") if data else None
    if not kdu:
        return None
    table = {int(k): v for k, v in (kdu.get("bruttokaltmiete") or {}).items()}
    if not table:
        return None
    if persons in table:
        return Decimal(str(table[persons]))
    largest = max(table)
    extra = kdu.get("je_weitere_person")
    if persons > largest and extra is not None:
        return Decimal(str(table[largest])) + Decimal(str(extra)) * (persons - largest)
    return None

"""Local (municipal) data: the Wohngeld Mietstufe and the SGB II housing-cost limit per town.

``from_towns_yaml`` turns a site's ``towns.yml`` (already parsed) into the plain dict the
engine takes. A town does not carry its own Mietstufe: it names how the WoGV Anlage lists it
(Land from its AGS, the official name, or its Kreis for towns under 10,000 inhabitants, or
the island rule), and ``mietstufe`` looks that up in the dated parameter
``mietenstufen.mietenstufen`` for the month checked. ``kdu_limit`` returns the reasonable
Bruttokaltmiete with its source. A missing value stays missing: the programs then answer
``needs_advice``, never a guessed number.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Official Länderschlüssel (first two digits of the AGS) -> the Land as the WoGV Anlage names it.
LAENDER = {
    "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
    "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
    "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern", "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen",
}


def _value(entry):
    """``{value: 2, valid_from: ...}`` -> 2; a bare value passes; null stays None."""
    if isinstance(entry, dict) and "value" in entry:
        return entry["value"]
    return entry


def _table(entries) -> dict:
    return {str(k): float(v) for k, v in (entries or {}).items() if v is not None}


def wogv_reference(entry: dict, site_kreis: str | None = None) -> dict | None:
    """How the WoGV Anlage lists a town: ``{land, name, kreis, insel}`` (name/kreis may be None).

    ``entry`` is a town of towns.yml: its ``ags`` gives the Land; ``mietenstufe`` may give the
    official ``gemeinde`` name, ``kreis: true`` (not listed: under 10,000 inhabitants) and
    ``insel: true`` (island without a mainland connection). Without ``gemeinde`` the town's
    ``name`` is looked up.
    """
    land = LAENDER.get(str(entry.get("ags") or "")[:2])
    if not land:
        return None
    spec = entry.get("mietenstufe") if isinstance(entry.get("mietenstufe"), dict) else {}
    return {
        "land": land,
        "name": None if spec.get("kreis") is True else str(spec.get("gemeinde") or entry.get("name") or ""),
        "kreis": (spec.get("kreis_name") or site_kreis) if spec.get("kreis") is True else None,
        "insel": bool(spec.get("insel")),
    }


def from_towns_yaml(data: dict) -> dict:
    """Convert towns.yml to ``{"towns": {id: {name, wogv | wohngeld_mietstufe, kdu}}}``.

    Site-wide blocks: ``wogv_kreis`` (the Kreis as the Anlage names it) and ``kdu_areas``
    (Vergleichsräume with their limits; a town names its area in ``kdu_area``).
    """
    data = data or {}
    areas = data.get("kdu_areas") or {}
    towns = {}
    for entry in data.get("towns", []) or []:
        if not isinstance(entry, dict) or not entry.get("id"):
            continue
        mietstufe = _value(entry.get("wohngeld_mietstufe"))  # an own value: test data only
        out = {
            "name": entry.get("name", entry["id"]),
            "wohngeld_mietstufe": int(mietstufe) if isinstance(mietstufe, (int, float)) else None,
            "kdu": _kdu(entry.get("kdu")),
        }
        ref = wogv_reference(entry, data.get("wogv_kreis")) if out["wohngeld_mietstufe"] is None else None
        if ref:
            out["wogv"] = ref
        area = areas.get(entry.get("kdu_area")) if entry.get("kdu_area") else None
        if isinstance(area, dict):
            out["kdu"] = _kdu(area)
            if out["kdu"] is None and area.get("missing"):
                out["kdu_missing"] = str(area["missing"])
        towns[str(entry["id"])] = out
    return {"towns": towns}


def _kdu(kdu) -> dict | None:
    """A town's or area's limits in engine form: printed Bruttokaltmiete, derived ones marked."""
    if not isinstance(kdu, dict):
        return None
    printed = _table(kdu.get("bruttokaltmiete"))
    derived = {k: v for k, v in _table(kdu.get("bruttokaltmiete_abgeleitet")).items() if k not in printed}
    if not printed and not derived:
        return None
    out = {"bruttokaltmiete": {**derived, **printed}}
    extra = kdu.get("je_weitere_person")
    if extra is None and "je_weitere" in (kdu.get("bruttokaltmiete") or {}):
        extra = kdu["bruttokaltmiete"]["je_weitere"]
    elif extra is None and "je_weitere" in (kdu.get("bruttokaltmiete_abgeleitet") or {}):
        extra, out["extra_derived"] = kdu["bruttokaltmiete_abgeleitet"]["je_weitere"], True
    out["bruttokaltmiete"].pop("je_weitere", None)
    out["je_weitere_person"] = float(extra) if extra is not None else None
    if derived:
        out["derived"] = sorted(k for k in derived if k != "je_weitere")
    for key in ("source", "valid_from", "area"):
        if kdu.get(key) is not None:
            out[key] = str(kdu[key])
    if kdu.get("heizkosten") is not None:
        out["heizkosten"] = kdu["heizkosten"]
    return out


def town_data(local: dict | None, town: str | None) -> dict | None:
    if not local or not town:
        return None
    return (local.get("towns") or {}).get(town)


def resolve_mietstufe(ref: dict, table: dict) -> tuple[int | None, str]:
    """Look a town up in one WoGV Anlage: (Mietstufe, how it was found) or (None, why not).

    Order: the Gemeinde table (exact official name, or the name before ", Stadt" etc. when
    that is unique), then the island rule, then the Kreis table for a town not listed.
    """
    land = (table.get("laender") or {}).get(ref.get("land") or "")
    if land is None:
        return None, f"Land '{ref.get('land')}' not in the WoGV Anlage"
    gemeinden = land.get("gemeinden") or {}
    name = ref.get("name")
    if name:
        if name in gemeinden:
            return int(gemeinden[name]), "gemeinde"
        matches = [n for n in gemeinden if n.split(",")[0].strip() == name]
        if len(matches) == 1:
            return int(gemeinden[matches[0]]), "gemeinde"
        if len(matches) > 1:
            return None, f"'{name}' is ambiguous in {ref['land']}: {'; '.join(matches)} (give mietenstufe.gemeinde)"
    if ref.get("insel") and table.get("inseln_ohne_festlandanschluss"):
        return int(table["inseln_ohne_festlandanschluss"]), "insel"
    kreis = ref.get("kreis")
    if kreis:
        kreise = land.get("kreise") or {}
        if kreis in kreise:
            return int(kreise[kreis]), "kreis"
        return None, f"Kreis '{kreis}' not in the WoGV Anlage for {ref['land']}"
    return None, (f"'{name}' is not in the WoGV Anlage's Gemeinde table for {ref['land']}: give the official "
                  "name (mietenstufe.gemeinde) or, for a town under 10,000 inhabitants, mietenstufe.kreis: true")


def mietstufe(local: dict | None, town: str | None, params=None) -> int | None:
    """The town's Mietstufe in the month of ``params`` (the WoGV Anlage in force then)."""
    data = town_data(local, town)
    if not data:
        return None
    value = data.get("wohngeld_mietstufe")
    if value is None and data.get("wogv") and params is not None:
        try:
            table = params.get("mietenstufen", "mietenstufen").value
        except (KeyError, LookupError):
            return None
        value, _ = resolve_mietstufe(data["wogv"], table)
    return value if isinstance(value, int) and 1 <= value <= 7 else None


@dataclass(frozen=True)
class KduLimit:
    amount: Decimal
    derived: bool          # True when the value is derived from printed figures, not printed itself
    source: str
    valid_from: str

    def args(self) -> dict:
        return {"limit": float(self.amount), "source": self.source, "valid_from": self.valid_from}


def kdu_limit_info(local: dict | None, town: str | None, persons: int) -> KduLimit | None:
    """Reasonable Bruttokaltmiete for ``persons`` people with its source, or None when unknown."""
    data = town_data(local, town)
    kdu = data.get("kdu") if data else None
    if not kdu:
        return None
    table = {int(k): v for k, v in (kdu.get("bruttokaltmiete") or {}).items()}
    if not table:
        return None
    derived_sizes = {int(k) for k in kdu.get("derived") or []}
    if persons in table:
        amount, derived = Decimal(str(table[persons])), persons in derived_sizes
    else:
        largest = max(table)
        extra = kdu.get("je_weitere_person")
        if persons < largest or extra is None:
            return None
        amount = Decimal(str(table[largest])) + Decimal(str(extra)) * (persons - largest)
        derived = largest in derived_sizes or bool(kdu.get("extra_derived"))
    return KduLimit(amount, derived, kdu.get("source", ""), kdu.get("valid_from", ""))


def kdu_limit(local: dict | None, town: str | None, persons: int) -> Decimal | None:
    """Reasonable Bruttokaltmiete for ``persons`` people, or None when the town has no limit."""
    info = kdu_limit_info(local, town, persons)
    return info.amount if info else None


def kdu_missing_reason(local: dict | None, town: str | None) -> str | None:
    """Why a town has no limit we can use (e.g. ``warm_only``: only Bruttowarmmiete limits)."""
    data = town_data(local, town)
    return data.get("kdu_missing") if data else None

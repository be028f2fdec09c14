"""Coverage of the office data for editors: town × office type, full / partial / missing.

A cell is "full" when an office of that type serves the town with a street address, a phone
number, opening hours (or "by appointment only") and a public source; "partial" when an office
is on record but one of these is missing; "missing" when none is. Migration counselling needs
both the adult service (MBE) and the youth service (JMD) to be full.
"""
from __future__ import annotations

from .localdata import LocalData

FULL, PARTIAL, MISSING = "full", "partial", "missing"
RANK = {MISSING: 0, PARTIAL: 1, FULL: 2}
# The office types every town needs (issue #11); migration counselling has two services.
TYPES = ("jobcenter", "sozialamt", "wohngeldstelle", "jugendamt", "pflegeberatung", "schuldnerberatung",
         "migrationsberatung", "lotse")
PARTS = {"migrationsberatung": ("migrationsberatung", "jugendmigrationsdienst")}


def gaps(office: dict) -> list[str]:
    """What an office entry lacks for a citizen to reach it (empty list: complete)."""
    out = []
    if not (office.get("address") or {}).get("street"):
        out.append("address")
    if not office.get("phone"):
        out.append("phone")
    appointment = office.get("appointment") or {}
    if not (office.get("opening_hours") or office.get("opening_hours") == [] or appointment.get("required")):
        out.append("opening_hours")
    if not str(office.get("source") or "").startswith("https://") and not str(office.get("source") or "").startswith("http://"):
        out.append("source")
    return out


def _offices(data: LocalData, office_type: str, town_id: str) -> list[dict]:
    """Offices of a type serving the town; a general Beratungsstelle counts if it names the type."""
    return [o for o in data.offices if data.serves(o, town_id)
            and (o.get("type") == office_type
                 or (o.get("type") == "beratungsstelle" and office_type in (o.get("benefits") or [])))]


def _status(offices: list[dict]) -> str:
    if not offices:
        return MISSING
    return FULL if any(not gaps(o) for o in offices) else PARTIAL


def cell(data: LocalData, office_type: str, town_id: str) -> dict:
    """``{status, offices: [ids], gaps: [what the best entry lacks]}`` for one town and type."""
    parts = PARTS.get(office_type, (office_type,))
    found = {part: _offices(data, part, town_id) for part in parts}
    statuses = [_status(found[part]) for part in parts]
    if all(s == FULL for s in statuses):
        status = FULL
    elif all(s == MISSING for s in statuses):
        status = MISSING
    else:
        status = PARTIAL
    offices = [o for part in parts for o in found[part]]
    best = min(offices, key=lambda o: len(gaps(o)), default=None)
    missing_parts = [p for p, s in zip(parts, statuses) if s == MISSING] if len(parts) > 1 else []
    return {"status": status, "offices": [o["id"] for o in offices],
            "gaps": (gaps(best) if best else []) + missing_parts}


def matrix(data: LocalData) -> list[dict]:
    """One row per town: ``{town, cells: {type: cell}}``."""
    return [{"town": town, "cells": {t: cell(data, t, town["id"]) for t in TYPES}} for town in data.towns]


def counts(rows: list[dict]) -> dict[str, int]:
    out = {FULL: 0, PARTIAL: 0, MISSING: 0}
    for row in rows:
        for c in row["cells"].values():
            out[c["status"]] += 1
    return out


def text_table(data: LocalData) -> str:
    """The matrix as plain text (for reports): F / p / - per cell."""
    mark = {FULL: "F", PARTIAL: "p", MISSING: "-"}
    head = "town".ljust(18) + " ".join(t[:6].ljust(6) for t in TYPES)
    lines = [head]
    for row in matrix(data):
        lines.append(row["town"]["id"][:17].ljust(18) + " ".join(mark[row["cells"][t]["status"]].ljust(6) for t in TYPES))
    return "\n".join(lines)


PAGE = "abdeckung"  # staged as abdeckung.<lang>.md; not in the navigation (stage.NAV_* does not name it)


def page(data: LocalData, lang: str) -> str:
    """The editors' coverage page in ``lang``: front matter, intro and the table component."""
    from .catalogs import translator
    from .components import render

    t = translator(lang)
    rows = matrix(data)
    table = render("coverage_table", lang=lang, t=t, types=list(TYPES), rows=rows, counts=counts(rows))
    return "\n".join(["---", f'title: "{t("coverage.title")}"', "search:", "  exclude: true", "---",
                      f"# {t('coverage.title')}", "", t("coverage.intro"), "", str(table), ""])

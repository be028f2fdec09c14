"""A site's local layer: towns, offices and who is responsible for which benefit where.

``responsible(benefit, town)`` answers with the offices a citizen of that town should go to,
or with nothing, in which case pages say plainly whom to ask (the town's general contact
and its Lotse). Nothing here guesses: an office is named only if the data names it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

DAY_CODES = ("mo", "tu", "we", "th", "fr", "sa", "su")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
OFFICE_TYPES = {"jobcenter", "sozialamt", "wohngeldstelle", "familienkasse", "jugendamt", "elterngeldstelle",
                "unterhaltsvorschusskasse", "kreis", "lwl", "pflegekasse", "versorgungsamt", "auslaenderbehoerde",
                "bafoeg-amt", "agentur-fuer-arbeit", "rentenversicherung", "lotse", "beratungsstelle",
                "familienzentrum", "stadtteiltreff", "krankenkasse", "beitragsservice", "pflegeberatung",
                "schuldnerberatung", "migrationsberatung", "jugendmigrationsdienst", "bundesamt-soziale-sicherung"}


def _read(path: Path) -> dict:
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@dataclass
class Resolution:
    offices: list[dict]
    rule: dict | None
    general: list[dict] = field(default_factory=list)  # whom to ask when no office is known

    @property
    def known(self) -> bool:
        return bool(self.offices)


@dataclass
class LocalData:
    towns: list[dict]
    offices: list[dict]
    responsibilities: dict

    @classmethod
    def load(cls, site_dir: Path | str) -> "LocalData":
        site_dir = Path(site_dir)
        return cls(
            towns=_read(site_dir / "towns.yml").get("towns", []) or [],
            offices=_read(site_dir / "offices.yml").get("offices", []) or [],
            responsibilities=_read(site_dir / "responsibilities.yml").get("responsibilities", {}) or {},
        )

    def town(self, town_id: str) -> dict | None:
        return next((t for t in self.towns if t["id"] == town_id), None)

    def office(self, office_id: str) -> dict | None:
        return next((o for o in self.offices if o["id"] == office_id), None)

    def serves(self, office: dict, town_id: str) -> bool:
        return town_id in (office.get("towns") or [])

    def general_contacts(self, town_id: str) -> list[dict]:
        """The town's Lotse or Infotheke: the people whose job is to know whom to ask."""
        return [o for o in self.offices if o.get("type") == "lotse" and self.serves(o, town_id)]

    def responsible(self, benefit: str, town_id: str) -> Resolution:
        rule = self.responsibilities.get(benefit)
        office_type = (rule or {}).get("default")
        # "also": further office types for the same need (e.g. the Jugendmigrationsdienst next to adult
        # migration counselling, the Pflegeberatung next to the Pflegekasse).
        also = (rule or {}).get("also") or []
        types = [t for t in [office_type, *([also] if isinstance(also, str) else also)] if t]
        found: list[dict] = []
        for kind in types:
            in_town = [o for o in self.offices if o.get("type") == kind and self.serves(o, town_id)]
            # An office that lists the benefit beats one of the right type that does not say.
            found += _nearest([o for o in in_town if benefit in (o.get("benefits") or [])] or
                              [o for o in in_town if not o.get("benefits")])
        if not office_type:
            # No office type on record for this benefit: offices that say they handle it in this town.
            found += _nearest([o for o in self.offices if benefit in (o.get("benefits") or []) and self.serves(o, town_id)
                               and o not in found])
        return Resolution(found, rule, [] if found else self.general_contacts(town_id))


def _nearest(offices: list[dict]) -> list[dict]:
    """The town's own office (e.g. the Jobcenter's Bezirksstelle) before a Kreis-wide one."""
    if not offices:
        return []
    nearest = min(len(o.get("towns") or []) for o in offices)
    return [o for o in offices if len(o.get("towns") or []) == nearest]


def validate(site_dir: Path, problems) -> None:
    """Schema checks for towns.yml and offices.yml, reported as file:line through ``problems``."""
    site_dir = Path(site_dir)
    towns_path, offices_path = site_dir / "towns.yml", site_dir / "offices.yml"
    town_ids = set()
    for path in (towns_path, offices_path, site_dir / "responsibilities.yml"):
        if path.exists():
            try:
                yaml.safe_load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                problems.add(path, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(exc, 'problem', exc)}")
                return
    towns_node = yaml.compose(towns_path.read_text(encoding="utf-8")) if towns_path.exists() else None
    for item, line in _items(towns_node, "towns"):
        town_id = item.get("id")
        if not town_id:
            problems.add(towns_path, line, "town without id")
            continue
        town_ids.add(town_id)
        if not item.get("name"):
            problems.add(towns_path, line, f"town '{town_id}': name missing")
        for key in ("wohngeld_mietstufe", "kdu"):
            entry = item.get(key)
            if entry is not None and not (isinstance(entry, dict) and entry.get("source") and entry.get("verified")):
                problems.add(towns_path, line, f"town '{town_id}': {key} needs a source and a verified date (or null)")
        mst = (item.get("wohngeld_mietstufe") or {}).get("value") if isinstance(item.get("wohngeld_mietstufe"), dict) else None
        if mst is not None and mst not in range(1, 8):
            problems.add(towns_path, line, f"town '{town_id}': Mietstufe must be 1 to 7")

    offices_node = yaml.compose(offices_path.read_text(encoding="utf-8")) if offices_path.exists() else None
    seen = set()
    for item, line in _items(offices_node, "offices"):
        oid = item.get("id") or "?"
        where = f"office '{oid}'"
        if oid in seen:
            problems.add(offices_path, line, f"{where}: id used twice")
        seen.add(oid)
        if item.get("type") not in OFFICE_TYPES:
            problems.add(offices_path, line, f"{where}: type '{item.get('type')}' is not one of {', '.join(sorted(OFFICE_TYPES))}")
        if not item.get("source"):
            problems.add(offices_path, line, f"{where}: source missing (the public page these facts come from)")
        if not isinstance(item.get("verified"), date):
            problems.add(offices_path, line, f"{where}: verified must be the date the source was checked, e.g. 2026-11-21")
        for town in item.get("towns") or []:
            if town_ids and town not in town_ids:
                problems.add(offices_path, line, f"{where}: unknown town '{town}'")
        for key in ("opening_hours", "phone_hours"):
            for message in hours_problems(item.get(key)):
                problems.add(offices_path, line, f"{where}: {key}: {message}")


def hours_problems(entries) -> list[str]:
    if entries is None:
        return []
    if not isinstance(entries, list):
        return ["must be a list of {days, opens, closes} or null"]
    out = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            out.append(f"entry {i + 1} must be {{days, opens, closes}}")
            continue
        days = entry.get("days")
        if not days or not isinstance(days, list) or any(d not in DAY_CODES for d in days):
            out.append(f"entry {i + 1}: days must be a list of {', '.join(DAY_CODES)}")
        opens, closes = str(entry.get("opens", "")), str(entry.get("closes", ""))
        if not TIME_RE.match(opens) or not TIME_RE.match(closes):
            out.append(f"entry {i + 1}: opens/closes must be times like 08:30 (quote them in YAML)")
        elif opens >= closes:
            out.append(f"entry {i + 1}: closes ({closes}) must be after opens ({opens})")
    return out


def _items(root, key):
    """Yield (python dict, line number) for each item of the list under ``key``."""
    if root is None or not isinstance(root, yaml.MappingNode):
        return
    for key_node, value in root.value:
        if key_node.value == key and isinstance(value, yaml.SequenceNode):
            for node in value.value:
                data = yaml.safe_load(yaml.serialize(node)) if node is not None else None
                if isinstance(data, dict):
                    yield data, node.start_mark.line + 1

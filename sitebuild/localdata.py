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

from . import ROOT
from . import yamlio

COMMON_DIR = ROOT / "sites" / "_common"   # nationwide carriers, loaded for every site
STALE_AFTER_MONTHS = 24                   # a contact read off an older source: "please call before you go"
DAY_CODES = ("mo", "tu", "we", "th", "fr", "sa", "su")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
OFFICE_TYPES = {"jobcenter", "sozialamt", "wohngeldstelle", "familienkasse", "jugendamt", "elterngeldstelle",
                "unterhaltsvorschusskasse", "kreis", "lwl", "pflegekasse", "versorgungsamt", "auslaenderbehoerde",
                "bafoeg-amt", "agentur-fuer-arbeit", "rentenversicherung", "lotse", "beratungsstelle",
                "familienzentrum", "stadtteiltreff", "krankenkasse", "beitragsservice", "pflegeberatung",
                "schuldnerberatung", "migrationsberatung", "jugendmigrationsdienst", "bundesamt-soziale-sicherung",
                "amtsgericht"}


def _read(path: Path) -> dict:
    if not path.exists():
        return {}
    return yamlio.load(path.read_text(encoding="utf-8")) or {}


SOURCE_DATE_RE = re.compile(r"\b((?:19|20)\d{2})(?:-(\d{2}))?(?:-(\d{2}))?\b")


def source_stand(office: dict) -> tuple[int, int | None] | None:
    """(year, month or None) of the office's source (``source_date``), the latest one it mentions."""
    raw = office.get("source_date")
    if isinstance(raw, date):
        return raw.year, raw.month
    found = [(int(y), int(m) if m else None) for y, m, _ in SOURCE_DATE_RE.findall(str(raw or ""))]
    return max(found, key=lambda ym: (ym[0], ym[1] or 12)) if found else None


def is_stale(office: dict, today: date) -> bool:
    """Older than 24 months; a source dated by its year only counts from that year's December."""
    stand = source_stand(office)
    if stand is None:
        return False
    year, month = stand
    return (today.year - year) * 12 + today.month - (month or 12) > STALE_AFTER_MONTHS


def _stale_mark(office: dict, today: date) -> dict:
    if not is_stale(office, today):
        return {}
    year, month = source_stand(office)
    return {"stale_since": {"year": year, "month": month}}


def stale_label(office: dict, lang: str) -> str:
    """"Stand <Monat Jahr> – bitte vor dem Besuch anrufen" in ``lang`` for a stale office, else ''."""
    mark = office.get("stale_since")
    if not mark:
        return ""
    from babel.dates import format_date

    from .catalogs import translator

    when = (format_date(date(mark["year"], mark["month"], 1), "LLLL yyyy", locale=lang)
            if mark.get("month") else str(mark["year"]))
    return translator(lang)("office.stale", date=when)


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
    def load(cls, site_dir: Path | str, common_dir: Path | str | None = None, today: date | None = None) -> "LocalData":
        """A site's data plus the nationwide carriers of sites/_common/offices.yml (they serve every town).

        Each office whose source is older than 24 months on ``today`` (the build date) gets
        ``stale_since: {year, month}``; its card then says "Stand … – please call before you go".
        """
        if today is None:
            from .hooks import build_date

            today = build_date()
        site_dir = Path(site_dir)
        towns = _read(site_dir / "towns.yml").get("towns", []) or []
        offices = [{**o, **_stale_mark(o, today)} for o in _read(site_dir / "offices.yml").get("offices", []) or []]
        common_path = Path(common_dir or COMMON_DIR) / "offices.yml"
        if common_path.resolve() != (site_dir / "offices.yml").resolve():
            own = {o.get("id") for o in offices}
            every_town = [t["id"] for t in towns if isinstance(t, dict) and t.get("id")]
            offices += [{**o, "towns": every_town, "nationwide": True, **_stale_mark(o, today)}
                        for o in _read(common_path).get("offices", []) or [] if o.get("id") not in own]
        return cls(
            towns=towns,
            offices=offices,
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

    def town_rule(self, rule: dict | None, town_id: str) -> list[dict]:
        """The offices a per-town entry of responsibilities.yml names (``towns: {town: {office, id}}``)."""
        entry = ((rule or {}).get("towns") or {}).get(town_id)
        if not isinstance(entry, dict):
            return []
        named = self.office(entry["id"]) if entry.get("id") else None
        if named:
            return [named]
        of_type = [o for o in self.offices if o.get("type") == entry.get("office") and self.serves(o, town_id)]
        nearest = min((len(o.get("towns") or []) for o in of_type), default=0)
        return [o for o in of_type if len(o.get("towns") or []) == nearest]

    def responsible(self, benefit: str, town_id: str) -> Resolution:
        rule = self.responsibilities.get(benefit)
        if self.town_rule(rule, town_id):  # a town's own arrangement beats the Kreis-wide default
            return Resolution(self.town_rule(rule, town_id), rule)
        office_type = (rule or {}).get("default")
        # "also": further office types for the same need (e.g. the Jugendmigrationsdienst next to adult
        # migration counselling, the Pflegeberatung next to the Pflegekasse).
        also = (rule or {}).get("also") or []
        types = [t for t in [office_type, *([also] if isinstance(also, str) else also)] if t]
        found: list[dict] = []
        # A per-town entry (responsibilities.yml: towns: {<town>: {office: <type>, id: <office>}}) wins.
        per_town = ((rule or {}).get("towns") or {}).get(town_id)
        if isinstance(per_town, dict):
            named = self.office(per_town["id"]) if per_town.get("id") else None
            if named:
                return Resolution([named], rule)
            if per_town.get("office"):
                types = [per_town["office"]]
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
    offices = [o for o in offices if not o.get("nationwide")] or offices  # a local office before a nationwide one
    nearest = min(len(o.get("towns") or []) for o in offices)
    return [o for o in offices if len(o.get("towns") or []) == nearest]


def validate(site_dir: Path, problems, today: date | None = None) -> None:
    """Schema checks for towns.yml and offices.yml, reported as file:line through ``problems``."""
    site_dir = Path(site_dir)
    towns_path, offices_path = site_dir / "towns.yml", site_dir / "offices.yml"
    town_ids = set()
    for path in (towns_path, offices_path, site_dir / "responsibilities.yml"):
        if path.exists():
            try:
                yamlio.load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                problems.add(path, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(exc, 'problem', exc)}")
                return
    # Shape, required keys, types and sources: schemas/towns.schema.json and offices.schema.json.
    # What a schema cannot say stays here: cross-references, the WoGV lookup, hours, freshness.
    from . import schemas

    for name, path in (("towns", towns_path), ("offices", offices_path)):
        if path.exists():
            schemas.validate_file(name, path, problems, name)
    towns_node = yamlio.compose(towns_path.read_text(encoding="utf-8")) if towns_path.exists() else None
    towns_data = _read(towns_path)
    for item, line in _items(towns_node, "towns"):
        town_id = item.get("id")
        if not town_id:
            continue  # the schema reports it
        town_ids.add(town_id)
        mst = (item.get("wohngeld_mietstufe") or {}).get("value") if isinstance(item.get("wohngeld_mietstufe"), dict) else None
        if mst is None:
            for message in mietstufe_problems(item, towns_data.get("wogv_kreis")):
                problems.add(towns_path, line, f"town '{town_id}': {message}")
        area = item.get("kdu_area")
        if area is not None and area not in (towns_data.get("kdu_areas") or {}):
            problems.add(towns_path, line, f"town '{town_id}': kdu_area '{area}' is not one of kdu_areas")

    offices_node = yamlio.compose(offices_path.read_text(encoding="utf-8")) if offices_path.exists() else None
    seen = set()
    for item, line in _items(offices_node, "offices"):
        oid = item.get("id") or "?"
        where = f"office '{oid}'"
        if oid in seen:
            problems.add(offices_path, line, f"{where}: id used twice")
        seen.add(oid)
        if item.get("type") not in OFFICE_TYPES:
            problems.add(offices_path, line, f"{where}: type '{item.get('type')}' is not one of {', '.join(sorted(OFFICE_TYPES))}")
        for town in item.get("towns") or []:
            if town_ids and town not in town_ids:
                problems.add(offices_path, line, f"{where}: unknown town '{town}'")
        for key in ("opening_hours", "phone_hours"):
            for message in hours_problems(item.get(key)):
                problems.add(offices_path, line, f"{where}: {key}: {message}")
        if today and hasattr(problems, "warn") and is_stale(item, today):
            year, month = source_stand(item)
            problems.warn(offices_path, line, f"{where}: source of {year}{f'-{month:02d}' if month else ''} is older than "
                                              f"{STALE_AFTER_MONTHS} months: check the contact again and update source_date "
                                              "(the site shows 'Stand … – bitte vor dem Besuch anrufen')")


AGS_RE = re.compile(r"^\d{8}$")


def mietstufe_problems(town: dict, site_kreis: str | None) -> list[str]:
    """Why a town cannot be found in the WoGV Anlage (every dated version of it), or nothing."""
    from selfcheck.local import resolve_mietstufe, wogv_reference
    from selfcheck.params import load_data

    ags = town.get("ags")
    if not isinstance(ags, str) or not AGS_RE.match(ags):
        return [f"ags must be the 8-digit Amtlicher Gemeindeschlüssel in quotes, e.g. \"05562024\" (got {ags!r})"]
    ref = wogv_reference(town, site_kreis)
    if ref is None:
        return [f"ags '{ags}' does not start with a Land code 01-16"]
    if ref.get("name") is None and not ref.get("kreis"):
        return ["mietenstufe.kreis is set but the site has no wogv_kreis (the Kreis as the WoGV Anlage names it)"]
    out = []
    for day, entry in sorted(load_data()["mietenstufen"]["mietenstufen"]["values"].items()):
        stufe, how = resolve_mietstufe(ref, entry["value"])
        if stufe is None:
            out.append(f"Wohngeld Mietstufe (WoGV Anlage from {day}): {how}")
    return out


def _key_line(path: Path, key: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith(f"{key}:"):
            return i
    return 1


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
                data = yamlio.construct(node)
                if isinstance(data, dict):
                    yield data, node.start_mark.line + 1

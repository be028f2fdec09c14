"""``build.py new-site``: start sites/<id>/ for a municipality in minutes.

Writes site.yml, wegweiser.yml (the printed guides' topics, as in the default site), towns.yml (each town's Wohngeld Mietstufe looked up in the WoGV Anlage),
responsibilities.yml (the office type each benefit page names, to be confirmed locally),
offices.yml with an empty entry to fill per office type the towns need (until filled, pages
say "please ask"), and RESEARCH.md, the checklist of what to find out. Nothing is invented:
what the law's tables do not say stays null and is on the checklist.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from selfcheck.local import resolve_mietstufe

from . import ROOT
from .frontmatter import split_front_matter
from .stage import LAENDER
from . import yamlio

WOGV_URL = "https://www.gesetze-im-internet.de/wogv/"
DEFAULT_COLOURS = {"primary": "#1d4f76", "accent": "#8a3b00"}  # both at least 4.5:1 against white
NRW_ONLY_TYPES = {"lwl"}  # Landschaftsverband Westfalen-Lippe


# --- the WoGV Anlage ----------------------------------------------------------------------------

def wogv_anlage() -> dict:
    """The WoGV Anlage in force: the national parameter (selfcheck/params/mietenstufen.yaml)."""
    data = yamlio.load((ROOT / "selfcheck" / "params" / "mietenstufen.yaml").read_text(encoding="utf-8"))
    values = data["mietenstufen"]["values"]
    return values[max(values)]["value"]


@dataclass
class Lookup:
    value: int | None
    how: str            # "gemeinde", "kreis" or why nothing was found
    listed_as: str | None


def lookup(anlage: dict, land_name: str, town: str, kreis: str | None) -> Lookup:
    """A town's Mietstufe as the engine finds it (selfcheck.local.resolve_mietstufe), and the name
    the Anlage lists it under."""
    value, how = resolve_mietstufe({"land": land_name, "name": town, "kreis": kreis}, anlage)
    if value is None:
        return Lookup(None, how, None)
    if how != "gemeinde":
        return Lookup(value, how, kreis if how == "kreis" else None)
    gemeinden = anlage["laender"][land_name]["gemeinden"]
    listed = town if town in gemeinden else next(n for n in gemeinden if n.split(",")[0].strip() == town)
    return Lookup(value, "gemeinde", listed)


# --- the site folder ----------------------------------------------------------------------------

def slug(text: str) -> str:
    text = text.replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = text.replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class Town:
    name: str
    ags: str | None = None

    @classmethod
    def parse(cls, spec: str) -> "Town":
        """'Aalen' or 'Aalen:08136088' (name and Amtlicher Gemeindeschlüssel)."""
        name, _, ags = spec.partition(":")
        ags = ags.strip() or None
        if ags and not re.fullmatch(r"\d{8}", ags):
            raise ValueError(f"AGS of '{name}' must have 8 digits, got '{ags}'")
        return cls(name.strip(), ags)


def benefit_office_types(content_dir: Path = ROOT / "content") -> dict[str, str]:
    """{benefit id: office_type} as the benefit pages name it."""
    out = {}
    for path in sorted((content_dir / "leistungen").glob("*.de.md")):
        parts = split_front_matter(path.read_text(encoding="utf-8"))
        meta = (yamlio.load(parts[0]) if parts else None) or {}
        if isinstance(meta, dict) and meta.get("office_type"):
            out[path.name.split(".")[0]] = meta["office_type"]
    return out


def nationwide_types() -> set[str]:
    """Office types every site gets from sites/_common/offices.yml (Familienkasse, DRV ...)."""
    path = ROOT / "sites" / "_common" / "offices.yml"
    data = yamlio.load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {o.get("type") for o in (data or {}).get("offices", []) or [] if isinstance(o, dict)}


def land_pages(land: str, content_dir: Path = ROOT / "content") -> list[str]:
    """Pages about another Land's law: shown as a notice until the site writes its own version."""
    out = []
    for path in sorted(content_dir.rglob("*.de.md")):
        parts = split_front_matter(path.read_text(encoding="utf-8"))
        meta = (yamlio.load(parts[0]) if parts else None) or {}
        if isinstance(meta, dict) and meta.get("land") and meta["land"] != land:
            out.append(path.relative_to(content_dir).as_posix())
    return out


@dataclass
class NewSite:
    dir: Path
    towns: list[dict]
    lookups: dict[str, Lookup]
    office_types: list[str]


class _Quoted(str):
    """A string written in quotes (an AGS must stay text: 08136088, not a number)."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # editors read every value in place, no &id001 anchors
        return True


_Dumper.add_representer(_Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style='"'))


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)


def create(name: str, land: str, towns: list[Town], languages: list[str], kreis: str | None = None,
           site_id: str | None = None, sites_dir: Path = ROOT / "sites", today: date | None = None,
           force: bool = False) -> NewSite:
    today = today or date.today()
    if land not in LAENDER:
        raise ValueError(f"Land must be one of {', '.join(sorted(LAENDER))}, got '{land}'")
    if not towns:
        raise ValueError("at least one town is needed")
    if "de" not in languages:
        raise ValueError("languages must include de (every page exists in German)")
    site_id = site_id or slug(name)
    target = sites_dir / site_id
    if target.exists() and not force:
        raise FileExistsError(f"{target} exists (use --force to overwrite)")
    target.mkdir(parents=True, exist_ok=True)
    anlage = wogv_anlage()

    title = f"Soziallotse {name}"
    (target / "site.yml").write_text(
        f"# {name}: made by build.py new-site on {today}. Fill the null links before going live.\n" + _dump({
            "id": site_id, "name": {code: title for code in languages}, "short_name": title[:24],
            "land": land, "colours": DEFAULT_COLOURS, "languages": languages, "logo": None, "base_url": None,
            "imprint_url": None, "privacy_url": None, "accessibility_url": None}), encoding="utf-8")

    rows, lookups = [], {}
    for town in towns:
        found = lookup(anlage, LAENDER[land], town.name, kreis)
        lookups[town.name] = found
        row = {"id": slug(town.name), "name": town.name, "ags": _Quoted(town.ags) if town.ags else None, "website": None}
        # the national parameter resolves the town by AGS and name at run time
        if found.how == "kreis":
            row["mietenstufe"] = {"kreis": True}
        elif found.listed_as and found.listed_as != town.name:
            row["mietenstufe"] = {"gemeinde": found.listed_as}
        row["kdu"] = None
        rows.append(row)
    head = {"wogv_kreis": kreis}
    how = ("# mietenstufe: how the WoGV Anlage lists the town (selfcheck/params/mietenstufen.yaml looks it up by\n"
           "# the AGS's Land and this name); kreis: true = not listed (under 10,000 inhabitants), value of wogv_kreis.\n")
    (target / "towns.yml").write_text(
        f"# Towns of {name}. Mietstufe: WoGV Anlage ({WOGV_URL}); KdU limits: the Jobcenter's guideline (unknown: null).\n"
        + how + _dump({**head, "towns": rows}), encoding="utf-8")

    benefits = benefit_office_types()
    skip = set() if land == "DE-NW" else NRW_ONLY_TYPES
    responsibilities = {benefit: {"default": None if kind in skip else kind,
                                  "note": "Art der Stelle laut Leistungsseite; vor Ort bestätigen.", "source": []}
                        for benefit, kind in benefits.items()}
    (target / "responsibilities.yml").write_text(
        "# Which office type handles which benefit here. Taken from the benefit pages; confirm each with a source.\n"
        + _dump({"responsibilities": responsibilities}), encoding="utf-8")

    common = nationwide_types()
    types = sorted({k for k in benefits.values() if k not in common and k not in skip} | {"lotse"})
    town_ids = [r["id"] for r in rows]
    templates = []
    for kind in types:
        entry = {"id": kind, "type": kind, "name": None, "towns": town_ids, "address": None, "phone": None,
                 "email": None, "website": None, "opening_hours": None, "source": None, "verified": None}
        templates.append("\n".join("# " + line for line in _dump([entry]).splitlines()))
    (target / "offices.yml").write_text(
        f"# Offices of {name}. Until an office is entered here, pages say \"please ask\" (with the town hall).\n"
        "# To add one: remove the '# ' of its entry, fill what a public page says, set source (that page's\n"
        "# address) and verified (the date you checked it); split an entry if towns have their own office.\n"
        "# Nationwide carriers (Familienkasse, Rentenversicherung ...) come from sites/_common/offices.yml.\n"
        "offices: []\n\n" + "\n\n".join(templates) + "\n", encoding="utf-8")

    guides = sites_dir / "kreis-recklinghausen" / "wegweiser.yml"
    if not guides.exists():
        guides = ROOT / "sites" / "kreis-recklinghausen" / "wegweiser.yml"
    if guides.exists():  # topics per audience of the printed guides: no local facts, the same for every site
        (target / "wegweiser.yml").write_text(guides.read_text(encoding="utf-8"), encoding="utf-8")

    (target / "RESEARCH.md").write_text(checklist(name, land, rows, lookups, types, kreis), encoding="utf-8")
    return NewSite(target, rows, lookups, types)


def checklist(name: str, land: str, rows: list[dict], lookups: dict[str, Lookup], types: list[str],
              kreis: str | None) -> str:
    lines = [f"# {name}: what to research", "",
             "Each fact with its public source (address) and the date you checked it. Unknown stays empty:",
             "the site then says \"please ask\". Tick a box when done.", "",
             "## Site (site.yml)", "",
             "- [ ] `imprint_url`, `privacy_url`, `accessibility_url` (§ 12b BGG), `base_url`",
             "- [ ] colours and logo (only with the municipality's permission)", "",
             "## Towns (towns.yml)", ""]
    for row in rows:
        found = lookups[row["name"]]
        if found.value is None:
            lines.append(f"- [ ] {row['name']}: Wohngeld-Mietstufe – {found.how}; the WoGV Anlage lists towns "
                         "from 10,000 inhabitants, the others under their Kreis")
        elif found.how == "kreis":
            lines.append(f"- [ ] {row['name']}: not listed itself, so the Kreis value of \"{found.listed_as}\" "
                         f"(Mietstufe {found.value}) – confirm it has fewer than 10,000 inhabitants")
        else:
            lines.append(f"- [x] {row['name']}: Mietstufe {found.value} (WoGV Anlage: \"{found.listed_as}\")")
        if not row.get("ags"):
            lines.append(f"- [ ] {row['name']}: Amtlicher Gemeindeschlüssel (Destatis Gemeindeverzeichnis)")
        lines += [f"- [ ] {row['name']}: website of the town hall",
                  f"- [ ] {row['name']}: KdU limits (Angemessenheitsgrenzen) of the Jobcenter, with their validity date"]
    lines += ["", "## Offices (offices.yml)", "",
              "For every town: who handles it, address, phone, e-mail, opening hours."]
    lines += [f"- [ ] `{kind}`" for kind in types]
    lines += ["", "## Responsibilities (responsibilities.yml)", "",
              "- [ ] for every benefit: the office type here (Kreis or town), with a source"]
    foreign = land_pages(land)
    if foreign:
        lines += ["", f"## Pages about another Land's law ({LAENDER[land]} needs its own)", "",
                  "Until you add your version under `pages/` (same path), these show a notice:"]
        lines += [f"- [ ] `{page}`" for page in foreign]
    return "\n".join(lines) + "\n"


def prompt_missing(args) -> None:
    """Ask for what the options did not give (only when someone is at the terminal)."""
    def ask(question: str) -> str:
        return input(f"{question}: ").strip()

    if not args.name:
        args.name = ask("Name of the municipality (e.g. Ostalbkreis)")
    if not args.land:
        args.land = ask(f"Land ({', '.join(sorted(LAENDER))})")
    if not args.town:
        args.town = [t.strip() for t in ask("Towns, comma-separated, each Name or Name:AGS").split(",") if t.strip()]
    if not args.kreis:
        args.kreis = ask("Kreis as the WoGV Anlage names it (empty if none)") or None


def main(args) -> int:
    import sys

    if sys.stdin.isatty() and not (args.name and args.land and args.town):
        prompt_missing(args)
    if not (args.name and args.land and args.town):
        print("new-site: --name, --land and at least one --town are needed", file=sys.stderr)
        return 2
    try:
        made = create(args.name, args.land, [Town.parse(t) for t in args.town],
                      [c.strip() for c in args.languages.split(",") if c.strip()], kreis=args.kreis,
                      site_id=args.id, force=args.force)
    except (ValueError, FileExistsError, FileNotFoundError) as exc:
        print(f"new-site: {exc}", file=sys.stderr)
        return 2
    rel = made.dir.relative_to(ROOT) if made.dir.is_relative_to(ROOT) else made.dir
    print(f"wrote {rel}/ (site.yml, towns.yml, offices.yml, responsibilities.yml, RESEARCH.md)")
    for town, found in made.lookups.items():
        print(f"  {town}: Mietstufe {found.value if found.value else '–'} ({found.how})")
    print(f"next: build.py check --site {rel} && build.py serve --site {rel}")
    return 0

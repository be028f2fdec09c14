"""Load a municipality's folder (sites/<id>/) and merge it into the base MkDocs config."""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import ROOT
from .catalogs import messages
from .fonts import SCRIPTS, files
from . import yamlio

DEFAULT_SITE = ROOT / "sites" / "kreis-recklinghausen"


@dataclass
class Site:
    dir: Path
    data: dict

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def languages(self) -> list[str]:
        return self.data["languages"]

    def optional_yaml(self, name: str) -> dict:
        path = self.dir / name
        if not path.exists():
            return {}
        return yamlio.load(path.read_text(encoding="utf-8")) or {}

    def engine_local(self) -> dict:
        """The towns' Mietstufe and KdU limits in the form the self-check engine takes."""
        from selfcheck.local import from_towns_yaml

        return from_towns_yaml(self.optional_yaml("towns.yml"))


def load_site(site_dir: Path | str | None = None) -> Site:
    site_dir = Path(site_dir or DEFAULT_SITE).resolve()
    data = yamlio.load((site_dir / "site.yml").read_text(encoding="utf-8"))
    return Site(site_dir, data)


def output_dir(site: Site) -> Path:
    return ROOT / "site" / site.id


def mkdocs_config(site: Site, bundle_version: str = "dev", docs_dir: Path | None = None) -> dict:
    """The base mkdocs.yml with this site's name, languages and output folder filled in."""
    base = yamlio.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    cfg = copy.deepcopy(base)
    cfg["site_name"] = site.data["name"]["de"]
    cfg["docs_dir"] = str(docs_dir or ROOT / cfg["docs_dir"])
    if docs_dir:
        from .stage import nav

        cfg["nav"] = nav(docs_dir)
    cfg["site_dir"] = str(output_dir(site))
    cfg["theme"]["custom_dir"] = str(ROOT / cfg["theme"]["custom_dir"])
    cfg["hooks"] = [str(ROOT / h) for h in cfg["hooks"]]
    if site.data.get("base_url"):
        cfg["site_url"] = site.data["base_url"]
    if site.data.get("logo"):  # a file in the site's folder, copied into the site by build.py
        cfg["theme"]["logo"] = f"assets/brand/{Path(site.data['logo']).name}"
    extra = cfg.setdefault("extra", {})
    extra["site"] = {k: site.data.get(k) for k in ("id", "name", "short_name", "colours", "imprint_url",
                                                    "privacy_url", "accessibility_url")}
    extra["site_dir"] = str(site.dir)
    extra["bundle_version"] = bundle_version
    # the web font each language's pages load (none: system fonts)
    extra["script_fonts"] = {lang: {"css": f"assets/fonts/{stem}.css", "preload": f"assets/fonts/{files(stem)[0]}"}
                             for stem, script in SCRIPTS.items() for lang in script["languages"]}

    for plugin in cfg["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = plugin["i18n"]["languages"]
            known = {lang["locale"]: lang for lang in langs}
            missing = [code for code in site.languages if code not in known]
            if missing:
                raise ValueError(f"{site.dir / 'site.yml'}: languages {missing} are not configured in mkdocs.yml")
            chosen = []
            for code in site.languages:
                lang = dict(known[code])
                lang["site_name"] = site.data["name"].get(code, site.data["name"]["de"])
                # section titles of the navigation, from the message catalogs
                lang["nav_translations"] = {key: text for key, text in messages(code).items() if key.startswith("nav.")}
                chosen.append(lang)
            plugin["i18n"]["languages"] = chosen
    return cfg


def work_dir(site: Site) -> Path:
    return ROOT / "build" / site.id


def write_config(site: Site, bundle_version: str = "dev", docs_dir: Path | None = None) -> Path:
    """Write the merged config under build/<site-id>/ so a build is reproducible and inspectable."""
    path = work_dir(site) / "mkdocs.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(mkdocs_config(site, bundle_version, docs_dir), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path

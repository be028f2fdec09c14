"""Videos in Deutsche Gebärdensprache (DGS), as the municipality supplies them (BITV 2.0 § 4).

BITV 2.0 § 4 with Anlage 2 asks for explanations in DGS on the start page (contents, navigation,
the accessibility statement). Soziallotse cannot make them: they are the municipality's. A site
lists its videos in ``site.yml`` under ``sign_language_videos``; each names the page it belongs
to and either a ``file`` in the site's folder (copied into the site and played by the browser
from the site itself, with optional ``captions``) or the ``url`` of the municipality's own
video page (a link: nothing is loaded from there until the reader follows it). No list, no
box: nothing is invented.
"""
from __future__ import annotations

import shutil
from pathlib import Path

MEDIA_DIR = "media/dgs"


def videos(site_data: dict) -> list[dict]:
    return [v for v in (site_data.get("sign_language_videos") or []) if isinstance(v, dict)]


def for_page(site_data: dict, page: str) -> list[dict]:
    """The videos of one page (``page``: its path without language suffix, e.g. ``index``)."""
    return [v for v in videos(site_data) if v.get("page") == page]


def published(video: dict, root: str) -> dict:
    """What the component shows; ``root``: the site root relative to the page."""
    def served(key):
        return f"{root}{MEDIA_DIR}/{Path(video[key]).name}" if video.get(key) else None

    return {"title": video.get("title") or "", "url": video.get("url"), "src": served("file"),
            "captions": served("captions")}


def problems(site_dir: Path, site_data: dict, pages: set[str]) -> list[str]:
    """Why a listed video cannot be shown: a missing file or page, neither file nor url."""
    out = []
    for i, video in enumerate(videos(site_data), start=1):
        where = f"sign_language_videos[{i}]"
        if video.get("page") not in pages:
            out.append(f"{where}: page '{video.get('page')}' does not exist")
        if not video.get("file") and not video.get("url"):
            out.append(f"{where}: needs a file in {site_dir.name}/ or the url of the municipality's video page")
        for key in ("file", "captions"):
            if video.get(key) and not (site_dir / video[key]).is_file():
                out.append(f"{where}: {key} '{video[key]}' is not a file in {site_dir.name}/")
    return out


def copy(site_dir: Path, site_data: dict, out: Path) -> None:
    for video in videos(site_data):
        for key in ("file", "captions"):
            if video.get(key):
                (out / MEDIA_DIR).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(site_dir / video[key], out / MEDIA_DIR / Path(video[key]).name)

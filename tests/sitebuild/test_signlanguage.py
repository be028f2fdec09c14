"""Videos in Deutsche Gebärdensprache: shown where the municipality supplies them, never invented."""
import shutil
from datetime import date

import yaml

from sitebuild import ROOT, check, resolve, signlanguage

SITE = ROOT / "sites" / "kreis-recklinghausen"
VIDEO = {"page": "index", "title": "Soziallotse in Deutscher Gebärdensprache", "file": "dgs/start.mp4",
         "captions": "dgs/start.vtt"}


def site_with(tmp_path, videos):
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    data = yaml.safe_load((site / "site.yml").read_text(encoding="utf-8"))
    data["sign_language_videos"] = videos
    (site / "site.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return site, data


def staged(tmp_path):
    staging = tmp_path / "docs"
    (staging / "leistungen").mkdir(parents=True)
    (staging / "index.de.md").write_text("---\nid: index\ntitle: Start\n---\n\n# Start\n\nText.\n", encoding="utf-8")
    (staging / "leistungen" / "wohngeld.de.md").write_text("---\nid: wohngeld\ntitle: Wohngeld\n---\n\n# Wohngeld\n",
                                                          encoding="utf-8")
    return staging


def test_no_videos_supplied_means_no_box_on_any_page(tmp_path):
    site, _ = site_with(tmp_path, [])
    staging = staged(tmp_path)
    resolve.resolve(staging, ["de", "en"], site, day=date(2026, 12, 2), content_dir=tmp_path / "none")
    assert all("sl-sign-language" not in p.read_text(encoding="utf-8") for p in staging.rglob("*.md"))
    # the real sites have supplied none yet: nothing is shown
    for site_yml in (ROOT / "sites").glob("*/site.yml"):
        assert signlanguage.videos(yaml.safe_load(site_yml.read_text(encoding="utf-8"))) == []


def test_a_supplied_video_shows_under_its_pages_title_in_every_language_from_the_site_itself(tmp_path):
    site, _ = site_with(tmp_path, [VIDEO])
    staging = staged(tmp_path)
    resolve.resolve(staging, ["de", "en", "ar"], site, day=date(2026, 12, 2), content_dir=tmp_path / "none")
    german = (staging / "index.de.md").read_text(encoding="utf-8")
    english = (staging / "index.en.md").read_text(encoding="utf-8")
    assert german.index("# Start") < german.index("sl-sign-language") < german.index("Text.")
    assert 'src="media/dgs/start.mp4"' in german and 'src="media/dgs/start.vtt"' in german
    assert 'src="../media/dgs/start.mp4"' in english  # /en/ is one folder deeper
    assert "German Sign Language" in english and "Gebärdensprache (DGS)" in german
    assert "sl-sign-language" not in (staging / "leistungen" / "wohngeld.de.md").read_text(encoding="utf-8")


def test_a_link_to_the_municipalitys_video_page_is_a_link_not_an_embed(tmp_path):
    site, _ = site_with(tmp_path, [{"page": "index", "title": "DGS", "url": "https://www.kreis-re.de/dgs"}])
    staging = staged(tmp_path)
    resolve.resolve(staging, ["de"], site, day=date(2026, 12, 2), content_dir=tmp_path / "none")
    text = (staging / "index.de.md").read_text(encoding="utf-8")
    assert '<a href="https://www.kreis-re.de/dgs" lang="de">DGS</a>' in text and "<video" not in text


def test_check_reports_a_missing_file_and_an_unknown_page(tmp_path):
    site, data = site_with(tmp_path, [VIDEO, {"page": "nirgends", "title": "DGS", "url": "https://www.kreis-re.de/dgs"}])
    found = signlanguage.problems(site, data, {"index"})
    assert found == ["sign_language_videos[1]: file 'dgs/start.mp4' is not a file in site/",
                     "sign_language_videos[1]: captions 'dgs/start.vtt' is not a file in site/",
                     "sign_language_videos[2]: page 'nirgends' does not exist"]
    (site / "dgs").mkdir()
    (site / "dgs" / "start.mp4").write_bytes(b"\0")
    (site / "dgs" / "start.vtt").write_text("WEBVTT\n", encoding="utf-8")
    assert signlanguage.problems(site, data, {"index", "nirgends"}) == []
    out = tmp_path / "out"
    signlanguage.copy(site, data, out)
    assert sorted(p.name for p in (out / "media" / "dgs").iterdir()) == ["start.mp4", "start.vtt"]


def test_check_runs_the_video_rules_for_the_site(tmp_path):
    site, _ = site_with(tmp_path, [VIDEO])
    problems = check.run(str(site))
    assert [(p.rule, p.message) for p in problems.errors() if "sign_language" in p.message] == [
        ("site", "sign_language_videos[1]: file 'dgs/start.mp4' is not a file in site/"),
        ("site", "sign_language_videos[1]: captions 'dgs/start.vtt' is not a file in site/")]

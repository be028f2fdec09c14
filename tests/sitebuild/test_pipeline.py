"""Generate, then render: the stage writes every page final in every language; no MkDocs hook
changes a page (issue #9 item 1)."""
import re

import pytest

from sitebuild import hooks, sites, stage
from sitebuild.frontmatter import split_front_matter

PAGE_HOOKS = ("on_pre_page", "on_page_read_source", "on_page_markdown", "on_page_content", "on_page_context",
              "on_post_page", "on_files", "on_nav", "on_post_build", "on_pre_build")


def test_no_mkdocs_hook_touches_a_page():
    assert [name for name in PAGE_HOOKS if hasattr(hooks, name)] == []


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    site = sites.load_site(None)
    return site, stage.stage(site, tmp_path_factory.mktemp("docs"))


def test_every_page_exists_in_every_language_with_placeholders_resolved(staged):
    site, docs = staged
    german = sorted(docs.rglob("*.de.md"))
    assert len(german) > 50
    for path in german:
        for lang in site.languages:
            page = path.with_name(path.name.replace(".de.md", f".{lang}.md"))
            text = page.read_text(encoding="utf-8")
            assert not re.search(r"\{\{\s*(param|unterlagen|zustaendig)\b", text), page


def test_leichte_sprache_is_german_in_every_language_and_marked_so(staged):
    site, docs = staged
    # every other page is translated (tests/sitebuild/test_build.py stages a German-only page)
    for lang in site.languages[1:]:
        meta = split_front_matter((docs / "leichte-sprache" / f"wohngeld.{lang}.md").read_text(encoding="utf-8"))[0]
        assert "german_only: de" in meta and "fallback" not in meta
    german = split_front_matter((docs / "leichte-sprache" / "wohngeld.de.md").read_text(encoding="utf-8"))[0]
    assert "german_only" not in german


def test_the_selfcheck_page_carries_its_context_in_the_front_matter(staged):
    import yaml

    _, docs = staged
    meta = yaml.safe_load(split_front_matter((docs / "selbstcheck.ar.md").read_text(encoding="utf-8"))[0])
    assert set(meta["selfcheck"]) == {"form", "config", "messages", "messages_de", "benefits", "offices", "responsible",
                                      "facts"}
    assert 'id="sc-step-place"' in meta["selfcheck"]["form"]

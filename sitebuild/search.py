"""One search index per language, so that each language's search finds only its own pages.

MkDocs' search plugin writes one index for every language of the i18n build. This splits it by
the language folder of each entry (``en/…``; the rest is German, the default language at the
root) and gives each index the lunr language that fits: a language lunr has no support for
(uk, pl) is tokenized without stemmer or stop words. lazy-search.js requests the index of the
page's own language.
"""
from __future__ import annotations

import json
from pathlib import Path

SOURCE_LANGUAGE = "de"
# Languages lunr-languages (shipped with the theme) supports; the others use no stemmer or stop words.
LUNR = {"de", "en", "tr", "ar", "ru", "ro", "it", "fr", "es", "nl", "pt", "fi", "hu", "sv", "da", "no", "el"}


def config_for(base: dict, lang: str) -> dict:
    config = dict(base)
    if lang in LUNR:
        config["lang"] = [lang]
    else:
        config["lang"], config["pipeline"] = ["en"], []  # the theme's tokenizer only: nothing removed, nothing stemmed
    return config


def split(out_dir: Path, languages: list[str]) -> dict[str, int]:
    """Rewrite search/search_index.json (German) and write <lang>/search/search_index.json."""
    index_path = out_dir / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    others = [lang for lang in languages if lang != SOURCE_LANGUAGE]
    per_lang: dict[str, list] = {lang: [] for lang in languages}
    for doc in index["docs"]:
        first = doc["location"].split("/", 1)[0]
        per_lang[first if first in others else SOURCE_LANGUAGE].append(doc)
    for lang, docs in per_lang.items():
        target = index_path if lang == SOURCE_LANGUAGE else out_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {**index, "config": config_for(index["config"], lang), "docs": docs}
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {lang: len(docs) for lang, docs in per_lang.items()}

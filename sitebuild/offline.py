"""Offline use: a service worker that keeps the self-check, its engine and the pages of the
user's language after the first visit of the self-check, and an offline page for the rest.

On install it stores the self-check page and the offline page of every language, the theme's
scripts and styles, the Pyodide runtime and the engine bundle (the page registers the worker
only after the engine has loaded, so these come from the browser cache: Pyodide is downloaded
once). The self-check page then asks the worker to keep the content pages of its language,
smallest first, up to CONTENT_BUDGET bytes. Every page visited is kept as well. A page that is
neither kept nor reachable shows the offline page in the language of its address, listing what
is available offline. A new build gets a new cache name, so an update never mixes old and new files.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

PRECACHE_GLOBS = ("pyodide/*", "assets/selfcheck/*", "assets/js/**/*.js", "assets/css/*.css",
                  "assets/javascripts/bundle.*.js", "assets/javascripts/workers/search.*.js",
                  "assets/stylesheets/*.css")
# The stated budget for one language's content pages kept offline (HTML only; styles, scripts
# and the engine are stored anyway). The default site's German pages take about 4.4 MB.
CONTENT_BUDGET = 8_000_000
OFFLINE_PAGE = "offline/"
SELFCHECK_PAGE = "selbstcheck/"

SERVICE_WORKER = """// Soziallotse service worker, written by build.py: keeps the self-check usable offline.
const CACHE = "soziallotse-__VERSION__";
const PRECACHE = __PRECACHE__;
// Per language: its address prefix and the content pages kept offline (within the budget).
const LANGUAGES = __LANGUAGES__;

const scoped = (path) => new URL(path, self.registration.scope).href;

// The page registers this worker once the engine has loaded, so "force-cache" takes the files
// from the browser's cache instead of downloading Pyodide a second time.
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(PRECACHE.map(async (path) => {
    const url = scoped(path);
    const response = await fetch(url, { cache: "force-cache" });
    if (!response.ok) throw new Error(`precache ${url}: ${response.status}`);
    await cache.put(url, response);
  }))));
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((names) =>
    Promise.all(names.filter((n) => n.startsWith("soziallotse-") && n !== CACHE).map((n) => caches.delete(n)))));
  self.clients.claim();
});

// "keep": store the content pages of one language, one after the other, skipping those kept.
async function keepLanguage(lang) {
  const entry = LANGUAGES[lang];
  if (!entry) return;
  const cache = await caches.open(CACHE);
  for (const path of entry.pages) {
    const url = scoped(path);
    if (await cache.match(url)) continue;
    try {
      const response = await fetch(url);
      if (response.ok) await cache.put(url, response);
    } catch {
      return; // offline again: the rest next time
    }
  }
}

self.addEventListener("message", (event) => {
  if (event.data?.type === "keep") event.waitUntil(keepLanguage(String(event.data.lang)));
});

// The offline page in the language of an address: its longest matching prefix.
function offlinePage(url) {
  const path = new URL(url).href.slice(self.registration.scope.length);
  let best = null;
  for (const entry of Object.values(LANGUAGES)) {
    if (path.startsWith(entry.prefix) && (!best || entry.prefix.length > best.prefix.length)) best = entry;
  }
  return scoped((best || Object.values(LANGUAGES)[0]).offline);
}

// Same-origin GET only. Pages: network first, so content stays current; the cache when offline,
// else the offline page. Everything else: the cache first (versioned files), then the network.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(request, copy));
      }
      return response;
    }).catch(() => caches.match(request, { ignoreSearch: true })
      // A redirect, not the offline page's body under this address: its relative links (styles,
      // scripts) only resolve from its own address.
      .then((hit) => hit || Response.redirect(offlinePage(request.url), 302))));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  })));
});
"""


def _prefix(lang: str, default_language: str) -> str:
    return "" if lang == default_language else f"{lang}/"


def language_pages(site_dir: Path, languages: list[str], default_language: str,
                   budget: int = CONTENT_BUDGET) -> dict[str, dict]:
    """Per language: its prefix, offline page and content pages (smallest first, within budget)."""
    others = {_prefix(lang, default_language) for lang in languages if lang != default_language}
    out = {}
    for lang in languages:
        prefix = _prefix(lang, default_language)
        pages = []
        for index in (site_dir / prefix).rglob("index.html") if prefix else site_dir.rglob("index.html"):
            rel = index.parent.relative_to(site_dir).as_posix()
            rel = "" if rel == "." else f"{rel}/"
            if not prefix and any(rel.startswith(o) for o in others):
                continue
            pages.append((index.stat().st_size, rel))
        kept, used = [], 0
        for size, rel in sorted(pages):
            if used + size > budget:
                break
            kept.append(rel)
            used += size
        out[lang] = {"prefix": prefix, "offline": prefix + OFFLINE_PAGE, "pages": kept, "bytes": used}
    return out


def precache_list(site_dir: Path, languages: list[str], default_language: str, bundle_version: str) -> list[str]:
    paths = set()
    for pattern in PRECACHE_GLOBS:
        for path in site_dir.glob(pattern):
            if path.is_file():
                rel = path.relative_to(site_dir).as_posix()
                paths.add(f"{rel}?v={bundle_version}" if rel == "assets/selfcheck/selfcheck.zip" else rel)
    for lang in languages:
        prefix = _prefix(lang, default_language)
        paths.add(prefix + SELFCHECK_PAGE)
        if (site_dir / prefix / OFFLINE_PAGE / "index.html").is_file():
            paths.add(prefix + OFFLINE_PAGE)
    return sorted(paths)


def write(site_dir: Path, languages: list[str], default_language: str, bundle_version: str) -> Path:
    files = precache_list(site_dir, languages, default_language, bundle_version)
    kept = language_pages(site_dir, languages, default_language)
    digest = hashlib.sha256()
    for rel in files:
        path = site_dir / rel.split("?")[0]
        digest.update(rel.encode())
        digest.update(path.read_bytes() if path.is_file() else (path / "index.html").read_bytes())
    digest.update(json.dumps(kept, sort_keys=True).encode())
    script = (SERVICE_WORKER.replace("__VERSION__", digest.hexdigest()[:12])
              .replace("__PRECACHE__", json.dumps(files, indent=1))
              .replace("__LANGUAGES__", json.dumps({k: {x: v[x] for x in ("prefix", "offline", "pages")}
                                                    for k, v in kept.items()}, indent=1)))
    target = site_dir / "sw.js"
    target.write_text(script, encoding="utf-8")
    return target

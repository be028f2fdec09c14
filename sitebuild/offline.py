"""Offline use: a service worker that keeps the self-check and its engine after the first visit.

On install it stores the self-check page of every language, the theme's scripts and styles,
the Pyodide runtime and the engine bundle; every other page of the site is kept as it is
visited. A new build gets a new cache name, so an update never mixes old and new files.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

PRECACHE_GLOBS = ("pyodide/*", "assets/selfcheck/*", "assets/js/**/*.js", "assets/css/*.css",
                  "assets/javascripts/bundle.*.js", "assets/javascripts/workers/search.*.js",
                  "assets/stylesheets/*.css")

SERVICE_WORKER = """// Soziallotse service worker, written by build.py: keeps the self-check usable offline.
const CACHE = "soziallotse-__VERSION__";
const PRECACHE = __PRECACHE__;

// The page registers this worker once the engine has loaded, so "force-cache" takes the files
// from the browser's cache instead of downloading Pyodide a second time.
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(PRECACHE.map(async (path) => {
    const url = new URL(path, self.registration.scope).href;
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

// Same-origin GET only. Pages: network first, so content stays current; the cache when offline.
// Everything else: the cache first (versioned files), then the network, keeping what it got.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then((response) => {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
      return response;
    }).catch(() => caches.match(request, { ignoreSearch: true })
      .then((hit) => hit || caches.match(new URL("selbstcheck/", self.registration.scope).href))));
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


def precache_list(site_dir: Path, languages: list[str], default_language: str, bundle_version: str) -> list[str]:
    paths = set()
    for pattern in PRECACHE_GLOBS:
        for path in site_dir.glob(pattern):
            if path.is_file():
                rel = path.relative_to(site_dir).as_posix()
                paths.add(f"{rel}?v={bundle_version}" if rel == "assets/selfcheck/selfcheck.zip" else rel)
    for lang in languages:
        paths.add("selbstcheck/" if lang == default_language else f"{lang}/selbstcheck/")
    return sorted(paths)


def write(site_dir: Path, languages: list[str], default_language: str, bundle_version: str) -> Path:
    files = precache_list(site_dir, languages, default_language, bundle_version)
    digest = hashlib.sha256()
    for rel in files:
        path = site_dir / rel.split("?")[0]
        digest.update(rel.encode())
        digest.update(path.read_bytes() if path.is_file() else (path / "index.html").read_bytes())
    script = SERVICE_WORKER.replace("__VERSION__", digest.hexdigest()[:12]).replace("__PRECACHE__", json.dumps(files, indent=1))
    target = site_dir / "sw.js"
    target.write_text(script, encoding="utf-8")
    return target

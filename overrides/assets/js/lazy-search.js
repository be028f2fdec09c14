// The theme requests the whole search index (over 1 MB) as soon as any page opens. Hold that
// request back until the visitor first turns to the search (opens it, focuses it, or presses
// its shortcut), so a visit that never searches, the self-check on a phone included, never
// downloads it. Loaded in <head>, before the theme's bundle opens the request.
(() => {
  const INDEX = /\/search\/search_index\.json(\?|$)/;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const held = [];
  let wanted = false;

  const release = () => {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach((go) => go());
  };

  // Each language has its own index (sitebuild/search.py): German at the site root, the others
  // in their language folder. The theme asks for the root one; ask for the page's language's.
  const lang = document.documentElement.getAttribute("lang") || "de";
  const own = (url) => (lang === "de" ? url : String(url).replace(INDEX, `/${lang}/search/search_index.json$1`));

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.slSearchIndex = INDEX.test(String(url));
    return open.call(this, method, this.slSearchIndex ? own(url) : url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.slSearchIndex && !wanted) {
      held.push(() => send.apply(this, args));
      return undefined;
    }
    return send.apply(this, args);
  };

  const inSearch = (target) => target instanceof Element && target.closest(".md-search, label[for='__search']");
  document.addEventListener("focusin", (event) => { if (inSearch(event.target)) release(); }, true);
  document.addEventListener("pointerdown", (event) => { if (inSearch(event.target)) release(); }, true);
  document.addEventListener("change", (event) => { if (event.target && event.target.id === "__search") release(); }, true);
  // The theme's shortcuts open the search with f, s or /, outside form fields.
  document.addEventListener("keydown", (event) => {
    const field = event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]");
    if (!field && ["f", "s", "/"].includes(event.key)) release();
  }, true);
})();

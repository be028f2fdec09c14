// The theme requests the whole search index (over 1 MB) as soon as any page opens. Hold that
// request, and the theme's search worker, back until the visitor first turns to the search (opens it, focuses it, or presses
// its shortcut), so a visit that never searches, the self-check on a phone included, never
// downloads it. Loaded in <head>, before the theme's bundle opens the request.
(() => {
  const INDEX = /\/search\/search_index\.json(\?|$)/;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const held = [];
  let wanted = false;

  // The theme also starts its search worker at once (a second script to compile while the page,
  // and on the self-check page the engine, start). It gets a stand-in that starts the real
  // worker on the first search and passes the messages on (the theme only posts messages and
  // listens for "message").
  const SEARCH_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js(\?|$)/;
  const RealWorker = window.Worker;
  const waiting = [];
  class LaterWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.args = [url, options];
      this.queue = [];
      this.real = null;
      if (wanted) this.start();
      else waiting.push(this);
    }

    start() {
      if (this.real) return;
      this.real = new RealWorker(...this.args);
      this.real.addEventListener("message", (event) => this.dispatchEvent(new MessageEvent("message", { data: event.data })));
      this.real.addEventListener("error", () => this.dispatchEvent(new Event("error")));
      this.queue.splice(0).forEach((message) => this.real.postMessage(message));
    }

    postMessage(message) {
      if (this.real) this.real.postMessage(message);
      else this.queue.push(message);
    }

    terminate() {
      this.real?.terminate();
    }
  }
  if (typeof RealWorker === "function") {
    window.Worker = function Worker(url, options) {
      return SEARCH_WORKER.test(String(url)) ? new LaterWorker(url, options) : new RealWorker(url, options);
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  const release = () => {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach((worker) => worker.start());
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

// The offline page: lists the pages of its language that this device keeps (the service
// worker's cache), with their titles read from the stored copies. Nothing is fetched.
const root = document.getElementById("offline");
if (root && "caches" in window) {
  const list = document.getElementById("offline-list");
  const base = new URL("../", location.href).href; // this language's start (the page is <lang>/offline/)
  (async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith("soziallotse-"));
    const items = [];
    for (const name of names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = request.url.split("?")[0];
        if (!url.startsWith(base) || !url.endsWith("/") || url.endsWith("/offline/")) continue;
        const rest = url.slice(base.length);
        if (root.dataset.default === "true" && /^[a-z]{2}\//.test(rest)) continue; // another language's pages
        const html = await (await cache.match(request)).text();
        const title = new DOMParser().parseFromString(html, "text/html").title || rest || url;
        items.push([title, url]);
      }
    }
    items.sort((a, b) => a[0].localeCompare(b[0], root.dataset.lang));
    list.replaceChildren(...items.map(([title, url]) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = url;
      a.textContent = title;
      li.append(a);
      return li;
    }));
    document.getElementById("offline-empty").hidden = items.length > 0;
  })().catch(() => {});
}

// Starts the self-check engine's worker as soon as the page opens, before the page script and
// its modules have loaded: Pyodide's download and start-up overlap with the page's own loading.
// selfcheck.js takes the worker over (window.__slEngine) with what it has said so far.
(() => {
  const script = document.currentScript;
  // false: selfcheck.js ran first and started the worker itself
  if (window.__slEngine === false || !script || typeof WebAssembly !== "object" || typeof Worker !== "function") return;
  try {
    const worker = new Worker(new URL(script.dataset.worker, document.baseURI), { type: "module" });
    const early = [];
    worker.onmessage = (event) => early.push(event);
    worker.onerror = () => early.push({ error: true });
    worker.postMessage({ type: "init", bundle: new URL(script.dataset.bundle, document.baseURI).href });
    window.__slEngine = { worker, early };
  } catch {
    // selfcheck.js starts the worker itself
  }
})();

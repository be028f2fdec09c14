// The self-check page: starts the engine worker at once, guides through the questions one
// step at a time, shows what the household likely gets and what to do next.
// Answers live only in this page, the URL fragment and files the user saves.
import { drawChart, sweepHouseholds } from "./selfcheck/chart.js";
import { Questionnaire } from "./selfcheck/form.js";
import { answersFromFragment, clearFragment, download, readFile, writeFragment } from "./selfcheck/keep.js";
import { buildPrint } from "./selfcheck/print.js";
import { Results } from "./selfcheck/results.js";

const root = document.getElementById("selfcheck");

function translator(messages) {
  return (key, args = {}) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (m, name) => (name in args ? String(args[name]) : m));
}

if (root) {
  const json = (id) => JSON.parse(document.getElementById(id).textContent);
  const lang = root.dataset.lang;
  const t = translator(json("sc-messages"));
  const tDe = translator(json("sc-messages-de"));
  const money = new Intl.NumberFormat(lang, { style: "currency", currency: "EUR" });
  const form = document.getElementById("sc-form");
  const status = document.getElementById("sc-status");
  const keepStatus = document.getElementById("sc-keep-status");
  const resultBox = document.getElementById("sc-result");
  const questionnaire = new Questionnaire(form, json("sc-config"), t, lang);
  const results = new Results(root, t, money, json("sc-benefits"));
  const steps = [...form.querySelectorAll(".sl-step")];
  let current = 0;
  let last = null; // { household, result, documents }

  // -- engine --------------------------------------------------------------------------------
  const setStatus = (state, text) => {
    status.dataset.state = state;
    status.textContent = text;
  };
  const pending = new Map();
  let nextId = 1;
  // The engine cannot start (WebAssembly blocked, download broken, no answer in time): say so,
  // keep every answer in the form, and show who helps in the chosen town instead.
  const failure = document.createElement("div");
  failure.id = "sc-engine-failed";
  failure.className = "sl-warning sl-engine-failed";
  failure.tabIndex = -1;
  failure.hidden = true;
  status.after(failure);
  const town = form.querySelector('[name="town"]');
  const showFailure = (focus = false) => {
    if (status.dataset.state !== "failed") return false;
    const offices = document.createElement("div");
    const seen = new Set();
    const chosen = town && town.value && town.value !== "-" ? town.value : "";
    for (const tpl of chosen ? root.querySelectorAll(`template[data-office^="${CSS.escape(chosen)}/"]`) : []) {
      for (const card of tpl.content.children) {
        if (seen.has(card.outerHTML)) continue; // one office serves several benefits
        seen.add(card.outerHTML);
        offices.append(card.cloneNode(true));
      }
    }
    const line = (text) => Object.assign(document.createElement("p"), { textContent: text });
    const where = chosen ? t("selfcheck.engine_failed_offices", { town: town.selectedOptions[0].textContent })
      : t("selfcheck.engine_failed_choose_town");
    failure.replaceChildren(line(t("selfcheck.engine_failed")), line(where), offices);
    failure.hidden = false;
    if (focus) failure.focus();
    return true;
  };
  const fail = () => {
    if (status.dataset.state === "ready") return;
    setStatus("failed", t("selfcheck.engine_failed_status"));
    for (const resolve of pending.values()) resolve({ ok: false });
    pending.clear();
    showFailure();
  };
  if (town) town.addEventListener("change", () => showFailure());
  let worker = null;
  if (typeof WebAssembly !== "object") {
    fail();
  } else {
    worker = new Worker(new URL(root.dataset.worker, document.baseURI), { type: "module" });
    worker.onerror = fail; // e.g. a browser without module workers
    // A slow phone on a slow network may take a minute; tests shorten this.
    const timeout = setTimeout(fail, Number(window.__slEngineTimeoutMs) || 120_000);
    worker.onmessage = ({ data }) => {
      if (data.type === "ready") {
        clearTimeout(timeout);
        root.dataset.readyMs = String(Math.round(data.ms)); // engine start-up inside the worker
        root.dataset.readyAt = String(Math.round(performance.now())); // since navigation start
        setStatus("ready", t("selfcheck.ready"));
        failure.hidden = true;
        registerOffline();
      } else if (data.type === "failed") {
        clearTimeout(timeout);
        fail();
      } else if (pending.has(data.id)) {
        pending.get(data.id)(data.payload);
        pending.delete(data.id);
      }
    };
    worker.postMessage({ type: "init", bundle: new URL(root.dataset.bundle, document.baseURI).href });
  }
  const ask = (type, body) => new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    worker.postMessage({ type, id, ...body });
  });

  // -- steps ---------------------------------------------------------------------------------
  const progress = document.getElementById("sc-progress");
  const progressText = document.getElementById("sc-progress-text");
  const showStep = (index, focus = true) => {
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach((step, i) => { step.hidden = i !== current; });
    progress.max = steps.length;
    progress.value = current + 1;
    const title = steps[current].querySelector("h2");
    progressText.textContent = t("selfcheck.progress", {
      n: current + 1, total: steps.length, title: t(`step.${steps[current].dataset.step}`),
    });
    document.getElementById("sc-back").hidden = current === 0;
    document.getElementById("sc-next").hidden = current === steps.length - 1;
    document.getElementById("sc-submit").hidden = current !== steps.length - 1;
    if (focus) title.focus();
  };

  const refresh = () => {
    questionnaire.syncRepeats();
    questionnaire.applyVisibility();
  };
  form.addEventListener("input", refresh);
  form.addEventListener("change", refresh);

  const goToFirstError = (failed) => {
    const control = questionnaire.controls(failed[0])[0];
    const step = steps.findIndex((s) => s.contains(control));
    if (step >= 0 && step !== current) showStep(step, false);
    control.focus();
  };

  document.getElementById("sc-next").addEventListener("click", () => {
    questionnaire.clearErrors();
    const failed = questionnaire.validate(steps[current].dataset.step);
    if (failed.length) goToFirstError(failed);
    else showStep(current + 1);
  });
  document.getElementById("sc-back").addEventListener("click", () => showStep(current - 1));

  // -- evaluate ------------------------------------------------------------------------------
  const evaluate = async () => {
    questionnaire.clearErrors();
    document.getElementById("sc-form-error").textContent = "";
    const failed = questionnaire.validate();
    if (failed.length) {
      goToFirstError(failed);
      return false;
    }
    if (showFailure(true)) return false;
    const { household, where } = questionnaire.household();
    if (status.dataset.state !== "ready") setStatus("calculating", t("selfcheck.calculating"));
    const answer = await ask("evaluate", { household });
    if (showFailure(true)) return false;
    if (status.dataset.state !== "failed") setStatus("ready", t("selfcheck.ready"));
    if (!answer.ok) {
      let placed = [];
      for (const err of answer.errors || []) {
        const name = where[err.field];
        if (name && questionnaire.showError(name, `error.${err.key}`, err.args || {})) placed.push(name);
      }
      document.getElementById("sc-form-error").textContent = t(answer.errors ? "selfcheck.fix_fields" : "selfcheck.load_failed");
      if (placed.length) goToFirstError(placed);
      return false;
    }
    writeFragment(questionnaire.answers());
    last = { household, result: answer.result, documents: results.show(answer.result, household.town) };
    form.hidden = true;
    resultBox.hidden = false;
    document.getElementById("sc-result-title").focus();
    // The chart is extra: computed after the result is on screen.
    const sweep = sweepHouseholds(household);
    const swept = await ask("sweep", { households: sweep.points });
    if (swept.ok) drawChart(document.getElementById("sc-chart"), sweep, swept.results, t, money, lang);
    return true;
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    evaluate();
  });
  document.getElementById("sc-edit").addEventListener("click", () => {
    resultBox.hidden = true;
    form.hidden = false;
    showStep(0);
  });

  // -- keep, share, delete, print ---------------------------------------------------------------
  const loadAnswers = (answers, source) => {
    if (!answers) {
      keepStatus.textContent = t("selfcheck.load_broken");
      return;
    }
    form.reset();
    questionnaire.restore(answers);
    keepStatus.textContent = t("selfcheck.loaded", { source });
    resultBox.hidden = true;
    form.hidden = false;
    showStep(0, false);
    evaluate();
  };
  document.getElementById("sc-download").addEventListener("click", () => {
    download(questionnaire.answers(), "selbstcheck-antworten.json");
    keepStatus.textContent = t("selfcheck.downloaded");
  });
  document.getElementById("sc-upload").addEventListener("change", async (event) => {
    loadAnswers(await readFile(event.target.files[0]), t("selfcheck.source_file"));
    event.target.value = "";
  });
  document.getElementById("sc-delete").addEventListener("click", () => {
    form.reset();
    questionnaire.syncRepeats();
    questionnaire.applyVisibility();
    questionnaire.clearErrors();
    clearFragment();
    last = null;
    for (const id of ["sc-cards", "sc-combination", "sc-documents", "sc-chart", "sc-warnings", "sc-print"]) {
      document.getElementById(id).replaceChildren();
    }
    resultBox.hidden = true;
    form.hidden = false;
    showStep(0);
    keepStatus.textContent = t("selfcheck.deleted");
  });
  document.getElementById("sc-copy-link").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      keepStatus.textContent = t("selfcheck.link_copied");
    } catch {
      keepStatus.textContent = t("selfcheck.link_in_address_bar");
    }
  });
  const preparePrint = () => {
    if (last) buildPrint(document.getElementById("sc-print"), { form, questionnaire, ...last, t, tDe, lang, money });
  };
  window.addEventListener("beforeprint", preparePrint);
  document.getElementById("sc-print-button").addEventListener("click", () => {
    preparePrint();
    window.print();
  });

  // -- start -----------------------------------------------------------------------------------
  const month = form.querySelector('[name="month"]');
  if (month && !month.value) {
    const now = new Date();
    month.value = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  }
  refresh();
  showStep(0, false);
  const openShared = () => {
    if (location.hash.startsWith("#a=")) loadAnswers(answersFromFragment(location.hash), t("selfcheck.source_link"));
  };
  openShared();
  // A share link opened in this same tab changes only the fragment: no reload, so listen.
  window.addEventListener("hashchange", openShared);

}

// Offline: cache the site and the engine after the first visit. Registered once the engine has
// loaded, so the service worker's copy comes from the browser cache, not a second download.
function registerOffline() {
  if ("serviceWorker" in navigator && root.dataset.sw) {
    navigator.serviceWorker.register(new URL(root.dataset.sw, document.baseURI).href).catch(() => {});
  }
}

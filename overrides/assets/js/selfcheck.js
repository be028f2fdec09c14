// The self-check page: starts the engine worker at once, guides through the questions one
// step at a time (or, in adviser mode, shows them all on one page with the result beside),
// shows what the household likely gets and what to do next.
// Answers live only in this page, in files the user saves and in a link made on request.
import { drawChart, someoneCanEarn, sweepHouseholds } from "./selfcheck/chart.js";
import { Questionnaire } from "./selfcheck/form.js";
import { calendar, downloadCalendar } from "./selfcheck/ics.js";
import { answersFromFragment, clearFragment, download, readFile, writeFragment } from "./selfcheck/keep.js";
import { buildPrint } from "./selfcheck/print.js";
import { Results } from "./selfcheck/results.js";
import { intlLocale, Texts, translator } from "./selfcheck/text.js";

const root = document.getElementById("selfcheck");
const SWEEP_PART = 2; // chart points per worker message (10 to 30 ms of engine time on a laptop)

if (root) {
  const json = (id) => JSON.parse(document.getElementById(id).textContent);
  const lang = root.dataset.lang;
  const adviser = root.dataset.mode === "adviser";
  const t = translator(json("sc-messages"), lang);
  const tDe = translator(json("sc-messages-de"), "de");
  const money = new Intl.NumberFormat(intlLocale(lang), { style: "currency", currency: "EUR" });
  const moneyDe = new Intl.NumberFormat("de", { style: "currency", currency: "EUR" });
  const form = document.getElementById("sc-form");
  const status = document.getElementById("sc-status");
  const keepStatus = document.getElementById("sc-keep-status");
  const resultBox = document.getElementById("sc-result");
  const byId = (id) => document.getElementById(id);
  const facts = json("sc-facts");
  const benefits = json("sc-benefits");
  const programNames = Object.fromEntries(Object.entries(benefits).map(([id, b]) => [id, b.title]));
  const questionnaire = new Questionnaire(form, json("sc-config"), t, lang);
  const responsible = json("sc-responsible");
  const results = new Results(root, t, money, benefits, responsible);
  const steps = [...form.querySelectorAll(".sl-step")];
  let current = 0;
  let last = null; // { household, result, documents, texts }
  let generation = 0; // counts submits: a chart sweep of an earlier one stops

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
    // the town's office blocks (sc-responsible: "town/page" -> block), each card once
    const blocks = Object.entries(responsible).filter(([key]) => chosen && key.startsWith(`${chosen}/`));
    for (const block of new Set(blocks.map(([, n]) => n))) {
      const tpl = root.querySelector(`template[data-block="${block}"]`);
      for (const card of tpl ? tpl.content.children : []) {
        if (seen.has(card.outerHTML)) continue; // one office serves several benefits
        seen.add(card.outerHTML);
        const copy = card.cloneNode(true);
        for (const node of [copy, ...copy.querySelectorAll("[id]")]) node.removeAttribute("id");
        offices.append(copy);
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
    const early = window.__slEngine; // started by the inline script in the head (selfcheck.html)
    worker = early?.worker ?? new Worker(new URL(root.dataset.worker, document.baseURI), { type: "module" });
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
    if (early) {
      for (const event of early.early) (event.error ? fail() : worker.onmessage(event));
    } else {
      worker.postMessage({ type: "init", bundle: new URL(root.dataset.bundle, document.baseURI).href,
        snapshot: Boolean(navigator.serviceWorker?.controller) });
    }
  }
  const ask = (type, body) => new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    worker.postMessage({ type, id, ...body });
  });

  // -- steps ---------------------------------------------------------------------------------
  const progress = byId("sc-progress");
  const progressText = byId("sc-progress-text");
  const showStep = (index, focus = true) => {
    if (adviser) return; // every step stays on screen
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach((step, i) => { step.hidden = i !== current; });
    progress.max = steps.length;
    progress.value = current + 1;
    const title = steps[current].querySelector("h2");
    progressText.textContent = t("selfcheck.progress", {
      n: current + 1, total: steps.length, title: t(`step.${steps[current].dataset.step}`),
    });
    byId("sc-back").hidden = current === 0;
    byId("sc-next").hidden = current === steps.length - 1;
    byId("sc-submit").hidden = current !== steps.length - 1;
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

  if (!adviser) {
    byId("sc-next").addEventListener("click", () => {
      questionnaire.clearErrors();
      const failed = questionnaire.validate(steps[current].dataset.step);
      if (failed.length) goToFirstError(failed);
      else showStep(current + 1);
    });
    byId("sc-back").addEventListener("click", () => showStep(current - 1));
  }

  // -- evaluate ------------------------------------------------------------------------------
  const clearResult = () => {
    last = null;
    for (const id of ["sc-cards", "sc-combination", "sc-no-claim", "sc-documents", "sc-chart", "sc-warnings", "sc-print"]) {
      byId(id).replaceChildren();
    }
    byId("sc-chart-box").hidden = true;
    if (adviser) byId("sc-result-empty").hidden = false;
  };

  const evaluate = async ({ focusResult = true } = {}) => {
    questionnaire.clearErrors();
    byId("sc-form-error").textContent = "";
    const failed = questionnaire.validate();
    if (failed.length) {
      goToFirstError(failed);
      return false;
    }
    if (showFailure(true)) return false;
    const { household, where } = questionnaire.household();
    const mine = ++generation; // before the question is sent: an earlier sweep queues no more parts
    if (status.dataset.state !== "ready") setStatus("calculating", t("selfcheck.calculating"));
    const answer = await ask("evaluate", { household });
    if (showFailure(true)) return false;
    if (status.dataset.state !== "failed") setStatus("ready", t("selfcheck.ready"));
    if (!answer.ok) {
      const placed = [];
      for (const err of answer.errors || []) {
        const name = where[err.field];
        if (name && questionnaire.showError(name, `error.${err.key}`, err.args || {})) placed.push(name);
      }
      byId("sc-form-error").textContent = t(answer.errors ? "selfcheck.fix_fields" : "selfcheck.load_failed");
      if (placed.length) goToFirstError(placed);
      return false;
    }
    const texts = new Texts({ t, lang, money, household, towns: facts.towns, programNames });
    last = { household, result: answer.result, texts };
    last.documents = results.show(answer.result, household, texts);
    if (questionnaire.value("rent_known") === "warm") {
      // The result says which assumption it used for a warm rent (the heating share given).
      const note = document.createElement("p");
      note.className = "sl-assumption";
      note.append(...texts.nodes("selfcheck.warm_rent_assumption", {
        warm: questionnaire.value("warmmiete"), heating: questionnaire.value("warm_heizung") ?? 0,
        rest: household.housing?.kaltmiete ?? 0,
      }));
      byId("sc-warnings").append(note);
    }
    if (adviser) byId("sc-result-empty").hidden = true;
    else {
      form.hidden = true;
      resultBox.hidden = false;
    }
    // Adviser mode keeps the focus in the form (the next answer is one key away) and says so.
    if (adviser) setStatus("ready", t("adviser.result_shown"));
    else if (focusResult) byId("sc-result-title").focus();
    // The chart is extra: computed after the result is on screen, and only where someone could earn.
    const chartBox = byId("sc-chart-box");
    chartBox.hidden = true;
    if (someoneCanEarn(household, facts.working_age)) {
      const sweep = sweepHouseholds(household);
      // In small parts, one after the other: a new submit waits in the worker for one part at
      // most, not for the whole sweep, and a superseded sweep stops at once (no further part
      // is queued before the new submit's own evaluation).
      const swept = [];
      for (let i = 0; i < sweep.points.length; i += SWEEP_PART) {
        if (mine !== generation) return true;
        const part = await ask("sweep", { households: sweep.points.slice(i, i + SWEEP_PART) });
        if (!part.ok) return true;
        swept.push(...part.results);
      }
      if (mine === generation) {
        drawChart(byId("sc-chart"), sweep, swept, t, money, lang, (id) => texts.program(id));
        chartBox.hidden = false;
      }
    }
    return true;
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    evaluate();
  });
  if (!adviser) {
    byId("sc-edit").addEventListener("click", () => {
      resultBox.hidden = true;
      form.hidden = false;
      showStep(0);
    });
  }

  // -- reminders (.ics) -------------------------------------------------------------------------
  byId("sc-cards").addEventListener("click", (event) => {
    const button = event.target.closest(".sl-ics");
    if (!button || !last) return;
    const program = button.dataset.program;
    const name = last.texts.program(program);
    const office = button.closest(".sl-card")?.querySelector(".sl-office-name")?.textContent?.trim() || "";
    downloadCalendar(calendar({ program, name, approvalMonths: facts.bewilligungszeitraum_monate.months, t, office }),
      `${program}.ics`);
  });

  // -- keep, share, delete, print ---------------------------------------------------------------
  let pristine = "";
  const isFilled = () => JSON.stringify(questionnaire.answers()) !== pristine;

  const resetAll = () => {
    form.reset();
    questionnaire.syncRepeats();
    questionnaire.applyVisibility();
    questionnaire.clearErrors();
    setMonth();
    clearFragment();
    clearResult();
    if (!adviser) {
      resultBox.hidden = true;
      form.hidden = false;
    }
    showStep(0);
  };

  const loadAnswers = (answers, source) => {
    if (!answers) {
      keepStatus.textContent = t("selfcheck.load_broken");
      return;
    }
    form.reset();
    questionnaire.restore(answers);
    keepStatus.textContent = t("selfcheck.loaded", { source });
    if (!adviser) {
      resultBox.hidden = true;
      form.hidden = false;
    }
    showStep(0, false);
    evaluate();
  };
  byId("sc-download").addEventListener("click", () => {
    download(questionnaire.answers(), "selbstcheck-antworten.json");
    keepStatus.textContent = t("selfcheck.downloaded");
  });
  byId("sc-upload").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (isFilled() && !window.confirm(t("selfcheck.confirm_overwrite"))) return;
    loadAnswers(await readFile(file), t("selfcheck.source_file"));
  });
  byId("sc-delete").addEventListener("click", () => {
    resetAll();
    keepStatus.textContent = t("selfcheck.deleted");
  });
  if (adviser) {
    byId("sc-new").addEventListener("click", () => {
      resetAll();
      keepStatus.textContent = t("adviser.cleared");
      form.querySelector("select, input")?.focus();
    });
  } else {
    // Answers go into the address only on request, replacing the current entry (no history trail).
    byId("sc-make-link").addEventListener("click", async () => {
      if (!writeFragment(questionnaire.answers())) {
        keepStatus.textContent = t("selfcheck.link_too_long");
        byId("sc-download").focus();
        return;
      }
      try {
        await navigator.clipboard.writeText(location.href);
        keepStatus.textContent = t("selfcheck.link_copied");
      } catch {
        keepStatus.textContent = t("selfcheck.link_in_address_bar");
      }
    });
  }
  const preparePrint = () => {
    if (!last) return;
    const textsDe = new Texts({ t: tDe, lang: "de", money: moneyDe, household: last.household, towns: facts.towns, programNames });
    buildPrint(byId("sc-print"), { form, questionnaire, ...last, t, tDe, lang, money, textsDe, results, facts });
  };
  window.addEventListener("beforeprint", preparePrint);
  byId("sc-print-button").addEventListener("click", () => {
    preparePrint();
    window.print();
  });

  // -- start -----------------------------------------------------------------------------------
  function setMonth() {
    const month = form.querySelector('[name="month"]');
    if (month && !month.value) {
      const now = new Date();
      month.value = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
    }
  }
  setMonth();
  refresh();
  pristine = JSON.stringify(questionnaire.answers());
  showStep(0, false);
  if (adviser) {
    clearResult();
    // Nothing is written to the address in adviser mode; a fragment that arrives is ignored.
    if (location.hash) clearFragment();
  } else {
    const openShared = () => {
      if (!location.hash.startsWith("#a=")) return;
      const shared = answersFromFragment(location.hash);
      // Opening a link over a filled form asks first; declining keeps the form as it is. A link
      // that cannot be read overwrites nothing, so it is reported without asking.
      if (shared && isFilled() && !window.confirm(t("selfcheck.confirm_overwrite"))) return;
      loadAnswers(shared, t("selfcheck.source_link"));
    };
    openShared();
    // A share link opened in this same tab changes only the fragment: no reload, so listen.
    window.addEventListener("hashchange", openShared);
  }
}

// Offline: cache the site and the engine after the first visit. Registered once the engine has
// loaded, so the service worker's copy comes from the browser cache, not a second download.
// Then the worker keeps this language's content pages too (within the budget sitebuild/offline.py states).
function registerOffline() {
  if ("serviceWorker" in navigator && root.dataset.sw) {
    navigator.serviceWorker.register(new URL(root.dataset.sw, document.baseURI).href)
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage({ type: "keep", lang: root.dataset.lang }))
      .catch(() => {});
  }
}

// The self-check page: starts the engine worker at once, reads the form, shows the result.
// All text comes from the page's message catalog; all output is set as text, never as HTML.
const root = document.getElementById("selfcheck");

if (root) {
  const lang = root.dataset.lang;
  const messages = JSON.parse(document.getElementById("sc-messages").textContent);
  const t = (key, args = {}) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (m, name) => (name in args ? String(args[name]) : m));
  const money = new Intl.NumberFormat(lang, { style: "currency", currency: "EUR" });

  const status = document.getElementById("sc-status");
  const form = document.getElementById("sc-form");
  const childAges = document.getElementById("sc-child-ages");
  const template = document.getElementById("sc-child-age-template");
  const MAX_CHILDREN = 15;

  const setStatus = (state, text) => {
    status.dataset.state = state;
    status.textContent = text;
  };

  // Start Pyodide now, so it is ready by the time the questions are answered.
  const worker = new Worker(new URL(root.dataset.worker, document.baseURI), { type: "module" });
  const pending = new Map();
  let nextId = 1;
  worker.onmessage = (event) => {
    const msg = event.data;
    if (msg.type === "ready") {
      root.dataset.readyMs = String(Math.round(msg.ms)); // engine start-up inside the worker
      root.dataset.readyAt = String(Math.round(performance.now())); // since navigation start
      setStatus("ready", t("selfcheck.ready"));
    } else if (msg.type === "failed") {
      setStatus("failed", t("selfcheck.load_failed"));
    } else if (msg.type === "result" && pending.has(msg.id)) {
      pending.get(msg.id)(msg.payload);
      pending.delete(msg.id);
    }
  };
  worker.postMessage({ type: "init", bundle: new URL(root.dataset.bundle, document.baseURI).href });

  const evaluate = (household) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ type: "evaluate", id, household });
    });

  // One age field per child; existing answers are kept when the count changes.
  const renderChildAges = () => {
    const count = Number.parseInt(form.children.value, 10);
    const wanted = Number.isInteger(count) ? Math.max(0, Math.min(count, MAX_CHILDREN)) : 0;
    while (childAges.children.length > wanted) childAges.lastElementChild.remove();
    while (childAges.children.length < wanted) {
      const n = childAges.children.length + 1;
      const field = template.content.firstElementChild.cloneNode(true);
      const label = field.querySelector("label");
      const input = field.querySelector("input");
      const error = field.querySelector(".sl-error");
      input.id = `sc-child-${n}`;
      input.name = `child-${n}`;
      error.id = `sc-child-${n}-error`;
      error.dataset.field = `persons[${n}].age`;
      input.setAttribute("aria-describedby", error.id);
      label.htmlFor = input.id;
      label.textContent = label.dataset.label.replace("{n}", String(n));
      childAges.append(field);
    }
  };
  form.children.addEventListener("input", renderChildAges);
  renderChildAges();

  // Numbers stay numbers; anything else is passed on as text so the engine names the field.
  const readNumber = (value) => {
    const trimmed = String(value).trim();
    if (trimmed === "") return undefined; // dropped by JSON: the engine reports "required"
    return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
  };

  const clearErrors = () => {
    for (const el of root.querySelectorAll(".sl-error")) el.textContent = "";
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  };

  const showErrors = (errors) => {
    let first = null;
    for (const err of errors) {
      const target = root.querySelector(`.sl-error[data-field="${CSS.escape(err.field)}"]`);
      const text = t(`error.${err.key}`, err.args || {});
      if (target) {
        target.textContent = text;
        const input = document.getElementById(target.id.replace(/-error$/, ""));
        if (input) {
          input.setAttribute("aria-invalid", "true");
          first = first || input;
        }
      } else {
        document.getElementById("sc-form-error").textContent = t("selfcheck.fix_fields");
      }
    }
    if (first) first.focus();
  };

  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  const showResult = (result) => {
    const cards = document.getElementById("sc-cards");
    cards.replaceChildren();
    for (const program of result.programs) {
      const card = el("article", undefined, `sl-card sl-card--${program.status}`);
      card.dataset.program = program.program;
      card.append(el("h3", t(`program.${program.program}`)));
      card.append(el("p", t(`status.${program.status}`), "sl-card-status"));
      const amount = el("p", undefined, "sl-card-amount");
      amount.append(el("strong", money.format(program.amount)), ` ${t("selfcheck.per_month")}`);
      card.append(amount);
      const steps = [...program.steps, ...program.reasons];
      if (steps.length) {
        const details = el("details");
        details.append(el("summary", t("selfcheck.why")));
        const list = el("ol");
        for (const step of steps) {
          const item = el("li", t(step.key, step.args));
          if (step.amount !== undefined) item.append(": ", el("strong", money.format(step.amount)));
          if (step.law) item.append(" ", el("span", `(${step.law})`, "sl-law"));
          list.append(item);
        }
        details.append(list);
        card.append(details);
      }
      cards.append(card);
    }
    document.getElementById("sc-total").textContent = `${money.format(result.total)} ${t("selfcheck.per_month")}`;
    const warnings = document.getElementById("sc-warnings");
    warnings.replaceChildren(...result.warnings.map((w) => el("p", t(`warning.${w.key}`, w.args), "sl-warning")));
    document.getElementById("sc-not-checked").replaceChildren(
      ...result.not_checked.map((id) => el("li", t(`program.${id}`))));
    const section = document.getElementById("sc-result");
    section.hidden = false;
    document.getElementById("sc-result-title").focus();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const count = readNumber(form.children.value);
    if (!Number.isInteger(count) || count < 0 || count > MAX_CHILDREN) {
      const key = !Number.isInteger(count) ? "wrong_type" : count < 0 ? "too_small" : "too_large";
      showErrors([{ field: "children", key, args: { min: 0, max: MAX_CHILDREN } }]);
      return;
    }
    const persons = [{ id: "p1", age: readNumber(form.age.value), relation: "self" }];
    for (let n = 1; n <= count; n++) {
      persons.push({ id: `c${n}`, age: readNumber(form[`child-${n}`].value), relation: "child", parent: "p1" });
    }
    const household = { month: form.month.value.trim(), persons };
    if (status.dataset.state !== "ready") setStatus("calculating", t("selfcheck.calculating"));
    const answer = await evaluate(household);
    setStatus("ready", t("selfcheck.ready"));
    if (answer.ok) showResult(answer.result);
    else if (answer.errors) showErrors(answer.errors);
    else document.getElementById("sc-form-error").textContent = t("selfcheck.load_failed");
  });
}

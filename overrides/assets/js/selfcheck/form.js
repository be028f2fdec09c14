// The questions: repeated groups, skip logic, validation, and answers -> household.
// Question definitions come from selfcheck/questions.yaml via the page's JSON config.

import { intlLocale } from "./text.js";

const NAME_RE = /^([a-z_]+)(?:-(\d{1,2}))?$/;

export class Questionnaire {
  constructor(form, config, t, lang) {
    this.form = form;
    this.q = config.questions;
    this.steps = config.steps;
    this.t = t;
    this.lang = lang;
    this.numberParts = numberParts(lang);
  }

  // -- elements ------------------------------------------------------------------------------
  controls(name) {
    return [...this.form.querySelectorAll(`[name="${CSS.escape(name)}"]`)];
  }

  countOf(qid) {
    const raw = this.parseNumber(this.rawValue(qid));
    const max = this.q[qid].max ?? 10;
    return Number.isInteger(raw) ? Math.max(0, Math.min(raw, max)) : 0;
  }

  // Make as many copies of each repeated group as the count asks for; answers already given stay.
  syncRepeats() {
    for (const container of this.form.querySelectorAll("[data-repeats]")) {
      const qid = container.dataset.repeats;
      const source = this.q[qid].of || qid;
      const wanted = this.countOf(source);
      const template = this.form.querySelector(`#tpl-${qid}`);
      while (container.children.length > wanted) container.lastElementChild.remove();
      while (container.children.length < wanted) {
        const n = container.children.length + 1;
        const copy = template.content.firstElementChild.cloneNode(true);
        for (const el of copy.querySelectorAll("*")) {
          for (const attr of ["id", "name", "for", "aria-describedby", "data-for"]) {
            if (el.hasAttribute(attr)) el.setAttribute(attr, el.getAttribute(attr).replaceAll("__N__", String(n)));
          }
        }
        const legend = copy.querySelector("legend");
        legend.textContent = legend.dataset.legend.replace("{n}", String(n));
        copy.dataset.n = String(n);
        container.append(copy);
      }
    }
  }

  // -- values --------------------------------------------------------------------------------
  rawValue(name) {
    const controls = this.controls(name);
    if (!controls.length) return undefined;
    if (controls[0].type === "radio") {
      const checked = controls.find((c) => c.checked);
      return checked ? checked.value : undefined;
    }
    return controls[0].value;
  }

  setRaw(name, value) {
    const controls = this.controls(name);
    if (!controls.length) return false;
    if (controls[0].type === "radio") {
      for (const c of controls) c.checked = c.value === String(value);
    } else {
      controls[0].value = String(value);
    }
    return true;
  }

  parseNumber(raw) {
    return parseLocaleNumber(raw, this.numberParts.decimal);
  }

  // The typed value of a question (in repeat n), or undefined when empty.
  value(qid, n) {
    const def = this.q[qid];
    const raw = this.rawValue(n ? `${qid}-${n}` : qid);
    switch (def.type) {
      case "yesno":
        return raw === undefined ? undefined : raw === "yes";
      case "integer": case "money": case "count":
        return this.parseNumber(raw);
      default:
        return raw === "" ? undefined : raw;
    }
  }

  // -- skip logic ----------------------------------------------------------------------------
  // "a|b": either; "a&b": both ("&" binds closer); each part "id", "!id", "id>=N", "id=value".
  condition(expr, n) {
    return expr.split("|").some((any) => any.split("&").every((part) => this.atom(part, n)));
  }

  atom(expr, n) {
    const m = /^(!?)([a-z_]+)(?:(>=|<=|>|<|=)(.+))?$/.exec(expr);
    if (!m) return true;
    const [, negate, qid, op, operand] = m;
    const value = this.value(qid, this.q[qid]?.group || this.q[qid]?.of ? n : undefined);
    let result;
    if (!op) result = value === true || (typeof value === "number" && value > 0);
    else {
      const other = Number(operand);
      const left = typeof value === "number" ? value : NaN;
      result = { ">=": left >= other, "<=": left <= other, ">": left > other, "<": left < other,
        "=": String(value) === operand }[op];
    }
    return negate ? !result : result;
  }

  applyVisibility() {
    for (const el of this.form.querySelectorAll("[data-show-if]")) {
      const repeat = el.closest("[data-n]");
      el.hidden = !this.condition(el.dataset.showIf, repeat ? Number(repeat.dataset.n) : undefined);
    }
  }

  // -- validation ----------------------------------------------------------------------------
  fieldError(name) {
    const control = this.controls(name)[0];
    if (!control) return null;
    const error = this.form.querySelector(`[data-for="${CSS.escape(control.id || "q-" + name)}"]`) ||
      control.closest("[data-q]")?.querySelector(".sl-error");
    return { control, error };
  }

  showError(name, key, args = {}) {
    const target = this.fieldError(name);
    if (!target) return false;
    target.error.textContent = this.t(key, args);
    for (const c of this.controls(name)) c.setAttribute("aria-invalid", "true");
    return true;
  }

  clearErrors() {
    for (const el of this.form.querySelectorAll(".sl-error")) el.textContent = "";
    for (const el of this.form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  }

  // Hidden by skip logic? (A wizard step that is merely not on screen does not count.)
  skipped(control) {
    for (let el = control.parentElement; el && el !== this.form; el = el.parentElement) {
      if (el.hidden && !el.classList.contains("sl-step")) return true;
    }
    return false;
  }

  visibleNames(stepId) {
    const scope = stepId ? this.form.querySelector(`[data-step="${stepId}"]`) : this.form;
    const names = new Set();
    for (const control of scope.querySelectorAll("input[name], select[name]")) {
      if (control.type === "file" || control.closest("template") || this.skipped(control)) continue;
      names.add(control.name);
    }
    return [...names];
  }

  // Returns the names that failed, after showing a message at each.
  validate(stepId) {
    const failed = [];
    for (const name of this.visibleNames(stepId)) {
      const [, qid] = NAME_RE.exec(name) || [];
      const def = Object.hasOwn(this.q, qid ?? "") ? this.q[qid] : null;
      if (!def) continue;
      const raw = this.rawValue(name);
      const empty = raw === undefined || String(raw).trim() === "";
      let problem = null;
      if (empty) {
        if (def.required) problem = [def.type === "town" || def.type === "choice" ? "error.choose" : "error.required"];
      } else if (["integer", "money", "count"].includes(def.type)) {
        const number = this.parseNumber(raw);
        if (Number.isNaN(number)) problem = ["error.not_a_number"];
        else if (def.type !== "money" && !Number.isInteger(number)) problem = ["error.not_a_number"];
        else if (def.min !== undefined && number < def.min) problem = ["error.too_small", { min: def.min }];
        else if (def.max !== undefined && number > def.max) problem = ["error.too_large", { max: def.max }];
      } else if (def.type === "month" && !/^(19|20)\d{2}-(0[1-9]|1[0-2])$/.test(String(raw).trim())) {
        problem = ["error.bad_month"];
      }
      if (problem) {
        this.showError(name, ...problem);
        failed.push(name);
      }
    }
    return failed;
  }

  // -- answers <-> household ----------------------------------------------------------------
  answers() {
    const out = {};
    for (const control of this.form.querySelectorAll("input[name], select[name]")) {
      if (control.type === "file" || control.closest("template")) continue;
      if (control.type === "radio" && !control.checked) continue;
      out[control.name] = control.value;
    }
    return out;
  }

  // Accept only names the form knows and short text values; returns how many were taken.
  restore(answers) {
    const count = (name) => answers[name] !== undefined && this.setRaw(name, answers[name]);
    for (const qid of Object.keys(this.q).filter((id) => this.q[id].type === "count" && !this.q[id].of)) count(qid);
    this.syncRepeats();
    let taken = 0;
    for (const [name, value] of Object.entries(answers)) {
      if (!NAME_RE.test(name) || !Object.hasOwn(this.q, NAME_RE.exec(name)[1])) continue;
      if (typeof value !== "string" || value.length > 40) continue;
      if (this.setRaw(name, value)) taken++;
    }
    this.syncRepeats();
    this.applyVisibility();
    return taken;
  }

  // The engine's household. `where` maps engine field paths back to form controls.
  household() {
    const hasPartner = this.value("has_partner") === true;
    const persons = [{ id: "p1", relation: "self" }];
    const where = {};
    if (hasPartner) persons.push({ id: "p2", relation: "partner" });
    const children = [];
    for (let n = 1; n <= this.countOf("children"); n++) {
      const child = { id: `c${n}`, relation: "child", parent: "p1" };
      if (hasPartner && this.value("child_joint", n) !== false) child.parent2 = "p2";
      persons.push(child);
      children.push(child);
    }
    const hh = { persons };
    const index = (person) => persons.indexOf(person);
    for (const name of this.visibleNames()) {
      const [, qid, nText] = NAME_RE.exec(name) || [];
      const def = this.q[qid];
      if (!def || !def.fields.length) continue;
      const n = nText ? Number(nText) : undefined;
      let value = this.value(qid, n);
      if (value === undefined) value = def.default;
      if (def.subtract && typeof value === "number") {
        value = Math.round((value - (this.value(def.subtract, n) ?? 0)) * 100) / 100;
      }
      if (value === undefined || (def.type === "town" && value === "-")) continue;
      for (const field of def.fields) {
        const [head, ...rest] = field.split(".");
        let target = hh;
        let path = field;
        if (head === "self" || head === "partner" || head === "child") {
          target = head === "self" ? persons[0] : head === "partner" ? persons[1] : children[n - 1];
          if (!target || (head === "partner" && !hasPartner)) continue;
          path = rest.join(".");
          where[`persons[${index(target)}].${path}`] = name;
        } else {
          where[field] = name;
        }
        setPath(target, path, value);
      }
    }
    return { household: hh, where };
  }
}

// Numbers as people type them: "1.234,50", "1,234.50", "1234.5", "١٢٣٤٫٥", "1 234 €".
// When both "," and "." occur, the last one is the decimal mark; a single mark followed by
// exactly three digits ("1.234") is read the way the page's language writes numbers.
export function parseLocaleNumber(raw, localeDecimal = ",") {
  if (raw === undefined || raw === null) return undefined;
  let text = String(raw).trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06F0))
    .replace(/\u066b/g, ".").replace(/\u066c/g, "")
    .replace(/[\s\u00a0\u202f€]/g, "");
  if (text === "") return undefined;
  const marks = [...text.matchAll(/[.,]/g)].map((m) => m[0]);
  let decimal = null;
  if (new Set(marks).size === 2) decimal = marks.at(-1);
  else if (marks.length === 1) {
    const digitsAfter = text.length - text.search(/[.,]/) - 1;
    decimal = digitsAfter === 3 ? (marks[0] === localeDecimal ? marks[0] : null) : marks[0];
  }
  const grouped = (whole) => !/[.,]/.test(whole) || /^-?\d{1,3}([.,]\d{3})+$/.test(whole); // 1.234.567
  if (decimal) {
    const [whole, ...rest] = text.split(decimal);
    if (rest.length !== 1 || !grouped(whole)) return NaN;
    text = `${whole.replace(/[.,]/g, "")}.${rest[0]}`;
  } else {
    if (!grouped(text)) return NaN;
    text = text.replace(/[.,]/g, "");
  }
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

function setPath(target, path, value) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys.at(-1)] = value;
}

function numberParts(lang) {
  const parts = new Intl.NumberFormat(intlLocale(lang), { useGrouping: true }).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === "group")?.value ?? ",",
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
  };
}

// The calculator page: loads Pyodide and the amcalc wheels from this site, then runs the
// page's form through amcalc_web.py (the figures, their explanations, the typed errors).
"use strict";

const DAYS = [["mon", "Lundi"], ["tue", "Mardi"], ["wed", "Mercredi"], ["thu", "Jeudi"], ["fri", "Vendredi"],
              ["sat", "Samedi"], ["sun", "Dimanche"]];
const started = performance.now();
const page = { py: null, glue: null, runs: 0, timings: {} };
window.amcalcPage = page;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

function field(name, label, attrs = {}) {
  const id = "f-" + name.replace(/[^a-z0-9]+/gi, "-");
  const wrap = el("div", { class: "field" });
  wrap.append(el("label", { for: id, text: label }),
              el("input", { id, name, type: "text", autocomplete: "off", ...attrs }));
  return wrap;
}

function contractFieldset() {
  const set = el("fieldset", { id: "contract" }, el("legend", { text: "Le contrat" }));
  set.append(field("contract.hourly_rate", "Salaire horaire brut (€)", { inputmode: "decimal" }),
             field("contract.weeks", "Semaines programmées par an", { inputmode: "numeric" }),
             field("contract.start", "Date d'embauche (AAAA-MM-JJ)", { inputmode: "numeric" }),
             field("contract.maintenance_per_hour", "Entretien par heure d'accueil (€, facultatif)",
                   { inputmode: "decimal" }));
  const days = el("fieldset", { class: "days" },
                  el("legend", { text: "Horaires de la semaine (« 08:30-17:30 » ou « 9 » heures ; vide : pas d'accueil)" }));
  for (const [key, label] of DAYS) days.append(field(`contract.schedule.${key}`, label));
  set.append(days);
  const files = el("div", { class: "files" });
  const open = el("input", { type: "file", id: "open-file", accept: ".toml,.json" });
  files.append(el("button", { type: "button", id: "save-json", text: "Enregistrer le contrat (JSON)" }),
               el("button", { type: "button", id: "save-toml", text: "Enregistrer le contrat (TOML)" }),
               el("label", { for: "open-file", class: "open", text: "Ouvrir un fichier de contrat" }), open);
  set.append(files);
  return set;
}

// --- the form's values as the tables of a contract file, and back ---------------------

const PATH = /([^.[\]]+)|\[(\d+)\]/g;

function setPath(target, name, value) {
  const keys = [...name.matchAll(PATH)].map(m => m[2] !== undefined ? Number(m[2]) : m[1]);
  let node = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) { node[key] = value; return; }
    if (node[key] === undefined) node[key] = typeof keys[i + 1] === "number" ? [] : {};
    node = node[key];
  });
}

function prune(value) {
  if (Array.isArray(value)) return value.map(prune).filter(v => v !== undefined);
  if (value && typeof value === "object") {
    const kept = Object.entries(value).map(([k, v]) => [k, prune(v)]).filter(([, v]) => v !== undefined);
    return kept.length ? Object.fromEntries(kept) : undefined;
  }
  return value === "" ? undefined : value;
}

function formTables(form) {
  const tables = {};
  for (const input of form.querySelectorAll("[name]")) {
    const value = input.type === "checkbox" ? input.checked : input.value.trim();
    setPath(tables, input.name, value);
  }
  return prune(tables) || {};
}

function flatten(value, prefix, out) {
  if (Array.isArray(value) && value.some(v => v && typeof v === "object")) {
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => { out[`${prefix}[${i}]`] = v; });
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = value;
  }
  return out;
}

function fillForm(form, tables) {
  for (const list of form.querySelectorAll("[data-rows]")) list.replaceChildren();
  for (const input of form.querySelectorAll("[name]")) {
    if (input.name.startsWith("contract.") || tables[input.name.split(".")[0]]) {
      if (input.type === "checkbox") input.checked = false; else input.value = "";
    }
  }
  for (const [name, value] of Object.entries(flatten(tables, "", {}))) {
    const row = name.match(/^(.*)\[(\d+)\]/);
    if (row) while (rowsOf(form, row[1]).children.length <= Number(row[2])) addRow(form, row[1]);
    const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (!input) continue;
    if (input.type === "checkbox") input.checked = value === true; else input.value = String(value);
  }
}

// --- rows (absences, weeks, holidays) ----------------------------------------------

function rowsOf(form, list) { return form.querySelector(`[data-rows="${list}"]`); }

function renumber(container) {
  const list = container.dataset.rows;
  [...container.children].forEach((row, i) => {
    for (const input of row.querySelectorAll("[data-key]")) {
      input.name = `${list}[${i}]` + (input.dataset.key ? "." + input.dataset.key : "");
      input.id = "f-" + input.name.replace(/[^a-z0-9]+/gi, "-");
      const label = row.querySelector(`label[data-for="${input.dataset.key}"]`);
      if (label) label.htmlFor = input.id;
    }
  });
}

function addRow(form, list) {
  const container = rowsOf(form, list);
  const row = document.getElementById(container.dataset.template).content.firstElementChild.cloneNode(true);
  row.querySelector(".remove").addEventListener("click", () => { row.remove(); renumber(container); });
  fillChoices(row);
  container.append(row);
  renumber(container);
  return row;
}

function fillChoices(root) {
  if (!page.choices) return;
  for (const select of root.querySelectorAll("select[data-choices]")) {
    if (select.options.length) continue;
    for (const [value, label] of page.choices[select.dataset.choices]) {
      select.append(el("option", { value, text: label }));
    }
  }
}

// --- errors next to their field -----------------------------------------------------

function clearErrors(form) {
  for (const node of form.querySelectorAll(".field-error")) node.remove();
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
}

// The input an error's field names: the same name, or one ending with it (amcalc names a
// contract's key without its table: "hourly_rate" for "contract.hourly_rate"), or the first
// input inside it ("end.leave_completed" for "end.leave_completed.days"); else none.
function inputFor(form, field) {
  if (!field) return null;
  const names = [...form.querySelectorAll("[name]")].map(input => input.name);
  const tests = [n => n === field, n => n.endsWith("." + field),
                 n => n.startsWith(field + ".") || n.includes("." + field + ".") || n.includes("." + field + "[")];
  for (const test of tests) {
    const name = names.find(test);
    if (name) return form.querySelector(`[name="${CSS.escape(name)}"]`);
  }
  return null;
}

function showError(form, error) {
  const input = inputFor(form, error.field);
  const message = el("p", { class: "field-error", role: "alert", text: error.message });
  if (input) {
    message.id = input.id + "-error";
    message.dataset.field = input.name;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", message.id);
    input.closest(".field, .row").append(message);
    input.focus();
  } else {
    message.dataset.field = error.field || "";
    form.querySelector(".actions").before(message);
  }
}

// --- results ------------------------------------------------------------------------

function figureNode(figure) {
  const item = el("details", { class: "figure", "data-key": figure.key, "data-amount": figure.amount });
  item.append(el("summary", {}, el("span", { class: "label", text: figure.label }),
                 el("span", { class: "amount", text: figure.shown })),
              el("pre", { class: "explain", text: figure.explain }));
  return item;
}

function block(title, figures, cls = "") {
  const section = el("section", { class: "block " + cls }, el("h3", { text: title }));
  for (const figure of figures) section.append(figureNode(figure));
  return section;
}

function render(answer, out) {
  const parts = [el("h2", { text: answer.title })];
  if (answer.dates) {
    const list = el("dl", { class: "dates" });
    for (const [term, value] of answer.dates) list.append(el("dt", { text: term }), el("dd", { text: value }));
    parts.push(list);
  }
  parts.push(block(answer.dates ? "Le solde de tout compte" : "Les chiffres du mois", answer.figures));
  if (answer.totals) parts.push(block("Totaux", answer.totals, "totals"));
  for (const section of answer.sections || []) {
    const table = el("table", { class: "pajemploi" }, el("caption", { text: section.title }));
    for (const [name, value] of section.fields) table.append(el("tr", {}, el("th", { scope: "row", text: name }),
                                                                  el("td", { text: value })));
    parts.push(table);
  }
  if (answer.reform) parts.push(block("Avant et après la réforme du CMG (1er septembre 2025)", answer.reform));
  if (answer.year) parts.push(block(`L'année (${answer.months} mois du contrat, sans absence)`, answer.year));
  for (const text of [...(answer.warnings || []), ...(answer.not_due || []), ...(answer.notes || [])]) {
    parts.push(el("p", { class: "note", text }));
  }
  const whole = el("details", { class: "whole" }, el("summary", { text: "Explication complète" }),
                   el("pre", { text: answer.explanation }));
  parts.push(whole);
  out.replaceChildren(...parts);
}

// --- running ------------------------------------------------------------------------

function compute(form) {
  const out = document.getElementById("results");
  clearErrors(form);
  let answer;
  try {
    answer = JSON.parse(page.glue[form.dataset.page + "_page"](JSON.stringify(formTables(form))));
  } catch (err) {  // a defect of amcalc or of the page: said, never a silent stop
    out.replaceChildren(el("p", { class: "field-error", role: "alert",
                                  text: "Erreur interne du calculateur ; aucun chiffre n'a été calculé. " + err }));
    document.body.dataset.state = "crashed";
    throw err;
  }
  if (answer.error) {
    showError(form, answer.error);
    out.replaceChildren(el("p", { class: "note", text: "Corrigez le champ signalé pour voir les chiffres." }));
  } else {
    render(answer, out);
  }
  page.runs += 1;
  document.body.dataset.runs = String(page.runs);
  document.body.dataset.state = answer.error ? "error" : "done";
  if (page.timings.firstResult === undefined) {
    page.timings.firstResult = performance.now();
    document.getElementById("status").textContent =
      `Calculateur prêt en ${((page.timings.firstResult - started) / 1000).toFixed(1)} s : tout est calculé sur votre appareil.`;
  }
  return answer;
}

function contractFile(form, kind) {
  return page.glue.contract_file(JSON.stringify(formTables(form)), kind);
}

function save(form, kind) {
  const text = contractFile(form, kind);
  if (text.startsWith('{"error"')) { clearErrors(form); showError(form, JSON.parse(text).error); return; }
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type: "text/plain" })),
                         download: `contrat.${kind}` });
  document.body.append(link);
  link.click();
  link.remove();
}

async function open(form, file) {
  const answer = JSON.parse(page.glue.open_contract_file(await file.text(), file.name));
  clearErrors(form);
  if (answer.error) { showError(form, answer.error); return; }
  fillForm(form, answer.tables);
  compute(form);
}

async function start() {
  const form = document.querySelector("form[data-page]");
  const status = document.getElementById("status");
  form.querySelector("[data-contract]").replaceWith(contractFieldset());
  const submit = form.querySelector("button[type=submit]");
  submit.disabled = true;
  try {
    page.py = await loadPyodide({ indexURL: new URL("pyodide/", location.href).href });
    page.timings.pyodide = performance.now();
    const wheels = await (await fetch("wheels.json")).json();
    await page.py.loadPackage(wheels.map(w => new URL(w, location.href).href), { messageCallback: () => {} });
    page.py.FS.writeFile("/home/pyodide/amcalc_web.py", await (await fetch("amcalc_web.py")).text());
    page.glue = page.py.pyimport("amcalc_web");
    page.timings.packages = performance.now();
  } catch (err) {
    status.textContent = "Le calculateur n'a pas pu démarrer : " + err;
    document.body.dataset.state = "failed";
    throw err;
  }
  page.choices = JSON.parse(page.glue.choices());
  fillChoices(form);
  fillForm(form, JSON.parse(document.getElementById("defaults").textContent));
  for (const button of form.querySelectorAll("[data-add]")) {
    button.addEventListener("click", () => addRow(form, button.dataset.add).querySelector("input, select").focus());
  }
  form.addEventListener("submit", event => { event.preventDefault(); compute(form); });
  document.getElementById("save-json").addEventListener("click", () => save(form, "json"));
  document.getElementById("save-toml").addEventListener("click", () => save(form, "toml"));
  document.getElementById("open-file").addEventListener("change", event => {
    if (event.target.files.length) open(form, event.target.files[0]);
  });
  page.compute = () => compute(form);
  page.contractFile = kind => contractFile(form, kind);
  page.open = (text, name) => open(form, new File([text], name));
  submit.disabled = false;
  document.body.dataset.state = "ready";
  compute(form);
}

start();

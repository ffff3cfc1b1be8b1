/* The respondent's pages, enhanced. Everything here is optional: without this script every
   question is shown (the server ignores answers to hidden ones), saving is by the buttons, and
   rows are added by "Save and add another row".

   1. SurveyConditions: the show_if evaluator, kept in agreement with the Python one
      (surveyapp/questionnaire/conditions.py) by tests/shared/show_if_cases.json.
   2. Show and hide questions as answers change.
   3. Autosave: debounced background save of the section form, "Saved at HH:MM", retries
      when offline, a warning before leaving with unsaved changes.
   4. Repeat rows: add and remove without a round trip.
   5. Un-ticking an item that has answers in a per-item block asks first.
   6. Focus moves to an error summary or conflict notice. */
(function () {
  "use strict";

  // -- 1. conditions --------------------------------------------------------------------

  function isAnswered(value) {
    if (value === null || value === undefined) { return false; }
    if (typeof value === "string") { return value.trim() !== ""; }
    if (Array.isArray(value)) { return value.length > 0; }
    if (typeof value === "object") { return Object.keys(value).length > 0; }
    return true;
  }

  function isScalar(value) {
    return typeof value === "string" || typeof value === "number";
  }

  function same(value, expected) {
    if (typeof value === "boolean" || typeof expected === "boolean") {
      return typeof value === "boolean" && typeof expected === "boolean" && value === expected;
    }
    if (value === expected) { return true; }
    // A rating written `equals: 5` matches the stored choice code "5" (as in Python).
    return isScalar(value) && isScalar(expected) &&
      (typeof value === "string") !== (typeof expected === "string") &&
      String(value) === String(expected);
  }

  function includes(value, expected) {
    if (Array.isArray(value)) {
      return value.some(function (item) { return same(item, expected); });
    }
    if (value !== null && typeof value === "object") {
      return Object.keys(value).some(function (item) { return same(item, expected); });
    }
    return false;
  }

  function has(object, key) {
    return object !== null && object !== undefined &&
      Object.prototype.hasOwnProperty.call(object, key);
  }

  /* Whether `condition` holds; `lookup(key)` gives the value of a question. */
  function evaluateWith(condition, lookup) {
    if (condition === null || condition === undefined) { return true; }
    if (has(condition, "all")) {
      return condition.all.every(function (part) { return evaluateWith(part, lookup); });
    }
    if (has(condition, "any")) {
      return condition.any.some(function (part) { return evaluateWith(part, lookup); });
    }
    if (has(condition, "not")) { return !evaluateWith(condition.not, lookup); }
    if (has(condition, "question")) {
      var value = lookup(condition.question);
      if (has(condition, "equals")) { return same(value, condition.equals); }
      if (has(condition, "includes")) { return includes(value, condition.includes); }
      if (has(condition, "answered")) { return isAnswered(value) === Boolean(condition.answered); }
    }
    throw new Error("not a condition: " + JSON.stringify(condition));
  }

  /* The same signature as the Python `evaluate(condition, answers, scope)`. */
  function evaluate(condition, answers, scope) {
    return evaluateWith(condition, function (key) {
      if (has(scope, key)) { return scope[key]; }
      return has(answers, key) ? answers[key] : null;
    });
  }

  window.SurveyConditions = { evaluate: evaluate, isAnswered: isAnswered };

  // -- 2. show and hide -----------------------------------------------------------------

  var form = document.getElementById("section-form");
  var stored = {};
  if (form && form.dataset.answers) {
    try { stored = JSON.parse(form.dataset.answers); } catch (e) { stored = {}; }
  }

  function wrapperFor(key, scope) {
    var selector = '[data-question="' + key + '"]';
    if (scope) {
      var inScope = scope.querySelector(selector);
      if (inScope) { return inScope; }
    }
    return document.querySelector(selector + ":not([data-scope] " + selector + ")");
  }

  function valueOf(key, scope) {
    var wrapper = wrapperFor(key, scope);
    if (!wrapper) { return has(stored, key) ? stored[key] : null; }
    var values = [];
    var multiple = false;
    wrapper.querySelectorAll("input, select, textarea").forEach(function (input) {
      if (input.closest("[data-question]") !== wrapper) { return; }
      if (input.type === "checkbox") {
        multiple = true;
        if (input.checked) { values.push(input.value); }
      } else if (input.type === "radio") {
        if (input.checked) { values.push(input.value); }
      } else if (input.tagName === "SELECT" && input.multiple) {
        multiple = true;
        Array.prototype.forEach.call(input.selectedOptions, function (o) { values.push(o.value); });
      } else if (input.value !== "") {
        values.push(input.value);
      }
    });
    if (multiple) { return values; }
    return values.length ? values[0] : null;
  }

  function refresh() {
    document.querySelectorAll("[data-show-if]").forEach(function (element) {
      var condition;
      try { condition = JSON.parse(element.dataset.showIf); } catch (e) { return; }
      var scope = element.parentElement ? element.parentElement.closest("[data-scope]") : null;
      var visible;
      try {
        visible = evaluateWith(condition, function (key) { return valueOf(key, scope); });
      } catch (e) {
        visible = true;
      }
      element.hidden = !visible;
    });
  }

  // -- 3. autosave ----------------------------------------------------------------------

  var texts = document.getElementById("autosave-texts");
  function text(name) { return texts ? texts.dataset[name] || "" : ""; }

  var status = document.getElementById("autosave-status");
  var dirty = false;
  var changeCount = 0;
  var timer = null;
  var retryDelay = 2000;
  var saving = false;
  var submitting = false;
  var stopped = false;
  var tokenRenewed = false;

  function say(message, problem) {
    if (!status) { return; }
    status.textContent = message;
    status.classList.toggle("problem", Boolean(problem));
  }

  /* A message and, under it, each refused answer: its label (a link to the field) and why. */
  function sayProblems(message, problems) {
    if (!status) { return; }
    status.textContent = message;
    status.classList.add("problem");
    if (!problems.length) { return; }
    var list = document.createElement("ul");
    list.className = "autosave-problems";
    problems.forEach(function (problem) {
      var entry = document.createElement("li");
      var link = document.createElement(problem.field ? "a" : "span");
      if (problem.field) { link.href = "#" + problem.field; }
      link.textContent = problem.label;
      entry.appendChild(link);
      entry.appendChild(document.createTextNode(": " + problem.message));
      list.appendChild(entry);
    });
    status.appendChild(list);
  }

  function schedule(delay) {
    if (stopped) { return; }
    window.clearTimeout(timer);
    timer = window.setTimeout(save, delay);
  }

  function save() {
    if (!form || !form.dataset.autosaveUrl || saving || stopped || !dirty) { return; }
    saving = true;
    var startedAt = changeCount;
    var body = new FormData(form);
    body.set("action", "autosave");
    say(text("saving"), false);
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) {
        return { code: response.status, data: data };
      }, function () {
        return { code: response.status, data: {} };
      });
    }).then(function (result) {
      saving = false;
      var data = result.data || {};
      if (result.code === 200 && data.status === "saved") {
        tokenRenewed = false;
        form.querySelector('input[name="version"]').value = data.version;
        retryDelay = 2000;
        if (changeCount === startedAt) { dirty = false; }
        say(data.message, false);
        if (dirty) { schedule(1500); }
      } else if (result.code === 422 && data.status === "invalid") {
        // The valid answers were stored (a new version); the others are named, with a link to
        // each. They stay unsaved until changed: the next change saves again.
        tokenRenewed = false;
        retryDelay = 2000;
        form.querySelector('input[name="version"]').value = data.version;
        sayProblems(data.message, data.problems || []);
      } else if (result.code === 400 && data.status === "expired" && data.csrf_token &&
                 !tokenRenewed) {
        // The session's token expired while the page was open: take the new one and retry.
        tokenRenewed = true;
        form.querySelector('input[name="csrf_token"]').value = data.csrf_token;
        schedule(0);
      } else if (result.code === 409 || result.code === 423 || result.code === 400) {
        // A conflict, a closed response or an expired session: the person decides, by the
        // page's own Save button, which shows the full explanation; nothing is retried.
        stopped = true;
        say(data.message || text("failed"), true);
      } else {
        say(text("failed"), true);
        retryLater();
      }
    }, function () {
      saving = false;
      say(text("offline"), true);
      retryLater();
    });
  }

  function retryLater() {
    schedule(retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function changed() {
    dirty = true;
    changeCount += 1;
    schedule(1500);
  }

  if (form) {
    form.addEventListener("input", function () { refresh(); changed(); });
    form.addEventListener("change", function () { refresh(); changed(); });
    form.addEventListener("submit", function () { submitting = true; });
    window.addEventListener("online", function () { if (dirty) { schedule(0); } });
    window.addEventListener("beforeunload", function (event) {
      if (dirty && !submitting) {
        event.preventDefault();
        event.returnValue = text("unsaved");
        return text("unsaved");
      }
      return undefined;
    });
    refresh();
  }

  // -- 4. repeat rows -------------------------------------------------------------------

  function renumber(row, index) {
    row.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (el) {
      ["name", "id", "for", "aria-describedby"].forEach(function (attribute) {
        var value = el.getAttribute(attribute);
        if (value) {
          el.setAttribute(attribute, value.replace(/-\d+-/g, "-" + index + "-"));
        }
      });
    });
  }

  function clearRow(row) {
    row.querySelectorAll("input, select, textarea").forEach(function (input) {
      if (input.type === "checkbox" || input.type === "radio") {
        input.checked = false;
      } else if (input.tagName === "SELECT") {
        input.selectedIndex = input.options.length && input.options[0].value === "" ? 0 : -1;
      } else {
        input.value = "";
      }
    });
    row.querySelectorAll(".error-message").forEach(function (el) { el.remove(); });
    row.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
  }

  function enhanceRow(row) {
    var removeBox = row.querySelector('input[name$="-remove_row"]');
    if (!removeBox || row.querySelector("[data-remove-row]")) { return; }
    removeBox.closest(".remove").hidden = true;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button secondary";
    button.setAttribute("data-remove-row", "");
    button.textContent = text("removeRow");
    var legend = row.querySelector("legend");
    if (legend) {
      if (!legend.id) { legend.id = "legend-" + removeBox.id; }
      button.id = "remove-" + removeBox.id;
      button.setAttribute("aria-labelledby", button.id + " " + legend.id);
    }
    var holder = document.createElement("div");
    holder.className = "row-actions";
    holder.appendChild(button);
    row.appendChild(holder);
    button.addEventListener("click", function () {
      removeBox.checked = true;
      row.hidden = true;
      var repeat = row.closest("[data-repeat]");
      var next = repeat.querySelector("[data-row]:not([hidden]) input, [data-add-row]");
      say(text("rowRemoved"), false);
      if (next) { next.focus(); }
      changed();
    });
  }

  /* Rows read "Row 1", "Row 2"... once rows are added in the page. */
  function numberRows(repeat) {
    var number = 0;
    repeat.querySelectorAll("[data-row]").forEach(function (row) {
      if (row.hidden) { return; }
      number += 1;
      var legend = row.querySelector("legend");
      if (legend) { legend.textContent = text("rowNumber").replace("%(number)s", number); }
    });
  }

  document.querySelectorAll("[data-repeat]").forEach(function (repeat) {
    repeat.querySelectorAll("[data-row]").forEach(enhanceRow);
    var addButton = repeat.querySelector("[data-add-row]");
    if (!addButton) { return; }
    addButton.type = "button";
    addButton.removeAttribute("name");
    addButton.textContent = text("addRow");
    addButton.addEventListener("click", function () {
      var rows = repeat.querySelectorAll("[data-row]");
      var last = rows[rows.length - 1];
      var row = last.cloneNode(true);
      row.hidden = false;
      renumber(row, rows.length);
      clearRow(row);
      var button = row.querySelector("[data-remove-row]");
      if (button) { button.parentElement.remove(); }
      var legend = row.querySelector("legend");
      if (legend) { legend.removeAttribute("id"); }
      last.parentElement.insertBefore(row, addButton);
      enhanceRow(row);
      numberRows(repeat);
      refresh();
      say(text("rowAdded"), false);
      var first = row.querySelector("input:not([type=hidden]):not([type=checkbox]), select, textarea");
      if (first) { first.focus(); }
    });
  });

  // -- 5. un-ticking an item that has answers -------------------------------------------

  document.querySelectorAll("[data-confirm-untick]").forEach(function (block) {
    var items = {};
    try { items = JSON.parse(block.dataset.confirmUntick); } catch (e) { items = {}; }
    block.addEventListener("change", function (event) {
      var input = event.target;
      if (input.type !== "checkbox" || input.checked || !has(items, input.value)) { return; }
      var message = block.dataset.confirmMessage.replace("%(name)s", items[input.value]);
      if (!window.confirm(message)) {
        input.checked = true;
        event.stopPropagation();
      }
    }, true);
  });

  // -- 6. focus --------------------------------------------------------------------------

  var summary = document.querySelector("[data-focus]");
  if (summary) { summary.focus(); }
}());

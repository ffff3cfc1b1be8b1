/* Show and hide questions by their show_if conditions (the same definitions the server uses),
   and move focus to an error summary. The page works without this script: every question is
   then shown, and the server ignores answers to questions whose condition is false. */
(function () {
  "use strict";

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
    if (!wrapper) {
      return Object.prototype.hasOwnProperty.call(stored, key) ? stored[key] : null;
    }
    var inputs = wrapper.querySelectorAll("input, select, textarea");
    var values = [];
    var multiple = false;
    inputs.forEach(function (input) {
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

  function answered(value) {
    if (value === null || value === undefined || value === "") { return false; }
    if (Array.isArray(value)) { return value.length > 0; }
    if (typeof value === "object") { return Object.keys(value).length > 0; }
    return true;
  }

  function evaluate(condition, scope) {
    if (!condition) { return true; }
    if (condition.all) { return condition.all.every(function (c) { return evaluate(c, scope); }); }
    if (condition.any) { return condition.any.some(function (c) { return evaluate(c, scope); }); }
    if (condition.not) { return !evaluate(condition.not, scope); }
    var value = valueOf(condition.question, scope);
    if ("equals" in condition) {
      return value !== null && String(value) === String(condition.equals);
    }
    if ("includes" in condition) {
      return Array.isArray(value) && value.map(String).indexOf(String(condition.includes)) >= 0;
    }
    if ("answered" in condition) { return answered(value) === Boolean(condition.answered); }
    return true;
  }

  function refresh() {
    document.querySelectorAll("[data-show-if]").forEach(function (element) {
      var condition;
      try { condition = JSON.parse(element.dataset.showIf); } catch (e) { return; }
      var visible = evaluate(condition, element.closest("[data-scope]"));
      element.hidden = !visible;
    });
  }

  if (form) {
    form.addEventListener("input", refresh);
    form.addEventListener("change", refresh);
    refresh();
  }

  var summary = document.querySelector("[data-focus]");
  if (summary) { summary.focus(); }
}());

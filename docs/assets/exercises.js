// Exercises (markup from hooks/exercises.py): the reader commits to an answer, then reads it.
// Without JavaScript each exercise is the question, its options as a list, and a
// <details class="exercise-answer"> holding the answer.  Here we add the input (a number box
// or radio buttons) and a Check button; a wrong answer shows its hint in a live region, a
// right one opens the answer and moves the focus to it.  The answer stays one click away.
(function () {
  var TEXT = {
    zh: {
      number: "你的答案",
      choice: "选一个答案",
      check: "核对",
      right: "答对了。解答已经展开。",
      notNumber: "请输入一个数，例如 12 或 0.5。",
      noChoice: "先选一个选项。",
      wrong: "还不对。",
      low: "偏小了。",
      high: "偏大了。",
    },
    en: {
      number: "Your answer",
      choice: "Choose an answer",
      check: "Check",
      right: "Right. The solution is open below.",
      notNumber: "Please type a number, such as 12 or 0.5.",
      noChoice: "Choose an option first.",
      wrong: "Not yet.",
      low: "Too small.",
      high: "Too large.",
    },
  };
  var lang = (document.documentElement.lang || "en").slice(0, 2) === "zh" ? "zh" : "en";
  var t = TEXT[lang];

  // Full-width digits, the Chinese comma and minus signs a reader may type.
  function parseNumber(raw) {
    var s = raw.replace(/[\uff10-\uff19]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    });
    s = s.replace(/[\uff0e\u3002]/g, ".").replace(/[\u2212\uff0d]/g, "-").replace(/\s+/g, "");
    if (/^-?\d+,\d+$/.test(s)) s = s.replace(",", ".");
    s = s.replace(/[,\uff0c]/g, "");
    if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(s)) return NaN;
    return parseFloat(s);
  }

  function within(value, target, tolerance) {
    var tol = parseFloat(tolerance);
    if (/%$/.test(tolerance)) tol = (Math.abs(target) * tol) / 100;
    return Math.abs(value - target) <= tol + 1e-12;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function hintFor(box, when) {
    return box.querySelector(':scope > .exercise-hint[data-when="' + when + '"]');
  }

  function setup(box, index) {
    var id = box.id || "exercise-" + index;
    var kind = box.dataset.kind;
    var answer = box.querySelector(":scope > details.exercise-answer");
    if (!answer || (kind !== "number" && kind !== "choice")) return;
    var form = el("form", { class: "exercise-form", novalidate: "" });
    var feedback = el("div", {
      class: "exercise-feedback",
      id: id + "-feedback",
      role: "status",
      "aria-live": "polite",
    });
    var input;
    if (kind === "number") {
      input = el("input", {
        type: "text",
        inputmode: "decimal",
        autocomplete: "off",
        id: id + "-input",
        "aria-describedby": id + "-feedback",
      });
      form.appendChild(el("label", { for: id + "-input" }, t.number));
      form.appendChild(input);
    } else {
      var options = box.querySelector(":scope > .exercise-options");
      var group = el("fieldset", { class: "exercise-choices", "aria-describedby": id + "-feedback" });
      group.appendChild(el("legend", {}, t.choice));
      options.querySelectorAll(".exercise-option").forEach(function (option) {
        var letter = option.dataset.option;
        var label = el("label", { class: "exercise-choice" });
        var radio = el("input", { type: "radio", name: id + "-choice", value: letter });
        label.appendChild(radio);
        var content = el("span", {});
        while (option.firstChild) content.appendChild(option.firstChild);
        label.appendChild(content);
        group.appendChild(label);
      });
      options.replaceWith(group);
      form.appendChild(group);
    }
    var button = el("button", { type: "submit", class: "exercise-check" }, t.check);
    form.appendChild(button);
    box.insertBefore(form, box.querySelector(":scope > .exercise-hint") || answer);
    box.insertBefore(feedback, answer);
    box.classList.add("exercise--live");

    function say(parts) {
      feedback.replaceChildren();
      parts.forEach(function (part) {
        if (typeof part === "string") {
          feedback.appendChild(el("p", {}, part));
        } else {
          feedback.appendChild(part.cloneNode(true));
        }
      });
    }

    function hint(when, fallback) {
      var found = hintFor(box, when);
      if (!found) return [fallback];
      var copy = found.cloneNode(true);
      copy.hidden = false;
      copy.removeAttribute("data-when");
      return [fallback, copy];
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var target = box.dataset.answer;
      var ok = false;
      var reply;
      if (kind === "number") {
        var value = parseNumber(input.value);
        if (isNaN(value)) {
          reply = [t.notNumber];
        } else if (within(value, parseFloat(target), box.dataset.tolerance)) {
          ok = true;
        } else {
          var nears = box.querySelectorAll(':scope > .exercise-hint[data-when="near"]');
          var near = Array.prototype.find.call(nears, function (h) {
            return within(value, parseFloat(h.dataset.near), box.dataset.tolerance);
          });
          if (near) {
            var copy = near.cloneNode(true);
            copy.hidden = false;
            reply = [t.wrong, copy];
          } else {
            reply = value < parseFloat(target) ? hint("low", t.low) : hint("high", t.high);
          }
        }
        input.setAttribute("aria-invalid", ok ? "false" : "true");
      } else {
        var chosen = form.querySelector("input[type=radio]:checked");
        if (!chosen) {
          reply = [t.noChoice];
        } else if (chosen.value === target) {
          ok = true;
        } else {
          reply = hint(chosen.value, t.wrong);
        }
      }
      box.classList.toggle("exercise--right", ok);
      box.classList.toggle("exercise--wrong", !ok);
      if (ok) {
        say([t.right]);
        answer.open = true;
        answer.querySelector("summary").focus();
      } else {
        say(reply);
      }
    });
  }

  document.querySelectorAll(".md-typeset .exercise[data-kind]").forEach(setup);
})();

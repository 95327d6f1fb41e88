/* The playground: a form, then one panel per cost (neuron + cost curve) that replays a run.
 *
 * All arithmetic is NeuronTrainer.train (neuron.js, a port of the site's trainer): a run is
 * trained in full when Run is pressed, and the animation only reveals its history epoch by
 * epoch.  So what the reader sees at the end is exactly what the trainer computes.
 * Every string exists in both languages; the page picks one with data-lang or <html lang>.
 */
(function () {
  "use strict";

  // The stylesheet sits next to this script.  Loading it from here keeps the page Markdown
  // to one <div> and two <script>s, and the path right for / and /en/ alike.
  var script = document.currentScript;
  if (script && script.src) {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = script.src.replace(/playground\.js(\?.*)?$/, "playground.css");
    document.head.appendChild(css);
  }

  var X = 1.0; // the article's input
  var Y = 0.0; // and its target
  var EPOCHS_MAX = 10000;
  var PRESETS = [
    { w: 0.6, b: 0.9 },
    { w: 2.0, b: 2.0 },
  ];
  var DEFAULTS = { w: 0.6, b: 0.9, eta: 0.15, epochs: 300, etaDcda: 0.005 };

  var TEXT = {
    zh: {
      presets: "文中的两个起点",
      preset: function (p) {
        return "w = " + p.w.toFixed(1) + "，b = " + p.b.toFixed(1) + "（η = 0.15，300 个迭代期）";
      },
      settings: "训练设置",
      w: "初始权重 w",
      b: "初始偏置 b",
      eta: "学习率 η",
      epochs: "迭代期数",
      etaDcda: "∂C/∂a 更新用的学习率 η",
      slider: "（滑块）",
      hintW: "任意有限的数；滑块范围 −6 到 6。",
      hintEta: "必须大于 0。",
      hintEpochs: "1 到 " + EPOCHS_MAX + " 之间的整数。",
      hintEtaDcda: "原书动画用的是 0.005。",
      dcda: "加上原书动画的交叉熵演示（按 ∂C/∂a 更新）",
      run: "运行",
      pause: "暂停",
      resume: "继续",
      reset: "重置",
      quadratic: "二次代价",
      "cross-entropy": "交叉熵代价",
      "cross-entropy-dcda": "原书动画：按 ∂C/∂a 更新",
      epochLabel: "迭代期",
      costLabel: "代价 C",
      output: "输出 a",
      neuronAlt: "一个神经元：输入 x = 1 经权重 w 进入神经元，加上偏置 b，得到输出 a。",
      chartAlt: "代价随迭代期变化的曲线。",
      errEmpty: "请填一个数。",
      errNumber: "这不是一个数，请用阿拉伯数字和小数点，例如 0.15。",
      errEta: "学习率 η 必须大于 0。",
      errEpochs: "迭代期数必须是 1 到 " + EPOCHS_MAX + " 之间的整数。",
      errFix: "设置有误，没有运行。请先改正标出的项。",
      errOverflow: "这组设置让数值溢出了（出现无穷大），没有运行。请把学习率调小一些。",
      running: "正在训练……",
      paused: "已暂停。",
      ready: "已重置到第 0 个迭代期。",
      done: function (epochs, parts) {
        return "训练完成，共 " + epochs + " 个迭代期。" + parts.join("；") + "。";
      },
      part: function (name, v) {
        return name + "：输出 a = " + v.a + "，代价 C = " + v.cost;
      },
    },
    en: {
      presets: "The article's two starts",
      preset: function (p) {
        return "w = " + p.w.toFixed(1) + ", b = " + p.b.toFixed(1) + " (η = 0.15, 300 epochs)";
      },
      settings: "Training settings",
      w: "Starting weight w",
      b: "Starting bias b",
      eta: "Learning rate η",
      epochs: "Epochs",
      etaDcda: "Learning rate η for the ∂C/∂a step",
      slider: " (slider)",
      hintW: "Any finite number; the slider covers −6 to 6.",
      hintEta: "Must be greater than 0.",
      hintEpochs: "A whole number from 1 to " + EPOCHS_MAX + ".",
      hintEtaDcda: "The book's animation used 0.005.",
      dcda: "Add the book animation's cross-entropy run (steps by ∂C/∂a)",
      run: "Run",
      pause: "Pause",
      resume: "Resume",
      reset: "Reset",
      quadratic: "Quadratic cost",
      "cross-entropy": "Cross-entropy cost",
      "cross-entropy-dcda": "Book animation: steps by ∂C/∂a",
      epochLabel: "Epoch",
      costLabel: "Cost C",
      output: "Output a",
      neuronAlt: "One neuron: input x = 1 enters through weight w, bias b is added, output a.",
      chartAlt: "The cost over the epochs.",
      errEmpty: "Enter a number.",
      errNumber: "This is not a number; use digits and a decimal point, e.g. 0.15.",
      errEta: "The learning rate η must be greater than 0.",
      errEpochs: "The number of epochs must be a whole number from 1 to " + EPOCHS_MAX + ".",
      errFix: "Some settings are invalid, so nothing ran. Fix the marked fields first.",
      errOverflow: "These settings overflow (a value became infinite), so nothing ran. Try a smaller learning rate.",
      running: "Training…",
      paused: "Paused.",
      ready: "Reset to epoch 0.",
      done: function (epochs, parts) {
        return "Finished " + epochs + " epochs. " + parts.join("; ") + ".";
      },
      part: function (name, v) {
        return name + ": output a = " + v.a + ", cost C = " + v.cost;
      },
    },
  };

  // How each number is shown; the test reads these strings back, so keep them plain.
  var FORMAT = { w: 3, b: 3, a: 4, cost: 4 };
  function fmt(field, v) {
    if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(2);
    return v.toFixed(FORMAT[field]);
  }

  var SVG_NS = "http://www.w3.org/2000/svg";
  function el(tag, attrs, text) {
    var node =
      tag.indexOf("svg:") === 0
        ? document.createElementNS(SVG_NS, tag.slice(4))
        : document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // --- parsing and validation -------------------------------------------------------

  var NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

  // Returns {value} or {error: key into TEXT}.  Full-width digits and "−" are accepted.
  function parseNumber(text) {
    var s = String(text)
      .trim()
      .replace(/[\uFF10-\uFF19]/g, function (c) {
        return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      })
      .replace(/[\u2212\uFF0D]/g, "-")
      .replace(/\uFF0E/g, ".");
    if (s === "") return { error: "errEmpty" };
    if (!NUMBER_RE.test(s)) return { error: "errNumber" };
    var v = Number(s);
    if (!isFinite(v)) return { error: "errNumber" };
    return { value: v };
  }

  var CHECKS = {
    w: function () {
      return null;
    },
    b: function () {
      return null;
    },
    eta: function (v) {
      return v > 0 ? null : "errEta";
    },
    etaDcda: function (v) {
      return v > 0 ? null : "errEta";
    },
    epochs: function (v) {
      return Number.isInteger(v) && v >= 1 && v <= EPOCHS_MAX ? null : "errEpochs";
    },
  };

  // --- the sliders: w and b linear, eta and epochs logarithmic ------------------------

  var SLIDERS = {
    w: { min: -6, max: 6, step: 0.1, log: false },
    b: { min: -6, max: 6, step: 0.1, log: false },
    eta: { min: -3, max: Math.log10(2), step: 0.01, log: true },
    etaDcda: { min: -4, max: 0, step: 0.01, log: true },
    epochs: { min: 0, max: 4, step: 0.01, log: true },
  };

  function toSlider(name, v) {
    var s = SLIDERS[name];
    var t = s.log ? Math.log10(v) : v;
    return Math.min(s.max, Math.max(s.min, t));
  }

  function fromSlider(name, t) {
    var s = SLIDERS[name];
    if (name === "epochs") return Math.max(1, Math.round(Math.pow(10, t)));
    if (s.log) return Number(Math.pow(10, t).toPrecision(2));
    return Number(t.toFixed(1));
  }

  // --- drawing ------------------------------------------------------------------------

  // Cost chart geometry (SVG user units; the SVG scales with its panel).
  var CH = { w: 320, h: 190, left: 48, right: 12, top: 12, bottom: 40 };
  var MAX_POINTS = 600; // a curve never needs more points than it has pixels

  function niceCeil(v) {
    if (!(v > 0)) return 1;
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * p >= v * (1 - 1e-12)) return steps[i] * p;
    }
    return 10 * p;
  }

  function shortNumber(v) {
    return String(Number(v.toPrecision(3)));
  }

  function makeNeuron(t) {
    var svg = el("svg:svg", {
      viewBox: "0 0 320 120",
      class: "pg-neuron",
      role: "img",
      "aria-label": t.neuronAlt,
    });
    svg.appendChild(el("svg:circle", { cx: 34, cy: 56, r: 20, class: "pg-node-in" }));
    svg.appendChild(el("svg:text", { x: 34, y: 61, "text-anchor": "middle" }, "x = 1"));
    svg.appendChild(el("svg:line", { x1: 54, y1: 56, x2: 136, y2: 56, class: "pg-edge" }));
    var w = el("svg:text", { x: 95, y: 46, "text-anchor": "middle", "data-svg": "w" });
    svg.appendChild(w);
    var body = el("svg:circle", { cx: 168, cy: 56, r: 30, class: "pg-node" });
    svg.appendChild(body);
    svg.appendChild(el("svg:text", { x: 168, y: 62, "text-anchor": "middle", class: "pg-sigma" }, "σ"));
    var b = el("svg:text", { x: 168, y: 106, "text-anchor": "middle", "data-svg": "b" });
    svg.appendChild(b);
    svg.appendChild(el("svg:line", { x1: 198, y1: 56, x2: 300, y2: 56, class: "pg-edge" }));
    svg.appendChild(el("svg:path", { d: "M300 50 L312 56 L300 62 Z", class: "pg-arrow" }));
    var a = el("svg:text", { x: 250, y: 46, "text-anchor": "middle", "data-svg": "a" });
    svg.appendChild(a);
    return { svg: svg, w: w, b: b, a: a, body: body };
  }

  function makeChart(t) {
    var svg = el("svg:svg", {
      viewBox: "0 0 " + CH.w + " " + CH.h,
      class: "pg-chart",
      role: "img",
      "aria-label": t.chartAlt,
    });
    var x0 = CH.left;
    var x1 = CH.w - CH.right;
    var y0 = CH.h - CH.bottom;
    var y1 = CH.top;
    svg.appendChild(el("svg:line", { x1: x0, y1: y0, x2: x1, y2: y0, class: "pg-axis" }));
    svg.appendChild(el("svg:line", { x1: x0, y1: y0, x2: x0, y2: y1, class: "pg-axis" }));
    var ticks = {
      x0: el("svg:text", { x: x0, y: y0 + 16, "text-anchor": "middle" }, "0"),
      x1: el("svg:text", { x: x1, y: y0 + 16, "text-anchor": "end" }, ""),
      y0: el("svg:text", { x: x0 - 6, y: y0 + 4, "text-anchor": "end" }, "0"),
      y1: el("svg:text", { x: x0 - 6, y: y1 + 8, "text-anchor": "end" }, ""),
    };
    Object.keys(ticks).forEach(function (k) {
      svg.appendChild(ticks[k]);
    });
    svg.appendChild(
      el("svg:text", { x: (x0 + x1) / 2, y: CH.h - 6, "text-anchor": "middle" }, t.epochLabel)
    );
    svg.appendChild(
      el(
        "svg:text",
        {
          x: 14,
          y: (y0 + y1) / 2,
          "text-anchor": "middle",
          transform: "rotate(-90 14 " + (y0 + y1) / 2 + ")",
        },
        t.costLabel
      )
    );
    var line = el("svg:polyline", { class: "pg-curve", points: "" });
    var dot = el("svg:circle", { r: 3.5, class: "pg-dot", cx: x0, cy: y0 });
    svg.appendChild(line);
    svg.appendChild(dot);
    return { svg: svg, line: line, dot: dot, ticks: ticks, box: [x0, x1, y0, y1] };
  }

  function makePanel(cost, t) {
    var section = el("section", { class: "pg-panel", "data-cost": cost });
    var id = "pg-title-" + cost;
    section.setAttribute("aria-labelledby", id);
    section.appendChild(el("h2", { id: id, class: "pg-panel-title" }, t[cost]));
    var neuron = makeNeuron(t);
    section.appendChild(neuron.svg);
    var chart = makeChart(t);
    section.appendChild(chart.svg);
    var dl = el("dl", { class: "pg-readout" });
    var fields = {};
    [
      ["epoch", t.epochLabel],
      ["w", "w"],
      ["b", "b"],
      ["a", t.output],
      ["cost", t.costLabel],
    ].forEach(function (pair) {
      var div = el("div");
      div.appendChild(el("dt", {}, pair[1]));
      fields[pair[0]] = el("dd", { "data-field": pair[0] }, "–");
      div.appendChild(fields[pair[0]]);
      dl.appendChild(div);
    });
    section.appendChild(dl);
    return { cost: cost, section: section, neuron: neuron, chart: chart, fields: fields };
  }

  // Precompute the curve's points for a run: at most MAX_POINTS, always the last one.
  function preparePanel(panel, history, epochs) {
    var box = panel.chart.box;
    var top = 0;
    history.cost.forEach(function (c) {
      if (c > top) top = c;
    });
    top = niceCeil(top);
    var stride = Math.max(1, Math.ceil((epochs + 1) / MAX_POINTS));
    var pts = [];
    var xs = [];
    var ys = [];
    for (var k = 0; k <= epochs; k++) {
      xs.push(box[0] + ((box[1] - box[0]) * k) / epochs);
      ys.push(box[2] - ((box[2] - box[3]) * history.cost[k]) / top);
    }
    for (k = 0; k <= epochs; k += stride) pts.push([k, xs[k].toFixed(1) + "," + ys[k].toFixed(1)]);
    panel.ticks = { top: top };
    panel.chart.ticks.x1.textContent = String(epochs);
    panel.chart.ticks.y1.textContent = shortNumber(top);
    panel.run = { history: history, epochs: epochs, xs: xs, ys: ys, pts: pts };
  }

  function showEpoch(panel, k) {
    var run = panel.run;
    var h = run.history;
    var pts = [];
    for (var i = 0; i < run.pts.length && run.pts[i][0] <= k; i++) pts.push(run.pts[i][1]);
    pts.push(run.xs[k].toFixed(1) + "," + run.ys[k].toFixed(1));
    panel.chart.line.setAttribute("points", pts.join(" "));
    panel.chart.dot.setAttribute("cx", run.xs[k].toFixed(1));
    panel.chart.dot.setAttribute("cy", run.ys[k].toFixed(1));
    var shown = { w: fmt("w", h.w[k]), b: fmt("b", h.b[k]), a: fmt("a", h.a[k]), cost: fmt("cost", h.cost[k]) };
    panel.neuron.w.textContent = "w = " + shown.w;
    panel.neuron.b.textContent = "b = " + shown.b;
    panel.neuron.a.textContent = "a = " + shown.a;
    // The neuron glows as brightly as its output: saturated at a ≈ 1, dark at a ≈ 0.
    panel.neuron.body.style.fillOpacity = String(0.1 + 0.75 * h.a[k]);
    panel.fields.epoch.textContent = k + " / " + run.epochs;
    panel.fields.w.textContent = shown.w;
    panel.fields.b.textContent = shown.b;
    panel.fields.a.textContent = shown.a;
    panel.fields.cost.textContent = shown.cost;
    return shown;
  }

  // --- the form -----------------------------------------------------------------------

  function makeField(name, t, hintKey) {
    var wrap = el("div", { class: "pg-field", "data-name": name });
    var labelId = "pg-" + name + "-label";
    var label = el("label", { for: "pg-" + name, id: labelId }, t[name]);
    var range = el("input", {
      type: "range",
      id: "pg-" + name + "-range",
      min: SLIDERS[name].min,
      max: SLIDERS[name].max,
      step: SLIDERS[name].step,
      "aria-label": t[name] + t.slider,
    });
    var input = el("input", {
      type: "text",
      inputmode: name === "epochs" ? "numeric" : "decimal",
      id: "pg-" + name,
      name: name,
      autocomplete: "off",
      spellcheck: "false",
      "aria-describedby": "pg-" + name + "-hint pg-" + name + "-error",
    });
    var hint = el("p", { class: "pg-hint", id: "pg-" + name + "-hint" }, t[hintKey]);
    var error = el("p", { class: "pg-error", id: "pg-" + name + "-error" });
    var row = el("div", { class: "pg-row" });
    row.appendChild(range);
    row.appendChild(input);
    wrap.appendChild(label);
    wrap.appendChild(row);
    wrap.appendChild(hint);
    wrap.appendChild(error);

    function setValue(v) {
      input.value = String(v);
      syncRange(v);
      clearError();
    }
    function syncRange(v) {
      range.value = String(toSlider(name, v));
      range.setAttribute("aria-valuetext", String(v));
    }
    function clearError() {
      input.removeAttribute("aria-invalid");
      error.textContent = "";
    }
    range.addEventListener("input", function () {
      var v = fromSlider(name, Number(range.value));
      input.value = String(v);
      range.setAttribute("aria-valuetext", String(v));
      clearError();
    });
    input.addEventListener("input", function () {
      var p = parseNumber(input.value);
      if (p.error === undefined) syncRange(p.value);
      clearError();
    });
    // Returns the value, or null after marking the field invalid.
    function read() {
      var p = parseNumber(input.value);
      var key = p.error || CHECKS[name](p.value);
      if (key) {
        input.setAttribute("aria-invalid", "true");
        error.textContent = t[key];
        return null;
      }
      clearError();
      return p.value;
    }
    return { wrap: wrap, input: input, setValue: setValue, read: read };
  }

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function mount(root) {
    var lang = (root.getAttribute("data-lang") || document.documentElement.lang || "zh")
      .toLowerCase()
      .indexOf("zh") === 0
      ? "zh"
      : "en";
    var t = TEXT[lang];
    root.textContent = "";
    root.classList.add("pg-ready");

    var form = el("form", { class: "pg-form", novalidate: "" });

    var presets = el("fieldset", { class: "pg-presets" });
    presets.appendChild(el("legend", {}, t.presets));
    PRESETS.forEach(function (p, i) {
      var button = el("button", { type: "button", class: "md-button", "data-preset": String(i + 1) }, t.preset(p));
      button.addEventListener("click", function () {
        fields.w.setValue(p.w);
        fields.b.setValue(p.b);
        fields.eta.setValue(DEFAULTS.eta);
        fields.epochs.setValue(DEFAULTS.epochs);
        fields.etaDcda.setValue(DEFAULTS.etaDcda);
        reset(false);
      });
      presets.appendChild(button);
    });
    form.appendChild(presets);

    var settings = el("fieldset", { class: "pg-settings" });
    settings.appendChild(el("legend", {}, t.settings));
    var fields = {
      w: makeField("w", t, "hintW"),
      b: makeField("b", t, "hintW"),
      eta: makeField("eta", t, "hintEta"),
      epochs: makeField("epochs", t, "hintEpochs"),
      etaDcda: makeField("etaDcda", t, "hintEtaDcda"),
    };
    ["w", "b", "eta", "epochs"].forEach(function (name) {
      settings.appendChild(fields[name].wrap);
    });
    var switchWrap = el("div", { class: "pg-switch" });
    var dcda = el("input", { type: "checkbox", role: "switch", id: "pg-dcda" });
    switchWrap.appendChild(dcda);
    switchWrap.appendChild(el("label", { for: "pg-dcda" }, t.dcda));
    settings.appendChild(switchWrap);
    fields.etaDcda.wrap.hidden = true;
    settings.appendChild(fields.etaDcda.wrap);
    form.appendChild(settings);

    var buttons = el("div", { class: "pg-buttons" });
    var runButton = el("button", { type: "submit", class: "md-button md-button--primary", "data-action": "run" }, t.run);
    var pauseButton = el("button", { type: "button", class: "md-button", "data-action": "pause", disabled: "" }, t.pause);
    var resetButton = el("button", { type: "button", class: "md-button", "data-action": "reset" }, t.reset);
    buttons.appendChild(runButton);
    buttons.appendChild(pauseButton);
    buttons.appendChild(resetButton);
    form.appendChild(buttons);
    var status = el("p", { class: "pg-status", role: "status", "aria-live": "polite" });
    form.appendChild(status);
    root.appendChild(form);

    var panelsBox = el("div", { class: "pg-panels" });
    var panels = {};
    ["quadratic", "cross-entropy", "cross-entropy-dcda"].forEach(function (cost) {
      panels[cost] = makePanel(cost, t);
      panelsBox.appendChild(panels[cost].section);
    });
    panels["cross-entropy-dcda"].section.hidden = true;
    root.appendChild(panelsBox);

    // Animation state: k is the epoch on screen, frame the pending requestAnimationFrame.
    var anim = { frame: 0, k: 0, epochs: 0, started: 0, offset: 0, paused: false };

    function activePanels() {
      return Object.keys(panels)
        .filter(function (cost) {
          return !panels[cost].section.hidden;
        })
        .map(function (cost) {
          return panels[cost];
        });
    }

    function setState(state) {
      root.setAttribute("data-state", state);
      pauseButton.disabled = !(state === "running" || state === "paused");
      pauseButton.textContent = state === "paused" ? t.resume : t.pause;
    }

    function stop() {
      if (anim.frame) cancelAnimationFrame(anim.frame);
      anim.frame = 0;
    }

    // Read every field; null (and messages on the fields) when any is invalid.
    function readSettings() {
      var names = ["w", "b", "eta", "epochs"];
      if (dcda.checked) names.push("etaDcda");
      var values = {};
      var firstBad = null;
      names.forEach(function (name) {
        values[name] = fields[name].read();
        if (values[name] === null && !firstBad) firstBad = fields[name];
      });
      if (firstBad) {
        firstBad.input.focus();
        return null;
      }
      return values;
    }

    function train(values) {
      var runs = {};
      activePanels().forEach(function (panel) {
        var eta = panel.cost === "cross-entropy-dcda" ? values.etaDcda : values.eta;
        runs[panel.cost] = NeuronTrainer.train(panel.cost, values.w, values.b, eta, values.epochs, X, Y);
      });
      return runs;
    }

    function allFinite(runs) {
      return Object.keys(runs).every(function (cost) {
        return ["w", "b", "a", "cost"].every(function (f) {
          return runs[cost][f].every(isFinite);
        });
      });
    }

    function show(k) {
      anim.k = k;
      var shown = {};
      activePanels().forEach(function (panel) {
        shown[panel.cost] = showEpoch(panel, k);
      });
      return shown;
    }

    function finish() {
      stop();
      var shown = show(anim.epochs);
      setState("done");
      var parts = activePanels().map(function (panel) {
        return t.part(t[panel.cost], shown[panel.cost]);
      });
      status.textContent = t.done(anim.epochs, parts);
    }

    // Replays the run in about epochs / 60 seconds, at least 1 s and at most 8 s.
    function duration() {
      return 1000 * Math.min(8, Math.max(1, anim.epochs / 60));
    }

    function tick(now) {
      var k = Math.floor(((now - anim.started) / duration()) * anim.epochs) + anim.offset;
      if (k >= anim.epochs) return finish();
      if (k !== anim.k) show(k);
      anim.frame = requestAnimationFrame(tick);
    }

    function play(fromK) {
      anim.offset = fromK;
      anim.started = performance.now();
      setState("running");
      anim.frame = requestAnimationFrame(function (now) {
        anim.started = now;
        tick(now);
      });
    }

    // Prepare the panels at epoch 0 of the current settings; false when they are invalid.
    function prepare(values) {
      var runs = train(values);
      if (!allFinite(runs)) {
        status.textContent = t.errOverflow;
        setState("invalid");
        return false;
      }
      anim.epochs = values.epochs;
      activePanels().forEach(function (panel) {
        preparePanel(panel, runs[panel.cost], values.epochs);
      });
      show(0);
      return true;
    }

    function reset(announce) {
      stop();
      var values = readSettings();
      if (!values) {
        status.textContent = t.errFix;
        setState("invalid");
        return;
      }
      if (prepare(values)) {
        setState("idle");
        status.textContent = announce ? t.ready : "";
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      stop();
      var values = readSettings();
      if (!values) {
        status.textContent = t.errFix;
        setState("invalid");
        return;
      }
      if (!prepare(values)) return;
      if (reducedMotion()) return finish();
      status.textContent = t.running;
      play(0);
    });

    pauseButton.addEventListener("click", function () {
      if (root.getAttribute("data-state") === "running") {
        stop();
        setState("paused");
        status.textContent = t.paused;
      } else if (root.getAttribute("data-state") === "paused") {
        status.textContent = t.running;
        play(anim.k);
      }
    });

    resetButton.addEventListener("click", function () {
      reset(true);
    });

    dcda.addEventListener("change", function () {
      fields.etaDcda.wrap.hidden = !dcda.checked;
      panels["cross-entropy-dcda"].section.hidden = !dcda.checked;
      panelsBox.classList.toggle("pg-three", dcda.checked);
      reset(false);
    });

    fields.w.setValue(DEFAULTS.w);
    fields.b.setValue(DEFAULTS.b);
    fields.eta.setValue(DEFAULTS.eta);
    fields.epochs.setValue(DEFAULTS.epochs);
    fields.etaDcda.setValue(DEFAULTS.etaDcda);
    reset(false);
  }

  function start() {
    var roots = document.querySelectorAll("[data-playground]");
    for (var i = 0; i < roots.length; i++) mount(roots[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* The playground: a form, one panel per cost (its update written out with the live numbers),
 * the point on the sigmoid each run sits at, and both outputs on one chart.
 *
 * All arithmetic is NeuronTrainer.train (neuron.js, a port of the site's trainer): a run is
 * trained in full when the settings are read, and Run, the step buttons and the scrub slider
 * only choose which epoch of its history is on screen.  So every number the reader sees is
 * exactly what the trainer computes.
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
  var THRESHOLD = 0.5; // "predict first" asks when a falls below this
  var STEPS = [1, 10, 100];
  var ANNOUNCE_EVERY = 1000; // ms between announcements while running
  var DEFAULTS = { w: 0.6, b: 0.9, eta: 0.15, epochs: 300, etaScale: 1, etaDcda: 0.005 };
  // The settings a link can carry, in the order the URL lists them.
  var SETTINGS = ["w", "b", "eta", "epochs", "etaScale", "etaDcda"];
  var PRESETS = [
    { id: "1", w: 0.6, b: 0.9 },
    { id: "2", w: 2.0, b: 2.0 },
    { id: "scale", w: 2.0, b: 2.0, etaScale: 6 },
    { id: "predict", w: 2.0, b: 2.0, predict: true },
  ];
  var COSTS = ["quadratic", "cross-entropy", "cross-entropy-dcda"];

  var TEXT = {
    zh: {
      presets: "几个值得试的实验",
      preset: {
        1: "文中第一个起点：w = 0.6，b = 0.9",
        2: "文中第二个起点：w = 2.0，b = 2.0",
        scale: "第二个起点，二次代价函数用 6 倍的 η",
        predict: "先猜再看：第二个起点",
      },
      presetQuestion: {
        1: function (a) {
          return "两个神经元都从输出 " + a + " 出发，谁先学会输出 0？";
        },
        2: function (a) {
          return "输出从 " + a + " 出发，错得更离谱。二次代价函数是不是也学得更快？";
        },
        scale: "把二次代价函数的学习率调成 6 倍，它能追上交叉熵代价函数吗？",
        predict: "先填下面的猜测，再点“运行”。",
      },
      settings: "训练设置",
      w: "初始权重 w",
      b: "初始偏置 b",
      eta: "学习率 η",
      epochs: "迭代期数",
      etaScale: "二次代价函数的学习率倍数",
      etaDcda: "∂C/∂a 更新用的学习率 η",
      slider: "（滑块）",
      hintW: "任意有限的数；滑块范围 −6 到 6。",
      hintEta: "必须大于 0。",
      hintEpochs: "1 到 " + EPOCHS_MAX + " 之间的整数。",
      hintEtaScale: "二次代价函数的学习率是 η 乘以这个数；1 表示两者相同。",
      hintEtaDcda: "原书动画用的是 0.005。",
      dcda: "加上原书动画的交叉熵演示（按 ∂C/∂a 更新）",
      run: "运行",
      pause: "暂停",
      resume: "继续",
      reset: "重置",
      step: function (n) {
        return "+" + n + " 个迭代期";
      },
      steps: "逐步前进",
      scrub: "回看已算出的迭代期",
      scrubText: function (k, n) {
        return "第 " + k + " 个迭代期，共 " + n + " 个";
      },
      quadratic: "二次代价函数",
      "cross-entropy": "交叉熵代价函数",
      "cross-entropy-dcda": "原书动画：按 ∂C/∂a 更新",
      epochLabel: "迭代期",
      costLabel: "代价 C",
      output: "输出 a",
      update: "更新量",
      neuronAlt: "一个神经元：输入 x = 1 经权重 w 进入神经元，加上偏置 b，得到输出 a。",
      predictLegend: "先猜一猜：输出 a 降到 0.5 以下要多少个迭代期？",
      guess: function (cost) {
        return "我猜" + cost + "要";
      },
      hintGuess: "填一个整数，再点“运行”；答案出现在猜测旁边。",
      answer: function (guess, actual) {
        return "你猜 " + guess + "，实际是 " + actual + " 个迭代期。";
      },
      answerNever: function (guess, epochs) {
        return "你猜 " + guess + "，实际上 " + epochs + " 个迭代期内都没有降到 0.5 以下。";
      },
      curveTitle: "每个神经元此刻在 S 型曲线上的位置",
      curveAlt: "S 型函数 σ(z) 的曲线，横轴是带权输入 z，纵轴是输出 a，标出每个神经元当前的点。",
      curveNote:
        "竖线是 a − y（点到目标 y = 0 的距离），短斜线是点处的切线，斜率就是 σ′(z)。" +
        "把光标移到（或用 Tab 键移到）上面的式子中的 a − y、σ′(z) 上，这里对应的线会加粗；反过来也一样。",
      errorLine: function (cost, v) {
        return cost + "：a − y = " + v + "，点到 y = 0 的竖线";
      },
      tangentLine: function (cost, v) {
        return cost + "：σ′(z) = " + v + "，点处切线的斜率";
      },
      slopeLine: function (cost, v) {
        return cost + "：∂C/∂b = " + v + "，代价曲线在点处切线的斜率";
      },
      costAlt: "两种代价函数 C 随带权输入 z 变化的曲线，标出每个神经元当前的点和切线。",
      costView: "改画代价函数 C 随 z 的曲线",
      costTitle: "每个神经元此刻在自己的代价曲线上的位置",
      costNote:
        "短斜线是点处的切线，斜率就是 ∂C/∂b（这里 x = 1，所以 ∂C/∂b = ∂C/∂z）：切线越平，更新量越小。" +
        "把光标移到（或用 Tab 键移到）上面式子中的 ∂C/∂b 上，这里对应的切线会加粗；反过来也一样。",
      outputTitle: "两个输出随迭代期的变化",
      outputAlt: "输出 a 随迭代期变化的曲线，实线是训练，虚线是渐近线。",
      outputNote: "实线是输出 a；虚线是训练后期的渐近线：二次代价函数 1/√(4ηt)，交叉熵代价函数 1/(2ηt)。",
      logScale: "纵轴用对数刻度",
      legendDot: { quadratic: "●", "cross-entropy": "◆", "cross-entropy-dcda": "▲" },
      errEmpty: "请填一个数。",
      errNumber: "这不是一个数，请用阿拉伯数字和小数点，例如 0.15。",
      errEta: "学习率 η 必须大于 0。",
      errEtaScale: "倍数必须大于 0。",
      errEpochs: "迭代期数必须是 1 到 " + EPOCHS_MAX + " 之间的整数。",
      errGuess: "请填 0 或正整数。",
      errFix: "设置有误，没有运行。请先改正标出的项。",
      errOverflow: "这组设置让数值溢出了（出现无穷大），没有运行。请把学习率调小一些。",
      urlBad: function (label, raw, message, fallback) {
        return "链接里的“" + label + " = " + raw + "”没有采用：" + message + "已改用默认值 " + fallback + "。";
      },
      running: "正在训练……",
      paused: "已暂停。",
      ready: "已重置到第 0 个迭代期。",
      done: function (epochs, parts) {
        return "训练完成，共 " + epochs + " 个迭代期。" + parts.join("；") + "。";
      },
      part: function (name, v) {
        return name + "：输出 a = " + v.a + "，代价 C = " + v.cost;
      },
      brief: function (k, parts) {
        return "第 " + k + " 个迭代期。" + parts.join("；") + "。";
      },
      briefPart: function (name, a, grad) {
        return name + "：a = " + a + "，∂C/∂b = " + grad;
      },
      full: function (k, parts) {
        return "第 " + k + " 个迭代期。" + parts.join("；");
      },
      sep: "：",
      comma: "，",
      guessUnit: "个迭代期",
    },
    en: {
      presets: "Experiments worth trying",
      preset: {
        1: "The article's first start: w = 0.6, b = 0.9",
        2: "The article's second start: w = 2.0, b = 2.0",
        scale: "The second start, with six times η for the quadratic cost",
        predict: "Predict first: the second start",
      },
      presetQuestion: {
        1: function (a) {
          return "Both neurons start at output " + a + ". Which one learns to output 0 first?";
        },
        2: function (a) {
          return "The output starts at " + a + ", even more wrong. Does the quadratic cost learn faster too?";
        },
        scale: "Give the quadratic cost six times the learning rate: does it catch up with the cross-entropy cost?",
        predict: "Type your guesses below, then press Run.",
      },
      settings: "Training settings",
      w: "Starting weight w",
      b: "Starting bias b",
      eta: "Learning rate η",
      epochs: "Epochs",
      etaScale: "Learning-rate factor for the quadratic cost",
      etaDcda: "Learning rate η for the ∂C/∂a step",
      slider: " (slider)",
      hintW: "Any finite number; the slider covers −6 to 6.",
      hintEta: "Must be greater than 0.",
      hintEpochs: "A whole number from 1 to " + EPOCHS_MAX + ".",
      hintEtaScale: "The quadratic cost's learning rate is η times this number; 1 means the same η.",
      hintEtaDcda: "The book's animation used 0.005.",
      dcda: "Add the book animation's cross-entropy run (steps by ∂C/∂a)",
      run: "Run",
      pause: "Pause",
      resume: "Resume",
      reset: "Reset",
      step: function (n) {
        return "+" + n + (n === 1 ? " epoch" : " epochs");
      },
      steps: "Step forward",
      scrub: "Look back through the computed epochs",
      scrubText: function (k, n) {
        return "epoch " + k + " of " + n;
      },
      quadratic: "Quadratic cost",
      "cross-entropy": "Cross-entropy cost",
      "cross-entropy-dcda": "Book animation: steps by ∂C/∂a",
      epochLabel: "Epoch",
      costLabel: "Cost C",
      output: "Output a",
      update: "update",
      neuronAlt: "One neuron: input x = 1 enters through weight w, bias b is added, output a.",
      predictLegend: "Guess first: how many epochs until the output a falls below 0.5?",
      guess: function (cost) {
        return "My guess for the " + cost.charAt(0).toLowerCase() + cost.slice(1);
      },
      hintGuess: "Type a whole number, then press Run; the answer appears beside your guess.",
      answer: function (guess, actual) {
        return "You guessed " + guess + "; it took " + actual + " epochs.";
      },
      answerNever: function (guess, epochs) {
        return "You guessed " + guess + "; it did not fall below 0.5 within " + epochs + " epochs.";
      },
      curveTitle: "Where each neuron sits on the sigmoid now",
      curveAlt: "The sigmoid σ(z) against the weighted input z, with each neuron's current point marked.",
      curveNote:
        "The vertical line is a − y (from the point down to the target y = 0); the short slanted line is the " +
        "tangent at the point, whose slope is σ′(z). Point at (or Tab to) a − y or σ′(z) in the equations above " +
        "and the matching line here is drawn bold; it works the other way round too.",
      errorLine: function (cost, v) {
        return cost + ": a − y = " + v + ", the vertical line from the point to y = 0";
      },
      tangentLine: function (cost, v) {
        return cost + ": σ′(z) = " + v + ", the slope of the tangent at the point";
      },
      slopeLine: function (cost, v) {
        return cost + ": ∂C/∂b = " + v + ", the slope of the cost curve's tangent at the point";
      },
      costAlt: "Both costs C against the weighted input z, with each neuron's current point and tangent.",
      costView: "Draw the cost C against z instead",
      costTitle: "Where each neuron sits on its own cost curve now",
      costNote:
        "The short slanted line is the tangent at the point; its slope is ∂C/∂b (here x = 1, so ∂C/∂b = ∂C/∂z): " +
        "the flatter the tangent, the smaller the update. Point at (or Tab to) ∂C/∂b in the equations above and the " +
        "matching tangent here is drawn bold; it works the other way round too.",
      outputTitle: "Both outputs over the epochs",
      outputAlt: "The output a over the epochs; solid lines are the training, dashed lines the asymptotes.",
      outputNote:
        "Solid lines are the output a; the dashed lines are the late-run asymptotes: 1/√(4ηt) for the quadratic " +
        "cost, 1/(2ηt) for the cross-entropy cost.",
      logScale: "Logarithmic vertical axis",
      legendDot: { quadratic: "●", "cross-entropy": "◆", "cross-entropy-dcda": "▲" },
      errEmpty: "Enter a number.",
      errNumber: "This is not a number; use digits and a decimal point, e.g. 0.15.",
      errEta: "The learning rate η must be greater than 0.",
      errEtaScale: "The factor must be greater than 0.",
      errEpochs: "The number of epochs must be a whole number from 1 to " + EPOCHS_MAX + ".",
      errGuess: "Enter 0 or a positive whole number.",
      errFix: "Some settings are invalid, so nothing ran. Fix the marked fields first.",
      errOverflow: "These settings overflow (a value became infinite), so nothing ran. Try a smaller learning rate.",
      urlBad: function (label, raw, message, fallback) {
        return "The link's “" + label + " = " + raw + "” was not used: " + message + " Using the default, " + fallback + ".";
      },
      running: "Training…",
      paused: "Paused.",
      ready: "Reset to epoch 0.",
      done: function (epochs, parts) {
        return "Finished " + epochs + " epochs. " + parts.join("; ") + ".";
      },
      part: function (name, v) {
        return name + ": output a = " + v.a + ", cost C = " + v.cost;
      },
      brief: function (k, parts) {
        return "Epoch " + k + ". " + parts.join("; ") + ".";
      },
      briefPart: function (name, a, grad) {
        return name + ": a = " + a + ", ∂C/∂b = " + grad;
      },
      full: function (k, parts) {
        return "Epoch " + k + ". " + parts.join("; ");
      },
      sep: ": ",
      comma: ", ",
      guessUnit: "epochs",
    },
  };

  // How each readout number is shown; the tests read these strings back, so keep them plain.
  var FORMAT = { w: 3, b: 3, a: 4, cost: 4 };
  function fmt(field, v) {
    if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(2);
    return v.toFixed(FORMAT[field]);
  }

  // Numbers in the equations: five decimals, or a × 10^n below 0.001 (the tests parse both).
  function fmtEq(v) {
    if (v === 0 || Math.abs(v) >= 1e-3) return v.toFixed(5).replace("-", "\u2212");
    var parts = v.toExponential(3).split("e");
    return {
      mantissa: parts[0].replace("-", "\u2212"),
      exponent: parts[1].replace("+", "").replace("-", "\u2212"),
    };
  }
  function fmtEqText(v) {
    var f = fmtEq(v);
    return typeof f === "string" ? f : f.mantissa + " × 10^" + f.exponent;
  }
  function setNumber(node, v) {
    var f = fmtEq(v);
    if (typeof f === "string") {
      node.textContent = f;
      return;
    }
    node.textContent = f.mantissa + " × 10";
    node.appendChild(el("sup", {}, f.exponent));
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
    etaScale: function (v) {
      return v > 0 ? null : "errEtaScale";
    },
    etaDcda: function (v) {
      return v > 0 ? null : "errEta";
    },
    epochs: function (v) {
      return Number.isInteger(v) && v >= 1 && v <= EPOCHS_MAX ? null : "errEpochs";
    },
    guess: function (v) {
      return Number.isInteger(v) && v >= 0 ? null : "errGuess";
    },
  };

  // {value} or {error: the message}: one check for the fields and for the URL alike.
  function check(name, text, t) {
    var p = parseNumber(text);
    var key = p.error || CHECKS[name](p.value);
    return key ? { error: t[key] } : { value: p.value };
  }

  // --- the sliders: w and b linear, the rest logarithmic ------------------------------

  var SLIDERS = {
    w: { min: -6, max: 6, step: 0.1, log: false },
    b: { min: -6, max: 6, step: 0.1, log: false },
    eta: { min: -3, max: Math.log10(2), step: 0.01, log: true },
    etaScale: { min: -1, max: Math.log10(20), step: 0.01, log: true },
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

  var MAX_POINTS = 600; // a curve never needs more points than it has pixels
  // Both figures: SVG user units (the SVG scales with its box).
  var FIG = { w: 360, h: 220, left: 56, right: 14, top: 12, bottom: 40 };
  var Z_RANGE = 7; // the sigmoid panel shows z from −7 to 7; dots further out sit on the edge
  var TANGENT_HALF = 1.4; // the tangent is drawn over z ± this

  function box() {
    return { x0: FIG.left, x1: FIG.w - FIG.right, y0: FIG.h - FIG.bottom, y1: FIG.top };
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

  // The marker of each cost: shape as well as colour tells them apart.
  function marker(cost, x, y) {
    if (cost === "quadratic") return "M" + (x + 5) + " " + y + "a5 5 0 1 0 -10 0a5 5 0 1 0 10 0Z";
    if (cost === "cross-entropy") return "M" + x + " " + (y - 6.5) + "l6.5 6.5l-6.5 6.5l-6.5 -6.5Z";
    return "M" + x + " " + (y - 6) + "l6 10.5h-12Z";
  }

  function axisText(svg, x, y, anchor, text, cls) {
    var node = el("svg:text", { x: x, y: y, "text-anchor": anchor }, text);
    if (cls) node.setAttribute("class", cls);
    svg.appendChild(node);
    return node;
  }

  function axes(svg, xLabel, yLabel) {
    var b = box();
    svg.appendChild(el("svg:line", { x1: b.x0, y1: b.y0, x2: b.x1, y2: b.y0, class: "pg-axis" }));
    svg.appendChild(el("svg:line", { x1: b.x0, y1: b.y0, x2: b.x0, y2: b.y1, class: "pg-axis" }));
    axisText(svg, (b.x0 + b.x1) / 2, FIG.h - 4, "middle", xLabel);
    var mid = (b.y0 + b.y1) / 2;
    var label = axisText(svg, 12, mid, "middle", yLabel);
    label.setAttribute("transform", "rotate(-90 12 " + mid + ")");
    b.yLabel = label;
    return b;
  }

  // The curve panel, in one of two views.  "sigma": σ(z), and per cost a dot, its a − y line
  // and the tangent whose slope is σ′(z).  "cost": each cost C(z) (x = 1, y = 0), its dot and
  // the tangent whose slope is ∂C/∂z = ∂C/∂b, the gradient itself.
  var C_TOP = 4.5; // the cost view shows C from 0 to this; a higher dot sits on the top edge
  var COST_OF_Z = {
    quadratic: function (z) {
      var a = NeuronTrainer.sigmoid(z);
      return 0.5 * a * a;
    },
    "cross-entropy": function (z) {
      return NeuronTrainer.softplus(z);
    },
  };

  function makeCurve(t) {
    var svg = el("svg:svg", { viewBox: "0 0 " + FIG.w + " " + FIG.h, class: "pg-curve-fig" });
    var title = el("svg:title", {}, t.curveAlt);
    svg.appendChild(title);
    var b = axes(svg, "z", "a = σ(z)");
    var view = "sigma";
    function px(z) {
      var c = Math.max(-Z_RANGE, Math.min(Z_RANGE, z));
      return b.x0 + ((c + Z_RANGE) / (2 * Z_RANGE)) * (b.x1 - b.x0);
    }
    function py(v) {
      var f = view === "sigma" ? v : v / C_TOP;
      return b.y0 - Math.min(1, Math.max(0, f)) * (b.y0 - b.y1);
    }
    [-6, -3, 0, 3, 6].forEach(function (z) {
      axisText(svg, px(z), b.y0 + 15, "middle", String(z).replace("-", "\u2212"));
    });
    // Each view's own ticks and curves, drawn once.
    var views = { sigma: el("svg:g", { class: "pg-view" }), cost: el("svg:g", { class: "pg-view" }) };
    function curveOf(g, f, cls, cost) {
      var pts = [];
      for (var i = 0; i <= 140; i++) {
        var z = -Z_RANGE + (i * 2 * Z_RANGE) / 140;
        if (view === "cost" && f(z) > C_TOP) break; // the cost only grows with z: stop at the top
        pts.push(px(z).toFixed(1) + "," + py(f(z)).toFixed(1));
      }
      var line = el("svg:polyline", { class: cls, points: pts.join(" ") });
      if (cost) line.setAttribute("data-cost", cost);
      g.appendChild(line);
    }
    view = "sigma";
    [0, 0.5, 1].forEach(function (a) {
      axisText(views.sigma, b.x0 - 5, py(a) + 4, "end", String(a));
      if (a > 0) views.sigma.appendChild(el("svg:line", { x1: b.x0, y1: py(a), x2: b.x1, y2: py(a), class: "pg-grid" }));
    });
    axisText(views.sigma, b.x1 - 2, b.y0 - 5, "end", "y = 0", "pg-small");
    curveOf(views.sigma, NeuronTrainer.sigmoid, "pg-sigmoid");
    view = "cost";
    [0, 1, 2, 3, 4].forEach(function (c) {
      axisText(views.cost, b.x0 - 5, py(c) + 4, "end", String(c));
      if (c > 0) views.cost.appendChild(el("svg:line", { x1: b.x0, y1: py(c), x2: b.x1, y2: py(c), class: "pg-grid" }));
    });
    Object.keys(COST_OF_Z).forEach(function (cost) {
      curveOf(views.cost, COST_OF_Z[cost], "pg-cost-curve", cost);
    });
    view = "sigma";
    svg.appendChild(views.sigma);
    svg.appendChild(views.cost);

    function lineGroup(cls, link) {
      var g = el("svg:g", { class: "pg-link " + cls, "data-link": link, tabindex: "0", role: "img" });
      g.appendChild(el("svg:line", { class: "pg-hit" }));
      g.appendChild(el("svg:line", { class: "pg-seg" }));
      return g;
    }
    var parts = {};
    COSTS.forEach(function (cost) {
      var g = el("svg:g", { class: "pg-on-curve", "data-cost": cost });
      var p = { g: g, error: lineGroup("pg-error-line", cost + ":error"), tangent: null, slope: null };
      g.appendChild(p.error);
      if (cost !== "cross-entropy") {
        p.tangent = lineGroup("pg-tangent", cost + ":sigmaPrime");
        g.appendChild(p.tangent);
      }
      // The book's ∂C/∂a step is not the slope of any cost: it gets no tangent in that view.
      if (cost !== "cross-entropy-dcda") {
        p.slope = lineGroup("pg-slope", cost + ":grad");
        g.appendChild(p.slope);
      }
      p.dot = el("svg:path", { class: "pg-dot" });
      g.appendChild(p.dot);
      svg.appendChild(g);
      parts[cost] = p;
    });

    function segment(group, x1, y1, x2, y2) {
      group.querySelectorAll("line").forEach(function (line) {
        line.setAttribute("x1", x1.toFixed(1));
        line.setAttribute("x2", x2.toFixed(1));
        line.setAttribute("y1", y1.toFixed(1));
        line.setAttribute("y2", y2.toFixed(1));
      });
    }
    // A tangent through (z, v) with slope s (in the view's units), over z ± TANGENT_HALF.
    function tangentAt(group, z, v, s) {
      segment(group, px(z - TANGENT_HALF), py(v - s * TANGENT_HALF), px(z + TANGENT_HALF), py(v + s * TANGENT_HALF));
    }
    // Only the lines of the view on screen are drawn and in the tab order.  (An SVG element
    // under display: none still counts as visible to checkVisibility(), hence the tabindex.)
    function showGroup(group, on) {
      if (!group) return;
      group.style.display = on ? "" : "none";
      group.setAttribute("tabindex", on ? "0" : "-1");
    }

    // s: the state of one cost at the epoch on screen (z, a, σ′, cost, gradient); null hides it.
    function place(cost, s, name) {
      var p = parts[cost];
      p.g.style.display = s ? "" : "none";
      var sigma = view === "sigma";
      showGroup(p.error, s && sigma);
      showGroup(p.tangent, s && sigma);
      showGroup(p.slope, s && !sigma);
      if (!s) return;
      var x = px(s.z);
      var v = sigma ? s.a : cost === "cross-entropy-dcda" ? COST_OF_Z["cross-entropy"](s.z) : s.cost;
      if (sigma) {
        segment(p.error, x, py(Y), x, py(s.a));
        p.error.setAttribute("aria-label", t.errorLine(name, fmtEqText(s.a - Y)));
        if (p.tangent) {
          tangentAt(p.tangent, s.z, s.a, s.sp);
          p.tangent.setAttribute("aria-label", t.tangentLine(name, fmtEqText(s.sp)));
        }
      } else if (p.slope) {
        tangentAt(p.slope, s.z, v, s.grad);
        p.slope.setAttribute("aria-label", t.slopeLine(name, fmtEqText(s.grad)));
      }
      p.dot.setAttribute("d", marker(cost, x, py(v)));
    }

    function setView(name) {
      view = name;
      views.sigma.style.display = name === "sigma" ? "" : "none";
      views.cost.style.display = name === "cost" ? "" : "none";
      b.yLabel.textContent = name === "sigma" ? "a = σ(z)" : "C";
      title.textContent = name === "sigma" ? t.curveAlt : t.costAlt;
    }
    setView("sigma");
    return { svg: svg, parts: parts, place: place, setView: setView };
  }

  // The outputs: a over the epochs for every cost, linear or log, with the asymptotes.
  function makeOutputs(t) {
    var svg = el("svg:svg", { viewBox: "0 0 " + FIG.w + " " + FIG.h, class: "pg-output-fig" });
    svg.appendChild(el("svg:title", {}, t.outputAlt));
    var b = axes(svg, t.epochLabel, t.output);
    var ticks = el("svg:g", { class: "pg-ticks" });
    svg.appendChild(ticks);
    var now = el("svg:line", { class: "pg-now", y1: b.y0, y2: b.y1 });
    svg.appendChild(now);
    var lines = {};
    COSTS.forEach(function (cost) {
      var g = el("svg:g", { "data-cost": cost });
      var asym = el("svg:polyline", { class: "pg-asym", points: "" });
      var line = el("svg:polyline", { class: "pg-line", points: "" });
      var dot = el("svg:path", { class: "pg-dot" });
      g.appendChild(asym);
      g.appendChild(line);
      g.appendChild(dot);
      svg.appendChild(g);
      lines[cost] = { g: g, asym: asym, line: line, dot: dot };
    });
    return { svg: svg, box: b, ticks: ticks, now: now, lines: lines };
  }

  // Continuous-time limits of a late in the run (x = 1, y = 0), derived on the slowdown page.
  var ASYMPTOTES = {
    quadratic: function (eta, t) {
      return 1 / Math.sqrt(4 * eta * t);
    },
    "cross-entropy": function (eta, t) {
      return 1 / (2 * eta * t);
    },
  };

  // 0.01 -> "10⁻²" (superscript digits, so the tick needs no <tspan>).
  function powerOfTen(v) {
    var n = Math.round(-Math.log10(v));
    if (n === 0) return "1";
    var sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    return "10⁻" + String(n).replace(/\d/g, function (d) {
      return sup[Number(d)];
    });
  }

  function niceLogFloor(v) {
    return Math.pow(10, Math.floor(Math.log10(Math.max(v, 1e-12))));
  }

  // --- the form -----------------------------------------------------------------------

  function makeField(name, t, hintKey, labelText) {
    var wrap = el("div", { class: "pg-field", "data-name": name });
    var label = el("label", { for: "pg-" + name, id: "pg-" + name + "-label" }, labelText || t[name]);
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

    // The slider speaks the page's language: "学习率 η = 0.15", not a bare number.
    function valueText(v) {
      return t[name] + " = " + v;
    }
    function setValue(v) {
      input.value = String(v);
      syncRange(v);
      clearError();
    }
    function syncRange(v) {
      range.value = String(toSlider(name, v));
      range.setAttribute("aria-valuetext", valueText(v));
    }
    function clearError() {
      input.removeAttribute("aria-invalid");
      error.textContent = "";
    }
    range.addEventListener("input", function () {
      var v = fromSlider(name, Number(range.value));
      input.value = String(v);
      range.setAttribute("aria-valuetext", valueText(v));
      clearError();
    });
    input.addEventListener("input", function () {
      var p = parseNumber(input.value);
      if (p.error === undefined) syncRange(p.value);
      clearError();
    });
    // Returns the value, or null after marking the field invalid.
    function read() {
      var c = check(name, input.value, t);
      if (c.error) {
        input.setAttribute("aria-invalid", "true");
        error.textContent = c.error;
        return null;
      }
      clearError();
      return c.value;
    }
    return { wrap: wrap, input: input, setValue: setValue, read: read };
  }

  // A guess for "predict first": a text field, its message, and the answer beside it.
  function makeGuess(cost, t) {
    var id = "pg-guess-" + cost;
    var wrap = el("div", { class: "pg-guess", "data-cost": cost });
    wrap.appendChild(el("label", { for: id }, t.guess(t[cost])));
    var row = el("div", { class: "pg-row" });
    var input = el("input", {
      type: "text",
      inputmode: "numeric",
      id: id,
      autocomplete: "off",
      "aria-describedby": "pg-guess-hint " + id + "-error " + id + "-answer",
    });
    row.appendChild(input);
    row.appendChild(el("span", {}, t.guessUnit));
    var answer = el("output", { class: "pg-answer", id: id + "-answer", for: id });
    row.appendChild(answer);
    wrap.appendChild(row);
    var error = el("p", { class: "pg-error", id: id + "-error" });
    wrap.appendChild(error);
    function read() {
      var c = check("guess", input.value, t);
      if (c.error) {
        input.setAttribute("aria-invalid", "true");
        error.textContent = c.error;
        return null;
      }
      input.removeAttribute("aria-invalid");
      error.textContent = "";
      return c.value;
    }
    return { cost: cost, wrap: wrap, input: input, answer: answer, read: read };
  }

  // One cost's gradient and update, symbols then the current numbers (as on the derivation pages).
  function makeEquation(cost, t) {
    var box = el("div", { class: "pg-eq", "data-cost": cost });
    var nums = {};
    function num(key) {
      nums[key] = el("span", { class: "pg-num", "data-value": key });
      return nums[key];
    }
    // A term of the equation linked to its counterpart in the sigmoid panel.
    function links(keys) {
      return keys
        .split(" ")
        .map(function (k) {
          return cost + ":" + k;
        })
        .join(" ");
    }
    function term(keys, text) {
      return el("button", { type: "button", class: "pg-term pg-link", "data-link": links(keys) }, text);
    }
    function linked(key, keys) {
      var n = num(key);
      n.classList.add("pg-link");
      n.setAttribute("data-link", links(keys || key));
      return n;
    }
    var grad = el("p", { class: "pg-eq-line" });
    var rate = el("p", { class: "pg-eq-line" });
    var dcda = cost === "cross-entropy-dcda";
    var d = dcda ? "∂C/∂a" : "∂C/∂b";
    // ∂C/∂b is the slope of the cost curve (the panel's cost view); the book's ∂C/∂a is not.
    grad.appendChild(dcda ? el("span", { class: "pg-sym" }, d) : term("grad", d));
    grad.appendChild(document.createTextNode(" = "));
    if (cost === "cross-entropy") {
      grad.appendChild(term("grad error", "a − y"));
      grad.appendChild(document.createTextNode(" = "));
      grad.appendChild(linked("error", "grad error"));
      nums.grad = nums.error;
    } else {
      grad.appendChild(term("error", "(a − y)"));
      grad.appendChild(document.createTextNode(dcda ? " / " : " · "));
      grad.appendChild(term("sigmaPrime", "σ′(z)"));
      grad.appendChild(document.createTextNode(" = "));
      grad.appendChild(linked("error"));
      grad.appendChild(document.createTextNode(dcda ? " / " : " × "));
      grad.appendChild(linked("sigmaPrime"));
      grad.appendChild(document.createTextNode(" = "));
      if (dcda) grad.appendChild(num("grad"));
      else grad.appendChild(linked("grad"));
    }
    rate.appendChild(el("span", { class: "pg-sym" }, t.update + " η " + d + " = "));
    rate.appendChild(num("eta"));
    rate.appendChild(document.createTextNode(" × "));
    rate.appendChild(num("gradAgain"));
    rate.appendChild(document.createTextNode(" = "));
    rate.appendChild(num("update"));
    box.appendChild(grad);
    box.appendChild(rate);
    // The step for ∂C/∂a is (a − y)(2 + 2 cosh z) in neuron.js; a(1 − a) here is the same σ′(z).
    function show(h, k, eta) {
      var a = h.a[k];
      var sp = a * (1 - a);
      var g = h.dc_db[k];
      setNumber(nums.error, a - Y);
      if (nums.sigmaPrime) setNumber(nums.sigmaPrime, sp);
      if (nums.grad !== nums.error) setNumber(nums.grad, g);
      // 0.15 × 6 is 0.8999999999999999 in binary: show the η the reader asked for.
      nums.eta.textContent = String(Number(eta.toPrecision(12)));
      setNumber(nums.gradAgain, g);
      setNumber(nums.update, eta * g);
      return { a: a, sp: sp, grad: g };
    }
    return { box: box, show: show };
  }

  function makePanel(cost, t) {
    var section = el("section", { class: "pg-panel", "data-cost": cost });
    var id = "pg-title-" + cost;
    section.setAttribute("aria-labelledby", id);
    var title = el("h2", { id: id, class: "pg-panel-title" });
    title.appendChild(el("span", { class: "pg-mark", "aria-hidden": "true" }, t.legendDot[cost] + " "));
    title.appendChild(document.createTextNode(t[cost]));
    section.appendChild(title);
    var equation = makeEquation(cost, t);
    section.appendChild(equation.box);
    var neuron = makeNeuron(t);
    section.appendChild(neuron.svg);
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
    return { cost: cost, section: section, neuron: neuron, equation: equation, fields: fields };
  }

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function figure(cls, heading, svg, note, id) {
    var fig = el("figure", { class: "pg-figure " + cls, "aria-labelledby": id });
    var caption = el("figcaption", { id: id });
    caption.appendChild(el("strong", {}, heading));
    fig.appendChild(svg);
    fig.appendChild(caption);
    fig.appendChild(el("p", { class: "pg-hint" }, note));
    return fig;
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
    var urlNotice = el("div", { class: "pg-url-error", role: "alert" });
    form.appendChild(urlNotice);

    // --- presets, and the "predict first" guesses
    var presets = el("fieldset", { class: "pg-presets" });
    presets.appendChild(el("legend", {}, t.presets));
    var question = el("p", { class: "pg-question", "aria-live": "polite" });
    PRESETS.forEach(function (p) {
      var button = el("button", { type: "button", class: "md-button", "data-preset": p.id }, t.preset[p.id]);
      button.addEventListener("click", function () {
        fields.w.setValue(p.w);
        fields.b.setValue(p.b);
        fields.eta.setValue(DEFAULTS.eta);
        fields.epochs.setValue(DEFAULTS.epochs);
        fields.etaScale.setValue(p.etaScale || DEFAULTS.etaScale);
        fields.etaDcda.setValue(DEFAULTS.etaDcda);
        predict.hidden = !p.predict;
        guesses.forEach(function (g) {
          g.answer.textContent = "";
        });
        // The starting output is computed, not typed: σ(w x + b).
        var q = t.presetQuestion[p.id];
        question.textContent = typeof q === "function" ? q(NeuronTrainer.sigmoid(p.w * X + p.b).toFixed(2)) : q;
        reset(false);
        if (p.predict) guesses[0].input.focus();
      });
      presets.appendChild(button);
    });
    presets.appendChild(question);
    var predict = el("div", { class: "pg-predict", role: "group", "aria-labelledby": "pg-predict-legend" });
    predict.appendChild(el("p", { id: "pg-predict-legend", class: "pg-predict-legend" }, t.predictLegend));
    var guesses = ["quadratic", "cross-entropy"].map(function (cost) {
      var g = makeGuess(cost, t);
      predict.appendChild(g.wrap);
      return g;
    });
    predict.appendChild(el("p", { class: "pg-hint", id: "pg-guess-hint" }, t.hintGuess));
    predict.hidden = true;
    presets.appendChild(predict);
    form.appendChild(presets);

    // --- settings
    var settings = el("fieldset", { class: "pg-settings" });
    settings.appendChild(el("legend", {}, t.settings));
    var fields = {
      w: makeField("w", t, "hintW"),
      b: makeField("b", t, "hintW"),
      eta: makeField("eta", t, "hintEta"),
      epochs: makeField("epochs", t, "hintEpochs"),
      etaScale: makeField("etaScale", t, "hintEtaScale"),
      etaDcda: makeField("etaDcda", t, "hintEtaDcda"),
    };
    ["w", "b", "eta", "epochs", "etaScale"].forEach(function (name) {
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

    // --- run, pause, reset, the steps and the scrub slider
    var buttons = el("div", { class: "pg-buttons" });
    var runButton = el("button", { type: "submit", class: "md-button md-button--primary", "data-action": "run" }, t.run);
    var pauseButton = el("button", { type: "button", class: "md-button", "data-action": "pause", disabled: "" }, t.pause);
    var resetButton = el("button", { type: "button", class: "md-button", "data-action": "reset" }, t.reset);
    buttons.appendChild(runButton);
    buttons.appendChild(pauseButton);
    buttons.appendChild(resetButton);
    var stepGroup = el("span", { class: "pg-steps", role: "group", "aria-label": t.steps });
    STEPS.forEach(function (n) {
      var step = el("button", { type: "button", class: "md-button", "data-step": String(n) }, t.step(n));
      step.addEventListener("click", function () {
        stepBy(n);
      });
      stepGroup.appendChild(step);
    });
    buttons.appendChild(stepGroup);
    form.appendChild(buttons);
    var scrubWrap = el("div", { class: "pg-scrub" });
    scrubWrap.appendChild(el("label", { for: "pg-scrub" }, t.scrub));
    var scrub = el("input", { type: "range", id: "pg-scrub", min: "0", max: "0", step: "1", value: "0" });
    scrubWrap.appendChild(scrub);
    form.appendChild(scrubWrap);
    var status = el("p", { class: "pg-status", role: "status", "aria-live": "polite" });
    form.appendChild(status);
    root.appendChild(form);

    // --- the panels and the two figures
    var panelsBox = el("div", { class: "pg-panels" });
    var panels = {};
    COSTS.forEach(function (cost) {
      panels[cost] = makePanel(cost, t);
      panelsBox.appendChild(panels[cost].section);
    });
    panels["cross-entropy-dcda"].section.hidden = true;
    root.appendChild(panelsBox);
    var announcer = el("p", { class: "pg-announce", "aria-live": "polite" });
    root.appendChild(announcer);

    // Which marker is which cost (shape and colour), shared by both figures.
    var legend = el("p", { class: "pg-legend" });
    COSTS.forEach(function (cost) {
      var item = el("span", { "data-cost": cost });
      item.appendChild(el("span", { class: "pg-mark", "aria-hidden": "true" }, t.legendDot[cost] + " "));
      item.appendChild(document.createTextNode(t[cost]));
      legend.appendChild(item);
    });
    root.appendChild(legend);
    var figures = el("div", { class: "pg-figures" });
    var curve = makeCurve(t);
    var curveFig = figure("pg-curve", t.curveTitle, curve.svg, t.curveNote, "pg-curve-title");
    var viewWrap = el("div", { class: "pg-switch" });
    var viewBox = el("input", { type: "checkbox", id: "pg-cost-view" });
    viewWrap.appendChild(viewBox);
    viewWrap.appendChild(el("label", { for: "pg-cost-view" }, t.costView));
    curveFig.appendChild(viewWrap);
    figures.appendChild(curveFig);
    var outputs = makeOutputs(t);
    var outFig = figure("pg-outputs", t.outputTitle, outputs.svg, t.outputNote, "pg-output-title");
    var logWrap = el("div", { class: "pg-switch" });
    var logBox = el("input", { type: "checkbox", id: "pg-log" });
    logWrap.appendChild(logBox);
    logWrap.appendChild(el("label", { for: "pg-log" }, t.logScale));
    outFig.appendChild(logWrap);
    figures.appendChild(outFig);
    root.appendChild(figures);
    legend.lastChild.hidden = true;

    // Hovering or focusing a linked term lights up every element with the same data-link.
    function highlight(target, on) {
      var link = target && target.closest && target.closest("[data-link]");
      if (!link || !root.contains(link)) return;
      // data-link may hold several keys: a − y of the cross-entropy cost is also its ∂C/∂b.
      var keys = link.getAttribute("data-link").split(" ");
      root.querySelectorAll("[data-link]").forEach(function (node) {
        var match = node.getAttribute("data-link").split(" ").some(function (k) {
          return keys.indexOf(k) >= 0;
        });
        if (match) node.classList.toggle("pg-hl", on);
      });
    }
    root.addEventListener("mouseover", function (e) {
      highlight(e.target, true);
    });
    root.addEventListener("mouseout", function (e) {
      highlight(e.target, false);
    });
    root.addEventListener("focusin", function (e) {
      highlight(e.target, true);
    });
    root.addEventListener("focusout", function (e) {
      highlight(e.target, false);
    });

    // k: the epoch on screen; reached: the furthest epoch shown since the last reset.
    var anim = { frame: 0, k: 0, reached: 0, epochs: 0, started: 0, offset: 0, spoken: 0 };
    var current = null; // the settings the panels show, and their runs

    function activePanels() {
      return COSTS.filter(function (cost) {
        return !panels[cost].section.hidden;
      }).map(function (cost) {
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

    // Read every field; null (and messages on the fields) when any is invalid.  The guesses
    // of "predict first" are read only when the run moves (Run, a step), not on a reset.
    function readSettings(withGuesses) {
      var names = ["w", "b", "eta", "epochs", "etaScale"];
      if (dcda.checked) names.push("etaDcda");
      var values = { dcda: dcda.checked };
      var firstBad = null;
      names.forEach(function (name) {
        values[name] = fields[name].read();
        if (values[name] === null && !firstBad) firstBad = fields[name];
      });
      if (withGuesses && !predict.hidden) {
        values.guesses = guesses.map(function (g) {
          var v = g.read();
          if (v === null && !firstBad) firstBad = g;
          return v;
        });
      }
      if (firstBad) {
        firstBad.input.focus();
        return null;
      }
      return values;
    }

    function etaOf(cost, values) {
      if (cost === "cross-entropy-dcda") return values.etaDcda;
      if (cost === "quadratic") return values.eta * values.etaScale;
      return values.eta;
    }

    function train(values) {
      var runs = {};
      activePanels().forEach(function (panel) {
        runs[panel.cost] = NeuronTrainer.train(panel.cost, values.w, values.b, etaOf(panel.cost, values), values.epochs, X, Y);
      });
      return runs;
    }

    function allFinite(runs) {
      return Object.keys(runs).every(function (cost) {
        return ["w", "b", "a", "cost", "dc_db"].every(function (f) {
          return runs[cost][f].every(isFinite);
        });
      });
    }

    function sameSettings(a, b) {
      return (
        a &&
        b &&
        ["w", "b", "eta", "epochs", "etaScale", "dcda"].every(function (k) {
          return a[k] === b[k];
        }) &&
        (!a.dcda || a.etaDcda === b.etaDcda)
      );
    }

    // --- the output chart: scale and points are fixed per run, the curves revealed up to k
    function outputScale() {
      var b = outputs.box;
      var log = logBox.checked;
      var lo = 1;
      Object.keys(current.runs).forEach(function (cost) {
        current.runs[cost].a.forEach(function (a) {
          if (a < lo) lo = a;
        });
      });
      lo = log ? Math.max(niceLogFloor(lo), 1e-8) : 0;
      var n = current.values.epochs;
      return {
        log: log,
        lo: lo,
        x: function (k) {
          return b.x0 + ((b.x1 - b.x0) * k) / n;
        },
        y: function (a) {
          var f = log ? (Math.log10(Math.max(a, lo)) - Math.log10(lo)) / -Math.log10(lo) : a;
          return b.y0 - Math.min(1, Math.max(0, f)) * (b.y0 - b.y1);
        },
      };
    }

    function drawOutputFrame() {
      var s = outputScale();
      var b = outputs.box;
      var n = current.values.epochs;
      outputs.ticks.textContent = "";
      function tick(x, y, anchor, text) {
        outputs.ticks.appendChild(el("svg:text", { x: x, y: y, "text-anchor": anchor }, text));
      }
      tick(b.x0, b.y0 + 15, "middle", "0");
      tick(b.x1, b.y0 + 15, "end", String(n));
      var marks = s.log ? [] : [0, 0.5, 1];
      if (s.log) for (var p = 0; Math.pow(10, -p) >= s.lo * (1 - 1e-9); p += p < 4 ? 1 : 2) marks.push(Math.pow(10, -p));
      marks.forEach(function (a) {
        var y = s.y(a);
        tick(b.x0 - 5, y + 4, "end", s.log ? powerOfTen(a) : String(a));
        if (a > s.lo) outputs.ticks.appendChild(el("svg:line", { x1: b.x0, x2: b.x1, y1: y, y2: y, class: "pg-grid" }));
      });
      var stride = Math.max(1, Math.ceil((n + 1) / MAX_POINTS));
      current.points = {};
      Object.keys(current.runs).forEach(function (cost) {
        var h = current.runs[cost];
        var pts = [];
        for (var k = 0; k <= n; k += stride) pts.push([k, s.x(k).toFixed(1) + "," + s.y(h.a[k]).toFixed(1)]);
        current.points[cost] = pts;
        var asym = [];
        if (ASYMPTOTES[cost]) {
          var eta = etaOf(cost, current.values);
          for (k = 1; k <= n; k += stride) {
            var v = ASYMPTOTES[cost](eta, k);
            if (v <= 1) asym.push(s.x(k).toFixed(1) + "," + s.y(v).toFixed(1));
          }
        }
        outputs.lines[cost].asym.setAttribute("points", asym.join(" "));
      });
      current.scale = s;
    }

    function showOutputs(k) {
      var s = current.scale;
      COSTS.forEach(function (cost) {
        var line = outputs.lines[cost];
        var h = current.runs[cost];
        line.g.style.display = h ? "" : "none";
        if (!h) return;
        var pts = [];
        var all = current.points[cost];
        for (var i = 0; i < all.length && all[i][0] <= k; i++) pts.push(all[i][1]);
        var x = s.x(k);
        var y = s.y(h.a[k]);
        pts.push(x.toFixed(1) + "," + y.toFixed(1));
        line.line.setAttribute("points", pts.join(" "));
        line.dot.setAttribute("d", marker(cost, x, y));
      });
      var nx = s.x(k).toFixed(1);
      outputs.now.setAttribute("x1", nx);
      outputs.now.setAttribute("x2", nx);
    }

    // --- one epoch on screen
    function showEpoch(panel, k) {
      var h = current.runs[panel.cost];
      var shown = { w: fmt("w", h.w[k]), b: fmt("b", h.b[k]), a: fmt("a", h.a[k]), cost: fmt("cost", h.cost[k]) };
      panel.neuron.w.textContent = "w = " + shown.w;
      panel.neuron.b.textContent = "b = " + shown.b;
      panel.neuron.a.textContent = "a = " + shown.a;
      // The neuron glows as brightly as its output: saturated at a ≈ 1, dark at a ≈ 0.
      panel.neuron.body.style.fillOpacity = String(0.1 + 0.75 * h.a[k]);
      panel.fields.epoch.textContent = k + " / " + current.values.epochs;
      panel.fields.w.textContent = shown.w;
      panel.fields.b.textContent = shown.b;
      panel.fields.a.textContent = shown.a;
      panel.fields.cost.textContent = shown.cost;
      var eq = panel.equation.show(h, k, etaOf(panel.cost, current.values));
      curve.place(panel.cost, { z: h.z[k], a: eq.a, sp: eq.sp, cost: h.cost[k], grad: eq.grad }, t[panel.cost]);
      shown.grad = fmtEqText(eq.grad);
      return shown;
    }

    function show(k) {
      anim.k = k;
      if (k > anim.reached) anim.reached = k;
      var shown = {};
      COSTS.forEach(function (cost) {
        if (!current.runs[cost]) curve.place(cost, null);
      });
      activePanels().forEach(function (panel) {
        shown[panel.cost] = showEpoch(panel, k);
      });
      showOutputs(k);
      scrub.max = String(anim.reached);
      scrub.value = String(k);
      scrub.setAttribute("aria-valuetext", t.scrubText(k, current.values.epochs));
      showAnswers(k);
      return shown;
    }

    // "Predict first": the answer appears beside the guess once the run has got there.
    function showAnswers(k) {
      if (predict.hidden || !current.values.guesses) return;
      guesses.forEach(function (g, i) {
        var a = current.runs[g.cost].a;
        var when = a.findIndex(function (v) {
          return v < THRESHOLD;
        });
        var guess = current.values.guesses[i];
        if (when >= 0 && k >= when) g.answer.textContent = t.answer(guess, when);
        else if (when < 0 && k >= current.values.epochs) g.answer.textContent = t.answerNever(guess, current.values.epochs);
        else g.answer.textContent = "";
      });
    }

    // The live equations, in words: briefly while running, in full otherwise.
    function announce(full) {
      var parts = activePanels().map(function (panel) {
        if (full) {
          var lines = Array.prototype.map.call(panel.equation.box.querySelectorAll(".pg-eq-line"), function (p) {
            return p.textContent;
          });
          return t[panel.cost] + t.sep + lines.join(t.comma);
        }
        var h = current.runs[panel.cost];
        return t.briefPart(t[panel.cost], fmtEqText(h.a[anim.k]), fmtEqText(h.dc_db[anim.k]));
      });
      announcer.textContent = full ? t.full(anim.k, parts) : t.brief(anim.k, parts);
    }

    function finish() {
      stop();
      var shown = show(anim.epochs);
      setState("done");
      var parts = activePanels().map(function (panel) {
        return t.part(t[panel.cost], shown[panel.cost]);
      });
      status.textContent = t.done(anim.epochs, parts);
      announce(true);
    }

    // Replays the run in about epochs / 60 seconds, at least 1 s and at most 8 s.
    function duration() {
      return 1000 * Math.min(8, Math.max(1, anim.epochs / 60));
    }

    function tick(now) {
      var k = Math.floor(((now - anim.started) / duration()) * anim.epochs) + anim.offset;
      if (k >= anim.epochs) return finish();
      if (k !== anim.k) show(k);
      if (now - anim.spoken >= ANNOUNCE_EVERY) {
        anim.spoken = now;
        announce(false);
      }
      anim.frame = requestAnimationFrame(tick);
    }

    function play(fromK) {
      anim.offset = fromK;
      setState("running");
      anim.frame = requestAnimationFrame(function (now) {
        anim.started = now;
        anim.spoken = now;
        tick(now);
      });
    }

    // The settings as a query string: the link opens the same experiment.
    function query(values) {
      var params = new URLSearchParams();
      ["w", "b", "eta", "epochs"].forEach(function (k) {
        params.set(k, String(values[k]));
      });
      if (values.etaScale !== DEFAULTS.etaScale) params.set("etaScale", String(values.etaScale));
      if (values.dcda) {
        params.set("dcda", "1");
        params.set("etaDcda", String(values.etaDcda));
      }
      return "?" + params.toString();
    }

    function writeUrl(values) {
      if (!window.history || !window.history.replaceState) return;
      var q = query(values);
      if (q !== window.location.search) window.history.replaceState(null, "", q + window.location.hash);
    }

    // Train the current settings and show epoch 0; false when they are invalid.
    function prepare(values, remember) {
      var runs = train(values);
      if (!allFinite(runs)) {
        status.textContent = t.errOverflow;
        setState("invalid");
        return false;
      }
      current = { values: values, runs: runs };
      anim.epochs = values.epochs;
      anim.reached = 0;
      drawOutputFrame();
      show(0);
      if (remember) writeUrl(values);
      return true;
    }

    function readOrRefuse(withGuesses) {
      var values = readSettings(withGuesses);
      if (!values) {
        stop();
        status.textContent = t.errFix;
        setState("invalid");
      }
      return values;
    }

    function reset(announceIt) {
      stop();
      var values = readOrRefuse();
      if (!values) return;
      if (prepare(values, true)) {
        setState("idle");
        status.textContent = announceIt ? t.ready : "";
        if (announceIt) announce(true);
      }
    }

    // Pause where we are (the run so far stays on screen).
    function hold() {
      stop();
      setState(anim.k >= anim.epochs ? "done" : anim.k === 0 ? "idle" : "paused");
      if (anim.k > 0 && anim.k < anim.epochs) status.textContent = t.paused;
    }

    // The step buttons: exactly n epochs on from the one on screen, retraining first when
    // the fields have changed since the panels were drawn.
    function stepBy(n) {
      var values = readOrRefuse(true);
      if (!values) return;
      if (!sameSettings(values, current && current.values)) {
        stop();
        if (!prepare(values, true)) return;
      } else if (values.guesses) current.values.guesses = values.guesses;
      stop();
      var k = Math.min(anim.k + n, anim.epochs);
      if (k >= anim.epochs) return finish();
      show(k);
      hold();
      announce(true);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      stop();
      var values = readOrRefuse(true);
      if (!values) return;
      if (!prepare(values, true)) return;
      if (reducedMotion()) return finish();
      status.textContent = t.running;
      play(0);
    });

    pauseButton.addEventListener("click", function () {
      if (root.getAttribute("data-state") === "running") {
        stop();
        setState("paused");
        status.textContent = t.paused;
        announce(true);
      } else if (root.getAttribute("data-state") === "paused") {
        if (reducedMotion()) return finish();
        status.textContent = t.running;
        play(anim.k);
      }
    });

    resetButton.addEventListener("click", function () {
      reset(true);
    });

    scrub.addEventListener("input", function () {
      if (!current) return;
      stop();
      show(Math.min(Number(scrub.value), anim.reached));
      hold();
      announce(true);
    });

    viewBox.addEventListener("change", function () {
      var cost = viewBox.checked;
      curve.setView(cost ? "cost" : "sigma");
      curveFig.querySelector("figcaption strong").textContent = cost ? t.costTitle : t.curveTitle;
      curveFig.querySelector(".pg-hint").textContent = cost ? t.costNote : t.curveNote;
      if (current) show(anim.k);
    });

    logBox.addEventListener("change", function () {
      if (!current) return;
      drawOutputFrame();
      showOutputs(anim.k);
    });

    dcda.addEventListener("change", function () {
      fields.etaDcda.wrap.hidden = !dcda.checked;
      panels["cross-entropy-dcda"].section.hidden = !dcda.checked;
      legend.lastChild.hidden = !dcda.checked;
      panelsBox.classList.toggle("pg-three", dcda.checked);
      reset(false);
    });

    // Start from the link's settings; a bad value is refused with the field's own message.
    var params = new URLSearchParams(window.location.search);
    var notices = [];
    SETTINGS.forEach(function (name) {
      var value = DEFAULTS[name];
      if (params.has(name)) {
        var c = check(name, params.get(name), t);
        if (c.error) notices.push(t.urlBad(t[name], params.get(name), c.error, String(DEFAULTS[name])));
        else value = c.value;
      }
      fields[name].setValue(value);
    });
    notices.forEach(function (text) {
      urlNotice.appendChild(el("p", {}, text));
    });
    if (params.get("dcda") === "1") {
      dcda.checked = true;
      fields.etaDcda.wrap.hidden = false;
      panels["cross-entropy-dcda"].section.hidden = false;
      legend.lastChild.hidden = false;
      panelsBox.classList.add("pg-three");
    }
    stop();
    var first = readSettings(false);
    if (first && prepare(first, false)) setState("idle");
  }

  function start() {
    var roots = document.querySelectorAll("[data-playground]");
    for (var i = 0; i < roots.length; i++) mount(roots[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// Render TeX to HTML with KaTeX, for hooks/katex.py: one process serves a whole build.
// Protocol: each stdin line is a JSON array of {tex, display}; for each line we write one
// JSON array of {html} or {error} to stdout. Works on Node 18 and 20 (no flags needed).
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

const require = createRequire(import.meta.url);
const katex = require("katex"); // resolved from the repository's node_modules

const OPTIONS = {
  throwOnError: true, // a bad formula fails the build instead of showing red TeX
  output: "htmlAndMathml", // MathML keeps formulas readable for screen readers
  strict: "ignore", // allow CJK text inside \text{...}
  trust: false,
};

function render({ tex, display }) {
  try {
    return { html: katex.renderToString(tex, { ...OPTIONS, displayMode: Boolean(display) }) };
  } catch (err) {
    return { error: String(err && err.message ? err.message : err) };
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  const batch = JSON.parse(line);
  process.stdout.write(JSON.stringify(batch.map(render)) + "\n");
});

// Usage: node tools/diagram/render.mjs IN.dot OUT.svg — Graphviz (WebAssembly) renders the DOT source to SVG.
import { readFile, writeFile } from "node:fs/promises";
import { instance } from "@viz-js/viz";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node tools/diagram/render.mjs IN.dot OUT.svg");
  process.exit(2);
}
const viz = await instance();
const result = viz.render(await readFile(input, "utf8"), { format: "svg", engine: "dot" });
if (result.status !== "success") {
  for (const e of result.errors) console.error(`${input}: ${e.level ?? "error"}: ${e.message}`);
  process.exit(1);
}
await writeFile(output, result.output);
console.log(`${output} written from ${input}`);

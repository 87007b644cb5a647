// Allure 3's configuration for a KycE2E run; the runner (src/KycE2E.Runner/AllureReport.cs) passes the run through
// the environment:
//   KYCE2E_ALLURE_RESULTS         the run's allure-results folder (its categories.json is read here)
//   KYCE2E_ALLURE_HISTORY         the history file kept across runs (artifacts/allure-history.jsonl)
//   KYCE2E_ALLURE_APPEND_HISTORY  "false" for a shard or an interrupted run: read the history, add nothing to it
//   KYCE2E_ALLURE_NAME            the report's title
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const results = process.env.KYCE2E_ALLURE_RESULTS;
const categories = results && existsSync(join(results, "categories.json"))
  ? JSON.parse(readFileSync(join(results, "categories.json"), "utf-8"))
  : undefined;

export default {
  name: process.env.KYCE2E_ALLURE_NAME || "KycE2E",
  historyPath: process.env.KYCE2E_ALLURE_HISTORY || undefined,
  // The last 20 runs: Allure keeps the newest 20 lines of the file and drops the older ones as it appends.
  historyLimit: 20,
  appendHistory: process.env.KYCE2E_ALLURE_APPEND_HISTORY !== "false",
  categories,
  plugins: {
    awesome: {
      options: {
        reportName: process.env.KYCE2E_ALLURE_NAME || "KycE2E",
        // One index.html with its data inside: it opens from the disk (file://) and travels as one CI artifact.
        singleFile: true,
        // Suites by platform, then feature.
        groupBy: ["parentSuite", "suite"],
        reportLanguage: "en",
      },
    },
  },
};

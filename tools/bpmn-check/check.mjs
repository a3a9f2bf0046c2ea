#!/usr/bin/env node
// Check BPMN files with the bpmn.io tools:
//   1. bpmn-moddle parses each file; any import warning (unknown element or
//      attribute, unresolved reference, bad value) is a failure;
//   2. bpmnlint lints it with the configuration in .bpmnlintrc beside this
//      script (bpmnlint:recommended).
// Usage: node check.mjs [--strict] FILE.bpmn...
//   --strict   lint warnings fail too (the exports of qms must have none).
// Every problem is printed; errors (and with --strict, warnings) make the run fail.
// Exit codes: 0 all files pass, 1 problems found, 2 usage or internal error.

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';

const here = dirname(fileURLToPath(import.meta.url));

async function loadConfig() {
  try {
    return JSON.parse(await readFile(join(here, '.bpmnlintrc'), 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') {
      return { extends: 'bpmnlint:recommended' };
    }
    throw err;
  }
}

function oneLine(text) {
  return String(text).split(/\s*\n\s*/).join('; ');
}

async function checkFile(file, config, strict) {
  const problems = [];
  let xml;
  try {
    xml = await readFile(file, 'utf8');
  } catch (err) {
    problems.push({ id: '-', category: 'error', message: `cannot read: ${err.message}`, rule: 'file' });
    return problems;
  }
  const moddle = new BpmnModdle();
  let definitions;
  try {
    const { rootElement, warnings = [] } = await moddle.fromXML(xml, 'bpmn:Definitions');
    definitions = rootElement;
    for (const warning of warnings) {
      problems.push({ id: warning.element?.id || '-', category: 'error', message: oneLine(warning.message), rule: 'bpmn-moddle' });
    }
  } catch (err) {
    problems.push({ id: '-', category: 'error', message: `not parsed: ${oneLine(err.message)}`, rule: 'bpmn-moddle' });
    return problems;
  }
  // A new linter for every file: some rules (no-duplicate-sequence-flows) keep state
  // between runs of one linter, so equal ids in two files would be reported as duplicates.
  const linter = new Linter({ config, resolver: new NodeResolver() });
  const results = await linter.lint(definitions);
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      // 'error', 'warn', 'info', or 'rule-error' when a rule itself failed on this file.
      const category = report.category === 'warn' ? 'warning' : report.category;
      const counts = category === 'error' || category === 'rule-error' || (strict && category === 'warning');
      problems.push({ ...report, category, rule, counts });
    }
  }
  return problems;
}

async function main(argv) {
  const strict = argv.includes('--strict');
  const files = argv.filter((arg) => arg !== '--strict');
  if (!files.length) {
    console.error('usage: node check.mjs [--strict] FILE.bpmn...');
    return 2;
  }
  const config = await loadConfig();
  let failures = 0;
  for (const file of files) {
    const problems = await checkFile(file, config, strict);
    const counted = problems.filter((p) => p.counts !== false);  // moddle and file problems always count
    failures += counted.length;
    if (!problems.length) {
      console.log(`ok    ${file}`);
      continue;
    }
    console.log(`${counted.length ? 'FAIL' : 'ok'}  ${file}`);
    for (const p of problems) {
      console.log(`  ${p.id}  ${p.category}  ${p.message}  (${p.rule})`);
    }
  }
  console.log(failures ? `${failures} problem(s) in ${files.length} file(s)` : `${files.length} file(s) pass`);
  return failures ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err); process.exitCode = 2; }
);

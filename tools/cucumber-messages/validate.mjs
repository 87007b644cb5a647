// Checks every envelope of a messages.ndjson against the official Cucumber Messages JSON schema
// (@cucumber/messages, pinned by package-lock.json). Usage: node validate.mjs FILE
// Prints "valid: N envelopes" and exits 0, or one line per invalid envelope (line number, message type, what is wrong)
// and exits 1; a missing or unparsable file exits 2.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

// The package exports neither file, so they are read from its folder.
const messages = join(dirname(fileURLToPath(import.meta.url)), 'node_modules', '@cucumber', 'messages');
const schema = JSON.parse(readFileSync(join(messages, 'messages.schema.json'), 'utf8'));
const version = JSON.parse(readFileSync(join(messages, 'package.json'), 'utf8')).version;

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs FILE (a messages.ndjson)');
  process.exit(2);
}

let text;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  console.error(`cannot read ${file}: ${e.message}`);
  process.exit(2);
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const lines = text.split('\n').filter((l) => l.trim().length > 0);
let invalid = 0;
lines.forEach((line, i) => {
  let envelope;
  try {
    envelope = JSON.parse(line);
  } catch (e) {
    invalid++;
    console.log(`line ${i + 1}: not JSON: ${e.message}`);
    return;
  }
  const kinds = Object.keys(envelope);
  if (kinds.length !== 1) {
    invalid++;
    console.log(`line ${i + 1}: an envelope holds exactly one message, this one has ${kinds.length} (${kinds.join(', ')})`);
    return;
  }
  if (!validate(envelope)) {
    invalid++;
    const errors = validate.errors
      .map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`)
      .join('; ');
    console.log(`line ${i + 1}: ${kinds[0]}: ${errors}`);
  }
});

if (lines.length === 0) {
  console.log(`${file}: no envelope`);
  process.exit(1);
}
if (invalid > 0) {
  console.log(`invalid: ${invalid} of ${lines.length} envelopes against @cucumber/messages ${version}`);
  process.exit(1);
}
console.log(`valid: ${lines.length} envelopes against @cucumber/messages ${version}`);

#!/usr/bin/env node
// Validates SARIF logs against the official SARIF 2.1.0 JSON schema
// (sarif-2.1.0-rtm.5.json, a draft-04 schema, as @microsoft/jest-sarif ships
// it) with Ajv's draft-04 validator and the schema's string formats.
// scripts/setup.sh installs it into build/sarif-validator; the suite runs it
// on every SARIF log condis-check writes (test/condis-check/sarif-schema.test).
//
// usage: node validate.js LOG.sarif...
// Prints "sarif-schema: ok LOG" per valid log, every violation otherwise,
// and exits 1 when any log is invalid.
"use strict";
const fs = require("fs");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

// unicodeRegExp: false: the schema's "language" pattern has a stray ']' that
// only a RegExp without the u flag accepts (as draft-04 validators read it).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let bad = 0;
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: validate.js LOG.sarif...");
  process.exit(2);
}
for (const file of files) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.log(`sarif-schema: ${file}: not JSON: ${e.message}`);
    bad++;
    continue;
  }
  if (validate(log)) {
    console.log(`sarif-schema: ok ${file}`);
    continue;
  }
  bad++;
  for (const err of validate.errors)
    console.log(`sarif-schema: ${file}: ${err.instancePath || "/"} ${err.message}` +
                (err.params ? " " + JSON.stringify(err.params) : ""));
}
process.exit(bad ? 1 : 0);

// Usage: node ajv-check.js SCHEMA.json DATA.json...
// Compiles the schema with Ajv in strict mode (every strict option on: no
// unknown keywords, no union types, no ignored keywords) and validates each
// data file. Prints one line per problem; exit status 1 when there is any.
"use strict";
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020").default;

const [schemaFile, ...dataFiles] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
let validate;
try {
  validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
} catch (e) {
  console.log(`${schemaFile}: strict compile: ${e.message}`);
  process.exit(1);
}
let bad = 0;
for (const f of dataFiles) {
  const data = JSON.parse(fs.readFileSync(f, "utf8"));
  if (validate(data)) {
    console.log(`${f}: valid`);
    continue;
  }
  bad++;
  for (const e of validate.errors) console.log(`${f}: ${e.instancePath || "/"} ${e.message}`);
}
process.exit(bad ? 1 : 0);

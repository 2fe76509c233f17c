// The npm linters' best way to lint many files: one node process that calls the library on
// each file (dockerfile-utils' CLI takes one file per process). Prints the number of findings.
//   node lint-many.js dockerfile-utils LISTFILE
'use strict';
const fs = require('fs');
const [tool, list] = process.argv.slice(2);
const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
let findings = 0;
if (tool === 'dockerfile-utils') {
  const utils = require('dockerfile-utils');
  for (const f of files) findings += utils.validate(fs.readFileSync(f, 'utf8')).length;
} else {
  console.error(`unknown tool ${tool}`);
  process.exit(2);
}
console.log(findings);

// Validates processes/.camunda/element-templates/*.json as Camunda Modeler does before it offers a template
// (bpmn-js-element-templates uses this validator and skips, with an error, a template that fails it).
const fs = require('fs');
const path = require('path');
const { validateAll } = require('@bpmn-io/element-templates-validator');

const folder = path.join(__dirname, '..', '.camunda', 'element-templates');
const files = fs.readdirSync(folder).filter((file) => file.endsWith('.json')).sort();
const templates = files.map((file) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')));
const { results } = validateAll(templates);

let invalid = 0;
results.forEach((result, i) => {
  if (!result.valid) {
    invalid++;
    // the first error is the one Modeler shows; the oneOf errors after it only repeat that the file failed
    console.error(`${files[i]}: ${result.errors[0].message} (at ${result.errors[0].instancePath || '/'})`);
  }
});
if (files.length === 0 || invalid > 0) {
  console.error(`${invalid} of ${files.length} element templates are not valid for Camunda Modeler`);
  process.exit(1);
}
console.log(`${files.length} element templates valid for Camunda Modeler`);

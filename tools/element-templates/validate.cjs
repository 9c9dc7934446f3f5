// Validates element template files with the Camunda Modeler's own validator
// (@bpmn-io/element-templates-validator against @camunda/element-templates-json-schema).
// Arguments: template files. Prints each error as "file: template id: path: message"; exit 1 on any.
const fs = require('fs');
const path = require('path');
const { validateAll, getSchemaVersion } = require('@bpmn-io/element-templates-validator');

let failed = 0;
let count = 0;
for (const file of process.argv.slice(2)) {
  let templates;
  try {
    templates = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`${path.basename(file)}: -: not valid JSON (${e.message})`);
    failed++;
    continue;
  }
  const list = Array.isArray(templates) ? templates : [ templates ];
  const { results } = validateAll(list);
  results.forEach((result, i) => {
    count++;
    for (const error of result.errors || []) {
      failed++;
      const where = (error.instancePath || '/').replace(/^\//, '') || '-';
      console.log(`${path.basename(file)}: ${(list[i] && list[i].id) || '#' + i}: ${where}: ${error.message}`);
    }
  });
}
if (failed) {
  console.log(`element-templates: ${failed} problem(s) (schema @camunda/element-templates-json-schema ${getSchemaVersion()})`);
  process.exit(1);
}
console.log(`element-templates: ${count} template(s) valid against @camunda/element-templates-json-schema ${getSchemaVersion()}`);

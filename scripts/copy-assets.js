// Copies the non-TypeScript files each lib reads at run time next to its compiled code.
const { cpSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const ASSET_DIRS = [
  'libs/web/assets',
  'libs/municipalities/data',
  'libs/surveys/questionnaires',
  'libs/users/data',
];
for (const dir of ASSET_DIRS) {
  if (existsSync(dir)) cpSync(dir, join('dist', dir), { recursive: true });
}

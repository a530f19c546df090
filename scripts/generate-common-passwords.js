// Writes libs/users/data/common-passwords.txt from the passwords list of the npm package
// @zxcvbn-ts/language-common (MIT; frequency-ordered, from leaked-password corpora), lower-cased
// and without duplicates. Run it with the package unpacked somewhere, e.g.
//   npm pack @zxcvbn-ts/language-common@4.1.3 && tar xzf zxcvbn-ts-language-common-4.1.3.tgz
//   node scripts/generate-common-passwords.js package/src/passwords.json
// It is not a dependency: the list is shipped, so no install or network is needed at run time.
const { readFileSync, writeFileSync } = require('node:fs');

const source = process.argv[2];
if (!source) throw new Error('usage: node scripts/generate-common-passwords.js <passwords.json>');
const seen = new Set();
for (const entry of JSON.parse(readFileSync(source, 'utf8'))) {
  const password = String(entry).trim().toLowerCase();
  if (password && !/[\r\n]/.test(password)) seen.add(password);
}
writeFileSync('libs/users/data/common-passwords.txt', `${[...seen].join('\n')}\n`);
process.stdout.write(`${seen.size} passwords written\n`);

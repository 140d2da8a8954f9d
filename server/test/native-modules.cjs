// The app's own modules in the server tests. A test file's import of server/src/<x>.ts is answered
// with server/dist/<x>.js as Node itself loaded it: once per worker, rather than compiled and evaluated
// again in every file's registry (about 0.7 s of CPU a file). The libraries whose objects cross between
// a test and the app (graphql, TypeORM, the shared package) come the same way (server/test/native/), so
// that there is one copy of each and `instanceof` holds. What Node loads is the build, which the test
// run checks is current (global-setup.mjs).
const path = require('node:path');

const src = path.resolve(__dirname, '..', 'src');
const dist = path.resolve(__dirname, '..', 'dist');

function builtFileOf(file) {
  return path.join(dist, path.relative(src, file)).replace(/\.ts$/, '.js');
}

module.exports = {
  process(_source, file) {
    return { code: `module.exports = globalThis.__nativeRequire(${JSON.stringify(builtFileOf(file))});` };
  },
  getCacheKey(_source, file) {
    return `native:${builtFileOf(file)}`;
  },
};

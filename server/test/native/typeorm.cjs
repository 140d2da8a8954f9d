// `typeorm` in the server tests: the copy Node loaded for the app (see server/test/native-modules.cjs).
module.exports = globalThis.__nativeRequire('typeorm');

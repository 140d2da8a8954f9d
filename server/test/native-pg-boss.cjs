// `pg-boss` in the server tests: the one server/test/environment.cjs loaded natively (see there why).
module.exports = globalThis.__nativePgBoss;

// The server and the browser one test file shares (started before its tests, stopped after them),
// and pages opened on them.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launchBrowser, newPage, screenshot as saveScreenshot } from './browser.mjs';
import { DEMO_PASSWORD, startServer } from './server.mjs';
import { signInWithSession } from './ui.mjs';

/**
 * Registers the file's before and after hooks. Read `server` and `browser` from the returned object
 * inside tests (they are set only once the before hook has run); the page helpers may be destructured.
 * @param {Parameters<typeof startServer>[0]} [serverOptions]
 */
export function useServerAndBrowser(serverOptions) {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ sharedPostgres: true, ...serverOptions });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh page (own context, own sessionStorage) on the server; the caller closes its context. */
  const openPage = () => newPage(browser, server.url);

  /** Runs `body` with a fresh page, always closes it, and returns what `body` returns. */
  async function withPage(body) {
    const page = await openPage();
    try {
      return await body(page);
    } catch (error) {
      // What the page showed when the test gave up: the first thing to look at when a run fails elsewhere.
      const file = await saveScreenshot(page, `failure-${Date.now()}`).catch(() => null);
      if (file) process.stderr.write(`# failure screenshot: ${file}\n`);
      throw error;
    } finally {
      await page.context().close();
    }
  }

  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    newPage: openPage,
    withPage,

    /** A fresh page signed in as `username` (the demo password) on its me page; the caller closes its context. */
    async signedIn(username) {
      const page = await openPage();
      await signInWithSession(page, username, DEMO_PASSWORD);
      return page;
    },

    /** `withPage`, signed in as `username` (the demo password) first. */
    withSignedIn(username, body) {
      return withPage(async (page) => {
        await signInWithSession(page, username, DEMO_PASSWORD);
        return body(page);
      });
    },

    /** A GraphQL request to the server, for a test's set-up and checks; answers `data`, failing the test on errors. */
    async api(query, variables = {}, token) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await response.json();
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      return body.data;
    },

    /** A token for `username` (the demo password by default). */
    async apiToken(username, password = DEMO_PASSWORD) {
      const data = await this.api('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password });
      return data.login.token;
    },
  };
}

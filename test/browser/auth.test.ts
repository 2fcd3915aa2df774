import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_TOKEN, DEMO_PASSWORD, getJson, loginAs, startTestServer } from '../support/server.ts';
import { ARTIFACTS, launchBrowser } from '../support/browser.ts';

const FTZ = 'yunnan-ftz-2021-2025';

interface OrgUnitRow {
  code: string;
  name: string;
  parent: string | null;
}

async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  const form = page.getByTestId('login-form');
  await form.waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Expands every collapsed node of the org-unit tree. */
async function expandOrgTree(page: Page) {
  for (let i = 0; i < 50; i++) {
    const collapsed = page.locator('.tree-toggle[aria-expanded="false"]');
    if ((await collapsed.count()) === 0) return;
    await collapsed.first().click();
  }
}

describe('sign-in, roles and record history in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let allUnits: Map<string, OrgUnitRow>;

  before(async () => {
    server = await startTestServer('pglite');
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    const { body } = await getJson<{ items: OrgUnitRow[] }>(server.url, '/api/v1/org-units?limit=1000');
    allUnits = new Map(body.items.map((u) => [u.code, u]));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Whether a unit is 红河州 itself or lies below it in the full (administrator's) tree. */
  const inHonghe = (code: string) => {
    const seen = new Set<string>();
    for (let c: string | null | undefined = code; c && !seen.has(c); c = allUnits.get(c)?.parent) {
      if (c === 'YN-HH') return true;
      seen.add(c);
    }
    return false;
  };

  it('asks for a sign-in, then shows a 红河州 reporter only 红河 units and no history button', async () => {
    await page.goto(`${server.url}/#/org-units`);
    await page.getByTestId('login-form').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.equal(await page.getByTestId('logout').count(), 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'login.png') });

    await signIn(page, 'hh.reporter');
    // The page asked for before signing in is the one shown after.
    await page.getByTestId('org-node').first().waitFor();
    assert.match(page.url(), /#\/org-units$/);
    const user = await page.getByTestId('current-user').innerText();
    assert.match(user, /红河州填报员/);
    assert.match(user, /填报员 · 红河哈尼族彝族自治州/);

    await expandOrgTree(page);
    const nodes = page.getByTestId('org-node');
    const codes = await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
    const names = await page.locator('[data-testid="org-node"] .tree-heading').allInnerTexts();
    assert.ok(codes.length > 1, 'several units are listed');
    assert.ok(names.includes('红河哈尼族彝族自治州'));
    assert.ok(!names.some((n) => n.includes('昆明市') || n.includes('曲靖市')), `no other prefecture: ${names.join(', ')}`);
    for (const c of codes) assert.ok(inHonghe(c), `${c} lies in 红河州`);
    // Every unit the API grants the reporter is shown, and nothing else.
    const session = await loginAs(server.url, 'hh.reporter');
    const scoped = await getJson<{ items: OrgUnitRow[] }>(server.url, '/api/v1/org-units?limit=1000', session);
    assert.deepEqual([...codes].sort(), scoped.body.items.map((u) => u.code).sort());
    await page.screenshot({ path: path.join(ARTIFACTS, 'reporter-org-units.png') });

    // A plan page: the history button is not offered, and the server would refuse anyway.
    await page.goto(`${server.url}/#/plans/${FTZ}`);
    await page.locator('#plan-heading').waitFor();
    assert.equal(await page.getByTestId('plan-history').count(), 0);
    const auditStatus = await page.evaluate(
      async (plan) => (await fetch(`/api/v1/audit?entity=plan&key=${plan}`, { credentials: 'same-origin' })).status,
      FTZ,
    );
    assert.equal(auditStatus, 403);

    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    assert.match(await page.getByTestId('login-notice').innerText(), /退出/);
    const meStatus = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    assert.equal(meStatus, 401, 'the session is gone on the server');
  });

  it('shows the administrator the FTZ plan’s history with its 导入 entry', async () => {
    await signIn(page, 'admin');
    // An administrator lands on the plan office's home (issue 19), not the plan list.
    await page.getByTestId('user-roles').waitFor();
    assert.match(await page.getByTestId('user-roles').innerText(), /系统管理员/);

    await page.goto(`${server.url}/#/plans/${FTZ}`);
    const button = page.getByTestId('plan-history');
    await button.waitFor();
    await button.click();
    const panel = page.getByTestId('history-panel');
    const entry = panel.getByTestId('history-entry').filter({ hasText: '导入' }).first();
    await entry.waitFor();
    const text = await entry.innerText();
    assert.match(text, /system/);
    assert.match(text, /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/, 'zh-CN date and time');
    assert.match(text, /目标数\s*11/);
    assert.match(text, new RegExp(`${FTZ}\\.yaml`));
    await panel.screenshot({ path: path.join(ARTIFACTS, 'plan-history.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'plan-history-page.png') });
    await page.getByTestId('history-close').click();
    assert.equal(await panel.count(), 0);
  });

  it('creates a personal API token, shows its secret once and revokes it', async () => {
    await page.getByTestId('nav-tokens').click();
    await page.waitForURL(/#\/tokens$/);
    await page.getByTestId('token-row').first().waitFor();
    await page.getByTestId('token-name').fill('浏览器测试令牌');
    await page.getByTestId('token-create').click();
    const secret = await page.getByTestId('token-secret').inputValue();
    assert.match(secret, /^pt_/);
    assert.match(await page.getByTestId('token-secret-box').innerText(), /只显示这一次/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'token-created.png') });

    const asToken = await getJson<{ username: string }>(server.url, '/api/v1/auth/me', { token: secret });
    assert.equal(asToken.status, 200);
    assert.equal(asToken.body.username, 'admin');

    await page.getByTestId('token-secret-done').click();
    assert.equal(await page.getByTestId('token-secret').count(), 0, 'the secret is not shown again');
    // After a reload the CSRF token comes from /auth/me: revoking (a DELETE) still works.
    await page.reload();
    const row = page.getByTestId('token-row').filter({ hasText: '浏览器测试令牌' });
    await row.waitFor();
    await row.getByTestId('token-revoke').click();
    await row.getByTestId('token-revoke-confirm').click();
    await page.getByTestId('token-notice').waitFor();
    assert.match(await row.getByTestId('token-status').innerText(), /已撤销/);
    const revoked = await getJson(server.url, '/api/v1/auth/me', { token: secret });
    assert.equal(revoked.status, 401);
    // The demo administrator's own token is untouched.
    assert.equal((await getJson(server.url, '/api/v1/auth/me', { token: ADMIN_TOKEN })).status, 200);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tokens.png') });
  });

  it('returns to the login page when the session ends, and back to the page after signing in', async () => {
    await context.clearCookies();
    await page.goto(`${server.url}/#/indicators`);
    await page.getByTestId('login-form').waitFor();
    await signIn(page, 'leader');
    await page.getByTestId('indicator-row').first().waitFor();
    assert.match(page.url(), /#\/indicators$/);
    assert.match(await page.getByTestId('user-roles').innerText(), /查看者/);

    // Signed in, then the cookie disappears: the next request's 401 brings the login page back.
    await context.clearCookies();
    await page.getByRole('link', { name: '组织单位' }).click();
    await page.getByTestId('login-form').waitFor();
    assert.match(await page.getByTestId('login-notice').innerText(), /重新登录/);
    assert.match(page.url(), /#\/org-units$/);
    await signIn(page, 'leader');
    await page.getByTestId('org-node').first().waitFor();
    assert.match(page.url(), /#\/org-units$/);
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
  });

  it('explains a wrong password and a locked account, in Chinese and in English', async () => {
    await signIn(page, 'hh.reviewer', 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.match(await error.innerText(), /用户名或密码错误/);
    assert.equal(await page.getByTestId('login-password').inputValue(), '', 'the password field is cleared');
    await page.screenshot({ path: path.join(ARTIFACTS, 'login-error.png') });

    await page.getByTestId('lang-switch').click();
    await page.waitForSelector('html[lang="en"]');
    await page.getByTestId('login-password').fill('still-wrong');
    await page.getByTestId('login-submit').click();
    await page
      .getByTestId('login-error')
      .filter({ hasText: /Wrong user name or password\./ })
      .waitFor();
    assert.match(await page.getByTestId('login-submit').innerText(), /Sign in/);
    await page.getByTestId('lang-switch').click();
    await page.waitForSelector('html[lang="zh-CN"]');

    // Five failures lock the account; the sixth attempt says so and for how long (no time of day: it would date the failures).
    for (let i = 0; i < 5; i++) {
      await signIn(page, 'mengzi.reporter', `wrong-${i}`);
      await page.waitForSelector('[data-testid="login-error"]');
      await page.waitForSelector('[data-testid="login-submit"]:not([disabled])');
    }
    await signIn(page, 'mengzi.reporter', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="login-error"][data-code="ACCOUNT_LOCKED"]');
    const locked = await page.getByTestId('login-error').innerText();
    assert.match(locked, /锁定/);
    assert.match(locked, /请 15 分钟后再试/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'login-locked.png') });
  });
});

// Drives Swagger UI of a running stackpilot in headless Chromium, as an operator would: enters the API key
// under "Authorize", expands "GET /api/v1/components", clicks "Try it out" and "Execute", and checks that the
// response shown on the page lists the same components as the API itself. scripts/browser-test.sh starts
// stackpilot and sets:
//   STACKPILOT_URL   base URL of the running service (default http://127.0.0.1:8090)
//   STACKPILOT_API_KEY  an API key with the viewer role
//   CHROMIUM_PATH    the Chromium binary (default /usr/bin/chromium, Debian's package)
//   SCREENSHOT_DIR   folder for the screenshot (default target/browser)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const baseUrl = process.env.STACKPILOT_URL ?? 'http://127.0.0.1:8090';
const screenshotDir = process.env.SCREENSHOT_DIR ?? 'target/browser';
const apiKey = process.env.STACKPILOT_API_KEY ?? '';

// The machine has no route to the internet, so every background connection Chromium would open is turned off.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
});

after(async () => {
  await browser?.close();
});

async function componentNamesFromApi() {
  const response = await fetch(`${baseUrl}/api/v1/components`, {
    headers: { Accept: 'application/json', 'X-API-Key': apiKey },
  });
  assert.equal(response.status, 200, `GET ${baseUrl}/api/v1/components returned ${response.status}`);
  const components = await response.json();
  return components.map((component) => component.name);
}

test('Swagger UI lists components through Try it out', async () => {
  const expectedNames = await componentNamesFromApi();
  assert.ok(expectedNames.length > 0, 'the API returned no components, so the page would have nothing to show');

  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await page.goto(`${baseUrl}/q/swagger-ui`, { waitUntil: 'networkidle' });

  // The "Authorize" dialog has one form per security scheme; the API key goes into the apiKey scheme's form.
  await page.getByRole('button', { name: 'Authorize' }).first().click();
  const apiKeyForm = page.locator('.modal-ux .auth-container').filter({ hasText: 'X-API-Key' });
  await apiKeyForm.locator('input').fill(apiKey);
  // The dialog's buttons carry aria labels ("Apply credentials"), so they are found by class.
  await apiKeyForm.locator('button.authorize').click();
  await apiKeyForm.locator('button.btn-done').click();

  // Swagger UI gives each operation the id operations-<tag>-<operationId>.
  const operation = page.locator('#operations-Components-listComponents');
  await operation.waitFor({ state: 'visible', timeout: 30_000 });
  await operation.locator('.opblock-summary').first().click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.getByRole('button', { name: 'Execute' }).click();

  const liveResponse = operation.locator('.live-responses-table .response');
  await liveResponse.first().waitFor({ state: 'visible', timeout: 30_000 });
  const status = (await liveResponse.locator('.response-col_status').first().innerText()).trim();
  const body = await liveResponse.locator('.response-col_description pre').first().innerText();

  mkdirSync(screenshotDir, { recursive: true });
  const screenshot = join(screenshotDir, 'swagger-ui-list-components.png');
  await operation.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`screenshot: ${screenshot}`);

  assert.equal(status, '200', `Swagger UI showed HTTP status ${status} for GET /api/v1/components`);
  const shownNames = JSON.parse(body).map((component) => component.name);
  assert.deepEqual(shownNames, expectedNames, 'Swagger UI showed other components than the API returned');
});

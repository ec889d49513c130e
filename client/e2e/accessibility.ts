// axe-core in every browser journey (GB/T 37668-2019 / WCAG 2.1 A and AA rules).
// Every page a journey reaches (each navigation, including client-side ones), every dialog it opens and the page as
// each test leaves it are checked; a critical or serious violation fails the test that was running (e2e/setup.ts).
// axe is injected through the DevTools protocol (page.evaluate), which the app's content-security policy does not
// govern: the policy stays as strict as it is (no inline or remote scripts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0 and 2.1 level A and AA rules (GB/T 37668-2019 follows WCAG 2.0 AA). */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const failingImpacts = new Set(['critical', 'serious']);

export interface Violation {
  url: string;
  context: string;
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

const found: Violation[] = [];
const checked = new Set<string>();
const watched = new Set<Page>();
const queues = new WeakMap<Page, Promise<void>>();

/** Violations found since the last call, forgotten once taken. */
export function takeViolations(): Violation[] {
  return found.splice(0, found.length);
}

/** The page states checked so far ("<url> <page|dialog|end of test>"). */
export function checkedStates(): string[] {
  return [...checked];
}

export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.rule}: ${v.help}\n    at ${v.url} (${v.context})\n` +
        v.nodes.map((n) => `      ${n}`).join('\n'),
    )
    .join('\n');
}

function isGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Target page, context or browser has been closed|Execution context was destroyed|navigation|Target closed|frame was detached/i.test(
    message,
  );
}

/** Waits until the page's DOM has been still for a moment (animations, queries settling), at most a few seconds. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = window.setTimeout(done, 400);
        const limit = window.setTimeout(done, 4000);
        const observer = new MutationObserver(() => {
          window.clearTimeout(timer);
          timer = window.setTimeout(done, 400);
        });
        observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
        function done() {
          observer.disconnect();
          window.clearTimeout(timer);
          window.clearTimeout(limit);
          resolve();
        }
      }),
  );
}

interface AxeRun {
  violations: AxeResult[];
  /** Whether the DOM changed while axe ran: the journey acted meanwhile, so the result mixes two states. */
  changed: boolean;
}

/** How often a check whose page changed under it is run again before its persistent findings are reported. */
const attempts = 3;

async function runAxeOnce(page: Page, selector: string | undefined): Promise<AxeRun> {
  await settle(page);
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      if (include && !document.querySelector(include)) return { violations: [], changed: false };
      let changed = false;
      const observer = new MutationObserver(() => {
        changed = true;
      });
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      const result = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      changed = changed || observer.takeRecords().length > 0;
      observer.disconnect();
      return { violations: result.violations as AxeResult[], changed };
    },
    { tags: wcagTags, include: selector ?? null },
  );
}

const failing = (violations: AxeResult[]) => violations.filter((v) => v.impact && failingImpacts.has(v.impact));
const keysOf = (v: AxeResult) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}`);

/**
 * Checks a page state. The journey keeps acting while a check runs, so a check can catch the page between two states
 * (a select whose list is not mounted yet, a picker half closed). A run during which the DOM changed is repeated; if no
 * run saw a still page, only the findings every run made (the same rule on the same element) are reported.
 */
async function runAxe(page: Page, context: string, selector?: string): Promise<void> {
  const runs: AxeRun[] = [];
  for (let i = 0; i < attempts; i++) {
    const run = await runAxeOnce(page, selector);
    runs.push(run);
    if (!run.changed || failing(run.violations).length === 0) break;
  }
  const last = runs[runs.length - 1];
  let violations = failing(last.violations);
  if (last.changed && runs.length > 1) {
    const seenEveryTime = runs
      .slice(0, -1)
      .map((run) => new Set(failing(run.violations).flatMap(keysOf)))
      .reduce((a, b) => new Set([...a].filter((k) => b.has(k))));
    violations = violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => seenEveryTime.has(`${v.id} ${JSON.stringify(n.target)}`)) }))
      .filter((v) => v.nodes.length > 0);
  }
  const url = page.url();
  checked.add(`${url} ${context}`);
  for (const v of violations) {
    found.push({
      url,
      context,
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      nodes: v.nodes.slice(0, 8).map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`),
    });
  }
}

/** Queues a check of the page (or of the part a selector picks); checks of one page never overlap. */
export function checkPage(page: Page, context: string, selector?: string): Promise<void> {
  const previous = queues.get(page) ?? Promise.resolve();
  const next = previous
    .then(() => (page.isClosed() ? undefined : runAxe(page, context, selector)))
    .catch((error: unknown) => {
      // A page that navigated away or closed mid-check is checked again at its next state; anything else is a failure.
      if (isGone(error)) return;
      found.push({
        url: page.isClosed() ? '(closed)' : page.url(),
        context,
        rule: 'axe-did-not-run',
        impact: 'critical',
        help: error instanceof Error ? error.message : String(error),
        nodes: [],
      });
    });
  queues.set(
    page,
    next.catch(() => undefined),
  );
  return next;
}

/** Checks every open page as it stands, and waits for every check queued so far. */
export async function checkOpenPages(context: string): Promise<void> {
  await Promise.all([...watched].map((page) => checkPage(page, context)));
}

/** Waits for the checks queued so far on a page. */
export async function checksDone(page: Page): Promise<void> {
  await (queues.get(page) ?? Promise.resolve());
}

/**
 * Checks every state of a page: each navigation (client-side ones too), each dialog that opens, and what the test
 * leaves behind (setup.ts). Idempotent.
 */
export async function watchAccessibility(page: Page): Promise<void> {
  if (watched.has(page)) return;
  watched.add(page);
  page.on('close', () => watched.delete(page));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) void checkPage(page, 'page').catch(() => undefined);
  });
  await page.exposeBinding('__cwDialogOpened', () => {
    void checkPage(page, 'dialog', '.ant-modal-wrap:not([style*="display: none"]) [role="dialog"], [role="dialog"][aria-modal="true"]').catch(
      () => undefined,
    );
  });
  await page.addInitScript(() => {
    const seen = new WeakSet<Element>();
    const observer = new MutationObserver(() => {
      for (const dialog of Array.from(document.querySelectorAll('[role="dialog"]'))) {
        if (seen.has(dialog)) continue;
        seen.add(dialog);
        (window as unknown as { __cwDialogOpened?: () => void }).__cwDialogOpened?.();
      }
    });
    const start = () => observer.observe(document.documentElement, { childList: true, subtree: true });
    if (document.documentElement) start();
    else document.addEventListener('DOMContentLoaded', start);
  });
}

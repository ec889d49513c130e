import { afterAll, afterEach, expect } from 'vitest';
import { checkedStates, checkOpenPages, describeViolations, takeViolations } from './accessibility';

// Every journey test ends with the accessibility verdict on what it visited: a critical or serious WCAG 2.1 A/AA
// violation on any page, dialog or final state fails the test.
afterEach(async () => {
  await checkOpenPages('end of test');
  const violations = takeViolations();
  expect(violations, `accessibility violations:\n${describeViolations(violations)}`).toEqual([]);
});

// CW_AXE_VERBOSE=1 lists what was checked.
afterAll(() => {
  if (process.env.CW_AXE_VERBOSE) console.log(`axe checked:\n  ${checkedStates().join('\n  ')}`);
});

import { ApiError } from '../../api/problem';

/** What became of one item of a batch decision. */
export type ItemResult<T> = { item: T; ok: true } | { item: T; ok: false; title: string; detail?: string };

/**
 * Decides the items one by one, each by its own API call, and says what became of each: no call is skipped because
 * an earlier one failed, and a failure carries the problem's title and detail (headcount exceeded, already decided).
 * One at a time, so that two approvals into the same post are checked against each other by the server in order.
 */
export async function decideEach<T>(
  items: readonly T[],
  decide: (item: T) => Promise<unknown>,
  describeError: (error: unknown) => { title: string; detail?: string } = problemText,
): Promise<ItemResult<T>[]> {
  const results: ItemResult<T>[] = [];
  for (const item of items) {
    try {
      await decide(item);
      results.push({ item, ok: true });
    } catch (error) {
      results.push({ item, ok: false, ...describeError(error) });
    }
  }
  return results;
}

function problemText(error: unknown): { title: string; detail?: string } {
  if (error instanceof ApiError) {
    return { title: error.problem?.title ?? `HTTP ${error.status}`, detail: error.problem?.detail ?? undefined };
  }
  return { title: error instanceof Error ? error.message : String(error) };
}

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { decideEach } from './decideEach';

describe('deciding a batch item by item', () => {
  it('calls once per item in order, goes on after a failure and says why each failed', async () => {
    const called: string[] = [];
    const results = await decideEach(['a', 'b', 'c'], (id) => {
      called.push(id);
      if (id === 'b') {
        return Promise.reject(new ApiError(409, { title: '编制已满', detail: '目标岗位已无空缺。', status: 409 }));
      }
      return Promise.resolve();
    });
    expect(called).toEqual(['a', 'b', 'c']);
    expect(results).toEqual([
      { item: 'a', ok: true },
      { item: 'b', ok: false, title: '编制已满', detail: '目标岗位已无空缺。' },
      { item: 'c', ok: true },
    ]);
  });

  it('waits for each call before the next one', async () => {
    let running = 0;
    let most = 0;
    await decideEach([1, 2, 3], async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    });
    expect(most).toBe(1);
  });
});

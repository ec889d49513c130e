import { Alert, List, Typography } from 'antd';
import { useT } from '../i18n';
import type { ItemResult } from './decideEach';

/**
 * The outcome of a batch decision, item by item: how many succeeded, and each one that failed with its reason, so
 * that a partial success is never silent. Stays until closed or the next batch.
 */
export function BatchResults<T>({
  results,
  name,
  action,
  onClose,
}: {
  results: readonly ItemResult<T>[];
  /** How an item is named in the summary (the worker and the move). */
  name: (item: T) => string;
  /** What was done, for the heading (同意). */
  action: string;
  onClose: () => void;
}) {
  const t = useT();
  const done = results.filter((r) => r.ok);
  const failed = results.filter((r) => !r.ok);
  return (
    <Alert
      role={failed.length > 0 ? 'alert' : 'status'}
      type={failed.length === 0 ? 'success' : done.length === 0 ? 'error' : 'warning'}
      showIcon
      closable={{ 'aria-label': t('approvals.batch.closeSummary') }}
      onClose={onClose}
      style={{ marginBottom: 12 }}
      title={t('approvals.batch.summary', { action, done: done.length, failed: failed.length })}
      description={
        <List
          size="small"
          split={false}
          dataSource={[...failed, ...done]}
          renderItem={(r) => (
            <List.Item style={{ padding: '2px 0' }}>
              <Typography.Text type={r.ok ? 'success' : 'danger'}>
                {r.ok
                  ? t('approvals.batch.itemDone', { name: name(r.item), action })
                  : t('approvals.batch.itemFailed', { name: name(r.item), reason: [r.title, r.detail].filter(Boolean).join('：') })}
              </Typography.Text>
            </List.Item>
          )}
        />
      }
    />
  );
}

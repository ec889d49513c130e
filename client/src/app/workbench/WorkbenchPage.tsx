import { failureMessage } from '../../api/problem';
import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { WorkbenchTodo } from '../../api/types';
import { roleLabelKey } from '../access-rules';
import { useCurrentUser } from '../auth/RequireAuth';
import { useT, useTranslateAny } from '../i18n';
import { useTodos } from './useTodos';

const severityColour: Record<string, string | undefined> = {
  danger: '#cf1322',
  warning: '#d46b08',
};

function TodoCard({ todo }: { todo: WorkbenchTodo }) {
  const t = useT();
  const { t: word, has } = useTranslateAny();
  const title = word(todo.key);
  const hintKey = `${todo.key}.hint`;
  return (
    <Link to={todo.link} data-title={title} data-count={todo.count} data-module={todo.module} style={{ display: 'block', height: '100%' }}>
      <Card hoverable style={{ height: '100%' }} data-todo={todo.key}>
        <Statistic
          title={title}
          value={todo.count}
          suffix={<RightOutlined style={{ fontSize: 14 }} aria-hidden />}
          styles={{ content: { color: severityColour[todo.severity] } }}
        />
        {has(hintKey) && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {word(hintKey)}
          </Typography.Text>
        )}
        <Typography.Link style={{ display: 'block', marginTop: 8 }}>{t('workbench.open')}</Typography.Link>
      </Card>
    </Link>
  );
}

/** 工作台: every role's home page, one card per to-do with its count, each opening the list that resolves it. */
export function WorkbenchPage() {
  const t = useT();
  const { me, role } = useCurrentUser();
  const todos = useTodos();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('workbench.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {me.displayName} · {t(roleLabelKey[role])}
      </Typography.Paragraph>
      {todos.isPending && <Skeleton active />}
      {todos.isError && <Alert type="error" showIcon title={t('workbench.error')} description={failureMessage(todos.error)} />}
      {todos.data && todos.data.length === 0 && <Empty description={t('workbench.empty')} />}
      {todos.data && todos.data.length > 0 && (
        <Row gutter={[16, 16]} role="list" aria-label={t('workbench.title')}>
          {todos.data.map((todo) => (
            <Col key={todo.key} xs={24} sm={12} xl={8} role="listitem">
              <TodoCard todo={todo} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}

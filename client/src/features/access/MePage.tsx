import { Alert, Card, Col, Descriptions, Row, Tag } from 'antd';
import { roleLabelKey } from '../../app/access-rules';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { useT } from '../../app/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';

export function MePage() {
  const t = useT();
  const { me, role } = useCurrentUser();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('me.account')}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('me.displayName')}>{me.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('me.userName')}>{me.userName}</Descriptions.Item>
            <Descriptions.Item label={t('me.role')}>
              <Tag color="blue">{t(roleLabelKey[role])}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('me.orgUnit')}>{me.orgUnitName ?? t('me.none')}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('me.password.title')}>
          {me.mustChangePassword && (
            <Alert type="warning" showIcon title={t('app.mustChangePassword')} style={{ marginBottom: 16 }} />
          )}
          <ChangePasswordForm />
        </Card>
      </Col>
    </Row>
  );
}

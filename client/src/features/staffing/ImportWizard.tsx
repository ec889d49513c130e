import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Progress, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { useReturnFocus } from '../../app/a11y/useReturnFocus';
import { useState } from 'react';
import { ApiError, problemTypes } from '../../api/problem';
import type { ImportError, ImportReport, ImportResult } from '../../api/types';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { useCheckImport, useDownloadErrorReport, useDownloadTemplate, useImportRoster } from './hooks/rosterFiles';
import { groupImportErrors } from './staffingRules';

function ErrorTable({ errors }: { errors: readonly ImportError[] }) {
  const t = useT();
  const rows = groupImportErrors(errors).flatMap((r) =>
    r.errors.map((e, i) => ({ key: `${r.row}-${i}`, row: r.row, column: e.column, message: e.message })),
  );
  return (
    <Table
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10 } : false}
      aria-label={t('staffing.import.errors')}
      columns={[
        { title: t('staffing.import.col.row'), dataIndex: 'row', width: 80 },
        { title: t('staffing.import.col.column'), dataIndex: 'column', width: 160 },
        { title: t('staffing.import.col.message'), dataIndex: 'message' },
      ]}
    />
  );
}

/** Template → upload (with progress) → dry-run report → import. Nothing is written until 确认导入 succeeds. */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const template = useDownloadTemplate();
  const check = useCheckImport();
  const importRoster = useImportRoster();
  const errorReport = useDownloadErrorReport();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [checked, setChecked] = useState<ImportReport | null>(null);
  const [refused, setRefused] = useState<ImportError[] | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);

  const step = done ? 3 : checked ? 2 : file ? 1 : 0;

  const runCheck = (f: File) => {
    setFile(f);
    setChecked(null);
    setRefused(null);
    setProgress(0);
    check.mutate(
      { file: f, onProgress: setProgress },
      { onSuccess: (r) => setChecked(r), onError: (e) => report(e), onSettled: () => setProgress(null) },
    );
  };

  const runImport = () => {
    if (!file) return;
    setProgress(0);
    importRoster.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: (r) => {
          setDone(r);
          void message.success(t('staffing.import.done', { imported: r.imported }));
        },
        onError: (e) => {
          if (e instanceof ApiError && e.problem?.type === problemTypes.importInvalid) setRefused(e.problem.rowErrors ?? []);
          report(e);
        },
        onSettled: () => setProgress(null),
      },
    );
  };

  useReturnFocus();
  const busy = check.isPending || importRoster.isPending;
  const errors = refused ?? checked?.errors ?? [];

  return (
    <Modal
      open
      title={t('staffing.import.title')}
      width={820}
      onCancel={onClose}
      destroyOnHidden
      footer={
        done ? (
          <Button type="primary" onClick={onClose}>
            {t('staffing.import.finish')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={!checked || checked.errors.length > 0 || checked.validRows === 0 || busy}
              loading={importRoster.isPending}
              onClick={runImport}
            >
              {t('staffing.import.confirm')}
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Steps
          size="small"
          current={step}
          items={[
            { title: t('staffing.import.step.template') },
            { title: t('staffing.import.step.upload') },
            { title: t('staffing.import.step.check') },
            { title: t('staffing.import.step.done') },
          ]}
        />
        {done ? (
          <Result
            status="success"
            title={t('staffing.import.done', { imported: done.imported })}
            subTitle={t('staffing.import.postingsCreated', { count: done.postingsCreated })}
          />
        ) : (
          <>
            <Space wrap>
              <Button
                icon={<DownloadOutlined />}
                loading={template.isPending}
                onClick={() => template.mutate(t('staffing.import.templateFile'), { onError: (e) => report(e) })}
              >
                {t('staffing.import.downloadTemplate')}
              </Button>
              <Typography.Text type="secondary">{t('staffing.import.templateHelp')}</Typography.Text>
            </Space>
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(f) => {
                runCheck(f);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{file ? t('staffing.import.chosen', { name: file.name }) : t('staffing.import.drop')}</p>
              <Typography.Text type="secondary">{t('staffing.import.dropHelp')}</Typography.Text>
            </Upload.Dragger>
            {progress !== null && (
              <Progress percent={progress ?? 0} status="active" aria-label={t('staffing.import.progress')} />
            )}
            {checked && (
              <Alert
                type={checked.errors.length > 0 ? 'error' : 'success'}
                showIcon
                title={t('staffing.import.summary', {
                  total: checked.totalRows,
                  valid: checked.validRows,
                  errors: checked.errors.length,
                })}
                description={checked.errors.length > 0 ? t('staffing.import.fixAndRetry') : t('staffing.import.ready')}
              />
            )}
            {refused && <Alert type="error" showIcon title={t('staffing.import.refused')} />}
            {errors.length > 0 && (
              <>
                <ErrorTable errors={errors} />
                <Button
                  icon={<DownloadOutlined />}
                  loading={errorReport.isPending}
                  onClick={() =>
                    file &&
                    errorReport.mutate({ file, fallback: t('staffing.import.errorReportFile') }, { onError: (e) => report(e) })
                  }
                >
                  {t('staffing.import.downloadErrorReport')}
                </Button>
              </>
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}

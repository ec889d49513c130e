import { Modal } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useReturnFocus } from './a11y/useReturnFocus';
import { useT } from './i18n';

/**
 * The dialog every form in the app uses: OK submits the antd form (so its validation and problem-details field
 * errors apply), Cancel closes, the OK button spins while the mutation runs, and the form is rebuilt each opening.
 */
export function FormModal<T>({
  title,
  okText,
  loading,
  form,
  onClose,
  width,
  okButtonProps,
  children,
}: {
  title: ReactNode;
  okText: string;
  loading: boolean;
  form: FormInstance<T>;
  onClose: () => void;
  width?: number;
  okButtonProps?: ButtonProps;
  children: ReactNode;
}) {
  const t = useT();
  useReturnFocus();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={width}
      okButtonProps={okButtonProps}
    >
      {children}
    </Modal>
  );
}

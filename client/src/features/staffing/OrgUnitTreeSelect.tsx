import type { CSSProperties } from 'react';
import type { OrgUnitNode } from '../../api/types';
import { ListedTreeSelect } from '../../app/ListedTreeSelect';

interface TreeSelectNode {
  value: string;
  title: string;
  disabled: boolean;
  children: TreeSelectNode[];
}

function toOptions(nodes: readonly OrgUnitNode[], selectable: (node: OrgUnitNode) => boolean): TreeSelectNode[] {
  return nodes.map((node) => ({
    value: node.id,
    title: `${node.name}（${node.code}）`,
    disabled: !selectable(node),
    children: toOptions(node.children, selectable),
  }));
}

interface Props {
  tree: readonly OrgUnitNode[];
  value?: string | null;
  onChange?: (value: string | null) => void;
  selectable?: (node: OrgUnitNode) => boolean;
  loading?: boolean;
  id?: string;
  placeholder?: string;
  style?: CSSProperties;
  /** The control's name when no form label names it (a filter): defaults to the placeholder. */
  'aria-label'?: string;
}

/** Picks an org unit from the caller's tree; works as a controlled antd Form field. */
export function OrgUnitTreeSelect({
  tree,
  value,
  onChange,
  selectable = () => true,
  loading,
  id,
  placeholder,
  style,
  'aria-label': ariaLabel,
}: Props) {
  return (
    <ListedTreeSelect<string>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      treeData={toOptions(tree, selectable)}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      loading={loading}
      placeholder={placeholder}
      aria-label={ariaLabel ?? (id ? undefined : placeholder)}
      style={style ?? { width: '100%' }}
    />
  );
}

import { TreeSelect, type TreeSelectProps } from 'antd';
import { useId } from 'react';

/**
 * antd's TreeSelect with the element its combobox points at. The combobox names `<id>_list` in aria-controls and
 * aria-owns, but the tree it opens carries no id, so an open TreeSelect points screen readers at nothing (axe:
 * aria-valid-attr-value, critical). This renders the popup inside an element with that id. Use it for every tree
 * picker.
 */
export function ListedTreeSelect<V = string>(props: TreeSelectProps<V>) {
  const generated = useId();
  const id = props.id ?? generated;
  const { popupRender } = props;
  return (
    <TreeSelect<V>
      {...props}
      id={id}
      popupRender={(menu) => <div id={`${id}_list`}>{popupRender ? popupRender(menu) : menu}</div>}
    />
  );
}

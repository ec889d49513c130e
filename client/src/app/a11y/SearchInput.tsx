import { SearchOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import type { SearchProps } from 'antd/es/input';
import { useA11yText } from './messages';

/**
 * antd's search box with a search button named in the UI language (antd's own is named "search" by its icon, in
 * English whatever the language). The field itself needs an aria-label or a form label, as any input.
 */
export function SearchInput(props: SearchProps & { 'aria-label': string }) {
  const text = useA11yText();
  return (
    <Input.Search
      {...props}
      enterButton={<Button aria-label={text.search} title={text.search} icon={<SearchOutlined aria-hidden />} />}
    />
  );
}

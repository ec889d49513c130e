import { useEffect, type CSSProperties } from 'react';
import { useT } from '../i18n';

/** "<page> - <app>": what a screen reader announces and a browser tab shows for the route. */
export function useDocumentTitle(page: string | undefined): void {
  const t = useT();
  const app = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} - ${app}` : app;
  }, [page, app]);
}

const headingStyle: CSSProperties = { fontSize: 20, lineHeight: 1.4, fontWeight: 600, margin: '0 0 16px' };

/**
 * The page's one h1 and its document title, in the UI language. It is also where the skip link lands
 * (id "main-content", focusable by script only).
 */
export function PageTitle({ title }: { title: string }) {
  useDocumentTitle(title);
  return (
    <h1 id="main-content" tabIndex={-1} className="cw-page-title" style={headingStyle}>
      {title}
    </h1>
  );
}

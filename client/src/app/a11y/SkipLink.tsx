import { useA11yText } from './messages';

/** The first tab stop: jumps past the navigation to the page's heading (see PageTitle). */
export function SkipLink({ target = 'main-content' }: { target?: string }) {
  const text = useA11yText();
  return (
    <a
      className="cw-skip-link"
      href={`#${target}`}
      onClick={(event) => {
        const element = document.getElementById(target);
        if (!element) return;
        event.preventDefault();
        element.focus();
        element.scrollIntoView();
      }}
    >
      {text.skipToContent}
    </a>
  );
}

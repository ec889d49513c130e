import { useEffect, useRef } from 'react';

function focusedElement(): HTMLElement | null {
  if (typeof document === 'undefined') return null;
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * Gives focus back to the element that opened a dialog once the dialog closes, so a keyboard user returns to the
 * button they pressed. The app mounts its dialogs only while open (`{open && <FormModal/>}`): antd's own
 * focus-return then never runs, and focus would drop to the page body. Call it in the dialog component; for a
 * dialog that stays mounted pass its `open` state.
 */
export function useReturnFocus(open = true): void {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // Read during render, before the dialog's own effects move focus into it.
  if (open && !wasOpen.current) opener.current = focusedElement();
  wasOpen.current = open;

  useEffect(() => {
    if (open) {
      return () => {
        const target = opener.current;
        // After antd's close handling; only when focus was lost (on the body or on a removed element), never taken
        // from where something else deliberately put it.
        window.setTimeout(() => {
          const now = document.activeElement;
          const lost = !now || now === document.body || !now.isConnected;
          if (lost && target?.isConnected) target.focus();
        }, 0);
      };
    }
    return undefined;
  }, [open]);
}

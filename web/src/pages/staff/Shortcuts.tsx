/**
 * Single-key shortcuts for the verify step, listed on the page and switchable off (WCAG 2.1.4):
 * they never fire while typing in a field or with Ctrl/Alt/⌘ held.
 */
import { useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/index.js';

const STORAGE_KEY = 'kencot.shortcuts';
const KEYS = new Set(['y', 't', 'n', 'p', '+', '=', '-', 'r', '0', 'l']);

export function useShortcutsEnabled(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(STORAGE_KEY) !== 'off';
    } catch {
      return true;
    }
  });
  const set = (next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off');
    } catch {
      // Not remembered; the switch still works on this page.
    }
  };
  return [on, set];
}

export function Shortcuts({
  enabled,
  onChange,
  onKey,
  verifying,
  hasDocuments,
  hasNext = false,
}: {
  enabled: boolean;
  onChange: (on: boolean) => void;
  onKey: (key: string) => void;
  verifying: boolean;
  hasDocuments: boolean;
  /** After acting: L opens the next request of the same queue. */
  hasNext?: boolean;
}) {
  const t = useT().console.shortcuts;
  const id = useId();

  useEffect(() => {
    if (!enabled) return;
    const handler = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.repeat) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
      if (!KEYS.has(event.key.toLowerCase())) return;
      event.preventDefault();
      onKey(event.key);
    };
    document.addEventListener('keydown', handler);
    return () => document.removeEventListener('keydown', handler);
  }, [enabled, onKey]);

  const keys: [string, string][] = [
    ...(hasNext ? ([['L', t.next]] as [string, string][]) : []),
    ...(verifying
      ? ([
          ['Y', t.accept],
          ['T', t.return],
        ] as [string, string][])
      : []),
    ...(hasDocuments
      ? ([
          ['N / P', t.nextPrevious],
          ['+ / −', t.zoom],
          ['R', t.rotate],
          ['0', t.reset],
        ] as [string, string][])
      : []),
  ];
  return (
    <div className="shortcuts" aria-labelledby={`${id}-title`} role="region">
      <h3 id={`${id}-title`}>{t.heading}</h3>
      <div className="checkbox">
        <input id={`${id}-on`} type="checkbox" checked={enabled} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={`${id}-on`}>{t.enabled}</label>
      </div>
      {enabled && (
        <>
          <p className="hint">{t.intro}</p>
          <dl className="shortcut-list">
            {keys.map(([key, what]) => (
              <div key={key}>
                <dt>
                  <kbd className="kbd">{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}

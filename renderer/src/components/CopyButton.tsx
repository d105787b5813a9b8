import { useEffect, useState } from 'react';

/** Writes text to the clipboard (the async API, else a hidden textarea for pages without clipboard permission). */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/** A Copy button named for what it copies ("Copy request"); says "Copied" for a moment after a copy. */
export function CopyButton({ text, what, disabled }: { text: string; what: string; disabled?: boolean }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className="button small"
      aria-label={`Copy ${what}`}
      disabled={disabled}
      onClick={() => {
        void copyText(text).then(() => setCopied(true));
      }}
    >
      {copied ? 'Copied' : 'Copy'}
      <span className="visually-hidden" role="status">
        {copied ? `${what} copied` : ''}
      </span>
    </button>
  );
}

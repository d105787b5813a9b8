import type { ReactNode } from 'react';

/** A titled group of fields (a fieldset, so a screen reader announces the legend with each field). */
export function FormSection({
  title,
  actions,
  children,
  columns = 2,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  columns?: 1 | 2 | 3 | 4;
}) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {actions && <div className="form-section-actions">{actions}</div>}
      <div className={`form-grid cols-${columns}`}>{children}</div>
    </fieldset>
  );
}

export function FormHeader({
  kind,
  title,
  color,
  children,
}: {
  kind: string;
  title: string;
  color?: string;
  children?: ReactNode;
}) {
  return (
    <header className="form-header">
      <span className="form-kind" style={color ? { color } : undefined}>
        {kind}
      </span>
      <h2>{title || '(no name)'}</h2>
      <span className="spacer" />
      {children}
    </header>
  );
}

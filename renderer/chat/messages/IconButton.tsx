import type { ButtonHTMLAttributes, ReactNode } from 'react';

/** A compact button that shows only an icon: `label` is its accessible name, `tip` its tooltip (the short word a
 * text button would have shown). An icon-only button always has both. */
export function IconButton({ label, tip, children, className, ...rest }: {
  label: string;
  tip: string;
  children: ReactNode;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'title' | 'children'>) {
  return (
    <button type="button" {...rest} className={`icon-button${className ? ` ${className}` : ''}`} aria-label={label} title={tip}>
      {children}
    </button>
  );
}

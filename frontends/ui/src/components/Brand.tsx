import type { ReactNode } from 'react';

/** The product mark: a gate (poort) in two shades, drawn inline so it needs no request. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg className="pw-brand-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="30" height="30" rx="6" fill="#ffffff" />
      <path d="M8 26V13a8 8 0 0 1 16 0v13h-4V13a4 4 0 0 0-8 0v13z" fill="#01689b" />
      <rect x="6" y="24" width="20" height="3" rx="1" fill="#00756b" />
    </svg>
  );
}

export function Brand({ name, portal, href = '/', linkComponent }: { name: string; portal: string; href?: string; linkComponent?: (props: { to: string; className: string; children: ReactNode }) => ReactNode }) {
  const content = (
    <>
      <BrandMark />
      <span>
        <span className="pw-brand-name">{name}</span>
        <br />
        <span className="pw-brand-portal">{portal}</span>
      </span>
    </>
  );
  if (linkComponent) return linkComponent({ to: href, className: 'pw-brand', children: content });
  return (
    <a className="pw-brand" href={href}>
      {content}
    </a>
  );
}

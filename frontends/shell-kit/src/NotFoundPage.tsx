import { Anchor, Link, NotFoundPanel, useT } from '@poortwachter/ui';

/** Shown for an address no route of the shell knows. */
export function NotFoundPage({ home = '/' }: { home?: string }) {
  const t = useT();
  return (
    <NotFoundPanel
      homeLink={
        <Anchor component={Link} to={home}>
          {t('notFound.home')}
        </Anchor>
      }
    />
  );
}

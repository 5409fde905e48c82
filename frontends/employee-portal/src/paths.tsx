import { createContext, useContext, useMemo, type ReactNode } from 'react';

/** Joins the remote's mount point and a child path: ('/', 'afspraken') → '/afspraken'. */
export function under(basePath: string, child = ''): string {
  const base = basePath.endsWith('/') ? basePath.slice(0, -1) : basePath;
  return `${base}/${child}`.replace(/\/+$/, '') || '/';
}

export type DossierTab = 'documenten' | 'verzuimverloop' | 'upload';

/** The portal's screens (Dutch paths, as users see them in the address bar), below the shell's mount point. */
export function portalPaths(basePath: string) {
  return {
    dashboard: under(basePath),
    dossiers: under(basePath, 'dossiers'),
    dossier: (id: string, tab: DossierTab = 'documenten') =>
      under(basePath, tab === 'documenten' ? `dossiers/${id}` : `dossiers/${id}/${tab}`),
    signatures: under(basePath, 'te-ondertekenen'),
    sign: (signatureRequestId: string) => under(basePath, `te-ondertekenen/${signatureRequestId}`),
    appointments: under(basePath, 'afspraken'),
    yearOverview: under(basePath, 'jaaroverzicht'),
    myDetails: under(basePath, 'mijn-gegevens'),
  };
}

export type PortalPaths = ReturnType<typeof portalPaths>;

const PathsContext = createContext<PortalPaths>(portalPaths('/'));

export function PathsProvider({ basePath, children }: { basePath: string; children: ReactNode }) {
  const paths = useMemo(() => portalPaths(basePath), [basePath]);
  return <PathsContext.Provider value={paths}>{children}</PathsContext.Provider>;
}

export function usePaths(): PortalPaths {
  return useContext(PathsContext);
}

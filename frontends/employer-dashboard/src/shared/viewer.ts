import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';

export type ViewerRole =
  'EMPLOYEE' | 'EMPLOYER' | 'OCCUPATIONAL_PHYSICIAN' | 'CASE_MANAGER' | 'PLANNER' | 'ADMIN';

export const VIEWER: TypedDocumentNode<
  { viewer: { id: string; role: ViewerRole } | null },
  Record<string, never>
> = gql`
  query DashboardViewer {
    viewer {
      id
      role
    }
  }
`;

/**
 * The signed-in user's role, from the API (the shell's session is not shared with remotes). The
 * screens only use it to choose what to show; the subgraphs decide what the user may do.
 */
export function useViewerRole(): { role: ViewerRole | null; loading: boolean } {
  const { data, loading } = useQuery(VIEWER);
  return { role: data?.viewer?.role ?? null, loading };
}

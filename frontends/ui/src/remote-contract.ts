/**
 * The contract of every remote's exposed `./App`: a component that routes below `basePath`. It lives
 * in the design system because both sides depend on it — the shells (through the shell kit) and
 * the remotes, which depend on nothing else shared.
 */
export interface RemoteAppProps {
  basePath?: string;
}

// Routing primitives, re-exported so that shells and remotes share one react-router through this
// singleton (the remotes' routes live inside the shell's router). Sharing react-router itself would
// ship all of it (about 60 KB gzip) in every shell's first load; through here it is tree-shaken.
export {
  BrowserRouter,
  Link,
  MemoryRouter,
  Navigate,
  NavLink as RouterNavLink,
  Route,
  Routes,
  matchPath,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router';

// The design system of Poortwachter. Shells and remotes import everything visual from here (never
// from @mantine/core directly): this package is a module-federation singleton, so there is exactly
// one Mantine, one theme context and one i18n instance at run time. The design system holds only
// its own texts (`common`); every remote and shell owns and registers its catalogs (`addCatalogs`).
import './styles';

export { theme, pwBlue, pwTeal } from './theme';
export { UiProvider } from './components/UiProvider';
export { AppLayout, type AppLayoutProps } from './components/AppLayout';
export { Brand, BrandMark } from './components/Brand';
export { LanguageSwitch } from './components/LanguageSwitch';
export { SkipLink, MAIN_CONTENT_ID } from './components/SkipLink';
export { ErrorPanel, type ErrorPanelProps } from './components/ErrorPanel';
export { LoadingState } from './components/LoadingState';
export { NotFoundPanel } from './components/NotFoundPanel';
export { Widget, PageHeader, type WidgetProps } from './components/Widget';
export {
  Fieldset,
  Modal,
  Radio,
  Tabs,
  Textarea,
  preloadDialogKit,
  type FieldsetProps,
  type ModalProps,
  type RadioGroupProps,
  type RadioProps,
  type TabsProps,
  type TextareaProps,
} from './components/Dialog';
export {
  DataTable,
  sortRows,
  compareValues,
  type DataTableColumn,
  type DataTableProps,
  type SortState,
  type SortDirection,
  type RowTone,
} from './components/DataTable';
export {
  DurationClassChart,
  DURATION_CLASSES,
  DURATION_CLASS_COLORS,
  type DurationClass,
  type DurationClassDatum,
} from './components/DurationClassChart';
export { StepChart, type StepChartProps, type StepPoint } from './components/StepChart';
export {
  i18n,
  initI18n,
  loadI18n,
  loadNamespaces,
  registerCatalogs,
  addCatalogs,
  setLocale,
  useT,
  useLocale,
  useEnumLabel,
  isLocale,
  LOCALES,
  DEFAULT_LOCALE,
  LOCALE_STORAGE_KEY,
  type Locale,
  type Catalog,
  type Catalogs,
  type CatalogShape,
  type CatalogLoader,
  type AddCatalogsOptions,
  type Namespace,
} from './i18n';
export { createFormatters, useFormat, parseDate, toIsoDate, daysBetween, type Formatters } from './format';
export { describeError, errorCode, isRetryable, type DescribedError, type ErrorMessageKey } from './errors';

// The Mantine building blocks the frontends may use, re-exported so they come from this singleton.
export {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Checkbox,
  Container,
  Divider,
  Group,
  List,
  NavLink,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  Title,
  UnstyledButton,
  VisuallyHidden,
  type BadgeProps,
  type ButtonProps,
} from '@mantine/core';
export { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
export { PasswordInput } from './components/PasswordInput';
export { useDocumentTitle } from './document-title';
export {
  BrowserRouter,
  Link,
  MemoryRouter,
  Navigate,
  RouterNavLink,
  Route,
  Routes,
  matchPath,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from './router';
export {
  GatewayAccessProvider,
  useGatewayFetch,
  FileRequestError,
  fileRequestError,
  type GatewayAccess,
  type GatewayFetch,
} from './gateway-fetch';
export type { RemoteAppProps } from './remote-contract';

import { startShell } from '@poortwachter/shell-kit';
import { App } from './App';
import { registerEmployerShellCatalogs } from './i18n';

void startShell({ hostName: 'shell_employer', catalogs: registerEmployerShellCatalogs, render: () => <App /> });

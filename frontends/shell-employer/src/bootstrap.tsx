import { startShell } from '@poortwachter/ui/shell';
import { App } from './App';
import { registerEmployerShellCatalogs } from './i18n';

void startShell({ hostName: 'shell_employer', catalogs: registerEmployerShellCatalogs, render: () => <App /> });

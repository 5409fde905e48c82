import { startShell } from '@poortwachter/shell-kit';
import { App } from './App';
import { registerEmployeeShellCatalogs } from './i18n';

void startShell({ hostName: 'shell_employee', catalogs: registerEmployeeShellCatalogs, render: () => <App /> });

import { startShell } from '@poortwachter/ui/shell';
import { App } from './App';

void startShell({ hostName: 'shell_employer', render: () => <App /> });

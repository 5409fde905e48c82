import { serviceMain } from '@poortwachter/kit';
import { service } from './index.js';

serviceMain(service);

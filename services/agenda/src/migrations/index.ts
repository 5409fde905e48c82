import { AgendaFoundation1764028800000 } from './1764028800000-AgendaFoundation.js';
import { AgendaPlanning1796601600000 } from './1796601600000-AgendaPlanning.js';

export const MIGRATIONS = [AgendaFoundation1764028800000, AgendaPlanning1796601600000];

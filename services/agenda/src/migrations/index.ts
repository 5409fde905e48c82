import { AgendaFoundation1764028800000 } from './1764028800000-AgendaFoundation.js';

export const MIGRATIONS = [AgendaFoundation1764028800000];

import { ActivitiesFoundation1764115200000 } from './1764115200000-ActivitiesFoundation.js';
import { ImportedHistory1764201600000 } from './1764201600000-ImportedHistory.js';

export const MIGRATIONS = [ActivitiesFoundation1764115200000, ImportedHistory1764201600000];

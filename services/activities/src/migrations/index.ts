import { ActivitiesFoundation1764115200000 } from './1764115200000-ActivitiesFoundation.js';

export const MIGRATIONS = [ActivitiesFoundation1764115200000];

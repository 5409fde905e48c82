import { ReportingFoundation1764115200000 } from './1764115200000-ReportingFoundation.js';

export const MIGRATIONS = [ReportingFoundation1764115200000];

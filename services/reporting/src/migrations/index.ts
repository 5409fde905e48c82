import { ReportingFoundation1764115200000 } from './1764115200000-ReportingFoundation.js';
import { AbsenceReadModel1796649600000 } from './1796649600000-AbsenceReadModel.js';

export const MIGRATIONS = [ReportingFoundation1764115200000, AbsenceReadModel1796649600000];

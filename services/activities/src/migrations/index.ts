import { ActivitiesFoundation1764115200000 } from './1764115200000-ActivitiesFoundation.js';
import { ImportedHistory1764201600000 } from './1764201600000-ImportedHistory.js';
import { ActivityOrigin1764288000000 } from './1764288000000-ActivityOrigin.js';
import { ProtocolAdministration1764460800000 } from './1764460800000-ProtocolAdministration.js';
import { CatalogueNumbersDocumentLink1796688000000 } from './1796688000000-CatalogueNumbersDocumentLink.js';

export const MIGRATIONS = [
  ActivitiesFoundation1764115200000,
  ImportedHistory1764201600000,
  ActivityOrigin1764288000000,
  ProtocolAdministration1764460800000,
  CatalogueNumbersDocumentLink1796688000000,
];

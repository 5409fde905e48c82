import { DossierCore1767225600000 } from './1767225600000-DossierCore.js';

/** In order of application. */
export const DOSSIER_MIGRATIONS = [DossierCore1767225600000];

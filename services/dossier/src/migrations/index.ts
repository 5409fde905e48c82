import { DossierCore1767225600000 } from './1767225600000-DossierCore.js';
import { SickReportDetails1767312000000 } from './1767312000000-SickReportDetails.js';
import { DocumentsNotesSigning1767398400000 } from './1767398400000-DocumentsNotesSigning.js';
import { AuthorsAndCorrections1767484800000 } from './1767484800000-AuthorsAndCorrections.js';
import { PersonDossier1767571200000 } from './1767571200000-PersonDossier.js';

/** In order of application. */
export const DOSSIER_MIGRATIONS = [DossierCore1767225600000, SickReportDetails1767312000000, DocumentsNotesSigning1767398400000, AuthorsAndCorrections1767484800000,
  PersonDossier1767571200000,
];

import { DepartmentEntity, DivisionEntity, EmployerEntity } from './organisation.js';
import { EmploymentEntity } from './employment.js';
import { PersonEntity } from './person.js';
import { AbsenceCoursePointEntity, SickCaseEntity } from './sick-case.js';
import { HrNoteEntity } from './hr-note.js';
import { CorrectionRequestEntity, DocumentEntity, NoteEntity, SignatureRequestEntity, UserDirectoryEntity } from './document.js';

export * from './organisation.js';
export * from './employment.js';
export * from './person.js';
export * from './sick-case.js';
export * from './document.js';
export * from './hr-note.js';

export const DOSSIER_ENTITIES = [
  EmployerEntity,
  DivisionEntity,
  DepartmentEntity,
  PersonEntity,
  EmploymentEntity,
  SickCaseEntity,
  AbsenceCoursePointEntity,
  DocumentEntity,
  SignatureRequestEntity,
  NoteEntity,
  CorrectionRequestEntity,
  UserDirectoryEntity,
  HrNoteEntity,
];

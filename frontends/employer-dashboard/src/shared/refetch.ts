/** Queries that show activities or absence; refetched after every change so all widgets agree. */
export const AFTER_CHANGE_QUERIES = ['ActionList', 'PersonAbsence', 'PersonDossier', 'Persons'];

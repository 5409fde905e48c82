import { GraphQLError } from 'graphql';

/**
 * What kind of problem a code names; the explorer groups the list by it and clients decide with it
 * whether retrying, signing in again or correcting the input helps.
 */
export type ErrorKind = 'authentication' | 'authorization' | 'input' | 'not-found' | 'conflict' | 'limit' | 'service';

export interface ErrorCodeEntry {
  code: string;
  kind: ErrorKind;
  /** English, for partner developers (shown in the explorer). */
  description: string;
}

/**
 * The one documented list of error codes a client can receive in `errors[].extensions.code`
 * (GraphQL) or `errors[].extensions.code` of the gateway's HTTP refusals. Partners switch on the
 * code; messages are for humans and may change. A code is never renamed or reused for another
 * problem; the same problem gets the same code in every subgraph. Input errors carry the argument
 * or input field in `extensions.field` (e.g. `input.firstSickDay`, `page.limit`).
 *
 * The error-contract test fails when a subgraph or the gateway throws a code that is not listed here.
 */
export const ERROR_CODES = [
  // Authentication and sessions
  { code: 'UNAUTHENTICATED', kind: 'authentication', description: 'No valid access token: sign in, or obtain a token at /oauth/token. HTTP 401, the same answer with or without a malformed token.' },
  { code: 'INVALID_CREDENTIALS', kind: 'authentication', description: 'Username and password (or client id and secret) do not match.' },
  { code: 'INVALID_CLIENT', kind: 'authentication', description: 'The API client is unknown, revoked or its secret is wrong.' },
  { code: 'INVALID_CODE', kind: 'authentication', description: 'The second-factor code is wrong or was already used.' },
  { code: 'LOGIN_CHALLENGE_INVALID', kind: 'authentication', description: 'The sign-in step is unknown or has expired; start the sign-in again.' },
  { code: 'ENROLMENT_REQUIRED', kind: 'authentication', description: 'The account must set up a second factor first.' },
  { code: 'ALREADY_ENROLLED', kind: 'conflict', description: 'A second factor is already set up.' },
  { code: 'PASSWORD_CHANGE_REQUIRED', kind: 'authentication', description: 'A provisional password must be replaced before signing in.' },
  { code: 'ACCOUNT_BLOCKED', kind: 'authentication', description: 'The account is blocked by an administrator.' },
  { code: 'TOO_MANY_ATTEMPTS', kind: 'limit', description: 'Too many failed attempts for this account or address; wait and try again.' },
  { code: 'SESSION_EXPIRED', kind: 'authentication', description: 'The session has passed its idle or absolute timeout.' },
  { code: 'SESSION_REVOKED', kind: 'authentication', description: 'The session was ended (logout, password change, administrator).' },
  { code: 'INVALID_REFRESH_TOKEN', kind: 'authentication', description: 'The refresh token is unknown or expired.' },
  { code: 'REFRESH_TOKEN_REUSED', kind: 'authentication', description: 'An already rotated refresh token was used again; the whole session family is ended.' },
  { code: 'INVITATION_UNKNOWN', kind: 'not-found', description: 'The activation link is unknown.' },
  { code: 'INVITATION_EXPIRED', kind: 'conflict', description: 'The activation link has expired; request a new one.' },
  { code: 'INVITATION_USED', kind: 'conflict', description: 'The activation link was already used.' },
  { code: 'ALREADY_ACTIVATED', kind: 'conflict', description: 'The account is already active.' },
  { code: 'RESET_LINK_UNKNOWN', kind: 'not-found', description: 'The password-reset link is unknown.' },
  { code: 'RESET_LINK_EXPIRED', kind: 'conflict', description: 'The password-reset link has expired.' },
  { code: 'RESET_LINK_USED', kind: 'conflict', description: 'The password-reset link was already used.' },
  // Authorization
  { code: 'FORBIDDEN', kind: 'authorization', description: 'The caller is signed in but its role or API scope does not allow the operation. Nothing was stored.' },
  { code: 'SCOPE_REQUIRED', kind: 'authorization', description: 'The account needs a unit scope (employer, division or department) for this role.' },
  { code: 'ROLE_CHANGE_NOT_ALLOWED', kind: 'authorization', description: 'This role change is not allowed.' },
  { code: 'INTROSPECTION_DISABLED', kind: 'authorization', description: 'Introspection is only available to partner API clients (HTTP 403).' },
  // Input (always with extensions.field where one argument or field is at fault)
  { code: 'BAD_USER_INPUT', kind: 'input', description: 'An argument or input field is invalid: a malformed date, id, e-mail or enum value, or a value out of range. extensions.field names it.' },
  { code: 'GRAPHQL_VALIDATION_FAILED', kind: 'input', description: 'The document does not match the schema, or exceeds a query limit (extensions.limit: depth, aliases, cost, tokens, directives).' },
  { code: 'GRAPHQL_PARSE_FAILED', kind: 'input', description: 'The document is not valid GraphQL syntax.' },
  { code: 'BAD_REQUEST', kind: 'input', description: 'The HTTP request is malformed (body not JSON, wrong method, batch, missing CSRF preflight header).' },
  { code: 'PERSISTED_QUERY_NOT_FOUND', kind: 'input', description: 'The persisted query hash is unknown; send the full document.' },
  { code: 'OPERATION_RESOLUTION_FAILURE', kind: 'input', description: 'The operation named in operationName is not in the document.' },
  { code: 'PAYLOAD_TOO_LARGE', kind: 'limit', description: 'The request body is larger than the gateway accepts (HTTP 413).' },
  { code: 'INVALID_PAGE', kind: 'input', description: 'A page offset below 0 or a page size (limit) outside 1 to the documented maximum; extensions.field names the argument.' },
  { code: 'INVALID_SEARCH', kind: 'input', description: 'The search text is too long.' },
  { code: 'INVALID_SCOPE', kind: 'input', description: 'An unknown OAuth scope was asked for or granted.' },
  { code: 'INVALID_EMAIL', kind: 'input', description: 'Not an e-mail address.' },
  { code: 'EMAIL_MISMATCH', kind: 'input', description: 'The e-mail address does not match the account.' },
  { code: 'INVALID_PHONE', kind: 'input', description: 'Not a phone number.' },
  { code: 'INVALID_PHONE_NUMBER', kind: 'input', description: 'Not a phone number that can receive the message.' },
  { code: 'INVALID_USERNAME', kind: 'input', description: 'The username does not meet the rules.' },
  { code: 'USERNAME_TAKEN', kind: 'conflict', description: 'The username is already in use.' },
  { code: 'PASSWORD_TOO_SHORT', kind: 'input', description: 'The password has fewer than 12 characters.' },
  { code: 'PASSWORD_TOO_LONG', kind: 'input', description: 'The password has more than 128 characters.' },
  { code: 'PASSWORD_NEEDS_UPPERCASE', kind: 'input', description: 'The password lacks an uppercase letter.' },
  { code: 'PASSWORD_NEEDS_DIGIT', kind: 'input', description: 'The password lacks a digit.' },
  { code: 'PASSWORD_TOO_COMMON', kind: 'input', description: 'The password is common or known from breaches.' },
  { code: 'PASSWORD_CONTAINS_USERNAME', kind: 'input', description: 'The password contains the username.' },
  { code: 'PASSWORD_MISMATCH', kind: 'input', description: 'The two passwords differ.' },
  { code: 'PASSWORD_REUSED', kind: 'input', description: 'The new password equals the current one.' },
  { code: 'UNSUPPORTED_LOCALE', kind: 'input', description: 'The language is not one of nl, en.' },
  { code: 'INVALID_DAYS_AHEAD', kind: 'input', description: 'The number of days ahead of the action list is out of range.' },
  { code: 'TEXT_TOO_LONG', kind: 'input', description: 'A text is longer than its documented maximum.' },
  { code: 'INVALID_PERCENTAGE', kind: 'input', description: 'An absence percentage outside 1 to 100.' },
  { code: 'INVALID_DEADLINE', kind: 'input', description: 'A deadline before the signal date or too far ahead.' },
  { code: 'INVALID_PROTOCOL_DAY', kind: 'input', description: 'A protocol day outside the allowed range.' },
  { code: 'DEADLINE_BEFORE_SIGNAL_DAY', kind: 'input', description: 'A protocol row ends before it starts.' },
  { code: 'PROTOCOL_TITLE_REQUIRED', kind: 'input', description: 'A protocol row needs a title.' },
  { code: 'NOTE_TEXT_REQUIRED', kind: 'input', description: 'A note needs text.' },
  { code: 'CORRECTION_VALUE_REQUIRED', kind: 'input', description: 'A correction request needs the proposed value.' },
  { code: 'CORRECTION_RESPONSE_REQUIRED', kind: 'input', description: 'Refusing a correction request needs an answer.' },
  { code: 'SIGNATURE_EMPTY', kind: 'input', description: 'The drawn signature is empty.' },
  { code: 'SIGNATURE_INVALID_IMAGE', kind: 'input', description: 'The signature is not a PNG image.' },
  { code: 'SIGNATURE_DECLINE_REASON_REQUIRED', kind: 'input', description: 'Declining to sign needs a reason.' },
  { code: 'SIGNATURE_REQUIRES_PDF', kind: 'input', description: 'Only PDF documents can be signed.' },
  // Sick-case rules (Wet verbetering poortwachter)
  { code: 'NO_EMPLOYMENT', kind: 'conflict', description: 'The person has no employment on that day.' },
  { code: 'FIRST_SICK_DAY_BEFORE_EMPLOYMENT', kind: 'input', description: 'The first sick day lies before the employment started.' },
  { code: 'FIRST_SICK_DAY_AFTER_EMPLOYMENT', kind: 'input', description: 'The first sick day lies after the employment ended.' },
  { code: 'FIRST_SICK_DAY_TOO_FAR_AHEAD', kind: 'input', description: 'The first sick day is more than two weeks ahead.' },
  { code: 'EXPECTED_RECOVERY_BEFORE_FIRST_SICK_DAY', kind: 'input', description: 'The expected recovery lies before the first sick day.' },
  { code: 'OVERLAPPING_OPEN_CASE', kind: 'conflict', description: 'The person already has an open sick case.' },
  { code: 'OVERLAPPING_CASE', kind: 'conflict', description: 'The period overlaps another sick case.' },
  { code: 'ABSENCE_PERCENTAGE_UNCHANGED', kind: 'conflict', description: 'The absence percentage is already that value.' },
  { code: 'RECOVERY_BEFORE_FIRST_SICK_DAY', kind: 'input', description: 'The recovery lies before the first sick day.' },
  { code: 'RECOVERY_BEFORE_LAST_CHANGE', kind: 'input', description: 'The recovery lies before the last change of the absence course.' },
  { code: 'RECOVERY_DATE_IN_FUTURE', kind: 'input', description: 'A full recovery cannot lie in the future.' },
  { code: 'RECOVERY_TOO_FAR_AHEAD', kind: 'input', description: 'An announced change is more than two weeks ahead.' },
  { code: 'SICK_CASE_ALREADY_RECOVERED', kind: 'conflict', description: 'The sick case is already closed.' },
  // Not found (out of scope answers the same as missing, so nobody can probe what exists)
  { code: 'NOT_FOUND', kind: 'not-found', description: 'The object does not exist or is not visible to the caller.' },
  { code: 'PERSON_NOT_FOUND', kind: 'not-found', description: 'The person does not exist or is not visible to the caller.' },
  { code: 'SICK_CASE_NOT_FOUND', kind: 'not-found', description: 'The sick case does not exist or is not visible to the caller.' },
  { code: 'EMPLOYER_NOT_FOUND', kind: 'not-found', description: 'The employer does not exist or is not visible to the caller.' },
  { code: 'ACTIVITY_NOT_FOUND', kind: 'not-found', description: 'The activity does not exist or is not visible to the caller.' },
  { code: 'UNKNOWN_ACTIVITY_TYPE', kind: 'not-found', description: 'The activity type code is not in the catalogue.' },
  { code: 'PROTOCOL_ROW_NOT_FOUND', kind: 'not-found', description: 'The protocol row does not exist.' },
  { code: 'DOCUMENT_NOT_FOUND', kind: 'not-found', description: 'The document does not exist or is not visible to the caller.' },
  { code: 'DOCUMENT_CONTENT_MISSING', kind: 'service', description: 'The file of a document cannot be read.' },
  { code: 'NOTE_NOT_FOUND', kind: 'not-found', description: 'The note does not exist or is not visible to the caller.' },
  { code: 'SIGNATURE_REQUEST_UNKNOWN', kind: 'not-found', description: 'The signature request does not exist or is not the caller\'s.' },
  { code: 'CORRECTION_REQUEST_NOT_FOUND', kind: 'not-found', description: 'The correction request does not exist or is not visible to the caller.' },
  // Conflicts with stored state
  { code: 'CONFLICT', kind: 'conflict', description: 'The change conflicts with the stored state.' },
  { code: 'ACTIVITY_ALREADY_CLOSED', kind: 'conflict', description: 'The activity is already handled or cancelled.' },
  { code: 'PROTOCOL_VERSION_CONFLICT', kind: 'conflict', description: 'The protocol changed since it was read; read it again.' },
  { code: 'DOCUMENT_NOT_OWN_UPLOAD', kind: 'authorization', description: 'Only the uploader may change this document.' },
  { code: 'NOTE_NOT_AUTHOR', kind: 'authorization', description: 'Only the author may change this note.' },
  { code: 'MEDICAL_NOTE_NOT_ALLOWED', kind: 'authorization', description: 'Only the bedrijfsarts writes medical notes.' },
  { code: 'MEDICAL_DOCUMENT_NOT_ALLOWED', kind: 'authorization', description: 'Only the bedrijfsarts handles medical documents.' },
  { code: 'SIGNATURE_ALREADY_COMPLETED', kind: 'conflict', description: 'The document was already signed or declined.' },
  { code: 'SIGNATURE_ALREADY_REQUESTED', kind: 'conflict', description: 'A signature is already requested for the document.' },
  { code: 'SIGNATURE_ORIGINAL_UNREADABLE', kind: 'service', description: 'The original PDF cannot be read for signing.' },
  { code: 'CORRECTION_TOO_MANY_OPEN', kind: 'limit', description: 'Too many open correction requests.' },
  { code: 'CORRECTION_ALREADY_CLOSED', kind: 'conflict', description: 'The correction request is already handled.' },
  { code: 'NOT_AVAILABLE', kind: 'conflict', description: 'The function is not available in this installation.' },
  // Persons, employments, agendas and statistics
  { code: 'APPOINTMENT_IN_PAST', kind: 'input', description: 'An appointment cannot be planned in the past.' },
  { code: 'AGENDA_NOT_FOUND', kind: 'not-found', description: 'The agenda does not exist or is not visible to the caller.' },
  { code: 'AGENDA_DOES_NOT_SERVE_EMPLOYER', kind: 'conflict', description: "The professional's agenda does not serve the person's employer." },
  { code: 'APPOINTMENT_NOT_CHANGEABLE', kind: 'conflict', description: 'The appointment can no longer be changed (held, cancelled or missed).' },
  { code: 'APPOINTMENT_NOT_STARTED', kind: 'conflict', description: 'The appointment has not started yet, so it cannot be marked held or missed.' },
  { code: 'LOCATION_NOT_FOUND', kind: 'not-found', description: 'The location does not exist.' },
  { code: 'APPOINTMENT_NOT_FOUND', kind: 'not-found', description: 'The appointment does not exist or is not visible to the caller.' },
  { code: 'APPOINTMENT_VERSION_CONFLICT', kind: 'conflict', description: 'The appointment changed since it was read; read it again.' },
  { code: 'SLOT_TAKEN', kind: 'conflict', description: 'The professional already has an appointment then.' },
  { code: 'PUBLIC_HOLIDAY', kind: 'conflict', description: 'The day is a public holiday.' },
  { code: 'OUTSIDE_WORKING_HOURS', kind: 'conflict', description: "The time lies outside the professional's working hours." },
  { code: 'PROFESSIONAL_ABSENT', kind: 'conflict', description: 'The professional is absent then.' },
  { code: 'REQUIRED_FIELD_MISSING', kind: 'input', description: 'A required field is empty; extensions.field names it.' },
  { code: 'INVALID_BSN', kind: 'input', description: 'Not a valid citizen service number (BSN, eleven test).' },
  { code: 'INVALID_POSTAL_CODE', kind: 'input', description: 'Not a Dutch postal code (1234 AB).' },
  { code: 'INVALID_DATE', kind: 'input', description: 'Not a valid date.' },
  { code: 'DATE_OF_BIRTH_IMPLAUSIBLE', kind: 'input', description: 'The date of birth makes the person younger than 13 or older than 100.' },
  { code: 'END_BEFORE_START', kind: 'input', description: 'An end date lies before its start date.' },
  { code: 'INVALID_HOURS', kind: 'input', description: 'Hours per week out of range.' },
  { code: 'INVALID_WORK_PATTERN', kind: 'input', description: 'The work pattern is not valid.' },
  { code: 'DIVISION_NOT_FOUND', kind: 'not-found', description: 'The division does not exist or is not visible to the caller.' },
  { code: 'DEPARTMENT_NOT_FOUND', kind: 'not-found', description: 'The department does not exist or is not visible to the caller.' },
  { code: 'DUPLICATE_PERSON', kind: 'conflict', description: 'A person with these details already exists.' },
  { code: 'BSN_IN_USE', kind: 'conflict', description: 'The citizen service number belongs to another person.' },
  { code: 'EMPLOYMENT_NOT_FOUND', kind: 'not-found', description: 'The employment does not exist or is not visible to the caller.' },
  { code: 'EMPLOYMENT_OVERLAP', kind: 'conflict', description: 'The employment overlaps another one at the same employer.' },
  { code: 'EMPLOYMENT_IN_USE', kind: 'conflict', description: 'The employment has sick cases and cannot be removed.' },
  { code: 'EMPLOYMENT_ALREADY_ENDED', kind: 'conflict', description: 'The employment has already ended.' },
  { code: 'LAST_EMPLOYMENT', kind: 'conflict', description: "The person's last employment cannot be removed." },
  { code: 'HR_NOTE_NOT_FOUND', kind: 'not-found', description: 'The P&O note does not exist or is not visible to the caller.' },
  { code: 'REPORT_TEMPLATE_UNKNOWN', kind: 'not-found', description: 'The report template is unknown.' },
  { code: 'NO_SICK_CASE', kind: 'conflict', description: 'The person has no sick case for this.' },
  { code: 'ACTIVITY_ID_INVALID', kind: 'input', description: 'The activity id is not valid.' },
  { code: 'EMPLOYEE_NUMBER_REQUIRED', kind: 'input', description: 'A personnel number is required.' },
  { code: 'PARTNER_EMPLOYER_AMBIGUOUS', kind: 'input', description: 'The partner client serves several employers: name the employer.' },
  { code: 'PERIOD_END_BEFORE_START', kind: 'input', description: 'The period ends before it starts.' },
  { code: 'PERIOD_TOO_LONG', kind: 'input', description: 'The period is longer than allowed.' },
  { code: 'PERIOD_IN_FUTURE', kind: 'input', description: 'The period lies in the future.' },
  { code: 'UNIT_OUT_OF_SCOPE', kind: 'authorization', description: "The unit is outside the caller's scope." },
  { code: 'INVALID_DURATION_CLASSES', kind: 'input', description: 'The duration classes are not valid.' },
  { code: 'TOO_MANY_SELECTIONS', kind: 'input', description: 'The user has saved the most selections allowed (100); delete one first.' },
  { code: 'SUBGRAPH_ERROR', kind: 'service', description: 'Development only: a part of the service failed unexpectedly. In production this is INTERNAL_SERVER_ERROR.' },
  // Limits and the service itself
  { code: 'RATE_LIMITED', kind: 'limit', description: 'Too many requests for this client or user (HTTP 429); retry after the Retry-After header\'s seconds.' },
  { code: 'SUBGRAPH_UNAVAILABLE', kind: 'service', description: 'A part of the service is temporarily down; the other fields are answered. Retry later.' },
  { code: 'SERVICE_UNAVAILABLE', kind: 'service', description: 'The service is temporarily unavailable (HTTP 503).' },
  { code: 'INTERNAL_SERVER_ERROR', kind: 'service', description: 'An unexpected error; quote the x-request-id response header when you report it.' },
] as const satisfies readonly ErrorCodeEntry[];

export type ErrorCode = (typeof ERROR_CODES)[number]['code'];

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES.map((entry) => entry.code));

export function isDocumentedErrorCode(code: string): boolean {
  return KNOWN_CODES.has(code);
}

export function domainError(code: ErrorCode | (string & {}), message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const unauthenticated = () => domainError('UNAUTHENTICATED', 'Authentication required.');
export const forbidden = (what = 'this resource') =>
  domainError('FORBIDDEN', `You are not allowed to access ${what}.`);
export const notFound = (what: string, id: string) =>
  domainError('NOT_FOUND', `${what} ${id} does not exist or is not visible to you.`, { id });

/** An input error on one argument or input field (`field`: its path, e.g. `input.firstSickDay`). */
export const badUserInput = (message: string, field: string) => domainError('BAD_USER_INPUT', message, { field });

/**
 * A page outside what a list allows: the same code (INVALID_PAGE) in every subgraph, with the
 * argument path, so partners handle one code for every list.
 */
export const invalidPage = (field: string, max: number, what: 'limit' | 'offset' = 'limit') =>
  domainError(
    'INVALID_PAGE',
    what === 'offset' ? 'The page offset must be 0 or more.' : `The page size must be from 1 to ${max}.`,
    { field, max },
  );

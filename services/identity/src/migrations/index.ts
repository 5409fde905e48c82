import { IdentityFoundation1764028800000 } from './1764028800000-IdentityFoundation.js';
import { InvitationsTwoFactorSessions1764115200000 } from './1764115200000-InvitationsTwoFactorSessions.js';

export const MIGRATIONS = [IdentityFoundation1764028800000, InvitationsTwoFactorSessions1764115200000];

import { IdentityFoundation1764028800000 } from './1764028800000-IdentityFoundation.js';
import { InvitationsTwoFactorSessions1764115200000 } from './1764115200000-InvitationsTwoFactorSessions.js';
import { UserSettingsAndNotifications1764288000000 } from './1764288000000-UserSettingsAndNotifications.js';
import { DashboardSettings1796688000000 } from './1796688000000-DashboardSettings.js';

export const MIGRATIONS = [IdentityFoundation1764028800000, InvitationsTwoFactorSessions1764115200000, UserSettingsAndNotifications1764288000000, DashboardSettings1796688000000];

import { IdentityFoundation1764028800000 } from './1764028800000-IdentityFoundation.js';

export const MIGRATIONS = [IdentityFoundation1764028800000];

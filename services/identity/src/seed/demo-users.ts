import { DEMO_PASSWORD, DEMO_USERS, demoId, type ServiceDeps } from '@poortwachter/kit';
import { In } from 'typeorm';
import { UserEntity } from '../entities/index.js';
import { publishUserChanged } from '../events/user-changed.js';
import { hashPassword } from '../auth/passwords.js';
import { demoTotpSecret } from '../auth/two-factor.js';
import { seal } from '../auth/sealed.js';

type DemoUser = (typeof DEMO_USERS)[number];

export function demoUserRows(): Omit<UserEntity, 'passwordHash' | 'createdAt' | 'updatedAt' | 'activatedAt' | 'lastLoginAt'>[] {
  return DEMO_USERS.map((demo: DemoUser, i) => ({
    id: demoId('user', i + 1),
    username: demo.username,
    displayName: demo.displayName,
    email: `${demo.username}@poortwachter.example`,
    role: demo.role,
    personId: 'personIndex' in demo ? demoId('person', demo.personIndex) : null,
    blocked: false,
    mustChangePassword: false,
    employerIds: 'employerIndexes' in demo ? demo.employerIndexes.map((e) => demoId('employer', e)) : [],
    divisionIds: [],
    departmentIds: 'departmentIndexes' in demo ? demo.departmentIndexes.map((d) => demoId('department', d)) : [],
  }));
}

/**
 * Creates the demo logins (password DEMO_PASSWORD). Idempotent: existing accounts keep their
 * password hash and are only updated when the demo definition changed.
 */
export async function seedDemoUsers(deps: ServiceDeps): Promise<void> {
  const rows = demoUserRows();
  await deps.dataSource.transaction(async (manager) => {
    const existing = new Set(
      (await manager.query(`SELECT id FROM identity.users WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)])).map(
        (r: { id: string }) => r.id,
      ),
    );
    for (const user of rows) {
      const values = [
        user.id,
        user.username,
        user.displayName,
        user.email,
        user.role,
        user.personId,
        user.employerIds,
        user.divisionIds,
        user.departmentIds,
      ];
      if (!existing.has(user.id)) {
        await manager.query(
          `INSERT INTO identity.users (id, username, display_name, email, role, person_id, employer_ids, division_ids, department_ids, password_hash, activated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
           ON CONFLICT (id) DO NOTHING`,
          [...values, await hashPassword(DEMO_PASSWORD)],
        );
      } else {
        await manager.query(
          `UPDATE identity.users
              SET username = $2, display_name = $3, email = $4, role = $5, person_id = $6,
                  employer_ids = $7, division_ids = $8, department_ids = $9, updated_at = now()
            WHERE id = $1
              AND (username, display_name, email, role, person_id, employer_ids, division_ids, department_ids)
                  IS DISTINCT FROM ($2, $3, $4, $5, $6::uuid, $7::uuid[], $8::uuid[], $9::uuid[])`,
          values,
        );
      }
    }
    // Demo logins get a known authenticator secret, so `npm start` can print a usable second
    // factor. Demo data only: SEED_DEMO never runs in production.
    for (const user of rows) {
      await manager.query(
        `INSERT INTO identity.two_factor (user_id, method, totp_secret) VALUES ($1, 'TOTP', $2) ON CONFLICT (user_id) DO NOTHING`,
        [user.id, seal(demoTotpSecret(user.username), `totp:${user.id}`)],
      );
    }
    // Every seeded account is announced, also unchanged ones: a consumer whose read model was
    // reset (or that started after the first seed) learns of them. Consumers upsert, so repeats are harmless.
    const seeded = await manager.getRepository(UserEntity).findBy({ id: In(rows.map((row) => row.id)) });
    for (const user of seeded) await publishUserChanged(deps.bus, manager, user);
  });
}

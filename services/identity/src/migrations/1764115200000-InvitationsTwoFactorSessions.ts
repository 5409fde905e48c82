import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InvitationsTwoFactorSessions1764115200000 implements MigrationInterface {
  name = 'InvitationsTwoFactorSessions1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A provisional password (set by an administrator) must be replaced at the next sign-in.
    await queryRunner.query(`ALTER TABLE identity.users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    // Only the SHA-256 of an activation token is kept: a leaked table activates nobody.
    await queryRunner.query(`
      CREATE TABLE identity.invitations (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
        -- Activation links and password-reset links share the single-use, expiring token logic.
        purpose text NOT NULL DEFAULT 'ACTIVATION' CHECK (purpose IN ('ACTIVATION', 'PASSWORD_RESET')),
        token_hash bytea NOT NULL,
        email text NOT NULL,
        invited_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT invitations_token_hash_key UNIQUE (token_hash)
      )`);
    await queryRunner.query(`CREATE INDEX invitations_user ON identity.invitations (user_id, created_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE identity.invitation_requests (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
        invitation_id uuid NOT NULL REFERENCES identity.invitations (id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN ('EXPIRED', 'USED', 'REVOKED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        handled_at timestamptz,
        handled_by uuid
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX invitation_requests_open ON identity.invitation_requests (invitation_id) WHERE handled_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE identity.outbox (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('MAIL', 'SMS')),
        recipient text NOT NULL,
        subject text,
        text text NOT NULL,
        html text,
        purpose text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX outbox_created ON identity.outbox (created_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE identity.two_factor (
        user_id uuid PRIMARY KEY REFERENCES identity.users (id) ON DELETE CASCADE,
        method text NOT NULL CHECK (method IN ('TOTP', 'SMS')),
        totp_secret text,
        -- The TOTP time step of the last accepted code: a code is accepted once, never again.
        totp_last_counter bigint,
        phone_number text,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT two_factor_totp_secret CHECK (method <> 'TOTP' OR totp_secret IS NOT NULL),
        CONSTRAINT two_factor_phone CHECK (method <> 'SMS' OR phone_number IS NOT NULL)
      )`);

    await queryRunner.query(`
      CREATE TABLE identity.recovery_codes (
        user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
        code_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      )`);

    await queryRunner.query(`
      CREATE TABLE identity.login_challenges (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
        -- LOGIN: signing in. CHANGE: a signed-in user replaces the factor after proving the current one.
        purpose text NOT NULL DEFAULT 'LOGIN' CHECK (purpose IN ('LOGIN', 'CHANGE')),
        factor_verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        completed_at timestamptz,
        pending_method text CHECK (pending_method IN ('TOTP', 'SMS')),
        pending_totp_secret text,
        pending_phone_number text,
        sms_code_hash bytea,
        sms_code_expires_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX login_challenges_expires ON identity.login_challenges (expires_at)`);

    // Private keys are JWKs; public halves are served as the JWKS the gateway verifies with.
    await queryRunner.query(`
      CREATE TABLE identity.signing_keys (
        kid text PRIMARY KEY,
        alg text NOT NULL,
        private_jwk jsonb NOT NULL,
        public_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);

    await queryRunner.query(`
      CREATE TABLE identity.sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        absolute_expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user ON identity.sessions (user_id) WHERE revoked_at IS NULL`);

    // One row per refresh token ever issued; the session is the token family.
    await queryRunner.query(`
      CREATE TABLE identity.refresh_tokens (
        token_hash bytea PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES identity.sessions (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_session ON identity.refresh_tokens (session_id)`);

    // Partner software (OAuth 2.0 client credentials); the secret is shown once and kept as SHA-256.
    await queryRunner.query(`
      CREATE TABLE identity.api_clients (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        employer_id uuid NOT NULL,
        scopes text[] NOT NULL,
        secret_hash bytea NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    // The table rate-limiter-flexible's Postgres store expects (created here, not at run time).
    await queryRunner.query(`
      CREATE TABLE identity.rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'rate_limits',
      'api_clients',
      'refresh_tokens',
      'sessions',
      'signing_keys',
      'login_challenges',
      'recovery_codes',
      'two_factor',
      'outbox',
      'invitation_requests',
      'invitations',
    ]) {
      await queryRunner.query(`DROP TABLE identity.${table}`);
    }
    await queryRunner.query(`ALTER TABLE identity.users DROP COLUMN must_change_password`);
  }
}

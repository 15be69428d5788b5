-- Users and API tokens of the server's optional authentication (tracelight server --auth).
-- Secrets are never stored: a password as its PBKDF2 hash with the user's own salt and the
-- iteration count it was hashed with; a token as the hex SHA-256 of the whole token text.
CREATE TABLE users (
  user_id             INTEGER PRIMARY KEY,
  username            TEXT    NOT NULL UNIQUE,
  password_algorithm  TEXT    NOT NULL,
  password_iterations INTEGER NOT NULL,
  password_salt       TEXT    NOT NULL,
  password_hash       TEXT    NOT NULL,
  creation_time       INTEGER NOT NULL,
  last_update_time    INTEGER NOT NULL
);

-- A revoked token keeps its row (revoked_time set) so listings show what was revoked and when.
CREATE TABLE api_tokens (
  token_id        TEXT    PRIMARY KEY,
  user_id         INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  name            TEXT    NOT NULL,
  token_hash      TEXT    NOT NULL,
  creation_time   INTEGER NOT NULL,
  expiration_time INTEGER,
  revoked_time    INTEGER
);

CREATE INDEX api_tokens_user ON api_tokens (user_id);

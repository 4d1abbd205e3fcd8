-- The signing keys are loaded by the owner connection at start; the role requests run as must not be able to read
-- private keys (an injection as portico_app could otherwise forge tokens for every tenant).
revoke select on signing_keys from portico_app;

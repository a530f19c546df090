// Unit tests import libs through their index; a lib that includes the config module validates the
// environment when it loads, so give it a valid one. Unit tests open no connection with it.
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL ??= 'postgres://unit-tests-open-no-connection@127.0.0.1:1/none';
process.env.JWT_SECRET ??= 'unit-test-secret-that-is-long-enough-for-hs256';
process.env.AUDIT_KEY ??= 'unit-test-audit-key-that-is-long-enough-for-hmac';
process.env.LOG_LEVEL ??= 'silent';

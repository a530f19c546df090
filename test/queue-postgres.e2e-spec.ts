import { queueBackendContract } from './support/queue-contract';

// No REDIS_URL (setup-env removes it): BullMQ runs on its PostgreSQL backend in the test database.
queueBackendContract('postgres');

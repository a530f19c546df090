import { TEST_REDIS_URL } from './support/test-database';
import { queueBackendContract } from './support/queue-contract';

process.env.REDIS_URL = TEST_REDIS_URL;
queueBackendContract('redis');

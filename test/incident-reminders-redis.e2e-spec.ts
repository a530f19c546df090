import { incidentRemindersContract } from './support/incident-reminders-contract';

// The API and the worker are given the test Redis (TestAppOptions.redisUrl): the reminders are
// delayed jobs in Redis.
incidentRemindersContract('redis');

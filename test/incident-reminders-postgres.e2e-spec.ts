import { incidentRemindersContract } from './support/incident-reminders-contract';

// No REDIS_URL (setup-env removes it): the reminders are delayed jobs in BullMQ's PostgreSQL backend.
incidentRemindersContract('postgres');

export * from './actor';
export * from './audit-chain';
export * from './audit.module';
export * from './audit.service';
export * from './audit-entry.entity';
export * from './audit-seal.entity';
export * from './audit-worker.module';
export type { AuditSearch } from './audit.repository';

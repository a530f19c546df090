export * from './password-hasher';
export * from './role';
export * from './user.entity';
export * from './users.module';
export * from './users.repository';
export * from './users.service';
export * from './password-policy';

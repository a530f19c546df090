export * from './accounts.exceptions';
export * from './accounts.module';
export * from './invitations.service';
export * from './password-token.entity';
export * from './passwords.service';

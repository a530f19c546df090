export * from './demo-seed.service';
export * from './demo-users';
export * from './seed.module';
export * from './seed-app.module';
export * from './demo-editions.seeder';
export * from './demo-incidents.seeder';
export * from './demo-advisories';
export * from './demo-advisories.seeder';

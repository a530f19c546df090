export * from './municipalities.module';
export * from './municipalities.service';
export * from './municipality-code';
export * from './municipality.entity';
export * from './region.entity';
export * from './reference-data';
export * from './size-class';
export * from './municipality.dto';

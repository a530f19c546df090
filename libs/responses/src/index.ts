export * from './answer-validation';
export * from './answer.entity';
export * from './participation.service';
export * from './response.entity';
export * from './responses.exceptions';
export * from './responses.module';
export * from './responses.repository';
export * from './responses.service';

export * from './danish-format';
export * from './html';

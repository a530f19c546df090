export * from './danish-format';
export * from './html';
export * from './spreadsheet/csv';
export * from './spreadsheet/sheet-table';

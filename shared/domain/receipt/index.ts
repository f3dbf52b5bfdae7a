export * from './display-width';
export * from './ksx1001';
export * from './masking';
export * from './receipt-model';
export * from './receipt-layout';
export * from './receipt-text';
export * from './printer-settings';

/**
 * Wedge and camera text → the same `scan.received` value the core pushes for serial scans, through the one
 * scan router (shared/domain/catalog/scan-code.ts): payment QR, product barcode, or a refusal code.
 */
export { scanFromText } from '../../../../shared/domain/catalog/scan-code';

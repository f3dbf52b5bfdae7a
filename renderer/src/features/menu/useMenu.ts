/**
 * The checkout's menu: catalog products → cart lines (through the option chooser when a product has
 * options), product barcodes from any scanner, the unknown-barcode path (F6: register it to a product).
 */
import { useState } from 'react';
import type { CartItem } from '../../../../shared/domain/cart';
import { barcodeKey } from '../../../../shared/domain/catalog/barcode';
import type { Catalog, Product } from '../../../../shared/domain/catalog/catalog-model';
import { priceLine } from '../../../../shared/domain/catalog/option-pricing';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { errorCodeOf } from '../../lib/errors';
import { catalogChanged, useCatalog } from './catalog-store';

export interface Menu {
  catalog: Catalog;
  /** The product whose options are being chosen. */
  choosing: Product | null;
  /** A scanned code no product has (offered for registration with F6). */
  unknownCode: string | null;
  registering: boolean;
  pick(product: Product): void;
  closeChooser(): void;
  addChosen(item: CartItem): void;
  scanned(code: string): void;
  startRegister(): void;
  register(product: Product): Promise<void>;
  closeRegister(): void;
  toggleSoldOut(product: Product): Promise<void>;
}

export function findByBarcode(catalog: Catalog, code: string): Product | null {
  const key = barcodeKey(code);
  return catalog.products.find((p) => p.barcodes.includes(key)) ?? null;
}

export function useMenu(onAdd: (item: CartItem) => void, onError: (code: ErrorCode | null) => void): Menu {
  const catalog = useCatalog();
  const [choosing, setChoosing] = useState<Product | null>(null);
  const [unknownCode, setUnknownCode] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);

  const pick = (p: Product) => {
    if (p.soldOut) {
      onError('PRODUCT_SOLD_OUT');
      return;
    }
    setUnknownCode(null);
    if (p.optionGroups.length > 0) {
      setChoosing(p);
      return;
    }
    const r = priceLine(p, {});
    if (r.ok) {
      onError(null);
      onAdd(r.item);
    }
  };

  return {
    catalog,
    choosing,
    unknownCode,
    registering,
    pick,
    closeChooser: () => setChoosing(null),
    addChosen: (item) => {
      setChoosing(null);
      onError(null);
      onAdd(item);
    },
    scanned: (code) => {
      const p = findByBarcode(catalog, code);
      if (p) pick(p);
      else {
        setUnknownCode(code);
        onError('BARCODE_UNKNOWN');
      }
    },
    startRegister: () => {
      if (unknownCode) setRegistering(true);
    },
    register: async (p) => {
      if (!unknownCode) return;
      try {
        const { id, categoryId, name, alias, price, taxFree, barcodes, soldOut, archived, sortOrder, optionGroups } = p;
        const saved = await pos.saveProduct({ id, categoryId, name, alias, price, taxFree, barcodes: [...barcodes, unknownCode], soldOut, archived, sortOrder, optionGroups });
        await catalogChanged();
        setRegistering(false);
        setUnknownCode(null);
        onError(null);
        pick(saved);
      } catch (e) {
        onError(errorCodeOf(e));
      }
    },
    closeRegister: () => setRegistering(false),
    toggleSoldOut: async (p) => {
      try {
        await pos.setProductSoldOut({ id: p.id, soldOut: !p.soldOut });
        await catalogChanged();
      } catch (e) {
        onError(errorCodeOf(e));
      }
    },
  };
}

/** The registration form: its fields, and field errors from the contract's own schema (no rules re-implemented here). */
import { storeRegistrationSchema, type StoreProfile, type StoreRegistration } from '../../../../shared/contract';
import { formatBusinessNumber, isValidBusinessNumber } from '../../../../shared/domain/business-number';
import type { MessageKey } from '../../i18n/ko';

/** `categoryCd`: the 업종 as typed or picked (digits; '' = let the payment server assign it). */
export type FormField = 'businessNo' | 'name' | 'representative' | 'phone' | 'address1' | 'address2' | 'postNo' | 'categoryCd' | 'enrollmentCode';
export type StoreForm = Record<FormField, string>;
export const EMPTY_FORM: StoreForm = { businessNo: '', name: '', representative: '', phone: '', address1: '', address2: '', postNo: '', categoryCd: '', enrollmentCode: '' };
/** Screen order (the first invalid one takes focus). */
export const FORM_FIELDS: readonly FormField[] = ['businessNo', 'name', 'representative', 'phone', 'address1', 'address2', 'postNo', 'categoryCd', 'enrollmentCode'];

/** 'BUSINESS_NO_INVALID' is an ErrorCode (message from shared/domain/errors); the others are screen messages. */
export type FieldError = { kind: 'code'; code: 'BUSINESS_NO_INVALID' } | { kind: 'text'; key: MessageKey };
export type FieldErrors = Partial<Record<FormField, FieldError>>;

const REQUIRED_KEY: Partial<Record<FormField, MessageKey>> = {
  name: 'field.name.required',
  phone: 'field.phone.invalid',
  address1: 'field.address1.required',
  address2: 'field.address2.required',
  postNo: 'field.postNo.invalid',
  enrollmentCode: 'field.enrollmentCode.invalid',
};

/** The form holding a registered store's details (re-registering). */
export function storeFormOf(p: StoreProfile): StoreForm {
  return { businessNo: formatBusinessNumber(p.businessNo), name: p.name, representative: p.representative, phone: p.phone, address1: p.address1, address2: p.address2, postNo: p.postNo, categoryCd: String(p.categoryCd), enrollmentCode: '' };
}

/** The check the cashier sees on leaving the 사업자등록번호 field. */
export function businessNoError(value: string): FieldError | undefined {
  return value.trim() !== '' && !isValidBusinessNumber(value) ? { kind: 'code', code: 'BUSINESS_NO_INVALID' } : undefined;
}

export function validateStoreForm(form: StoreForm): { ok: true; value: StoreRegistration } | { ok: false; errors: FieldErrors } {
  const { categoryCd, ...rest } = form;
  const code = categoryCd.trim();
  // digits only: "552303"; a name typed but not picked from the list is not a code
  const r = storeRegistrationSchema.safeParse({ ...rest, ...(code === '' ? {} : { categoryCd: /^\d{1,9}$/.test(code) ? Number(code) : Number.NaN }) });
  if (r.success) return { ok: true, value: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const field = issue.path[0] as FormField | undefined;
    if (!field || errors[field]) continue;
    if (field === 'businessNo') errors.businessNo = form.businessNo.trim() === '' ? { kind: 'text', key: 'field.businessNo.required' } : { kind: 'code', code: 'BUSINESS_NO_INVALID' };
    else if (field === 'categoryCd') errors.categoryCd = { kind: 'text', key: 'store.category.invalid' };
    else if (issue.code === 'too_big') errors[field] = { kind: 'text', key: 'field.tooLong' };
    else errors[field] = { kind: 'text', key: REQUIRED_KEY[field] ?? 'field.tooLong' };
  }
  return { ok: false, errors };
}

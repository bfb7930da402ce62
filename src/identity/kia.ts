/**
 * KIA (Kartu Identitas Anak) rules, Permendagri 2/2016. The KIA number is the child's NIK.
 *
 * A KIA is for a child under 17 who has never married. The variant is chosen by the child's age on
 * the application date:
 *   - under5:   before the 5th birthday; no photo; valid up to and including the 5th birthday
 *               ("berlaku sampai anak berusia 5 tahun");
 *   - age5to17: from the 5th birthday; photo required; valid up to the day before the 17th birthday
 *               ("17 tahun kurang satu hari"), after which the child is due a KTP-el.
 * A foreign child's KIA follows the residence permit (KITAP): it ends on the permit's expiry if
 * that comes first.
 *
 * All dates are 'YYYY-MM-DD' calendar dates; "valid until" dates are the last day the card is
 * valid. Birthdays of children born on 29 February fall on 1 March in non-leap years (see
 * `anniversary` in calendar-date.ts for why).
 */
import { addDays, anniversary, compareIsoDates, requireIsoDate, type IsoDate } from './calendar-date.js';

export type KiaVariant = 'under5' | 'age5to17';

export const KIA_INELIGIBILITY_REASONS = [
  'not_yet_born', // application dated before the birth date: the data is wrong somewhere
  'age_17_reached', // on or after the 17th birthday the child needs a KTP-el instead
  'ever_married', // marriage ends childhood for adminduk purposes, even after divorce
  'residence_permit_expired', // foreign child whose KITAP ended before the application date
] as const;
export type KiaIneligibilityReason = (typeof KIA_INELIGIBILITY_REASONS)[number];

export interface KiaTerms {
  readonly birthDate: IsoDate;
  readonly applicationDate: IsoDate;
  /** Foreign children only: the last day of the KITAP (izin tinggal tetap). */
  readonly kitapExpiry?: IsoDate | undefined;
}

export interface KiaApplicant extends KiaTerms {
  /** "Belum pernah kawin": a divorced or widowed minor is no longer eligible. */
  readonly everMarried: boolean;
}

export interface KiaValidity {
  readonly variant: KiaVariant;
  readonly photoRequired: boolean;
  /** Last day the card is valid. */
  readonly validUntil: IsoDate;
  /** What set validUntil: the age limit of the variant, or the end of the residence permit. */
  readonly limitedBy: 'age' | 'residence_permit';
}

export type KiaEligibility =
  | { readonly eligible: true; readonly validity: KiaValidity }
  | { readonly eligible: false; readonly reasons: readonly KiaIneligibilityReason[] };

/** The variant for a child applying on `applicationDate`; undefined if not born yet or 17 already. */
export function kiaVariantFor(birthDate: IsoDate, applicationDate: IsoDate): KiaVariant | undefined {
  requireIsoDate(birthDate, 'birth date');
  requireIsoDate(applicationDate, 'application date');
  if (compareIsoDates(applicationDate, birthDate) < 0) return undefined;
  if (compareIsoDates(applicationDate, anniversary(birthDate, 5)) < 0) return 'under5';
  if (compareIsoDates(applicationDate, anniversary(birthDate, 17)) < 0) return 'age5to17';
  return undefined;
}

/**
 * How long a KIA issued on `applicationDate` is valid; undefined when no KIA can be issued that day
 * on age or permit grounds (kiaEligibility says which).
 */
export function kiaExpiry(terms: KiaTerms): KiaValidity | undefined {
  const { birthDate, applicationDate, kitapExpiry } = terms;
  const variant = kiaVariantFor(birthDate, applicationDate);
  if (variant === undefined) return undefined;
  if (kitapExpiry !== undefined) {
    requireIsoDate(kitapExpiry, 'KITAP expiry');
    if (compareIsoDates(kitapExpiry, applicationDate) < 0) return undefined;
  }

  const ageLimit = variant === 'under5' ? anniversary(birthDate, 5) : addDays(anniversary(birthDate, 17), -1);
  const permitFirst = kitapExpiry !== undefined && compareIsoDates(kitapExpiry, ageLimit) < 0;
  return {
    variant,
    photoRequired: variant === 'age5to17',
    validUntil: permitFirst ? kitapExpiry : ageLimit,
    limitedBy: permitFirst ? 'residence_permit' : 'age',
  };
}

/** Whether a KIA can be issued, with every reason it cannot (an officer fixes them all at once). */
export function kiaEligibility(applicant: KiaApplicant): KiaEligibility {
  const { birthDate, applicationDate, kitapExpiry, everMarried } = applicant;
  const reasons: KiaIneligibilityReason[] = [];
  requireIsoDate(birthDate, 'birth date');
  requireIsoDate(applicationDate, 'application date');

  if (compareIsoDates(applicationDate, birthDate) < 0) reasons.push('not_yet_born');
  else if (kiaVariantFor(birthDate, applicationDate) === undefined) reasons.push('age_17_reached');
  if (everMarried) reasons.push('ever_married');
  if (kitapExpiry !== undefined) {
    requireIsoDate(kitapExpiry, 'KITAP expiry');
    if (compareIsoDates(kitapExpiry, applicationDate) < 0) reasons.push('residence_permit_expired');
  }

  const validity = reasons.length === 0 ? kiaExpiry(applicant) : undefined;
  return validity ? { eligible: true, validity } : { eligible: false, reasons };
}

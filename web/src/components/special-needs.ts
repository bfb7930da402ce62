/**
 * The special-service part of a form (portal and counter), as plain data: what the person chose,
 * what the API receives, and what is still wrong — judged by the server's own rule
 * (`recordSpecialNeeds`, `homeDeliveryOffered` in src/requests/special-needs.ts), not a copy of it.
 */
import {
  ACCOMMODATIONS,
  DISABILITY_KINDS,
  homeDeliveryOffered,
  recordSpecialNeeds,
  type Accommodation,
  type DisabilityKind,
  type SpecialNeedsProblem,
  type SpecialNeedsStated,
} from '../../../src/requests/special-needs.js';

export { ACCOMMODATIONS, DISABILITY_KINDS, type Accommodation, type DisabilityKind };

export type NeedsGroup = 'none' | 'disabled' | 'elderly' | 'both';

export type SpecialNeedsDraft = {
  group: NeedsGroup;
  kinds: DisabilityKind[];
  accommodations: Accommodation[];
  note: string;
  consent: boolean;
  /** Only for a home delivery: where it goes, and another phone if the courier should call one. */
  deliveryAddress: string;
  deliveryPhone: string;
};

export const emptySpecialNeeds = (): SpecialNeedsDraft => ({ group: 'none', kinds: [], accommodations: [], note: '', consent: false, deliveryAddress: '', deliveryPhone: '' });

const disabled = (d: SpecialNeedsDraft) => d.group === 'disabled' || d.group === 'both';
const elderly = (d: SpecialNeedsDraft) => d.group === 'elderly' || d.group === 'both';

/** May this person choose the accommodations, home delivery among them? (`subjectElderly`: 60+ by the NIK or birth date.) */
export function helpOffered(d: SpecialNeedsDraft, subjectElderly: boolean): boolean {
  return homeDeliveryOffered({ disabled: disabled(d), elderly: elderly(d) || subjectElderly });
}

export function deliveryChosen(d: SpecialNeedsDraft, subjectElderly: boolean): boolean {
  return helpOffered(d, subjectElderly) && d.accommodations.includes('home_delivery');
}

function stated(d: SpecialNeedsDraft, subjectElderly: boolean): SpecialNeedsStated {
  const offered = helpOffered(d, subjectElderly);
  return {
    disabled: disabled(d),
    elderly: elderly(d),
    kinds: disabled(d) ? d.kinds : [],
    accommodations: offered ? d.accommodations : [],
    ...(offered && d.note.trim() ? { note: d.note.trim() } : {}),
    consent: disabled(d) && d.consent,
  };
}

/** The request body's part: `specialNeeds` (absent when nothing is stated), the hand-over choice and the delivery. */
export function specialNeedsPayload(d: SpecialNeedsDraft, subjectElderly: boolean) {
  const needs = stated(d, subjectElderly);
  const any = needs.disabled || needs.elderly || needs.accommodations.length > 0;
  const delivery = deliveryChosen(d, subjectElderly);
  return {
    ...(any && { specialNeeds: needs }),
    handOverChoice: delivery ? ('home_delivery' as const) : ('pickup' as const),
    ...(delivery && { delivery: { address: d.deliveryAddress.trim(), ...(d.deliveryPhone.trim() && { phone: d.deliveryPhone.trim() }) } }),
  };
}

export type SpecialNeedsFieldProblem = { field: 'group' | 'kinds' | 'consent' | 'address'; problem: SpecialNeedsProblem | 'address_incomplete' | 'home_visit_required' };

/** What is still wrong, by the server's rule; the address as the chatbot asks it (a number for the house or RT/RW). */
export function specialNeedsProblems(d: SpecialNeedsDraft, subjectElderly: boolean, homeVisitRequired = false): SpecialNeedsFieldProblem[] {
  const problems: SpecialNeedsFieldProblem[] = [];
  // A service that needs the person present comes from a phone only with an officer's home visit.
  if (homeVisitRequired && !(helpOffered(d, subjectElderly) && d.accommodations.includes('home_visit'))) problems.push({ field: 'group', problem: 'home_visit_required' });
  const read = recordSpecialNeeds(stated(d, subjectElderly), subjectElderly, new Date(0));
  if (!read.ok) problems.push({ field: read.problem === 'consent_required' ? 'consent' : 'kinds', problem: read.problem });
  const address = d.deliveryAddress.trim();
  if (deliveryChosen(d, subjectElderly) && (address.length < 10 || !/\d/.test(address))) problems.push({ field: 'address', problem: 'address_incomplete' });
  return problems;
}

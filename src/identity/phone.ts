/** Indonesian mobile numbers as people type them, and as WhatsApp names them (wa_id). Pure; the web client imports it too. */

/** 0812-2700-1234, +62 812 2700 1234 → 6281227001234 (wa_id); undefined when it is no Indonesian mobile number. */
export function normalisePhone(input: string): string | undefined {
  const compact = input.replace(/[\s.()-]/g, '');
  if (!/^(\+?62|0)8\d{7,12}$/.test(compact)) return undefined;
  const digits = compact.replace(/^\+/, '');
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}

/** 6281227001234 → 0812-****-1234: enough for the owner to recognise, too little for anyone else. */
export function maskPhone(waId: string): string {
  const local = waId.startsWith('62') ? `0${waId.slice(2)}` : waId;
  return `${local.slice(0, 4)}-****-${local.slice(-4)}`;
}

/** The receipt PDF: downloaded as a copy and opened in a new tab, ready for the printer. */
import { consoleApi } from './consoleApi.js';

export async function downloadAndOpenReceipt(requestId: string, ticket: string, pin: string, lang: 'id' | 'en') {
  const pdf = await consoleApi.receipt(requestId, pin, lang);
  const url = URL.createObjectURL(pdf);
  const a = document.createElement('a');
  a.href = url;
  a.download = `tanda-terima-${ticket}.pdf`;
  document.body.append(a);
  a.click();
  a.remove();
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

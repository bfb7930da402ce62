/**
 * The WhatsApp Cloud API (Meta's Graph API) as the product speaks it: send a message, fetch a
 * user's media. The base URL is configuration: Meta's host in production, the local stand-in in
 * the simulator and in tests — the same code either way.
 */
export type GraphTarget = { graphUrl: string; apiVersion: string; accessToken: string };

/** Meta's error codes worth waiting for: throttling and pair rate limits, temporary failures. */
const RETRYABLE_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004]);
/** Free-form message outside the 24-hour customer-service window. */
export const REENGAGEMENT_CODE = 131047;

export type SendOutcome =
  | { ok: true; messageId: string }
  | { ok: false; kind: 'retry' | 'reengagement' | 'final'; status: number; code?: number | undefined; title?: string | undefined };

const TIMEOUT_MS = 15_000;

export async function sendCloudMessage(target: GraphTarget, phoneNumberId: string, body: Record<string, unknown>): Promise<SendOutcome> {
  let res: Response;
  try {
    res = await fetch(`${base(target)}/${encodeURIComponent(phoneNumberId)}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    // Nothing came back: Meta may or may not have it. Retrying risks a duplicate, not retrying a loss; a duplicate is the lesser harm.
    return { ok: false, kind: 'retry', status: 0 };
  }
  const json = (await res.json().catch(() => ({}))) as { messages?: { id?: string }[]; error?: { code?: number; message?: string; error_user_title?: string } };
  const id = json.messages?.[0]?.id;
  if (res.ok && id) return { ok: true, messageId: id };
  const code = json.error?.code;
  const title = json.error?.error_user_title ?? json.error?.message;
  if (code === REENGAGEMENT_CODE) return { ok: false, kind: 'reengagement', status: res.status, code, title };
  const retry = res.status >= 500 || res.status === 429 || (code !== undefined && RETRYABLE_CODES.has(code)) || (res.ok && !id);
  return { ok: false, kind: retry ? 'retry' : 'final', status: res.status, code, title };
}

export type MediaOutcome =
  | { ok: true; bytes: Buffer; mime: string | undefined }
  | { ok: false; reason: 'too_large' | 'download_failed'; retry: boolean };

/** `GET /{media-id}` for the short-lived URL, then the bytes with the same token, never more than maxBytes. */
export async function fetchCloudMedia(target: GraphTarget, mediaId: string, maxBytes: number): Promise<MediaOutcome> {
  const auth = { authorization: `Bearer ${target.accessToken}` };
  try {
    const meta = await fetch(`${base(target)}/${encodeURIComponent(mediaId)}`, { headers: auth, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!meta.ok) return { ok: false, reason: 'download_failed', retry: meta.status >= 500 || meta.status === 429 };
    const info = (await meta.json()) as { url?: string; mime_type?: string; file_size?: number | string };
    if (Number(info.file_size) > maxBytes) return { ok: false, reason: 'too_large', retry: false };
    if (!info.url) return { ok: false, reason: 'download_failed', retry: false };
    const res = await fetch(info.url, { headers: auth, signal: AbortSignal.timeout(60_000) });
    if (!res.ok || !res.body) return { ok: false, reason: 'download_failed', retry: res.status >= 500 || res.status === 429 };
    const chunks: Buffer[] = [];
    let size = 0;
    const reader = res.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.length;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, reason: 'too_large', retry: false };
      }
      chunks.push(Buffer.from(read.value));
    }
    return { ok: true, bytes: Buffer.concat(chunks), mime: info.mime_type };
  } catch {
    return { ok: false, reason: 'download_failed', retry: true };
  }
}

function base(target: GraphTarget): string {
  return `${target.graphUrl.replace(/\/+$/, '')}/${target.apiVersion}`;
}

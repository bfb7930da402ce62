/**
 * A lost receipt: the PIN is never stored, so a reprint means a new PIN. The old one stops working
 * (and the applicant's WhatsApp is told), hence the confirmation step before it is replaced.
 */
import { useRef, useState } from 'react';
import { errorMessage } from '../../components/Errors.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { ApiError } from '../../api.js';
import { consoleApi } from './consoleApi.js';
import { downloadAndOpenReceipt } from './receipt.js';
import { useSession } from './session.js';

type Step = { kind: 'idle' } | { kind: 'confirming' } | { kind: 'issuing' } | { kind: 'issued'; pin: string; printing: boolean; printed: boolean };

export function ReprintReceipt({ requestId, ticket, onIssued }: { requestId: string; ticket: string; onIssued: () => void }) {
  const tt = useT();
  const t = tt.console.request.reprint;
  const { lang } = useLanguage();
  const { expired } = useSession();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<string>();
  const outcome = useRef<HTMLDivElement>(null);

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) return expired();
    setError(errorMessage(e, tt));
  };

  const print = async (pin: string) => {
    setStep({ kind: 'issued', pin, printing: true, printed: false });
    try {
      await downloadAndOpenReceipt(requestId, ticket, pin, lang);
      setStep({ kind: 'issued', pin, printing: false, printed: true });
    } catch (e) {
      setStep({ kind: 'issued', pin, printing: false, printed: false });
      fail(e);
    }
  };

  const issue = async () => {
    if (step.kind === 'issuing') return;
    setError(undefined);
    setStep({ kind: 'issuing' });
    try {
      const { pin } = await consoleApi.reissuePin(requestId);
      onIssued();
      // The confirm button is gone now: put focus on the new PIN, which is also announced.
      setTimeout(() => outcome.current?.focus(), 0);
      await print(pin);
    } catch (e) {
      setStep({ kind: 'idle' });
      fail(e);
    }
  };

  return (
    <section aria-labelledby="tanda-terima" className="panel">
      <h2 id="tanda-terima">{t.heading}</h2>
      <div role="status" aria-live="polite">
        {error && <p className="alert alert-error">{error}</p>}
      </div>
      {step.kind === 'issued' ? (
        <div ref={outcome} tabIndex={-1}>
          <dl className="ticket-pin">
            <div>
              <dt>{tt.console.counter.ticket}</dt>
              <dd className="ticket">{ticket}</dd>
            </div>
            <div>
              <dt>{t.newPin}</dt>
              <dd className="pin">{step.pin}</dd>
            </div>
          </dl>
          <p>{t.issued}</p>
          {step.printed && <p className="alert alert-success">✓ {tt.console.counter.receiptReady}</p>}
          <div className="form-buttons">
            <button type="button" className="button" onClick={() => void print(step.pin)} aria-disabled={step.printing}>
              {step.printing ? tt.console.counter.printing : t.printAgain}
            </button>
          </div>
        </div>
      ) : step.kind === 'idle' ? (
        <>
          <p>{t.explain}</p>
          <button type="button" className="button button-secondary" onClick={() => setStep({ kind: 'confirming' })}>
            {t.start}
          </button>
        </>
      ) : (
        <div role="group" aria-labelledby="tanda-terima-yakin">
          <p id="tanda-terima-yakin">
            <strong>{t.confirm}</strong>
          </p>
          <div className="form-buttons">
            <button type="button" className="button" onClick={() => void issue()} aria-disabled={step.kind === 'issuing'} autoFocus>
              {step.kind === 'issuing' ? t.issuing : t.confirmYes}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setStep({ kind: 'idle' })}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

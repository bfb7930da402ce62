/** The later steps of applying: the WhatsApp code, the documents, the last look, and the receipt. */
import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.js';
import { ErrorAlert, ErrorSummary, errorMessage, type FormProblem } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { focusHeading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import type { Office } from '../../types.js';
import { confirmCode, requestCode, submitApplication, type Applied, type CatalogueService } from './api.js';
import type { Draft, Receipt, Step } from './ApplyPage.js';
import { detailsToSend } from '../../components/detail-fields.js';
import { deliveryChosen, specialNeedsPayload } from '../../components/special-needs.js';
import { specialNeedsSummary } from '../../components/SpecialNeedsFields.js';
import { ELDERLY_AGE } from '../../../../src/requests/special-needs.js';
import { documentsFor, fieldsFor, type Facts, type NeededDocument } from './requirements.js';
import { DocumentUpload, formatDate, formatDateTime, OfficeInfo, pick, useLang } from './shared.js';

type Update = (patch: Partial<Draft> | ((latest: Draft) => Partial<Draft>)) => void;

const tokenValid = (draft: Draft) => Boolean(draft.token && new Date(draft.token.expiresAt).getTime() > Date.now() + 60_000);
const PHONE = /^(\+?62|0)8\d{7,12}$/;

function BackNext({ onBack, next, busy }: { onBack: () => void; next: string; busy?: boolean }) {
  const t = useT();
  return (
    <div className="step-buttons">
      <button type="button" className="button button-secondary" onClick={onBack}>
        {t.citizen.apply.back}
      </button>
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {next}
      </button>
    </div>
  );
}

export function PhoneStep({ office, draft, update, onBack, onNext }: { office: Office; draft: Draft; update: Update; onBack: () => void; onNext: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [fieldError, setFieldError] = useState<{ phone?: string; code?: string }>({});
  const verificationId = draft.verification?.id;
  // A code is on its way: the cursor waits in the code field.
  useEffect(() => {
    if (verificationId) document.getElementById('code')?.focus();
  }, [verificationId]);

  if (tokenValid(draft)) {
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onNext();
        }}
      >
        <p className="alert alert-success" role="status">
          <span aria-hidden="true">✓ </span>
          {t.citizen.apply.verified(draft.token!.maskedPhone)}
        </p>
        <p>
          <button type="button" className="link-button" onClick={() => update({ token: undefined, verification: undefined })}>
            {t.citizen.apply.changePhone}
          </button>
        </p>
        <BackNext onBack={onBack} next={t.citizen.apply.next} />
      </form>
    );
  }

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setError(undefined);
    if (!PHONE.test(draft.phone.replace(/[\s.()-]/g, ''))) {
      setFieldError({ phone: t.citizen.apply.phoneInvalid });
      document.getElementById('phone')?.focus();
      return;
    }
    setFieldError({});
    setBusy(true);
    try {
      const sent = await requestCode(office.code, draft.phone);
      update({ verification: { id: sent.verificationId, maskedPhone: sent.maskedPhone } });
      setCode('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (busy || !draft.verification) return;
    setError(undefined);
    if (!/^\d{6}$/.test(code.trim())) {
      setFieldError({ code: t.citizen.apply.codeInvalid });
      document.getElementById('code')?.focus();
      return;
    }
    setFieldError({});
    setBusy(true);
    try {
      const confirmed = await confirmCode(draft.verification.id, code.trim());
      update({ token: { value: confirmed.token, expiresAt: confirmed.expiresAt, maskedPhone: confirmed.maskedPhone }, verification: undefined });
      onNext();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'code_wrong') {
        setFieldError({ code: errorMessage(e, t) });
        document.getElementById('code')?.focus();
      } else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>{t.citizen.apply.phoneIntro}</p>
      {error !== undefined && <ErrorAlert error={error} />}
      {!draft.verification ? (
        <form onSubmit={send} noValidate className="form">
          <Field id="phone" aria-required type="tel" inputMode="tel" autoComplete="tel" label={t.citizen.apply.phone} hint={t.citizen.apply.phoneHint} error={fieldError.phone} value={draft.phone} onChange={(e) => update({ phone: e.target.value })} />
          <BackNext onBack={onBack} next={busy ? t.citizen.apply.sending : t.citizen.apply.sendCode} busy={busy} />
        </form>
      ) : (
        <form onSubmit={confirm} noValidate className="form">
          <p className="alert alert-success" role="status">
            {t.citizen.apply.codeSent(draft.verification.maskedPhone)}
          </p>
          <Field id="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} label={t.citizen.apply.code} error={fieldError.code} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} />
          <p className="inline-actions">
            <button type="button" className="link-button" onClick={() => void send()}>
              {t.citizen.apply.resend}
            </button>
            <button type="button" className="link-button" onClick={() => update({ verification: undefined })}>
              {t.citizen.apply.changePhone}
            </button>
          </p>
          <BackNext onBack={onBack} next={busy ? t.citizen.apply.confirming : t.citizen.apply.confirm} busy={busy} />
        </form>
      )}
    </>
  );
}

const docLabel = (d: NeededDocument, lang: 'id' | 'en', or: string) => [d.label, ...d.alternatives.map((a) => a.label)].map((l) => pick(l, lang)).join(` ${or} `);

export function neededDocuments(service: CatalogueService, facts: Facts) {
  return documentsFor(service, facts);
}

export function DocumentsStep(props: { service: CatalogueService; draft: Draft; update: Update; facts: Facts; onBack: () => void; onNext: () => void; onSessionEnded: () => void }) {
  const t = useT();
  const lang = useLang();
  const { draft, update } = props;
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const documents = neededDocuments(props.service, props.facts);

  useEffect(() => {
    if (!tokenValid(draft)) props.onSessionEnded();
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = documents
      .filter((d) => d.resolved !== 'optional' && !draft.uploads[d.document])
      .map((d) => ({ fieldId: `doc-${d.document}`, label: pick(d.label, lang), message: t.citizen.apply.missingDocument(docLabel(d, lang, t.citizen.alternativeJoin)) }));
    setProblems(missing);
    if (missing.length > 0) {
      setTimeout(() => document.querySelector<HTMLElement>('.alert-error a')?.focus(), 0);
      return;
    }
    props.onNext();
  };

  if (!draft.token) return null;
  return (
    <form onSubmit={submit} noValidate className="form">
      <p>{t.citizen.apply.documentsIntro}</p>
      {props.facts.ageYears !== undefined && <p className="hint">{t.citizen.apply.documentsFor(props.facts.ageYears)}</p>}
      <ErrorSummary problems={problems.filter((p) => !draft.uploads[p.fieldId.slice(4)])} />
      {documents.map((d) => (
        <DocumentUpload
          key={d.document}
          id={`doc-${d.document}`}
          label={docLabel(d, lang, t.citizen.alternativeJoin)}
          details={d.details ? pick(d.details, lang) : undefined}
          need={d.resolved === 'optional' ? 'optional' : 'required'}
          token={draft.token!.value}
          documentType={d.document}
          value={draft.uploads[d.document]}
          error={errors[d.document]}
          onUploaded={(value) => update((latest) => ({ uploads: { ...latest.uploads, [d.document]: value } }))}
          onError={(message) => setErrors((e) => ({ ...e, [d.document]: message }))}
        />
      ))}
      <BackNext onBack={props.onBack} next={t.citizen.apply.next} />
    </form>
  );
}

export function ReviewStep(props: {
  office: Office;
  service: CatalogueService;
  draft: Draft;
  facts: Facts;
  onBack: () => void;
  onGo: (step: Step) => void;
  onTokenSpent: () => void;
  onDone: (applied: Applied) => void;
}) {
  const t = useT();
  const lang = useLang();
  const { draft, service, office } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const documents = neededDocuments(service, props.facts).filter((d) => draft.uploads[d.document]);
  const desa = office.desa.find((d) => d.code === draft.desaCode)?.name ?? '';
  const detailSpecs = fieldsFor(service, props.facts);
  const details = detailsToSend(detailSpecs, draft.details ?? {});
  const elderly = (props.facts.ageYears ?? -1) >= ELDERLY_AGE;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!tokenValid(draft)) return props.onGo('phone');
    setBusy(true);
    setError(undefined);
    try {
      const applied = await submitApplication(draft.token!.value, {
        serviceCode: service.code,
        desaCode: draft.desaCode,
        applicant: { name: draft.applicantName.trim(), relation: draft.relation },
        subject: draft.nik.replace(/[\s.-]/g, '')
          ? { nik: draft.nik.replace(/[\s.-]/g, ''), name: draft.subjectName.trim() }
          : { name: draft.subjectName.trim(), birthDate: draft.birthDate, ...(draft.sex && { sex: draft.sex }) },
        circumstances: {
          ...(draft.hasBirthCertificate !== '' && { hasBirthCertificate: draft.hasBirthCertificate === 'yes' }),
          foreign: draft.foreign,
        },
        details,
        ...specialNeedsPayload(draft.needs, elderly),
        attachments: documents.map((d) => ({ fileId: draft.uploads[d.document]!.fileId, documentType: d.document })),
      });
      props.onDone(applied);
      setTimeout(focusHeading, 0);
    } catch (e) {
      setError(e);
      setTimeout(() => document.querySelector<HTMLElement>('.alert-error')?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  const sessionEnded = error instanceof ApiError && (error.code === 'token_invalid' || error.code === 'token_missing');
  // A confirmation whose applications are used up: back to the phone step for a new code.
  const tokenSpent = error instanceof ApiError && error.code === 'applications_limit';
  const existingTicket = error instanceof ApiError && error.code === 'duplicate_request' ? error.duplicate?.ticket : undefined;
  // The office refused a detail (a KK number whose date cannot be): fixed on the data step.
  const detailsRefused = error instanceof ApiError && error.fieldErrors.some((e) => e.field.startsWith('body.details.'));
  return (
    <form onSubmit={submit} noValidate>
      <p>{t.citizen.apply.reviewIntro}</p>
      {error !== undefined && (
        <div tabIndex={-1} className="alert-holder">
          <ErrorAlert error={error} />
          {(sessionEnded || tokenSpent) && (
            <p>
              <button type="button" className="button button-secondary" onClick={() => (tokenSpent ? props.onTokenSpent() : props.onGo('phone'))}>
                {t.citizen.apply.steps.phone}
              </button>
            </p>
          )}
          {existingTicket && (
            <p>
              <Link className="button button-secondary" to={`/lacak?tiket=${encodeURIComponent(existingTicket)}`}>
                {t.citizen.apply.trackExisting}
              </Link>
            </p>
          )}
          {detailsRefused && (
            <>
              <ul>
                {(error as ApiError).fieldErrors.map((e) => (
                  <li key={e.field}>{e.message}</li>
                ))}
              </ul>
              <p>
                <button type="button" className="button button-secondary" onClick={() => props.onGo('data')}>
                  {t.citizen.apply.steps.data}
                </button>
              </p>
            </>
          )}
        </div>
      )}
      <dl className="details summary">
        <dt>{t.citizen.apply.service}</dt>
        <dd>{pick(service.name, lang)}</dd>
        <dt>{t.citizen.apply.subject}</dt>
        <dd>{draft.subjectName}</dd>
        <dt>{t.citizen.apply.nik}</dt>
        <dd>{draft.nik.replace(/[\s.-]/g, '') || t.citizen.apply.noNik}</dd>
        {!draft.nik.replace(/[\s.-]/g, '') && (
          <>
            <dt>{t.citizen.apply.birthDate}</dt>
            <dd>{formatDate(draft.birthDate, lang)}</dd>
            <dt>{t.citizen.apply.sex}</dt>
            <dd>{draft.sex === 'L' ? t.citizen.apply.sexMale : t.citizen.apply.sexFemale}</dd>
          </>
        )}
        <dt>{t.citizen.apply.desa}</dt>
        <dd>{desa}</dd>
        {detailSpecs
          .filter((s) => details[s.field])
          .map((s) => (
            <Fragment key={s.field}>
              <dt>{pick(s.label, lang)}</dt>
              <dd className="field-value">{details[s.field]}</dd>
            </Fragment>
          ))}
        <dt>{t.citizen.apply.applicantName}</dt>
        <dd>
          {draft.applicantName} ({t.citizen.apply.relations[draft.relation] ?? draft.relation})
        </dd>
        <dt>{t.citizen.apply.whatsapp}</dt>
        <dd>{draft.token?.maskedPhone}</dd>
        <dt>{t.citizen.apply.documents}</dt>
        <dd>
          <ul className="plain">
            {documents.map((d) => (
              <li key={d.document}>
                <span aria-hidden="true">✓ </span>
                {pick(d.label, lang)}: {draft.uploads[d.document]!.name}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t.citizen.apply.handOver}</dt>
        <dd>{deliveryChosen(draft.needs, elderly) ? `${t.citizen.apply.homeDelivery}: ${draft.needs.deliveryAddress.trim()}` : t.citizen.apply.pickup}</dd>
        <dt>{t.citizen.apply.assistance}</dt>
        <dd>{specialNeedsSummary(draft.needs, elderly, lang, t.specialNeeds)}</dd>
      </dl>
      <BackNext onBack={props.onBack} next={busy ? t.citizen.apply.submitting : t.citizen.apply.submit} busy={busy} />
    </form>
  );
}

export function ReceiptView({ receipt, office, onNew }: { receipt: Receipt; office: Office; onNew: () => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <p className="alert alert-success" role="status">
        <span aria-hidden="true">✓ </span>
        {t.citizen.apply.doneIntro}
      </p>
      <section className="receipt" aria-labelledby="receipt-heading">
        <h2 id="receipt-heading">{t.citizen.apply.receiptHeading}</h2>
        <dl className="details">
          <dt>{t.citizen.apply.office}</dt>
          <dd>{office.name}</dd>
          <dt>{t.citizen.apply.service}</dt>
          <dd>{pick(receipt.serviceName, lang)}</dd>
          <dt>{t.citizen.apply.subject}</dt>
          <dd>{receipt.subjectName}</dd>
          <dt>{t.citizen.apply.ticket}</dt>
          <dd className="big" data-testid="ticket">
            {receipt.ticket}
          </dd>
          <dt>{t.citizen.apply.pin}</dt>
          <dd className="big" data-testid="pin">
            {receipt.pin}
          </dd>
          <dt>{t.citizen.apply.submittedAt}</dt>
          <dd>{formatDateTime(receipt.submittedAt, lang, office.timezone)}</dd>
          <dt>{t.citizen.apply.dueAt}</dt>
          <dd>{formatDateTime(receipt.dueAt, lang, office.timezone)}</dd>
          <dt>{t.citizen.apply.whatsapp}</dt>
          <dd>{receipt.maskedPhone}</dd>
        </dl>
        <p className="callout">{t.citizen.apply.pinWarning}</p>
      </section>
      <div className="step-buttons no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t.citizen.apply.print}
        </button>
        <Link className="button button-secondary" to={`/lacak?tiket=${encodeURIComponent(receipt.ticket)}`}>
          {t.citizen.apply.trackLink}
        </Link>
      </div>
      <section aria-labelledby="next-steps">
        <h2 id="next-steps">{t.citizen.apply.nextSteps}</h2>
        <p>{t.citizen.apply.nextStepsText}</p>
      </section>
      <OfficeInfo office={office} />
      <p className="no-print">
        <button type="button" className="link-button" onClick={onNew}>
          {t.citizen.apply.newApplication}
        </button>
      </p>
    </>
  );
}

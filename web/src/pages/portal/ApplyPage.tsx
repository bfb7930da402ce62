/**
 * Applying online, in five steps on one page: the service, the details (the NIK checked as it is
 * typed), the WhatsApp code, the documents (uploaded one by one, each with its own error), and a
 * last look before sending; then the ticket, the PIN and a printable receipt. The draft lives in
 * sessionStorage (never the files themselves), so a reload or a failed upload loses nothing.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert, ErrorSummary, type FormProblem } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { focusHeading, Loading, PageHeading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import { Link, useLocation } from '../../router.js';
import { isSafeText } from '../../../../src/platform/typed-text.js';
import type { Office } from '../../types.js';
import { checkNik, getCatalogue, type Applied, type CatalogueService, type NikCheck } from './api.js';
import { DetailFields, detailFieldId } from '../../components/DetailFields.js';
import { detailProblem } from '../../components/detail-fields.js';
import { officeToday } from '../../format.js';
import { ageInYears, isIsoDate } from '../../../../src/identity/calendar-date.js';
import { asksAbout, eligible, fieldsFor, nikOptional, type Facts } from './requirements.js';
import { ServiceFacts } from './ServiceList.js';
import { SpecialNeedsFields } from '../../components/SpecialNeedsFields.js';
import { emptySpecialNeeds, specialNeedsProblems, type SpecialNeedsDraft } from '../../components/special-needs.js';
import { ELDERLY_AGE } from '../../../../src/requests/special-needs.js';
import { formatDate, OfficeInfo, pick, useLang, useOffice, type Loaded } from './shared.js';
import { DocumentsStep, PhoneStep, ReceiptView, ReviewStep } from './ApplySteps.js';
import './portal.css';

export const STEPS = ['service', 'data', 'phone', 'documents', 'review'] as const;
export type Step = (typeof STEPS)[number];

export type Draft = {
  step: Step;
  officeCode?: string | undefined;
  serviceCode: string;
  nik: string;
  /** Typed only for a child with no NIK yet (the combined path); otherwise the NIK says them. */
  birthDate: string;
  sex: '' | 'L' | 'P';
  subjectName: string;
  desaCode: string;
  hasBirthCertificate: '' | 'yes' | 'no';
  foreign: boolean;
  /** The service's other data fields by catalogue field code. */
  details: Record<string, string>;
  applicantName: string;
  relation: string;
  /** Layanan khusus: disabled or elderly, the help wanted, a delivery address (`SpecialNeedsFields`). */
  needs: SpecialNeedsDraft;
  phone: string;
  verification?: { id: string; maskedPhone: string } | undefined;
  token?: { value: string; expiresAt: string; maskedPhone: string } | undefined;
  uploads: Record<string, { fileId: string; name: string; size: number }>;
};

const KEY = 'kencot.apply.draft';
const RESULT_KEY = 'kencot.apply.receipt';

const emptyDraft = (): Draft => ({
  step: 'service',
  serviceCode: '',
  nik: '',
  birthDate: '',
  sex: '',
  subjectName: '',
  desaCode: '',
  hasBirthCertificate: '',
  foreign: false,
  details: {},
  applicantName: '',
  relation: '',
  needs: emptySpecialNeeds(),
  phone: '',
  uploads: {},
});

function load<T>(key: string): T | undefined {
  try {
    const text = sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

function save(key: string, value: unknown) {
  try {
    if (value === undefined) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage blocked or full: the form still works, it just does not survive a reload.
  }
}

export type Receipt = Applied & { serviceName: { id: string; en: string }; subjectName: string; maskedPhone: string };

export function ApplyPage() {
  const t = useT();
  // Loaded lazily, after the router's own focus move found no heading yet: announce the page now.
  useEffect(() => {
    if (document.activeElement === document.body) focusHeading();
  }, []);
  const requested = useLocation().query.get('kantor') ?? undefined;
  const [draft, setDraft] = useState<Draft>(() => ({ ...emptyDraft(), ...load<Draft>(KEY) }));
  const [receipt, setReceipt] = useState<Receipt | undefined>(() => load<Receipt>(RESULT_KEY));
  const [attempt, setAttempt] = useState(0);
  const office = useOffice(requested ?? draft.officeCode, attempt);
  const [catalogue, setCatalogue] = useState<Loaded<CatalogueService[]>>({ status: 'loading' });

  const officeCode = office.status === 'ready' ? office.value.code : undefined;
  useEffect(() => {
    if (!officeCode) return;
    const abort = new AbortController();
    setCatalogue({ status: 'loading' });
    getCatalogue(officeCode, abort.signal).then(
      (value) => setCatalogue({ status: 'ready', value }),
      (error: unknown) => !abort.signal.aborted && setCatalogue({ status: 'failed', error }),
    );
    return () => abort.abort();
  }, [officeCode, attempt]);

  useEffect(() => save(KEY, { ...draft, officeCode }), [draft, officeCode]);
  useEffect(() => save(RESULT_KEY, receipt), [receipt]);

  // A patch may be a function of the latest draft: uploads finishing close together must not overwrite each other.
  const update = (patch: Partial<Draft> | ((d: Draft) => Partial<Draft>)) => setDraft((d) => ({ ...d, ...(typeof patch === 'function' ? patch(d) : patch) }));

  const title = receipt ? t.citizen.apply.doneTitle : t.citizen.apply.title;
  return (
    <>
      <PageHeading title={title} />
      {(office.status === 'failed' || catalogue.status === 'failed') && (
        <ErrorAlert error={office.status === 'failed' ? office.error : catalogue.status === 'failed' ? catalogue.error : undefined} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {(office.status === 'loading' || (office.status === 'ready' && catalogue.status === 'loading')) && <Loading />}
      {office.status === 'ready' && catalogue.status === 'ready' && receipt && (
        <ReceiptView
          receipt={receipt}
          office={office.value}
          onNew={() => {
            setReceipt(undefined);
            setDraft({ ...emptyDraft(), token: draft.token, phone: draft.phone });
          }}
        />
      )}
      {office.status === 'ready' && catalogue.status === 'ready' && !receipt && (
        <Wizard
          office={office.value}
          services={catalogue.value}
          draft={draft}
          update={update}
          onDone={(applied, service) => {
            setReceipt({ ...applied, serviceName: service.name, subjectName: draft.subjectName, maskedPhone: draft.token?.maskedPhone ?? '' });
            setDraft({ ...emptyDraft(), token: draft.token, phone: draft.phone });
          }}
          onStartOver={() => setDraft(emptyDraft())}
        />
      )}
    </>
  );
}

function Wizard(props: {
  office: Office;
  services: CatalogueService[];
  draft: Draft;
  update: (patch: Partial<Draft> | ((d: Draft) => Partial<Draft>)) => void;
  onDone: (applied: Applied, service: CatalogueService) => void;
  onStartOver: () => void;
}) {
  const t = useT();
  const { draft, update, services, office } = props;
  const service = services.find((s) => s.code === draft.serviceCode && (s.online || s.homeVisitOnly));
  const step = service ? draft.step : 'service';
  const index = STEPS.indexOf(step);
  const nik = useNikCheck(draft.nik, office.code);
  const withoutNik = draft.nik.replace(/[\s.-]/g, '') === '';
  const typedAge = withoutNik && isIsoDate(draft.birthDate) && draft.birthDate <= officeToday(office.timezone) ? ageInYears(draft.birthDate, officeToday(office.timezone)) : undefined;
  const facts: Facts = {
    ageYears: nik?.ok ? nik.ageYears : typedAge,
    hasBirthCertificate: draft.hasBirthCertificate === '' ? undefined : draft.hasBirthCertificate === 'yes',
    foreign: draft.foreign,
  };

  // A new step is announced: focus moves to its heading (not on the first render of the page).
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    heading.current?.focus();
  }, [step]);

  const go = (next: Step) => update({ step: next });
  return (
    <>
      {index === 0 && <p className="lead">{t.citizen.apply.intro}</p>}
      <p className="step-of">{t.citizen.apply.stepOf(index + 1, STEPS.length)}</p>
      <h2 ref={heading} tabIndex={-1} className="step-heading">
        {t.citizen.apply.steps[step]}
      </h2>
      {step === 'service' && (
        <>
          <ServiceStep services={services} draft={draft} update={update} onNext={() => go('data')} />
          <OfficeInfo office={office} />
        </>
      )}
      {step === 'data' && service && (
        <DataStep office={office} service={service} draft={draft} update={update} nik={nik} facts={facts} onBack={() => go('service')} onNext={() => go('phone')} />
      )}
      {step === 'phone' && <PhoneStep office={office} draft={draft} update={update} onBack={() => go('data')} onNext={() => go('documents')} />}
      {step === 'documents' && service && (
        <DocumentsStep service={service} draft={draft} update={update} facts={facts} onBack={() => go('phone')} onNext={() => go('review')} onSessionEnded={() => go('phone')} />
      )}
      {step === 'review' && service && (
        <ReviewStep
          office={office}
          service={service}
          draft={draft}
          facts={facts}
          onBack={() => go('documents')}
          onGo={go}
          onTokenSpent={() => {
            // The confirmation's applications are used up: a new code, the answers and uploads kept.
            update({ token: undefined, verification: undefined });
            go('phone');
          }}
          onDone={(applied) => props.onDone(applied, service)}
        />
      )}
      <p className="hint draft-note">
        {t.citizen.apply.draftKept}{' '}
        <button type="button" className="link-button" onClick={props.onStartOver}>
          {t.citizen.apply.startOver}
        </button>
      </p>
    </>
  );
}

function ServiceStep({ services, draft, update, onNext }: { services: CatalogueService[]; draft: Draft; update: (p: Partial<Draft>) => void; onNext: () => void }) {
  const t = useT();
  const lang = useLang();
  const [problem, setProblem] = useState<string>();
  const online = services.filter((s) => s.online || s.homeVisitOnly);
  const inPerson = services.filter((s) => !s.online && !s.homeVisitOnly);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!online.some((s) => s.code === draft.serviceCode)) {
      setProblem(t.citizen.apply.chooseService);
      document.getElementById(`svc-${online[0]?.code}`)?.focus();
      return;
    }
    onNext();
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset className={problem ? 'choices field-invalid' : 'choices'} aria-describedby={problem ? 'service-error' : undefined}>
        <legend>{t.citizen.apply.serviceLegend}</legend>
        {problem && (
          <p id="service-error" className="field-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {problem}
          </p>
        )}
        {online.map((s) => (
          <div key={s.code} className="choice service-choice">
            <input
              type="radio"
              id={`svc-${s.code}`}
              name="service"
              value={s.code}
              checked={draft.serviceCode === s.code}
              onChange={() => {
                setProblem(undefined);
                update({ serviceCode: s.code });
              }}
              aria-describedby={`svc-${s.code}-desc`}
            />
            <label htmlFor={`svc-${s.code}`}>{pick(s.name, lang)}</label>
            <p id={`svc-${s.code}-desc`} className="hint choice-hint">
              {t.citizen.free} · {s.online ? t.citizen.workingDays(s.workingDays) : t.citizen.homeVisitOnly}
              {s.description && ` · ${pick(s.description, lang)}`}
            </p>
            <details className="service-details">
              <summary>
                {t.citizen.needsLabel}: {pick(s.name, lang)}
              </summary>
              <ServiceFacts service={s} />
            </details>
          </div>
        ))}
      </fieldset>
      <div className="step-buttons">
        <button type="submit" className="button">
          {t.citizen.apply.next}
        </button>
      </div>
      {inPerson.length > 0 && (
        <section aria-labelledby="in-person">
          <h3 id="in-person">{t.citizen.apply.otherServicesHeading}</h3>
          <p className="hint">{t.citizen.onlyInPerson}</p>
          {inPerson.map((s) => (
            <details key={s.code} className="service-details">
              <summary>{pick(s.name, lang)}</summary>
              <ServiceFacts service={s} />
            </details>
          ))}
        </section>
      )}
    </form>
  );
}

/** Asks the server what the NIK says once it has 16 digits, a moment after typing stops. */
function useNikCheck(nik: string, officeCode: string): NikCheck | undefined {
  const [result, setResult] = useState<{ nik: string; check: NikCheck }>();
  const digits = nik.replace(/[\s.-]/g, '');
  useEffect(() => {
    if (!/^\d{16}$/.test(digits)) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      checkNik(digits, officeCode, abort.signal).then(
        (check) => setResult({ nik: digits, check }),
        () => undefined,
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [digits, officeCode]);
  if (!/^\d{16}$/.test(digits)) return undefined;
  return result?.nik === digits ? result.check : undefined;
}

function DataStep(props: {
  office: Office;
  service: CatalogueService;
  draft: Draft;
  update: (p: Partial<Draft>) => void;
  nik: NikCheck | undefined;
  facts: Facts;
  onBack: () => void;
  onNext: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const { service, draft, update, nik, office } = props;
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const asks = asksAbout(service);
  const fieldLabel = (field: string, fallback: string) => {
    const f = service.fields.find((x) => x.field === field);
    return f ? pick(f.label, lang) : fallback;
  };
  const nikLabel = fieldLabel('subject_nik', t.citizen.apply.nik);
  const nameLabel = fieldLabel('subject_name', t.citizen.apply.subject);
  const digits = draft.nik.replace(/[\s.-]/g, '');
  const detailSpecs = fieldsFor(service, props.facts);
  const today = officeToday(office.timezone);
  // A child not registered yet (WNI, no akta) may have no NIK: then the birth date and sex are typed.
  const mayLeaveNik = nikOptional(service, props.facts);
  const typesBirth = mayLeaveNik && !digits;
  const birthLabel = fieldLabel('subject_birth_date', t.citizen.apply.birthDate);
  const sexLabel = fieldLabel('subject_sex', t.citizen.apply.sex);
  const elderly = (props.facts.ageYears ?? -1) >= ELDERLY_AGE;

  const nikError = useMemo(() => {
    if (!digits) return submitted && !mayLeaveNik ? t.errors.required(nikLabel) : undefined;
    // While typing, say nothing until the number is complete or plainly wrong.
    if (!/^\d{16}$/.test(digits)) return submitted || digits.length > 16 || /\D/.test(digits) ? t.citizen.apply.nikInvalid : undefined;
    if (nik && !nik.ok) return nik.messages.join(' ');
    if (nik?.ok && !eligible(service, props.facts)) return t.citizen.apply.notEligible;
    return undefined;
  }, [digits, nik, submitted, t, nikLabel, service, props.facts, mayLeaveNik]);

  function validate(): FormProblem[] {
    const list: FormProblem[] = [];
    const need = (ok: boolean, fieldId: string, label: string, message = t.errors.required(label)) => {
      if (!ok) list.push({ fieldId, label, message });
    };
    // Worked out here, not from the render's message: the click that submits has not re-rendered yet.
    const nikProblem = !digits
      ? mayLeaveNik
        ? undefined
        : t.errors.required(nikLabel)
      : !/^\d{16}$/.test(digits)
        ? t.citizen.apply.nikInvalid
        : !nik
          ? t.citizen.apply.nikChecking
          : !nik.ok
            ? nik.messages.join(' ')
            : !eligible(service, props.facts)
              ? t.citizen.apply.notEligible
              : undefined;
    if (nikProblem) list.push({ fieldId: 'nik', label: nikLabel, message: nikProblem });
    need(draft.subjectName.trim() !== '', 'subject-name', nameLabel);
    need(isSafeText(draft.subjectName), 'subject-name', nameLabel, t.fields.problems.control_characters(nameLabel));
    need(draft.desaCode !== '', 'desa', t.citizen.apply.desa);
    if (typesBirth) {
      const birthProblem = !draft.birthDate ? t.fields.problems.required(birthLabel) : !isIsoDate(draft.birthDate) ? t.fields.problems.date(birthLabel) : draft.birthDate > today ? t.fields.problems.future(birthLabel) : !eligible(service, props.facts) ? t.citizen.apply.notEligible : undefined;
      if (birthProblem) list.push({ fieldId: 'birth-date', label: birthLabel, message: birthProblem });
      need(draft.sex !== '', 'sex-L', sexLabel);
    }
    if (asks.birthCertificate) need(draft.hasBirthCertificate !== '', 'akta-yes', t.citizen.apply.birthCertificateLegend, t.errors.required(t.citizen.apply.birthCertificateLegend.replace(/\?$/, '')));
    for (const spec of detailSpecs) {
      const problem = detailProblem(spec, draft.details[spec.field], today);
      const label = pick(spec.label, lang);
      if (problem) list.push({ fieldId: detailFieldId('data', spec.field), label, message: t.fields.problems[problem](label) });
    }
    need(draft.applicantName.trim() !== '', 'applicant-name', t.citizen.apply.applicantName);
    need(isSafeText(draft.applicantName), 'applicant-name', t.citizen.apply.applicantName, t.fields.problems.control_characters(t.citizen.apply.applicantName));
    need(draft.relation !== '', 'relation', t.citizen.apply.relation);
    for (const { field, problem } of specialNeedsProblems(draft.needs, elderly, service.homeVisitOnly)) {
      const label = field === 'address' ? t.specialNeeds.address : field === 'consent' ? t.specialNeeds.legend : field === 'group' ? t.specialNeeds.group : t.specialNeeds.kinds;
      list.push({ fieldId: `needs-${field}`, label, message: t.specialNeeds.problems[problem] });
    }
    return list;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const list = validate();
    setProblems(list);
    if (list.length > 0) {
      setTimeout(() => document.querySelector<HTMLElement>('.alert-error a')?.focus(), 0);
      return;
    }
    props.onNext();
  };

  const errorFor = (id: string) => (submitted ? problems.find((p) => p.fieldId === id)?.message : undefined);
  const nikStatus = nik?.ok
    ? t.citizen.apply.nikDerived(formatDate(nik.birthDate, lang), nik.sex === 'L' ? t.citizen.apply.sexL : t.citizen.apply.sexP, nik.ageYears)
    : /^\d{16}$/.test(digits) && !nik
      ? t.citizen.apply.nikChecking
      : '';
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary problems={submitted ? problems : []} />
      <fieldset className="group">
        <legend>{t.citizen.apply.subjectHeading}</legend>
        <Field
          id="nik"
          aria-required={!mayLeaveNik}
          label={nikLabel}
          hint={t.citizen.apply.nikHint}
          error={nikError}
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          value={draft.nik}
          onChange={(e) => update({ nik: e.target.value })}
          aria-describedby={`nik-hint${nikError ? ' nik-error' : ''} nik-derived`}
        />
        <p id="nik-derived" className="derived" aria-live="polite">
          {nikStatus && (
            <>
              {nik?.ok && <span aria-hidden="true">✓ </span>}
              {nikStatus}
            </>
          )}
        </p>
        <Field id="subject-name" aria-required label={nameLabel} autoComplete="off" error={errorFor('subject-name')} value={draft.subjectName} onChange={(e) => update({ subjectName: e.target.value })} />
        <div className={errorFor('desa') ? 'field field-invalid' : 'field'}>
          <label htmlFor="desa">{t.citizen.apply.desa}</label>
          {errorFor('desa') && (
            <p id="desa-error" className="field-error">
              <span aria-hidden="true">⚠ </span>
              {errorFor('desa')}
            </p>
          )}
          <select id="desa" className="input" value={draft.desaCode} onChange={(e) => update({ desaCode: e.target.value })} aria-invalid={errorFor('desa') ? true : undefined} aria-describedby={errorFor('desa') ? 'desa-error' : undefined}>
            <option value="">{t.citizen.apply.desaChoose}</option>
            {office.desa.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        {asks.birthCertificate && (
          <fieldset className={errorFor('akta-yes') ? 'choices field-invalid' : 'choices'}>
            <legend>{t.citizen.apply.birthCertificateLegend}</legend>
            {errorFor('akta-yes') && (
              <p className="field-error">
                <span aria-hidden="true">⚠ </span>
                {errorFor('akta-yes')}
              </p>
            )}
            <div className="choice">
              <input type="radio" id="akta-yes" name="akta" checked={draft.hasBirthCertificate === 'yes'} onChange={() => update({ hasBirthCertificate: 'yes' })} />
              <label htmlFor="akta-yes">{t.citizen.apply.yes}</label>
            </div>
            <div className="choice">
              <input type="radio" id="akta-no" name="akta" checked={draft.hasBirthCertificate === 'no'} onChange={() => update({ hasBirthCertificate: 'no' })} />
              <label htmlFor="akta-no">{t.citizen.apply.notYet}</label>
            </div>
          </fieldset>
        )}
        {asks.foreign && (
          <div className="checkbox">
            <input type="checkbox" id="foreign" checked={draft.foreign} onChange={(e) => update({ foreign: e.target.checked })} />
            <label htmlFor="foreign">{t.citizen.apply.foreign}</label>
          </div>
        )}
        {mayLeaveNik && (
          <p className="hint" id="no-nik-hint">
            {t.citizen.apply.noNikHint}
          </p>
        )}
        {typesBirth && (
          <>
            <Field id="birth-date" type="date" aria-required label={birthLabel} max={today} error={errorFor('birth-date')} value={draft.birthDate} onChange={(e) => update({ birthDate: e.target.value })} />
            <fieldset className={errorFor('sex-L') ? 'choices field-invalid' : 'choices'}>
              <legend>{sexLabel}</legend>
              {errorFor('sex-L') && (
                <p className="field-error">
                  <span aria-hidden="true">⚠ </span>
                  {errorFor('sex-L')}
                </p>
              )}
              <div className="choice">
                <input type="radio" id="sex-L" name="sex" required checked={draft.sex === 'L'} onChange={() => update({ sex: 'L' })} />
                <label htmlFor="sex-L">{t.citizen.apply.sexMale}</label>
              </div>
              <div className="choice">
                <input type="radio" id="sex-P" name="sex" required checked={draft.sex === 'P'} onChange={() => update({ sex: 'P' })} />
                <label htmlFor="sex-P">{t.citizen.apply.sexFemale}</label>
              </div>
            </fieldset>
          </>
        )}
        <DetailFields
          idPrefix="data"
          specs={detailSpecs}
          values={draft.details}
          errors={Object.fromEntries(detailSpecs.map((s) => [s.field, errorFor(detailFieldId('data', s.field))]))}
          lang={lang}
          today={today}
          onChange={(field, value) => update({ details: { ...draft.details, [field]: value } })}
        />
      </fieldset>

      <fieldset className="group">
        <legend>{t.citizen.apply.applicantHeading}</legend>
        <Field id="applicant-name" aria-required label={t.citizen.apply.applicantName} autoComplete="name" error={errorFor('applicant-name')} value={draft.applicantName} onChange={(e) => update({ applicantName: e.target.value })} />
        <div className={errorFor('relation') ? 'field field-invalid' : 'field'}>
          <label htmlFor="relation">{t.citizen.apply.relation}</label>
          {errorFor('relation') && (
            <p id="relation-error" className="field-error">
              <span aria-hidden="true">⚠ </span>
              {errorFor('relation')}
            </p>
          )}
          <select id="relation" className="input" value={draft.relation} onChange={(e) => update({ relation: e.target.value })} aria-invalid={errorFor('relation') ? true : undefined} aria-describedby={errorFor('relation') ? 'relation-error' : undefined}>
            <option value="">—</option>
            {Object.entries(t.citizen.apply.relations).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <SpecialNeedsFields
        idPrefix="needs"
        value={draft.needs}
        onChange={(patch) => update({ needs: { ...draft.needs, ...patch } })}
        lang={lang}
        subjectElderly={elderly}
        errors={{ group: errorFor('needs-group'), kinds: errorFor('needs-kinds'), consent: errorFor('needs-consent'), address: errorFor('needs-address') }}
      />

      <div className="step-buttons">
        <button type="button" className="button button-secondary" onClick={props.onBack}>
          {t.citizen.apply.back}
        </button>
        <button type="submit" className="button">
          {t.citizen.apply.next}
        </button>
      </div>
    </form>
  );
}


/**
 * /petugas/loket: a walk-in request in under a minute. Service, NIK (checked as it is typed, and
 * filling in the birth date and sex it encodes), names, desa, the documents photographed or
 * scanned on the spot, then the receipt with the ticket, the PIN and a QR code to the tracking page.
 */
import { SpecialNeedsFields } from '../../components/SpecialNeedsFields.js';
import { emptySpecialNeeds, specialNeedsPayload, specialNeedsProblems, type SpecialNeedsDraft } from '../../components/special-needs.js';
import { ELDERLY_AGE } from '../../../../src/requests/special-needs.js';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.js';
import { DetailFields, detailFieldId } from '../../components/DetailFields.js';
import { detailProblem, detailsToSend, type DetailFieldSpec, type DetailValues } from '../../components/detail-fields.js';
import { errorMessage, ErrorSummary, type FormProblem } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { focusField, PageHeading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { hasMarkup, isSafeText } from '../../../../src/platform/typed-text.js';
import { downloadAndOpenReceipt } from './receipt.js';
import { consoleApi, type Checklist, type ConsoleRequest, type NikCheck, type Service, type StoredFile } from './consoleApi.js';
import { ageInYears, calendarDate, localized, officeToday } from './format.js';
import { needText } from './RequestChecks.js';
import { useFailure, useSession } from './session.js';

/** Stored in Indonesian, the office's language, whatever language the screen is in. */
const RELATIONS = ['ibu', 'ayah', 'wali', 'kakek/nenek', 'diri sendiri', 'lainnya'] as const;
// Home delivery is the special service's help, chosen in SpecialNeedsFields (the one rule for every channel).
const HAND_OVER = ['pickup', 'school'] as const;
const ID = {
  service: 'loket-layanan',
  nik: 'loket-nik',
  subjectName: 'loket-nama-anak',
  birthDate: 'loket-tanggal-lahir',
  desa: 'loket-desa',
  applicantName: 'loket-nama-pemohon',
  phone: 'loket-hp',
  relation: 'loket-hubungan',
  duplicateReason: 'loket-alasan-ganda',
} as const;
/** Where the server's field errors belong on this form. */
const FIELD_OF: Record<string, string> = {
  'body.serviceCode': ID.service,
  'body.desaCode': ID.desa,
  'body.subject.nik': ID.nik,
  'body.subject.name': ID.subjectName,
  'body.subject.birthDate': ID.birthDate,
  'body.applicant.name': ID.applicantName,
  'body.applicant.phone': ID.phone,
  'body.applicant.relation': ID.relation,
  'body.specialNeeds.consent': 'loket-needs-consent',
  'body.specialNeeds.kinds': 'loket-needs-kinds',
  'body.handOverChoice': 'loket-needs-group-disabled',
  'body.delivery.address': 'loket-needs-address',
};

/** `file.photoHints`: the photo check's advice (issue 16): retake it while the citizen is at the counter, or keep it. */
type Upload = { documentType: string; name: string; file: StoredFile & { photoHints?: string[] } };
type Saved = { request: ConsoleRequest; pin: string; warnings: string[] };

export function Counter() {
  const tt = useT();
  const t = tt.console.counter;
  const { lang } = useLanguage();
  const { office } = useSession();
  const officeCode = office!.code;
  const [services, setServices] = useState<Service[]>([]);
  const [serviceCode, setServiceCode] = useState('kia_baru');
  const [nik, setNik] = useState('');
  const [subjectName, setSubjectName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState<'' | 'L' | 'P'>('');
  const [desaCode, setDesaCode] = useState('');
  const [applicantName, setApplicantName] = useState('');
  const [phone, setPhone] = useState('');
  const [relation, setRelation] = useState<string>('ibu');
  const [handOver, setHandOver] = useState<string>('pickup');
  const [needs, setNeeds] = useState<SpecialNeedsDraft>(emptySpecialNeeds);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [details, setDetails] = useState<DetailValues>({});
  // Most children at the counter have an akta and are Indonesian; asking settles the checklist.
  const [hasAkta, setHasAkta] = useState(true);
  const [foreign, setForeign] = useState(false);
  const [check, setCheck] = useState<NikCheck | 'checking' | 'short' | undefined>();
  const [filled, setFilled] = useState<string>();
  const [checklist, setChecklist] = useState<Checklist>();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [general, setGeneral] = useState<string>();
  // The server found an open request for this subject and service: the officer may take it in anyway, with a reason.
  const [duplicate, setDuplicate] = useState<{ ticket: string; override: boolean; reason: string }>();
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved>();
  const [loadError, setLoadError] = useState<unknown>();
  const fail = useFailure(setLoadError);

  useEffect(() => {
    const abort = new AbortController();
    consoleApi.services(officeCode, abort.signal).then((list) => setServices(list.filter((s) => s.channels.includes('walk_in'))), fail);
    return () => abort.abort();
  }, [officeCode, fail]);

  // The NIK, checked as it is typed: format at once, region and date by the server at 16 digits.
  useEffect(() => {
    const digits = nik.replace(/[\s.-]/g, '');
    if (!digits) return setCheck(undefined);
    if (!/^\d*$/.test(digits) || digits.length > 16) return setCheck({ status: 'invalid', errors: ['format'] });
    if (digits.length < 16) return setCheck('short');
    const abort = new AbortController();
    setCheck('checking');
    const timer = setTimeout(() => {
      consoleApi
        .checkNik(officeCode, { nik: digits, birthDate: birthDate || undefined, sex: sex || undefined }, abort.signal)
        .then((result) => {
          setCheck(result);
          // What the NIK encodes fills the fields still empty; the officer checks it against the KK.
          if (result.status === 'valid' && (!birthDate || !sex)) {
            if (!birthDate) setBirthDate(result.birthDate);
            if (!sex) setSex(result.sex);
            setFilled(t.filledFromNik);
          }
        }, fail);
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [nik, birthDate, sex, officeCode, fail, t]);

  // The checklist for this service and this child's age.
  const age = birthDate && office ? ageInYears(birthDate, officeToday(office.timezone)) : undefined;
  const elderly = (age ?? -1) >= ELDERLY_AGE;
  useEffect(() => {
    if (!serviceCode) return;
    const abort = new AbortController();
    const context = { ageYears: age !== undefined && age >= 0 ? age : undefined, hasBirthCertificate: hasAkta, foreign };
    consoleApi.checklist(officeCode, serviceCode, context, abort.signal).then(setChecklist, fail);
    return () => abort.abort();
  }, [officeCode, serviceCode, age, hasAkta, foreign, fail]);
  // The two questions only where the service's list depends on them (KIA, birth registration).
  const service = services.find((s) => s.code === serviceCode);
  // The server's own rule (requirementsFor) answered with the checklist for this age: said at once, as the portal does.
  const ineligible =
    checklist?.serviceCode === serviceCode && checklist.eligibility === 'ineligible' && service
      ? t.notEligible(localized(service.name, lang), age ?? 0)
      : undefined;
  const asks = JSON.stringify(service?.requirements ?? []);
  const asksAkta = asks.includes('no_birth_certificate');
  const asksForeign = asks.includes('foreign_child');
  // The service's other fields, as the checklist settles them for this child (the parents' names only without an akta).
  const today = officeToday(office!.timezone);
  const detailSpecs: DetailFieldSpec[] = (checklist?.serviceCode === serviceCode ? checklist.fields : []).flatMap((f) =>
    f.detail && f.need !== 'conditional' ? [{ field: f.field, label: f.label, need: f.need, input: f.input, maxLength: f.maxLength }] : [],
  );

  const reset = () => {
    setNik('');
    setSubjectName('');
    setBirthDate('');
    setSex('');
    setDesaCode('');
    setApplicantName('');
    setPhone('');
    setRelation('ibu');
    setHandOver('pickup');
    setNeeds(emptySpecialNeeds());
    setUploads([]);
    setDetails({});
    setHasAkta(true);
    setForeign(false);
    setFilled(undefined);
    setProblems([]);
    setGeneral(undefined);
    setDuplicate(undefined);
    setSaved(undefined);
    focusField(ID.nik);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSubmits((n) => n + 1);
    setGeneral(undefined);
    const found: FormProblem[] = [];
    const need = (id: string, label: string, value: string) => !value.trim() && found.push({ fieldId: id, label, message: tt.errors.required(label) });
    need(ID.service, t.service, serviceCode);
    if (nik.trim() && check !== undefined && check !== 'checking' && (check === 'short' || check.status === 'invalid'))
      found.push({ fieldId: ID.nik, label: t.nik, message: t.nikNotValid });
    need(ID.subjectName, t.subjectName, subjectName);
    // The server's rules, asked before sending: the checklist's eligibility, and names a person could type.
    if (ineligible) found.push({ fieldId: ID.nik, label: t.nik, message: ineligible });
    const nameProblem = (id: string, label: string, value: string) => {
      if (!isSafeText(value)) found.push({ fieldId: id, label, message: tt.fields.problems.control_characters(label) });
      else if (hasMarkup(value)) found.push({ fieldId: id, label, message: tt.fields.problems.markup(label) });
    };
    nameProblem(ID.subjectName, t.subjectName, subjectName);
    nameProblem(ID.applicantName, t.applicantName, applicantName);
    need(ID.desa, t.desa, desaCode);
    need(ID.applicantName, t.applicantName, applicantName);
    need(ID.phone, t.phone, phone);
    if (phone.trim() && !/^(\+?62|0)8\d{7,12}$/.test(phone.replace(/[\s.()-]/g, ''))) found.push({ fieldId: ID.phone, label: t.phone, message: t.phoneInvalid });
    for (const spec of detailSpecs) {
      const problem = detailProblem(spec, details[spec.field], today);
      const label = localized(spec.label, lang);
      if (problem) found.push({ fieldId: detailFieldId('loket', spec.field), label, message: tt.fields.problems[problem](label) });
    }
    for (const { field, problem } of specialNeedsProblems(needs, elderly)) {
      const label = field === 'address' ? tt.specialNeeds.address : field === 'consent' ? tt.specialNeeds.legend : tt.specialNeeds.kinds;
      found.push({ fieldId: `loket-needs-${field}`, label, message: tt.specialNeeds.problems[problem] });
    }
    if (duplicate?.override && duplicate.reason.trim().length < 5) found.push({ fieldId: ID.duplicateReason, label: t.duplicateReason, message: tt.errors.required(t.duplicateReason) });
    setProblems(found);
    if (found[0]) return focusField(found[0].fieldId);

    setBusy(true);
    try {
      const result = await consoleApi.submit(officeCode, {
        serviceCode,
        channel: 'walk_in',
        desaCode,
        applicant: { name: applicantName.trim(), phone, relation },
        subject: {
          name: subjectName.trim(),
          ...(nik.trim() && { nik: nik.replace(/[\s.-]/g, '') }),
          ...(birthDate && { birthDate }),
          ...(sex && { sex }),
        },
        details: detailsToSend(detailSpecs, details),
        circumstances: { ...(asksAkta && { hasBirthCertificate: hasAkta }), ...(asksForeign && { foreign }) },
        // The special service's delivery wins over the radio's pickup or school.
        ...((p) => (p.handOverChoice === 'home_delivery' ? p : { ...p, handOverChoice: handOver }))(specialNeedsPayload(needs, elderly)),
        attachments: uploads.map((u) => ({ fileId: u.file.id, documentType: u.documentType })),
        ...(duplicate?.override && { duplicateOverride: { reason: duplicate.reason.trim() } }),
      });
      setSaved({ request: result.request, pin: result.trackingPin, warnings: result.warnings });
      setTimeout(() => document.getElementById('loket-tersimpan')?.focus(), 0);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return fail(error);
      const fieldIdOf = (field: string) => FIELD_OF[field] ?? (field.startsWith('body.details.') ? detailFieldId('loket', field.slice('body.details.'.length)) : undefined);
      const fieldProblems = error instanceof ApiError ? error.fieldErrors.flatMap((e) => { const fieldId = fieldIdOf(e.field); return fieldId ? [{ fieldId, label: e.field, message: e.message }] : []; }) : [];
      if (error instanceof ApiError && error.code === 'nik_invalid') fieldProblems.push({ fieldId: ID.nik, label: t.nik, message: t.nikNotValid });
      if (error instanceof ApiError && error.code === 'duplicate_request' && error.duplicate?.ticket) setDuplicate({ ticket: error.duplicate.ticket, override: false, reason: '' });
      setProblems(fieldProblems);
      setGeneral(errorMessage(error, tt));
    } finally {
      setBusy(false);
    }
  };

  // One live region in both views (the same element stays mounted), so a screen reader hears the
  // ticket and PIN the moment the request is saved, not only the heading that takes focus.
  const live = (
    <p role="status" aria-live="polite" className="visually-hidden">
      {saved ? t.savedAnnouncement(saved.request.ticket, saved.pin.split('').join(' ')) : ''}
    </p>
  );
  if (saved)
    return (
      <>
        {live}
        <SavedRequest saved={saved} onNext={reset} />
      </>
    );

  const problemFor = (id: string) => problems.find((p) => p.fieldId === id)?.message;
  const items = checklist?.serviceCode === serviceCode ? checklist.items : [];
  const missingRequired = items.filter((i) => i.need === 'required' && !uploads.some((u) => u.documentType === i.document || i.alternatives.includes(u.documentType)));
  return (
    <>
      {live}
      <PageHeading title={t.title} />
      <p className="lead">{t.intro}</p>
      {loadError !== undefined && <p className="alert alert-error">{errorMessage(loadError, tt)}</p>}
      <form className="form form-wide" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorSummary key={submits} general={general} problems={problems} />
        <fieldset className="form-section">
          <legend>{t.serviceSection}</legend>
          <div className={problemFor(ID.service) ? 'field field-invalid' : 'field'}>
            <label htmlFor={ID.service}>{t.service}</label>
            <select id={ID.service} className="input" value={serviceCode} onChange={(e) => setServiceCode(e.target.value)}>
              {services.map((s) => (
                <option key={s.code} value={s.code}>
                  {localized(s.name, lang)}
                </option>
              ))}
            </select>
          </div>
          {service?.description && <p className="hint">{localized(service.description, lang)}</p>}
        </fieldset>

        <fieldset className="form-section">
          <legend>{t.subjectSection}</legend>
          <Field
            id={ID.nik}
            label={t.nik}
            hint={t.nikHint}
            inputMode="numeric"
            autoComplete="off"
            value={nik}
            onChange={(e) => setNik(e.target.value)}
            error={problemFor(ID.nik)}
            aria-describedby={[`${ID.nik}-hint`, problemFor(ID.nik) && `${ID.nik}-error`, `${ID.nik}-check`].filter(Boolean).join(' ')}
          />
          <div id={`${ID.nik}-check`} aria-live="polite" className="nik-live">
            <NikLive check={check} />
            {ineligible && (
              <p className="field-error" id={`${ID.nik}-eligibility`}>
                <span aria-hidden="true">⚠ </span>
                {ineligible}
              </p>
            )}
            {filled && <p className="hint">{filled}</p>}
          </div>
          <Field id={ID.subjectName} aria-required label={t.subjectName} autoComplete="off" value={subjectName} onChange={(e) => setSubjectName(e.target.value)} error={problemFor(ID.subjectName)} />
          <div className="field-row">
            <Field id={ID.birthDate} label={t.birthDate} type="date" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} error={problemFor(ID.birthDate)} />
            <fieldset className="field">
              <legend>{t.sex}</legend>
              {(['L', 'P'] as const).map((s) => (
                <div className="radio" key={s}>
                  <input id={`loket-jk-${s}`} type="radio" name="jenis-kelamin" checked={sex === s} onChange={() => setSex(s)} />
                  <label htmlFor={`loket-jk-${s}`}>{tt.console.request.sexes[s]}</label>
                </div>
              ))}
            </fieldset>
          </div>
          {asksAkta && (
            <fieldset className="field">
              <legend>{t.akta}</legend>
              {([true, false] as const).map((has) => (
                <div className="radio" key={String(has)}>
                  <input id={`loket-akta-${has}`} type="radio" name="akta" checked={hasAkta === has} onChange={() => setHasAkta(has)} />
                  <label htmlFor={`loket-akta-${has}`}>{has ? t.aktaYes : t.aktaNo}</label>
                </div>
              ))}
            </fieldset>
          )}
          {asksForeign && (
            <div className="checkbox">
              <input id="loket-wna" type="checkbox" checked={foreign} onChange={(e) => setForeign(e.target.checked)} />
              <label htmlFor="loket-wna">{t.foreign}</label>
            </div>
          )}
          <div className={problemFor(ID.desa) ? 'field field-invalid' : 'field'}>
            <label htmlFor={ID.desa}>{t.desa}</label>
            {problemFor(ID.desa) && (
              <p id={`${ID.desa}-error`} className="field-error">
                <span aria-hidden="true">⚠ </span>
                {problemFor(ID.desa)}
              </p>
            )}
            <select id={ID.desa} className="input" value={desaCode} onChange={(e) => setDesaCode(e.target.value)} aria-invalid={problemFor(ID.desa) ? true : undefined} aria-describedby={problemFor(ID.desa) ? `${ID.desa}-error` : undefined}>
              <option value="">{t.chooseDesa}</option>
              {office!.desa.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        {detailSpecs.length > 0 && (
          <fieldset className="form-section">
            <legend>{t.detailsSection}</legend>
            <DetailFields
              idPrefix="loket"
              specs={detailSpecs}
              values={details}
              errors={Object.fromEntries(detailSpecs.map((s) => [s.field, problemFor(detailFieldId('loket', s.field))]))}
              lang={lang}
              today={today}
              onChange={(field, value) => setDetails((d) => ({ ...d, [field]: value }))}
            />
          </fieldset>
        )}

        <fieldset className="form-section">
          <legend>{t.applicantSection}</legend>
          <Field id={ID.applicantName} aria-required label={t.applicantName} autoComplete="off" value={applicantName} onChange={(e) => setApplicantName(e.target.value)} error={problemFor(ID.applicantName)} />
          <div className="field-row">
            <Field id={ID.phone} aria-required label={t.phone} hint={t.phoneHint} type="tel" inputMode="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} error={problemFor(ID.phone)} />
            <div className="field">
              <label htmlFor={ID.relation}>{t.relation}</label>
              <select id={ID.relation} className="input" value={relation} onChange={(e) => setRelation(e.target.value)}>
                {RELATIONS.map((r) => (
                  <option key={r} value={r}>
                    {t.relations[r]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset className="field">
            <legend>{t.handOver}</legend>
            {HAND_OVER.map((h) => (
              <div className="radio" key={h}>
                <input id={`loket-serah-${h}`} type="radio" name="penyerahan" checked={handOver === h} onChange={() => setHandOver(h)} />
                <label htmlFor={`loket-serah-${h}`}>{tt.console.request.handOverChoices[h]}</label>
              </div>
            ))}
          </fieldset>
        </fieldset>

        <SpecialNeedsFields
          idPrefix="loket-needs"
          value={needs}
          onChange={(patch) => setNeeds((n) => ({ ...n, ...patch }))}
          lang={lang}
          subjectElderly={elderly}
          errors={{ kinds: problemFor('loket-needs-kinds'), consent: problemFor('loket-needs-consent'), address: problemFor('loket-needs-address') }}
        />

        <fieldset className="form-section">
          <legend>{t.documentsSection}</legend>
          <p className="hint">{age === undefined ? t.documentsHintNoAge : t.documentsHint(age)}</p>
          <ul className="upload-list">
            {items.map((item) => (
              <UploadItem
                key={item.document}
                officeCode={officeCode}
                documentType={item.document}
                label={localized(item.label, lang)}
                need={needText(item, tt.console.checklist, lang)}
                details={item.details && localized(item.details, lang)}
                upload={uploads.find((u) => u.documentType === item.document)}
                onUploaded={(u) => setUploads((list) => [...list.filter((x) => x.documentType !== u.documentType), u])}
                onRemove={() => setUploads((list) => list.filter((x) => x.documentType !== item.document))}
              />
            ))}
          </ul>
        </fieldset>

        {missingRequired.length > 0 && (
          <p className="callout">
            <span aria-hidden="true">⚠ </span>
            {t.missingWarning(missingRequired.map((i) => localized(i.label, lang)).join(', '))}
          </p>
        )}
        {duplicate && (
          <fieldset className="callout">
            <legend>{t.duplicateLegend(duplicate.ticket)}</legend>
            <div className="checkbox">
              <input id="loket-ajukan-tetap" type="checkbox" checked={duplicate.override} onChange={(e) => setDuplicate({ ...duplicate, override: e.target.checked })} />
              <label htmlFor="loket-ajukan-tetap">{t.duplicateOverride}</label>
            </div>
            {duplicate.override && (
              <div className={problemFor(ID.duplicateReason) ? 'field field-invalid' : 'field'}>
                <label htmlFor={ID.duplicateReason}>{t.duplicateReason}</label>
                {problemFor(ID.duplicateReason) && (
                  <p id={`${ID.duplicateReason}-error`} className="field-error">
                    <span aria-hidden="true">⚠ </span>
                    {problemFor(ID.duplicateReason)}
                  </p>
                )}
                <input
                  id={ID.duplicateReason}
                  className="input"
                  maxLength={300}
                  value={duplicate.reason}
                  onChange={(e) => setDuplicate({ ...duplicate, reason: e.target.value })}
                  aria-invalid={problemFor(ID.duplicateReason) ? true : undefined}
                  aria-describedby={problemFor(ID.duplicateReason) ? `${ID.duplicateReason}-error` : undefined}
                />
              </div>
            )}
          </fieldset>
        )}
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? t.saving : t.save}
        </button>
      </form>
    </>
  );
}

function NikLive({ check }: { check: NikCheck | 'checking' | 'short' | undefined }) {
  const tt = useT();
  const t = tt.console;
  const { lang } = useLanguage();
  if (!check || check === 'short') return check === 'short' ? <p className="hint">{t.counter.nikShort}</p> : null;
  if (check === 'checking') return <p className="hint">{t.counter.nikChecking}</p>;
  if (check.status === 'invalid')
    return (
      <p className="field-error">
        <span aria-hidden="true">✗ </span>
        {t.nik.invalid} {check.errors.map((e) => t.nik.errors[e as keyof typeof t.nik.errors] ?? e).join('; ')}
      </p>
    );
  if (check.status === 'absent') return null;
  const place = check.place ? `${check.place.districtName}, ${check.place.regencyName}` : check.districtCode;
  return (
    <>
      <p className="nik-ok">
        <span aria-hidden="true">✓ </span>
        {t.nik.valid} {t.nik.derived(calendarDate(check.birthDate, lang), t.nik.sexes[check.sex], place)}
      </p>
      {check.warnings.map((w) => (
        <p key={w} className="nik-warn">
          <span aria-hidden="true">⚠ </span>
          <strong>{t.nik.warningLabel}</strong> {t.nik.warnings[w as keyof typeof t.nik.warnings] ?? w}
        </p>
      ))}
    </>
  );
}

/** One document of the checklist: photographed with the tablet's camera or picked from the scanner's files. */
function UploadItem({
  officeCode,
  documentType,
  label,
  need,
  details,
  upload,
  onUploaded,
  onRemove,
}: {
  officeCode: string;
  documentType: string;
  label: string;
  need: string;
  details: string | undefined;
  upload: Upload | undefined;
  onUploaded: (u: Upload) => void;
  onRemove: () => void;
}) {
  const tt = useT();
  const t = tt.console.counter;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const { expired } = useSession();

  const picked = async (file: File | undefined) => {
    if (!file) return;
    setState({ busy: true });
    try {
      const stored = await consoleApi.upload(officeCode, file, documentType);
      onUploaded({ documentType, name: file.name, file: stored });
      setState({ busy: false });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return expired();
      setState({ busy: false, error: errorMessage(error, tt) });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <li className={upload ? 'upload-item upload-done' : 'upload-item'}>
      <label htmlFor={id}>
        <strong>{label}</strong> <span className="hint-inline">({need})</span>
      </label>
      {details && <p className="hint">{details}</p>}
      <input
        ref={input}
        id={id}
        type="file"
        accept="image/*,application/pdf"
        capture="environment"
        aria-describedby={`${id}-status`}
        onChange={(e) => void picked(e.target.files?.[0])}
      />
      <div id={`${id}-status`} aria-live="polite">
        {state.busy && <p className="hint">{t.uploading}</p>}
        {state.error && (
          <p className="field-error">
            <span aria-hidden="true">⚠ </span>
            {state.error}
          </p>
        )}
        {upload && !state.busy && (
          <p className="upload-ok">
            <span aria-hidden="true">✓ </span>
            {t.uploaded(upload.name, Math.max(1, Math.round(upload.file.size / 1024)))}{' '}
            <button type="button" className="button-link" onClick={onRemove}>
              {t.remove(label)}
            </button>
          </p>
        )}
        {upload && !state.busy && upload.file.photoHints && upload.file.photoHints.length > 0 && (
          <ul className="photo-advice">
            {upload.file.photoHints.map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/** The request is in: the ticket and PIN (shown once), and the receipt to print. */
function SavedRequest({ saved, onNext }: { saved: Saved; onNext: () => void }) {
  const tt = useT();
  const t = tt.console.counter;
  const { lang } = useLanguage();
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: boolean }>({ busy: false });
  const { expired } = useSession();
  const { request, pin } = saved;

  const print = async () => {
    if (state.busy) return;
    setState({ busy: true });
    try {
      await downloadAndOpenReceipt(request.id, request.ticket, pin, lang);
      setState({ busy: false, done: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return expired();
      setState({ busy: false, error: errorMessage(error, tt) });
    }
  };

  return (
    <>
      <PageHeading title={t.title} />
      <section aria-labelledby="loket-tersimpan" className="saved">
        <h2 id="loket-tersimpan" tabIndex={-1}>
          {t.savedHeading}
        </h2>
        <dl className="ticket-pin">
          <div>
            <dt>{t.ticket}</dt>
            <dd className="ticket">{request.ticket}</dd>
          </div>
          <div>
            <dt>{t.pin}</dt>
            <dd className="pin">{pin}</dd>
          </div>
        </dl>
        <p>{t.pinOnce}</p>
        {saved.warnings.length > 0 && (
          <div className="check check-warn">
            {saved.warnings.map((w) => (
              <p key={w}>
                <span aria-hidden="true">⚠ </span>
                <strong>{tt.console.nik.warningLabel}</strong> {tt.console.nik.warnings[w as keyof typeof tt.console.nik.warnings] ?? w}
              </p>
            ))}
          </div>
        )}
        <div role="status" aria-live="polite">
          {state.error && <p className="alert alert-error">{state.error}</p>}
          {state.done && <p className="alert alert-success">✓ {t.receiptReady}</p>}
        </div>
        <div className="form-buttons">
          <button type="button" className="button" onClick={() => void print()} aria-disabled={state.busy}>
            {state.busy ? t.printing : t.print}
          </button>
          <Link to={`/petugas/permohonan/${request.id}`} className="button button-secondary">
            {t.open}
          </Link>
          <button type="button" className="button button-secondary" onClick={onNext}>
            {t.next}
          </button>
        </div>
      </section>
    </>
  );
}

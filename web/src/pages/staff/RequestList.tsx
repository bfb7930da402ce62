/** Requests as cards (they reflow at 200% zoom and on a tablet): ticket, who, where, flags and clocks. */
import { useLanguage, useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import type { Clocks, ConsoleRequest, Localized, SlaState, SlaStatus } from './consoleApi.js';
import { localized, shortDateTime, slaText, waitingText, workText } from './format.js';
import { roleLabel, useSession } from './session.js';

const ICONS: Record<SlaState, string> = { on_track: '✓', amber: '◔', red: '●', overdue: '⚠' };

/** A clock in words and colour; the words alone say everything the colour says. */
export function SlaBadge({ label, status }: { label: string; status: Pick<SlaStatus, 'state' | 'remainingMinutes'> }) {
  const t = useT().console;
  const state = status.state;
  const word = state === 'amber' || state === 'red' ? ` (${t.sla.states[state]})` : '';
  return (
    <span className={`sla sla-${state}`}>
      <span aria-hidden="true">{ICONS[state]} </span>
      {label}: {slaText(status, t)}
      {word}
    </span>
  );
}

const STEP_ICONS: Record<SlaState | 'not_taken', string> = { ...ICONS, not_taken: '○' };

/**
 * Both clocks of a request, in words (issue 11): the officer's work on the SOP step since taking
 * the file against its minutes, and the waiting since submission against the working days.
 */
export function ClockBadges({ clocks, timeZone }: { clocks: Clocks; timeZone: string }) {
  const tt = useT();
  const t = tt.console;
  const { lang } = useLanguage();
  const { overall, step } = clocks;
  return (
    <span className="badges">
      {step && (
        <span className={`sla sla-${step.state === 'not_taken' ? 'on_track' : step.state}`}>
          <span aria-hidden="true">{STEP_ICONS[step.state]} </span>
          {t.sla.step[step.step]}: {workText(step, t)}
        </span>
      )}
      <span className={`sla sla-${overall.state}`}>
        <span aria-hidden="true">{ICONS[overall.state]} </span>
        {waitingText(overall, t)} · {t.sla.overallDue(shortDateTime(overall.due, timeZone, lang))}
        {overall.state === 'overdue' ? ` — ${slaText(overall, t)}` : overall.state !== 'on_track' ? ` (${t.sla.states[overall.state]})` : ''}
      </span>
      {overall.escalatedTo && <span className="badge badge-escalated">{t.sla.escalatedTo(roleLabel(overall.escalatedTo, tt))}</span>}
    </span>
  );
}

export function RequestCards({
  requests,
  serviceNames,
  headingLevel = 3,
}: {
  requests: (ConsoleRequest & { clocks?: Clocks })[];
  serviceNames: Map<string, Localized>;
  headingLevel?: 2 | 3;
}) {
  const t = useT().console;
  const { lang } = useLanguage();
  const { office, vocabulary } = useSession();
  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="request-cards">
      {requests.map((r) => {
        const desa = office?.desa.find((d) => d.code === r.desaCode)?.name ?? r.desaCode ?? '';
        const urgent = r.clocks && (r.clocks.overall.state === 'overdue' || r.clocks.step?.state === 'overdue' || r.flags.includes('escalated'));
        return (
          <li key={r.id} className={urgent ? 'request-card request-card-urgent' : 'request-card'}>
            <Heading className="request-card-title">
              <Link to={`/petugas/permohonan/${r.id}`}>{r.ticket}</Link>
              <span className="request-card-service"> — {localized(serviceNames.get(r.serviceCode), lang, r.serviceCode)}</span>
            </Heading>
            <p className="request-card-line">
              {/* The regency sees no names: the masked NIK tells two requests apart. */}
              <span>{r.subject.name ?? r.subject.nik ?? t.request.none}</span>
              {desa && <span> · {t.list.desa(desa)}</span>}
              <span> · {localized(vocabulary.channels[r.channel], lang, r.channel)}</span>
              <span> · {t.list.submitted(shortDateTime(r.submittedAt, timeZone, lang))}</span>
            </p>
            <p className="request-card-line">
              {r.priorityReason && <span className="badge badge-priority">{localized(vocabulary.priorityReasons[r.priorityReason], lang, r.priorityReason)}</span>}
              <span className="badge badge-state">{localized(vocabulary.states[r.state], lang, r.state)}</span>
              {r.flags.map((f) => (
                <span key={f} className={`badge badge-${f}`}>
                  {localized(vocabulary.flags[f], lang, f)}
                </span>
              ))}
            </p>
            {r.clocks && (
              <p className="request-card-line">
                <ClockBadges clocks={r.clocks} timeZone={timeZone} />
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

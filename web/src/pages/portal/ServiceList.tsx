/** What each service needs, costs (nothing) and takes, as a citizen reads it. */
import { useT } from '../../i18n/index.js';
import type { CatalogueRequirement, CatalogueService } from './api.js';
import { pick, useLang } from './shared.js';

export function ServiceFacts({ service }: { service: CatalogueService }) {
  const t = useT();
  const lang = useLang();
  const documents = documentsOf(service.requirements);
  return (
    <dl className="service-facts">
      <dt>{t.citizen.feeLabel}</dt>
      <dd>
        <strong>{t.citizen.free}</strong>
      </dd>
      <dt>{t.citizen.timeLabel}</dt>
      <dd>{service.online ? t.citizen.workingDays(service.workingDays) : service.homeVisitOnly ? t.citizen.homeVisitOnly : t.citizen.onlyInPerson}</dd>
      <dt>{t.citizen.needsLabel}</dt>
      <dd>
        <ul className="needs">
          {service.requirements.map((r, i) => (
            <li key={`${r.document}-${i}`}>
              {[r.label, ...r.alternatives.map((a) => a.label)].map((l) => pick(l, lang)).join(` ${t.citizen.alternativeJoin} `)}
              {r.whenText && ` (${t.citizen.whenPrefix} ${pick(r.whenText, lang)})`}
              {r.need === 'optional' && ` — ${t.citizen.optional}`}
              {r.details && <span className="hint"> · {pick(r.details, lang)}</span>}
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t.citizen.issuesLabel}</dt>
      <dd>
        {service.outputs
          .map((o) => `${pick(o.label, lang)}${o.whenText ? ` (${t.citizen.whenPrefix} ${pick(o.whenText, lang)})` : ''}`)
          .join('; ')}
      </dd>
      {documents.length > 0 && (
        <>
          <dt>{t.citizen.dataUseLabel}</dt>
          <dd>
            <p>{t.citizen.keptAtMost(Math.max(...documents.map((d) => d.keptDaysAfterClosing)))}</p>
            <details className="service-details">
              <summary>{t.citizen.dataUseEach}</summary>
              <ul className="needs">
                {documents.map((d) => (
                  <li key={d.document}>
                    <strong>{pick(d.label, lang)}</strong>: {pick(d.purpose, lang)} ({t.citizen.keptDays(d.keptDaysAfterClosing)})
                  </li>
                ))}
              </ul>
            </details>
            <p className="hint">{t.citizen.dataUseNote(service.unattachedUploadDays)}</p>
          </dd>
        </>
      )}
    </dl>
  );
}

/** Each document the service may ask for, once, alternatives included. */
function documentsOf(requirements: CatalogueRequirement[]) {
  const all = requirements.flatMap((r) => [r, ...r.alternatives]);
  return all.filter((d, i) => all.findIndex((o) => o.document === d.document) === i);
}

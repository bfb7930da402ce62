/** What each service needs, costs (nothing) and takes, as a citizen reads it. */
import { useT } from '../../i18n/index.js';
import type { CatalogueService } from './api.js';
import { pick, useLang } from './shared.js';

export function ServiceFacts({ service }: { service: CatalogueService }) {
  const t = useT();
  const lang = useLang();
  return (
    <dl className="service-facts">
      <dt>{t.citizen.feeLabel}</dt>
      <dd>
        <strong>{t.citizen.free}</strong>
      </dd>
      <dt>{t.citizen.timeLabel}</dt>
      <dd>{service.online ? t.citizen.workingDays(service.workingDays) : t.citizen.onlyInPerson}</dd>
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
    </dl>
  );
}

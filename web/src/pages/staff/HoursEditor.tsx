/** Weekly opening hours: per day open or closed, one or more intervals (a break splits the day). */
import { useId } from 'react';
import { ISO_WEEKDAYS } from '../../format.js';
import { useT } from '../../i18n/index.js';
import type { IsoWeekday } from '../../types.js';
import type { WeeklyHours } from './consoleApi.js';

export function HoursEditor({ value, onChange, idPrefix }: { value: WeeklyHours; onChange: (next: WeeklyHours) => void; idPrefix: string }) {
  const tt = useT();
  const t = tt.console.settings.hours;
  const id = useId();
  const setDay = (day: IsoWeekday, intervals: { open: string; close: string }[] | undefined) => {
    const next = { ...value };
    if (intervals && intervals.length) next[day] = intervals;
    else delete next[day];
    onChange(next);
  };
  return (
    <div className="hours-editor">
      {ISO_WEEKDAYS.map((day) => {
        const intervals = value[day] ?? [];
        const name = tt.weekdays[day];
        const base = `${idPrefix}-${id}-${day}`;
        return (
          <fieldset key={day} className="hours-day">
            <legend>{name}</legend>
            <div className="checkbox">
              <input
                id={`${base}-open`}
                type="checkbox"
                checked={intervals.length > 0}
                onChange={(e) => setDay(day, e.target.checked ? [{ open: '07:15', close: '15:30' }] : undefined)}
              />
              <label htmlFor={`${base}-open`}>{t.open(name)}</label>
            </div>
            {intervals.map((interval, i) => (
              <div key={i} className="hours-interval">
                <div className="field">
                  <label htmlFor={`${base}-${i}-from`}>{t.from}</label>
                  <input
                    id={`${base}-${i}-from`}
                    className="input input-time"
                    type="time"
                    value={interval.open}
                    onChange={(e) => setDay(day, intervals.map((x, j) => (j === i ? { ...x, open: e.target.value } : x)))}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${base}-${i}-to`}>{t.to}</label>
                  <input
                    id={`${base}-${i}-to`}
                    className="input input-time"
                    type="time"
                    value={interval.close}
                    onChange={(e) => setDay(day, intervals.map((x, j) => (j === i ? { ...x, close: e.target.value } : x)))}
                  />
                </div>
                {intervals.length > 1 && (
                  <button type="button" className="button-link" onClick={() => setDay(day, intervals.filter((_, j) => j !== i))}>
                    {t.removeInterval(name, i + 1)}
                  </button>
                )}
              </div>
            ))}
            {intervals.length > 0 && intervals.length < 3 && (
              <button type="button" className="button-link" onClick={() => setDay(day, [...intervals, { open: '13:00', close: '15:30' }])}>
                {t.addInterval(name)}
              </button>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

/** "Sen–Kam 07.15–15.30; Jum 07.15–15.15" style summary, one line per open day. */
export function hoursSummary(hours: WeeklyHours, weekdays: Record<IsoWeekday, string>, closed: string): string {
  return ISO_WEEKDAYS.map((d) => `${weekdays[d]} ${(hours[d] ?? []).map((i) => `${i.open.replace(':', '.')}–${i.close.replace(':', '.')}`).join(', ') || closed}`).join('; ');
}

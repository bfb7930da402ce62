/**
 * The rules of an office's opening hours, zod-free so the admin's form checks the same rule the
 * server refuses with, and names the day in words.
 */
export type Period = { open: string; close: string };

/** Whether any two opening periods of one day overlap (touching, 12:00–12:00, is not overlapping). */
export function hoursOverlap(day: readonly Period[]): boolean {
  const sorted = [...day].sort((a, b) => a.open.localeCompare(b.open));
  return sorted.some((period, i) => i > 0 && period.open < sorted[i - 1]!.close);
}

export type HoursProblem = { day: string; problem: 'open_after_close' | 'overlap' };

/** What is wrong with a week's hours, day by day (ISO weekday '1' = Monday). */
export function hoursProblems(week: Readonly<Partial<Record<string, readonly Period[]>>>): HoursProblem[] {
  return Object.entries(week).flatMap(([day, periods = []]): HoursProblem[] => {
    if (periods.some((p) => !(p.open < p.close))) return [{ day, problem: 'open_after_close' }];
    return hoursOverlap(periods) ? [{ day, problem: 'overlap' }] : [];
  });
}

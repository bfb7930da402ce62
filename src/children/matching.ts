/**
 * Re-importing never duplicates (issue 12): each valid row is matched to the register by NIK,
 * else by name + birth date + desa. A match that is not sure — the same name and birth date with
 * another NIK or in another desa, or several children it could be — is not written: it is listed
 * for the operator to review. Pure: the register in, a plan out.
 */
import type { ChildFactField, ChildFacts, RowProblem } from './children.js';

export type RegisteredChild = ChildFacts & { id: string; nik?: string | undefined; name?: string | undefined; desaCode?: string | undefined };

export type PlannedRow =
  | { kind: 'insert'; row: number; facts: ChildFacts }
  | { kind: 'update'; row: number; id: string; changes: Partial<ChildFacts> }
  | { kind: 'unchanged'; row: number; id: string };

export type ImportPlan = { rows: PlannedRow[]; problems: RowProblem[] };

/** Names compared without case, spaces and punctuation: "Siti  Aminah" = "SITI AMINAH" = "Siti Aminah." */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const FIELDS: readonly ChildFactField[] = ['nik', 'name', 'birthDate', 'sex', 'desaCode', 'schoolNpsn', 'schoolClass', 'parentName', 'kkNumber', 'whatsapp', 'hasKia'];

/** The facts of the row that the register does not hold yet (an empty cell changes nothing). */
export function changesOf(record: Partial<ChildFacts>, facts: ChildFacts): Partial<ChildFacts> {
  const changes: Partial<ChildFacts> = {};
  for (const field of FIELDS) {
    const value = facts[field];
    if (value === undefined || value === record[field]) continue;
    // A name written in other capitals or spacing is the same name: the register keeps the first spelling.
    if (field === 'name' && record.name !== undefined && nameKey(record.name) === nameKey(value as string)) continue;
    (changes as Record<string, unknown>)[field] = value;
  }
  return changes;
}

type Candidate = RegisteredChild & { firstRow?: number };

export function planImport(rows: readonly { row: number; facts: ChildFacts }[], register: readonly RegisteredChild[]): ImportPlan {
  const byNik = new Map<string, Candidate>();
  const byName = new Map<string, Candidate[]>();
  const add = (child: Candidate) => {
    if (child.nik) byNik.set(child.nik, child);
    if (child.name) {
      const key = `${nameKey(child.name)}|${child.birthDate}`;
      byName.set(key, [...(byName.get(key) ?? []), child]);
    }
  };
  for (const child of register) add({ ...child });

  const planned: PlannedRow[] = [];
  const problems: RowProblem[] = [];
  for (const { row, facts } of rows) {
    const match = findMatch(facts, byNik, byName);
    if (match.kind === 'doubtful') {
      problems.push({ row, column: facts.nik ? 'nik' : 'nama', code: match.code });
      continue;
    }
    if (match.kind === 'none') {
      const child: Candidate = { ...facts, id: `row:${row}`, firstRow: row };
      add(child);
      planned.push({ kind: 'insert', row, facts });
      continue;
    }
    const record = match.child;
    const changes = changesOf(record, facts);
    if (record.firstRow !== undefined) {
      // The same child twice in one list: a repeated row changes nothing; two different ones cannot both be right.
      if (Object.keys(changes).length > 0) problems.push({ row, column: facts.nik ? 'nik' : 'nama', code: 'duplicate_in_file', params: { first: record.firstRow } });
      else planned.push({ kind: 'unchanged', row, id: record.id });
      continue;
    }
    record.firstRow = row;
    if (Object.keys(changes).length === 0) {
      planned.push({ kind: 'unchanged', row, id: record.id });
      continue;
    }
    // Later rows of the list see the register as this row leaves it.
    if (changes.nik && !record.nik) byNik.set(changes.nik, record);
    Object.assign(record, changes);
    planned.push({ kind: 'update', row, id: record.id, changes });
  }
  return { rows: planned, problems };
}

type Match = { kind: 'none' } | { kind: 'found'; child: Candidate } | { kind: 'doubtful'; code: 'doubtful_other_nik' | 'doubtful_other_desa' | 'doubtful_several' };

function findMatch(facts: ChildFacts, byNik: Map<string, Candidate>, byName: Map<string, Candidate[]>): Match {
  if (facts.nik) {
    const child = byNik.get(facts.nik);
    if (child) return { kind: 'found', child };
  }
  if (!facts.name) return { kind: 'none' };
  const sameName = byName.get(`${nameKey(facts.name)}|${facts.birthDate}`) ?? [];
  if (sameName.length === 0) return { kind: 'none' };
  // A row without a desa cannot tell children of one name and birth date apart: it matches only one.
  const sameDesa = sameName.filter((c) => facts.desaCode === undefined || c.desaCode === undefined || c.desaCode === facts.desaCode);
  if (sameDesa.length === 0) return { kind: 'doubtful', code: 'doubtful_other_desa' };
  if (facts.nik) {
    // Someone of that name and birth date is known without a NIK: the row gives it. Known with another NIK: two children, or a typo.
    const withoutNik = sameDesa.filter((c) => !c.nik);
    if (withoutNik.length === 1 && withoutNik.length === sameDesa.length) return { kind: 'found', child: withoutNik[0]! };
    if (sameDesa.some((c) => c.nik)) return { kind: 'doubtful', code: 'doubtful_other_nik' };
    return { kind: 'doubtful', code: 'doubtful_several' };
  }
  if (sameDesa.length > 1) return { kind: 'doubtful', code: 'doubtful_several' };
  return { kind: 'found', child: sameDesa[0]! };
}

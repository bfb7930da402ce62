import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveWriter, openArchive } from './archive.js';
import { dependencyOrder, planRestore } from './manifest.js';

const known = [
  { when: 100, tag: '0000_foundation' },
  { when: 200, tag: '0001_audit' },
  { when: 300, tag: '0002_requests' },
];
const level = (when: number, tag: string | null = null) => ({ count: known.filter((m) => m.when <= when).length, tag, when });

describe('the order tables are loaded in', () => {
  it('puts every table after the tables it references, alphabetical among equals', () => {
    expect(
      dependencyOrder(
        ['requests', 'offices', 'staff_users', 'desa', 'audit_log', 'office_holiday_years'],
        [
          { child: 'requests', parent: 'offices' },
          { child: 'requests', parent: 'desa' },
          { child: 'desa', parent: 'offices' },
          { child: 'staff_users', parent: 'offices' },
          { child: 'office_holiday_years', parent: 'staff_users' },
          { child: 'office_holiday_years', parent: 'offices' },
        ],
      ),
    ).toEqual(['audit_log', 'offices', 'desa', 'staff_users', 'office_holiday_years', 'requests']);
  });

  it('ignores a table referencing itself and refuses a cycle', () => {
    expect(dependencyOrder(['a'], [{ child: 'a', parent: 'a' }])).toEqual(['a']);
    expect(() => dependencyOrder(['a', 'b'], [{ child: 'a', parent: 'b' }, { child: 'b', parent: 'a' }])).toThrow(/cycle among: a, b/);
  });
});

describe('bringing the target to the backup’s migration level', () => {
  it('migrates a never-migrated database up to the backup, not beyond', () => {
    expect(planRestore({ backup: level(200, '0001_audit'), known, current: null, tablesWithRows: [], force: false })).toEqual({ reset: false, apply: [100, 200] });
  });

  it('carries on from where an empty database stands', () => {
    expect(planRestore({ backup: level(300), known, current: 100, tablesWithRows: [], force: false })).toEqual({ reset: false, apply: [200, 300] });
    expect(planRestore({ backup: level(300), known, current: 300, tablesWithRows: [], force: false })).toEqual({ reset: false, apply: [] });
  });

  it('starts an empty database migrated past the backup over from the backup’s level', () => {
    expect(planRestore({ backup: level(200), known, current: 300, tablesWithRows: [], force: false })).toEqual({ reset: true, apply: [100, 200] });
  });

  it('refuses a database holding rows unless forced, then replaces it', () => {
    expect(() => planRestore({ backup: level(300), known, current: 300, tablesWithRows: ['offices', 'requests'], force: false })).toThrow(
      expect.objectContaining({ code: 'backup_target_not_empty', params: { tables: 'offices, requests' } }),
    );
    expect(planRestore({ backup: level(300), known, current: 300, tablesWithRows: ['offices'], force: true })).toEqual({ reset: true, apply: [100, 200, 300] });
  });

  it('refuses a backup from a newer build, and one with a migration this build never had', () => {
    expect(() => planRestore({ backup: level(400, '0003_future'), known, current: null, tablesWithRows: [], force: true })).toThrow(
      expect.objectContaining({ code: 'backup_newer', params: { backup: '0003_future', known: '0002_requests' } }),
    );
    expect(() => planRestore({ backup: level(250, '0001_branch'), known, current: null, tablesWithRows: [], force: false })).toThrow(
      expect.objectContaining({ code: 'backup_unknown_migration' }),
    );
  });
});

describe('the archive file', () => {
  it('reads back what it wrote, entry by entry, including empty and block-sized ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-archive-'));
    try {
      const file = path.join(dir, 'a.tar');
      const out = fs.createWriteStream(file);
      const writer = archiveWriter(out);
      const parts: [string, Buffer][] = [
        ['db/001-offices.jsonl.gz', Buffer.from('x'.repeat(700))],
        ['empty', Buffer.alloc(0)],
        ['files/ab/block', Buffer.alloc(512, 7)],
      ];
      for (const [name, data] of parts) await writer.addBuffer(name, data);
      const { bytes } = await writer.finish();
      await new Promise((resolve) => out.end(resolve));
      expect(fs.statSync(file).size).toBe(bytes);
      const archive = await openArchive(file);
      expect([...archive.entries.keys()]).toEqual(parts.map(([name]) => name));
      for (const [name, data] of parts) {
        expect((await archive.read(archive.entries.get(name)!)).equals(data)).toBe(true);
        const chunks: Buffer[] = [];
        for await (const chunk of archive.stream(archive.entries.get(name)!)) chunks.push(chunk as Buffer);
        expect(Buffer.concat(chunks).equals(data)).toBe(true);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses names that could escape an extraction directory', async () => {
    const writer = archiveWriter(fs.createWriteStream(os.devNull));
    await expect(writer.addBuffer('../etc/passwd', Buffer.from('x'))).rejects.toThrow(/unsupported archive entry name/);
    await expect(writer.addBuffer('/abs', Buffer.from('x'))).rejects.toThrow(/unsupported archive entry name/);
  });

  it('refuses a file that is not a Kencot archive', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-archive-'));
    try {
      const file = path.join(dir, 'not.tar');
      fs.writeFileSync(file, Buffer.from('PK\u0003\u0004 this is a zip file, not a backup'.padEnd(2048, ' ')));
      await expect(openArchive(file)).rejects.toMatchObject({ code: 'backup_damaged', params: { detail: 'header at byte 0' } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

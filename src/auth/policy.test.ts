import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize, may, OPERATIONS, roleMay, WHOLE_REGENCY, type Operation, type StaffActor } from './policy.js';
import { ROLES, type Role } from './roles.js';

const operations = Object.keys(OPERATIONS) as Operation[];

/** The intended matrix, written out by hand so a careless edit of OPERATIONS shows up here. */
const EXPECTED: Record<Role, Operation[]> = {
  camat: ['complaint.handle', 'complaint.figures', 'office.read', 'staff.read', 'audit.read', 'file.upload', 'file.read', 'request.read', 'request.create', 'request.verify', 'whatsapp.inbox', 'personal_data.manage', 'outage.record', 'outage.read', 'reading_corner.manage', 'reading_corner.figures', 'children.read', 'children.import', 'coverage.read', 'survey.read', 'delivery.settings', 'jemput_bola.read'],
  sekcam: ['complaint.handle', 'complaint.figures', 'office.read', 'staff.read', 'audit.read', 'file.upload', 'file.read', 'request.read', 'request.create', 'request.verify', 'whatsapp.inbox', 'personal_data.manage', 'outage.record', 'outage.read', 'reading_corner.manage', 'reading_corner.figures', 'children.read', 'children.import', 'coverage.read', 'survey.read', 'delivery.settings', 'jemput_bola.read'],
  kasi: ['complaint.handle', 'complaint.figures', 'office.read', 'staff.read', 'audit.read', 'file.upload', 'file.read', 'request.read', 'request.create', 'request.verify', 'request.process', 'request.hand_over', 'whatsapp.inbox', 'personal_data.manage', 'outage.record', 'outage.read', 'reading_corner.manage', 'reading_corner.figures', 'children.read', 'children.import', 'coverage.read', 'survey.read', 'delivery.settings', 'visit.manage', 'jemput_bola.read', 'jemput_bola.manage', 'jemput_bola.approve', 'delivery.oversee'],
  operator: ['complaint.handle', 'complaint.figures', 'office.read', 'file.upload', 'file.read', 'request.read', 'request.create', 'request.verify', 'request.process', 'request.hand_over', 'whatsapp.inbox', 'outage.read', 'reading_corner.manage', 'reading_corner.figures', 'children.read', 'children.import', 'coverage.read', 'visit.manage', 'jemput_bola.read', 'jemput_bola.manage', 'delivery.oversee'],
  kurir: ['office.read', 'request.read', 'request.hand_over', 'delivery.run'],
  admin: ['office.read', 'office.settings.update', 'staff.read', 'staff.manage', 'audit.read', 'catalogue.update', 'calendar.update', 'delivery.settings'],
  kabupaten: ['complaint.figures', 'office.read', 'audit.read', 'request.read', 'outage.read', 'reading_corner.figures', 'coverage.read', 'survey.read'],
};

const actor = (role: Role, officeCode: string | null = '33.02.20'): StaffActor => ({
  kind: 'staff',
  userId: 'u1',
  role,
  officeCode: role === 'kabupaten' ? null : officeCode,
  regencyCode: '33.02',
});

describe('role × operation matrix', () => {
  for (const role of ROLES) {
    for (const operation of operations) {
      const allowed = EXPECTED[role].includes(operation);
      it(`${role} ${allowed ? 'may' : 'may not'} ${operation}`, () => {
        expect(roleMay(role, operation)).toBe(allowed);
        if (allowed) expect(() => authorize(actor(role), operation, { officeCode: '33.02.20' })).not.toThrow();
        else expect(() => authorize(actor(role), operation, { officeCode: '33.02.20' })).toThrow(/forbidden/);
      });
    }
  }
});

describe('office reach', () => {
  it('no office role reaches another office, whatever the operation', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES.filter((r) => r !== 'kabupaten')), fc.constantFrom(...operations), (role, operation) => {
        expect(may(actor(role, '33.02.20'), operation, { officeCode: '33.02.21' })).toBe(false);
      }),
    );
  });

  it('the regency role reads every office of its own regency and none elsewhere', () => {
    const regency = actor('kabupaten');
    expect(may(regency, 'request.read', { officeCode: '33.02.01' })).toBe(true);
    expect(may(regency, 'request.read', { officeCode: '33.02.27' })).toBe(true);
    expect(may(regency, 'request.read', { officeCode: '33.03.01' })).toBe(false);
    expect(may(regency, 'request.verify', { officeCode: '33.02.20' })).toBe(false);
    expect(may(regency, 'request.read', { officeCode: WHOLE_REGENCY })).toBe(true);
    expect(may(actor('camat'), 'request.read', { officeCode: WHOLE_REGENCY })).toBe(false);
  });
});

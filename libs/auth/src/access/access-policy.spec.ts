import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/http';
import type { Role } from '@app/users';
import type { Principal, UserPrincipal } from '../principal';
import { AccessPolicy } from './access-policy';
import { EditionFacts, IncidentItemTarget, Permission } from './permission';

const OWN = 101;
const FOREIGN = 851;
const STATUSES = ['draft', 'open', 'closed', 'published'] as const;
const ROLES: Role[] = ['platform_admin', 'kl_analyst', 'cert_analyst', 'municipality_officer'];

const user = (role: Role): Principal => ({
  kind: 'user',
  id: `u-${role}`,
  email: `${role}@example.dk`,
  displayName: role,
  role,
  municipalityCode: role === 'municipality_officer' ? OWN : null,
});
const apiKey: Principal = { kind: 'api_key', id: 'k', name: 'ESDH', prefix: 'bl_abc', municipalityCode: OWN };
const callers: Array<[string, Principal]> = [
  ...ROLES.map((r): [string, Principal] => [r, user(r)]),
  ['api_key', apiKey],
];
const edition = (status: EditionFacts['status']): EditionFacts => ({ id: `e-${status}`, year: 2025, status });

/** The error code a refusal carries, or 'allowed'. */
const codeOf = (fn: () => void): ErrorCode | 'allowed' => {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe(AccessPolicy.name, () => {
  const policy = new AccessPolicy();

  describe('edition permissions, every caller × every status', () => {
    // Expected access per caller, in the order draft, open, closed, published.
    const expected: Record<string, Record<'read' | 'statistics' | 'report', boolean[]>> = {
      platform_admin: {
        read: [false, true, true, true],
        statistics: [false, false, false, true],
        report: [false, false, false, true],
      },
      kl_analyst: {
        read: [true, true, true, true],
        statistics: [false, false, true, true],
        report: [false, false, false, true],
      },
      cert_analyst: {
        read: [false, true, true, true],
        statistics: [false, false, false, true],
        report: [false, false, false, true],
      },
      municipality_officer: {
        read: [false, true, true, true],
        statistics: [false, false, false, true],
        report: [false, false, false, true],
      },
      api_key: {
        read: [false, true, true, true],
        statistics: [false, false, false, true],
        report: [false, false, false, true],
      },
    };
    const permissions = {
      read: Permission.EditionRead,
      statistics: Permission.StatisticsRead,
      report: Permission.ReportRead,
    } as const;

    for (const [name, principal] of callers) {
      for (const [kind, permission] of Object.entries(permissions) as Array<
        [keyof typeof permissions, Permission.EditionRead]
      >) {
        STATUSES.forEach((status, i) => {
          const allowed = expected[name][kind][i];
          it(`${name} ${allowed ? 'may' : 'may not'} ${kind} a ${status} edition`, () => {
            expect(policy.canAccess(principal, permission, { edition: edition(status) })).toBe(allowed);
          });
        });
      }
    }
  });

  it('answers a hidden draft with the 404 of an unknown id, and closed statistics or reports with their 404', () => {
    const officer = user('municipality_officer');
    expect(() =>
      policy.requireAccess(officer, Permission.EditionRead, { edition: edition('draft') }),
    ).toThrow(new NotFoundException('Edition e-draft not found'));
    expect(() =>
      policy.requireAccess(officer, Permission.StatisticsRead, { edition: edition('closed') }),
    ).toThrow(new NotFoundException('No published statistics for edition 2025'));
    expect(() =>
      policy.requireAccess(user('kl_analyst'), Permission.ReportRead, { edition: edition('closed') }),
    ).toThrow(new NotFoundException('Edition 2025 has no published reports'));
  });

  describe('municipality permissions, every caller × own and foreign municipality', () => {
    // Expected access per caller: [own municipality, foreign municipality].
    const ownOnly = { municipality_officer: [true, false] };
    const cases: Array<[Permission, Record<string, boolean[]>, string]> = [
      [
        Permission.MunicipalityStatisticsRead,
        ownOnly,
        "Only the municipality's own security officers can see its scores",
      ],
      [
        Permission.MunicipalityReportRead,
        ownOnly,
        "Only the municipality's own security officers can get its report",
      ],
      [
        Permission.MunicipalityResponseWrite,
        ownOnly,
        "Only the municipality's own security officers can read or change its response",
      ],
      [
        Permission.MunicipalityOfficersRead,
        {
          platform_admin: [true, true],
          kl_analyst: [true, true],
          cert_analyst: [true, true],
          municipality_officer: [true, false],
          api_key: [true, true],
        },
        'You can only see your own municipality',
      ],
    ];
    for (const [permission, table, message] of cases) {
      for (const [name, principal] of callers) {
        const [own, foreign] = table[name] ?? [false, false];
        it(`${permission}: ${name} own ${own}, foreign ${foreign}`, () => {
          const p = permission as Permission.MunicipalityReportRead;
          expect(policy.canAccess(principal, p, { municipalityCode: OWN })).toBe(own);
          expect(policy.canAccess(principal, p, { municipalityCode: FOREIGN })).toBe(foreign);
          if (!foreign) {
            expect(() => policy.requireAccess(principal, p, { municipalityCode: FOREIGN })).toThrow(
              new ForbiddenException(message),
            );
          }
        });
      }
    }
  });

  it("takes the municipality of a response from the officer's sign-in, and refuses anyone without one", () => {
    expect(
      policy.requireOwnMunicipality(user('municipality_officer'), Permission.MunicipalityResponseWrite),
    ).toBe(OWN);
    // An officer without a municipality cannot exist (a database check), but is refused all the same.
    const stray: Principal = { ...(user('municipality_officer') as UserPrincipal), municipalityCode: null };
    for (const p of [user('kl_analyst'), user('platform_admin'), apiKey, stray]) {
      expect(() => policy.requireOwnMunicipality(p, Permission.MunicipalityResponseWrite)).toThrow(
        ForbiddenException,
      );
    }
  });

  describe('incident permissions, every caller', () => {
    const FORBIDDEN = ErrorCode.FORBIDDEN;
    const NOT_FOUND = ErrorCode.INCIDENT_NOT_FOUND;
    const certOnly = { cert_analyst: true };

    // [the log, an own incident, a foreign incident]: KL and the administrator see no incident (403);
    // an officer or API key is told a foreign incident does not exist (404), as an unknown id.
    const reads: Record<string, Array<ErrorCode | 'allowed'>> = {
      platform_admin: [FORBIDDEN, FORBIDDEN, FORBIDDEN],
      kl_analyst: [FORBIDDEN, FORBIDDEN, FORBIDDEN],
      cert_analyst: ['allowed', 'allowed', 'allowed'],
      municipality_officer: ['allowed', 'allowed', NOT_FOUND],
      api_key: ['allowed', 'allowed', NOT_FOUND],
    };
    for (const [name, principal] of callers) {
      it(`${Permission.IncidentRead}: ${name} ${reads[name].join(', ')}`, () => {
        const read = (municipalityCode: number | null) => () =>
          policy.requireAccess(principal, Permission.IncidentRead, { municipalityCode });
        expect([codeOf(read(null)), codeOf(read(OWN)), codeOf(read(FOREIGN))]).toEqual(reads[name]);
      });

      it(`incident scope of ${name}`, () => {
        if (reads[name][0] !== 'allowed') {
          expect(codeOf(() => policy.incidentScope(principal))).toBe(FORBIDDEN);
        } else {
          expect(policy.incidentScope(principal)).toEqual(
            name === 'cert_analyst' ? { all: true } : { all: false, municipalityCode: OWN },
          );
        }
      });

      it(`${name} reports for its own municipality only, KommuneCERT for any`, () => {
        const own = policy.canAccess(principal, Permission.IncidentReport, { municipalityCode: OWN });
        const foreign = policy.canAccess(principal, Permission.IncidentReport, { municipalityCode: FOREIGN });
        expect([own, foreign]).toEqual(
          name === 'cert_analyst'
            ? [true, true]
            : name === 'municipality_officer' || name === 'api_key'
              ? [true, false]
              : [false, false],
        );
      });

      it(`${name} ${certOnly[name as 'cert_analyst'] ? 'may' : 'may not'} triage, assign, move and export incidents`, () => {
        const cert = certOnly[name as 'cert_analyst'] ?? false;
        expect(policy.canAccess(principal, Permission.IncidentTriage, { field: 'severity' })).toBe(cert);
        expect(policy.canAccess(principal, Permission.IncidentAssign, {})).toBe(cert);
        expect(policy.canAccess(principal, Permission.IncidentTransition, {})).toBe(cert);
        expect(policy.canAccess(principal, Permission.IncidentExport, { what: 'list' })).toBe(cert);
        expect(policy.canAccess(principal, Permission.IncidentExport, { what: 'misp' })).toBe(cert);
        expect(policy.canAccess(principal, Permission.IncidentExport, { what: 'statistics' })).toBe(cert);
        expect(policy.canAccess(principal, Permission.IncidentExport, { what: 'mapping' })).toBe(cert);
        if (!cert) {
          expect(() =>
            policy.requireAccess(principal, Permission.IncidentTriage, { field: 'severity' }),
          ).toThrow(new DomainError(FORBIDDEN, 'Only KommuneCERT sets severity'));
        }
      });

      it(`${name} ${certOnly[name as 'cert_analyst'] ? 'sees' : 'does not see'} internal and TLP:RED items`, () => {
        const cert = certOnly[name as 'cert_analyst'] ?? false;
        const items: Array<[IncidentItemTarget, boolean]> = [
          [{ internal: false, tlp: null }, true],
          [{ internal: false, tlp: 'amber+strict' }, true],
          [{ internal: false, tlp: 'red' }, cert],
          [{ internal: true, tlp: null }, cert],
          [{ internal: true, tlp: 'green' }, cert],
        ];
        for (const [item, sees] of items) {
          expect(policy.canAccess(principal, Permission.IncidentRestrictedRead, item)).toBe(sees);
        }
        expect(policy.seesRestrictedIncidentItems(principal)).toBe(cert);
        // Writing: an internal item is KommuneCERT's; a shared one anybody's who may see the incident.
        const write = (internal: boolean) =>
          policy.canAccess(principal, Permission.IncidentInternalWrite, {
            internal,
            tlp: null,
            what: 'comments',
          });
        expect([write(false), write(true)]).toEqual([true, cert]);
      });
    }

    it('answers an attachment hidden from the caller as an unknown one, and names what is refused', () => {
      const officer = user('municipality_officer');
      expect(
        codeOf(() =>
          policy.requireAccess(officer, Permission.IncidentRestrictedRead, { internal: false, tlp: 'red' }),
        ),
      ).toBe(ErrorCode.INCIDENT_ATTACHMENT_NOT_FOUND);
      expect(() =>
        policy.requireAccess(officer, Permission.IncidentInternalWrite, {
          internal: true,
          tlp: null,
          what: 'attachments',
        }),
      ).toThrow('Only KommuneCERT adds internal attachments');
    });
  });

  describe('advisory permissions, every caller (the rule table of issue 12, item 1)', () => {
    // Per caller: reads the advisories at all; reads one sent to its municipality; one not sent to it;
    // writes; answers one sent to it; sees the response matrix.
    const table: Record<string, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
      platform_admin: [false, false, false, false, false, false],
      kl_analyst: [false, false, false, false, false, false],
      cert_analyst: [true, true, true, true, false, true],
      municipality_officer: [true, true, false, false, true, false],
      api_key: [true, true, false, false, false, false],
    };
    for (const [name, principal] of callers) {
      it(`${name}: ${table[name].join(', ')}`, () => {
        expect([
          policy.canAccess(principal, Permission.AdvisoryRead, { sentToCaller: null }),
          policy.canAccess(principal, Permission.AdvisoryRead, { sentToCaller: true }),
          policy.canAccess(principal, Permission.AdvisoryRead, { sentToCaller: false }),
          policy.canAccess(principal, Permission.AdvisoryWrite, { action: 'writes advisories' }),
          policy.canAccess(principal, Permission.AdvisoryRespond, { sentToCaller: true }),
          policy.canAccess(principal, Permission.AdvisoryResponsesRead, {}),
        ]).toEqual(table[name]);
      });
    }

    it('answers an advisory not sent to the municipality as an unknown one; KL and admin get 403', () => {
      const officer = user('municipality_officer');
      expect(
        codeOf(() => policy.requireAccess(officer, Permission.AdvisoryRead, { sentToCaller: false })),
      ).toBe(ErrorCode.ADVISORY_NOT_FOUND);
      expect(
        codeOf(() => policy.requireAccess(apiKey, Permission.AdvisoryRead, { sentToCaller: false })),
      ).toBe(ErrorCode.ADVISORY_NOT_FOUND);
      expect(
        codeOf(() => policy.requireAccess(officer, Permission.AdvisoryRespond, { sentToCaller: false })),
      ).toBe(ErrorCode.ADVISORY_NOT_FOUND);
      expect(
        codeOf(() => policy.requireAccess(apiKey, Permission.AdvisoryRespond, { sentToCaller: true })),
      ).toBe(ErrorCode.FORBIDDEN);
      for (const role of ['kl_analyst', 'platform_admin'] as const)
        expect(codeOf(() => policy.advisoryScope(user(role)))).toBe(ErrorCode.FORBIDDEN);
      expect(policy.advisoryScope(user('cert_analyst'))).toEqual({ all: true });
      expect(policy.advisoryScope(officer)).toEqual({ all: false, municipalityCode: OWN });
      expect(policy.advisoryScope(apiKey)).toEqual({ all: false, municipalityCode: OWN });
    });
  });

  describe('incident statistics, every caller', () => {
    // Who reads which figures: [reads the K-suppressed ones, reads every figure unsuppressed].
    const expected: Record<string, [boolean, boolean]> = {
      platform_admin: [true, false],
      kl_analyst: [true, false],
      cert_analyst: [true, true],
      municipality_officer: [true, false],
      api_key: [false, false],
    };
    it.each(callers)('%s', (name, principal) => {
      expect([
        policy.canAccess(principal, Permission.IncidentStatisticsRead, {}),
        policy.canAccess(principal, Permission.IncidentStatisticsAllRead, {}),
      ]).toEqual(expected[name]);
    });

    it('gives KommuneCERT all, an officer its own municipality beside the aggregates, KL and admin none', () => {
      expect(policy.incidentStatisticsView(user('cert_analyst'))).toEqual({ all: true });
      expect(policy.incidentStatisticsView(user('municipality_officer'))).toEqual({
        all: false,
        ownMunicipality: OWN,
      });
      for (const role of ['kl_analyst', 'platform_admin'] as const)
        expect(policy.incidentStatisticsView(user(role))).toEqual({ all: false, ownMunicipality: null });
      expect(() => policy.incidentStatisticsView(apiKey)).toThrow(ForbiddenException);
    });
  });

  describe('user administration', () => {
    it.each(callers)('%s manages the accounts of exactly these roles', (name, principal) => {
      const managed = ROLES.filter((role) => policy.canAccess(principal, Permission.UserManage, { role }));
      const expected: Record<string, Role[]> = {
        platform_admin: ROLES,
        kl_analyst: ['municipality_officer'],
        cert_analyst: [],
        municipality_officer: [],
        api_key: [],
      };
      expect(managed).toEqual(expected[name]);
      if (managed.length === 0) {
        expect(codeOf(() => policy.manageableUserRoles(principal))).toBe(ErrorCode.FORBIDDEN);
      } else {
        expect(policy.manageableUserRoles(principal)).toEqual(managed);
      }
    });

    it("refuses KL another KL analyst's account with a 403 code", () => {
      expect(
        codeOf(() => policy.requireAccess(user('kl_analyst'), Permission.UserManage, { role: 'kl_analyst' })),
      ).toBe(ErrorCode.FORBIDDEN);
    });
  });
});

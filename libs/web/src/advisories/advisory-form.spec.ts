import { advisoryFormFields, formFieldOf, parseAdvisoryForm, splitCveIds } from './advisory-form';

const now = new Date('2026-12-01T10:00:00Z');
const filled = (overrides: Record<string, unknown> = {}) =>
  advisoryFormFields({
    title: ' Kritisk sårbarhed ',
    summary: 'Opdatér straks.',
    body: 'Detaljer.',
    severity: 'critical',
    tlp: 'green',
    products: 'PAN-OS 10.2\r\n\r\nPAN-OS 11.0\n',
    cveIds: 'cve-2024-3400, CVE-2024-3401',
    recommendedActions: 'Patch.',
    respondDate: '2026-12-03',
    respondTime: '16:00',
    audience: 'udvalgte',
    regions: '1081',
    municipalities: ['151', '101'],
    ...overrides,
  });

describe('the new-advisory form', () => {
  it('makes the API body: trimmed text, products per line, CVE ids upper-cased, Danish time, the chosen codes', () => {
    const parsed = parseAdvisoryForm(filled(), now);
    expect(parsed).toEqual({
      ok: true,
      dto: expect.objectContaining({
        title: 'Kritisk sårbarhed',
        products: ['PAN-OS 10.2', 'PAN-OS 11.0'],
        cveIds: ['CVE-2024-3400', 'CVE-2024-3401'],
        respondBy: '2026-12-03T16:00:00+01:00',
        audience: { municipalityCodes: [151, 101], regionCodes: [1081] },
      }),
    });
    const all = parseAdvisoryForm(filled({ audience: 'alle' }), now);
    expect(all.ok && all.dto.audience).toEqual({ all: true });
  });

  it('names each problem beside its field, in Danish', () => {
    const parsed = parseAdvisoryForm(
      filled({
        title: ' ',
        cveIds: 'CVE-24-1',
        respondDate: '2026-11-30',
        audience: 'udvalgte',
        regions: [],
        municipalities: [],
        tlp: 'pink',
      }),
      now,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        title: 'Skriv en overskrift.',
        cveIds: 'CVE-24-1 er ikke et CVE-nummer. Skriv fx CVE-2024-3400.',
        respondDate: 'Svarfristen skal ligge i fremtiden.',
        audience: 'Vælg mindst én region eller kommune.',
        tlp: 'Vælg en TLP-mærkning.',
      },
    });
    const none = parseAdvisoryForm(filled({ products: '', cveIds: '' }), now);
    expect(none.ok ? null : none.errors.products).toBe('Angiv mindst ét berørt produkt eller ét CVE-nummer.');
  });

  it("maps the service's field names to the form's", () => {
    expect(formFieldOf('audience.municipalityCodes')).toBe('audience');
    expect(formFieldOf('respondBy')).toBe('respondDate');
    expect(formFieldOf('cveIds[0]')).toBe('cveIds');
    expect(formFieldOf('incidentIds')).toBeNull();
    expect(splitCveIds(' cve-2021-44228;CVE-2024-3400\n')).toEqual(['CVE-2021-44228', 'CVE-2024-3400']);
  });
});

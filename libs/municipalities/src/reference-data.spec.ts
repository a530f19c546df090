import { parseMunicipalitiesCsv, readMunicipalities } from './reference-data';

describe('reference data', () => {
  it('ships all 98 municipalities in the five regions', () => {
    const rows = readMunicipalities();
    expect(rows).toHaveLength(98);
    const perRegion = rows.reduce<Record<number, number>>((acc, r) => {
      acc[r.regionCode] = (acc[r.regionCode] ?? 0) + 1;
      return acc;
    }, {});
    expect(perRegion).toEqual({ 1081: 11, 1082: 19, 1083: 22, 1084: 29, 1085: 17 });
    expect(rows.find((r) => r.code === 151)).toMatchObject({ name: 'Ballerup', regionCode: 1084 });
  });

  it('names the line of a malformed row', () => {
    const csv = 'code,name,region_code,region_name,population,population_year\n101,København,1084,R,x,2023';
    expect(() => parseMunicipalitiesCsv(csv)).toThrow(/line 2/);
  });
});

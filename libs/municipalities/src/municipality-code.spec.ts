import { BadRequestException } from '@nestjs/common';
import { isMunicipalityCode, MunicipalityCodePipe, parseMunicipalityCode } from './municipality-code';
import { readMunicipalities } from './reference-data';

describe(MunicipalityCodePipe.name, () => {
  const pipe = new MunicipalityCodePipe();
  const asParam = { type: 'param', data: 'code' } as const;

  it('passes a code given as text or as the number the validation pipe made of it', () => {
    expect(pipe.transform('151', asParam)).toBe(151);
    expect(pipe.transform(860, asParam)).toBe(860);
  });

  it.each(['32768', '1e9', '99', '1000', '-151', '151.5', 'x', '', 32768, 1e9, NaN, 151.5])(
    'refuses %j with a 400 naming the parameter',
    (value) => {
      expect(() => pipe.transform(value, asParam)).toThrow(BadRequestException);
      expect(() => pipe.transform(value, asParam)).toThrow(/^path\.code must be a municipality code/);
    },
  );

  it('names a query parameter as such', () => {
    expect(() => pipe.transform('1e9', { type: 'query', data: 'kommune' })).toThrow(/^query\.kommune /);
  });
});

describe(isMunicipalityCode.name, () => {
  it('holds for every shipped municipality', () => {
    expect(readMunicipalities().every((m) => isMunicipalityCode(m.code))).toBe(true);
  });

  it('parses only three digits', () => {
    expect(['101', '0151', ' 151', '1e2', '100'].map(parseMunicipalityCode)).toEqual([
      101,
      null,
      null,
      null,
      100,
    ]);
  });
});

import { isRsitPair, RSIT_CLASSES, RSIT_TAXONOMY, rsitProblem } from './rsit';

describe('RSIT taxonomy', () => {
  it('has the eleven classes of RSIT v1003 with the 39 types listed in rsit.md', () => {
    expect(RSIT_CLASSES).toHaveLength(11);
    expect(Object.values(RSIT_TAXONOMY).flat()).toHaveLength(39);
  });

  it('accepts a type of its own class only', () => {
    expect(isRsitPair('fraud', 'phishing')).toBe(true);
    expect(isRsitPair('availability', 'misconfiguration')).toBe(true);
    expect(isRsitPair('intrusions', 'phishing')).toBe(false);
    expect(isRsitPair('toString', 'phishing')).toBe(false);
  });

  it('names the field that is wrong', () => {
    expect(rsitProblem('fraud', 'phishing')).toBeNull();
    expect(rsitProblem('fraudulent', 'phishing')).toMatchObject({ field: 'rsitClass' });
    expect(rsitProblem('fraud', 'ddos')).toEqual({
      field: 'rsitType',
      problem:
        'must be a type of class fraud: unauthorised-use-of-resources, copyright, masquerade, phishing',
      reason: 'TYPE_NOT_OF_CLASS',
    });
  });
});

import { INTAKE_WHAT_HAPPENED, IntakeWhatHappened, suggestRsit } from './intake-suggestion';
import { isRsitPair } from './rsit';

describe('intake suggestion', () => {
  it('suggests a valid RSIT pair for every combination of answers', () => {
    for (const whatHappened of Object.keys(INTAKE_WHAT_HAPPENED) as IntakeWhatHappened[]) {
      for (const personalDataInvolved of [true, false]) {
        for (const systemsDown of [true, false]) {
          const s = suggestRsit({ whatHappened, personalDataInvolved, systemsDown });
          expect(isRsitPair(s.rsitClass, s.rsitType)).toBe(true);
        }
      }
    }
  });

  it('reads the answers the way an analyst would', () => {
    const no = { personalDataInvolved: false, systemsDown: false };
    expect(suggestRsit({ whatHappened: 'phishing', ...no })).toEqual({
      rsitClass: 'fraud',
      rsitType: 'phishing',
    });
    expect(suggestRsit({ whatHappened: 'wrong-recipient', ...no, personalDataInvolved: true })).toEqual({
      rsitClass: 'information-content-security',
      rsitType: 'data-leak',
    });
    expect(suggestRsit({ whatHappened: 'malware', ...no, systemsDown: true }).rsitType).toBe(
      'unauthorised-information-modification',
    );
    expect(suggestRsit({ whatHappened: 'malware', ...no }).rsitType).toBe('infected-system');
    expect(suggestRsit({ whatHappened: 'not-sure', ...no })).toEqual({
      rsitClass: 'other',
      rsitType: 'undetermined',
    });
    expect(suggestRsit({ whatHappened: 'not-sure', ...no, systemsDown: true }).rsitClass).toBe(
      'availability',
    );
  });
});

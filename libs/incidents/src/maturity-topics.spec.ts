import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATURITY_TOPICS, maturityTopicsOf } from './maturity-topics';

const questionnaire = JSON.parse(
  readFileSync(join(__dirname, '../../surveys/questionnaires/baseline.questionnaire.json'), 'utf8'),
) as { areas: Array<{ questions: Array<{ key: string; type: string }> }> };
const scaleKeys = new Set(
  questionnaire.areas.flatMap((a) => a.questions.filter((q) => q.type === 'scale').map((q) => q.key)),
);

describe(maturityTopicsOf.name, () => {
  it.each([
    ['fraud', 'phishing', ['awareness', 'mfa']],
    ['malicious-code', 'infected-system', ['backup', 'patching', 'mfa']],
    ['intrusions', 'system-compromise', ['backup', 'patching', 'mfa']],
    ['information-content-security', 'unauthorised-information-modification', ['backup', 'patching', 'mfa']],
    ['information-content-security', 'unauthorised-information-access', ['access-control']],
    ['intrusions', 'privileged-account-compromise', ['access-control', 'mfa']],
    ['availability', 'ddos', []],
    ['other', 'undetermined', []],
  ])('relates %s/%s to %j', (rsitClass, rsitType, topics) => {
    expect(maturityTopicsOf(rsitClass, rsitType)).toEqual(topics);
  });

  it('names only maturity-scale questions of the Baseline questionnaire', () => {
    for (const topic of Object.values(MATURITY_TOPICS))
      for (const key of topic.questionKeys)
        expect({ key, scale: scaleKeys.has(key) }).toEqual({ key, scale: true });
  });
});

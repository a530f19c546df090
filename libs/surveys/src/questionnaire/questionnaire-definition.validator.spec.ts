import {
  InvalidQuestionnaireError,
  loadQuestionnaire,
  parseQuestionnaire,
} from './questionnaire-definition.validator';

describe('questionnaire definition', () => {
  const baseline = loadQuestionnaire();

  it('ships a Baseline questionnaire with the NIS2 areas, 60+ scored questions and the focus areas', () => {
    const questions = baseline.areas.flatMap((a) => a.questions);
    expect(
      baseline.areas.filter((a) => a.questions.some((q) => q.type === 'scale')).length,
    ).toBeGreaterThanOrEqual(10);
    expect(questions.filter((q) => q.type === 'scale').length).toBeGreaterThanOrEqual(60);
    expect(
      questions
        .filter((q) => q.focusArea)
        .map((q) => q.key)
        .sort(),
    ).toEqual([
      'access.mfa',
      'endpoint.disk-encryption',
      'endpoint.user-software-install',
      'iot.default-config',
      'mobile.mdm',
    ]);
    expect(questions.find((q) => q.key === 'incidents.attacks-per-day')).toMatchObject({
      type: 'number',
      min: 0,
    });
    expect(questions.find((q) => q.key === 'incidents.breaches-last-year')).toMatchObject({ type: 'number' });
    expect(baseline.scale.levels.map((l) => l.label.da)).toEqual(
      expect.arrayContaining(['Ad hoc', 'Optimeret']),
    );
  });

  function broken(mutate: (d: ReturnType<typeof loadQuestionnaire>) => void): string[] {
    const copy = structuredClone(baseline);
    mutate(copy);
    try {
      parseQuestionnaire(JSON.stringify(copy), 'test');
    } catch (e) {
      if (e instanceof InvalidQuestionnaireError) return e.problems;
      throw e;
    }
    return [];
  }

  it('names the area and question of a schema error', () => {
    const problems = broken((d) => {
      (d.areas[2].questions[1] as { type: string }).type = 'slider';
    });
    expect(problems.join('\n')).toContain(
      `area '${baseline.areas[2].key}', question '${baseline.areas[2].questions[1].key}': type`,
    );
  });

  it('names duplicate keys, missing options and scored non-scale questions', () => {
    const problems = broken((d) => {
      d.areas[1].questions[0].key = d.areas[0].questions[0].key;
      const choice = d.areas.flatMap((a) => a.questions).find((q) => q.type === 'single_choice')!;
      delete choice.options;
      const yesNo = d.areas.flatMap((a) => a.questions).find((q) => q.type === 'yes_no')!;
      yesNo.weight = 1;
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        `question '${baseline.areas[0].questions[0].key}': key is used twice`,
        expect.stringMatching(/a single_choice question needs options/),
        expect.stringMatching(/only scale questions are scored/),
      ]),
    );
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseQuestionnaire('{ nope', 'x.json')).toThrow(/not valid JSON/);
  });
});

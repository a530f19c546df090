import {
  answerInput,
  fieldStateFromAnswer,
  fieldStateFromForm,
  parseDanishNumber,
  Question,
  seenDigest,
} from './answer-form';

const question = (over: Partial<Question>): Question =>
  ({
    key: 'x.y',
    type: 'scale',
    text: { da: 'Spørgsmål' },
    help: null,
    required: true,
    allowNotApplicable: false,
    ...over,
  }) as Question;

describe('answer-form', () => {
  it('reads numbers the way Danes write them, and passes anything else on unchanged', () => {
    expect(parseDanishNumber('2,5')).toBe(2.5);
    expect(parseDanishNumber('1.000')).toBe(1000);
    expect(parseDanishNumber('1.000.000,25')).toBe(1000000.25);
    expect(parseDanishNumber('1.5')).toBe(1.5);
    expect(parseDanishNumber(' -5 ')).toBe(-5);
    expect(parseDanishNumber('mange')).toBe('mange');
  });

  it('turns a posted area form into typed answers; an untouched question becomes an empty answer', () => {
    const form = {
      'value:a': '3',
      'comment:a': '  Godkendt  ',
      'value:b': 'nej',
      'value:c': ['x', 'z'],
      'na:d': '1',
      'value:e': '12,5',
    };
    const a = question({ key: 'a', type: 'scale' });
    const b = question({ key: 'b', type: 'yes_no' });
    const c = question({ key: 'c', type: 'multi_choice' });
    const d = question({ key: 'd', type: 'scale', allowNotApplicable: true });
    const e = question({ key: 'e', type: 'number' });
    const f = question({ key: 'f', type: 'single_choice' });
    expect([a, b, c, d, e, f].map((q) => answerInput(q, fieldStateFromForm(q, form)))).toEqual([
      { questionKey: 'a', value: 3, comment: 'Godkendt' },
      { questionKey: 'b', value: false, comment: null },
      { questionKey: 'c', value: ['x', 'z'], comment: null },
      { questionKey: 'd', notApplicable: true, value: null, comment: null },
      { questionKey: 'e', value: 12.5, comment: null },
      { questionKey: 'f', value: null, comment: null },
    ]);
  });

  it('lets "Ikke relevant" replace a chosen level, which a form without JavaScript cannot clear', () => {
    const d = question({ key: 'd', type: 'scale', allowNotApplicable: true });
    const n = question({ key: 'n', type: 'number', allowNotApplicable: true });
    const form = {
      'value:d': '3',
      'na:d': '1',
      'value:n': '12',
      'na:n': '1',
      'comment:d': 'Ingen udvikling',
    };
    expect(answerInput(d, fieldStateFromForm(d, form))).toEqual({
      questionKey: 'd',
      notApplicable: true,
      value: null,
      comment: 'Ingen udvikling',
    });
    expect(answerInput(n, fieldStateFromForm(n, form))).toEqual({
      questionKey: 'n',
      notApplicable: true,
      value: null,
      comment: null,
    });
    // Unticked again, the chosen level counts.
    expect(answerInput(d, fieldStateFromForm(d, { 'value:d': '3' }))).toEqual({
      questionKey: 'd',
      value: 3,
      comment: null,
    });
  });

  it('shows stored answers as the strings the form posts', () => {
    const stored = (value: unknown) => ({
      questionKey: 'x.y',
      value,
      notApplicable: false,
      comment: null,
      updatedAt: new Date(),
    });
    expect(fieldStateFromAnswer(question({ type: 'number' }), stored(1500.5)).value).toBe('1.500,5');
    expect(fieldStateFromAnswer(question({ type: 'yes_no' }), stored(true)).value).toBe('ja');
    expect(fieldStateFromAnswer(question({ type: 'scale' }), stored(4)).value).toBe('4');
    expect(fieldStateFromAnswer(question({ type: 'scale' }), undefined)).toEqual({
      value: null,
      notApplicable: false,
      comment: '',
    });
  });

  it('fingerprints an answer as shown, so a posted field that still shows it is left out of the save', () => {
    const number = question({ type: 'number', integer: false });
    const shown = fieldStateFromAnswer(number, {
      questionKey: 'x.y',
      value: 2.5,
      notApplicable: false,
      comment: 'Ja',
      updatedAt: new Date(),
    });
    const posted = fieldStateFromForm(number, { 'value:x.y': '2,5', 'comment:x.y': ' Ja ' });
    expect(seenDigest(number, posted)).toBe(seenDigest(number, shown));
    const changed = fieldStateFromForm(number, { 'value:x.y': '2,6', 'comment:x.y': 'Ja' });
    expect(seenDigest(number, changed)).not.toBe(seenDigest(number, shown));

    const multi = question({ type: 'multi_choice', options: [] });
    const ab = fieldStateFromForm(multi, { 'value:x.y': ['a', 'b'] });
    expect(seenDigest(multi, ab)).toBe(seenDigest(multi, { ...ab, value: ['b', 'a'] }));

    const text = question({ type: 'text' });
    const crlf = fieldStateFromForm(text, { 'value:x.y': 'to\r\nlinjer' });
    expect(seenDigest(text, crlf)).toBe(seenDigest(text, { ...crlf, value: 'to\nlinjer' }));
  });
});

import request from 'supertest';

type Http = Parameters<typeof request>[0];

export interface QuestionnaireQuestion {
  key: string;
  type: string;
  required: boolean;
  allowNotApplicable: boolean;
  scored: boolean;
  min?: number | null;
  options?: Array<{ value: string }>;
}

export async function createEdition(http: Http, klToken: string, year: number, copyFrom?: string) {
  const res = await request(http)
    .post('/api/v1/editions')
    .auth(klToken, { type: 'bearer' })
    .send({ year, title: `Baseline ${year}`, ...(copyFrom ? { copyFrom } : {}) })
    .expect(201);
  return res.body as { id: string; year: number; status: string };
}

export async function openEdition(
  http: Http,
  klToken: string,
  id: string,
  closesAt = new Date(Date.now() + 30 * 86_400_000),
) {
  await request(http)
    .post(`/api/v1/editions/${id}/open`)
    .auth(klToken, { type: 'bearer' })
    .send({ closesAt })
    .expect(200);
}

export async function questionsOf(http: Http, token: string, id: string): Promise<QuestionnaireQuestion[]> {
  const res = await request(http)
    .get(`/api/v1/editions/${id}/questionnaire`)
    .auth(token, { type: 'bearer' })
    .expect(200);
  return (res.body.areas as Array<{ questions: QuestionnaireQuestion[] }>).flatMap((a) => a.questions);
}

/** A valid answer for any question, so a test can complete a response. */
export function validAnswer(q: QuestionnaireQuestion, level = 3) {
  switch (q.type) {
    case 'scale':
      return { questionKey: q.key, value: level };
    case 'yes_no':
      return { questionKey: q.key, value: true };
    case 'number':
      return { questionKey: q.key, value: q.min ?? 0 };
    case 'single_choice':
      return { questionKey: q.key, value: q.options![0].value };
    case 'multi_choice':
      return { questionKey: q.key, value: [q.options![0].value] };
    default:
      return { questionKey: q.key, value: 'Intet at bemærke' };
  }
}

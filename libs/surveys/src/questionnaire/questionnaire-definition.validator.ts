import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ErrorObject } from 'ajv';
import type { QuestionnaireDefinition } from './questionnaire-definition';

const QUESTIONNAIRES_DIR = join(__dirname, '..', '..', 'questionnaires');
export const DEFAULT_QUESTIONNAIRE = join(QUESTIONNAIRES_DIR, 'baseline.questionnaire.json');

export class InvalidQuestionnaireError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid questionnaire ${source}:\n  ${problems.join('\n  ')}`);
  }
}

const ajv = new Ajv({ allErrors: true });
const validateShape = ajv.compile<QuestionnaireDefinition>(
  JSON.parse(readFileSync(join(QUESTIONNAIRES_DIR, 'questionnaire.schema.json'), 'utf8')),
);

/** "/areas/2/questions/4/type" → "area 'continuity', question 'backup.restore-test': type". */
function describePath(doc: unknown, error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1);
  const where: string[] = [];
  let node: unknown = doc;
  const rest: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    node = (node as Record<string, unknown> | undefined)?.[parts[i]];
    const key = (node as { key?: unknown } | undefined)?.key;
    if (parts[i - 1] === 'areas')
      where.push(`area ${typeof key === 'string' ? `'${key}'` : `#${Number(parts[i]) + 1}`}`);
    else if (parts[i - 1] === 'questions')
      where.push(`question ${typeof key === 'string' ? `'${key}'` : `#${Number(parts[i]) + 1}`}`);
    else if (parts[i] !== 'areas' && parts[i] !== 'questions') rest.push(parts[i]);
  }
  const field = rest.join('.');
  return `${where.join(', ') || 'document'}${field ? `: ${field}` : ''} ${error.message ?? 'is invalid'}`;
}

/** Rules a JSON schema cannot say: unique keys, options where needed, bounds in order, a contiguous scale. */
function semanticProblems(def: QuestionnaireDefinition): string[] {
  const problems: string[] = [];
  const seenAreas = new Set<string>();
  const seenQuestions = new Set<string>();
  const values = def.scale.levels.map((l) => l.value);
  if (values.some((v, i) => v !== i + 1)) problems.push('scale: levels must be numbered 1, 2, 3, … in order');
  for (const area of def.areas) {
    if (seenAreas.has(area.key)) problems.push(`area '${area.key}': key is used twice`);
    seenAreas.add(area.key);
    for (const q of area.questions) {
      const at = `question '${q.key}'`;
      if (seenQuestions.has(q.key)) problems.push(`${at}: key is used twice`);
      seenQuestions.add(q.key);
      const choice = q.type === 'single_choice' || q.type === 'multi_choice';
      if (choice && !q.options) problems.push(`${at}: a ${q.type} question needs options`);
      if (!choice && q.options) problems.push(`${at}: only choice questions have options`);
      if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) {
        problems.push(`${at}: option values must be unique`);
      }
      if (q.type !== 'number' && (q.min !== undefined || q.max !== undefined || q.unit)) {
        problems.push(`${at}: min, max and unit belong to number questions`);
      }
      if (q.min !== undefined && q.max !== undefined && q.min > q.max)
        problems.push(`${at}: min is greater than max`);
      if (q.type !== 'scale' && q.weight > 0)
        problems.push(`${at}: only scale questions are scored (weight must be 0)`);
      if (q.continues === q.key) problems.push(`${at}: continues its own key`);
    }
  }
  return problems;
}

/** Parses and validates a questionnaire definition; every problem is named by area and question key. */
export function parseQuestionnaire(text: string, source = 'questionnaire'): QuestionnaireDefinition {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InvalidQuestionnaireError(source, [
      `not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    ]);
  }
  if (!validateShape(doc)) {
    throw new InvalidQuestionnaireError(
      source,
      (validateShape.errors ?? []).map((e) => describePath(doc, e)),
    );
  }
  const problems = semanticProblems(doc);
  if (problems.length > 0) throw new InvalidQuestionnaireError(source, problems);
  return doc;
}

export function loadQuestionnaire(path = DEFAULT_QUESTIONNAIRE): QuestionnaireDefinition {
  return parseQuestionnaire(readFileSync(path, 'utf8'), path);
}

import { DASH, formatDate, formatDecimal, formatScore } from '@app/ui';
import { areaComparisonChart } from '../charts/area-comparison.chart';
import { trendChart } from '../charts/trend.chart';
import type { MunicipalityReportModel } from '../report-model';
import { anonymityNote } from './anonymity-note';
import {
  cellText,
  comparedToNational,
  NUMBER_FIGURES_NOTE,
  quartileText,
  reportSubtitle,
  signedScore,
  suppressedText,
} from './report-texts';
import { nationalQuestionCells } from './question-rows';
import { paragraph, ReportBlock, ReportDocument, ReportSection, TableColumn } from './report-document';

const QUESTION_COLUMNS: TableColumn[] = [
  { header: 'Spørgsmål', width: 6.4 },
  { header: 'Eget svar', width: 1.3, align: 'right' },
  { header: 'Landsgennemsnit', width: 2.5, align: 'right' },
  { header: 'Median', width: 1.3, align: 'right' },
  { header: 'n', width: 0.8, align: 'right' },
  { header: 'Fordeling 1–5 (%)', width: 2.7, align: 'right' },
];

const GAP_COLUMNS: TableColumn[] = [
  { header: 'Spørgsmål', width: 8 },
  { header: 'Eget svar', width: 1.4, align: 'right' },
  { header: 'Landsgennemsnit', width: 2.5, align: 'right' },
  { header: 'Forskel', width: 1.4, align: 'right' },
];

function summary(model: MunicipalityReportModel): ReportSection {
  const { figures, national } = model;
  const o = figures.overall;
  const k = figures.k;
  const year = figures.edition.year;
  const previousYear = figures.previousEdition?.year;
  const nationalMean = national.overall.suppressed ? suppressedText(k) : formatScore(o.nationalMean);
  const blocks: ReportBlock[] = [
    paragraph(
      `Kommunens samlede indeks for ${year} er ${formatScore(o.own)} på skalaen 1–5. ` +
        `Landsgennemsnittet er ${nationalMean}` +
        (o.delta === null ? '.' : `, så kommunen ${comparedToNational(o.delta)}.`),
    ),
    paragraph(
      previousYear === undefined
        ? 'Der er ingen tidligere årgang at sammenligne med.'
        : `I ${previousYear} var kommunens indeks ${formatScore(o.previousOwn)} (ændring ${signedScore(o.ownDelta)}), ` +
            `og landsgennemsnittet var ${formatScore(o.nationalPrevious)} (ændring ${signedScore(o.nationalDelta)}).`,
    ),
    paragraph(quartileText(o.quartile)),
    {
      kind: 'table',
      caption: 'Samlet indeks',
      columns: [
        { header: '', width: 4 },
        { header: String(year), width: 2, align: 'right' },
        { header: previousYear ? String(previousYear) : 'Sidste år', width: 2, align: 'right' },
        { header: 'Ændring', width: 2, align: 'right' },
      ],
      rows: [
        ['Kommunen', formatScore(o.own), formatScore(o.previousOwn), signedScore(o.ownDelta)],
        ['Landsgennemsnit', nationalMean, formatScore(o.nationalPrevious), signedScore(o.nationalDelta)],
      ],
    },
  ];
  return { heading: 'Sammenfatning', blocks };
}

function areas(model: MunicipalityReportModel): ReportSection {
  const k = model.figures.k;
  return {
    heading: 'Områder',
    blocks: [
      paragraph('Kommunens score pr. område sammenlignet med landsgennemsnittet (skala 1–5).'),
      {
        kind: 'chart',
        label: `Radardiagram: ${model.municipality.name} Kommunes score pr. område mod landsgennemsnittet`,
        config: areaComparisonChart(model),
        width: 800,
        height: 620,
      },
      {
        kind: 'table',
        caption: 'Score pr. område',
        columns: [
          { header: 'Område', width: 7 },
          { header: 'Kommunen', width: 2, align: 'right' },
          { header: 'Landsgennemsnit', width: 2.4, align: 'right' },
          { header: 'Forskel', width: 1.6, align: 'right' },
        ],
        rows: model.figures.areas.map((a) => {
          const nationalArea = model.national.areas.find((n) => n.key === a.key);
          return [
            a.title,
            formatScore(a.own),
            nationalArea ? cellText(nationalArea, a.nationalMean, k) : DASH,
            signedScore(a.delta),
          ];
        }),
      },
    ],
  };
}

function questions(model: MunicipalityReportModel): ReportSection {
  const k = model.figures.k;
  const national = new Map(model.national.questions.map((q) => [q.key, q]));
  const tables: ReportBlock[] = model.national.areas
    .map((area) => ({ area, rows: model.figures.questions.filter((q) => q.areaKey === area.key) }))
    .filter(({ rows }) => rows.length > 0)
    .map(({ area, rows }) => ({
      kind: 'table',
      caption: area.title,
      columns: QUESTION_COLUMNS,
      rows: rows.map((q) => [q.text, formatDecimal(q.own), ...nationalQuestionCells(national.get(q.key), k)]),
    }));
  return {
    heading: 'Spørgsmål for spørgsmål',
    blocks: [
      paragraph(
        'Kommunens svar på hvert spørgsmål (1 = ad hoc … 5 = optimeret; "–" er ikke relevant eller ' +
          'ubesvaret) mod landsgennemsnit, median, antal kommuner med svar (n) og fordelingen af ' +
          'svarene på niveau 1–5 i procent.',
      ),
      ...tables,
    ],
  };
}

function trend(model: MunicipalityReportModel): ReportSection {
  return {
    heading: 'Udvikling over tid',
    blocks: [
      {
        kind: 'chart',
        label: `Linjediagram: ${model.municipality.name} Kommunes samlede indeks og landsgennemsnittet pr. årgang`,
        config: trendChart(model.trend),
        width: 800,
        height: 400,
      },
      {
        kind: 'table',
        caption: 'Samlet indeks pr. årgang',
        columns: [
          { header: 'Årgang', width: 2 },
          { header: 'Kommunen', width: 2, align: 'right' },
          { header: 'Landsgennemsnit', width: 2, align: 'right' },
        ],
        rows: model.trend.map((t) => [
          String(t.year),
          formatScore(t.own),
          t.nationalSuppressed ? suppressedText(model.figures.k) : formatScore(t.national),
        ]),
      },
    ],
  };
}

function focus(model: MunicipalityReportModel): ReportSection {
  const gapRow = (q: MunicipalityReportModel['figures']['questions'][number]) => [
    q.text,
    formatDecimal(q.own),
    formatScore(q.nationalMean),
    signedScore(q.delta),
  ];
  const below = model.figures.furthestBelow;
  const focusAreas = model.figures.questions.filter((q) => q.focusArea);
  return {
    heading: 'Fokusliste',
    blocks: [
      below.length
        ? {
            kind: 'table',
            caption: 'Spørgsmål med størst afstand under landsgennemsnittet',
            columns: GAP_COLUMNS,
            rows: below.map(gapRow),
          }
        : paragraph('Kommunen ligger ikke under landsgennemsnittet på noget spørgsmål.'),
      focusAreas.length
        ? {
            kind: 'table',
            caption: 'Nationale fokusområder',
            columns: GAP_COLUMNS,
            rows: focusAreas.map(gapRow),
          }
        : paragraph('Der er ingen nationale fokusområder i denne årgang.'),
    ],
  };
}

function numbers(model: MunicipalityReportModel): ReportSection {
  const k = model.figures.k;
  return {
    heading: 'Angreb og brud',
    blocks: [
      paragraph(`Kommunens egne tal mod landsgennemsnittet. ${NUMBER_FIGURES_NOTE}`),
      {
        kind: 'table',
        caption: 'Angreb og brud mod landsgennemsnittet',
        columns: [
          { header: 'Spørgsmål', width: 7 },
          { header: 'Kommunen', width: 1.8, align: 'right' },
          { header: 'Landsgennemsnit', width: 2.6, align: 'right' },
        ],
        rows: model.figures.numbers.map((n) => {
          const cell = model.national.numbers.find((x) => x.key === n.key);
          const unit = n.unit ? ` (${n.unit})` : '';
          return [
            `${n.text}${unit}`,
            formatDecimal(n.own),
            cell ? cellText(cell, n.nationalMean, k, formatDecimal) : DASH,
          ];
        }),
      },
    ],
  };
}

/** The municipality report's content, in reading order. */
export function municipalityReportDocument(model: MunicipalityReportModel): ReportDocument {
  return {
    title: model.figures.edition.title,
    subtitle: reportSubtitle(model),
    generated: `Dannet ${formatDate(model.generatedAt)}`,
    sections: [
      summary(model),
      areas(model),
      questions(model),
      trend(model),
      focus(model),
      numbers(model),
      anonymityNote(model.figures.k),
    ],
  };
}

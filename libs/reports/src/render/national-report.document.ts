import { DASH, formatDate, formatDecimal, formatPercent, formatRoundedScore, formatScore } from '@app/ui';
import { answerLevelsChart } from '../charts/answer-levels.chart';
import { areaMeansChart } from '../charts/area-means.chart';
import type { NationalReportModel } from '../report-model';
import { anonymityNote } from './anonymity-note';
import { incidentQuartilesSection } from './incident-quartiles-section';
import {
  cellText,
  NUMBER_FIGURES_NOTE,
  reportSubtitle,
  signedDecimal,
  signedPercent,
  signedScore,
  suppressedText,
} from './report-texts';
import { distributionText } from './question-rows';
import { paragraph, ReportBlock, ReportDocument, ReportSection } from './report-document';

type Model = NationalReportModel;

function participation({ national, regions }: Model): ReportSection {
  const p = national.participation;
  const k = national.k;
  const previous = national.previousEdition;
  return {
    heading: 'Deltagelse',
    blocks: [
      paragraph(
        (p.suppressed
          ? `Færre end ${k} af ${p.municipalities} kommuner har indsendt besvarelsen for ${national.edition.year}, ` +
            'så ingen tal fra udgaven offentliggøres.'
          : `${p.participants} af ${p.municipalities} kommuner (${formatPercent(p.sharePercent)}) har indsendt ` +
            `besvarelsen for ${national.edition.year}.`) +
          (previous && p.previousParticipants !== null
            ? ` I ${previous.year} deltog ${p.previousParticipants} kommuner.`
            : ''),
      ),
      {
        kind: 'table',
        caption: 'Deltagelse pr. region',
        columns: [
          { header: 'Region', width: 5 },
          { header: 'Kommuner', width: 2, align: 'right' },
          { header: 'Deltagere', width: 3, align: 'right' },
          { header: 'Andel', width: 2, align: 'right' },
        ],
        rows: regions.groups.map((g) => [
          g.name ?? g.key,
          String(g.municipalities),
          g.participationSuppressed ? suppressedText(k) : formatDecimal(g.participants),
          g.participationSuppressed || g.participants === null || g.municipalities === 0
            ? DASH
            : formatPercent(Math.round((1000 * g.participants) / g.municipalities) / 10),
        ]),
      },
    ],
  };
}

function overall({ national }: Model): ReportSection {
  const o = national.overall;
  const k = national.k;
  const previous = national.previousEdition;
  const text = o.suppressed
    ? `Landsgennemsnittet er skjult (færre end ${k} kommuner).`
    : `Landsgennemsnittet for det samlede indeks er ${formatScore(o.mean)} på skalaen 1–5` +
      (previous && o.previousMean !== null
        ? ` mod ${formatScore(o.previousMean)} i ${previous.year} (ændring ${signedScore(o.meanDelta)}).`
        : '.');
  const stat = (label: string, v: number | null) => [label, cellText(o, v, k)];
  const rounded = (label: string, v: number | null) => [label, cellText(o, v, k, formatRoundedScore)];
  return {
    heading: 'Landsgennemsnit',
    blocks: [
      paragraph(text),
      {
        kind: 'table',
        caption: 'Samlet indeks på tværs af kommunerne',
        columns: [
          { header: 'Mål', width: 4 },
          { header: 'Værdi', width: 2, align: 'right' },
        ],
        rows: [
          stat('Gennemsnit', o.mean),
          rounded('Median', o.median),
          rounded('Nedre kvartil', o.q1),
          rounded('Øvre kvartil', o.q3),
          stat('Standardafvigelse', o.sd),
          ['Antal kommuner (n)', cellText(o, o.n, k, formatDecimal)],
        ],
      },
    ],
  };
}

/** "Antallet af svar på niveau 5 (Optimeret) faldt 19,1 % fra 2024 til 2025." */
function levelChangeText({ national }: Model): string | null {
  const top = national.answerLevels[national.answerLevels.length - 1];
  const previous = national.previousEdition;
  if (!top || !previous || top.countChangePercent === null) return null;
  const change = top.countChangePercent;
  const verb = change < 0 ? 'faldt' : change > 0 ? 'steg' : 'var uændret';
  const amount = change === 0 ? '' : ` ${formatDecimal(Math.abs(change))} %`;
  return (
    `Antallet af svar på niveau ${top.level} (${top.label}) ${verb}${amount} fra ${previous.year} ` +
    `til ${national.edition.year}; andelen ændrede sig ${signedDecimal(top.shareChange)} procentpoint.`
  );
}

function answerLevels(model: Model): ReportSection {
  const { national } = model;
  const k = national.k;
  const change = levelChangeText(model);
  const blocks: ReportBlock[] = [
    paragraph('Fordelingen af alle svar på de fem modenhedsniveauer, i år og sidste år.'),
    {
      kind: 'chart',
      label: 'Søjlediagram: andel af alle svar pr. svarniveau, i år og sidste år',
      config: answerLevelsChart(national),
      width: 800,
      height: 420,
    },
  ];
  if (change) blocks.push(paragraph(change));
  blocks.push({
    kind: 'table',
    caption: 'Svar pr. niveau',
    columns: [
      { header: 'Niveau', width: 3.4 },
      { header: 'Antal', width: 1.6, align: 'right' },
      { header: 'Andel', width: 1.6, align: 'right' },
      { header: 'Antal sidste år', width: 2, align: 'right' },
      { header: 'Ændring i antal', width: 2, align: 'right' },
      { header: 'Ændring i andel (point)', width: 2.2, align: 'right' },
    ],
    rows: national.answerLevels.map((l) => [
      `${l.level} ${l.label}`,
      cellText(l, l.count, k, formatDecimal),
      l.suppressed ? DASH : formatPercent(l.share),
      formatDecimal(l.previousCount),
      signedPercent(l.countChangePercent),
      signedDecimal(l.shareChange),
    ]),
  });
  return { heading: 'Fordeling på svarniveauer', blocks };
}

function areas({ national }: Model): ReportSection {
  const k = national.k;
  return {
    heading: 'Områder',
    blocks: [
      {
        kind: 'chart',
        label: 'Søjlediagram: landsgennemsnit pr. område',
        config: areaMeansChart(national),
        width: 800,
        height: 520,
      },
      {
        kind: 'table',
        caption: 'Landsgennemsnit pr. område',
        columns: [
          { header: 'Område', width: 7 },
          { header: 'Gennemsnit', width: 2.2, align: 'right' },
          { header: 'Sidste år', width: 2, align: 'right' },
          { header: 'Ændring', width: 1.8, align: 'right' },
        ],
        rows: national.areas.map((a) => [
          a.title,
          cellText(a, a.mean, k),
          formatScore(a.previousMean),
          signedScore(a.meanDelta),
        ]),
      },
    ],
  };
}

function lowestQuestions({ national }: Model): ReportSection {
  const titles = new Map(national.areas.map((a) => [a.key, a.title]));
  const lowest = national.questions
    .filter((q) => !q.suppressed && q.mean !== null)
    .sort((a, b) => a.mean! - b.mean!)
    .slice(0, 10);
  return {
    heading: 'De 10 laveste spørgsmål',
    blocks: [
      {
        kind: 'table',
        caption: 'Spørgsmål med det laveste landsgennemsnit',
        columns: [
          { header: 'Spørgsmål', width: 7 },
          { header: 'Gennemsnit', width: 2, align: 'right' },
          { header: 'Median', width: 1.5, align: 'right' },
          { header: 'n', width: 1, align: 'right' },
          { header: 'Fordeling 1–5 (%)', width: 3, align: 'right' },
        ],
        rows: lowest.map((q) => [
          `${q.text} (${titles.get(q.areaKey ?? '') ?? DASH})`,
          formatScore(q.mean),
          formatScore(q.median),
          formatDecimal(q.n),
          distributionText(q),
        ]),
      },
    ],
  };
}

function numbers({ national }: Model): ReportSection {
  const k = national.k;
  return {
    heading: 'Angreb og brud',
    blocks: [
      paragraph(NUMBER_FIGURES_NOTE),
      {
        kind: 'table',
        caption: 'Angreb og brud på tværs af kommunerne',
        columns: [
          { header: 'Spørgsmål', width: 6 },
          { header: 'Gennemsnit', width: 2.4, align: 'right' },
          { header: 'Standardafvigelse', width: 2.4, align: 'right' },
          { header: 'n', width: 1, align: 'right' },
        ],
        rows: national.numbers.map((n) => [
          `${n.text}${n.unit ? ` (${n.unit})` : ''}`,
          cellText(n, n.mean, k, formatDecimal),
          n.suppressed ? DASH : formatDecimal(n.sd),
          n.suppressed ? DASH : formatDecimal(n.n),
        ]),
      },
    ],
  };
}

function regions({ national, regions }: Model): ReportSection {
  const k = national.k;
  return {
    heading: 'Regioner',
    blocks: [
      {
        kind: 'table',
        caption: 'Samlet indeks pr. region',
        columns: [
          { header: 'Region', width: 4 },
          { header: 'Gennemsnit', width: 2.6, align: 'right' },
          { header: 'Median', width: 1.6, align: 'right' },
          { header: 'Nedre–øvre kvartil', width: 2.6, align: 'right' },
          { header: 'n', width: 1, align: 'right' },
        ],
        rows: regions.groups.map((g) => [
          g.name ?? g.key,
          cellText(g.overall, g.overall.mean, k),
          g.overall.suppressed ? DASH : formatRoundedScore(g.overall.median),
          g.overall.suppressed || g.overall.q1 === null
            ? DASH
            : `${formatRoundedScore(g.overall.q1)}–${formatRoundedScore(g.overall.q3)}`,
          g.overall.suppressed ? DASH : formatDecimal(g.overall.n),
        ]),
      },
    ],
  };
}

/** The national report's content, in reading order. */
export function nationalReportDocument(model: Model): ReportDocument {
  return {
    // The edition's own title, as KL named it ("Baseline 2024"), heads the report.
    title: model.national.edition.title,
    subtitle: reportSubtitle(model),
    generated: `Dannet ${formatDate(model.generatedAt)}`,
    sections: [
      participation(model),
      overall(model),
      answerLevels(model),
      areas(model),
      lowestQuestions(model),
      numbers(model),
      regions(model),
      incidentQuartilesSection(model),
      anonymityNote(model.national.k),
    ],
  };
}

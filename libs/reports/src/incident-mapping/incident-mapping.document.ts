import type { IncidentCountDto, IncidentYearFigures } from '@app/incidents';
import { BREACH_TYPE_LABELS, RSIT_CLASS_LABELS } from '@app/incidents';
import { DASH, formatDate, formatDateTime, formatDecimal, formatNumber, formatPercent } from '@app/ui';
import { incidentsByMonthChart, regionRatesChart } from '../charts/incident-mapping.charts';
import { paragraph, ReportDocument, ReportSection, TableColumn } from '../render/report-document';
import { signedPercent } from '../render/report-texts';

export interface IncidentMappingModel {
  figures: IncidentYearFigures;
  generatedAt: Date;
}

/** "Kortlægning af cyberhændelser 2026": the PDF's title, and its file name's. */
export const incidentMappingTitle = (year: number) => `Kortlægning af cyberhændelser ${year}`;

const SHORT_MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

const count = (n: number | null) => (n === null ? DASH : formatNumber(n));
const share = (part: number | null, whole: number | null) =>
  part === null || !whole ? DASH : formatPercent(Math.round((1000 * part) / whole) / 10);
/** "12,5 t" under two days, "3,2 døgn" above: how long an incident took, as a reader measures it. */
const hours = (h: number | null) =>
  h === null ? DASH : h < 48 ? `${formatDecimal(h)} t` : `${formatDecimal(Math.round(h / 2.4) / 10)} døgn`;

/** The columns of a count table: the label, the year's incidents, a share, and the year before. */
function countTable(
  caption: string,
  header: string,
  cells: IncidentCountDto[],
  whole: number | null,
  label: (c: IncidentCountDto) => string = (c) => c.label,
) {
  const columns: TableColumn[] = [
    { header, width: 6 },
    { header: 'Hændelser', width: 2, align: 'right' },
    { header: 'Andel', width: 2, align: 'right' },
    { header: 'Året før', width: 2, align: 'right' },
    { header: 'Ændring', width: 2, align: 'right' },
  ];
  return {
    kind: 'table' as const,
    caption,
    columns,
    rows: cells.map((c) => [
      label(c),
      count(c.incidents),
      share(c.incidents, whole),
      count(c.previousIncidents),
      signedPercent(c.changePercent),
    ]),
  };
}

function about({ figures, generatedAt }: IncidentMappingModel): ReportSection {
  const { year, computedAt } = figures;
  const asOf = computedAt
    ? `Tallene er opgjort ${formatDateTime(computedAt)}${figures.stale ? '; nyere ændringer i hændelsesloggen er endnu ikke talt med' : ''}.`
    : 'Tallene er endnu ikke opgjort.';
  return {
    heading: 'Om kortlægningen',
    blocks: [
      paragraph(
        `KommuneCERT's kortlægning af de cyberhændelser, kommunerne har registreret i Baseline i ${year}: ` +
          'hændelser pr. måned og RSIT-klasse, pr. region og alvor, brud på persondatasikkerheden, ' +
          'overholdte frister og tiden fra kendskab til inddæmning og løsning, hver med året før. ' +
          'En hændelse hører til den måned, hvor kommunen fik kendskab til den; hændelser lukket som ' +
          '"ikke en hændelse" eller som dubletter tælles ikke med.',
      ),
      paragraph(
        'Kortlægningen nævner ingen kommune. Den viser kun tal for hele landet og de fem regioner, ' +
          'så den kan deles videre uden for KommuneCERT. Tallene er ikke skjult efter K-reglen, som ' +
          'Baselines øvrige statistik er: er der få hændelser i en region eller klasse, kan de stamme ' +
          'fra én kommune. Del den derfor kun med nogen, der må kende regionale tal.',
      ),
      paragraph(`${asOf} Dannet ${formatDate(generatedAt)}.`),
    ],
  };
}

function totals({ figures }: IncidentMappingModel): ReportSection {
  const t = figures.national.total;
  const change =
    t.changePercent === null
      ? ''
      : ` Det er ${signedPercent(t.changePercent)} i forhold til ${figures.year - 1} (${count(t.previousIncidents)}).`;
  return {
    heading: 'Hændelser i alt',
    blocks: [
      paragraph(
        `Kommunerne registrerede ${count(t.incidents)} hændelser i ${figures.year}, ` +
          `${formatDecimal(t.per10k)} pr. 10.000 indbyggere.${change}`,
      ),
    ],
  };
}

function months({ figures }: IncidentMappingModel): ReportSection {
  const keys = figures.national.groups.map((g) => g.key);
  const present = [...new Set(figures.monthsByClass.filter((c) => c.incidents > 0).map((c) => c.rsitClass))];
  const classes = Object.keys(RSIT_CLASS_LABELS).filter((c) => present.includes(c));
  const label = (c: string) => RSIT_CLASS_LABELS[c as keyof typeof RSIT_CLASS_LABELS] ?? c;
  const values = (cls: string) =>
    keys.map((m) => figures.monthsByClass.find((c) => c.month === m && c.rsitClass === cls)?.incidents ?? 0);
  const byClass = new Map(figures.classes.map((c) => [c.key, c]));
  return {
    heading: 'Hændelser pr. måned og RSIT-klasse',
    blocks: [
      paragraph(
        'Hændelserne er klassificeret efter den europæiske taksonomi RSIT (Reference Security Incident ' +
          'Taxonomy), som CFCS og de danske CSIRT’er bruger.',
      ),
      {
        kind: 'chart',
        label: `Hændelser pr. måned i ${figures.year}, stablet efter RSIT-klasse`,
        config: incidentsByMonthChart(
          SHORT_MONTHS.slice(0, keys.length),
          classes.map((c) => ({ label: label(c), values: values(c) })),
        ),
        width: 800,
        height: 460,
      },
      {
        kind: 'table',
        caption: `Hændelser pr. måned og RSIT-klasse, ${figures.year}`,
        columns: [
          { header: 'RSIT-klasse', width: 5 },
          ...SHORT_MONTHS.map((m): TableColumn => ({ header: m, width: 1.2, align: 'right' })),
          { header: 'I alt', width: 1.6, align: 'right' },
        ],
        rows: [
          ...classes.map((c) => [
            label(c),
            ...values(c).map(formatNumber),
            count(byClass.get(c)?.incidents ?? 0),
          ]),
          [
            'I alt',
            ...figures.national.groups.map((g) => count(g.incidents)),
            count(figures.national.total.incidents),
          ],
          [
            `Året før (${figures.year - 1})`,
            ...figures.national.groups.map((g) => count(g.previousIncidents)),
            count(figures.national.total.previousIncidents),
          ],
        ],
      },
      countTable(
        `Hændelser pr. RSIT-klasse, ${figures.year} mod ${figures.year - 1}`,
        'RSIT-klasse',
        figures.classes.filter((c) => (c.incidents ?? 0) > 0 || (c.previousIncidents ?? 0) > 0),
        figures.national.total.incidents,
        (c) => label(c.key),
      ),
    ],
  };
}

function regions({ figures }: IncidentMappingModel): ReportSection {
  return {
    heading: 'Hændelser pr. region',
    blocks: [
      paragraph(
        'Regionernes hændelser pr. 10.000 indbyggere (befolkning fra Danmarks Statistik), så store og ' +
          'små regioner kan sammenlignes.',
      ),
      {
        kind: 'chart',
        label: `Hændelser pr. 10.000 indbyggere pr. region i ${figures.year}`,
        config: regionRatesChart(
          figures.regions.map((r) => ({ label: r.label, per10k: r.total.per10k })),
          figures.national.total.per10k,
        ),
        width: 800,
        height: 360,
      },
      {
        kind: 'table',
        caption: `Hændelser pr. region, ${figures.year}`,
        columns: [
          { header: 'Region', width: 5 },
          { header: 'Indbyggere', width: 3, align: 'right' },
          { header: 'Hændelser', width: 2.5, align: 'right' },
          { header: 'Pr. 10.000 indbyggere', width: 3, align: 'right' },
          { header: 'Året før', width: 2.5, align: 'right' },
          { header: 'Ændring', width: 2.5, align: 'right' },
        ],
        rows: [...figures.regions, figures.national].map((r) => [
          r.label,
          formatNumber(r.population),
          count(r.total.incidents),
          formatDecimal(r.total.per10k),
          count(r.total.previousIncidents),
          signedPercent(r.total.changePercent),
        ]),
      },
    ],
  };
}

function severities({ figures }: IncidentMappingModel): ReportSection {
  return {
    heading: 'Hændelser pr. alvor',
    blocks: [
      paragraph('Alvoren er KommuneCERT’s vurdering efter triage (lav, middel, høj, kritisk).'),
      countTable(
        `Hændelser pr. alvor, ${figures.year}`,
        'Alvor',
        figures.severities,
        figures.national.total.incidents,
      ),
    ],
  };
}

function breaches({ figures }: IncidentMappingModel): ReportSection {
  const pdb = figures.national.personalDataBreaches;
  const notified = pdb.byStatus.find((s) => s.key === 'notified')!;
  const documented = pdb.byStatus.find((s) => s.key === 'documented')!;
  return {
    heading: 'Brud på persondatasikkerheden',
    blocks: [
      paragraph(
        `${count(pdb.total.incidents)} hændelser var brud på persondatasikkerheden. ` +
          `${count(notified.incidents)} blev anmeldt til Datatilsynet, og ${count(documented.incidents)} ` +
          'blev kun dokumenteret internt, fordi bruddet ikke var anmeldelsespligtigt (GDPR art. 33).',
      ),
      countTable(`Brud efter anmeldelse, ${figures.year}`, 'Status', pdb.byStatus, pdb.total.incidents),
      countTable(
        `Brud efter type, ${figures.year}`,
        'Type',
        pdb.byType,
        pdb.total.incidents,
        (c) => BREACH_TYPE_LABELS[c.key as keyof typeof BREACH_TYPE_LABELS] ?? c.key,
      ),
    ],
  };
}

function deadlines({ figures }: IncidentMappingModel): ReportSection {
  return {
    heading: 'Frister overholdt',
    blocks: [
      paragraph(
        'En frist tælles, når den er afgjort: indsendt, eller overskredet uden at være indsendt. ' +
          'Overholdt betyder indsendt senest ved fristen.',
      ),
      {
        kind: 'table',
        caption: `Frister overholdt pr. slags, ${figures.year}`,
        columns: [
          { header: 'Frist', width: 6 },
          { header: 'Afgjort', width: 2, align: 'right' },
          { header: 'Overholdt', width: 2, align: 'right' },
          { header: 'Andel overholdt', width: 2.5, align: 'right' },
        ],
        rows: figures.national.obligations.map((o) => [
          o.label,
          count(o.decided),
          count(o.metOnTime),
          o.shareMetOnTime === null ? DASH : formatPercent(Math.round(o.shareMetOnTime * 1000) / 10),
        ]),
      },
    ],
  };
}

function times({ figures }: IncidentMappingModel): ReportSection {
  const n = figures.national;
  return {
    heading: 'Tid til inddæmning og løsning',
    blocks: [
      paragraph(
        'Mediantiden fra kommunen fik kendskab til hændelsen, til den var inddæmmet og til den var løst, ' +
          'for de hændelser, hvor tidspunktet er registreret. Tiderne gemmes i intervaller (fx 4–8 timer), ' +
          'og medianen findes inden for intervallet med den midterste hændelse.',
      ),
      {
        kind: 'table',
        caption: `Mediantid fra kendskab, ${figures.year}`,
        columns: [
          { header: 'Til', width: 5 },
          { header: 'Median', width: 3, align: 'right' },
          { header: 'Hændelser med tidspunkt', width: 3, align: 'right' },
        ],
        rows: [
          ['Inddæmmet', hours(n.awareToContained.medianHours), count(n.awareToContained.incidents)],
          ['Løst', hours(n.awareToResolved.medianHours), count(n.awareToResolved.incidents)],
        ],
      },
    ],
  };
}

/**
 * The yearly mapping as report blocks for the survey reports' PDF renderer. It is built from the
 * national and regional scopes alone (IncidentYearFigures has no others), so it names no municipality.
 */
export function incidentMappingDocument(model: IncidentMappingModel): ReportDocument {
  return {
    title: incidentMappingTitle(model.figures.year),
    subtitle: 'KommuneCERT – hele landet og regionerne',
    generated: `Dannet ${formatDate(model.generatedAt)}`,
    tagline: 'KommuneCERT’s kortlægning af cyberhændelser i kommunerne',
    sections: [about, totals, months, regions, severities, breaches, deadlines, times].map((s) => s(model)),
  };
}

import { formatDecimal } from '@app/ui';
import type { NationalReportModel } from '../report-model';
import { paragraph, ReportBlock, ReportSection } from './report-document';
import { suppressedText } from './report-texts';

type Quartiles = NationalReportModel['incidentQuartiles'];

/** "1 (laveste modenhed)": a quartile is named by its number only, never by its boundaries. */
export const quartileLabel = (quartile: number) =>
  quartile === 1 ? '1 (laveste modenhed)' : quartile === 4 ? '4 (højeste modenhed)' : String(quartile);

export const ALL_MUNICIPALITIES = 'Alle kommuner';
export const RATE_HEADER = 'Hændelser pr. 10.000 indbyggere';

/** One row per quartile and one for the whole country, as text; hidden figures say so. */
export function incidentQuartileRows(
  quartiles: Quartiles,
  municipalities: number,
  k: number,
): Array<{ label: string; municipalities: string; rate: string }> {
  const rate = (cell: { suppressed: boolean; incidentsPer10k: number | null }) =>
    cell.suppressed ? suppressedText(k) : formatDecimal(cell.incidentsPer10k);
  return [
    ...quartiles.quartiles.map((q) => ({
      label: quartileLabel(q.quartile),
      municipalities: q.municipalitiesSuppressed ? suppressedText(k) : formatDecimal(q.municipalities),
      rate: rate(q),
    })),
    {
      label: ALL_MUNICIPALITIES,
      municipalities: formatDecimal(municipalities),
      rate: rate(quartiles.national),
    },
  ];
}

/**
 * "Hændelser og modenhed": KommuneCERT's incidents of the edition's year per 10,000 inhabitants,
 * by quartile of the participants' overall index (docs/statistics.md). Aggregated and K-suppressed
 * by the statistics service; this only words it.
 */
export function incidentQuartilesSection({
  national,
  incidentQuartiles: q,
}: NationalReportModel): ReportSection {
  const k = national.k;
  const heading = 'Hændelser og modenhed';
  if (q.suppressed)
    return {
      heading,
      blocks: [
        paragraph(
          `Færre end ${k} kommuner har indsendt besvarelsen, så hændelser fordelt på modenhed offentliggøres ikke.`,
        ),
      ],
    };
  const blocks: ReportBlock[] = [
    paragraph(
      'De deltagende kommuner er delt i fire kvartiler efter deres samlede indeks, som i kommunernes egne ' +
        'rapporter: 1 er den fjerdedel med den laveste modenhed, 4 den med den højeste. For hver kvartil ' +
        `vises antallet af hændelser i KommuneCERTs hændelseslog i ${q.year} pr. 10.000 indbyggere. En ` +
        'hændelse tæller i det år, kommunen fik kendskab til den; hændelser, der viste sig ikke at være ' +
        'hændelser, og dubletter tæller ikke. Kvartilernes grænser oplyses ikke.',
    ),
  ];
  if (!q.national.suppressed && q.national.incidentsPer10k === 0)
    blocks.push(paragraph(`Hændelsesloggen har ingen hændelser fra ${q.year}.`));
  blocks.push(
    paragraph(
      `En kvartil, hvor færre end ${k} kommuner har haft hændelser, vises som skjult, og så skjules ` +
        'også en anden, så tallet ikke kan regnes ud fra landstallet eller de kommuner, der ikke deltog.',
    ),
    {
      kind: 'table',
      caption: `Hændelser i ${q.year} pr. 10.000 indbyggere efter modenhedskvartil`,
      columns: [
        { header: 'Kvartil (samlet indeks)', width: 4 },
        { header: 'Kommuner', width: 2, align: 'right' },
        { header: RATE_HEADER, width: 3.4, align: 'right' },
      ],
      rows: incidentQuartileRows(q, national.participation.municipalities, k).map((r) => [
        r.label,
        r.municipalities,
        r.rate,
      ]),
    },
  );
  return { heading, blocks };
}

import { paragraph, ReportSection } from './report-document';

/** The same explanation of K and suppression closes every report. */
export const anonymityNote = (k: number): ReportSection => ({
  heading: 'Om anonymitet og skjulte tal',
  blocks: [
    paragraph(
      `Tal, der beskriver færre end K = ${k} kommuner (eller svar), offentliggøres ikke. De står i ` +
        `rapporten som "Skjult (færre end ${k} kommuner)" eller "–" – aldrig som 0. Hvis kun én ` +
        'celle i en opdeling (fx en region eller et svarniveau) skulle skjules, skjules også den ' +
        'mindste af de øvrige, så den skjulte værdi ikke kan regnes ud fra totalen.',
    ),
    paragraph(
      'Kommunens egne svar og scorer kan kun ses af kommunens egne sikkerhedsansvarlige. ' +
        'Landstal er gennemsnit over de kommuner, der har indsendt besvarelsen; "ikke relevant" tæller ikke med.',
    ),
  ],
});

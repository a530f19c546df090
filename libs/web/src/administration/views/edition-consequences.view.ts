import type { Edition } from '@app/surveys';
import { formatDateTime, html, SafeHtml } from '@app/ui';
import { alert } from '../../views/components.view';
import { ADMIN_EDITIONS_PATH } from './editions-admin.view';

/** "1 kommune" / "12 kommuner" */
const municipalities = (n: number) => (n === 1 ? '1 kommune' : `${n} kommuner`);

export interface CloseFacts {
  submitted: number;
  inProgress: number;
  notStarted: number;
  /** The deadline lies ahead: closing now cuts off those still answering. */
  early: boolean;
}

/** What closing does: who can no longer answer (by count), and that the figures are computed. */
export function closeConsequences(edition: Edition, f: CloseFacts): SafeHtml {
  const participation = `${ADMIN_EDITIONS_PATH}/${edition.id}/deltagelse`;
  return html`${
      f.early
        ? alert(
            'warning',
            'Svarfristen er ikke nået',
            `Fristen er ${formatDateTime(edition.closesAt!)}, og kommunerne regner med at kunne svare til da. ` +
              'Skriv, hvorfor udgaven lukkes før tid. Begrundelsen gemmes i revisionsloggen.',
          )
        : null
    }
    <p class="font-lead">
      Når udgaven lukkes, kan ingen kommune længere svare, ændre sine svar eller indsende.
    </p>
    <ul>
      <li><strong>${municipalities(f.submitted)}</strong> har indsendt. Deres svar indgår i statistikken.</li>
      <li>
        <strong>${municipalities(f.inProgress)}</strong> er i gang uden at have indsendt. Deres svar tæller
        ikke med, og de kan ikke længere indsende.
      </li>
      <li>
        <strong>${municipalities(f.notStarted)}</strong> er ikke gået i gang og kan ikke længere deltage.
      </li>
      <li>Statistikken for udgaven bliver beregnet. Kun KL kan se den, indtil udgaven offentliggøres.</li>
    </ul>
    <p><a href="${participation}?status=in_progress">Se kommunerne, der er i gang</a></p>`;
}

export interface PublishFacts {
  participants: number;
  k: number;
}

function ownReports(participants: number): string {
  const who = 'Den kan kun kommunens egne brugere se.';
  if (participants === 0) return 'Ingen kommune har indsendt, så ingen får en kommunerapport.';
  if (participants === 1) return `Den ene kommune, der har indsendt, får sin kommunerapport. ${who}`;
  return `Hver af de ${participants} kommuner, der har indsendt, får sin kommunerapport. ${who}`;
}

/** What publishing makes visible to whom, and the anonymity limit that still applies. */
export function publishConsequences(edition: Edition, { participants, k }: PublishFacts): SafeHtml {
  const small = participants < k;
  return html`${
      small
        ? alert(
            'warning',
            participants === 0
              ? `Ingen kommuner har indsendt ${edition.title}`
              : `Kun ${municipalities(participants)} har indsendt ${edition.title}`,
            `Udgaven har færre end ${k} deltagere. For at ingen kommune kan genkendes, bliver alle tal fra ` +
              'udgaven vist som skjulte, også landstallene.',
            { id: 'small-edition-warning' },
          )
        : null
    }
    <p class="font-lead">
      Når udgaven offentliggøres, bliver resultaterne af ${edition.title} synlige for alle, der er logget ind
      på platformen.
    </p>
    <ul>
      <li>
        Landsrapporten (PDF, HTML, CSV og JSON) kan hentes af alle kommuner, KL, KommuneCERT og
        administratorer.
      </li>
      <li>Landstal, regionstal og tal for kommunestørrelser bliver synlige for alle kommuner.</li>
      <li>${ownReports(participants)}</li>
      <li>
        Grupper med færre end ${k} kommuner vises som skjulte (anonymitetsgrænsen K = ${k}). Ingen kommunes
        svar bliver vist.
      </li>
      <li>
        Offentliggørelsen kan trækkes tilbage, men rapporter, der allerede er hentet, kan ikke kaldes tilbage.
      </li>
    </ul>`;
}

/** What withdrawing a publication hides again, and from whom. */
export function withdrawConsequences(edition: Edition): SafeHtml {
  return html`<p class="font-lead">
      Udgaven får igen status »Lukket«, og resultaterne af ${edition.title} bliver skjult for alle andre end
      KL.
    </p>
    <ul>
      <li>
        Landsrapporten og landstallene kan ikke længere ses af kommuner, KommuneCERT og administratorer.
      </li>
      <li>Kommunerapporterne for ${edition.title} kan ikke længere hentes.</li>
      <li>KL kan stadig se tallene og offentliggøre udgaven igen.</li>
      <li>Rapporter, der allerede er hentet, kan ikke kaldes tilbage.</li>
      <li>Begrundelsen gemmes i revisionsloggen.</li>
    </ul>`;
}

/** What deleting a draft removes. */
export function deleteConsequences(edition: Edition, questions: number): SafeHtml {
  return html`<p class="font-lead">
      Kladden ${edition.title} og dens spørgeskema med ${questions} spørgsmål bliver slettet.
    </p>
    <ul>
      <li>Kladden har aldrig været synlig for kommunerne, og ingen har svaret på den.</li>
      <li>Sletningen kan ikke fortrydes. Sletningen gemmes i revisionsloggen.</li>
    </ul>`;
}

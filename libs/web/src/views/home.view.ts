import { html } from '../html';
import { layout, PageUser } from './layout.view';

export function homeView(user: PageUser, csrfToken: string): string {
  const where = user.municipalityName ? html` for <strong>${user.municipalityName} Kommune</strong>` : null;
  return layout({
    title: 'Forside',
    user,
    csrfToken,
    body: html`<h1>Velkommen, ${user.displayName}</h1>
      <p class="font-lead">Du er logget ind som <strong>${user.roleLabel}</strong>${where}.</p>
      <div class="alert alert-info">
        <div class="alert-body">
          <p class="alert-heading">Om Baseline</p>
          <p class="alert-text">
            Baseline er kommunernes årlige undersøgelse af cyber- og informationssikkerhed. Hver kommune får
            en rapport, der sammenligner kommunens resultat med landsgennemsnittet, og KommuneCERT følger
            hændelser på tværs af kommunerne.
          </p>
        </div>
      </div>`,
  });
}

import { homeView, HomeNotification } from './home.view';

const cert = {
  role: 'cert_analyst' as const,
  displayName: 'Analytiker',
  roleLabel: 'KommuneCERT-analytiker',
};

function message(i: number, link: string | null): HomeNotification {
  return {
    title: `Besked ${i}`,
    body: `Tekst ${i}`,
    link,
    createdAt: new Date(Date.UTC(2026, 11, 1, 8, i)),
    readAt: null,
  };
}

describe('home page messages', () => {
  it('shows the five newest unread messages in full and counts the rest', () => {
    const page = homeView(
      cert,
      'token',
      Array.from({ length: 8 }, (_, i) => message(i, `/haendelser/${i}`)),
    );
    const shown = [...page.matchAll(/Besked (\d)/g)].map((m) => Number(m[1]));
    expect(shown).toEqual([7, 6, 5, 4, 3]);
    expect(page).toContain('3 ulæste beskeder mere.');
  });

  it('names where a link goes: the incident or the survey', () => {
    const page = homeView(cert, 'token', [message(1, '/haendelser/abc'), message(2, '/undersoegelser/x')]);
    expect(page).toContain('<a href="/haendelser/abc">Gå til hændelsen</a>');
    expect(page).toContain('<a href="/undersoegelser/x">Gå til undersøgelsen</a>');
    expect(page).not.toContain('mere.');
  });
});

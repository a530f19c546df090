import { contentDisposition } from './send-file';

describe(contentDisposition.name, () => {
  it('keeps a plain name as it is, twice', () => {
    expect(contentDisposition('attachment', 'baseline-2025-151.pdf')).toBe(
      `attachment; filename="baseline-2025-151.pdf"; filename*=UTF-8''baseline-2025-151.pdf`,
    );
  });

  it('gives Danish letters in UTF-8 and an ASCII fallback', () => {
    expect(contentDisposition('inline', 'Ærø kommune.csv')).toBe(
      `inline; filename="r kommune.csv"; filename*=UTF-8''%C3%86r%C3%B8%20kommune.csv`,
    );
  });

  it('lets no quote, semicolon or line break out of the header', () => {
    const header = contentDisposition('attachment', 'a";\r\nSet-Cookie: x=1;.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(
      `attachment; filename="a__Set-Cookie: x=1_.pdf"; filename*=UTF-8''a%22%3B%0D%0ASet-Cookie%3A%20x%3D1%3B.pdf`,
    );
  });
});

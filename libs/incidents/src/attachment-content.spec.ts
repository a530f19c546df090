import { sniffMediaType } from './attachment-content';

describe('attachment content sniffing', () => {
  it('recognises the allow-listed types by their content', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('Received: from mail.example\r\nSubject: Faktura\r\n'))).toBe(
      'text/plain',
    );
    expect(sniffMediaType(Buffer.from('hændelse æøå\tok\n'))).toBe('text/plain');
  });

  it('refuses executables, binaries and empty files, whatever their name says', () => {
    expect(sniffMediaType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeNull();
    expect(sniffMediaType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toBeNull();
    expect(sniffMediaType(Buffer.from([0xc3, 0x28]))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
  });
});

/** An attachment may be at most 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The media types an attachment may have, recognised by content (the declared type is not trusted). */
export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'application/zip',
  'text/plain',
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

const SIGNATURES: Array<{ type: AttachmentMediaType; bytes: number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

/**
 * The allow-listed type of the content, or null when it is none of them. Text is UTF-8 without
 * control characters other than tab, line feed, carriage return and form feed (logs, e-mail headers,
 * CSV of indicators).
 */
export function sniffMediaType(content: Buffer): AttachmentMediaType | null {
  for (const s of SIGNATURES) {
    if (content.length >= s.bytes.length && s.bytes.every((b, i) => content[i] === b)) return s.type;
  }
  if (content.length === 0) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return content.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d) &&
      !content.includes(0x7f)
      ? 'text/plain'
      : null;
  } catch {
    return null;
  }
}
